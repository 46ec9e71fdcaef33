"""Load provinces and municipalities from fixtures/referentiedata.json, by CBS code.

Idempotent and non-destructive: it adds what is missing and updates names and
inhabitants, but never touches what a province's beheerder entered (addresses,
signatories). Every province gets version 1 of the default beleidsregel
(README, "Referentiedata") if it has none.
"""

import json
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from ontheffing.models import Gemeente, Provincie, standaard_beleidsregel

FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "referentiedata.json"
BELEID_GELDIG_VANAF = date(2026, 1, 1)


def laad_referentiedata(pad: Path = FIXTURE) -> tuple[int, int]:
    records = json.loads(pad.read_text("utf-8"))
    provincies = {
        r["pk"]: r["fields"] for r in records if r["model"] == "ontheffing.provincie"
    }
    gemeenten = [r["fields"] for r in records if r["model"] == "ontheffing.gemeente"]
    with transaction.atomic():
        per_pk = {}
        for pk, velden in provincies.items():
            provincie, _ = Provincie.objects.update_or_create(
                code=velden["code"], defaults={"naam": velden["naam"]}
            )
            per_pk[pk] = provincie
            if not provincie.beleidsregels.exists():
                standaard_beleidsregel(provincie, BELEID_GELDIG_VANAF)
        for velden in gemeenten:
            Gemeente.objects.update_or_create(
                code=velden["code"],
                defaults={
                    "naam": velden["naam"],
                    "provincie": per_pk[velden["provincie"]],
                    "inwoners": velden["inwoners"],
                },
            )
    return len(provincies), len(gemeenten)


class Command(BaseCommand):
    help = "Laadt de 12 provincies en 342 gemeenten (Bron: CBS) en de standaardbeleidsregel."

    def handle(self, *args, **options):
        aantal_p, aantal_g = laad_referentiedata()
        self.stdout.write(
            f"Referentiedata geladen: {aantal_p} provincies, {aantal_g} gemeenten."
        )
