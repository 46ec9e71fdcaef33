"""Per ambt: welk artikel, welk lichaam, wie beslist (artikel 15 Gemeentewet en zijn tegenhangers).

Dit is de enige bron van de artikelen: de kwalificatie citeert het verbod ermee
(`citaten.citeer`), en de brief citeert hetzelfde verbod en de bevoegdheid om
ontheffing te verlenen (`bevoegdheid`) uit dezelfde regel.

- Secretaris en griffier: artikel 101 Gemeentewet; hun vervangers via artikel 106
  (secretaris) en 107d (griffier), in samenhang met artikel 101.
- Burgemeester: artikel 69 verklaart artikel 15 van toepassing; het onderdeel
  hoort bij artikel 15, niet bij artikel 69 ("artikel 69, onder d" bestaat niet).
- Regeling: artikel 20, eerste lid, Wgr bevat de verboden, met de overeenkomsten
  onder c (niet d); het tweede lid geeft Gedeputeerde Staten de bevoegdheid om
  van het eerste lid, onder c, ontheffing te verlenen.
"""

from __future__ import annotations

from dataclasses import dataclass

from ontheffing.kwalificatie.begrippen import Ambt, BevoegdGezag

GS = BevoegdGezag.GEDEPUTEERDE_STATEN
CDK = BevoegdGezag.COMMISSARIS_VAN_DE_KONING
BZK = BevoegdGezag.MINISTER_BZK
WGR = "Wet gemeenschappelijke regelingen"


@dataclass(frozen=True)
class Regime:
    wie: str  # "een raadslid"
    wet: str
    artikel: str
    gezag: BevoegdGezag
    lichaam: str  # "de gemeente"
    eigen: str  # "de eigen gemeente"
    lid: str | None = "eerste lid"
    schakel: str | None = None  # "artikel 41c": maakt artikel 15 van toepassing
    via: str | None = None  # korte vorm van schakel: "artikel 81h of 81m"
    bevoegdheid: str | None = None  # de bevoegdheid om ontheffing te verlenen
    gebied: str | None = None  # waar het lichaam ligt; standaard het lichaam
    onverenigbaar: str | None = None  # alleen waar het artikel vaststaat
    ambtenaar: bool = False  # secretaris en griffier zijn zelf in dienst

    @property
    def wgr(self) -> bool:
        return self.wet == WGR

    @property
    def bron(self) -> str:
        bron = f"artikel {self.artikel} van de {self.wet}"
        if self.schakel:
            bron += f", via {self.via or self.schakel} van die wet"
        return bron


_GEMW = "van de Gemeentewet"


def _gemw(wie: str, **kw: object) -> Regime:
    basis = {
        "wet": "Gemeentewet",
        "artikel": "15",
        "gezag": GS,
        "bevoegdheid": f"{kw.get('schakel') or 'artikel 15, tweede lid,'} {_GEMW}",
    }
    return Regime(wie, lichaam="de gemeente", eigen="de eigen gemeente", **basis | kw)


def _provw(wie: str, schakel: str | None = None) -> Regime:
    return Regime(
        wie,
        "Provinciewet",
        "15",
        BZK,
        "de provincie",
        "de eigen provincie",
        schakel=schakel,
    )


def _wsw(wie: str, schakel: str | None = None, gezag: BevoegdGezag = GS) -> Regime:
    wsw = "van de Waterschapswet"
    return Regime(
        wie,
        "Waterschapswet",
        "33",
        gezag,
        "het waterschap",
        "het eigen waterschap",
        schakel=schakel,
        bevoegdheid=(
            f"{schakel}, in samenhang met artikel 33, {wsw}"
            if schakel
            else f"artikel 33 {wsw}"
        )
        if gezag is GS
        else None,
    )


def _wgr(wie: str, schakel: str | None = None, gezag: BevoegdGezag = GS) -> Regime:
    return Regime(
        wie,
        WGR,
        "20",
        gezag,
        "de gemeenschappelijke regeling",
        "de eigen gemeenschappelijke regeling",
        schakel=schakel,
        via=schakel and schakel.split(" (")[0],
        gebied="het gebied van de gemeenschappelijke regeling",
        bevoegdheid=f"artikel 20, tweede lid, van de {WGR}" if gezag is GS else None,
    )


# De artikelen per ambt. Een lid of een artikel over onverenigbaarheid staat
# er alleen waar het vaststaat; anders noemt de uitkomst het als onzekerheid.
REGIMES: dict[Ambt, Regime] = {
    Ambt.RAADSLID: _gemw("een raadslid", onverenigbaar="artikel 13"),
    Ambt.WETHOUDER: _gemw(
        "een wethouder", schakel="artikel 41c", onverenigbaar="artikel 36b"
    ),
    Ambt.BURGEMEESTER: _gemw(
        "een burgemeester", schakel="artikel 69", gezag=CDK, onverenigbaar="artikel 68"
    ),
    Ambt.REKENKAMERLID: _gemw(
        "een lid van de rekenkamer",
        schakel="artikel 81h (bij een gemeenschappelijke rekenkamer: artikel 81m)",
        via="artikel 81h of 81m",
        bevoegdheid=(
            f"artikel 81h {_GEMW} (bij een gemeenschappelijke rekenkamer: artikel 81m)"
        ),
    ),
    Ambt.GRIFFIER: _gemw("de griffier", schakel="artikel 101", ambtenaar=True),
    Ambt.GEMEENTESECRETARIS: _gemw(
        "de gemeentesecretaris", schakel="artikel 101", ambtenaar=True
    ),
    Ambt.PLAATSVERVANGEND_GRIFFIER: _gemw(
        "de plaatsvervanger van de griffier",
        schakel="de artikelen 101 en 107d",
        bevoegdheid=f"artikel 101, in samenhang met artikel 107d, {_GEMW}",
        ambtenaar=True,
    ),
    Ambt.VERVANGER_SECRETARIS: _gemw(
        "de vervanger van de gemeentesecretaris",
        schakel="de artikelen 101 en 106",
        bevoegdheid=f"artikel 101, in samenhang met artikel 106, {_GEMW}",
        ambtenaar=True,
    ),
    Ambt.STATENLID: _provw("een Statenlid"),
    Ambt.GEDEPUTEERDE: _provw("een gedeputeerde", "artikel 40c"),
    Ambt.COMMISSARIS_VAN_DE_KONING: _provw(
        "de Commissaris van de Koning", "artikel 68"
    ),
    Ambt.AB_LID_WATERSCHAP: _wsw("een lid van het algemeen bestuur van een waterschap"),
    Ambt.DB_LID_WATERSCHAP_EXTERN: _wsw(
        "een lid van het dagelijks bestuur van een waterschap van buiten het algemeen "
        "bestuur",
        "artikel 45",
    ),
    Ambt.DIJKGRAAF: _wsw(
        "de dijkgraaf (de voorzitter van het waterschap)",
        "artikel 47",
        BevoegdGezag.ONBEKEND,
    ),
    Ambt.BESTUURSLID_GR: _wgr("een bestuurslid van een gemeenschappelijke regeling"),
    Ambt.BESTUURSLID_GR_MET_PROVINCIE: _wgr(
        "een bestuurslid van een gemeenschappelijke regeling met een provincie",
        "artikel 41, 52, 74 of 84 (naar gelang van de regeling)",
        BZK,
    ),
}
