"""Kwalificatie: is een handeling verboden, kan ervan worden ontheven, en wie beslist?

Pure Python: feiten in, juridische kwalificatie uit. De regels volgen domain.md §2, §3
en §8 (Gemeentewet art. 15 en zijn tegenhangers) in de volgorde van issue 3:

1. geldt het verbod voor dit ambt, nu, en voor deze wederpartij en handeling?
2. a, b en c gaan over wat de ambtsdrager zelf doet; middellijk bestaat alleen bij d;
3. aangaan vóór of tijdens het ambt;
4. onzekere punten (domain §8) geven ONZEKER of een veilige, benoemde aanname;
5. een dienstbetrekking bij het eigen lichaam is een onverenigbare betrekking;
6. artikel 20 Wgr nummert de overeenkomsten als onderdeel c ("c1" ... "c7").

Pas daarna telt wie bevoegd is. De motor spreekt voor één provincie: Gedeputeerde
Staten, en voor een burgemeester de Commissaris van de Koning. Ligt de bevoegdheid
elders, dan is de uitkomst ONBEVOEGD (doorzenden, Awb 2:3).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class _Keuze(enum.StrEnum):
    """Basis: waarde = naam in kleine letters; `label` is de Nederlandse tekst."""

    @property
    def label(self) -> str:
        return _LABELS[type(self)][self]


class Ambt(_Keuze):
    RAADSLID = enum.auto()
    WETHOUDER = enum.auto()
    BURGEMEESTER = enum.auto()
    REKENKAMERLID = enum.auto()
    GRIFFIER = enum.auto()
    GEMEENTESECRETARIS = enum.auto()
    STATENLID = enum.auto()
    GEDEPUTEERDE = enum.auto()
    COMMISSARIS_VAN_DE_KONING = enum.auto()
    AB_LID_WATERSCHAP = enum.auto()
    DB_LID_WATERSCHAP_EXTERN = enum.auto()
    DIJKGRAAF = enum.auto()
    BESTUURSLID_GR = enum.auto()
    BESTUURSLID_GR_MET_PROVINCIE = enum.auto()
    COMMISSIELID = enum.auto()
    ANDERS = enum.auto()


class Ambtsstatus(_Keuze):
    IN_FUNCTIE = enum.auto()
    KANDIDAAT = enum.auto()
    OUD = enum.auto()


class Handeling(_Keuze):
    ADVOCAAT_OF_ADVISEUR_IN_GESCHIL = enum.auto()  # a
    GEMACHTIGDE_WEDERPARTIJ_IN_GESCHIL = enum.auto()  # b
    VERTEGENWOORDIGER_DERDEN_OVEREENKOMST = enum.auto()  # c1
    VERTEGENWOORDIGER_DERDEN_LEVERING_ONROERENDE_ZAAK = enum.auto()  # c2
    AANNEMING_VAN_WERK = enum.auto()  # d1
    WERKZAAMHEDEN_TEGEN_BELONING = enum.auto()  # d2
    LEVERING_ROERENDE_ZAKEN = enum.auto()  # d3
    VERHUUR_ROERENDE_ZAKEN = enum.auto()  # d4
    VERWERVING_BETWISTE_VORDERING = enum.auto()  # d5
    VERWERVING_ONROERENDE_ZAAK = enum.auto()  # d6
    HUUR_OF_PACHT_VAN_OVERHEID = enum.auto()  # d7
    VERKOOP_ONROERENDE_ZAAK_AAN_OVERHEID = enum.auto()
    VERHUUR_ONROERENDE_ZAAK_AAN_OVERHEID = enum.auto()
    SCHENKING = enum.auto()
    SUBSIDIE = enum.auto()
    SUBSIDIEOVEREENKOMST = enum.auto()
    PUBLIEKRECHTELIJK = enum.auto()
    EIGEN_BEZWAAR_OF_BEROEP = enum.auto()
    DIENSTBETREKKING = enum.auto()
    ANDERS = enum.auto()


class Wederpartij(_Keuze):
    EIGEN_LICHAAM = enum.auto()
    ANDER_LICHAAM = enum.auto()
    DEELNEMING = enum.auto()
    HOOFDAANNEMER_VAN_EIGEN_LICHAAM = enum.auto()
    PARTICULIER = enum.auto()


class Relatie(_Keuze):
    RECHTSTREEKS = enum.auto()
    EIGEN_RECHTSPERSOON = enum.auto()
    PARTNER_GEDEELD_VERMOGEN = enum.auto()
    ONDERAANNEMER_OF_TOELEVERANCIER = enum.auto()
    ONBEZOLDIGD_BESTUURDER_VERENIGING_OF_STICHTING = enum.auto()
    ANDER_FAMILIELID = enum.auto()
    KLEIN_AANDEELHOUDER = enum.auto()
    GEEN = enum.auto()


class Aangegaan(_Keuze):
    NOG_NIET = enum.auto()
    VOOR_AMBTSAANVAARDING = enum.auto()
    TIJDENS_AMBT = enum.auto()


class Uitkomst(_Keuze):
    NIET_VERBODEN = enum.auto()
    VERBODEN_NIET_ONTHEFFBAAR = enum.auto()
    VERBODEN_ONTHEFFBAAR = enum.auto()
    ONBEVOEGD = enum.auto()
    ONZEKER = enum.auto()


class BevoegdGezag(_Keuze):
    GEDEPUTEERDE_STATEN = enum.auto()
    COMMISSARIS_VAN_DE_KONING = enum.auto()
    MINISTER_BZK = enum.auto()
    ANDERE_PROVINCIE = enum.auto()
    GEEN = enum.auto()
    ONBEKEND = enum.auto()


_LABELS: dict[type[_Keuze], dict[_Keuze, str]] = {
    Ambt: {
        Ambt.RAADSLID: "Raadslid",
        Ambt.WETHOUDER: "Wethouder",
        Ambt.BURGEMEESTER: "Burgemeester (ook waarnemend)",
        Ambt.REKENKAMERLID: "Lid van de (gemeenschappelijke) rekenkamer",
        Ambt.GRIFFIER: "Griffier (of plaatsvervanger)",
        Ambt.GEMEENTESECRETARIS: "Gemeentesecretaris (of plaatsvervanger)",
        Ambt.STATENLID: "Statenlid",
        Ambt.GEDEPUTEERDE: "Gedeputeerde",
        Ambt.COMMISSARIS_VAN_DE_KONING: "Commissaris van de Koning",
        Ambt.AB_LID_WATERSCHAP: "Lid van het algemeen bestuur van een waterschap",
        Ambt.DB_LID_WATERSCHAP_EXTERN: (
            "Lid van het dagelijks bestuur van een waterschap, niet uit het "
            "algemeen bestuur"
        ),
        Ambt.DIJKGRAAF: "Dijkgraaf (voorzitter van een waterschap)",
        Ambt.BESTUURSLID_GR: "Bestuurslid van een gemeenschappelijke regeling",
        Ambt.BESTUURSLID_GR_MET_PROVINCIE: (
            "Bestuurslid van een gemeenschappelijke regeling waarin een provincie "
            "deelneemt"
        ),
        Ambt.COMMISSIELID: "Commissielid (geen raadslid)",
        Ambt.ANDERS: "Een ander ambt",
    },
    Ambtsstatus: {
        Ambtsstatus.IN_FUNCTIE: "In functie",
        Ambtsstatus.KANDIDAAT: "Kandidaat of gekozen, nog niet geïnstalleerd",
        Ambtsstatus.OUD: "Oud-ambtsdrager",
    },
    Handeling: {
        Handeling.ADVOCAAT_OF_ADVISEUR_IN_GESCHIL: (
            "Als advocaat of adviseur optreden in een geschil van of met de gemeente"
        ),
        Handeling.GEMACHTIGDE_WEDERPARTIJ_IN_GESCHIL: (
            "Iemand als gemachtigde bijstaan in een geschil met de gemeente, "
            "bijvoorbeeld in een bezwaarprocedure"
        ),
        Handeling.VERTEGENWOORDIGER_DERDEN_OVEREENKOMST: (
            "Een ander vertegenwoordigen of adviseren bij het sluiten van een "
            "overeenkomst met de gemeente"
        ),
        Handeling.VERTEGENWOORDIGER_DERDEN_LEVERING_ONROERENDE_ZAAK: (
            "Een ander vertegenwoordigen of adviseren bij de verkoop van grond of "
            "een gebouw aan de gemeente"
        ),
        Handeling.AANNEMING_VAN_WERK: (
            "Een opdracht uitvoeren of een werk aannemen voor de gemeente, zoals "
            "bouwen, verbouwen, schilderen of onderhoud"
        ),
        Handeling.WERKZAAMHEDEN_TEGEN_BELONING: (
            "Tegen betaling werk doen voor de gemeente, niet in loondienst "
            "(bijvoorbeeld advies, een training of een optreden)"
        ),
        Handeling.LEVERING_ROERENDE_ZAKEN: (
            "Spullen verkopen of leveren aan de gemeente (bijvoorbeeld "
            "kantoorartikelen, catering of een taart)"
        ),
        Handeling.VERHUUR_ROERENDE_ZAKEN: (
            "Spullen verhuren aan de gemeente (bijvoorbeeld materieel of een "
            "geluidsinstallatie)"
        ),
        Handeling.VERWERVING_BETWISTE_VORDERING: (
            "Een betwiste vordering op de gemeente overnemen of kopen"
        ),
        Handeling.VERWERVING_ONROERENDE_ZAAK: (
            "Grond, een huis of een ander gebouw kopen van de gemeente (of een "
            "recht daarop, zoals erfpacht)"
        ),
        Handeling.HUUR_OF_PACHT_VAN_OVERHEID: (
            "Iets huren of pachten van de gemeente (bijvoorbeeld een garagebox, "
            "een ruimte of een stuk grond)"
        ),
        Handeling.VERKOOP_ONROERENDE_ZAAK_AAN_OVERHEID: (
            "Eigen grond of een eigen gebouw verkopen aan de gemeente"
        ),
        Handeling.VERHUUR_ONROERENDE_ZAAK_AAN_OVERHEID: (
            "Een eigen gebouw of eigen grond verhuren aan de gemeente"
        ),
        Handeling.SCHENKING: "Iets gratis geven aan de gemeente (schenking)",
        Handeling.SUBSIDIE: "Een subsidie van de gemeente ontvangen (bij besluit)",
        Handeling.SUBSIDIEOVEREENKOMST: (
            "Een subsidieovereenkomst met de gemeente sluiten"
        ),
        Handeling.PUBLIEKRECHTELIJK: (
            "Leges of belasting betalen, of een vergunning aanvragen"
        ),
        Handeling.EIGEN_BEZWAAR_OF_BEROEP: (
            "Eigen bezwaar of beroep tegen een besluit van de gemeente"
        ),
        Handeling.DIENSTBETREKKING: "In loondienst werken bij de gemeente",
        Handeling.ANDERS: "Iets anders",
    },
    Wederpartij: {
        Wederpartij.EIGEN_LICHAAM: (
            "De eigen gemeente (of het eigen waterschap, de eigen regeling of "
            "provincie)"
        ),
        Wederpartij.ANDER_LICHAAM: "Een andere overheid, zoals een buurgemeente",
        Wederpartij.DEELNEMING: (
            "Een bedrijf of andere rechtspersoon waarin de gemeente deelneemt"
        ),
        Wederpartij.HOOFDAANNEMER_VAN_EIGEN_LICHAAM: (
            "De hoofdaannemer van de gemeente (werk als onderaannemer of leverancier)"
        ),
        Wederpartij.PARTICULIER: "Een particulier of een bedrijf",
    },
    Relatie: {
        Relatie.RECHTSTREEKS: "De ambtsdrager zelf",
        Relatie.EIGEN_RECHTSPERSOON: (
            "Een bv, stichting of andere rechtspersoon die de ambtsdrager bestuurt "
            "of stuurt"
        ),
        Relatie.PARTNER_GEDEELD_VERMOGEN: (
            "De echtgenoot of partner met wie de ambtsdrager het vermogen deelt"
        ),
        Relatie.ONDERAANNEMER_OF_TOELEVERANCIER: (
            "De ambtsdrager als onderaannemer of leverancier van de hoofdaannemer"
        ),
        Relatie.ONBEZOLDIGD_BESTUURDER_VERENIGING_OF_STICHTING: (
            "Een vereniging of stichting waarvan de ambtsdrager onbetaald bestuurder is"
        ),
        Relatie.ANDER_FAMILIELID: (
            "Een ander familielid, bijvoorbeeld een kind, ouder, broer of zus"
        ),
        Relatie.KLEIN_AANDEELHOUDER: (
            "Een bedrijf waarin de ambtsdrager een klein aandelenbelang heeft"
        ),
        Relatie.GEEN: "Iemand anders; de ambtsdrager heeft er geen belang bij",
    },
    Aangegaan: {
        Aangegaan.NOG_NIET: "Nog niet aangegaan",
        Aangegaan.VOOR_AMBTSAANVAARDING: "Aangegaan vóór de ambtsaanvaarding",
        Aangegaan.TIJDENS_AMBT: "Al aangegaan tijdens het ambt, zonder ontheffing",
    },
    Uitkomst: {
        Uitkomst.NIET_VERBODEN: "Niet verboden: geen ontheffing vereist",
        Uitkomst.VERBODEN_NIET_ONTHEFFBAAR: "Verboden, niet ontheffbaar",
        Uitkomst.VERBODEN_ONTHEFFBAAR: "Verboden, ontheffbaar",
        Uitkomst.ONBEVOEGD: "Onbevoegd: doorzenden",
        Uitkomst.ONZEKER: "Onzeker: een behandelaar beslist",
    },
    BevoegdGezag: {
        BevoegdGezag.GEDEPUTEERDE_STATEN: "Gedeputeerde Staten",
        BevoegdGezag.COMMISSARIS_VAN_DE_KONING: "De Commissaris van de Koning",
        BevoegdGezag.MINISTER_BZK: (
            "De minister van Binnenlandse Zaken en Koninkrijksrelaties"
        ),
        BevoegdGezag.ANDERE_PROVINCIE: (
            "Een andere provincie (Gedeputeerde Staten of de Commissaris van de Koning)"
        ),
        BevoegdGezag.GEEN: "Geen",
        BevoegdGezag.ONBEKEND: "Onbekend",
    },
}


def keuzes(enum_cls: type[_Keuze]) -> list[tuple[str, str]]:
    """(waarde, Nederlands label)-paren, bruikbaar als `choices` van een formulier."""
    return [(lid.value, lid.label) for lid in enum_cls]


@dataclass(frozen=True)
class Feiten:
    """Alle feiten waar het verbod op draait (domain §2-§3).

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
    """De uitkomst, met grondslag en uitleg; zie issue 3 voor de betekenis."""

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
        return self.uitkomst is Uitkomst.ONBEVOEGD and _ontheffbaar_onderdeel(
            self.onderdeel, wgr=_WGR in self.grondslag
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
                    f"{_klein(gezag.label)} {kan} ontheffing verlenen{extra}."
                )
            case Uitkomst.ONBEVOEGD:
                return (
                    "Deze provincie is niet bevoegd: het verzoek wordt doorgestuurd "
                    f"naar {_klein(gezag.label)}."
                )
            case _:
                return (
                    "Dit is niet met zekerheid vast te stellen: een behandelaar "
                    "beslist, gelet op de genoemde onzekerheden."
                )


