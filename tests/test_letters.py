"""The decision letter: the HTML of every letter type, one real PDF per type,
its accessibility structure, and what user text can and cannot do."""

from __future__ import annotations

import logging
import re
from dataclasses import fields, replace
from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from django.utils.html import escape
from pypdf import PdfReader

from ontheffing.brieven import opmaak
from ontheffing.brieven.opmaak import (
    STATIC_BASE_URL,
    STATIC_DIR,
    Brief,
    Briefhoofd,
    Briefsoort,
    Criteriumoordeel,
    Ondertekening,
    aanhef,
    render,
    render_html,
)
from ontheffing.brieven.voorbeelden import dwangsomstaat, voorbeelden

GELDERLAND = Briefhoofd(
    provincie="Gelderland",
    postadres=("Postbus 9090", "6800 GX Arnhem"),
    bezoekadres=("Markt 11", "6811 CG Arnhem"),
    telefoon="026 359 99 99",
    email="post@provincie.example",
    website="www.provincie.example",
)
GS = Ondertekening(
    bestuursorgaan="gs",
    provincie="Gelderland",
    voorzitter_naam="J. de Commissaris",
    secretaris_naam="S. Secretaris",
)
BELEIDSREGEL = (
    "Beleidskader verboden handelingen Gelderland 2026, versie 1, "
    "geldend vanaf 1 januari 2026"
)
GRONDSLAGEN = {
    Briefsoort.VERLEEND: "artikel 15, eerste lid, onder d, 6°, Gemeentewet",
    Briefsoort.GEWEIGERD_CRITERIA: "artikel 15, eerste lid, onder d, 6°, Gemeentewet",
    Briefsoort.GEWEIGERD_NIET_ONTHEFFBAAR: "artikel 15, eerste lid, onder c, Gemeentewet",
    Briefsoort.GEEN_ONTHEFFING_VEREIST: "artikel 15, eerste lid, onder d, Gemeentewet",
    Briefsoort.BUITEN_BEHANDELING: "artikel 15, eerste lid, onder d, 6°, Gemeentewet",
    Briefsoort.DOORZENDING: "artikel 15 Provinciewet",
    Briefsoort.GEDEELTELIJK_VERLEEND: "artikel 15, eerste lid, onder d, 6°, Gemeentewet",
    Briefsoort.AANVULLING: "",  # asked before the qualification: no ground yet
    Briefsoort.ZIENSWIJZE_DERDE: "artikel 15, eerste lid, onder d, 6°, Gemeentewet",
    Briefsoort.DWANGSOM: "",  # about the late decision, not the prohibition
}
GOEDKEURING = {
    Briefsoort.GEWEIGERD_CRITERIA: "geweigerd",
    Briefsoort.GEWEIGERD_NIET_ONTHEFFBAAR: "geweigerd",
    Briefsoort.BUITEN_BEHANDELING: "",
    Briefsoort.DOORZENDING: "",
    Briefsoort.AANVULLING: "",
    Briefsoort.ZIENSWIJZE_DERDE: "",
    Briefsoort.DWANGSOM: "",
}
OORDEEL = {
    Briefsoort.VERLEEND: "voldaan",
    Briefsoort.GEWEIGERD_CRITERIA: "niet_voldaan",
}
BEZWAAR = ["Bezwaar maken"]
SECTIES = {
    Briefsoort.VERLEEND: [
        "Uw aanvraag", "Wettelijk kader", "Overwegingen", "Besluit",
        "Voorschriften", *BEZWAAR, "Afschrift",
    ],
    Briefsoort.GEWEIGERD_CRITERIA: [
        "Uw aanvraag", "Wettelijk kader", "Overwegingen", "Besluit", *BEZWAAR,
        "Afschrift",
    ],
    Briefsoort.GEWEIGERD_NIET_ONTHEFFBAAR: [
        "Uw aanvraag", "Wettelijk kader", "Overwegingen", "Besluit", *BEZWAAR,
        "Afschrift",
    ],
    Briefsoort.GEEN_ONTHEFFING_VEREIST: [
        "Uw aanvraag", "Wettelijk kader", "Overwegingen", "Besluit", *BEZWAAR,
        "Afschrift",
    ],
    Briefsoort.BUITEN_BEHANDELING: [
        "Uw aanvraag", "Wettelijk kader", "Overwegingen", "Besluit", *BEZWAAR,
        "Afschrift",
    ],
    Briefsoort.DOORZENDING: [
        "Uw aanvraag", "Doorzending", "Wat betekent dit voor u?", "Afschrift",
    ],
    Briefsoort.GEDEELTELIJK_VERLEEND: [
        "Uw aanvraag", "Wettelijk kader", "Overwegingen", "Besluit",
        "Voorschriften", *BEZWAAR, "Afschrift",
    ],
    Briefsoort.AANVULLING: [
        "Uw aanvraag", "Wat wij nog van u nodig hebben",
        "Waarom deze vraag, en wat als u niet aanvult?", "Afschrift",
    ],
    Briefsoort.ZIENSWIJZE_DERDE: [
        "De aanvraag", "Waarom wij u om uw zienswijze vragen",
        "Hoe u uw zienswijze geeft", "Afschrift",
    ],
    Briefsoort.DWANGSOM: [
        "Uw aanvraag en uw ingebrekestelling", "Wettelijk kader", "Overwegingen",
        "Besluit", "Betaling", *BEZWAAR, "Afschrift",
    ],
}  # fmt: skip
ARTIKELEN = {
    Briefsoort.VERLEEND: [
        "artikel 15, tweede lid, Gemeentewet",
        "artikel 3:43, eerste lid, onder c, en derde lid, van het Burgerlijk Wetboek",
        "artikel 4:81 Algemene wet bestuursrecht",
        "artikel 4:84 Algemene wet bestuursrecht",
    ],
    Briefsoort.GEWEIGERD_CRITERIA: [
        "artikel 15, tweede lid, Gemeentewet",
        "artikel 4:84 Algemene wet bestuursrecht",
    ],
    Briefsoort.GEWEIGERD_NIET_ONTHEFFBAAR: ["artikel 15, tweede lid, Gemeentewet"],
    Briefsoort.GEEN_ONTHEFFING_VEREIST: ["artikel 28 van de Gemeentewet"],
    Briefsoort.BUITEN_BEHANDELING: [
        "artikel 4:2 Algemene wet bestuursrecht",
        "artikel 4:5 Algemene wet bestuursrecht",
    ],
    Briefsoort.DOORZENDING: ["artikel 2:3 Algemene wet bestuursrecht"],
    Briefsoort.GEDEELTELIJK_VERLEEND: [
        "artikel 15, tweede lid, Gemeentewet",
        "artikel 4:84 Algemene wet bestuursrecht",
    ],
    Briefsoort.AANVULLING: [
        "artikel 4:2 Algemene wet bestuursrecht",
        "artikel 4:5 Algemene wet bestuursrecht",
        "artikel 4:15 Algemene wet bestuursrecht",
    ],
    Briefsoort.ZIENSWIJZE_DERDE: [
        "artikel 4:8, eerste lid, Algemene wet bestuursrecht",
        "artikel 4:9 Algemene wet bestuursrecht",
        "artikel 15, tweede lid, Gemeentewet",
    ],
    Briefsoort.DWANGSOM: [
        "artikel 4:17, eerste lid, Algemene wet bestuursrecht",
        "artikel 4:17, tweede lid, Algemene wet bestuursrecht",
        "artikel 4:17, derde lid, Algemene wet bestuursrecht",
        "artikel 4:18 Algemene wet bestuursrecht",
        "artikel 4:87, eerste lid, Algemene wet bestuursrecht",
    ],
}
BEZWAARARTIKELEN = [
    "artikelen 6:7 en 6:8 Algemene wet bestuursrecht",
    "artikel 6:5 Algemene wet bestuursrecht",
    "artikel 6:9 Algemene wet bestuursrecht",
]
MET_OVEREENKOMST = [
    Briefsoort.VERLEEND,
    Briefsoort.GEWEIGERD_CRITERIA,
    Briefsoort.GEWEIGERD_NIET_ONTHEFFBAAR,
    Briefsoort.GEEN_ONTHEFFING_VEREIST,
]
BESLUITEN = [
    soort
    for soort in Briefsoort
    if soort
    not in (Briefsoort.DOORZENDING, Briefsoort.AANVULLING, Briefsoort.ZIENSWIJZE_DERDE)
]

