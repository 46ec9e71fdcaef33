"""Recount the cases per province and step (the worklist's counts) from the
cases themselves. The services keep them current; run this after loading data
by other means. Idempotent."""

from django.core.management.base import BaseCommand
from django.db import transaction

from ontheffing.models import Staptelling


class Command(BaseCommand):
    help = "Telt de verzoeken per provincie en stap opnieuw (de tellers van de werkvoorraad)."

    def handle(self, *args, **options):
        with transaction.atomic():
            fout = Staptelling.herbereken()
        self.stdout.write(f"Tellingen herberekend; {fout} waren onjuist.")