# --- Per ambt: welk artikel, welk lichaam, wie beslist ---------------------------

_GS = BevoegdGezag.GEDEPUTEERDE_STATEN
_CDK = BevoegdGezag.COMMISSARIS_VAN_DE_KONING
_BZK = BevoegdGezag.MINISTER_BZK
_WGR = "Wet gemeenschappelijke regelingen"


@dataclass(frozen=True)
class _Regime:
    wie: str  # "een raadslid"
    wet: str
    artikel: str
    gezag: BevoegdGezag
    lichaam: str  # "de gemeente"
    eigen: str  # "de eigen gemeente"
    lid: str | None = "eerste lid"
    schakel: str | None = None  # "artikel 41c, eerste lid"
    via: str | None = None  # korte vorm van schakel: "artikel 41c"
    gebied: str | None = None  # waar het lichaam ligt; standaard het lichaam
    onverenigbaar: str | None = None  # alleen waar het artikel vaststaat
    ambtenaar: bool = False  # secretaris en griffier zijn zelf in dienst

    @property
    def wgr(self) -> bool:
        return self.wet == _WGR

    @property
    def bron(self) -> str:
        bron = f"artikel {self.artikel} van de {self.wet}"
        if self.schakel:
            bron += f", via {self.via or self.schakel} van die wet"
        return bron