PAYLOAD = (
    '<img src="file:///etc/passwd"> '
    '<link rel=stylesheet href="http://evil.example/x.css"> '
    "<style>body{display:none}</style> "
    "url(file:///etc/passwd)"
)


def maak_brief(soort: Briefsoort = Briefsoort.VERLEEND, **velden) -> Brief:
    """A raadslid of Arnhem buys municipal land; every field of every soort set.

    Sent on 13 April 2026: six weeks later is Tweede Pinksterdag (25 May), so
    the objection term ends on 26 May 2026 (Atw art. 1).
    """
    oordeel = OORDEEL.get(soort, "voldaan")
    basis = {
        "soort": soort,
        "kenmerk": "2026-PV25-0042",
        "datum": date(2026, 4, 13),
        "geadresseerde_naam": "J.H. Jansen",
        "aanspreekvorm": "heer",
        "geadresseerde_adres": ("Lindelaan 12", "6824 BT Arnhem"),
        "aanhef": "Geachte heer Jansen,",
        "ambt_omschrijving": "lid van de gemeenteraad van Arnhem",
        "namens_ingediend_door": "de griffier van de gemeente Arnhem",
        "ontvangen": date(2026, 2, 16),
        "aangevuld": date(2026, 3, 2),
        "handeling_omschrijving": "de onderhandse koop van een strook gemeentegrond",
        "wederpartij": "de gemeente Arnhem",
        "overeenkomst_onderwerp": "de koop van een strook grond van 85 m²",
        "waarde": Decimal("12500"),
        "looptijd_van": date(2026, 5, 1),
        "looptijd_tot": date(2027, 4, 30),
        "onderdeel": "d6",
        "grondslag": GRONDSLAGEN[soort],
        "bevoegdheid": "artikel 15, tweede lid, Gemeentewet",
        "kwalificatie_motivering": "U koopt de grond onderhands, niet op een veiling.",
        "goedkeuring": GOEDKEURING.get(soort, "verleend"),
        "onderdelen": (
            opmaak.Onderdeel("de koop van de strook van 85 m²", True, "Marktconform."),
            opmaak.Onderdeel("toekomstige aankopen van grond", False, "Niet concreet."),
        )
        if soort == Briefsoort.GEDEELTELIJK_VERLEEND
        else (),
        "beleidsregel": BELEIDSREGEL,
        "criteria": (
            Criteriumoordeel(
                "1", "Totstandkoming", oordeel, "Vaste prijs uit de nota."
            ),
            Criteriumoordeel("2", "Marktconformiteit", oordeel, "Getaxeerd."),
        ),
        "motivering": "Zo luidt onze afweging.",
        "voorschriften": (
            "Alleen voor deze koop.",
            "Niet stemmen over de verkoop.",
            "Wijzigingen vooraf melden.",
        ),
        "onthouding": "U neemt niet deel aan de stemming (artikel 28 van de Gemeentewet).",
        "afschrift": ("de griffier van de gemeente Arnhem",),
        "bezwaar_adres": ("Postbus 9090", "6800 GX Arnhem"),
        "aanvulling_gevraagd_op": date(2026, 2, 23),
        "hersteltermijn_einde": date(2026, 3, 9),
        "ontbrekend": ("een uittreksel uit het handelsregister",),
        "doorgezonden_aan": "de Minister van Binnenlandse Zaken en Koninkrijksrelaties",
        "doorgezonden_adres": ("Postbus 20011", "2500 EA Den Haag"),
        "ondertekening": GS,
        "briefhoofd": GELDERLAND,
        "zienswijzevraag": opmaak.Zienswijzevraag(
            aanvrager="de heer J.H. Jansen",
            uiterlijk=date(2026, 4, 27),
            toelichting="U huurt de strook nu van de gemeente.",
        ),
        "dwangsom": dwangsomstaat(
            date(2026, 3, 16), date(2026, 4, 10), date(2026, 4, 13)
        ),
    }
    return Brief(**(basis | velden))


