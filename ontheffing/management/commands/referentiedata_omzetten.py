"""Convert the CBS reference data (CSV) into the committed fixture.

    python manage.py referentiedata_omzetten ../shared/data fixtures/referentiedata.json

Run once when CBS publishes a new municipal division; the project itself only
loads the fixture (``make run`` does ``loaddata referentiedata``). Bron: CBS,
CC BY 4.0.
"""

import csv
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Zet provincies.csv en gemeenten.csv (CBS) om in fixtures/referentiedata.json."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "map", type=Path, help="Map met provincies.csv en gemeenten.csv"
        )
        parser.add_argument(
            "uitvoer", type=Path, help="Het fixture-bestand dat wordt geschreven"
        )

    def handle(self, *args, map: Path, uitvoer: Path, **options):
        try:
            with open(map / "provincies.csv", encoding="utf-8", newline="") as f:
                provincies = list(csv.DictReader(f))
            with open(map / "gemeenten.csv", encoding="utf-8", newline="") as f:
                gemeenten = list(csv.DictReader(f))
        except FileNotFoundError as exc:
            raise CommandError(f"Bestand niet gevonden: {exc.filename}") from exc
        if len(provincies) != 12:
            raise CommandError(f"Verwacht 12 provincies, gevonden {len(provincies)}.")
        pk_van = {p["provinciecode"]: i for i, p in enumerate(provincies, start=1)}
        records = [
            {
                "model": "ontheffing.provincie",
                "pk": pk_van[p["provinciecode"]],
                "fields": {"code": p["provinciecode"], "naam": p["provincienaam"]},
            }
            for p in provincies
        ]
        for i, g in enumerate(gemeenten, start=1):
            if g["provinciecode"] not in pk_van:
                raise CommandError(f"Onbekende provincie bij {g['gemeentecode']}.")
            records.append(
                {
                    "model": "ontheffing.gemeente",
                    "pk": i,
                    "fields": {
                        "code": g["gemeentecode"],
                        "naam": g["gemeentenaam"],
                        "provincie": pk_van[g["provinciecode"]],
                        "inwoners": int(g["inwoners"]) if g["inwoners"] else None,
                    },
                }
            )
        uitvoer.parent.mkdir(parents=True, exist_ok=True)
        uitvoer.write_text(
            json.dumps(records, ensure_ascii=False, indent=1) + "\n", "utf-8"
        )
        self.stdout.write(
            f"{len(provincies)} provincies en {len(gemeenten)} gemeenten -> {uitvoer}"
        )
