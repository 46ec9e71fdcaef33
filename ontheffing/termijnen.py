"""Statutory deadlines of the Awb and the Algemene termijnenwet, as pure functions.

No Django, no database, no settings: dates in, dates out, so that every deadline
the product shows can be recomputed and explained (domain.md §5).

Opschorting (Awb 4:15): the decision term is suspended from the day after the
invitation to complete the request (or the agreement to suspend) until the day
the information arrives or the hersteltermijn ends. Convention of this product:
a suspension adds ``tot - van`` days. One that still runs counts as if it ended
on the peildatum (default: today in Amsterdam). Suspensions may not overlap.

Verdaging (Awb 4:14, third paragraph): an announced new date replaces the term
in force; only suspensions starting on or after the day of the announcement still
add to it (the earlier ones were part of the term it replaced). Announcing it
after that term (as it stood on the day of the announcement) has ended, or naming
a date before its end, raises ValueError.

Atw art. 1 applies last, to every term computed here: the statutory terms (8, 6,
4 and 2 weeks) are well under the twelve weeks of Atw art. 4.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import cache
from itertools import pairwise
from zoneinfo import ZoneInfo

EERSTE_JAAR = 1900
LAATSTE_JAAR = 2200
DAG = timedelta(days=1)

MAANDEN = (
    "januari februari maart april mei juni juli augustus september oktober "
    "november december"
).split()

# Awb 4:17, second paragraph: (last day of the tier, euros per day), by the date
# the dwangsom starts. The last tier's day is the maximum (first paragraph).
Staffel = tuple[tuple[int, Decimal], ...]
DWANGSOMBEDRAGEN: tuple[tuple[date, Staffel], ...] = (
    (date(2019, 1, 1), ((14, Decimal(23)), (28, Decimal(35)), (42, Decimal(45)))),
)


def datum_nl(d: date) -> str:
    """A date as Dutch prose: ``2 maart 2026``."""
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


def _vandaag() -> date:
    return datetime.now(ZoneInfo("Europe/Amsterdam")).date()


def _pasen(jaar: int) -> date:
    """Easter Sunday, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a, b, c = jaar % 19, jaar // 100, jaar % 100
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekdag = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekdag) // 451
    maand, dag = divmod(h + weekdag - 7 * m + 114, 31)
    return date(jaar, maand, dag + 1)


@cache
def _feestdagen(jaar: int) -> dict[date, str]:
    if not EERSTE_JAAR <= jaar <= LAATSTE_JAAR:
        raise ValueError(f"Feestdagen alleen voor {EERSTE_JAAR}-{LAATSTE_JAAR}: {jaar}")
    pasen = _pasen(jaar)
    koningsdag = date(jaar, 4, 27)
    if koningsdag.weekday() == 6:
        koningsdag = date(jaar, 4, 26)
    dagen: dict[date, str] = {}
    for dag, naam in (
        (date(jaar, 1, 1), "Nieuwjaarsdag"),
        (pasen - 2 * DAG, "Goede Vrijdag"),
        (pasen + DAG, "Tweede Paasdag"),
        (koningsdag, "Koningsdag"),
        (date(jaar, 5, 5), "Bevrijdingsdag"),
        (pasen + 39 * DAG, "Hemelvaartsdag"),
        (pasen + 50 * DAG, "Tweede Pinksterdag"),
        (date(jaar, 12, 25), "Eerste Kerstdag"),
        (date(jaar, 12, 26), "Tweede Kerstdag"),
    ):
        dagen[dag] = f"{dagen[dag]} en {naam}" if dag in dagen else naam
    return dagen


def atw_feestdagen(jaar: int) -> dict[date, str]:
    """The algemeen erkende feestdagen of Atw art. 3 in ``jaar`` (1900-2200).

    The current statute for every year: Koningsdag is 27 April, or 26 April when
    the 27th is a Sunday; 5 May counts every year. When two coincide (Bevrijdingsdag
    and Hemelvaartsdag in 2016) the date carries both names, joined by "en".
    """
    return dict(_feestdagen(jaar))


def is_werkdag(d: date) -> bool:
    """Not a Saturday, Sunday or algemeen erkende feestdag (Atw art. 1 and 3).

    Raises ValueError outside 1900-2200, like ``atw_feestdagen``.
    """
    return d.weekday() < 5 and d not in _feestdagen(d.year)


