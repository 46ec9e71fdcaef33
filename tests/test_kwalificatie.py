"""Casebook voor de kwalificatiemotor (artikel 15 Gemeentewet en de regels voor
de andere ambten; README, "De juridische kern").

Pure Python: geen database en geen Django nodig (`-p no:django` werkt ook).
Elke regel van CASEBOOK is één casus: feiten, verwachte uitkomst, onderdeel en
bevoegd gezag, plus fragmenten die in grondslag, toelichting of onzekerheden horen.
"""

import itertools
from enum import StrEnum

import pytest

from ontheffing.kwalificatie import (
    Aangegaan,
    Ambt,
    Ambtsstatus,
    BevoegdGezag,
    Feiten,
    Handeling,
    Kwalificatie,
    Relatie,
    Uitkomst,
    Wederpartij,
    keuzes,
    kwalificeer,
)

A, H, W, R = Ambt, Handeling, Wederpartij, Relatie
NV = Uitkomst.NIET_VERBODEN
VNO = Uitkomst.VERBODEN_NIET_ONTHEFFBAAR
VO = Uitkomst.VERBODEN_ONTHEFFBAAR
ONBEVOEGD = Uitkomst.ONBEVOEGD
ONZEKER = Uitkomst.ONZEKER
GS = BevoegdGezag.GEDEPUTEERDE_STATEN
CDK = BevoegdGezag.COMMISSARIS_VAN_DE_KONING
BZK = BevoegdGezag.MINISTER_BZK
ELDERS = BevoegdGezag.ANDERE_PROVINCIE
GEEN = BevoegdGezag.GEEN
ONBEKEND = BevoegdGezag.ONBEKEND


def geval(
    id,
    uitkomst,
    onderdeel=None,
    gezag=GEEN,
    *,
    bw=False,
    grond=(),
    zonder=(),
    tekst=(),
    punten=(),
    **feiten,
):
    """Eén casus. `punten`: labels die in de onzekerheden moeten staan."""
    return pytest.param(
        Feiten(**feiten),
        (uitkomst, onderdeel, gezag, bw),
        (grond, zonder, tekst, punten),
        id=id,
    )