def koppen(html: str, niveau: str = "h2") -> list[str]:
    return re.findall(rf"<{niveau}>(.*?)</{niveau}>", html)


def sectie(html: str, klasse: str) -> str:
    return re.search(rf'<section class="{klasse}">(.*?)</section>', html, re.S)[1]


def pdf_tekst(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


def zonder_afbreking(tekst: str) -> str:
    """Drop what line breaking and hyphenation add to extracted text."""
    return re.sub(r"[\s\-\u00ad]", "", tekst)


@pytest.fixture(scope="module")
def pdf_van():
    """One real PDF per letter type for the whole module (WeasyPrint is slow)."""
    cache = {}

    def get(soort: Briefsoort) -> bytes:
        if soort not in cache:
            cache[soort] = render(maak_brief(soort)).pdf
        return cache[soort]

    return get


# --- HTML: sections, articles, dates, amounts -------------------------------


@pytest.mark.parametrize("soort", Briefsoort)
def test_letter_has_the_sections_of_its_type_in_order(soort):
    html = render_html(maak_brief(soort))

    assert koppen(html, "h1") == [escape(maak_brief(soort).onderwerp_tekst)]
    assert koppen(html) == SECTIES[soort]


@pytest.mark.parametrize("soort", Briefsoort)
def test_letter_cites_the_grondslag_and_its_articles(soort):
    html = render_html(maak_brief(soort))

    assert GRONDSLAGEN[soort] in html
    for artikel in ARTIKELEN[soort]:
        assert artikel in html
    assert "Kieswet" not in html


@pytest.mark.parametrize("soort", Briefsoort)
def test_letter_head_dates_and_salutation_are_dutch(soort):
    html = render_html(maak_brief(soort))

    assert "Provincie Gelderland" in html
    assert 'alt="Logo provincie Gelderland"' in html
    assert "13 april 2026" in html
    assert "16 februari 2026" in html
    assert "2026-PV25-0042" in html
    assert "Geachte heer Jansen," in html
    assert "Lindelaan 12<br>6824 BT Arnhem" in html


@pytest.mark.parametrize("soort", BESLUITEN)
def test_decision_carries_the_objection_clause(soort):
    bezwaar = sectie(render_html(maak_brief(soort)), "bezwaar")

    for artikel in BEZWAARARTIKELEN:
        assert artikel in bezwaar
    assert "belanghebbende" in bezwaar
    assert "binnen zes weken na de dag waarop dit besluit is verzonden" in bezwaar
    assert (
        "Is dit besluit verzonden op de datum van deze brief, dan eindigt de "
        "termijn op 26 mei 2026;"
    ) in bezwaar
    assert "Gedeputeerde Staten van Gelderland<br>Postbus 9090<br>6800 GX Arnhem" in (
        bezwaar
    )
    assert "kenmerk 2026-PV25-0042" in bezwaar


def test_forwarding_is_a_notice_naming_the_competent_authority():
    html = render_html(maak_brief(Briefsoort.DOORZENDING))

    assert "Bezwaar" not in html
    assert "besluiten:" not in html
    assert "geen besluit" in html
    assert (
        "De Minister van Binnenlandse Zaken en Koninkrijksrelaties"
        "<br>Postbus 20011<br>2500 EA Den Haag"
    ) in html


@pytest.mark.parametrize("soort", MET_OVEREENKOMST)
def test_request_section_shows_the_agreement(soort):
    aanvraag = sectie(render_html(maak_brief(soort)), "aanvraag")

    assert "de gemeente Arnhem" in aanvraag
    assert "€ 12.500,00" in aanvraag
    assert '<th scope="row">Handeling</th><td>De onderhandse koop' in aanvraag
    assert "Van 1 mei 2026 tot en met 30 april 2027" in aanvraag
    assert "Op 2 maart 2026 heeft u uw aanvraag aangevuld." in aanvraag
    assert "namens u ingediend door de griffier van de gemeente Arnhem." in aanvraag


@pytest.mark.parametrize("soort", [Briefsoort.VERLEEND, Briefsoort.GEWEIGERD_CRITERIA])
def test_dictum_is_scoped_to_agreement_counterparty_subject_and_term(soort):
    besluit = sectie(render_html(maak_brief(soort)), "besluit")

    assert (
        f"van het verbod van {GRONDSLAGEN[soort]} voor het aangaan van de "
        "overeenkomst met de gemeente Arnhem over de koop van een strook grond "
        "van 85 m², met een waarde van € 12.500,00, voor de periode van "
        "1 mei 2026 tot en met 30 april 2027"
    ) in besluit


def test_grant_approves_under_bw_3_43_in_the_same_dictum_and_lists_conditions():
    html = render_html(maak_brief(Briefsoort.VERLEEND))
    besluit = sectie(html, "besluit")

    assert "u ontheffing te verlenen" in besluit
    assert "u goedkeuring te verlenen als bedoeld in artikel 3:43" in besluit
    assert re.findall(r"<li>(.*?)</li>", sectie(html, "voorschriften")) == [
        "Alleen voor deze koop.",
        "Niet stemmen over de verkoop.",
        "Wijzigingen vooraf melden.",
    ]


def test_grant_without_bw_3_43_has_no_approval():
    html = render_html(maak_brief(Briefsoort.VERLEEND, goedkeuring=""))

    assert "3:43" not in html


def test_refusal_on_criteria_gives_each_judgement_and_motivation():
    overwegingen = sectie(
        render_html(maak_brief(Briefsoort.GEWEIGERD_CRITERIA)), "overwegingen"
    )

    assert koppen(overwegingen, "h3") == [
        "Criterium 1: Totstandkoming",
        "Criterium 2: Marktconformiteit",
    ]
    assert overwegingen.count("Oordeel: <strong>niet voldaan</strong>") == 2
    assert "Vaste prijs uit de nota." in overwegingen
    assert BELEIDSREGEL not in overwegingen  # the version is in the kader
    assert "te weigeren." in render_html(maak_brief(Briefsoort.GEWEIGERD_CRITERIA))


def test_not_exemptable_refusal_says_no_power_and_skips_the_criteria():
    html = render_html(maak_brief(Briefsoort.GEWEIGERD_NIET_ONTHEFFBAAR))

    assert "Criterium" not in html
    assert "af te wijzen;" in html
    assert "niet de bevoegdheid" in html


def test_buiten_behandeling_states_request_term_and_that_it_passed():
    aanvraag = sectie(
        render_html(maak_brief(Briefsoort.BUITEN_BEHANDELING)), "aanvraag"
    )

    assert "Op 23 februari 2026 hebben wij u gevraagd" in aanvraag
    assert "uiterlijk op 9 maart 2026" in aanvraag
    assert "<li>een uittreksel uit het handelsregister</li>" in aanvraag
    assert "Deze termijn is verstreken" in aanvraag


def test_no_exemption_needed_decides_so_for_the_agreement():
    besluit = sectie(
        render_html(maak_brief(Briefsoort.GEEN_ONTHEFFING_VEREIST)), "besluit"
    )

    assert (
        "vast te stellen dat voor het aangaan van de overeenkomst met de gemeente "
        "Arnhem over de koop van een strook grond van 85 m²"
    ) in besluit
    assert "geen ontheffing is vereist" in besluit


def test_article_28_note_only_when_asked():
    zonder = maak_brief(Briefsoort.GEEN_ONTHEFFING_VEREIST, onthouding="")

    assert "artikel 28" not in render_html(zonder)


def test_gs_sign_with_chair_and_secretary():
    html = render_html(maak_brief())

    assert "Gedeputeerde Staten van Gelderland,</p>" in html
    assert "J. de Commissaris, voorzitter" in html
    assert "S. Secretaris, secretaris" in html
    assert "namens deze" not in html


def test_mandate_signs_namens_deze_with_name_and_function():
    mandaat = Ondertekening(
        "gs", "Gelderland", namens=True, naam="mr. A. Smit", functie="teamleider"
    )
    html = render_html(maak_brief(ondertekening=mandaat))

    assert "Gedeputeerde Staten van Gelderland,<br>namens deze,</p>" in html
    assert "mr. A. Smit<br>teamleider" in html
    assert "voorzitter" not in html


def test_commissaris_van_de_koning_decides_in_the_first_person():
    cdk = Ondertekening("cdk", "Gelderland", naam="J. de Commissaris")
    html = render_html(maak_brief(ondertekening=cdk))

    assert "De Commissaris van de Koning in Gelderland,</p>" in html
    assert "De Commissaris van de Koning in Gelderland besluit:" in html
    assert "De Commissaris van de Koning in Gelderland<br>Postbus 9090" in html
    assert "Ik verleen u de gevraagde ontheffing" in html
    assert " wij " not in html
    assert "Gedeputeerde Staten" not in html


@pytest.mark.parametrize(
    ("vorm", "naam", "verwacht"),
    [
        ("heer", "Jansen", "Geachte heer Jansen,"),
        ("mevrouw", "de Vries", "Geachte mevrouw De Vries,"),
        ("mevrouw", "van der Linden", "Geachte mevrouw Van der Linden,"),
        ("", "Jansen", "Geachte heer/mevrouw Jansen,"),
        ("onbekend", "El Amrani", "Geachte heer/mevrouw El Amrani,"),
        ("heer", "", "Geachte heer,"),
    ],
)
def test_aanhef(vorm, naam, verwacht):
    assert aanhef(vorm, naam) == verwacht


def test_concept_is_watermarked_and_a_normal_letter_is_not():
    assert "CONCEPT" in render_html(maak_brief(), concept=True)
    assert "CONCEPT" not in render_html(maak_brief())


def test_unknown_judgement_or_organ_is_refused():
    with pytest.raises(ValueError, match="oordeel"):
        Criteriumoordeel("1", "Totstandkoming", "prima", "")
    with pytest.raises(ValueError, match="bestuursorgaan"):
        Ondertekening("minister", "Gelderland")


# --- The real PDF ------------------------------------------------------------


@pytest.mark.parametrize("soort", Briefsoort)
def test_pdf_text_has_the_letter(soort, pdf_van):
    tekst = zonder_afbreking(pdf_tekst(pdf_van(soort)))

    for kop in SECTIES[soort]:
        assert zonder_afbreking(kop) in tekst
    assert zonder_afbreking(GRONDSLAGEN[soort]) in tekst
    assert zonder_afbreking("13 april 2026") in tekst
    if soort in BESLUITEN:
        assert zonder_afbreking("dan eindigt de termijn op 26 mei 2026;") in tekst
    if soort in MET_OVEREENKOMST:
        assert zonder_afbreking("€ 12.500,00") in tekst


def test_running_header_from_page_two(pdf_van):
    pdf = pdf_van(Briefsoort.VERLEEND)
    pagina = [p.extract_text() for p in PdfReader(BytesIO(pdf)).pages]

    assert len(pagina) >= 2
    assert "pagina 1 van" not in pagina[0]
    assert "Kenmerk 2026-PV25-0042" in pagina[1]
    assert f"pagina 2 van {len(pagina)}" in pagina[1]


def _lettertypen(resources, gezien=None):
    """(name, descriptor) of every font, also inside form XObjects."""
    gezien = set() if gezien is None else gezien
    for font in (resources.get("/Font") or {}).values():
        font = font.get_object()
        if font.get("/Subtype") == "/Type0":
            beschrijving = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        else:
            beschrijving = font["/FontDescriptor"]
        yield str(font["/BaseFont"]), beschrijving.get_object()
    for xobject in (resources.get("/XObject") or {}).values():
        xobject = xobject.get_object()
        if "/Resources" in xobject and id(xobject) not in gezien:
            gezien.add(id(xobject))
            yield from _lettertypen(xobject["/Resources"].get_object(), gezien)


def _structuur(element, soorten):
    element = element.get_object()
    if hasattr(element, "get") and "/S" in element:
        soorten.append((str(element["/S"]), str(element.get("/Alt", ""))))
    kinderen = element.get("/K", []) if hasattr(element, "get") else []
    for kind in kinderen if isinstance(kinderen, list) else [kinderen]:
        if hasattr(kind.get_object(), "get"):
            _structuur(kind, soorten)
    return soorten


@pytest.mark.parametrize("soort", Briefsoort)
def test_pdf_is_tagged_accessible_and_embeds_only_open_sans(soort, pdf_van):
    reader = PdfReader(BytesIO(pdf_van(soort)))
    catalog = reader.trailer["/Root"]

    assert catalog["/MarkInfo"]["/Marked"]
    assert str(catalog["/Lang"]).startswith("nl")
    assert "/StructTreeRoot" in catalog
    assert reader.metadata.title == opmaak.titel(maak_brief(soort))
    assert "2026-PV25-0042" in reader.metadata.title

    structuur = _structuur(catalog["/StructTreeRoot"], [])
    assert ("/H1", "") in structuur
    assert ("/H2", "") in structuur
    assert ("/Figure", "Logo provincie Gelderland") in structuur

    lettertypen = [
        lt for page in reader.pages for lt in _lettertypen(page["/Resources"])
    ]
    assert lettertypen
    for naam, beschrijving in lettertypen:
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(beschrijving), naam
        # Only the Open Sans shipped in static/ontheffing/fonts ("Brief Sans"):
        # no system font, and no fallback font for the hyphen.
        assert naam.split("+")[-1].startswith("Brief-Sans"), naam


def test_rendering_logs_no_errors(caplog):
    caplog.set_level(logging.WARNING, logger="weasyprint")

    gerenderd = render(maak_brief(), concept=True)

    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert [
        r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING
    ] == []
    assert "CONCEPT" in pdf_tekst(gerenderd.pdf)


def test_render_returns_html_pdf_and_its_hash(pdf_van):
    import hashlib

    gerenderd = render(maak_brief(Briefsoort.DOORZENDING))

    assert gerenderd.pdf.startswith(b"%PDF-")
    assert gerenderd.pdf == pdf_van(Briefsoort.DOORZENDING)  # reproducible
    assert gerenderd.html == render_html(maak_brief(Briefsoort.DOORZENDING))
    assert gerenderd.sha256 == hashlib.sha256(gerenderd.pdf).hexdigest()


# --- User text is text; only our own static files are fetched ---------------


def met_payload(obj):
    """Every free-text field (and tuple of texts) of a letter filled with PAYLOAD."""
    waarden = {}
    for veld in fields(obj):
        waarde = getattr(obj, veld.name)
        if veld.name in {"soort", "logo", "bestuursorgaan", "oordeel", "goedkeuring"}:
            continue
        if veld.name == "onderdelen" and not waarde:
            continue  # a tuple of Onderdeel, not of texts
        if isinstance(waarde, str):
            waarden[veld.name] = PAYLOAD
        elif isinstance(waarde, tuple) and all(isinstance(w, str) for w in waarde):
            waarden[veld.name] = (PAYLOAD,)
        elif isinstance(waarde, tuple):
            waarden[veld.name] = tuple(met_payload(w) for w in waarde)
        elif isinstance(waarde, Briefhoofd | Ondertekening):
            waarden[veld.name] = met_payload(waarde)
    return replace(obj, **waarden)


@pytest.fixture
def opgehaald(monkeypatch):
    """Every URL WeasyPrint asks the fetcher for (from an empty stylesheet cache)."""
    opmaak._opruimen()
    urls = []
    echt = opmaak.static_path

    def spion(url):
        urls.append(url)
        return echt(url)

    monkeypatch.setattr(opmaak, "static_path", spion)
    return urls


@pytest.mark.parametrize("soort", Briefsoort)
def test_user_text_is_escaped_and_fetches_nothing(soort, opgehaald):
    brief = met_payload(maak_brief(soort))

    gerenderd = render(brief)

    assert PAYLOAD not in gerenderd.html
    assert "<style>body" not in gerenderd.html
    assert escape(PAYLOAD) in gerenderd.html
    assert zonder_afbreking(PAYLOAD) in zonder_afbreking(pdf_tekst(gerenderd.pdf))
    assert sorted(opgehaald) == [
        STATIC_BASE_URL + "ontheffing/brief.css",
        *(
            STATIC_BASE_URL + f"ontheffing/fonts/OpenSans-{stijl}.ttf"
            for stijl in ("Bold", "Italic", "Regular", "Semibold")
        ),
        STATIC_BASE_URL + "ontheffing/logo-provincie.svg",
    ]


def test_stylesheet_and_fonts_are_loaded_once_per_thread(opgehaald):
    brief = maak_brief(Briefsoort.VERLEEND)
    eerste = render(brief)
    opgehaald.clear()

    tweede = render(brief)

    assert opgehaald == [STATIC_BASE_URL + "ontheffing/logo-provincie.svg"]
    assert pdf_tekst(tweede.pdf) == pdf_tekst(eerste.pdf)
    assert _fontnamen(tweede.pdf) == _fontnamen(eerste.pdf)
    assert {"Brief-Sans", "Brief-Sans-Bold"} <= _fontnamen(tweede.pdf)


def _fontnamen(pdf: bytes) -> set[str]:
    """The embedded fonts, without the random prefix of a subset."""
    return {
        naam.split("+")[-1]
        for pagina in PdfReader(BytesIO(pdf)).pages
        for naam, _ in _lettertypen(pagina["/Resources"].get_object())
    }


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://evil.example/x.css",
        "https://evil.example/x.css",
        "data:text/css,body{display:none}",
        "ftp://evil.example/x.css",
        "ontheffing/brief.css",
        STATIC_BASE_URL + "../settings.py",
        STATIC_BASE_URL + "%2e%2e/settings.py",
        STATIC_BASE_URL + "ontheffing/../../opmaak.py",
        STATIC_BASE_URL + "ontheffing/",
        STATIC_BASE_URL.replace("file://", "file://evil.example")
        + "ontheffing/brief.css",
    ],
)
def test_fetcher_refuses_everything_but_our_static_files(url):
    with pytest.raises(ValueError, match="niet toegestaan"):
        opmaak.static_path(url)
    with pytest.raises(ValueError, match="niet toegestaan"):
        opmaak.static_url_fetcher()(url)


