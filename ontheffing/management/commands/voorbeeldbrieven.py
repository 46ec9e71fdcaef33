"""Write a PDF of every letter type from made-up data, for people who review letters.

Nothing is read from or written to the database.
"""

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.core.management.base import BaseCommand

from ontheffing.letters import (
    Brief,
    Briefhoofd,
    Briefsoort,
    Criteriumoordeel,
    Ondertekening,
    aanhef,
    render,
)

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
RAADSLID_15 = "artikel 15, tweede lid, Gemeentewet"


def _criteria(*oordelen: tuple[str, str, str]) -> tuple[Criteriumoordeel, ...]:
    return tuple(
        Criteriumoordeel(code=str(n), titel=titel, oordeel=oordeel, motivering=tekst)
        for n, (titel, oordeel, tekst) in enumerate(oordelen, start=1)
    )


def _raadslid_arnhem(**velden) -> Brief:
    basis = {
        "kenmerk": "2026-PV25-0042",
        "datum": date(2026, 4, 21),
        "geadresseerde_naam": "De heer J.H. Jansen",
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


def voorbeelden() -> dict[str, Brief]:
    brieven = _voorbeelden()
    brieven["verleend-cdk-mandaat"] = replace(
        brieven["verleend-cdk"], ondertekening=CDK_MANDAAT
    )
    return brieven


def _voorbeelden() -> dict[str, Brief]:
    onderwerp = f"Besluit op uw verzoek om ontheffing ({RAADSLID_15})"
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
            grondslag="artikel 15, eerste lid, onder d, 6°, Gemeentewet",
            bevoegdheid=RAADSLID_15,
            kwalificatie_toelichting=(
                "U bent sinds 29 maart 2022 lid van de gemeenteraad van Arnhem. "
                "U wilt de grond rechtstreeks, dus niet via een openbare veiling, "
                "van de gemeente kopen. Dat is het onderhands verwerven van een "
                "onroerende zaak van de gemeente.",
                "Deze handeling valt onder het verbod van artikel 15, eerste lid, "
                "onder d, 6°, Gemeentewet. Van dit verbod kan ontheffing worden "
                "verleend.",
            ),
            bw_3_43=True,
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
            onderwerp="Besluit op uw verzoek om ontheffing (artikel 69 Gemeentewet)",
            geadresseerde_naam="Mevrouw drs. L.M. de Boer",
            geadresseerde_adres=("Postbus 41", "7200 AA Zutphen"),
            aanhef=aanhef("mevrouw", "de Boer"),
            ambt_omschrijving="burgemeester van Zutphen",
            ontvangen=date(2026, 5, 4),
            handeling_omschrijving=(
                "het huren door uw echtgenoot, met wie u in gemeenschap van "
                "goederen bent getrouwd, van een garagebox van de gemeente Zutphen"
            ),
            wederpartij="de gemeente Zutphen",
            overeenkomst_onderwerp="de huur van garagebox 14 aan de Kuiperstraat",
            waarde=Decimal("1140.00"),
            looptijd_van=date(2026, 7, 1),
            looptijd_tot=date(2027, 6, 30),
            onderdeel="d7",
            grondslag="artikel 69, eerste lid, onder d, 7°, Gemeentewet (middellijk)",
            kwalificatie_toelichting=(
                "Uw echtgenoot huurt de garagebox. Omdat u in gemeenschap van "
                "goederen bent getrouwd, gaat u de overeenkomst middellijk aan.",
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
            geadresseerde_naam="Mevrouw S. van der Linden",
            geadresseerde_adres=("Rijnkade 3", "6811 HA Arnhem"),
            aanhef=aanhef("mevrouw", "van der Linden"),
            namens_ingediend_door=None,
            ontvangen=date(2026, 3, 23),
            handeling_omschrijving=(
                "het sluiten van een adviesovereenkomst door Van der Linden "
                "Advies B.V., waarvan u enig bestuurder bent, met de gemeente Arnhem"
            ),
            wederpartij="de gemeente Arnhem",
            overeenkomst_onderwerp="adviesdiensten voor de herinrichting van het Stationsplein",
            waarde=Decimal("48000.00"),
            looptijd_van=date(2026, 6, 1),
            looptijd_tot=date(2027, 5, 31),
            onderdeel="d2",
            grondslag="artikel 15, eerste lid, onder d, 2°, Gemeentewet (middellijk)",
            bevoegdheid=RAADSLID_15,
            kwalificatie_toelichting=(
                "U bent enig bestuurder van Van der Linden Advies B.V. Een overeenkomst die de "
                "vennootschap sluit, gaat u daarom middellijk aan.",
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
            grondslag="artikel 15, eerste lid, onder c, Gemeentewet",
            bevoegdheid=RAADSLID_15,
            kwalificatie_toelichting=(
                "U wilt als adviseur van een derde optreden bij het tot stand "
                "komen van een overeenkomst met de gemeente. Dat valt onder het "
                "verbod van artikel 15, eerste lid, onder c, Gemeentewet.",
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
            grondslag="artikel 15, eerste lid, onder d, Gemeentewet",
            kwalificatie_toelichting=(
                "U verkoopt grond aan de gemeente; de gemeente verwerft die grond. "
                "Het verbod onder d ziet wel op het onderhands verwerven van "
                "onroerende zaken van de gemeente, maar niet op de verkoop van "
                "uw eigen grond aan de gemeente.",
            ),
            noot_artikel_28=True,
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
        "doorzending": _raadslid_arnhem(
            soort=Briefsoort.DOORZENDING,
            kenmerk="2026-PV25-0074",
            datum=date(2026, 6, 2),
            geadresseerde_naam="De heer R. Kok",
            geadresseerde_adres=("Dorpsstraat 8", "6731 AB Otterlo"),
            aanhef=aanhef("heer", "Kok"),
            ambt_omschrijving="lid van Provinciale Staten van Gelderland",
            namens_ingediend_door=None,
            ontvangen=date(2026, 5, 28),
            handeling_omschrijving=(
                "het leveren van drukwerk aan de provincie Gelderland door uw "
                "eenmanszaak"
            ),
            grondslag="artikel 15 Provinciewet",
            doorgezonden_aan=(
                "de Minister van Binnenlandse Zaken en Koninkrijksrelaties"
            ),
            doorgezonden_adres=("Postbus 20011", "2500 EA Den Haag"),
            ondertekening=GS_MANDAAT,
            afschrift=(),
        ),
    }


class Command(BaseCommand):
    help = "Schrijft een voorbeeld-PDF van elke briefsoort naar <map>."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("map", type=Path)

    def handle(self, *args, map: Path, **options):
        map.mkdir(parents=True, exist_ok=True)
        for naam, brief in voorbeelden().items():
            pad = map / f"{naam}.pdf"
            pad.write_bytes(render(brief).pdf)
            self.stdout.write(str(pad))