CASEBOOK = [
    # --- De negen openbare voorbeelden ---------------------------------
    geval(
        "raadslid-eigen-bv-schildert-gemeentehuis", VO, "d1", GS,
        grond=("onder d, 1°", "(middellijk)"), tekst=("middellijk",),
        ambt=A.RAADSLID, handeling=H.AANNEMING_VAN_WERK, relatie=R.EIGEN_RECHTSPERSOON,
    ),
    geval(
        "raadslid-belastingadviseur-gemachtigde-in-bezwaar", VNO, "b", GS,
        grond=("artikel 15, eerste lid, onder b, van de Gemeentewet",),
        zonder=("(middellijk)",), tekst=("weigeren",),
        ambt=A.RAADSLID, handeling=H.GEMACHTIGDE_WEDERPARTIJ_IN_GESCHIL,
    ),
    geval(
        "raadslid-verkoopt-eigen-tuinstrook-aan-gemeente", NV,
        ambt=A.RAADSLID, handeling=H.VERKOOP_ONROERENDE_ZAAK_AAN_OVERHEID,
    ),
    geval(
        "statenlid-levert-aan-provincie", ONBEVOEGD, "d3", BZK,
        grond=("onder d, 3°", "Provinciewet"), tekst=("2:3",),
        ambt=A.STATENLID, handeling=H.LEVERING_ROERENDE_ZAKEN,
    ),
    geval(
        "burgemeester-koopt-gemeentekavel-onderhands", VO, "d6", CDK, bw=True,
        grond=("onder d, 6°", "artikel 69"), tekst=("3:43", "waarnemend"),
        ambt=A.BURGEMEESTER, handeling=H.VERWERVING_ONROERENDE_ZAAK,
    ),
    geval(
        "raadslid-koopt-gemeentewoning-op-openbare-veiling", NV,
        tekst=("onderhands",),
        ambt=A.RAADSLID, handeling=H.VERWERVING_ONROERENDE_ZAAK, onderhands=False,
    ),
    geval(
        "wethouder-huurt-garagebox-tegen-standaardtarief", VO, "d7", GS,
        grond=("onder d, 7°", "in samenhang met artikel 41c"),
        ambt=A.WETHOUDER, handeling=H.HUUR_OF_PACHT_VAN_OVERHEID,
    ),
    geval(
        "raadslid-contract-twee-jaar-voor-installatie-geen-verlenging", NV,
        tekst=("vóór de ambtsaanvaarding", "verlenging"),
        ambt=A.RAADSLID, handeling=H.WERKZAAMHEDEN_TEGEN_BELONING,
        aangegaan=Aangegaan.VOOR_AMBTSAANVAARDING,
    ),
    geval(
        "dijkgraaf-huurt-botenhuis-van-waterschap", ONZEKER, "d7", ONBEKEND,
        grond=("Waterschapswet", "artikel 47"), punten=("Dijkgraaf",),
        ambt=A.DIJKGRAAF, handeling=H.HUUR_OF_PACHT_VAN_OVERHEID,
    ),
    # --- a, b en c: eigen optreden, nooit ontheffbaar ------------------------------
    geval(
        "raadslid-advocaat-van-de-gemeente", VNO, "a", GS,
        grond=("onder a, van de Gemeentewet",),
        ambt=A.RAADSLID, handeling=H.ADVOCAAT_OF_ADVISEUR_IN_GESCHIL,
    ),
    geval(
        "raadslid-adviseert-tegen-gemeente-via-eigen-bv", VNO, "a", GS,
        zonder=("(middellijk)",), punten=("Wie treedt op",),
        ambt=A.RAADSLID, handeling=H.ADVOCAAT_OF_ADVISEUR_IN_GESCHIL,
        relatie=R.EIGEN_RECHTSPERSOON,
    ),
    geval(
        "kantoorgenoot-van-raadslid-is-gemachtigde", NV,
        tekst=("zelf doet",), punten=("Een ander treedt op",),
        ambt=A.RAADSLID, handeling=H.GEMACHTIGDE_WEDERPARTIJ_IN_GESCHIL,
        relatie=R.GEEN,
    ),
    geval(
        "raadslid-adviseert-aannemer-bij-aanbesteding", VNO, "c1", GS,
        grond=("onder c, 1°",),
        ambt=A.RAADSLID, handeling=H.VERTEGENWOORDIGER_DERDEN_OVEREENKOMST,
    ),
    geval(
        "raadslid-makelaar-bij-grondverkoop-aan-gemeente", VNO, "c2", GS,
        grond=("onder c, 2°",),
        ambt=A.RAADSLID,
        handeling=H.VERTEGENWOORDIGER_DERDEN_LEVERING_ONROERENDE_ZAAK,
    ),
    geval(
        "partner-van-raadslid-adviseert-bij-overeenkomst", NV,
        punten=("Een ander treedt op",),
        ambt=A.RAADSLID, handeling=H.VERTEGENWOORDIGER_DERDEN_OVEREENKOMST,
        relatie=R.PARTNER_GEDEELD_VERMOGEN,
    ),
    geval(
        "raadslid-advocaat-zaak-liep-al-voor-installatie", VNO, "a", GS,
        tekst=("zolang",),
        ambt=A.RAADSLID, handeling=H.ADVOCAAT_OF_ADVISEUR_IN_GESCHIL,
        aangegaan=Aangegaan.VOOR_AMBTSAANVAARDING,
    ),
    geval(
        "raadslid-advocaat-tegen-gemeentelijk-bedrijf", ONZEKER, "a", GS,
        punten=("Deelneming als wederpartij",),
        ambt=A.RAADSLID, handeling=H.ADVOCAAT_OF_ADVISEUR_IN_GESCHIL,
        wederpartij=W.DEELNEMING,
    ),
    geval(
        "raadslid-advocaat-in-geschil-met-hoofdaannemer", NV,
        ambt=A.RAADSLID, handeling=H.ADVOCAAT_OF_ADVISEUR_IN_GESCHIL,
        wederpartij=W.HOOFDAANNEMER_VAN_EIGEN_LICHAAM,
    ),
    # --- d: overeenkomsten, ontheffbaar door GS ------------------------------------
    geval(
        "raadslid-bakt-taart-voor-afscheid-burgemeester", VO, "d3", GS,
        grond=("onder d, 3°",), zonder=("(middellijk)",), tekst=("rechtstreeks",),
        ambt=A.RAADSLID, handeling=H.LEVERING_ROERENDE_ZAKEN,
    ),
    geval(
        "raadslid-schenkt-schilderij-aan-gemeente", NV, tekst=("om niet",),
        ambt=A.RAADSLID, handeling=H.LEVERING_ROERENDE_ZAKEN, om_niet=True,
    ),
    geval(
        "raadslid-geeft-betaalde-training-aan-ambtenaren", VO, "d2", GS,
        grond=("onder d, 2°",),
        ambt=A.RAADSLID, handeling=H.WERKZAAMHEDEN_TEGEN_BELONING,
    ),
    geval(
        "raadslid-geeft-gratis-training", NV, tekst=("tegen betaling",),
        ambt=A.RAADSLID, handeling=H.WERKZAAMHEDEN_TEGEN_BELONING, om_niet=True,
    ),
    geval(
        "raadslid-schildert-gratis-het-buurthuis", ONZEKER, "d1", GS,
        punten=("Zonder vergoeding",),
        ambt=A.RAADSLID, handeling=H.AANNEMING_VAN_WERK, om_niet=True,
    ),
    geval(
        "raadslid-verhuurt-geluidsinstallatie-voor-koningsdag", VO, "d4", GS,
        grond=("onder d, 4°",),
        ambt=A.RAADSLID, handeling=H.VERHUUR_ROERENDE_ZAKEN,
    ),
    geval(
        "raadslid-koopt-betwiste-vordering-op-gemeente", VO, "d5", GS,
        grond=("onder d, 5°",),
        ambt=A.RAADSLID, handeling=H.VERWERVING_BETWISTE_VORDERING,
    ),
    geval(
        "raadslid-koopt-betwiste-vordering-van-hoofdaannemer", VO, "d5", GS,
        zonder=("(middellijk)",),
        ambt=A.RAADSLID, handeling=H.VERWERVING_BETWISTE_VORDERING,
        wederpartij=W.HOOFDAANNEMER_VAN_EIGEN_LICHAAM,
    ),
    geval(
        "raadslid-koopt-vordering-op-particulier", NV, tekst=("vordering op",),
        ambt=A.RAADSLID, handeling=H.VERWERVING_BETWISTE_VORDERING,
        wederpartij=W.PARTICULIER,
    ),
    geval(
        "raadslid-koopt-gemeentewoning-onderhands", VO, "d6", GS, bw=True,
        grond=("onder d, 6°",), tekst=("3:43", "nietig"),
        ambt=A.RAADSLID, handeling=H.VERWERVING_ONROERENDE_ZAAK,
    ),
    geval(
        "wethouder-koopt-bouwkavel-van-gemeente", VO, "d6", GS, bw=True,
        grond=("41c",), tekst=("Gedeputeerde Staten nodig",),
        ambt=A.WETHOUDER, handeling=H.VERWERVING_ONROERENDE_ZAAK,
    ),
    geval(
        "raadslid-biedt-bij-openbare-inschrijving", VO, "d6", GS, bw=True,
        punten=("Onderhands",),
        ambt=A.RAADSLID, handeling=H.VERWERVING_ONROERENDE_ZAAK, onderhands=None,
    ),
    geval(
        "raadslid-krijgt-strook-grond-om-niet", VO, "d6", GS, bw=True,
        tekst=("zonder tegenprestatie",),
        ambt=A.RAADSLID, handeling=H.VERWERVING_ONROERENDE_ZAAK, om_niet=True,
    ),
    geval(
        "partner-van-raadslid-koopt-gemeentegrond", VO, "d6", GS, bw=True,
        grond=("(middellijk)",), tekst=("partner",),
        ambt=A.RAADSLID, handeling=H.VERWERVING_ONROERENDE_ZAAK,
        relatie=R.PARTNER_GEDEELD_VERMOGEN,
    ),
    geval(
        "raadslid-pacht-weiland-van-gemeente", VO, "d7", GS,
        ambt=A.RAADSLID, handeling=H.HUUR_OF_PACHT_VAN_OVERHEID,
    ),
    geval(
        "raadslid-huurt-marktkraam-via-openbare-veiling", NV,
        zonder=("3:43",),
        ambt=A.RAADSLID, handeling=H.HUUR_OF_PACHT_VAN_OVERHEID, onderhands=False,
    ),
    geval(
        "raadslid-onderaannemer-van-hoofdaannemer-gemeente", VO, "d1", GS,
        grond=("(middellijk)",), tekst=("hoofdaannemer",),
        ambt=A.RAADSLID, handeling=H.AANNEMING_VAN_WERK,
        wederpartij=W.HOOFDAANNEMER_VAN_EIGEN_LICHAAM,
    ),
    geval(
        "raadslid-toeleverancier-van-aannemer-gemeente", VO, "d3", GS,
        grond=("(middellijk)",),
        ambt=A.RAADSLID, handeling=H.LEVERING_ROERENDE_ZAKEN,
        relatie=R.ONDERAANNEMER_OF_TOELEVERANCIER,
    ),
    geval(
        "raadslid-koopt-grond-van-hoofdaannemer", NV,
        ambt=A.RAADSLID, handeling=H.VERWERVING_ONROERENDE_ZAAK,
        wederpartij=W.HOOFDAANNEMER_VAN_EIGEN_LICHAAM,
    ),
    geval(
        "raadslid-levert-aan-buurgemeente", NV, tekst=("andere overheid",),
        ambt=A.RAADSLID, handeling=H.LEVERING_ROERENDE_ZAKEN,
        wederpartij=W.ANDER_LICHAAM,
    ),
    geval(
        "raadslid-levert-aan-woningcorporatie", NV,
        ambt=A.RAADSLID, handeling=H.LEVERING_ROERENDE_ZAKEN,
        wederpartij=W.PARTICULIER,
    ),
    geval(
        "raadslid-en-bv-leveren-aan-gemeentelijk-havenbedrijf", ONZEKER, "d3", GS,
        grond=("(middellijk)",), punten=("Deelneming als wederpartij",),
        ambt=A.RAADSLID, handeling=H.LEVERING_ROERENDE_ZAKEN,
        wederpartij=W.DEELNEMING, relatie=R.EIGEN_RECHTSPERSOON,
    ),
    # --- Onzekere relaties (README, "De juridische kern") -------------------------------------
    geval(
        "stichting-met-raadslid-als-onbetaald-bestuurder", ONZEKER, "d2", GS,
        punten=("Onbetaald bestuurderschap",),
        ambt=A.RAADSLID, handeling=H.WERKZAAMHEDEN_TEGEN_BELONING,
        relatie=R.ONBEZOLDIGD_BESTUURDER_VERENIGING_OF_STICHTING,
    ),
    geval(
        "zoon-van-raadslid-verbouwt-sporthal", ONZEKER, "d1", GS,
        punten=("Ander familielid",),
        ambt=A.RAADSLID, handeling=H.AANNEMING_VAN_WERK, relatie=R.ANDER_FAMILIELID,
    ),
    geval(
        "raadslid-heeft-paar-beursaandelen-in-leverancier", ONZEKER, "d3", GS,
        punten=("Klein aandelenbelang",),
        ambt=A.RAADSLID, handeling=H.LEVERING_ROERENDE_ZAKEN,
        relatie=R.KLEIN_AANDEELHOUDER,
    ),
    geval(
        "ander-levert-raadslid-heeft-geen-belang", NV, punten=("Geen belang",),
        ambt=A.RAADSLID, handeling=H.LEVERING_ROERENDE_ZAKEN, relatie=R.GEEN,
    ),
    # --- Aangaan: vóór, tijdens, verlenging ----------------------------------------
    geval(
        "raadslid-verlengt-contract-van-voor-installatie", VO, "d2", GS,
        tekst=("nieuwe overeenkomst",),
        ambt=A.RAADSLID, handeling=H.WERKZAAMHEDEN_TEGEN_BELONING,
        aangegaan=Aangegaan.VOOR_AMBTSAANVAARDING, verlenging=True,
    ),
    geval(
        "raadslid-leverde-al-zonder-ontheffing", ONZEKER, "d3", GS,
        punten=("Ontheffing achteraf",),
        ambt=A.RAADSLID, handeling=H.LEVERING_ROERENDE_ZAKEN,
        aangegaan=Aangegaan.TIJDENS_AMBT,
    ),
    # --- Niet (meer) in functie, geen gedekt ambt ----------------------------------
    geval(
        "kandidaat-raadslid-levert-nog-voor-installatie", NV,
        tekst=("verlenging",),
        ambt=A.RAADSLID, handeling=H.LEVERING_ROERENDE_ZAKEN,
        ambtsstatus=Ambtsstatus.KANDIDAAT,
    ),
    geval(
        "kandidaat-raadslid-werkt-bij-de-gemeente", NV,
        punten=("Onverenigbare betrekking",),
        ambt=A.RAADSLID, handeling=H.DIENSTBETREKKING,
        ambtsstatus=Ambtsstatus.KANDIDAAT,
    ),
    geval(
        "oud-raadslid-koopt-gemeentegrond", NV,
        ambt=A.RAADSLID, handeling=H.VERWERVING_ONROERENDE_ZAAK,
        ambtsstatus=Ambtsstatus.OUD,
    ),
    geval(
        "commissielid-zonder-raadszetel-levert", NV, tekst=("commissielid",),
        ambt=A.COMMISSIELID, handeling=H.LEVERING_ROERENDE_ZAKEN,
    ),
    geval(
        "onbekend-ambt", ONZEKER, None, ONBEKEND, punten=("Ambt onbekend",),
        ambt=A.ANDERS, handeling=H.LEVERING_ROERENDE_ZAKEN,
    ),
    # --- Buiten de lijst -----------------------------------------------------------
    geval(
        "raadslid-in-loondienst-bij-gemeente", VNO, None, GS,
        grond=("artikel 13 van de Gemeentewet",), tekst=("onverenigbare",),
        ambt=A.RAADSLID, handeling=H.DIENSTBETREKKING,
    ),
    geval(
        "wethouder-in-loondienst-bij-gemeente", VNO, None, GS,
        grond=("artikel 36b",),
        ambt=A.WETHOUDER, handeling=H.DIENSTBETREKKING,
    ),
    geval(
        "burgemeester-in-loondienst-bij-gemeente", VNO, None, CDK,
        grond=("artikel 68 van de Gemeentewet",),
        ambt=A.BURGEMEESTER, handeling=H.DIENSTBETREKKING,
    ),
    geval(
        "rekenkamerlid-in-loondienst-bij-gemeente", VNO, None, GS,
        punten=("Wetsartikel onverenigbaarheid",),
        ambt=A.REKENKAMERLID, handeling=H.DIENSTBETREKKING,
    ),
    geval(
        "partner-van-raadslid-werkt-bij-gemeente", NV,
        ambt=A.RAADSLID, handeling=H.DIENSTBETREKKING,
        relatie=R.PARTNER_GEDEELD_VERMOGEN,
    ),
    geval(
        "griffier-neemt-tweede-betrekking-bij-gemeente", NV,
        punten=("Tweede betrekking",),
        ambt=A.GRIFFIER, handeling=H.DIENSTBETREKKING,
    ),
    geval(
        "raadslid-in-loondienst-bij-gemeentelijk-bedrijf", ONZEKER, None, GS,
        punten=("Deelneming als wederpartij",),
        ambt=A.RAADSLID, handeling=H.DIENSTBETREKKING, wederpartij=W.DEELNEMING,
    ),
    geval(
        "statenlid-in-loondienst-bij-provincie", ONBEVOEGD, None, BZK,
        punten=("Wetsartikel onverenigbaarheid",),
        ambt=A.STATENLID, handeling=H.DIENSTBETREKKING,
    ),
    geval(
        "sportclub-van-raadslid-krijgt-subsidie-bij-beschikking", NV,
        punten=("Subsidie",),
        ambt=A.RAADSLID, handeling=H.SUBSIDIE,
    ),
    geval(
        "raadslid-sluit-subsidieovereenkomst", ONZEKER, None, GS,
        grond=("artikel 15, eerste lid, van de Gemeentewet",),
        punten=("Subsidieovereenkomst",),
        ambt=A.RAADSLID, handeling=H.SUBSIDIEOVEREENKOMST,
    ),
    geval(
        "raadslid-betaalt-leges-voor-omgevingsvergunning", NV,
        ambt=A.RAADSLID, handeling=H.PUBLIEKRECHTELIJK,
    ),
    geval(
        "raadslid-maakt-bezwaar-tegen-eigen-aanslag", NV,
        tekst=("voor zichzelf",),
        ambt=A.RAADSLID, handeling=H.EIGEN_BEZWAAR_OF_BEROEP,
    ),
    geval(
        "raadslid-verhuurt-pand-aan-gemeente", NV, tekst=("roerende zaken",),
        ambt=A.RAADSLID, handeling=H.VERHUUR_ONROERENDE_ZAAK_AAN_OVERHEID,
    ),
    geval(
        "raadslid-schenkt-bank-aan-park", NV,
        ambt=A.RAADSLID, handeling=H.SCHENKING, om_niet=True,
    ),
    geval(
        "raadslid-schenking-met-tegenprestatie", NV, punten=("Tegenprestatie",),
        ambt=A.RAADSLID, handeling=H.SCHENKING,
    ),
    geval(
        "raadslid-iets-anders", NV, punten=("Andere handeling",),
        ambt=A.RAADSLID, handeling=H.ANDERS,
    ),
    geval(
        "dijkgraaf-verkoopt-eigen-grond-aan-waterschap", NV,
        ambt=A.DIJKGRAAF, handeling=H.VERKOOP_ONROERENDE_ZAAK_AAN_OVERHEID,
    ),
    # --- Andere ambten met GS als bevoegd gezag ------------------------------------
    geval(
        "rekenkamerlid-levert-aan-gemeente", VO, "d3", GS,
        grond=("artikel 81h", "artikel 81m"), zonder=("3:43",),
        ambt=A.REKENKAMERLID, handeling=H.LEVERING_ROERENDE_ZAKEN,
    ),
    geval(
        "griffier-levert-aan-gemeente", VO, "d3", GS,
        grond=("in samenhang met artikel 101",), zonder=("107d", "106"),
        ambt=A.GRIFFIER, handeling=H.LEVERING_ROERENDE_ZAKEN,
    ),
    geval(
        "plaatsvervanger-griffier-levert-aan-gemeente", VO, "d3", GS,
        grond=("onder d, 3°", "in samenhang met de artikelen 101 en 107d"),
        ambt=A.PLAATSVERVANGEND_GRIFFIER, handeling=H.LEVERING_ROERENDE_ZAKEN,
    ),
    geval(
        "vervanger-secretaris-neemt-werk-aan", VO, "d1", GS,
        grond=("onder d, 1°", "in samenhang met de artikelen 101 en 106"),
        ambt=A.VERVANGER_SECRETARIS, handeling=H.AANNEMING_VAN_WERK,
    ),
    geval(
        "gemeentesecretaris-koopt-gemeentegrond", VO, "d6", GS,
        grond=("artikel 101",),
        ambt=A.GEMEENTESECRETARIS, handeling=H.VERWERVING_ONROERENDE_ZAAK,
    ),
    geval(
        "ab-lid-waterschap-levert-aan-waterschap", VO, "d3", GS,
        grond=("artikel 33, eerste lid, onder d, 3°, van de Waterschapswet",),
        ambt=A.AB_LID_WATERSCHAP, handeling=H.LEVERING_ROERENDE_ZAKEN,
    ),
    geval(
        "extern-db-lid-waterschap-neemt-werk-aan", VO, "d1", GS,
        grond=("in samenhang met artikel 45",),
        ambt=A.DB_LID_WATERSCHAP_EXTERN, handeling=H.AANNEMING_VAN_WERK,
    ),
    geval(
        "bestuurslid-gr-levert-aan-regeling", VO, "c3", GS,
        grond=(
            "artikel 20, eerste lid, onder c, 3°, van de Wet gemeenschappelijke "
            "regelingen",
        ),
        zonder=("onder d",),
        ambt=A.BESTUURSLID_GR, handeling=H.LEVERING_ROERENDE_ZAKEN,
    ),
    geval(
        "bestuurslid-gr-huurt-van-regeling-via-eigen-bv", VO, "c7", GS,
        grond=("onder c, 7°", "(middellijk)"),
        ambt=A.BESTUURSLID_GR, handeling=H.HUUR_OF_PACHT_VAN_OVERHEID,
        relatie=R.EIGEN_RECHTSPERSOON,
    ),
    geval(
        "bestuurslid-gr-advocaat-tegen-regeling", VNO, "a", GS,
        grond=("artikel 20, eerste lid, onder a,",),
        ambt=A.BESTUURSLID_GR, handeling=H.ADVOCAAT_OF_ADVISEUR_IN_GESCHIL,
    ),
    geval(
        "bestuurslid-gr-adviseert-derde-bij-overeenkomst", ONZEKER, None, GS,
        punten=("Indeling artikel 20 Wgr",),
        ambt=A.BESTUURSLID_GR, handeling=H.VERTEGENWOORDIGER_DERDEN_OVEREENKOMST,
    ),
    # --- Onbevoegd: de minister of een andere provincie ----------------------------
    geval(
        "gedeputeerde-koopt-grond-van-provincie", ONBEVOEGD, "d6", BZK,
        grond=("artikel 40c",),
        ambt=A.GEDEPUTEERDE, handeling=H.VERWERVING_ONROERENDE_ZAAK,
    ),
    geval(
        "cdk-adviseert-in-geschil-tegen-provincie", ONBEVOEGD, "a", BZK,
        grond=("onder a", "artikel 68"), tekst=("geen ontheffing",),
        ambt=A.COMMISSARIS_VAN_DE_KONING, handeling=H.ADVOCAAT_OF_ADVISEUR_IN_GESCHIL,
    ),
    geval(
        "statenlid-gemachtigde-tegen-provincie", ONBEVOEGD, "b", BZK,
        ambt=A.STATENLID, handeling=H.GEMACHTIGDE_WEDERPARTIJ_IN_GESCHIL,
    ),
    geval(
        "statenlid-leverde-al-zonder-ontheffing", ONBEVOEGD, "d3", BZK,
        punten=("Ontheffing achteraf",),
        ambt=A.STATENLID, handeling=H.LEVERING_ROERENDE_ZAKEN,
        aangegaan=Aangegaan.TIJDENS_AMBT,
    ),
    geval(
        "bestuurslid-gr-met-provincie-neemt-werk-aan", ONBEVOEGD, "c1", BZK,
        grond=("artikel 41, 52, 74 of 84",),
        ambt=A.BESTUURSLID_GR_MET_PROVINCIE, handeling=H.AANNEMING_VAN_WERK,
    ),
    geval(
        "raadslid-van-gemeente-in-andere-provincie", ONBEVOEGD, "d3", ELDERS,
        tekst=("andere provincie",),
        ambt=A.RAADSLID, handeling=H.LEVERING_ROERENDE_ZAKEN,
        lichaam_in_provincie=False,
    ),
    geval(
        "burgemeester-andere-provincie-koopt-grond", ONBEVOEGD, "d6", ELDERS,
        bw=True, tekst=("Commissaris van de Koning in die provincie",),
        ambt=A.BURGEMEESTER, handeling=H.VERWERVING_ONROERENDE_ZAAK,
        lichaam_in_provincie=False,
    ),
    geval(
        "raadslid-ligging-gemeente-niet-opgegeven", VO, "d3", GS,
        punten=("Ligging",),
        ambt=A.RAADSLID, handeling=H.LEVERING_ROERENDE_ZAKEN,
        lichaam_in_provincie=None,
    ),
]  # fmt: skip


