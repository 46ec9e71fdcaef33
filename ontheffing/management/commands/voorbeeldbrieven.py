"""Write a PDF of every letter type from made-up data, for people who review letters.

Nothing is read from or written to the database.
"""

from pathlib import Path

from django.core.management.base import BaseCommand

from ontheffing.brieven.opmaak import render
from ontheffing.brieven.voorbeelden import voorbeelden


class Command(BaseCommand):
    help = "Schrijft een voorbeeld-PDF van elke briefsoort naar <map>."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("map", type=Path)

    def handle(self, *args, map: Path, **options):
        map.mkdir(parents=True, exist_ok=True)
        for naam, brief in voorbeelden().items():
            pad = map / f"{naam}.pdf"
            pad.write_bytes(render(brief).pdf)
            self.stdout.write(str(pad))