def _gemw(wie: str, **kw: object) -> _Regime:
    basis = {"wet": "Gemeentewet", "artikel": "15", "gezag": _GS}
    return _Regime(wie, lichaam="de gemeente", eigen="de eigen gemeente", **basis | kw)


def _provw(wie: str, schakel: str | None = None) -> _Regime:
    return _Regime(
        wie, "Provinciewet", "15", _BZK, "de provincie", "de eigen provincie",
        schakel=schakel,
    )  # fmt: skip


def _wsw(wie: str, schakel: str | None = None, gezag: BevoegdGezag = _GS) -> _Regime:
    return _Regime(
        wie, "Waterschapswet", "33", gezag, "het waterschap", "het eigen waterschap",
        schakel=schakel,
    )  # fmt: skip


def _wgr(wie: str, schakel: str | None = None, gezag: BevoegdGezag = _GS) -> _Regime:
    return _Regime(
        wie, _WGR, "20", gezag, "de gemeenschappelijke regeling",
        "de eigen gemeenschappelijke regeling", lid=None, schakel=schakel,
        via=schakel and schakel.split(" (")[0],
        gebied="het gebied van de gemeenschappelijke regeling",
    )  # fmt: skip


# Artikelen volgens domain.md §2. Een lid of een artikel over onverenigbaarheid staat
# er alleen waar het vaststaat; anders noemt de uitkomst het als onzekerheid.
_REGIMES: dict[Ambt, _Regime] = {
    Ambt.RAADSLID: _gemw("een raadslid", onverenigbaar="artikel 13"),
    Ambt.WETHOUDER: _gemw(
        "een wethouder",
        schakel="artikel 41c, eerste lid",
        via="artikel 41c",
        onverenigbaar="artikel 36b",
    ),
    Ambt.BURGEMEESTER: _gemw(
        "een burgemeester", schakel="artikel 69", gezag=_CDK, onverenigbaar="artikel 68"
    ),
    Ambt.REKENKAMERLID: _gemw(
        "een lid van de rekenkamer",
        schakel="artikel 81h (bij een gemeenschappelijke rekenkamer: artikel 81m)",
        via="artikel 81h of 81m",
    ),
    Ambt.GRIFFIER: _gemw("de griffier", schakel="artikel 107d", ambtenaar=True),
    Ambt.GEMEENTESECRETARIS: _gemw(
        "de gemeentesecretaris", schakel="artikel 101", ambtenaar=True
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
        _BZK,
    ),
}