ALLE_ENUMS = [
    Ambt,
    Ambtsstatus,
    Handeling,
    Wederpartij,
    Relatie,
    Aangegaan,
    Uitkomst,
    BevoegdGezag,
]


FEITEN_ENUMS = (
    "ambt",
    "ambtsstatus",
    "handeling",
    "wederpartij",
    "relatie",
    "aangegaan",
)


def _uitvoer(k: Kwalificatie) -> tuple:
    return (k.uitkomst, k.onderdeel, k.bevoegd_gezag, k.bw_3_43_goedkeuring)


@pytest.mark.parametrize(("feiten", "verwacht", "fragmenten"), CASEBOOK)
def test_casebook(feiten, verwacht, fragmenten):
    k = kwalificeer(feiten)
    grond, zonder, tekst, punten = fragmenten

    assert _uitvoer(k) == verwacht
    for stuk in grond:
        assert stuk in k.grondslag
    for stuk in zonder:
        assert stuk not in k.grondslag + " ".join(k.toelichting)
    toelichting = " ".join(k.toelichting)
    for stuk in tekst:
        assert stuk.lower() in toelichting.lower()
    labels = [punt.split(":")[0] for punt in k.onzekerheden]
    for punt in punten:
        assert punt in labels
    if k.uitkomst is ONZEKER:
        assert k.onzekerheden


