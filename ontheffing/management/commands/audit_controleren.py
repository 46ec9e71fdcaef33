"""Verify the record: every case's hash chain of events and every issued letter's
SHA-256. Exits non-zero and names the first broken link of each case."""

from django.core.management.base import BaseCommand, CommandError

from ontheffing.models import Besluit, Verzoek, controleer_keten


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
        aantal_besluiten = 0
        for besluit in Besluit.objects.order_by("pk").iterator():
            aantal_besluiten += 1
            if not besluit.integer():
                fouten.append(
                    f"besluit {besluit.pk} ({besluit.kenmerk}): PDF wijkt af van de opgeslagen SHA-256"
                )
        for fout in fouten:
            self.stderr.write(fout)
        if fouten:
            raise CommandError(f"{len(fouten)} fout(en) gevonden in het dossier.")
        self.stdout.write(
            f"In orde: {verzoeken.count()} verzoeken en {aantal_besluiten} besluiten gecontroleerd."
        )
