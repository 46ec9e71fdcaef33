"""The outbox worker: django-tasks-db's ``db_worker``, plus recovery.

Run as many as you like, on as many machines, against one PostgreSQL database
(README, "Berichten"). Every ``--herstel`` seconds (and at start) a worker gives
a new task to any waiting message whose worker died mid-send; the claim on the
message keeps two workers from sending it at once.
"""

import os
import threading

from django.db import close_old_connections, connection
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands.db_worker import Command as DbWorker

from ontheffing import bezorging


class Command(DbWorker):
    help = "Verstuur de berichten uit de wachtrij (e-mail), met herhaalpogingen."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--herstel",
            type=float,
            default=60.0,
            help="Seconden tussen twee rondes herstel van berichten van een "
            "gestopte werker (standaard 60).",
        )

    def handle(self, *args, herstel=60.0, **options):
        if not options.get("reload") or os.environ.get(DJANGO_AUTORELOAD_ENV):
            if options.get("batch"):
                self._herstellen()
            else:
                stop = threading.Event()
                threading.Thread(
                    target=self._herstel_lus, args=(herstel, stop), daemon=True
                ).start()
        super().handle(*args, **options)

    def _herstellen(self):
        try:
            aantal = bezorging.herstellen()
            if aantal:
                self.stdout.write(f"{aantal} bericht(en) opnieuw klaargezet.")
        finally:
            close_old_connections()

    def _herstel_lus(self, interval, stop):
        try:
            while True:
                self._herstellen()
                if stop.wait(interval):
                    return
        finally:
            connection.close()
