"""De redenering: de toelichting en onzekerheden die de regels opbouwen.

Geldt het verbod niet, dan sluit `Redenering.niet_verboden` af; anders
`bevoegdheid._afronden`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ontheffing.kwalificatie.begrippen import BevoegdGezag, Uitkomst
from ontheffing.kwalificatie.citaten import citeer, hoofdletter, onderdeel_tekst
from ontheffing.kwalificatie.feiten import Feiten, Kwalificatie
from ontheffing.kwalificatie.regimes import Regime


@dataclass
class Redenering:
    feiten: Feiten
    regime: Regime
    toelichting: list[str] = field(default_factory=list)
    onzekerheden: list[str] = field(default_factory=list)
    onzeker: bool = False  # een beslissend punt: de uitkomst wordt ONZEKER
    twijfel: bool = False  # ... en dat punt raakt de vraag óf het verbod geldt

    def zin(self, tekst: str) -> None:
        self.toelichting.append(self._vul(tekst))

    def punt(
        self, tekst: str, *, beslissend: bool = False, over_verbod: bool = True
    ) -> None:
        self.onzekerheden.append(self._vul(tekst))
        self.onzeker = self.onzeker or beslissend
        self.twijfel = self.twijfel or (beslissend and over_verbod)

    def _vul(self, tekst: str) -> str:
        r = self.regime
        tekst = tekst.format(
            l=r.lichaam,
            eigen=r.eigen,
            g=r.gebied or r.lichaam,
            wie=r.wie,
            d3=onderdeel_tekst(r, "d", 3),
            d4=onderdeel_tekst(r, "d", 4),
            d6=onderdeel_tekst(r, "d", 6),
        )
        return hoofdletter(tekst)

    def niet_verboden(self, *slot: str, slotzin: bool = True) -> Kwalificatie:
        for tekst in slot:
            self.zin(tekst)
        if slotzin:
            self.zin("Er is daarom geen ontheffing nodig.")
        return Kwalificatie(
            uitkomst=Uitkomst.NIET_VERBODEN,
            onderdeel=None,
            bevoegd_gezag=BevoegdGezag.GEEN,
            grondslag=citeer(self.regime),
            bw_3_43_goedkeuring=False,
            toelichting=tuple(self.toelichting),
            onzekerheden=tuple(self.onzekerheden),
        )
