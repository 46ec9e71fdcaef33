"""Regel 1 en het begin: `kwalificeer`, in de volgorde van de pakketdocstring.

Geldt het verbod voor dit ambt, nu, en voor deze wederpartij en handeling?
Handelingen buiten de lijst en een dienstbetrekking (regel 5) worden hier
afgehandeld; de onderdelen a tot en met d staan in `onderdelen`.
"""

from __future__ import annotations

from ontheffing.kwalificatie.begrippen import (
    Ambt,
    Ambtsstatus,
    BevoegdGezag,
    Handeling,
    Relatie,
    Uitkomst,
    Wederpartij,
)
from ontheffing.kwalificatie.bevoegdheid import afronden
from ontheffing.kwalificatie.citaten import citeer, onderdeel_tekst
from ontheffing.kwalificatie.feiten import Feiten, Kwalificatie
from ontheffing.kwalificatie.lijst import BUITEN_LIJST, LIJST
from ontheffing.kwalificatie.onderdelen import (
    deelneming,
    eigen_optreden,
    overeenkomst_aangaan,
)
from ontheffing.kwalificatie.redenering import Redenering
from ontheffing.kwalificatie.regimes import REGIMES

_H = Handeling


def kwalificeer(feiten: Feiten) -> Kwalificatie:
    """Kwalificeer de feiten volgens de regels van de pakketdocstring."""
    f = feiten
    if f.ambt in (Ambt.COMMISSIELID, Ambt.ANDERS):
        return _geen_bekend_ambt(f)
    red = Redenering(f, REGIMES[f.ambt])
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
    if f.handeling not in LIJST:
        return _buiten_lijst(red)
    letter, nr, _ = LIJST[f.handeling]
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
        return overeenkomst_aangaan(red, nr)
    return eigen_optreden(red, letter, nr)


def _geen_bekend_ambt(f: Feiten) -> Kwalificatie:
    gemw = REGIMES[Ambt.RAADSLID]
    if f.ambt is Ambt.COMMISSIELID:
        red = Redenering(f, gemw)
        return red.niet_verboden(
            "Een commissielid dat geen raadslid is, valt niet onder artikel 15 van de "
            "Gemeentewet. De gedragscode van de gemeente kan wel regels geven."
        )
    red = Redenering(f, gemw)
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


def _niet_in_functie(red: Redenering) -> Kwalificatie:
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
    if LIJST.get(f.handeling, ("",))[0] == "d":
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


def _buiten_lijst(red: Redenering) -> Kwalificatie:
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
            + onderdeel_tekst(red.regime, "d")
            + " vallen als de subsidie in feite een dienst of levering aan {l} "
            "betaalt."
        )
        red.punt(
            "Subsidieovereenkomst: of een subsidieovereenkomst onder de verboden "
            "handelingen valt, is niet uitgemaakt.",
            beslissend=True,
        )
        deelneming(red)
        return afronden(red, None, citeer(red.regime), ontheffbaar=True)
    slot = [BUITEN_LIJST[f.handeling]]
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


def _dienstbetrekking(red: Redenering) -> Kwalificatie:
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
            "onder "
            + onderdeel_tekst(r, "d", 2)
            + ", dat alleen werk buiten dienstbetrekking "
            "betreft."
        )
    if f.wederpartij is Wederpartij.DEELNEMING:
        red.zin(
            "Het gaat om een betrekking bij een aparte rechtspersoon waarin {l} "
            "deelneemt, niet bij {l} zelf. Werk in loondienst valt niet onder "
            + onderdeel_tekst(r, "d", 2)
            + "; of het een onverenigbare betrekking is, hangt af van de vraag of "
            "zo'n rechtspersoon met {l} gelijk moet worden gesteld."
        )
        deelneming(red)
        return afronden(red, None, _onverenigbaar(red), ontheffbaar=False)
    red.zin(
        "Werken in loondienst van {l} is geen verboden handeling in de zin van "
        + onderdeel_tekst(r, "d", 2)
        + " (dat gaat over werk buiten dienstbetrekking), maar een onverenigbare "
        "betrekking: {wie} kan niet tegelijk in dienst zijn van {l}."
    )
    grondslag = _onverenigbaar(red)
    if r.onverenigbaar:
        red.zin(f"Dat volgt uit {grondslag}.")
    red.zin("Van een onverenigbare betrekking kan geen ontheffing worden verleend.")
    return afronden(red, None, grondslag, ontheffbaar=False)


def _onverenigbaar(red: Redenering) -> str:
    r = red.regime
    if r.onverenigbaar:
        return f"{r.onverenigbaar} van de {r.wet}"
    red.punt(
        "Wetsartikel onverenigbaarheid: welk artikel de onverenigbare betrekking "
        "voor dit ambt regelt, is hier niet vastgesteld; vermeld het juiste artikel "
        "in het besluit."
    )
    return "onverenigbare betrekking met het ambt (wetsartikel na te gaan)"