def test_casebook_omvat_minstens_zestig_gevallen():
    assert len(CASEBOOK) >= 60


@pytest.mark.parametrize(
    "soort",
    [
        Ambt,
        Ambtsstatus,
        Handeling,
        Wederpartij,
        Relatie,
        Aangegaan,
        Uitkomst,
        BevoegdGezag,
    ],
)
def test_elk_enumlid_komt_voor_in_het_casebook(soort):
    # Sleutel (soort, naam): StrEnum-leden met dezelfde waarde zijn gelijk aan elkaar
    # (Ambt.ANDERS == Handeling.ANDERS), dus een gewone set zou ze samenvoegen.
    gezien: set[tuple[type[StrEnum], str]] = set()
    for geval_ in CASEBOOK:
        feiten, (uitkomst, _, gezag, _), _ = geval_.values
        for lid in (
            *(getattr(feiten, veld) for veld in FEITEN_ENUMS),
            uitkomst,
            gezag,
        ):
            gezien.add((type(lid), lid.name))
    ontbreekt = [lid for lid in soort if (soort, lid.name) not in gezien]
    assert not ontbreekt


# --- Het contract met de formulieren -------------------------------------------------


@pytest.mark.parametrize("soort", ALLE_ENUMS)
def test_waarden_zijn_de_namen_in_kleine_letters(soort):
    for lid in soort:
        assert lid.value == lid.name.lower()
        assert lid == lid.name.lower()


