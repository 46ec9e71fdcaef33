"""The beslistermijn (Awb 4:13-4:15) and how it came about, in Dutch sentences
that name each article; see the package for opschorting and verdaging."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from ontheffing.formatting import datum as datum_nl  # one source for Dutch dates
from ontheffing.termijnen.gronden import Opschortingsgrond
from ontheffing.termijnen.kalender import (
    DAG,
    _feestdagen,
    _vandaag,
    atw_verlengen,
)


@dataclass(frozen=True)
class Opschorting:
    """A suspension of the decision term (Awb 4:15); ``tot`` is None while it runs.
    ``grond``: why (an aanvulling unless said otherwise)."""

    van: date
    tot: date | None
    grond: Opschortingsgrond = Opschortingsgrond.AANVULLING

    def __post_init__(self) -> None:
        if self.tot is not None and self.tot < self.van:
            raise ValueError(f"Opschorting eindigt voor zij begint: {self}")
        if self.tot is None and self.grond != Opschortingsgrond.AANVULLING:
            raise ValueError(f"Opschorting zonder einde: {self}")

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


def grootboek(rijen) -> list[Opschorting]:
    """The ledger from stored suspensions (anything with ``van`` and ``tot``,
    and optionally ``grond``)."""
    return [
        Opschorting(
            van=r.van,
            tot=r.tot,
            grond=Opschortingsgrond(
                getattr(r, "grond", None) or Opschortingsgrond.AANVULLING
            ),
        )
        for r in sorted(rijen, key=lambda r: r.van)
    ]


def lopende(rijen):
    """The stored suspension that still runs (``tot`` is None), or None."""
    return next((r for r in rijen if r.tot is None), None)


def verdaging_uit(aangekondigd_op: date | None, nieuwe_datum: date | None):
    """The verdaging as stored on a case: none until a new date is named."""
    if nieuwe_datum is None:
        return None
    return Verdaging(aangekondigd_op=aangekondigd_op, nieuwe_datum=nieuwe_datum)


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
    if opschorting.grond != Opschortingsgrond.AANVULLING:
        # Awb 4:15, second paragraph: always a period with its end (see
        # ``procedure.opschorting_toevoegen``), never one that still runs.
        waarom = (
            "met schriftelijke instemming van de aanvrager"
            if opschorting.grond == Opschortingsgrond.INSTEMMING
            else "wegens overmacht"
        )
        return (
            f"De termijn is {aantal} opgeschort {waarom}, van "
            f"{datum_nl(opschorting.van)} tot {datum_nl(opschorting.tot)} "
            f"({opschorting.grond.grondslag})."
        )
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
    grootboek = sorted(opschortingen, key=lambda o: o.van)
    for eerder, later in pairwise(grootboek):
        if eerder.tot is None or eerder.tot > later.van:
            raise ValueError(f"Opschortingen overlappen: {eerder} en {later}")
    met_dagen = tuple((o, o.dagen(peil)) for o in grootboek)

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