def test_fetcher_serves_the_stylesheet():
    antwoord = opmaak.static_url_fetcher()(STATIC_BASE_URL + "ontheffing/brief.css")

    assert antwoord.content_type == "text/css"
    assert antwoord.read() == (STATIC_DIR / "ontheffing" / "brief.css").read_bytes()


def test_a_logo_outside_the_static_dir_stops_rendering(opgehaald):
    from weasyprint.urls import FatalURLFetchingError

    brief = maak_brief(briefhoofd=replace(GELDERLAND, logo="../settings.py"))

    with pytest.raises(FatalURLFetchingError):
        opmaak.render_pdf(render_html(brief))
    assert STATIC_BASE_URL.removesuffix("static/") + "settings.py" in opgehaald


# --- The sample letters (one source with manage.py voorbeeldbrieven) ----------


def _uitleg_van_de_motor() -> set[str]:
    """Every explanation and point of doubt the qualification engine writes,
    over every office, act and relation: text for staff, never for a letter."""
    import itertools

    from ontheffing import kwalificatie as kw

    zinnen = set()
    for ambt, handeling, relatie, wederpartij in itertools.product(
        kw.Ambt, kw.Handeling, kw.Relatie, kw.Wederpartij
    ):
        uitkomst = kw.kwalificeer(
            kw.Feiten(
                ambt=ambt,
                ambtsstatus=kw.Ambtsstatus.IN_FUNCTIE,
                handeling=handeling,
                wederpartij=wederpartij,
                relatie=relatie,
                onderhands=True,
                om_niet=False,
                aangegaan=kw.Aangegaan.NOG_NIET,
                verlenging=False,
                lichaam_in_provincie=True,
            )
        )
        zinnen.update(uitkomst.toelichting)
        zinnen.update(uitkomst.onzekerheden)
        zinnen.add(uitkomst.samenvatting)
    return zinnen