@pytest.mark.parametrize("soort", ALLE_ENUMS)
def test_keuzes_geven_waarde_en_nederlands_label(soort):
    paren = keuzes(soort)
    assert [waarde for waarde, _ in paren] == [lid.value for lid in soort]
    for _, label in paren:
        assert label
        assert label[0].isupper()


def test_labels_zijn_leesbaar():
    assert Ambt.RAADSLID.label == "Raadslid"
    assert Ambt.BURGEMEESTER.label == "Burgemeester (ook waarnemend)"
    assert Handeling.AANNEMING_VAN_WERK.label.startswith(
        "Een opdracht uitvoeren of een werk aannemen voor de gemeente"
    )


def test_feiten_nemen_tekstwaarden_uit_een_formulier_aan():
    feiten = Feiten(ambt="wethouder", handeling="huur_of_pacht_van_overheid")
    assert feiten.ambt is Ambt.WETHOUDER
    assert kwalificeer(feiten).onderdeel == "d7"


def test_feiten_en_kwalificatie_zijn_onveranderlijk():
    feiten = Feiten(ambt=Ambt.RAADSLID, handeling=Handeling.SCHENKING)
    k = kwalificeer(feiten)
    with pytest.raises(AttributeError):
        feiten.ambt = Ambt.WETHOUDER
    with pytest.raises(AttributeError):
        k.uitkomst = Uitkomst.ONZEKER