# --- De lijst: onderdeel, nummer en omschrijving ------------------------------------

_H = Handeling
_LIJST: dict[Handeling, tuple[str, int | None, str]] = {
    _H.ADVOCAAT_OF_ADVISEUR_IN_GESCHIL: (
        "a", None, "als advocaat of adviseur optreden in een geschil voor of tegen {l}",
    ),
    _H.GEMACHTIGDE_WEDERPARTIJ_IN_GESCHIL: (
        "b", None, "als gemachtigde optreden voor de tegenpartij van {l} in een "
        "geschil",
    ),
    _H.VERTEGENWOORDIGER_DERDEN_OVEREENKOMST: (
        "c", 1, "als vertegenwoordiger of adviseur van een ander meewerken aan het "
        "sluiten van een overeenkomst met {l}",
    ),
    _H.VERTEGENWOORDIGER_DERDEN_LEVERING_ONROERENDE_ZAAK: (
        "c", 2, "als vertegenwoordiger of adviseur van een ander meewerken aan de "
        "levering van een onroerende zaak aan {l}",
    ),
    _H.AANNEMING_VAN_WERK: (
        "d", 1, "een overeenkomst aangaan over het aannemen van werk voor {l}",
    ),
    _H.WERKZAAMHEDEN_TEGEN_BELONING: (
        "d", 2, "een overeenkomst aangaan over werk tegen betaling voor {l}, buiten "
        "dienstbetrekking",
    ),
    _H.LEVERING_ROERENDE_ZAKEN: (
        "d", 3, "een overeenkomst aangaan over het leveren van roerende zaken aan {l}, "
        "anders dan om niet",
    ),
    _H.VERHUUR_ROERENDE_ZAKEN: (
        "d", 4, "een overeenkomst aangaan over het verhuren van roerende zaken aan {l}",
    ),
    _H.VERWERVING_BETWISTE_VORDERING: (
        "d", 5, "een overeenkomst aangaan over het verwerven van betwiste vorderingen "
        "op {l}",
    ),
    _H.VERWERVING_ONROERENDE_ZAAK: (
        "d", 6, "onderhands onroerende zaken, of beperkte rechten daarop, verwerven "
        "van {l}",
    ),
    _H.HUUR_OF_PACHT_VAN_OVERHEID: ("d", 7, "onderhands huren of pachten van {l}"),
}  # fmt: skip

_MIDDELLIJK = {
    Relatie.EIGEN_RECHTSPERSOON: (
        "De overeenkomst wordt aangegaan door een rechtspersoon (bijvoorbeeld een bv) "
        "die de ambtsdrager bestuurt of op een andere manier kan sturen."
    ),
    Relatie.PARTNER_GEDEELD_VERMOGEN: (
        "De overeenkomst wordt aangegaan door de echtgenoot of partner met wie de "
        "ambtsdrager het vermogen deelt."
    ),
    Relatie.ONDERAANNEMER_OF_TOELEVERANCIER: (
        "De ambtsdrager werkt als onderaannemer of leverancier van de hoofdaannemer "
        "van {l}."
    ),
}

_OOK_MIDDELLIJK = " Dat is middellijk aangaan; ook dan geldt het verbod."

_NIET_UITGEMAAKT = {
    Relatie.ONBEZOLDIGD_BESTUURDER_VERENIGING_OF_STICHTING: (
        "Onbetaald bestuurderschap: de overeenkomst wordt aangegaan door een "
        "vereniging of stichting waarvan de ambtsdrager onbetaald bestuurder is. Of "
        "dat middellijk aangaan is, is niet uitgemaakt."
    ),
    Relatie.ANDER_FAMILIELID: (
        "Ander familielid: de overeenkomst wordt aangegaan door een familielid dat "
        "geen partner met gedeeld vermogen is. De wet noemt dat niet; of het "
        "middellijk aangaan is, is niet uitgemaakt."
    ),
    Relatie.KLEIN_AANDEELHOUDER: (
        "Klein aandelenbelang: de ambtsdrager heeft een klein aandelenbelang in de "
        "onderneming die de overeenkomst aangaat. Of dat middellijk aangaan is, is "
        "niet uitgemaakt."
    ),
}

_BUITEN_LIJST = {
    _H.VERKOOP_ONROERENDE_ZAAK_AAN_OVERHEID: (
        "Eigen grond of een eigen gebouw verkopen aan {l} staat niet in de lijst van "
        "verboden handelingen: {d6}, gaat over het verwerven van onroerende zaken van "
        "{l}, niet over verkopen aan {l}."
    ),
    _H.VERHUUR_ONROERENDE_ZAAK_AAN_OVERHEID: (
        "Een gebouw of grond verhuren aan {l} valt niet onder de verboden "
        "handelingen: {d4}, gaat alleen over het verhuren van roerende zaken."
    ),
    _H.SCHENKING: (
        "Iets schenken aan {l} valt niet onder de verboden handelingen: {d3}, geldt "
        "alleen voor leveringen anders dan om niet."
    ),
    _H.SUBSIDIE: (
        "Een subsidie die bij beschikking wordt verleend, is een besluit van de "
        "overheid en geen overeenkomst; zij valt niet onder de verboden handelingen."
    ),
    _H.PUBLIEKRECHTELIJK: (
        "Leges of belasting betalen, of een vergunning aanvragen, is geen overeenkomst "
        "maar een publiekrechtelijke verhouding met {l}; dat valt niet onder de "
        "verboden handelingen."
    ),
    _H.EIGEN_BEZWAAR_OF_BEROEP: (
        "Wie voor zichzelf bezwaar maakt of in beroep gaat, treedt niet op als "
        "advocaat, adviseur of gemachtigde van een ander; de onderdelen a en b gelden "
        "daarvoor niet."
    ),
    _H.ANDERS: (
        "De beschreven handeling staat niet in de lijst van verboden handelingen."
    ),
}


# --- Redeneren ----------------------------------------------------------------------


@dataclass
class _Redenering:
    feiten: Feiten
    regime: _Regime
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
            l=r.lichaam, eigen=r.eigen, g=r.gebied or r.lichaam, wie=r.wie,
            d3=_ond(r, "d", 3), d4=_ond(r, "d", 4), d6=_ond(r, "d", 6),
        )  # fmt: skip
        return _hoofdletter(tekst)

    def niet_verboden(self, *slot: str, slotzin: bool = True) -> Kwalificatie:
        for tekst in slot:
            self.zin(tekst)
        if slotzin:
            self.zin("Er is daarom geen ontheffing nodig.")
        return Kwalificatie(
            uitkomst=Uitkomst.NIET_VERBODEN,
            onderdeel=None,
            bevoegd_gezag=BevoegdGezag.GEEN,
            grondslag=_citeer(self.regime),
            bw_3_43_goedkeuring=False,
            toelichting=tuple(self.toelichting),
            onzekerheden=tuple(self.onzekerheden),
        )


