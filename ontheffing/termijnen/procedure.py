"""Two procedural terms around the beslistermijn, as pure functions: the four
weeks of Awb 4:5, fourth paragraph, to make a decision not to process known,
and the check of a suspension under Awb 4:15, second paragraph, before it
enters the ledger."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ontheffing.formatting import datum as datum_nl  # one source for Dutch dates
from ontheffing.termijnen.beslisduur import (
    Opschorting,
    Termijnopbouw,
    Verdaging,
    _geen_werkdag,
    beslistermijn_opbouw,
)
from ontheffing.termijnen.gronden import TWEEDE_LID
from ontheffing.termijnen.kalender import buiten_behandeling_uiterlijk


@dataclass(frozen=True)
class BuitenBehandelingTermijn:
    """Awb 4:5, fourth paragraph: a decision not to process the request is made
    known within four weeks after the request was completed or the term to
    complete it passed unused (then Atw art. 1)."""

    verstreken: date
    uiterlijk: date
    regels: tuple[str, ...]

    def te_laat(self, op: date) -> bool:
        """Whether making it known on ``op`` comes after the four weeks."""
        return op > self.uiterlijk

    def dagen_te_laat(self, op: date) -> int:
        return max((op - self.uiterlijk).days, 0)


def buiten_behandeling_termijn(verstreken: date) -> BuitenBehandelingTermijn:
    """The four weeks of Awb 4:5, fourth paragraph, from ``verstreken``: the
    last day of the hersteltermijn that passed unused (or the day of an
    incomplete aanvulling), with the explanation of the deadline panel."""
    uiterlijk = buiten_behandeling_uiterlijk(verstreken)
    regels = [
        f"De hersteltermijn eindigde op {datum_nl(verstreken)}. Een besluit om de "
        "aanvraag niet te behandelen wordt binnen vier weken daarna bekendgemaakt "
        "(artikel 4:5, vierde lid, Awb)."
    ]
    vier_weken = verstreken + timedelta(weeks=4)
    if vier_weken != uiterlijk:
        regels.append(
            f"{datum_nl(vier_weken)} is {_geen_werkdag(vier_weken)}; de termijn loopt "
            f"door tot en met {datum_nl(uiterlijk)} (artikel 1 Algemene termijnenwet)."
        )
    regels.append(
        f"Buiten behandeling laten: uiterlijk bekendmaken op {datum_nl(uiterlijk)}."
    )
    return BuitenBehandelingTermijn(
        verstreken=verstreken, uiterlijk=uiterlijk, regels=tuple(regels)
    )


def opschorting_toevoegen(
    ontvangen: date,
    opschortingen: Sequence[Opschorting],
    verdaging: Verdaging | None,
    nieuw: Opschorting,
    *,
    peildatum: date,
) -> Termijnopbouw:
    """Check a suspension under Awb 4:15, second paragraph, against the ledger
    and return the beslistermijn with it. Raises ValueError with a Dutch reason:

    - a ground of the second paragraph (the aanvulling has its own use case);
    - a period with an end after its start: consent is given "for a term"
      (under a), and for force majeure the applicant is told within which term
      to expect the decision (third paragraph);
    - it starts on or after receipt, not after ``peildatum`` (what is
      registered has begun) and not after the beslistermijn as it stands:
      a term that has ended can no longer be suspended;
    - it does not overlap another suspension (days never count twice).
    """
    if nieuw.grond not in TWEEDE_LID:
        raise ValueError(
            "Kies de grond: schriftelijke instemming van de aanvrager of overmacht "
            "(artikel 4:15, tweede lid, Awb)."
        )
    if nieuw.tot is None or nieuw.tot <= nieuw.van:
        raise ValueError("De opschorting moet eindigen na de dag waarop zij begint.")
    if nieuw.van < ontvangen:
        raise ValueError(
            f"De opschorting kan niet beginnen vóór de ontvangst van het verzoek "
            f"({datum_nl(ontvangen)})."
        )
    if nieuw.van > peildatum:
        raise ValueError(
            "Registreer de opschorting op of na de dag waarop zij begint; "
            "die dag ligt nog in de toekomst."
        )
    huidig = beslistermijn_opbouw(
        ontvangen, opschortingen, verdaging, peildatum=peildatum
    )
    if nieuw.van > huidig.einde:
        raise ValueError(
            f"De beslistermijn eindigde al op {datum_nl(huidig.einde)}; een "
            "verstreken termijn kan niet meer worden opgeschort."
        )
    for bestaand in opschortingen:
        einde = bestaand.tot or date.max  # a running one has no end yet
        if nieuw.van < einde and bestaand.van < nieuw.tot:
            raise ValueError(
                f"Deze periode valt samen met de opschorting sinds "
                f"{datum_nl(bestaand.van)}"
                + (
                    f" tot {datum_nl(bestaand.tot)}"
                    if bestaand.tot
                    else ", die nog loopt"
                )
                + "; een dag telt maar één keer."
            )
    return beslistermijn_opbouw(
        ontvangen, [*opschortingen, nieuw], verdaging, peildatum=peildatum
    )
