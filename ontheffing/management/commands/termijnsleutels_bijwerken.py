"""Recompute the stored deadline (the worklist's sort key) of every open case.

The services keep it current; run this after loading data by other means or
after a change in the deadline rules. Idempotent."""

from django.core.management.base import BaseCommand
from django.db import transaction

from ontheffing.models import Verzoek
from ontheffing.services import termijnsleutel_bijwerken


class Command(BaseCommand):
    help = (
        "Berekent de opgeslagen beslistermijn (sorteersleutel) van alle open verzoeken."
    )

    def handle(self, *args, **options):
        aantal = 0
        open_verzoeken = Verzoek.objects.open().prefetch_related("opschortingen")
        for verzoek in open_verzoeken.iterator(chunk_size=1000):
            with transaction.atomic():
                termijnsleutel_bijwerken(verzoek)
            aantal += 1
        self.stdout.write(f"Beslistermijn bijgewerkt van {aantal} open verzoeken.")