def kwalificeer(feiten: Feiten) -> Kwalificatie:
    """Kwalificeer de feiten volgens domain §2-§3 en §8 (zie de moduledocstring)."""
    f = feiten
    if f.ambt in (Ambt.COMMISSIELID, Ambt.ANDERS):
        return _geen_bekend_ambt(f)
    red = _Redenering(f, _REGIMES[f.ambt])
    red.zin("Voor {wie} gelden de verboden handelingen van " + red.regime.bron + ".")
    if f.ambt is Ambt.BURGEMEESTER:
        red.zin(
            "Dat geldt ook voor een waarnemend burgemeester (artikel 80 van de "
            "Gemeentewet)."
        )

    # Regel 1: nu in functie, eigen lichaam, een handeling uit de lijst.
    if f.ambtsstatus is not Ambtsstatus.IN_FUNCTIE:
        return _niet_in_functie(red)
    if f.wederpartij in (Wederpartij.ANDER_LICHAAM, Wederpartij.PARTICULIER):
        return red.niet_verboden(_ander_lichaam(f))
    if f.handeling not in _LIJST:
        return _buiten_lijst(red)
    letter, nr, _ = _LIJST[f.handeling]
    if f.wederpartij is Wederpartij.HOOFDAANNEMER_VAN_EIGEN_LICHAAM and not (
        letter == "d" and nr in (1, 2, 3, 4, 5)
    ):
        return red.niet_verboden(
            "Het verbod gaat over handelingen met {eigen} zelf. Werk als "
            "onderaannemer of leverancier van de hoofdaannemer telt alleen mee (als "
            "middellijk aangaan) bij overeenkomsten over werk, diensten, leveringen "
            "en verhuur aan {l}; bij deze handeling niet."
        )
    if letter == "d":
        return _overeenkomst(red, nr)
    return _eigen_optreden(red, letter, nr)


def _geen_bekend_ambt(f: Feiten) -> Kwalificatie:
    gemw = _REGIMES[Ambt.RAADSLID]
    if f.ambt is Ambt.COMMISSIELID:
        red = _Redenering(f, gemw)
        return red.niet_verboden(
            "Een commissielid dat geen raadslid is, valt niet onder artikel 15 van de "
            "Gemeentewet. De gedragscode van de gemeente kan wel regels geven."
        )
    red = _Redenering(f, gemw)
    red.zin(
        "Het opgegeven ambt is niet een van de ambten die dit systeem kent. Een "
        "behandelaar stelt vast of er een verbod geldt en wie erover beslist."
    )
    red.punt(
        "Ambt onbekend: stel vast of voor dit ambt verboden handelingen gelden en wie "
        "ontheffing kan verlenen (bijvoorbeeld voor een provinciesecretaris, "
        "statengriffier of lid van de provinciale rekenkamer de minister van "
        "Binnenlandse Zaken en Koninkrijksrelaties).",
        beslissend=True,
    )
    return Kwalificatie(
        uitkomst=Uitkomst.ONZEKER,
        onderdeel=None,
        bevoegd_gezag=BevoegdGezag.ONBEKEND,
        grondslag="niet vastgesteld: het ambt is onbekend",
        bw_3_43_goedkeuring=False,
        toelichting=tuple(red.toelichting),
        onzekerheden=tuple(red.onzekerheden),
    )


def _niet_in_functie(red: _Redenering) -> Kwalificatie:
    f = red.feiten
    if f.ambtsstatus is Ambtsstatus.OUD:
        return red.niet_verboden(
            "Wie het ambt niet meer bekleedt, is niet meer aan de verboden handelingen "
            "gebonden."
        )
    red.zin(
        "Wie nog niet is geïnstalleerd of benoemd, is nog niet aan de verboden "
        "handelingen gebonden; er is nu dus geen ontheffing nodig. Zodra het ambt "
        "is aanvaard, geldt het verbod wel."
    )
    if _LIJST.get(f.handeling, ("",))[0] == "d":
        red.zin(
            "Let op: een overeenkomst die vóór de ambtsaanvaarding is aangegaan, mag "
            "gedurende de lopende looptijd doorlopen; voor een verlenging of "
            "uitbreiding tijdens het ambt is wel ontheffing nodig."
        )
    if (
        f.handeling is _H.DIENSTBETREKKING
        and f.wederpartij is Wederpartij.EIGEN_LICHAAM
        and not red.regime.ambtenaar
    ):
        red.punt(
            "Onverenigbare betrekking: een betrekking bij {eigen} is in de regel niet "
            "te verenigen met het ambt. Ga na of de betrekking vóór de "
            "ambtsaanvaarding moet eindigen."
        )
    return red.niet_verboden(slotzin=False)


def _ander_lichaam(f: Feiten) -> str:
    tekst = (
        "Het verbod gaat alleen over {eigen}. Een handeling met een andere overheid "
        "valt er niet onder."
        if f.wederpartij is Wederpartij.ANDER_LICHAAM
        else "Het verbod gaat alleen over {eigen}. Een overeenkomst of geschil met "
        "een particulier of een bedrijf valt er niet onder."
    )
    if f.handeling is _H.VERWERVING_BETWISTE_VORDERING:
        tekst += (
            " Bij het kopen van een betwiste vordering telt op wie de vordering rust: "
            "een vordering op {eigen} valt wel onder het verbod."
        )
    return tekst