MOTORZINNEN = (
    "Een behandelaar beslist hierover",
    "het verzoek wordt getoetst aan",
    "De ambtsdrager",
)


def test_every_letter_type_has_a_sample():
    soorten = {brief.soort for brief in voorbeelden().values()}
    assert soorten == set(Briefsoort)


def test_no_engine_sentence_occurs_in_any_letter():
    uitleg = _uitleg_van_de_motor()
    assert len(uitleg) > 50
    brieven = [render_html(b) for b in voorbeelden().values()]
    brieven += [render_html(maak_brief(soort)) for soort in Briefsoort]
    for html in brieven:
        for zin in (*MOTORZINNEN, *uitleg):
            assert zin not in html, zin


@pytest.mark.parametrize("naam", sorted(voorbeelden()))
def test_sample_letter_never_prints_a_hole_or_the_wrong_3_43_wording(naam):
    html = render_html(voorbeelden()[naam])

    assert "het verbod van ." not in html
    assert "het verbod van  " not in html
    assert "openbare veiling" not in html
    assert "None" not in html


def test_bw_3_43_is_worded_and_cited_as_the_statute_does():
    kader = sectie(render_html(maak_brief(Briefsoort.VERLEEND)), "kader")

    assert "verkoop in het openbaar" in kader
    assert "artikel 3:43, eerste lid, onder c, en derde lid" in kader


