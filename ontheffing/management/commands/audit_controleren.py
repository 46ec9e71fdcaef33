"""Verify the record: every case's and every province's beheer hash chain, every
issued letter's SHA-256 and the counts per step. Exits non-zero and names what
is broken."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ontheffing import logboek
from ontheffing.models import (
    Besluit,
    Provincie,
    Staptelling,
    Verzoek,
    controleer_beheerketen,
    controleer_keten,
)


class Command(BaseCommand):
    help = "Controleert de hashketen van de audittrail en de SHA-256 van elk verzonden besluit."

    def handle(self, *args, **options):
        fouten = []
        verzoeken = Verzoek.objects.filter(gebeurtenissen__isnull=False).distinct()
        for verzoek_id, kenmerk in verzoeken.values_list("pk", "kenmerk").order_by(
            "pk"
        ):
            ok, reden = controleer_keten(verzoek_id)
            if not ok:
                fouten.append(f"verzoek {kenmerk or verzoek_id}: {reden}")
                logboek.controlebevinding(reden, kenmerk or f"concept {verzoek_id}")
        for provincie_id, naam in Provincie.objects.values_list("pk", "naam"):
            ok, reden = controleer_beheerketen(provincie_id)
            if not ok:
                fouten.append(f"beheer van {naam}: {reden}")
                logboek.controlebevinding(f"beheer van {naam}: {reden}")
        aantal_besluiten = 0
        for besluit in Besluit.objects.order_by("pk").iterator():
            aantal_besluiten += 1
            if not besluit.integer():
                fouten.append(
                    f"besluit {besluit.pk} ({besluit.kenmerk}): PDF wijkt af van de opgeslagen SHA-256"
                )
                logboek.controlebevinding(
                    f"besluit {besluit.pk}: PDF wijkt af van de opgeslagen SHA-256",
                    besluit.kenmerk,
                )
        with transaction.atomic():
            onjuist = Staptelling.herbereken()
            transaction.set_rollback(True)  # only look; tellingen_herberekenen repairs
        if onjuist:
            logboek.controlebevinding(f"{onjuist} tellingen per stap wijken af")
            fouten.append(
                f"{onjuist} tellingen per stap wijken af van de verzoeken "
                "(herstel met manage.py tellingen_herberekenen)"
            )
        for fout in fouten:
            self.stderr.write(fout)
        if fouten:
            raise CommandError(f"{len(fouten)} fout(en) gevonden in het dossier.")
        self.stdout.write(
            f"In orde: {verzoeken.count()} verzoeken en {aantal_besluiten} besluiten gecontroleerd."
        )
