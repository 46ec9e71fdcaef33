"""De onderdelen van de lijst: a, b en c (eigen optreden) en d (overeenkomsten).

Regel 2: a, b en c gaan over wat de ambtsdrager zelf doet; middellijk bestaat
alleen bij d. Regels 3 en 4: aangaan vóór of tijdens het ambt, en onzekere
punten. Artikel 20 Wgr noemt onderdeel d "c" (regel 6, zie `citaten`).
"""

from __future__ import annotations

from ontheffing.kwalificatie.begrippen import Aangegaan, Ambt, Relatie, Wederpartij
from ontheffing.kwalificatie.bevoegdheid import afronden
from ontheffing.kwalificatie.citaten import citeer, onderdeel_code, onderdeel_tekst
from ontheffing.kwalificatie.feiten import Kwalificatie
from ontheffing.kwalificatie.lijst import (
    LIJST,
    MIDDELLIJK,
    NIET_UITGEMAAKT,
    OOK_MIDDELLIJK,
)
from ontheffing.kwalificatie.redenering import Redenering


def omschrijving_handeling(red: Redenering) -> str:
    return LIJST[red.feiten.handeling][2].format(l=red.regime.lichaam)


def citeer_zin(red: Redenering, letter: str, nr: int | None) -> str:
    kort = citeer(red.regime, letter, nr).split(", in samenhang met")[0]
    return f"Dit valt onder {kort}: {omschrijving_handeling(red)}."


def eigen_optreden(red: Redenering, letter: str, nr: int | None) -> Kwalificatie:
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
        red.zin(
            f"De vraag is of {{wie}} het volgende mag: {omschrijving_handeling(red)}."
        )
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
        return afronden(red, None, citeer(r), ontheffbaar=False)
    red.zin(citeer_zin(red, letter, nr))
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
        f"alleen ontheffing toe voor de overeenkomsten van {onderdeel_tekst(r, 'd')}."
    )
    deelneming(red)
    return afronden(red, onderdeel_code(r, letter, nr), citeer(r, letter, nr), False)


def overeenkomst_aangaan(red: Redenering, nr: int | None) -> Kwalificatie:
    """Onderdeel d (bij artikel 20 Wgr: c): een overeenkomst aangaan."""
    f, r = red.feiten, red.regime
    if f.om_niet and nr in (2, 3):
        waarom = "tegen betaling" if nr == 2 else "anders dan om niet"
        return red.niet_verboden(
            f"{onderdeel_tekst(r, 'd', nr)}, geldt alleen voor overeenkomsten {waarom}. Zonder "
            "vergoeding valt dit er niet onder."
        )
    if nr in (6, 7) and f.onderhands is False:
        return red.niet_verboden(
            f"{onderdeel_tekst(r, 'd', nr)}, geldt alleen als de overeenkomst onderhands tot "
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
    red.zin(citeer_zin(red, "d", nr))
    if f.relatie in MIDDELLIJK:
        red.zin(MIDDELLIJK[f.relatie] + OOK_MIDDELLIJK)
    elif middellijk and f.relatie not in NIET_UITGEMAAKT:
        red.zin(MIDDELLIJK[Relatie.ONDERAANNEMER_OF_TOELEVERANCIER] + OOK_MIDDELLIJK)
    elif f.relatie is Relatie.RECHTSTREEKS:
        red.zin("De ambtsdrager gaat de overeenkomst zelf aan (rechtstreeks).")
    if f.relatie in NIET_UITGEMAAKT:
        red.punt(NIET_UITGEMAAKT[f.relatie], beslissend=True)
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
    deelneming(red)
    bw = (
        nr == 6
        and f.ambt in (Ambt.RAADSLID, Ambt.WETHOUDER, Ambt.BURGEMEESTER)
        and f.wederpartij is Wederpartij.EIGEN_LICHAAM
    )
    return afronden(
        red, onderdeel_code(r, "d", nr), citeer(r, "d", nr, middellijk), True, bw=bw
    )


def deelneming(red: Redenering) -> None:
    if red.feiten.wederpartij is Wederpartij.DEELNEMING:
        red.punt(
            "Deelneming als wederpartij: de wederpartij is een aparte rechtspersoon "
            "waarin {l} deelneemt (bijvoorbeeld een gemeentelijk bedrijf). Of het "
            "verbod ook geldt voor zo'n rechtspersoon, is niet uitgemaakt.",
            beslissend=True,
        )