def _buiten_lijst(red: _Redenering) -> Kwalificatie:
    f = red.feiten
    if f.handeling is _H.DIENSTBETREKKING:
        return _dienstbetrekking(red)
    if f.wederpartij is Wederpartij.HOOFDAANNEMER_VAN_EIGEN_LICHAAM:
        return red.niet_verboden(
            "Een handeling met de hoofdaannemer die geen overeenkomst van onderdeel d "
            "is, valt niet onder het verbod."
        )
    if f.handeling is _H.SUBSIDIEOVEREENKOMST:
        red.zin(
            "Een subsidieovereenkomst (artikel 4:36 van de Algemene wet "
            "bestuursrecht) kan onder "
            + _ond(red.regime, "d")
            + " vallen als de subsidie in feite een dienst of levering aan {l} "
            "betaalt."
        )
        red.punt(
            "Subsidieovereenkomst: of een subsidieovereenkomst onder de verboden "
            "handelingen valt, is niet uitgemaakt.",
            beslissend=True,
        )
        _deelneming(red)
        return _afronden(red, None, _citeer(red.regime), ontheffbaar=True)
    slot = [_BUITEN_LIJST[f.handeling]]
    if f.handeling is _H.VERKOOP_ONROERENDE_ZAAK_AAN_OVERHEID and not red.regime.wgr:
        slot.append(
            "Wie daarbij een ander vertegenwoordigt of adviseert, valt wel onder "
            "onderdeel c, 2°."
        )
    if f.handeling is _H.SCHENKING and not f.om_niet:
        red.punt(
            "Tegenprestatie: volgens de opgave staat er iets tegenover de schenking. "
            "Dan is het geen schenking; beoordeel het dan als levering ({d3}) of als "
            "een andere overeenkomst."
        )
    if f.handeling is _H.SUBSIDIE:
        red.punt(
            "Subsidie: aangenomen is dat de subsidie bij beschikking wordt verleend. "
            "Betaalt de subsidie in feite een dienst aan {l}, of wordt een "
            "subsidieovereenkomst gesloten, dan kan het verbod wel gelden."
        )
    if f.handeling is _H.ANDERS:
        red.punt(
            "Andere handeling: controleer aan de hand van de beschrijving of de "
            "handeling toch onder een onderdeel van de lijst valt."
        )
    return red.niet_verboden(*slot)


def _dienstbetrekking(red: _Redenering) -> Kwalificatie:
    f, r = red.feiten, red.regime
    if f.relatie is not Relatie.RECHTSTREEKS:
        return red.niet_verboden(
            "Een onverenigbare betrekking geldt alleen voor de ambtsdrager zelf. Dat "
            "een ander in dienst is van {l}, valt niet onder de verboden handelingen."
        )
    if r.ambtenaar:
        red.punt(
            "Tweede betrekking: of een andere betrekking bij {l} te verenigen is met "
            "het ambt, volgt uit het ambtenarenrecht en valt buiten deze toets."
        )
        return red.niet_verboden(
            "{wie} is zelf in dienst van {l}. Werk in dienstbetrekking valt niet "
            "onder " + _ond(r, "d", 2) + ", dat alleen werk buiten dienstbetrekking "
            "betreft."
        )
    if f.wederpartij is Wederpartij.DEELNEMING:
        red.zin(
            "Het gaat om een betrekking bij een aparte rechtspersoon waarin {l} "
            "deelneemt, niet bij {l} zelf. Werk in loondienst valt niet onder "
            + _ond(r, "d", 2)
            + "; of het een onverenigbare betrekking is, hangt af van de vraag of "
            "zo'n rechtspersoon met {l} gelijk moet worden gesteld."
        )
        _deelneming(red)
        return _afronden(red, None, _onverenigbaar(red), ontheffbaar=False)
    red.zin(
        "Werken in loondienst van {l} is geen verboden handeling in de zin van "
        + _ond(r, "d", 2)
        + " (dat gaat over werk buiten dienstbetrekking), maar een onverenigbare "
        "betrekking: {wie} kan niet tegelijk in dienst zijn van {l}."
    )
    grondslag = _onverenigbaar(red)
    if r.onverenigbaar:
        red.zin(f"Dat volgt uit {grondslag}.")
    red.zin("Van een onverenigbare betrekking kan geen ontheffing worden verleend.")
    return _afronden(red, None, grondslag, ontheffbaar=False)


def _onverenigbaar(red: _Redenering) -> str:
    r = red.regime
    if r.onverenigbaar:
        return f"{r.onverenigbaar} van de {r.wet}"
    red.punt(
        "Wetsartikel onverenigbaarheid: welk artikel de onverenigbare betrekking "
        "voor dit ambt regelt, is hier niet vastgesteld; vermeld het juiste artikel "
        "in het besluit."
    )
    return "onverenigbare betrekking met het ambt (wetsartikel na te gaan)"


def _eigen_optreden(red: _Redenering, letter: str, nr: int | None) -> Kwalificatie:
    """Onderdelen a, b en c: het gaat om wat de ambtsdrager zelf doet (regel 2)."""
    f, r = red.feiten, red.regime
    if f.relatie not in (Relatie.RECHTSTREEKS, Relatie.EIGEN_RECHTSPERSOON):
        red.punt(
            "Een ander treedt op: volgens de opgave treedt niet de ambtsdrager zelf "
            "op, maar een ander (bijvoorbeeld een collega bij hetzelfde kantoor of "
            "een familielid). Ga na of de ambtsdrager er echt niet bij betrokken is."
        )
        return red.niet_verboden(
            "De onderdelen a, b en c gaan over wat de ambtsdrager zelf doet; "
            "middellijk optreden bestaat alleen bij onderdeel d. Treedt een ander "
            "op, dan geldt dit verbod niet."
        )
    if r.wgr and letter == "c":
        red.zin(f"De vraag is of {{wie}} het volgende mag: {_omschrijving(red)}.")
        red.punt(
            "Indeling artikel 20 Wgr: of artikel 20 van de Wet gemeenschappelijke "
            "regelingen het vertegenwoordigen of adviseren van anderen verbiedt, is "
            "hier niet vastgesteld: in dat artikel is onderdeel c de lijst van "
            "overeenkomsten. Stel dit vast aan de hand van de wettekst.",
            beslissend=True,
        )
        red.zin(
            "Ontheffing is hiervoor in geen geval mogelijk: alleen de overeenkomsten "
            "van onderdeel c zijn ontheffbaar."
        )
        return _afronden(red, None, _citeer(r), ontheffbaar=False)
    red.zin(_citeer_zin(red, letter, nr))
    if f.relatie is Relatie.EIGEN_RECHTSPERSOON:
        red.zin(
            "Dat de ambtsdrager dit via een eigen rechtspersoon doet, maakt geen "
            "verschil: het blijft eigen optreden."
        )
        red.punt(
            "Wie treedt op: als niet de ambtsdrager zelf, maar een ander binnen de "
            "rechtspersoon het werk doet, geldt dit onderdeel niet. Ga na wie het "
            "werk doet."
        )
    if f.aangegaan is Aangegaan.VOOR_AMBTSAANVAARDING:
        red.zin(
            "Dat de werkzaamheden al vóór de ambtsaanvaarding begonnen, maakt geen "
            "verschil: het verbod geldt zolang de ambtsdrager het ambt bekleedt."
        )
    red.zin(
        f"Van onderdeel {letter} kan geen ontheffing worden verleend: de wet staat "
        f"alleen ontheffing toe voor de overeenkomsten van {_ond(r, 'd')}."
    )
    _deelneming(red)
    return _afronden(red, _code(r, letter, nr), _citeer(r, letter, nr), False)