@pytest.mark.parametrize(
    ("vorm", "regel"),
    [
        ("heer", "De heer J.H. Jansen"),
        ("mevrouw", "Mevrouw J.H. Jansen"),
        ("", "J.H. Jansen"),
    ],
)
def test_address_block_has_the_formal_form_of_address(vorm, regel):
    html = render_html(maak_brief(aanspreekvorm=vorm))

    assert f'<p class="geadresseerde">{regel}<br>Lindelaan 12' in html


def test_typed_text_keeps_its_capitals():
    html = render_html(
        maak_brief(wederpartij="de gemeente Arnhem", overeenkomst_onderwerp="iPad-hoes")
    )

    assert "<td>de gemeente Arnhem</td>" in html
    assert "<td>iPad-hoes</td>" in html
    assert "over iPad-hoes" in html


def test_a_partial_decision_numbers_each_part_and_refuses_the_rest():
    brief = voorbeelden()["gedeeltelijk-verleend"]
    besluit = sectie(render_html(brief), "besluit")

    regels = re.findall(r"<li>(.*?)</li>", besluit)
    assert len(regels) == 3
    assert regels[0].startswith("u ontheffing te verlenen")
    assert "te weigeren voor alle toekomstige opdrachten" in regels[1]
    assert regels[2].startswith("aan de verleende ontheffing de voorschriften")


