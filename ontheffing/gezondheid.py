"""The health endpoint for the load balancer (README, "Beveiliging").

It answers 200 or 503 with, per check, only "ok" or "fout" and, for a queue,
the count and the age in seconds of the oldest waiting item: no versions,
host names or error texts. Checks: the database answers, every migration is
applied, and whatever is registered with ``registreer`` (the outbox, e.g.
``registreer("uitgaande_post", lambda: wachtrij(qs, "aangemaakt_op",
max_wachttijd=timedelta(minutes=30)))``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

log = logging.getLogger(__name__)
Controle = Callable[[], tuple[bool, dict]]
_geregistreerd: dict[str, Controle] = {}


def registreer(naam: str, controle: Controle) -> None:
    """Adds a check: a function returning (in orde, extra fields)."""
    _geregistreerd[naam] = controle


def database() -> tuple[bool, dict]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,), {}


def migraties() -> tuple[bool, dict]:
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return not plan, {}


def wachtrij(queryset, tijdveld: str, *, max_wachttijd: timedelta) -> tuple[bool, dict]:
    """A queue is in order while its oldest waiting item is younger than
    ``max_wachttijd``."""
    aantal = queryset.count()
    oudste = queryset.order_by(tijdveld).values_list(tijdveld, flat=True).first()
    leeftijd = (timezone.now() - oudste).total_seconds() if oudste else 0
    return leeftijd <= max_wachttijd.total_seconds(), {
        "wachtend": aantal,
        "oudste_seconden": int(leeftijd),
    }


def _uitvoeren(naam: str, controle: Controle) -> dict:
    try:
        ok, extra = controle()
    except Exception:  # noqa: BLE001 - a failing check is "fout", and logged
        log.exception("gezondheidscontrole mislukt", extra={"soort": naam})
        return {"status": "fout"}
    return {"status": "ok" if ok else "fout", **extra}


@never_cache
@require_GET
def gezondheid(request):
    controles = {"database": database, "migraties": migraties, **_geregistreerd}
    uitkomst = {"database": _uitvoeren("database", database)}
    if uitkomst["database"]["status"] == "ok":
        for naam, controle in controles.items():
            if naam != "database":
                uitkomst[naam] = _uitvoeren(naam, controle)
    in_orde = len(uitkomst) == len(controles) and all(
        c["status"] == "ok" for c in uitkomst.values()
    )
    return JsonResponse(
        {"status": "ok" if in_orde else "fout", "controles": uitkomst},
        status=200 if in_orde else 503,
    )