def _overeenkomst(red: _Redenering, nr: int | None) -> Kwalificatie:
    """Onderdeel d (bij artikel 20 Wgr: c): een overeenkomst aangaan."""
    f, r = red.feiten, red.regime
    if f.om_niet and nr in (2, 3):
        waarom = "tegen betaling" if nr == 2 else "anders dan om niet"
        return red.niet_verboden(
            f"{_ond(r, 'd', nr)}, geldt alleen voor overeenkomsten {waarom}. Zonder "
            "vergoeding valt dit er niet onder."
        )
    if nr in (6, 7) and f.onderhands is False:
        return red.niet_verboden(
            f"{_ond(r, 'd', nr)}, geldt alleen als de overeenkomst onderhands tot "
            "stand komt. Volgens de opgave is dat niet zo, bijvoorbeeld omdat het "
            "via een openbare veiling gaat.",
            *(
                [
                    "Bij een openbare verkoop is ook geen goedkeuring op grond van "
                    "artikel 3:43 van het Burgerlijk Wetboek nodig."
                ]
                if nr == 6
                else []
            ),
        )
    if f.relatie is Relatie.GEEN:
        red.punt(
            "Geen belang: volgens de opgave gaat een ander de overeenkomst aan en "
            "heeft de ambtsdrager er geen belang bij. Ga na of dat klopt, bijvoorbeeld "
            "of er geen gedeeld vermogen of zeggenschap is."
        )
        return red.niet_verboden(
            "Het verbod geldt alleen als de ambtsdrager de overeenkomst rechtstreeks "
            "of middellijk aangaat."
        )
    if f.aangegaan is Aangegaan.VOOR_AMBTSAANVAARDING and not f.verlenging:
        return red.niet_verboden(
            "De overeenkomst is aangegaan vóór de ambtsaanvaarding. Het verbod gaat "
            "over het aangaan van een overeenkomst; voor de lopende looptijd is "
            "daarom geen ontheffing nodig.",
            "Let op: een verlenging, uitbreiding of wezenlijke wijziging tijdens het "
            "ambt geldt als het aangaan van een nieuwe overeenkomst; daarvoor is wel "
            "ontheffing nodig.",
            slotzin=False,
        )

    middellijk = f.relatie is not Relatie.RECHTSTREEKS or (
        f.wederpartij is Wederpartij.HOOFDAANNEMER_VAN_EIGEN_LICHAAM and nr != 5
    )
    red.zin(_citeer_zin(red, "d", nr))
    if f.relatie in _MIDDELLIJK:
        red.zin(_MIDDELLIJK[f.relatie] + _OOK_MIDDELLIJK)
    elif middellijk and f.relatie not in _NIET_UITGEMAAKT:
        red.zin(_MIDDELLIJK[Relatie.ONDERAANNEMER_OF_TOELEVERANCIER] + _OOK_MIDDELLIJK)
    elif f.relatie is Relatie.RECHTSTREEKS:
        red.zin("De ambtsdrager gaat de overeenkomst zelf aan (rechtstreeks).")
    if f.relatie in _NIET_UITGEMAAKT:
        red.punt(_NIET_UITGEMAAKT[f.relatie], beslissend=True)
    if f.om_niet and nr in (1, 4, 7):
        red.punt(
            "Zonder vergoeding: zonder tegenprestatie is er mogelijk geen aanneming "
            "van werk of huur in de zin van de wet. Of het verbod dan geldt, is niet "
            "uitgemaakt.",
            beslissend=True,
        )
    if f.om_niet and nr == 6:
        red.zin("Ook een verwerving zonder tegenprestatie is een verwerving.")
    if nr in (6, 7) and f.onderhands is None:
        red.punt(
            "Onderhands: het staat niet vast of de overeenkomst onderhands tot stand "
            "komt "
            "(bijvoorbeeld bij een openbare inschrijving met schriftelijke "
            "biedingen). Aangenomen is van wel, zodat ontheffing wordt gevraagd."
        )
    if f.verlenging:
        red.zin(
            "Het gaat om een verlenging of uitbreiding tijdens het ambt. Die geldt "
            "als het aangaan van een nieuwe overeenkomst en wordt zo beoordeeld."
        )
    if f.aangegaan is Aangegaan.TIJDENS_AMBT:
        red.punt(
            "Ontheffing achteraf: de overeenkomst is al tijdens het ambt aangegaan, "
            "zonder ontheffing. Of ontheffing met terugwerkende kracht kan worden "
            "verleend, is niet uitgemaakt; het systeem verleent die nooit "
            "automatisch.",
            beslissend=True,
            over_verbod=False,
        )
    _deelneming(red)
    bw = (
        nr == 6
        and f.ambt in (Ambt.RAADSLID, Ambt.WETHOUDER, Ambt.BURGEMEESTER)
        and f.wederpartij is Wederpartij.EIGEN_LICHAAM
    )
    return _afronden(
        red, _code(r, "d", nr), _citeer(r, "d", nr, middellijk), True, bw=bw
    )


def _deelneming(red: _Redenering) -> None:
    if red.feiten.wederpartij is Wederpartij.DEELNEMING:
        red.punt(
            "Deelneming als wederpartij: de wederpartij is een aparte rechtspersoon "
            "waarin {l} deelneemt (bijvoorbeeld een gemeentelijk bedrijf). Of het "
            "verbod ook geldt voor zo'n rechtspersoon, is niet uitgemaakt.",
            beslissend=True,
        )


