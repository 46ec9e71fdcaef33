"""Made-up letters of every type: the one source of sample-letter data, used by
``manage.py voorbeeldbrieven`` (for people who review letters) and the tests.

Nothing is read from or written to the database.
"""

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from ontheffing.brieven.opmaak import (
    Brief,
    Briefhoofd,
    Briefsoort,
    Criteriumoordeel,
    Dwangsomstaat,
    Dwangsomtrede,
    Onderdeel,
    Ondertekening,
    Zienswijzevraag,
    aanhef,
)
from ontheffing.kwalificatie import Ambt
from ontheffing.kwalificatie.citaten import BEVOEGDHEID, grondslag, onthouding
from ontheffing.kwalificatie.citaten import standaardvoorschriften as voorschriften

GELDERLAND = Briefhoofd(
    provincie="Gelderland",
    postadres=("Postbus 9090", "6800 GX Arnhem"),
    bezoekadres=("Markt 11", "6811 CG Arnhem"),
    telefoon="026 359 99 99",
    email="ontheffingen@gelderland.example",
    website="www.gelderland.example",
)
BEZWAAR_ADRES = ("Postbus 9090", "6800 GX Arnhem")
BELEIDSREGEL = (
    "Beleidskader verboden handelingen Gelderland 2026, versie 1, "
    "geldend vanaf 1 januari 2026"
)
GS = Ondertekening(
    bestuursorgaan="gs",
    provincie="Gelderland",
    voorzitter_naam="drs. H.A. Wolters-Brink",
    secretaris_naam="mr. P.J. Oosterveld",
    genomen_op=date(2026, 4, 14),
)
MANDAATBESLUIT = (
    "Mandaatbesluit verboden handelingen Gelderland 2026 (bekendgemaakt op "
    "15 december 2025)"
)
GS_MANDAAT = Ondertekening(
    bestuursorgaan="gs",
    provincie="Gelderland",
    namens=True,
    naam="mr. A.C. Rietveld-Smits",
    functie="teamleider Juridische Zaken",
    mandaat=MANDAATBESLUIT,
)
CDK_MANDAAT = Ondertekening(
    bestuursorgaan="cdk",
    provincie="Gelderland",
    namens=True,
    naam="mr. drs. E.J. Verhoef",
    functie="kabinetschef van de Commissaris van de Koning",
    mandaat="Mandaatbesluit Commissaris van de Koning Gelderland 2026 (bekendgemaakt "
    "op 8 januari 2026)",
)
CDK = Ondertekening(
    bestuursorgaan="cdk", provincie="Gelderland", naam="drs. H.A. Wolters-Brink"
)
RAADSLID_15 = BEVOEGDHEID[Ambt.RAADSLID]


def _criteria(*oordelen: tuple[str, str, str]) -> tuple[Criteriumoordeel, ...]:
    return tuple(
        Criteriumoordeel(code=str(n), titel=titel, oordeel=oordeel, motivering=tekst)
        for n, (titel, oordeel, tekst) in enumerate(oordelen, start=1)
    )


def _raadslid_arnhem(**velden) -> Brief:
    basis = {
        "kenmerk": "2026-PV25-0042",
        "datum": date(2026, 4, 21),
        "geadresseerde_naam": "J.H. Jansen",
        "aanspreekvorm": "heer",
        "geadresseerde_adres": ("Lindelaan 12", "6824 BT Arnhem"),
        "aanhef": aanhef("heer", "Jansen"),
        "ambt_omschrijving": "lid van de gemeenteraad van Arnhem",
        "namens_ingediend_door": "de griffier van de gemeente Arnhem",
        "ontvangen": date(2026, 3, 2),
        "ondertekening": GS,
        "briefhoofd": GELDERLAND,
        "bezwaar_adres": BEZWAAR_ADRES,
        "afschrift": ("de griffier van de gemeente Arnhem",),
    }
    return Brief(**(basis | velden))