def test_a_cdk_grant_never_tells_the_holder_to_report_to_gs():
    html = render_html(voorbeelden()["verleend-cdk"])

    assert "Gedeputeerde Staten" not in html
    assert "door uw echtgenoot, de heer P.J. de Boer" in html


def test_forwarding_of_a_statenlid_names_the_province_as_counterparty():
    html = render_html(voorbeelden()["doorzending-minister"])

    assert "overeenkomst met de provincie Gelderland" in html
    assert "<li>offerte-drukwerk.pdf</li>" in html


def test_forwarding_before_qualification_prints_no_hole():
    html = render_html(maak_brief(Briefsoort.DOORZENDING, grondslag=""))

    assert "het verbod van" not in html
    assert "bevoegd, en niet Gedeputeerde Staten van Gelderland" in html


@pytest.mark.parametrize(
    ("ambt", "onderdeel", "verwacht"),
    [
        ("raadslid", "a", "artikel 15, eerste lid, onder a, van de Gemeentewet"),
        ("raadslid", "c1", "artikel 15, eerste lid, onder c, 1°, van de Gemeentewet"),
        ("raadslid", None, "artikel 15, eerste lid, van de Gemeentewet"),
        (
            "bestuurslid_gr",
            "c7",
            "artikel 20, eerste lid, onder c, 7°, van de Wet gemeenschappelijke regelingen",
        ),
    ],
)
def test_the_ground_is_cited_for_every_kind_of_onderdeel(ambt, onderdeel, verwacht):
    from ontheffing.kwalificatie.citaten import grondslag

    assert grondslag(ambt, onderdeel) == verwacht


