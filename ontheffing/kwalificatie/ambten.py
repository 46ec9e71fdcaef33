"""Meer ambten: één persoon, één verzoek, een kwalificatie per ambt.

Wie raadslid én Statenlid is, vraagt één keer; het verbod en wie erover beslist
volgen per ambt (artikel 15 Gemeentewet, artikel 15 Provinciewet, ...). De feiten
van de handeling zijn voor elk ambt dezelfde; per ambt verschillen het ambt
zelf, hoe de wederpartij zich verhoudt tot het lichaam van dát ambt (de gemeente
voor het raadslid, de provincie voor het Statenlid) en of dat lichaam in deze
provincie ligt. `verdeling` groepeert de ambten per bevoegd gezag: het eerste
deel blijft het verzoek zelf, elk ander deel wordt een eigen verzoek (README,
"Keuzes": "Meer ambten"). Een ambt waarvoor de handeling niet verboden is, vraagt
geen eigen deel.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ontheffing.kwalificatie.begrippen import (
    Ambt,
    BevoegdGezag,
    Uitkomst,
    Wederpartij,
)
from ontheffing.kwalificatie.feiten import Feiten, Kwalificatie
from ontheffing.kwalificatie.regels import kwalificeer


@dataclass(frozen=True)
class Ambtsopgave:
    """Eén ambt van de persoon. `provincie`: de code van de provincie waarin het
    lichaam ligt, als die bekend is (zo vallen twee andere provincies niet
    samen); `lichaam`: de naam, voor wie leest."""

    ambt: Ambt
    wederpartij: Wederpartij = Wederpartij.EIGEN_LICHAAM
    lichaam_in_provincie: bool | None = True
    lichaam: str = ""
    provincie: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "ambt", Ambt(self.ambt))
        object.__setattr__(self, "wederpartij", Wederpartij(self.wederpartij))

    @classmethod
    def uit(cls, gegevens: dict) -> Ambtsopgave:
        """Uit opgeslagen gegevens (een dict met dezelfde namen)."""
        velden = {k: gegevens[k] for k in cls.__dataclass_fields__ if k in gegevens}
        return cls(**velden)

    def gegevens(self) -> dict:
        return {
            "ambt": self.ambt.value,
            "wederpartij": self.wederpartij.value,
            "lichaam_in_provincie": self.lichaam_in_provincie,
            "lichaam": self.lichaam,
            "provincie": self.provincie,
        }


@dataclass(frozen=True)
class Ambtskwalificatie:
    opgave: Ambtsopgave
    kwalificatie: Kwalificatie

    @property
    def sleutel(self) -> tuple[BevoegdGezag, str]:
        """Wie beslist: het gezag, en bij een andere provincie welke."""
        gezag = self.kwalificatie.bevoegd_gezag
        if gezag is BevoegdGezag.ANDERE_PROVINCIE:
            return gezag, self.opgave.provincie
        return gezag, ""


@dataclass(frozen=True)
class Deel:
    """De ambten waarover één bestuursorgaan beslist."""

    bevoegd_gezag: BevoegdGezag
    provincie: str
    ambten: tuple[Ambtskwalificatie, ...]

    @property
    def elders(self) -> bool:
        """Beslist een ander dan deze provincie (doorzenden, artikel 2:3 Awb)?"""
        return any(a.kwalificatie.uitkomst is Uitkomst.ONBEVOEGD for a in self.ambten)


@dataclass(frozen=True)
class Verdeling:
    """Het verzoek per bevoegd gezag: `delen[0]` is het verzoek zelf."""

    delen: tuple[Deel, ...]
    niet_verboden: tuple[Ambtskwalificatie, ...]

    @property
    def af_te_splitsen(self) -> tuple[Deel, ...]:
        return self.delen[1:]


def kwalificeer_ambten(
    feiten: Feiten, overige: Sequence[Ambtsopgave]
) -> tuple[Ambtskwalificatie, ...]:
    """De kwalificatie van elk ambt: eerst dat van de feiten zelf, dan de overige."""
    eigen = Ambtsopgave(
        ambt=feiten.ambt,
        wederpartij=feiten.wederpartij,
        lichaam_in_provincie=feiten.lichaam_in_provincie,
    )
    uitkomsten = [Ambtskwalificatie(eigen, kwalificeer(feiten))]
    for opgave in overige:
        per_ambt = replace(
            feiten,
            ambt=opgave.ambt,
            wederpartij=opgave.wederpartij,
            lichaam_in_provincie=opgave.lichaam_in_provincie,
        )
        uitkomsten.append(Ambtskwalificatie(opgave, kwalificeer(per_ambt)))
    return tuple(uitkomsten)


def verdeling(uitkomsten: Sequence[Ambtskwalificatie]) -> Verdeling:
    """Groepeer per bevoegd gezag. Het eerste ambt houdt het verzoek zelf, met de
    ambten van hetzelfde gezag; een ander ambt waarvoor de handeling niet verboden
    is, vraagt niets en staat apart; elk ander gezag krijgt een eigen deel."""
    eerste, *overige = uitkomsten
    groepen: dict[tuple[BevoegdGezag, str], list[Ambtskwalificatie]] = {
        eerste.sleutel: [eerste]
    }
    niet_verboden = []
    for uitkomst in overige:
        if uitkomst.kwalificatie.uitkomst is Uitkomst.NIET_VERBODEN:
            niet_verboden.append(uitkomst)
        else:
            groepen.setdefault(uitkomst.sleutel, []).append(uitkomst)
    return Verdeling(
        delen=tuple(
            Deel(bevoegd_gezag=gezag, provincie=provincie, ambten=tuple(ambten))
            for (gezag, provincie), ambten in groepen.items()
        ),
        niet_verboden=tuple(niet_verboden),
    )
