"""Daily: remind applicants three werkdagen before their hersteltermijn ends.

Idempotent: each open request for information gets at most one reminder,
marked on the Opschorting row in the same transaction that queues the mail in
the outbox (a worker sends it after commit). A missed run catches up on the next day, until the term ends.
"""

from datetime import date

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from ontheffing import emails, termijnen
from ontheffing.models import Opschorting
from ontheffing.states import Status

WERKDAGEN_VOORAF = 3


class Command(BaseCommand):
    help = (
        "Verstuur herinneringen: drie werkdagen voor het einde van de hersteltermijn."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--datum",
            type=date.fromisoformat,
            help="Doe alsof het deze datum is (JJJJ-MM-DD); standaard vandaag.",
        )

    def handle(self, *args, datum=None, **options):
        vandaag = datum or timezone.localdate()
        open_vragen = Opschorting.objects.filter(
            tot__isnull=True,
            herinnering_verstuurd_op__isnull=True,
            hersteltermijn_einde__gte=vandaag,
            verzoek__status=Status.AANVULLING_GEVRAAGD,
        ).select_related("verzoek", "verzoek__ingediend_door", "verzoek__provincie")
        verstuurd = 0
        for opschorting in open_vragen:
            einde = opschorting.hersteltermijn_einde
            if termijnen.werkdag_voor(einde, WERKDAGEN_VOORAF) > vandaag:
                continue
            with transaction.atomic():
                # Claim the row; a parallel run that got here first wins.
                geclaimd = Opschorting.objects.filter(
                    pk=opschorting.pk, herinnering_verstuurd_op__isnull=True
                ).update(herinnering_verstuurd_op=timezone.now())
                if geclaimd:
                    # Queued in the same transaction: marked only when queued.
                    emails.herinnering_aanvulling(opschorting.verzoek, opschorting)
                    verstuurd += 1
        self.stdout.write(f"{verstuurd} herinnering(en) klaargezet voor verzending.")