def test_onbekende_waarde_wordt_geweigerd():
    with pytest.raises(ValueError, match="koning"):
        Feiten(ambt="koning", handeling=Handeling.SCHENKING)


# --- Afgeleide eigenschappen ---------------------------------------------------------


def _f(ambt, handeling, **kw):
    return Feiten(ambt=ambt, handeling=handeling, **kw)


@pytest.mark.parametrize(
    ("feiten", "mogelijk"),
    [
        pytest.param(_f(A.RAADSLID, H.AANNEMING_VAN_WERK), True, id="raadslid-d1"),
        pytest.param(
            _f(A.RAADSLID, H.GEMACHTIGDE_WEDERPARTIJ_IN_GESCHIL), False, id="b"
        ),
        pytest.param(_f(A.STATENLID, H.LEVERING_ROERENDE_ZAKEN), True, id="statenlid"),
        pytest.param(
            _f(A.STATENLID, H.ADVOCAAT_OF_ADVISEUR_IN_GESCHIL), False, id="statenlid-a"
        ),
        pytest.param(
            _f(A.BESTUURSLID_GR_MET_PROVINCIE, H.AANNEMING_VAN_WERK), True, id="gr-c1"
        ),
        pytest.param(_f(A.BESTUURSLID_GR, H.AANNEMING_VAN_WERK), True, id="gr-c1-gs"),
        pytest.param(_f(A.RAADSLID, H.DIENSTBETREKKING), False, id="dienstbetrekking"),
        pytest.param(_f(A.DIJKGRAAF, H.HUUR_OF_PACHT_VAN_OVERHEID), False, id="dijk"),
        pytest.param(_f(A.RAADSLID, H.SCHENKING, om_niet=True), False, id="schenking"),
    ],
)
def test_ontheffing_mogelijk(feiten, mogelijk):
    assert kwalificeer(feiten).ontheffing_mogelijk is mogelijk