def _afronden(
    red: _Redenering,
    onderdeel: str | None,
    grondslag: str,
    ontheffbaar: bool,
    *,
    bw: bool = False,
) -> Kwalificatie:
    """Pas nu telt wie bevoegd is; daarna volgt de uitkomst."""
    f, r = red.feiten, red.regime
    gezag = r.gezag
    if _WGR in grondslag:
        red.punt(
            "Vindplaats artikel 20 Wgr: controleer lid en onderdeel van artikel 20 "
            "van de Wet gemeenschappelijke regelingen in de wettekst vóór het besluit."
        )
    if gezag is BevoegdGezag.ONBEKEND:
        red.punt(
            "Dijkgraaf: voor de dijkgraaf (artikel 47 van de Waterschapswet) is niet "
            "uitgemaakt welk bestuursorgaan ontheffing kan verlenen.",
            beslissend=True,
            over_verbod=False,
        )
    elif gezag in (_GS, _CDK) and f.lichaam_in_provincie is None:
        red.punt(
            "Ligging: er is niet opgegeven of {g} in deze provincie ligt. Aangenomen is "
            "van wel; ligt {g} in een andere provincie, dan is die provincie bevoegd."
        )

    if red.onzeker:
        uitkomst = Uitkomst.ONZEKER
    elif ontheffbaar:
        uitkomst = Uitkomst.VERBODEN_ONTHEFFBAAR
    else:
        uitkomst = Uitkomst.VERBODEN_NIET_ONTHEFFBAAR
    if red.twijfel:
        red.toelichting = [
            zin.replace("Dit valt onder ", "Dit kan vallen onder ", 1)
            for zin in red.toelichting
        ]

    if gezag is BevoegdGezag.ONBEKEND:
        red.zin("Wie voor de dijkgraaf over ontheffing beslist, is niet uitgemaakt.")
    elif gezag is _BZK:
        red.zin(
            "Over ontheffing voor {wie} beslist de minister van Binnenlandse Zaken en "
            "Koninkrijksrelaties, niet de provincie."
        )
    elif f.lichaam_in_provincie is False:
        gezag = BevoegdGezag.ANDERE_PROVINCIE
        orgaan = _orgaan(r.gezag, "die provincie")
        red.zin(
            "Volgens de opgave ligt {g} in een andere provincie. Over ontheffing "
            f"{_beslist(r.gezag)} daarom {orgaan}."
        )
    elif uitkomst is Uitkomst.VERBODEN_NIET_ONTHEFFBAAR:
        orgaan = _orgaan(gezag, "de provincie waarin {g} ligt")
        red.zin(
            f"Een verzoek om ontheffing voor {{wie}} wordt behandeld door {orgaan}; "
            f"{'zij moeten' if gezag is _GS else 'die moet'} het weigeren."
        )
    else:
        orgaan = _orgaan(gezag, "de provincie waarin {g} ligt")
        red.zin(f"Over ontheffing voor {{wie}} {_beslist(gezag)} {orgaan}.")

    if gezag in (_BZK, BevoegdGezag.ANDERE_PROVINCIE):
        uitkomst = Uitkomst.ONBEVOEGD
        red.zin(
            "Deze provincie stuurt het verzoek onverwijld door en laat dat de "
            "aanvrager weten (artikel 2:3, eerste lid, van de Algemene wet "
            "bestuursrecht)."
        )
        if ontheffbaar and not red.onzeker:
            red.zin("Daar is ontheffing van dit onderdeel mogelijk.")
    elif uitkomst is Uitkomst.VERBODEN_ONTHEFFBAAR:
        red.zin(
            "Ontheffing is mogelijk; het verzoek wordt getoetst aan de beleidsregel "
            "van de provincie."
        )
    elif uitkomst is Uitkomst.ONZEKER:
        red.zin("Een behandelaar beslist hierover en legt de motivering vast.")

    if bw:
        wie = (
            "de Commissaris van de Koning" if r.gezag is _CDK else "Gedeputeerde Staten"
        )
        red.zin(
            "Omdat een onroerende zaak van de gemeente wordt verworven, is daarnaast "
            f"goedkeuring van {wie} nodig op grond van artikel 3:43 van het "
            "Burgerlijk Wetboek; zonder die goedkeuring is de verwerving nietig. Over "
            "de ontheffing en de goedkeuring wordt in één besluit beslist."
        )
    return Kwalificatie(
        uitkomst=uitkomst,
        onderdeel=onderdeel,
        bevoegd_gezag=gezag,
        grondslag=grondslag,
        bw_3_43_goedkeuring=bw,
        toelichting=tuple(red.toelichting),
        onzekerheden=tuple(red.onzekerheden),
    )


# --- Citeren ------------------------------------------------------------------------


def _beslist(gezag: BevoegdGezag) -> str:
    return "beslissen" if gezag is _GS else "beslist"


def _orgaan(gezag: BevoegdGezag, provincie: str) -> str:
    if gezag is _GS:
        return f"Gedeputeerde Staten van {provincie}"
    return f"de Commissaris van de Koning in {provincie}"


def _citeer(
    r: _Regime,
    letter: str | None = None,
    nr: int | None = None,
    middellijk: bool = False,
) -> str:
    """Bijv. 'artikel 15, eerste lid, onder d, 3°, van de Gemeentewet, in samenhang
    met artikel 41c, eerste lid (middellijk)'."""
    delen = [f"artikel {r.artikel}"]
    if r.lid:
        delen.append(r.lid)
    if letter:
        delen.append(f"onder {_letter(r, letter)}")
    if nr:
        delen.append(f"{nr}°")
    tekst = ", ".join(delen) + ("," if len(delen) > 1 else "") + f" van de {r.wet}"
    if r.schakel:
        tekst += f", in samenhang met {r.schakel}"
    return tekst + (" (middellijk)" if middellijk else "")


def _citeer_zin(red: _Redenering, letter: str, nr: int | None) -> str:
    kort = _citeer(red.regime, letter, nr).split(", in samenhang met")[0]
    return f"Dit valt onder {kort}: {_omschrijving(red)}."


def _omschrijving(red: _Redenering) -> str:
    return _LIJST[red.feiten.handeling][2].format(l=red.regime.lichaam)


def _letter(r: _Regime, letter: str) -> str:
    return "c" if r.wgr and letter == "d" else letter


def _code(r: _Regime, letter: str, nr: int | None) -> str:
    return _letter(r, letter) + (str(nr) if nr else "")


def _ond(r: _Regime, letter: str, nr: int | None = None) -> str:
    return f"onderdeel {_letter(r, letter)}" + (f", {nr}°" if nr else "")


def _ontheffbaar_onderdeel(onderdeel: str | None, *, wgr: bool) -> bool:
    return (
        bool(onderdeel) and onderdeel[0] == ("c" if wgr else "d") and len(onderdeel) > 1
    )


def _hoofdletter(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]


def _klein(tekst: str) -> str:
    """'De minister' -> 'de minister'; 'Gedeputeerde Staten' blijft staan."""
    return tekst[:1].lower() + tekst[1:] if tekst.startswith(("De ", "Een ")) else tekst
