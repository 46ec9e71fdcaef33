"""Feiten in, Kwalificatie uit: de twee waarden aan weerszijden van `kwalificeer`."""

from __future__ import annotations

from dataclasses import dataclass

from ontheffing.kwalificatie.begrippen import (
    Aangegaan,
    Ambt,
    Ambtsstatus,
    BevoegdGezag,
    Handeling,
    Relatie,
    Uitkomst,
    Wederpartij,
)
from ontheffing.kwalificatie.citaten import kleine_beginletter, ontheffbaar_onderdeel
from ontheffing.kwalificatie.regimes import WGR


@dataclass(frozen=True)
class Feiten:
    """Alle feiten waar het verbod op draait (artikel 15 Gemeentewet).

    `wederpartij` is het lichaam waarmee de handeling te maken heeft; bij het
    verwerven van een betwiste vordering (d5) is dat het lichaam waarop de vordering
    rust. Waarden als tekst (uit een formulier) worden omgezet naar de enums.
    """

    ambt: Ambt
    handeling: Handeling
    ambtsstatus: Ambtsstatus = Ambtsstatus.IN_FUNCTIE
    wederpartij: Wederpartij = Wederpartij.EIGEN_LICHAAM
    relatie: Relatie = Relatie.RECHTSTREEKS
    onderhands: bool | None = True
    om_niet: bool = False
    aangegaan: Aangegaan = Aangegaan.NOG_NIET
    verlenging: bool = False
    lichaam_in_provincie: bool | None = True

    def __post_init__(self) -> None:
        for naam, soort in _ENUM_VELDEN.items():
            object.__setattr__(self, naam, soort(getattr(self, naam)))


_ENUM_VELDEN = {
    "ambt": Ambt,
    "handeling": Handeling,
    "ambtsstatus": Ambtsstatus,
    "wederpartij": Wederpartij,
    "relatie": Relatie,
    "aangegaan": Aangegaan,
}


@dataclass(frozen=True)
class Kwalificatie:
    """De uitkomst, met grondslag en uitleg; de betekenis staat in de pakketdocstring."""

    uitkomst: Uitkomst
    onderdeel: str | None
    bevoegd_gezag: BevoegdGezag
    grondslag: str
    bw_3_43_goedkeuring: bool
    toelichting: tuple[str, ...]
    onzekerheden: tuple[str, ...]

    @property
    def ontheffing_mogelijk(self) -> bool:
        """Valt de handeling onder het ontheffbare deel (hier of bij een ander)?"""
        if self.uitkomst is Uitkomst.VERBODEN_ONTHEFFBAAR:
            return True
        return self.uitkomst is Uitkomst.ONBEVOEGD and ontheffbaar_onderdeel(
            self.onderdeel, wgr=WGR in self.grondslag
        )

    @property
    def samenvatting(self) -> str:
        """De uitkomst in één Nederlandse zin."""
        gezag = self.bevoegd_gezag
        match self.uitkomst:
            case Uitkomst.NIET_VERBODEN:
                return (
                    "Geen ontheffing nodig: de handeling valt niet onder de "
                    "verboden handelingen."
                )
            case Uitkomst.VERBODEN_NIET_ONTHEFFBAAR:
                return (
                    f"De handeling is verboden op grond van {self.grondslag}, en er "
                    "kan geen ontheffing voor worden verleend."
                )
            case Uitkomst.VERBODEN_ONTHEFFBAAR:
                kan = "kunnen" if gezag is BevoegdGezag.GEDEPUTEERDE_STATEN else "kan"
                extra = (
                    "; ook goedkeuring op grond van artikel 3:43 van het Burgerlijk "
                    "Wetboek is nodig"
                    if self.bw_3_43_goedkeuring
                    else ""
                )
                return (
                    f"De handeling is verboden op grond van {self.grondslag}, maar "
                    f"{kleine_beginletter(gezag.label)} {kan} ontheffing verlenen{extra}."
                )
            case Uitkomst.ONBEVOEGD:
                return (
                    "Deze provincie is niet bevoegd: het verzoek wordt doorgestuurd "
                    f"naar {kleine_beginletter(gezag.label)}."
                )
            case _:
                return (
                    "Dit is niet met zekerheid vast te stellen: een behandelaar "
                    "beslist, gelet op de genoemde onzekerheden."
                )