@pytest.mark.parametrize(
    ("feiten", "begin"),
    [
        pytest.param(
            _f(A.RAADSLID, H.SCHENKING, om_niet=True), "Geen ontheffing", id="nv"
        ),
        pytest.param(
            _f(A.RAADSLID, H.GEMACHTIGDE_WEDERPARTIJ_IN_GESCHIL),
            "De handeling is verboden",
            id="niet-ontheffbaar",
        ),
        pytest.param(
            _f(A.RAADSLID, H.AANNEMING_VAN_WERK), "De handeling is", id="ontheffbaar"
        ),
        pytest.param(
            _f(A.STATENLID, H.LEVERING_ROERENDE_ZAKEN), "Deze provincie", id="onbevoegd"
        ),
        pytest.param(
            _f(A.DIJKGRAAF, H.HUUR_OF_PACHT_VAN_OVERHEID), "Dit is niet", id="onzeker"
        ),
    ],
)
def test_samenvatting_is_een_zin(feiten, begin):
    zin = kwalificeer(feiten).samenvatting
    assert zin.startswith(begin)
    assert zin.endswith(".")
    assert ". " not in zin


def test_samenvatting_noemt_wie_ontheffing_verleent():
    gs = kwalificeer(Feiten(ambt=A.WETHOUDER, handeling=H.HUUR_OF_PACHT_VAN_OVERHEID))
    cdk = kwalificeer(
        Feiten(ambt=A.BURGEMEESTER, handeling=H.VERWERVING_ONROERENDE_ZAAK)
    )
    assert "Gedeputeerde Staten kunnen ontheffing verlenen" in gs.samenvatting
    assert "de Commissaris van de Koning kan ontheffing verlenen" in cdk.samenvatting
    assert "3:43" in cdk.samenvatting


