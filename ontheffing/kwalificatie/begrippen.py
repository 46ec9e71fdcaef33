"""Begrippen: de keuzes waarmee feiten en uitkomst worden beschreven.

Elke keuze is een StrEnum: de waarde is de naam in kleine letters, `label` de
Nederlandse tekst. `keuzes()` maakt er (waarde, label)-paren van voor formulieren
en modelvelden.
"""

from __future__ import annotations

import enum


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
    PLAATSVERVANGEND_GRIFFIER = enum.auto()
    VERVANGER_SECRETARIS = enum.auto()
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
        Ambt.GRIFFIER: "Griffier",
        Ambt.GEMEENTESECRETARIS: "Gemeentesecretaris",
        Ambt.PLAATSVERVANGEND_GRIFFIER: "Plaatsvervanger van de griffier",
        Ambt.VERVANGER_SECRETARIS: "Vervanger van de gemeentesecretaris",
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