def dwangsomstaat(
    ingebrekestelling: date, beslist_op: date | None, peildatum: date
) -> Dwangsomstaat:
    """A dwangsom as the engine computes it (``termijnen.dwangsom``)."""
    from ontheffing import termijnen

    stand = termijnen.dwangsom(ingebrekestelling, beslist_op, peildatum)
    return Dwangsomstaat(
        ingebrekestelling_ontvangen=ingebrekestelling,
        beslistermijn_einde=date(2026, 4, 28),
        eerste_dag=stand.start,
        laatste_dag=stand.laatste_dag,
        dagen=stand.dagen,
        bedrag=stand.bedrag,
        treden=tuple(
            Dwangsomtrede(t.eerste_dag, t.laatste_dag, t.dagen, t.per_dag, t.bedrag)
            for t in termijnen.dwangsom_treden(stand)
        ),
        staffel=termijnen.dwangsom_staffel(stand.start),
        maximum=termijnen.dwangsom_maximum(stand.start),
        beslist_op=beslist_op,
    )


def _dwangsom_en_derde() -> dict[str, Brief]:
    """The decision of artikel 4:18 Awb, and the request to a third party of
    artikel 4:8 Awb (the neighbour whose view the decision would rest on)."""
    agrarier = {
        "kenmerk": "2026-PV25-0031",
        "ontvangen": date(2026, 3, 2),
        "handeling_omschrijving": (
            "de onderhandse pacht van 4 hectare weiland van de gemeente Arnhem"
        ),
        "wederpartij": "de gemeente Arnhem",
        "overeenkomst_onderwerp": (
            "de pacht van 4 hectare weiland aan de Schaapsdrift, kadastraal bekend "
            "als gemeente Arnhem, sectie P, nummer 212"
        ),
        "onderdeel": "d7",
        "grondslag": grondslag("raadslid", "d7"),
        "bevoegdheid": RAADSLID_15,
        "namens_ingediend_door": None,
    }
    return {
        "dwangsom": _raadslid_arnhem(
            soort=Briefsoort.DWANGSOM,
            datum=date(2026, 6, 19),
            dwangsom=dwangsomstaat(
                date(2026, 5, 18), date(2026, 6, 17), date(2026, 6, 19)
            ),
            ondertekening=GS_MANDAAT,
            afschrift=(),
            **agrarier,
        ),
        "dwangsom-maximum": _raadslid_arnhem(
            soort=Briefsoort.DWANGSOM,
            kenmerk="2026-PV25-0033",
            datum=date(2026, 7, 20),
            dwangsom=dwangsomstaat(date(2026, 5, 18), None, date(2026, 7, 20)),
            ondertekening=replace(GS, genomen_op=date(2026, 7, 14)),
            afschrift=(),
            **{k: v for k, v in agrarier.items() if k != "kenmerk"},
        ),
        "zienswijze-derde": _raadslid_arnhem(
            soort=Briefsoort.ZIENSWIJZE_DERDE,
            datum=date(2026, 4, 7),
            geadresseerde_naam="P. de Boer",
            aanspreekvorm="heer",
            aanhef=aanhef("heer", "De Boer"),
            geadresseerde_adres=("Schaapsdrift 40", "6816 RB Arnhem"),
            zienswijzevraag=Zienswijzevraag(
                aanvrager="de heer J.H. Jansen",
                uiterlijk=date(2026, 4, 21),
                toelichting=(
                    "U pacht het weiland aan de Schaapsdrift sinds 2014 van de "
                    "gemeente. Volgens de aanvraag heeft u de pacht per 1 maart "
                    "2026 opgezegd en komt het weiland daardoor vrij. Wij willen "
                    "ons besluit mede baseren op die opzegging en op de pachtprijs "
                    "die u betaalde (€ 1.150,00 per hectare per jaar). Die gegevens "
                    "heeft u niet zelf aan ons verstrekt."
                ),
            ),
            ondertekening=GS_MANDAAT,
            afschrift=(),
            **agrarier,
        ),
    }


def voorbeelden() -> dict[str, Brief]:
    brieven = {naam: _vergaderd(brief) for naam, brief in _voorbeelden().items()}
    brieven |= _dwangsom_en_derde()
    brieven["verleend-cdk-mandaat"] = replace(
        brieven["verleend-cdk"], ondertekening=CDK_MANDAAT
    )
    return brieven