def test_an_apposition_in_the_contracting_party_is_closed_by_a_comma():
    brief = voorbeelden()["verleend-cdk"]
    assert brief.contractant == "uw echtgenoot, de heer P.J. de Boer"
    assert brief.handeling_tekst.startswith(
        "het aangaan door uw echtgenoot, de heer P.J. de Boer, van de overeenkomst"
    )
    jansen = voorbeelden()["gedeeltelijk-verleend"]
    assert "door Jansen Druk B.V. van de overeenkomst" in jansen.handeling_tekst


# ------------------------------------------------ what a jurist corrected


@pytest.mark.parametrize("naam", sorted(voorbeelden()))
def test_a_college_decision_was_taken_after_the_request_and_before_the_letter(naam):
    brief = voorbeelden()[naam]
    vergadering = brief.ondertekening.genomen_op
    if vergadering is not None:
        assert brief.ontvangen <= vergadering <= brief.datum


@pytest.mark.parametrize(
    ("naam", "zin"),
    [
        ("doorzending-minister", "Deze brief is onder mandaat ondertekend"),
        ("aanvulling", "Deze brief is onder mandaat ondertekend"),
        ("gedeeltelijk-verleend", "Dit besluit is onder mandaat genomen"),
    ],
)
def test_only_a_decision_says_it_was_taken_under_mandate(naam, zin):
    html = render_html(voorbeelden()[naam])
    assert zin in html
    if zin.startswith("Deze brief"):
        assert "Dit besluit is onder mandaat" not in html


@pytest.mark.parametrize("naam", ["gedeeltelijk-verleend", "verleend-cdk"])
def test_a_grant_judges_every_criterion_of_the_policy(naam):
    titels = [c.titel for c in voorbeelden()[naam].criteria]
    assert titels == [
        "Totstandkoming",
        "Marktconformiteit",
        "Geen betrokkenheid",
        "Omvang en duur",
        "Bijzondere omstandigheden",
        "Schijn van belangenverstrengeling",
    ]


def test_gedeputeerde_staten_take_the_plural_in_a_forwarding():
    html = render_html(voorbeelden()["doorzending-provincie"])
    assert "maar Gedeputeerde Staten van Utrecht beslissen op uw aanvraag" in html
    assert "zijn Gedeputeerde Staten van Utrecht bevoegd" in html
    assert (
        "Gedeputeerde Staten van Utrecht behandelen uw aanvraag verder en beslissen"
        in html
    )
    minister = render_html(voorbeelden()["doorzending-minister"])
    assert "Koninkrijksrelaties beslist op uw aanvraag" in minister
