"""De lijst: onderdeel, nummer en omschrijving van elke verboden handeling.

Daarnaast de vaste zinnen over middellijk aangaan, over relaties waarvan niet is
uitgemaakt of ze middellijk zijn, en over handelingen die niet in de lijst staan.
"""

from __future__ import annotations

from ontheffing.kwalificatie.begrippen import Handeling, Relatie

# The agreements of Gemw 15, first paragraph, under d, by code, as a letter
# names them.
ONDERDELEN = {
    "d1": "aanneming van werk",
    "d2": "het buiten dienstbetrekking verrichten van werkzaamheden tegen betaling",
    "d3": "het anders dan om niet leveren van roerende zaken",
    "d4": "het verhuren van roerende zaken",
    "d5": "het verwerven van betwiste vorderingen",
    "d6": "het onderhands verwerven van onroerende zaken of beperkte rechten daarop",
    "d7": "het onderhands huren of pachten",
}

_H = Handeling
LIJST: dict[Handeling, tuple[str, int | None, str]] = {
    _H.ADVOCAAT_OF_ADVISEUR_IN_GESCHIL: (
        "a",
        None,
        "als advocaat of adviseur optreden in een geschil voor of tegen {l}",
    ),
    _H.GEMACHTIGDE_WEDERPARTIJ_IN_GESCHIL: (
        "b",
        None,
        "als gemachtigde optreden voor de tegenpartij van {l} in een geschil",
    ),
    _H.VERTEGENWOORDIGER_DERDEN_OVEREENKOMST: (
        "c",
        1,
        "als vertegenwoordiger of adviseur van een ander meewerken aan het "
        "sluiten van een overeenkomst met {l}",
    ),
    _H.VERTEGENWOORDIGER_DERDEN_LEVERING_ONROERENDE_ZAAK: (
        "c",
        2,
        "als vertegenwoordiger of adviseur van een ander meewerken aan de "
        "levering van een onroerende zaak aan {l}",
    ),
    _H.AANNEMING_VAN_WERK: (
        "d",
        1,
        "een overeenkomst aangaan over het aannemen van werk voor {l}",
    ),
    _H.WERKZAAMHEDEN_TEGEN_BELONING: (
        "d",
        2,
        "een overeenkomst aangaan over werk tegen betaling voor {l}, buiten "
        "dienstbetrekking",
    ),
    _H.LEVERING_ROERENDE_ZAKEN: (
        "d",
        3,
        "een overeenkomst aangaan over het leveren van roerende zaken aan {l}, "
        "anders dan om niet",
    ),
    _H.VERHUUR_ROERENDE_ZAKEN: (
        "d",
        4,
        "een overeenkomst aangaan over het verhuren van roerende zaken aan {l}",
    ),
    _H.VERWERVING_BETWISTE_VORDERING: (
        "d",
        5,
        "een overeenkomst aangaan over het verwerven van betwiste vorderingen op {l}",
    ),
    _H.VERWERVING_ONROERENDE_ZAAK: (
        "d",
        6,
        "onderhands onroerende zaken, of beperkte rechten daarop, verwerven van {l}",
    ),
    _H.HUUR_OF_PACHT_VAN_OVERHEID: ("d", 7, "onderhands huren of pachten van {l}"),
}

MIDDELLIJK = {
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

OOK_MIDDELLIJK = " Dat is middellijk aangaan; ook dan geldt het verbod."

NIET_UITGEMAAKT = {
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

BUITEN_LIJST = {
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