# --- Invarianten over alle combinaties van ambt, handeling en relatie ----------------

ALLE_UITKOMSTEN = [
    kwalificeer(Feiten(ambt=ambt, handeling=handeling, relatie=relatie))
    for ambt, handeling, relatie in itertools.product(Ambt, Handeling, Relatie)
]


def test_niet_verboden_heeft_geen_onderdeel_en_geen_bevoegd_gezag():
    for k in ALLE_UITKOMSTEN:
        if k.uitkomst is NV:
            assert (k.onderdeel, k.bevoegd_gezag, k.bw_3_43_goedkeuring) == (
                None,
                GEEN,
                False,
            )


def test_onzeker_noemt_altijd_het_punt():
    assert all(k.onzekerheden for k in ALLE_UITKOMSTEN if k.uitkomst is ONZEKER)


def test_ontheffbaar_alleen_voor_overeenkomsten_en_door_gs_of_cdk():
    for k in ALLE_UITKOMSTEN:
        if k.uitkomst is VO:
            assert k.bevoegd_gezag in (GS, CDK)
            assert k.onderdeel in {f"{c}{n}" for c in "cd" for n in range(1, 8)}


def test_middellijk_alleen_bij_overeenkomsten():
    for k in ALLE_UITKOMSTEN:
        if "(middellijk)" in k.grondslag:
            assert k.onderdeel is None or k.onderdeel[0] in "cd"


def test_teksten_zijn_nette_zinnen():
    for k in ALLE_UITKOMSTEN:
        assert k.grondslag
        for zin in (*k.toelichting, *k.onzekerheden, k.samenvatting):
            assert zin[0].isupper(), zin
            assert zin.endswith("."), zin
            for fout in ("{", "  ", ",,", " ,", "..", "°,,"):
                assert fout not in zin, zin


# --- Eén bron: de brief citeert wat de kwalificatie citeert -----------------------

BEVOEGDHEID_PER_AMBT = [
    (A.RAADSLID, "artikel 15, tweede lid, van de Gemeentewet"),
    (A.WETHOUDER, "artikel 41c van de Gemeentewet"),
    (
        A.REKENKAMERLID,
        "artikel 81h van de Gemeentewet (bij een gemeenschappelijke rekenkamer: "
        "artikel 81m)",
    ),
    (A.GEMEENTESECRETARIS, "artikel 101 van de Gemeentewet"),
    (A.GRIFFIER, "artikel 101 van de Gemeentewet"),
    (
        A.VERVANGER_SECRETARIS,
        "artikel 101, in samenhang met artikel 106, van de Gemeentewet",
    ),
    (
        A.PLAATSVERVANGEND_GRIFFIER,
        "artikel 101, in samenhang met artikel 107d, van de Gemeentewet",
    ),
    (A.BURGEMEESTER, "artikel 69 van de Gemeentewet"),
    (A.AB_LID_WATERSCHAP, "artikel 33 van de Waterschapswet"),
    (
        A.DB_LID_WATERSCHAP_EXTERN,
        "artikel 45, in samenhang met artikel 33, van de Waterschapswet",
    ),
    (
        A.BESTUURSLID_GR,
        "artikel 20, tweede lid, van de Wet gemeenschappelijke regelingen",
    ),
]


@pytest.mark.parametrize(("ambt", "bevoegdheid"), BEVOEGDHEID_PER_AMBT)
def test_elk_ambt_heeft_zijn_bevoegdheid(ambt, bevoegdheid):
    from ontheffing.kwalificatie.citaten import BEVOEGDHEID

    assert BEVOEGDHEID[ambt] == bevoegdheid


def test_alleen_ambten_waarover_de_provincie_beslist_hebben_een_bevoegdheid():
    from ontheffing.kwalificatie.citaten import BEVOEGDHEID

    assert set(BEVOEGDHEID) == {ambt for ambt, _ in BEVOEGDHEID_PER_AMBT}


@pytest.mark.parametrize("ambt", [ambt for ambt, _ in BEVOEGDHEID_PER_AMBT])
@pytest.mark.parametrize(
    ("handeling", "relatie"),
    [
        (H.LEVERING_ROERENDE_ZAKEN, R.RECHTSTREEKS),
        (H.AANNEMING_VAN_WERK, R.EIGEN_RECHTSPERSOON),
        (H.ADVOCAAT_OF_ADVISEUR_IN_GESCHIL, R.RECHTSTREEKS),
    ],
)
def test_de_brief_citeert_de_grondslag_van_de_kwalificatie(ambt, handeling, relatie):
    from ontheffing.kwalificatie.citaten import grondslag

    k = kwalificeer(Feiten(ambt=ambt, handeling=handeling, relatie=relatie))
    middellijk = relatie is not R.RECHTSTREEKS
    assert grondslag(ambt, k.onderdeel, middellijk=middellijk) == k.grondslag
    assert "107d" not in k.grondslag or ambt is A.PLAATSVERVANGEND_GRIFFIER
    # the onderdeel belongs to the article with the list, never to the one
    # that declares it applicable ("artikel 69, onder d" does not exist)
    if "in samenhang met" in k.grondslag:
        assert "onder" not in k.grondslag.split("in samenhang met")[1]