def atw_verlengen(einde: date) -> date:
    """Atw art. 1: a term ending on a non-werkdag runs to the next werkdag."""
    while not is_werkdag(einde):
        einde += DAG
    return einde


def werkdagen_tot(van: date, tot: date) -> int:
    """The werkdagen after ``van`` up to and including ``tot`` (0 if tot <= van)."""
    return sum(is_werkdag(van + n * DAG) for n in range(1, (tot - van).days + 1))


def werkdag_voor(d: date, n: int) -> date:
    """The date ``n`` werkdagen before ``d`` (for reminders; ``d`` itself for 0)."""
    if n < 0:
        raise ValueError(f"Aantal werkdagen kan niet negatief zijn: {n}")
    while n:
        d -= DAG
        n -= is_werkdag(d)
    return d


def hersteltermijn_einde(verzonden: date, weken: int = 2) -> date:
    """The end of a hersteltermijn (Awb 4:5) set on ``verzonden``, ``weken`` later.

    Awb 4:5 leaves the length to the authority; two weeks and applying Atw art. 1
    to it are conventions of this product.
    """
    return atw_verlengen(verzonden + timedelta(weeks=weken))


def bezwaartermijn_einde(bekendgemaakt: date) -> date:
    """Awb 6:7 and 6:8: six weeks from the day after sending, then Atw art. 1."""
    return atw_verlengen(bekendgemaakt + timedelta(weeks=6))


def buiten_behandeling_uiterlijk(hersteld_of_verstreken: date) -> date:
    """Awb 4:5, fourth paragraph: notify within four weeks, then Atw art. 1."""
    return atw_verlengen(hersteld_of_verstreken + timedelta(weeks=4))


@dataclass(frozen=True)
class Opschorting:
    """A suspension of the decision term (Awb 4:15); ``tot`` is None while it runs."""

    van: date
    tot: date | None

    def __post_init__(self) -> None:
        if self.tot is not None and self.tot < self.van:
            raise ValueError(f"Opschorting eindigt voor zij begint: {self}")

    def dagen(self, peildatum: date) -> int:
        """``tot - van``; a running suspension counts up to ``peildatum``."""
        tot = peildatum if self.tot is None else self.tot
        return max((tot - self.van).days, 0)


@dataclass(frozen=True)
class Verdaging:
    """Awb 4:14, third paragraph: on ``aangekondigd_op`` a new date was named."""

    aangekondigd_op: date
    nieuwe_datum: date

    def __post_init__(self) -> None:
        if self.nieuwe_datum <= self.aangekondigd_op:
            raise ValueError(f"Verdaging naar een datum voor de aankondiging: {self}")


@dataclass(frozen=True)
class Termijnopbouw:
    """How a beslistermijn came about, step by step, with Dutch explanations."""

    wettelijk_einde: date
    opschortingen: tuple[tuple[Opschorting, int], ...]
    verdaging: Verdaging | None
    einde_voor_atw: date
    einde: date
    atw_verschoven: bool
    regels: tuple[str, ...]


def _regel_opschorting(
    opschorting: Opschorting, dagen: int, peildatum: date, *, telt_door: bool = True
) -> str:
    aantal = f"{dagen} {'dag' if dagen == 1 else 'dagen'}"
    if opschorting.tot is None:
        gevolg = (
            ", en elke verdere dag schuift de termijn een dag op" if telt_door else ""
        )
        return (
            f"De termijn is opgeschort sinds {datum_nl(opschorting.van)} en die "
            f"opschorting loopt nog: tot {datum_nl(peildatum)} is dat {aantal}"
            f"{gevolg} (artikel 4:15 Awb)."
        )
    return (
        f"De termijn is {aantal} opgeschort, van {datum_nl(opschorting.van)} tot "
        f"{datum_nl(opschorting.tot)} (artikel 4:15 Awb)."
    )


def _geen_werkdag(d: date) -> str:
    return _feestdagen(d.year).get(d) or ("een zaterdag", "een zondag")[d.weekday() - 5]