def _vergaderd(brief: Brief) -> Brief:
    """A decision of the college was taken in its meeting a week before the
    letter is dated: after the request came in, never before (as the service
    requires of a real decision)."""
    o = brief.ondertekening
    if o.genomen_op is None:
        return brief
    vergadering = replace(o, genomen_op=brief.datum - timedelta(days=7))
    return replace(brief, ondertekening=vergadering)


def _voorbeelden() -> dict[str, Brief]:
    onderwerp = "Besluit op uw verzoek om ontheffing"
    return {
        "verleend-bw343": _raadslid_arnhem(
            soort=Briefsoort.VERLEEND,
            onderwerp=onderwerp,
            aangevuld=date(2026, 3, 16),
            handeling_omschrijving=(
                "de onderhandse koop van een strook gemeentegrond van ongeveer "
                "85 m² naast uw woning aan de Lindelaan 12 in Arnhem"
            ),
            wederpartij="de gemeente Arnhem",
            overeenkomst_onderwerp=(
                "de koop van een strook grond van ongeveer 85 m², kadastraal "
                "bekend als gemeente Arnhem, sectie K, nummer 4127 (gedeeltelijk)"
            ),
            waarde=Decimal("12500.00"),
            onderdeel="d6",
            grondslag=grondslag("raadslid", "d6"),
            bevoegdheid=RAADSLID_15,
            kwalificatie_motivering=(
                "U bent sinds 29 maart 2022 lid van de gemeenteraad van Arnhem. "
                "U koopt de grond rechtstreeks van de gemeente, en niet in een "
                "openbare verkoop. Dat is het onderhands verwerven van een onroerende "
                "zaak van de gemeente. Van dit verbod kunnen wij ontheffing verlenen.\n\n"
                "De strook grond is eigendom van de gemeente. Als raadslid bent u "
                "medeverantwoordelijk voor het beheer ervan; daarom is ook onze "
                "goedkeuring nodig."
            ),
            goedkeuring="verleend",
            beleidsregel=BELEIDSREGEL,
            criteria=_criteria(
                (
                    "Totstandkoming",
                    "voldaan",
                    "De gemeente verkoopt snippergroen volgens haar openbare "
                    "Nota snippergroen 2024. Iedere aanwonende kan een strook "
                    "kopen tegen dezelfde voorwaarden.",
                ),
                (
                    "Marktconformiteit",
                    "voldaan",
                    "De prijs van € 147,06 per m² is het vaste tarief uit de nota. "
                    "Een onafhankelijke taxateur heeft op 4 februari 2026 "
                    "bevestigd dat deze prijs marktconform is.",
                ),
                (
                    "Geen betrokkenheid",
                    "voldaan",
                    "U heeft niet deelgenomen aan de voorbereiding van de nota of "
                    "aan de besluitvorming over de verkoop. U heeft verklaard dat u "
                    "zich onthoudt van beraadslaging en stemming hierover.",
                ),
                (
                    "Omvang en duur",
                    "voldaan",
                    "Het gaat om een eenmalige koop van geringe omvang.",
                ),
                (
                    "Bijzondere omstandigheden",
                    "niet_van_toepassing",
                    "Er zijn geen bijzondere omstandigheden aangevoerd of gebleken.",
                ),
                (
                    "Schijn van belangenverstrengeling",
                    "voldaan",
                    "Omdat iedere aanwonende onder dezelfde voorwaarden kan kopen, "
                    "ontstaat geen schijn van bevoordeling.",
                ),
            ),
            motivering=(
                "Aan alle criteria van de beleidsregel is voldaan. Wij verlenen de "
                "ontheffing en de goedkeuring daarom."
            ),
            voorschriften=(
                "Deze ontheffing geldt alleen voor de koop die in dit besluit is "
                "omschreven, met de gemeente Arnhem als wederpartij.",
                "U neemt niet deel aan beraadslaging en stemming in de gemeenteraad "
                "over deze verkoop of over de Nota snippergroen.",
                "Een wijziging van de overeenkomst, waaronder een andere prijs of "
                "oppervlakte, meldt u vooraf aan ons; daarvoor is een nieuwe "
                "ontheffing nodig.",
            ),
        ),
        "verleend-cdk": Brief(
            soort=Briefsoort.VERLEEND,
            kenmerk="2026-PV25-0057",
            datum=date(2026, 6, 9),
            geadresseerde_naam="drs. L.M. de Boer",
            aanspreekvorm="mevrouw",
            geadresseerde_adres=("Postbus 41", "7200 AA Zutphen"),
            aanhef=aanhef("mevrouw", "de Boer"),
            ambt_omschrijving="burgemeester van de gemeente Zutphen",
            ontvangen=date(2026, 5, 4),
            handeling_omschrijving=(
                "het huren door uw echtgenoot, met wie u in gemeenschap van "
                "goederen bent getrouwd, van een garagebox van de gemeente Zutphen"
            ),
            wederpartij="de gemeente Zutphen",
            contractant="uw echtgenoot, de heer P.J. de Boer",
            overeenkomst_onderwerp="de huur van garagebox 14 aan de Kuiperstraat",
            waarde=Decimal("1140.00"),
            looptijd_van=date(2026, 7, 1),
            looptijd_tot=date(2027, 6, 30),
            onderdeel="d7",
            grondslag=grondslag("burgemeester", "d7", middellijk=True),
            bevoegdheid=BEVOEGDHEID[Ambt.BURGEMEESTER],
            kwalificatie_motivering=(
                "Uw echtgenoot huurt de garagebox. Omdat u in gemeenschap van "
                "goederen bent getrouwd, gaat u de overeenkomst middellijk aan."
            ),
            beleidsregel=BELEIDSREGEL,
            criteria=_criteria(
                (
                    "Totstandkoming",
                    "voldaan",
                    "De garageboxen worden verhuurd op volgorde van een openbare "
                    "wachtlijst, tegen de huurprijs uit de tarieventabel.",
                ),
                (
                    "Marktconformiteit",
                    "voldaan",
                    "De huur van € 95,00 per maand is het gepubliceerde tarief.",
                ),
                (
                    "Geen betrokkenheid",
                    "voldaan",
                    "U en uw echtgenoot hebben geen rol gehad bij de toewijzing van "
                    "deze garagebox; hij stond als eerste op de wachtlijst.",
                ),
                (
                    "Omvang en duur",
                    "voldaan",
                    "Het gaat om de huur van één garagebox voor een jaar.",
                ),
                (
                    "Bijzondere omstandigheden",
                    "niet_van_toepassing",
                    "Er zijn geen bijzondere omstandigheden aangevoerd of gebleken.",
                ),
                (
                    "Schijn van belangenverstrengeling",
                    "voldaan",
                    "U heeft geen rol bij de toewijzing van garageboxen.",
                ),
            ),
            motivering="Aan de criteria van de beleidsregel is voldaan.",
            voorschriften=(
                "Deze ontheffing geldt alleen voor de huur van garagebox 14 voor "
                "de periode die in dit besluit staat.",
                "Verlenging van de huur na 30 juni 2027 vraagt een nieuwe ontheffing.",
            ),
            ondertekening=CDK,
            briefhoofd=GELDERLAND,
            bezwaar_adres=BEZWAAR_ADRES,
        ),
        "geweigerd-criteria-mandaat": _raadslid_arnhem(
            soort=Briefsoort.GEWEIGERD_CRITERIA,
            kenmerk="2026-PV25-0061",
            datum=date(2026, 5, 12),
            onderwerp=onderwerp,
            geadresseerde_naam="S. van der Linden",
            aanspreekvorm="mevrouw",
            geadresseerde_adres=("Rijnkade 3", "6811 HA Arnhem"),
            aanhef=aanhef("mevrouw", "van der Linden"),
            namens_ingediend_door=None,
            ontvangen=date(2026, 3, 23),
            handeling_omschrijving=(
                "het sluiten van een adviesovereenkomst door Van der Linden "
                "Advies B.V., waarvan u enig bestuurder bent, met de gemeente Arnhem"
            ),
            wederpartij="de gemeente Arnhem",
            contractant="Van der Linden Advies B.V.",
            overeenkomst_onderwerp="adviesdiensten voor de herinrichting van het Stationsplein",
            waarde=Decimal("48000.00"),
            looptijd_van=date(2026, 6, 1),
            looptijd_tot=date(2027, 5, 31),
            onderdeel="d2",
            grondslag=grondslag("raadslid", "d2", middellijk=True),
            bevoegdheid=RAADSLID_15,
            kwalificatie_motivering=(
                "U bent enig bestuurder van Van der Linden Advies B.V. Een overeenkomst "
                "die de vennootschap sluit, gaat u daarom middellijk aan."
            ),
            zienswijze=(
                "U was lid van de raadswerkgroep, maar heeft het programma van eisen "
                "niet zelf opgesteld en heeft over de gunning niet meegepraat."
            ),
            zienswijze_reactie=(
                "Wij hebben uw zienswijze gelezen. Dat u het programma van eisen niet "
                "zelf opstelde, nemen wij aan. Maar als lid van de werkgroep kende u "
                "de eisen voordat andere aanbieders ze kenden. Dat informatievoordeel "
                "blijft. Uw zienswijze verandert ons oordeel over de betrokkenheid "
                "daarom niet."
            ),
            beleidsregel=BELEIDSREGEL,
            criteria=_criteria(
                (
                    "Totstandkoming",
                    "niet_voldaan",
                    "De opdracht is zonder vergelijking van offertes gegund. Het "
                    "inkoopbeleid van de gemeente vraagt bij deze waarde om ten "
                    "minste drie offertes.",
                ),
                (
                    "Geen betrokkenheid",
                    "niet_voldaan",
                    "U was lid van de raadswerkgroep Stationsplein, die het "
                    "programma van eisen voor deze opdracht heeft besproken.",
                ),
            ),
            motivering=(
                "Omdat niet is voldaan aan twee criteria, weigeren wij de "
                "ontheffing. Wij zien geen bijzondere omstandigheden die "
                "aanleiding geven om af te wijken van de beleidsregel."
            ),
            ondertekening=GS_MANDAAT,
        ),
        "geweigerd-niet-ontheffbaar": _raadslid_arnhem(
            soort=Briefsoort.GEWEIGERD_NIET_ONTHEFFBAAR,
            kenmerk="2026-PV25-0066",
            datum=date(2026, 5, 19),
            onderwerp=onderwerp,
            ontvangen=date(2026, 4, 14),
            handeling_omschrijving=(
                "het adviseren van bouwbedrijf Van Essen bij het sluiten van een "
                "aannemingsovereenkomst met de gemeente Arnhem"
            ),
            grondslag="artikel 15, eerste lid, onder c, van de Gemeentewet",
            bevoegdheid=RAADSLID_15,
            kwalificatie_motivering=(
                "U wilt als adviseur van een derde optreden bij het tot stand "
                "komen van een overeenkomst met de gemeente. Dat valt onder het "
                "verbod van artikel 15, eerste lid, onder c, van de Gemeentewet."
            ),
            ondertekening=GS_MANDAAT,
        ),
        "geen-ontheffing-vereist": _raadslid_arnhem(
            soort=Briefsoort.GEEN_ONTHEFFING_VEREIST,
            kenmerk="2026-PV25-0070",
            datum=date(2026, 5, 26),
            onderwerp=onderwerp,
            ontvangen=date(2026, 4, 28),
            handeling_omschrijving=(
                "de verkoop van uw eigen perceel grond aan de gemeente Arnhem"
            ),
            wederpartij="de gemeente Arnhem",
            overeenkomst_onderwerp="de verkoop van een perceel weiland van 0,4 ha",
            waarde=Decimal("86000.00"),
            grondslag=grondslag("raadslid", None),
            kwalificatie_motivering=(
                "U verkoopt grond aan de gemeente; de gemeente verwerft die grond. "
                "Het verbod ziet wel op het onderhands verwerven van onroerende "
                "zaken van de gemeente, maar niet op de verkoop van uw eigen grond "
                "aan de gemeente."
            ),
            onthouding=onthouding("raadslid"),
        ),
        "buiten-behandeling": _raadslid_arnhem(
            soort=Briefsoort.BUITEN_BEHANDELING,
            kenmerk="2026-PV25-0049",
            datum=date(2026, 4, 28),
            ontvangen=date(2026, 3, 9),
            handeling_omschrijving=(
                "het leveren van kantoormeubilair aan de gemeente Arnhem door "
                "Jansen Interieur V.O.F., waarvan u vennoot bent"
            ),
            aanvulling_gevraagd_op=date(2026, 3, 17),
            hersteltermijn_einde=date(2026, 3, 31),
            ontbrekend=(
                "de (concept)overeenkomst of offerte;",
                "een uittreksel uit het handelsregister van de Kamer van "
                "Koophandel van Jansen Interieur V.O.F.;",
                "een beschrijving van hoe de opdracht tot stand is gekomen.",
            ),
            motivering=(
                "Zonder de offerte en het uittreksel kunnen wij niet vaststellen "
                "welke overeenkomst u wilt aangaan en wat uw rol in de "
                "vennootschap is."
            ),
            ondertekening=GS_MANDAAT,
        ),
        "doorzending-minister": _raadslid_arnhem(
            soort=Briefsoort.DOORZENDING,
            kenmerk="2026-PV25-0074",
            datum=date(2026, 6, 2),
            geadresseerde_naam="R. Kok",
            geadresseerde_adres=("Dorpsstraat 8", "6731 AB Otterlo"),
            aanhef=aanhef("heer", "Kok"),
            ambt_omschrijving="lid van Provinciale Staten van Gelderland",
            namens_ingediend_door=None,
            ontvangen=date(2026, 5, 28),
            handeling_omschrijving=(
                "het leveren van drukwerk aan de provincie Gelderland door uw "
                "eenmanszaak"
            ),
            grondslag="artikel 15, eerste lid, van de Provinciewet",
            statenlid_provincie="Gelderland",
            doorgezonden_stukken=("offerte-drukwerk.pdf", "uittreksel-kvk.pdf"),
            doorgezonden_aan=(
                "de Minister van Binnenlandse Zaken en Koninkrijksrelaties"
            ),
            doorgezonden_adres=("Postbus 20011", "2500 EA Den Haag"),
            ondertekening=GS_MANDAAT,
            afschrift=(),
        ),
        "doorzending-provincie": _raadslid_arnhem(
            soort=Briefsoort.DOORZENDING,
            kenmerk="2026-PV25-0078",
            datum=date(2026, 6, 4),
            geadresseerde_naam="A. Bakker",
            aanspreekvorm="",
            aanhef=aanhef("", "Bakker"),
            geadresseerde_adres=("Kerkweg 4", "3911 AB Rhenen"),
            ambt_omschrijving="lid van de gemeenteraad van Rhenen",
            namens_ingediend_door=None,
            ontvangen=date(2026, 6, 1),
            handeling_omschrijving="het onderhoud van de groenvoorziening door uw hoveniersbedrijf",
            wederpartij="de gemeente Rhenen",
            motivering=(
                "De gemeente Rhenen ligt in de provincie Utrecht. Over ontheffing "
                "voor een raadslid van Rhenen beslissen Gedeputeerde Staten van Utrecht."
            ),
            doorgezonden_aan="Gedeputeerde Staten van Utrecht",
            doorgezonden_adres=("Postbus 80300", "3508 TH Utrecht"),
            doorgezonden_stukken=("offerte-groenonderhoud.pdf",),
            ondertekening=GS_MANDAAT,
            afschrift=(),
        ),
        "gedeeltelijk-verleend": _raadslid_arnhem(
            soort=Briefsoort.GEDEELTELIJK_VERLEEND,
            kenmerk="2026-PV25-0081",
            datum=date(2026, 6, 16),
            onderwerp=onderwerp,
            ontvangen=date(2026, 4, 20),
            aangevuld=date(2026, 5, 11),
            handeling_omschrijving=(
                "het leveren van drukwerk aan de gemeente Arnhem door Jansen Druk "
                "B.V., waarvan u directeur en enig aandeelhouder bent"
            ),
            wederpartij="de gemeente Arnhem",
            contractant="Jansen Druk B.V.",
            overeenkomst_onderwerp="het drukken van de gemeentegids 2027",
            waarde=Decimal("8400.00"),
            looptijd_van=date(2026, 9, 1),
            looptijd_tot=date(2026, 12, 31),
            onderdeel="d3",
            grondslag=grondslag("raadslid", "d3", middellijk=True),
            bevoegdheid=RAADSLID_15,
            kwalificatie_motivering=(
                "U bent directeur en enig aandeelhouder van Jansen Druk B.V. Een "
                "overeenkomst die de vennootschap sluit, gaat u daarom middellijk aan. "
                "Het leveren van drukwerk tegen betaling is het anders dan om niet "
                "leveren van roerende zaken aan de gemeente."
            ),
            beleidsregel=BELEIDSREGEL,
            criteria=_criteria(
                (
                    "Totstandkoming",
                    "voldaan",
                    "De gemeente vroeg drie drukkerijen om een offerte voor de "
                    "gemeentegids 2027. De offerte van Jansen Druk B.V. was de laagste.",
                ),
                (
                    "Marktconformiteit",
                    "voldaan",
                    "De prijs is die van de laagste van drie offertes; de andere twee "
                    "lagen 6 en 11 procent hoger.",
                ),
                (
                    "Geen betrokkenheid",
                    "voldaan",
                    "U heeft geen rol gehad bij de offerteaanvraag of de gunning, en u "
                    "heeft verklaard dat u zich onthoudt van beraadslaging en stemming "
                    "hierover.",
                ),
                (
                    "Omvang en duur",
                    "voldaan",
                    "De opdracht voor de gemeentegids is eenmalig en duurt vier maanden.",
                ),
                (
                    "Bijzondere omstandigheden",
                    "niet_van_toepassing",
                    "Er zijn geen bijzondere omstandigheden aangevoerd of gebleken.",
                ),
                (
                    "Schijn van belangenverstrengeling",
                    "voldaan",
                    "De opdracht is na een vergelijking van offertes aan de laagste "
                    "inschrijver gegund; daardoor ontstaat geen schijn van bevoordeling.",
                ),
            ),
            onderdelen=(
                Onderdeel(
                    omschrijving=(
                        "het aangaan door Jansen Druk B.V. van de overeenkomst met de "
                        "gemeente Arnhem over het drukken van de gemeentegids 2027, met "
                        "een waarde van € 8.400,00, voor de periode van 1 september 2026 "
                        "tot en met 31 december 2026"
                    ),
                    verleend=True,
                    motivering=(
                        "Deze overeenkomst is concreet: de partijen, het onderwerp, de "
                        "prijs en de looptijd staan vast. De opdracht is na een "
                        "vergelijking van drie offertes gegund. Aan de criteria is voldaan."
                    ),
                ),
                Onderdeel(
                    omschrijving=(
                        "alle toekomstige opdrachten voor drukwerk van de gemeente Arnhem "
                        "aan Jansen Druk B.V."
                    ),
                    verleend=False,
                    motivering=(
                        "U vraagt ook ontheffing voor alle toekomstige opdrachten. Van "
                        "die opdrachten staan het onderwerp, de prijs, de looptijd en "
                        "de manier van gunnen nog niet vast. Wij kunnen ze daarom niet "
                        "toetsen aan de criteria. Een ontheffing geldt voor één "
                        "overeenkomst; voor een volgende opdracht kunt u een nieuwe "
                        "aanvraag doen."
                    ),
                ),
            ),
            motivering="",
            voorschriften=tuple(
                voorschriften(
                    "raadslid",
                    orgaan="Gedeputeerde Staten van Gelderland",
                    ambt_naam="lid van de gemeenteraad van Arnhem",
                )
            ),
            ondertekening=GS_MANDAAT,
        ),
        "geweigerd-bw343": _raadslid_arnhem(
            soort=Briefsoort.GEWEIGERD_CRITERIA,
            kenmerk="2026-PV25-0084",
            datum=date(2026, 6, 23),
            onderwerp="",
            ontvangen=date(2026, 5, 4),
            handeling_omschrijving=(
                "de onderhandse koop van het voormalige schoolgebouw aan de "
                "Beukenlaan 3 in Arnhem"
            ),
            wederpartij="de gemeente Arnhem",
            overeenkomst_onderwerp="de koop van het schoolgebouw Beukenlaan 3",
            waarde=Decimal("395000.00"),
            onderdeel="d6",
            grondslag=grondslag("raadslid", "d6"),
            bevoegdheid=RAADSLID_15,
            kwalificatie_motivering=(
                "U wilt het gebouw rechtstreeks van de gemeente kopen, zonder "
                "openbare verkoop. Dat is het onderhands verwerven van een onroerende "
                "zaak van de gemeente. Omdat het gebouw eigendom is van de gemeente, "
                "is ook onze goedkeuring nodig."
            ),
            goedkeuring="geweigerd",
            beleidsregel=BELEIDSREGEL,
            criteria=_criteria(
                (
                    "Totstandkoming",
                    "niet_voldaan",
                    "Het gebouw is niet openbaar te koop aangeboden. Andere "
                    "gegadigden hebben geen kans gehad een bod te doen.",
                ),
                (
                    "Marktconformiteit",
                    "niet_voldaan",
                    "Er is geen taxatie. De prijs ligt onder de WOZ-waarde van "
                    "€ 455.000,00.",
                ),
            ),
            motivering=(
                "Omdat niet is voldaan aan twee criteria, weigeren wij de ontheffing. "
                "Zonder ontheffing mag u de koop niet aangaan; wij weigeren daarom ook "
                "de goedkeuring."
            ),
        ),
        "goedkeuring-alleen": _raadslid_arnhem(
            soort=Briefsoort.GEEN_ONTHEFFING_VEREIST,
            kenmerk="2026-PV25-0088",
            datum=date(2026, 6, 30),
            onderwerp="",
            geadresseerde_naam="M. Visser",
            aanspreekvorm="mevrouw",
            aanhef=aanhef("mevrouw", "Visser"),
            geadresseerde_adres=("Sonsbeeksingel 20", "6814 AB Arnhem"),
            ambt_omschrijving="wethouder van de gemeente Arnhem",
            namens_ingediend_door=None,
            ontvangen=date(2026, 6, 8),
            handeling_omschrijving=(
                "de koop van een afgeschreven dienstauto van de gemeente Arnhem"
            ),
            wederpartij="de gemeente Arnhem",
            overeenkomst_onderwerp="de koop van een dienstauto (bouwjaar 2018)",
            waarde=Decimal("6500.00"),
            grondslag=grondslag("wethouder", None),
            kwalificatie_motivering=(
                "U koopt een auto van de gemeente. Het verbod gaat over overeenkomsten "
                "waarbij u aan de gemeente levert of verhuurt, of onroerende zaken "
                "van haar verwerft, en niet over de koop van een roerende zaak van de "
                "gemeente. U heeft dus geen ontheffing nodig.\n\n"
                "Het wagenpark valt onder uw portefeuille; het beheer van de auto is "
                "dus aan u toevertrouwd. Daarom is wel onze goedkeuring nodig."
            ),
            goedkeuring="verleend",
            motivering=(
                "De auto is getaxeerd op € 6.300,00 en was zes weken openbaar te koop "
                "op de website van de gemeente. U betaalt het hoogste bod. Wij zien "
                "daarom geen bezwaar tegen de koop."
            ),
            onthouding=onthouding("wethouder"),
            afschrift=(),
        ),
        "aanvulling": _raadslid_arnhem(
            soort=Briefsoort.AANVULLING,
            kenmerk="2026-PV25-0090",
            datum=date(2026, 7, 1),
            ontvangen=date(2026, 6, 24),
            handeling_omschrijving=(
                "het leveren van kantoormeubilair aan de gemeente Arnhem door "
                "Jansen Interieur V.O.F., waarvan u vennoot bent"
            ),
            wederpartij="de gemeente Arnhem",
            aanvulling_gevraagd_op=date(2026, 7, 1),
            hersteltermijn_einde=date(2026, 7, 15),
            ontbrekend=(
                "de (concept)overeenkomst of offerte;",
                "een uittreksel uit het handelsregister van de Kamer van "
                "Koophandel van Jansen Interieur V.O.F.",
            ),
            motivering=(
                "Met de offerte en het uittreksel kunnen wij vaststellen welke "
                "overeenkomst u wilt aangaan en wat uw rol in de vennootschap is."
            ),
            ondertekening=GS_MANDAAT,
            afschrift=(),
        ),
    }
