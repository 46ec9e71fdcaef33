"""Verify the record: every hash chain (reporting every break), the keyed seals
over chain heads and issued letters, every letter's SHA-256, every stored
document against its file, the counts per step, and the last checkpoint.
Exits non-zero and names each case that is broken. With ``--controlepunt``
a clean check appends a new checkpoint to ``AUDIT_CONTROLEPUNT``."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ontheffing import logboek
from ontheffing.dossiercontrole import controlepunt_schrijven, controleren


class Command(BaseCommand):
    help = (
        "Controleert de hashketens, de zegels, de verzonden besluiten, de "
        "opgeslagen documenten en het laatste controlepunt."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--controlepunt",
            action="store_true",
            help="Schrijf na een schone controle een nieuw controlepunt naar AUDIT_CONTROLEPUNT.",
        )
        parser.add_argument(
            "--controlepuntbestand",
            default=None,
            help="Vergelijk met dit bestand in plaats van AUDIT_CONTROLEPUNT "
            "(bijvoorbeeld de kopie die elders werd bewaard).",
        )

    def handle(self, *args, **options):
        pad = options["controlepuntbestand"] or settings.AUDIT_CONTROLEPUNT
        uitslag = controleren(pad or None)
        for fout, kenmerk in zip(uitslag.fouten, uitslag.kenmerken, strict=True):
            self.stderr.write(fout)
            logboek.controlebevinding(fout, kenmerk)
        for melding in uitslag.meldingen:
            self.stdout.write(melding)
        if uitslag.fouten:
            raise CommandError(
                f"{len(uitslag.fouten)} fout(en) gevonden in het dossier."
            )
        if options["controlepunt"]:
            if not settings.AUDIT_CONTROLEPUNT:
                raise CommandError(
                    "Zet AUDIT_CONTROLEPUNT om een controlepunt te schrijven."
                )
            controlepunt_schrijven(uitslag, settings.AUDIT_CONTROLEPUNT)
            self.stdout.write(
                f"Controlepunt geschreven naar {settings.AUDIT_CONTROLEPUNT}."
            )
        a = uitslag.aantallen
        self.stdout.write(
            f"In orde: {a['verzoeken']} verzoeken, {a['gebeurtenissen']} gebeurtenissen, "
            f"{a['besluiten']} besluiten en {a['bijlagen']} documenten gecontroleerd."
        )