def _controleer_verdaging(
    verdaging: Verdaging, wettelijk: date, voor: Sequence[Opschorting]
) -> None:
    """Awb 4:14, third paragraph: announced within the term, naming a later date.

    The term is taken as it stood on the day of the announcement, so that a
    suspension still running then cannot invalidate the verdaging later on.
    """
    op = verdaging.aangekondigd_op
    opgeschort = sum((min(o.tot or op, op) - o.van).days for o in voor)
    geldend = wettelijk + opgeschort * DAG
    if op > atw_verlengen(geldend):
        raise ValueError(
            f"De verdaging is aangekondigd op {datum_nl(op)}, na het einde van de "
            f"beslistermijn op {datum_nl(atw_verlengen(geldend))} "
            "(artikel 4:14, derde lid, Awb)."
        )
    if verdaging.nieuwe_datum < geldend:
        raise ValueError(
            f"De verdaging noemt {datum_nl(verdaging.nieuwe_datum)}, eerder dan het "
            f"einde van de beslistermijn die gold ({datum_nl(geldend)})."
        )


def beslistermijn_opbouw(
    ontvangen: date,
    opschortingen: Sequence[Opschorting] = (),
    verdaging: Verdaging | None = None,
    *,
    peildatum: date | None = None,
) -> Termijnopbouw:
    """The beslistermijn and how it came about (Awb 4:13, 4:14, 4:15; Atw art. 1).

    ``opschortingen[i][1]`` in the result is each suspension's own days; with a
    verdaging only those starting on or after its announcement add to the end.
    """
    peil = _vandaag() if peildatum is None else peildatum
    ledger = sorted(opschortingen, key=lambda o: o.van)
    for eerder, later in pairwise(ledger):
        if eerder.tot is None or eerder.tot > later.van:
            raise ValueError(f"Opschortingen overlappen: {eerder} en {later}")
    met_dagen = tuple((o, o.dagen(peil)) for o in ledger)

    voor, na = met_dagen, ()
    if verdaging is not None:
        voor = tuple(x for x in met_dagen if x[0].van < verdaging.aangekondigd_op)
        na = tuple(x for x in met_dagen if x[0].van >= verdaging.aangekondigd_op)

    wettelijk = ontvangen + timedelta(weeks=8)
    regels = [
        f"Ontvangen op {datum_nl(ontvangen)}; de beslistermijn van acht weken "
        f"(artikel 4:13 Awb) eindigt op {datum_nl(wettelijk)}."
    ]
    einde = wettelijk + sum(dagen for _, dagen in voor) * DAG
    regels += [
        _regel_opschorting(o, dagen, peil, telt_door=verdaging is None)
        for o, dagen in voor
    ]
    if verdaging is not None:
        _controleer_verdaging(verdaging, wettelijk, [o for o, _ in voor])
        regels.append(
            f"Op {datum_nl(verdaging.aangekondigd_op)} is de beslissing verdaagd tot "
            f"{datum_nl(verdaging.nieuwe_datum)} (artikel 4:14, derde lid, Awb); die "
            "datum vervangt de beslistermijn die tot dan gold"
            + (", met de opschortingen daarvoor." if voor else ".")
        )
        einde = verdaging.nieuwe_datum + sum(dagen for _, dagen in na) * DAG
        regels += [_regel_opschorting(o, dagen, peil) for o, dagen in na]

    einde_voor_atw = einde
    einde = atw_verlengen(einde_voor_atw)
    if einde != einde_voor_atw:
        regels.append(
            f"{datum_nl(einde_voor_atw)} is {_geen_werkdag(einde_voor_atw)}; de "
            f"termijn loopt door tot en met {datum_nl(einde)} (artikel 1 Algemene "
            "termijnenwet)."
        )
    regels.append(f"De beslistermijn eindigt dus op {datum_nl(einde)}.")
    return Termijnopbouw(
        wettelijk_einde=wettelijk,
        opschortingen=met_dagen,
        verdaging=verdaging,
        einde_voor_atw=einde_voor_atw,
        einde=einde,
        atw_verschoven=einde != einde_voor_atw,
        regels=tuple(regels),
    )


def beslistermijn(
    ontvangen: date,
    opschortingen: Sequence[Opschorting] = (),
    verdaging: Verdaging | None = None,
    *,
    peildatum: date | None = None,
) -> date:
    """The last day to decide in time (Awb 4:13-4:15, Atw art. 1); see the module."""
    return beslistermijn_opbouw(
        ontvangen, opschortingen, verdaging, peildatum=peildatum
    ).einde


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
