"""The dwangsom for not deciding in time (Awb 4:17 and 4:18), with its amounts
as dated data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from ontheffing.formatting import datum as datum_nl  # one source for Dutch dates
from ontheffing.termijnen.kalender import (
    DAG,
    atw_verlengen,
)

# Awb 4:17, second paragraph: (last day of the tier, euros per day), by the date
# the dwangsom starts. The last tier's day is the maximum (first paragraph).
Staffel = tuple[tuple[int, Decimal], ...]
DWANGSOMBEDRAGEN: tuple[tuple[date, Staffel], ...] = (
    (date(2019, 1, 1), ((14, Decimal(23)), (28, Decimal(35)), (42, Decimal(45)))),
)


@dataclass(frozen=True)
class Dwangsom:
    """The dwangsom for late decision (Awb 4:17) and when to fix it (Awb 4:18)."""

    start: date
    laatste_dag: date | None
    dagen: int
    bedrag: Decimal
    vaststellen_uiterlijk: date | None


def _staffel(start: date) -> Staffel:
    geldig = [(vanaf, s) for vanaf, s in DWANGSOMBEDRAGEN if vanaf <= start]
    if not geldig:
        raise ValueError(f"Geen dwangsombedragen bekend voor {datum_nl(start)}")
    return max(geldig, key=lambda regel: regel[0])[1]


def dwangsom(
    ingebrekestelling_ontvangen: date, beslist_op: date | None, peildatum: date
) -> Dwangsom:
    """The dwangsom owed for not deciding in time (Awb 4:17 and 4:18).

    Awb 4:17, third paragraph: the first day is two weeks after receipt of the
    ingebrekestelling (which the caller checks came after the beslistermijn), not
    extended by Atw. Each day counts up to and including the day before the
    decision (then ``peildatum`` plays no part) or, without a decision, up to and
    including ``peildatum``; at most the last tier's day (42; Atw does not extend
    it, first paragraph). Awb 4:18: the amount is fixed within two weeks after the
    last day, then Atw art. 1, once it has stopped running.
    """
    start = ingebrekestelling_ontvangen + timedelta(weeks=2)
    staffel = _staffel(start)
    maximum = staffel[-1][0]
    tot_en_met = peildatum if beslist_op is None else beslist_op - DAG
    dagen = min(max((tot_en_met - start).days + 1, 0), maximum)
    if dagen == 0:
        return Dwangsom(start, None, 0, Decimal(0), None)
    bedrag, vorige = Decimal(0), 0
    for laatste_van_trede, per_dag in staffel:
        bedrag += per_dag * max(min(dagen, laatste_van_trede) - vorige, 0)
        vorige = laatste_van_trede
    laatste_dag = start + (dagen - 1) * DAG
    gestopt = beslist_op is not None or dagen == maximum
    return Dwangsom(
        start=start,
        laatste_dag=laatste_dag,
        dagen=dagen,
        bedrag=bedrag,
        vaststellen_uiterlijk=(
            atw_verlengen(laatste_dag + timedelta(weeks=2)) if gestopt else None
        ),
    )


@dataclass(frozen=True)
class Trede:
    """One tier of Awb 4:17, second paragraph, as far as the dwangsom reached it."""

    eerste_dag: date
    laatste_dag: date
    dagen: int
    per_dag: Decimal
    bedrag: Decimal


def dwangsom_treden(d: Dwangsom) -> tuple[Trede, ...]:
    """The amount of ``d`` per tier (Awb 4:17, second paragraph): which days,
    at how much a day; the tiers add up to ``d.bedrag``."""
    if d.dagen == 0:
        return ()
    treden, vorige = [], 0
    for laatste_van_trede, per_dag in _staffel(d.start):
        dagen = max(min(d.dagen, laatste_van_trede) - vorige, 0)
        if dagen:
            eerste = d.start + vorige * DAG
            treden.append(
                Trede(
                    eerste, eerste + (dagen - 1) * DAG, dagen, per_dag, per_dag * dagen
                )
            )
        vorige = laatste_van_trede
    return tuple(treden)


def dwangsom_staffel(start: date) -> Staffel:
    """The tiers in force for a dwangsom that starts on ``start``: (last day of
    the tier, euros per day); the last tier's day is the maximum (Awb 4:17)."""
    return _staffel(start)


def dwangsom_maximum(start: date) -> Decimal:
    """The highest amount a dwangsom starting on ``start`` can reach."""
    bedrag, vorige = Decimal(0), 0
    for laatste_van_trede, per_dag in _staffel(start):
        bedrag += per_dag * (laatste_van_trede - vorige)
        vorige = laatste_van_trede
    return bedrag
