"""The decision as a jurist signs it: the rules of the proposal (partial
decisions, BW 3:43, Awb 4:84, the zienswijze answered), forwarding that
sends, the 4:5 letter, afschrift per outcome, and the letter of each office
type read from the HTML the service stored."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from ontheffing import kwalificatie as kw
from ontheffing import services
from ontheffing.brieven import inhoud
from ontheffing.kwalificatie.citaten import BW_3_43
from ontheffing.models import Besluit, Oordeel, Verzoek
from ontheffing.states import Status, Uitkomst
from ontheffing.toetsing import criteria_voor
from tests.factories import (
    beoordeel_alles,
    inloggen,
    kwalificatie_post,
    kwalificeer,
    maak_concept,
    pdf_upload,
)

pytestmark = pytest.mark.django_db

DELEN = [
    {
        "omschrijving": "de opdracht voor het schilderwerk van het gemeentehuis",
        "verleend": True,
        "motivering": "Drie offertes; de uwe was de laagste.",
    },
    {
        "omschrijving": "alle toekomstige opdrachten van de gemeente Arnhem",
        "verleend": False,
        "motivering": "Van toekomstige opdrachten staat nog niets vast.",
    },
]


def in_toetsing(aanvrager, gemeente, behandelaar, **velden):
    verzoek = maak_concept(aanvrager=aanvrager, gemeente=gemeente, **velden)
    services.bijlage_toevoegen(
        user=aanvrager, verzoek=verzoek, bestand=pdf_upload("kvk.pdf"), soort="relatie"
    )
    services.verzoek_indienen(user=aanvrager, verzoek=verzoek)
    services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=verzoek)
    kwalificeer(verzoek, behandelaar)
    assert verzoek.status == Status.TOETSING
    return verzoek


@pytest.fixture
def toetsing(aanvrager, gemeente, behandelaar):
    return in_toetsing(aanvrager, gemeente, behandelaar)


def voorstellen(verzoek, behandelaar, **extra):
    velden = {
        "uitkomst": Uitkomst.VERLEEND,
        "motivering": "Aan de criteria is voldaan.",
        "voorschriften": ["Alleen deze opdracht."],
    }
    return services.besluit_voorstellen(
        user=behandelaar, verzoek=verzoek, **(velden | extra)
    )


def vastgesteld(verzoek, beslisser, django_capture_on_commit_callbacks) -> Besluit:
    with django_capture_on_commit_callbacks(execute=True):
        return services.besluit_vaststellen(user=beslisser, verzoek=verzoek)


def geweigerd_blijft(verzoek, **extra):
    """The proposal is refused with a Dutch message and nothing changes."""
    behandelaar = verzoek.behandelaar
    with pytest.raises(services.NietNu) as fout:
        voorstellen(verzoek, behandelaar, **extra)
    bewaard = Verzoek.objects.get(pk=verzoek.pk)
    assert bewaard.status == Status.TOETSING
    assert not bewaard.voorstel_uitkomst
    return str(fout.value)


# ------------------------------------------------------------ partial decisions


def test_a_partial_grant_is_a_numbered_dictum_with_reasons_per_part(
    toetsing, behandelaar, beslisser, django_capture_on_commit_callbacks
):
    beoordeel_alles(toetsing, behandelaar)
    voorstellen(
        toetsing, behandelaar, uitkomst=Uitkomst.GEDEELTELIJK_VERLEEND, onderdelen=DELEN
    )
    besluit = vastgesteld(toetsing, beslisser, django_capture_on_commit_callbacks)

    assert besluit.uitkomst == Uitkomst.GEDEELTELIJK_VERLEEND
    assert besluit.soort == "gedeeltelijk_verleend"
    html = besluit.html
    assert (
        "<li>u ontheffing te verlenen van het verbod van artikel 15, eerste lid, "
        "onder d, 1°, van de Gemeentewet voor de opdracht voor het schilderwerk "
        "van het gemeentehuis;</li>"
    ) in html
    assert (
        "te weigeren voor alle toekomstige opdrachten van de gemeente Arnhem;</li>"
    ) in html
    assert "<li>aan de verleende ontheffing de voorschriften te verbinden" in html
    assert "Onderdeel 2: alle toekomstige opdrachten" in html
    assert "Van toekomstige opdrachten staat nog niets vast." in html
    assert "ontheffing gedeeltelijk verleend" in mail.outbox[-1].body


@pytest.mark.parametrize(
    "onderdelen",
    [
        [],
        DELEN[:1],
        [DELEN[0], {**DELEN[1], "verleend": True}],
        [DELEN[0], {**DELEN[1], "motivering": " "}],
    ],
)
def test_a_partial_grant_needs_granted_and_refused_parts_each_motivated(
    toetsing, behandelaar, onderdelen
):
    beoordeel_alles(toetsing, behandelaar)
    melding = geweigerd_blijft(
        toetsing, uitkomst=Uitkomst.GEDEELTELIJK_VERLEEND, onderdelen=onderdelen
    )
    assert "onderde" in melding.lower()


# ------------------------------------------------------------------- Awb 4:84


def test_a_grant_against_a_criterion_not_met_needs_a_4_84_motivation(
    toetsing, behandelaar, beslisser, django_capture_on_commit_callbacks
):
    beoordeel_alles(toetsing, behandelaar)
    criterium = criteria_voor(toetsing)[0]
    services.criteria_beoordelen(
        user=behandelaar,
        verzoek=toetsing,
        oordelen={criterium: (Oordeel.NIET_VOLDAAN, "Eén offerte.")},
    )
    assert "4:84" in geweigerd_blijft(toetsing)
    assert "4:84" in geweigerd_blijft(
        toetsing, uitkomst=Uitkomst.GEDEELTELIJK_VERLEEND, onderdelen=DELEN
    )

    voorstellen(toetsing, behandelaar, afwijking="De gemeente had geen keus: spoed.")
    besluit = vastgesteld(toetsing, beslisser, django_capture_on_commit_callbacks)
    assert "De gemeente had geen keus: spoed." in besluit.html


def test_a_refusal_when_every_criterion_is_met_needs_a_4_84_motivation(
    toetsing, behandelaar
):
    beoordeel_alles(toetsing, behandelaar)
    assert "4:84" in geweigerd_blijft(toetsing, uitkomst=Uitkomst.GEWEIGERD)


# -------------------------------------------------------------------- BW 3:43


@pytest.fixture
def grondkoop(aanvrager, gemeente, behandelaar):
    """A d6 purchase: the qualification says the approval is needed."""
    verzoek = in_toetsing(
        aanvrager, gemeente, behandelaar, handeling="verwerving_onroerende_zaak"
    )
    assert verzoek.kwalificatie["bw_3_43_goedkeuring"]
    beoordeel_alles(verzoek, behandelaar)
    return verzoek


def test_an_approval_that_is_needed_cannot_be_left_undecided(grondkoop):
    assert "3:43" in geweigerd_blijft(grondkoop)


def test_an_approval_asked_for_cannot_be_left_undecided(toetsing, behandelaar):
    beoordeel_alles(toetsing, behandelaar)
    assert "3:43" in geweigerd_blijft(toetsing, bw_3_43=True)


def test_a_refused_exemption_cannot_come_with_an_approval(grondkoop, behandelaar):
    criterium = criteria_voor(grondkoop)[0]
    services.criteria_beoordelen(
        user=behandelaar,
        verzoek=grondkoop,
        oordelen={criterium: (Oordeel.NIET_VOLDAAN, "Niet openbaar aangeboden.")},
    )
    melding = geweigerd_blijft(
        grondkoop, uitkomst=Uitkomst.GEWEIGERD, goedkeuring="verleend"
    )
    assert "goedkeuring" in melding


def test_a_refusal_refuses_the_approval_in_the_same_dictum(
    grondkoop, behandelaar, beslisser, django_capture_on_commit_callbacks
):
    criterium = criteria_voor(grondkoop)[0]
    services.criteria_beoordelen(
        user=behandelaar,
        verzoek=grondkoop,
        oordelen={criterium: (Oordeel.NIET_VOLDAAN, "Niet openbaar aangeboden.")},
    )
    voorstellen(
        grondkoop,
        behandelaar,
        uitkomst=Uitkomst.GEWEIGERD,
        goedkeuring="geweigerd",
        motivering="Niet aan de criteria voldaan.",
    )
    besluit = vastgesteld(grondkoop, beslisser, django_capture_on_commit_callbacks)
    dictum = besluit.html.split('<ol class="dictum">')[1].split("</ol>")[0]
    assert "te weigeren;</li>" in dictum
    assert f"<li>de goedkeuring als bedoeld in {BW_3_43}" in dictum
    assert dictum.count("<li>") == 2
    assert "openbare veiling" not in besluit.html
    assert "verkoop in het openbaar" in besluit.html


def test_a_grant_grants_the_approval_with_it(
    grondkoop, behandelaar, beslisser, django_capture_on_commit_callbacks
):
    voorstellen(grondkoop, behandelaar, goedkeuring="verleend")
    besluit = vastgesteld(grondkoop, beslisser, django_capture_on_commit_callbacks)
    assert f"<li>u goedkeuring te verlenen als bedoeld in {BW_3_43}" in besluit.html


def test_the_province_approves_only_for_raadslid_wethouder_or_burgemeester(
    aanvrager, gemeente, behandelaar
):
    verzoek = in_toetsing(aanvrager, gemeente, behandelaar, ambt="gemeentesecretaris")
    beoordeel_alles(verzoek, behandelaar)
    assert "derde lid" in geweigerd_blijft(verzoek, goedkeuring="verleend")


def test_bw_3_43_alone_when_no_exemption_is_needed(
    aanvrager, gemeente, behandelaar, beslisser, django_capture_on_commit_callbacks
):
    """Selling one's own land is not prohibited; the approval is still decided."""
    verzoek = maak_concept(
        aanvrager=aanvrager,
        gemeente=gemeente,
        handeling="verkoop_onroerende_zaak_aan_overheid",
    )
    services.verzoek_indienen(user=aanvrager, verzoek=verzoek)
    services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=verzoek)
    feiten = verzoek.feiten()
    with pytest.raises(services.NietNu, match="3:43"):
        services.verzoek_kwalificeren(
            user=behandelaar, verzoek=verzoek, feiten=feiten, bw_3_43=True
        )
    assert Verzoek.objects.get(pk=verzoek.pk).status == Status.KWALIFICATIE
    services.verzoek_kwalificeren(
        user=behandelaar,
        verzoek=verzoek,
        feiten=feiten,
        bw_3_43=True,
        goedkeuring="verleend",
    )
    assert verzoek.voorstel_uitkomst == Uitkomst.GEEN_ONTHEFFING_VEREIST
    besluit = vastgesteld(verzoek, beslisser, django_capture_on_commit_callbacks)
    assert "geen ontheffing is vereist" in besluit.html
    assert f"<li>u goedkeuring te verlenen als bedoeld in {BW_3_43}" in besluit.html


# ----------------------------------------------------------------- zienswijze


def test_a_zienswijze_given_is_answered_in_the_letter(
    toetsing, behandelaar, beslisser, django_capture_on_commit_callbacks
):
    services.zienswijze_vragen(
        user=behandelaar,
        verzoek=toetsing,
        van=toetsing.naam,
        uiterlijk=timezone.localdate() + timedelta(days=14),
        toelichting="U was lid van de werkgroep.",
    )
    services.zienswijze_geven(
        user=toetsing.ingediend_door, verzoek=toetsing, tekst="Ik deed niet mee."
    )
    services.zienswijze_verwerken(
        user=behandelaar,
        verzoek=toetsing,
        samenvatting="U deed niet mee aan de gunning.",
    )
    beoordeel_alles(toetsing, behandelaar)
    assert "zienswijze" in geweigerd_blijft(toetsing)

    voorstellen(
        toetsing, behandelaar, zienswijze_reactie="Dat nemen wij aan; het telt mee."
    )
    html = vastgesteld(toetsing, beslisser, django_capture_on_commit_callbacks).html
    assert "(artikel 4:7 Algemene wet bestuursrecht)" in html
    assert "U deed niet mee aan de gunning." in html
    assert "Dat nemen wij aan; het telt mee." in html


# ------------------------------------------------------- wording, no engine text


def test_the_letter_uses_the_wording_set_at_proposal_and_the_original_stays(
    aanvrager, gemeente, behandelaar, beslisser, django_capture_on_commit_callbacks
):
    verzoek = in_toetsing(
        aanvrager,
        gemeente,
        behandelaar,
        relatie="eigen_rechtspersoon",
        via_wie="jansen schilders bv",
        wederpartij_naam="Gemeente arnhem",
        onderwerp="SCHILDERWERK",
    )
    beoordeel_alles(verzoek, behandelaar)
    voorstellen(
        verzoek,
        behandelaar,
        teksten={
            "wederpartij": "de gemeente Arnhem",
            "contractant": "Jansen Schilders B.V.",
        },
    )
    html = vastgesteld(verzoek, beslisser, django_capture_on_commit_callbacks).html
    assert (
        "voor het aangaan door Jansen Schilders B.V. van de overeenkomst met de "
        "gemeente Arnhem over SCHILDERWERK"
    ) in html
    verzoek.refresh_from_db()
    assert verzoek.wederpartij_naam == "Gemeente arnhem"
    assert verzoek.via_wie == "jansen schilders bv"


def test_no_sentence_of_the_engine_reaches_a_letter(
    toetsing, behandelaar, beslisser, django_capture_on_commit_callbacks
):
    uitleg = (
        toetsing.kwalificatie["toelichting"] + toetsing.kwalificatie["onzekerheden"]
    )
    assert uitleg
    beoordeel_alles(toetsing, behandelaar)
    voorstellen(toetsing, behandelaar)
    html = vastgesteld(toetsing, beslisser, django_capture_on_commit_callbacks).html
    for zin in uitleg:
        assert zin not in html
    assert toetsing.kwalificatie_motivering in html


# --------------------------------------------------------------- per office


KANTOREN = [
    # ambt, ground, power clause, words that must not be in the letter
    (
        "raadslid",
        "artikel 15, eerste lid, onder d, 1°, van de Gemeentewet",
        "artikel 15, tweede lid, van de Gemeentewet",
        [],
    ),
    (
        "wethouder",
        "in samenhang met artikel 41c",
        "(artikel 41c van de Gemeentewet)",
        ["zittingsperiode", "artikel 28"],
    ),
    (
        "rekenkamerlid",
        "in samenhang met artikel 81h",
        "artikel 81h van de Gemeentewet (bij een gemeenschappelijke rekenkamer: "
        "artikel 81m)",
        ["zittingsperiode", "artikel 28"],
    ),
    (
        "gemeentesecretaris",
        "artikel 15, eerste lid, onder d, 1°, van de Gemeentewet, in samenhang met "
        "artikel 101",
        "(artikel 101 van de Gemeentewet)",
        ["zittingsperiode", "106", "107d", "artikel 28"],
    ),
    (
        "griffier",
        "artikel 15, eerste lid, onder d, 1°, van de Gemeentewet, in samenhang met "
        "artikel 101",
        "(artikel 101 van de Gemeentewet)",
        ["zittingsperiode", "106", "107d", "artikel 28"],
    ),
    (
        "vervanger_secretaris",
        "in samenhang met de artikelen 101 en 106",
        "(artikel 101, in samenhang met artikel 106, van de Gemeentewet)",
        ["zittingsperiode", "107d", "artikel 28"],
    ),
    (
        "plaatsvervangend_griffier",
        "in samenhang met de artikelen 101 en 107d",
        "(artikel 101, in samenhang met artikel 107d, van de Gemeentewet)",
        ["zittingsperiode", "106", "artikel 28"],
    ),
    (
        "burgemeester",
        "artikel 15, eerste lid, onder d, 1°, van de Gemeentewet, in samenhang met "
        "artikel 69",
        "(artikel 69 van de Gemeentewet)",
        [
            "artikel 69, eerste lid, onder d",
            "artikel 69, onder",
            "aan Gedeputeerde Staten",
            "artikel 28",
        ],
    ),
    (
        "ab_lid_waterschap",
        "artikel 33, eerste lid, onder d, 1°, van de Waterschapswet",
        "(artikel 33 van de Waterschapswet)",
        ["Gemeentewet"],
    ),
    (
        "db_lid_waterschap_extern",
        "in samenhang met artikel 45",
        "(artikel 45, in samenhang met artikel 33, van de Waterschapswet)",
        ["zittingsperiode", "Gemeentewet"],
    ),
    (
        "bestuurslid_gr",
        "artikel 20, eerste lid, onder c, 1°, van de Wet gemeenschappelijke regelingen",
        "(artikel 20, tweede lid, van de Wet gemeenschappelijke regelingen)",
        ["onder d", "zittingsperiode", "Gemeentewet"],
    ),
]


@pytest.mark.parametrize(("ambt", "grond", "bevoegdheid", "nooit"), KANTOREN)
def test_each_office_gets_its_ground_power_clause_and_fitting_voorschriften(
    aanvrager, gemeente, behandelaar, ambt, grond, bevoegdheid, nooit
):
    verzoek = maak_concept(aanvrager=aanvrager, gemeente=gemeente, ambt=ambt)
    onderdeel = "c1" if ambt == "bestuurslid_gr" else "d1"
    orgaan = "cdk" if ambt == "burgemeester" else "gs"
    Verzoek.objects.filter(pk=verzoek.pk).update(
        kwalificatie={
            "uitkomst": kw.Uitkomst.VERBODEN_ONTHEFFBAAR,
            "onderdeel": onderdeel,
        },
        kwalificatie_motivering="U gaat de overeenkomst zelf aan.",
        voorstel_uitkomst=Uitkomst.VERLEEND,
        bestuursorgaan=orgaan,
    )
    verzoek.refresh_from_db()
    verzoek.voorstel_voorschriften = inhoud.standaardvoorschriften(verzoek, None)
    html = inhoud.concept(verzoek)

    assert grond in html
    assert bevoegdheid in html
    assert "U gaat de overeenkomst zelf aan." in html
    for woord in nooit:
        assert woord not in html
    assert "het verbod van ." not in html


# ------------------------------------------------------------- 4:5 and afschrift


def test_the_request_for_completion_is_a_dated_letter_kept_and_attached(
    ingediend, behandelaar, django_capture_on_commit_callbacks
):
    einde = timezone.localdate() + timedelta(days=14)
    with django_capture_on_commit_callbacks(execute=True):
        services.aanvulling_vragen(
            user=behandelaar,
            verzoek=ingediend,
            ontbrekend=["de offerte"],
            toelichting="Zonder offerte weten wij de prijs niet.",
            hersteltermijn_einde=einde,
        )
    brief = ingediend.besluiten.get()
    assert brief.soort == "aanvulling"
    assert brief.datum == timezone.localdate()
    assert bytes(brief.pdf).startswith(b"%PDF")
    assert "<li>de offerte</li>" in brief.html
    assert "artikel 4:5 Algemene wet bestuursrecht" in brief.html
    assert "Bezwaar maken" not in brief.html
    bericht = mail.outbox[-1]
    assert [naam for naam, _, _ in bericht.attachments] == [brief.bestandsnaam]


@pytest.mark.parametrize(
    ("uitkomst", "afschrift"), [(Uitkomst.VERLEEND, True), (Uitkomst.GEWEIGERD, False)]
)
def test_a_copy_goes_and_is_mentioned_only_for_the_outcomes_the_province_chose(
    toetsing, behandelaar, beslisser, django_capture_on_commit_callbacks,
    uitkomst, afschrift,
):  # fmt: skip
    provincie = toetsing.provincie
    provincie.afschrift_aan = "de griffier van de gemeente Arnhem"
    provincie.afschrift_emails = "griffie@arnhem.example"
    provincie.afschrift_uitkomsten = [Uitkomst.VERLEEND]
    provincie.save()
    beoordeel_alles(
        toetsing, behandelaar, "voldaan" if afschrift else Oordeel.NIET_VOLDAAN
    )
    voorstellen(toetsing, behandelaar, uitkomst=uitkomst)
    mail.outbox.clear()
    besluit = vastgesteld(toetsing, beslisser, django_capture_on_commit_callbacks)

    aan_griffie = [m for m in mail.outbox if m.to == ["griffie@arnhem.example"]]
    assert bool(aan_griffie) is afschrift
    assert ("Een afschrift van deze brief is gestuurd aan" in besluit.html) is afschrift


def test_no_copy_is_mentioned_when_no_address_is_configured(
    toetsing, behandelaar, beslisser, django_capture_on_commit_callbacks
):
    provincie = toetsing.provincie
    provincie.afschrift_aan = "de griffier van de gemeente Arnhem"
    provincie.afschrift_emails = ""
    provincie.afschrift_uitkomsten = [Uitkomst.VERLEEND]
    provincie.save()
    beoordeel_alles(toetsing, behandelaar)
    voorstellen(toetsing, behandelaar)
    besluit = vastgesteld(toetsing, beslisser, django_capture_on_commit_callbacks)
    assert "afschrift" not in besluit.html.lower()


# ------------------------------------------------------------------ the pages


def test_the_qualification_page_decides_bw_3_43_alone_or_says_why_not(
    client, aanvrager, gemeente, behandelaar
):
    from django.urls import reverse

    verzoek = maak_concept(
        aanvrager=aanvrager,
        gemeente=gemeente,
        handeling="verkoop_onroerende_zaak_aan_overheid",
    )
    services.verzoek_indienen(user=aanvrager, verzoek=verzoek)
    services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=verzoek)
    inloggen(client, behandelaar)
    pagina = reverse("provincie:kwalificatie", args=[verzoek.pk])
    data = kwalificatie_post(
        verzoek,
        handeling="verkoop_onroerende_zaak_aan_overheid",
        uitkomst="niet_verboden",
        bw_3_43="on",
    )

    html = client.post(pagina, data).content.decode()
    assert "Beslis ook over de goedkeuring" in html
    assert re.search(r'name="bw_3_43"[^>]*checked', html)  # nothing typed is lost
    assert Verzoek.objects.get(pk=verzoek.pk).status == Status.KWALIFICATIE

    response = client.post(pagina, data | {"goedkeuring": "verleend"})
    assert response.status_code == 302
    verzoek.refresh_from_db()
    assert verzoek.status == Status.TER_BESLUITVORMING
    assert verzoek.voorstel_goedkeuring == "verleend"


def test_the_proposal_form_reaches_the_service_and_keeps_the_input_on_refusal(
    client, toetsing, behandelaar
):
    from django.urls import reverse

    beoordeel_alles(toetsing, behandelaar)
    inloggen(client, behandelaar)
    pagina = reverse("provincie:toetsing", args=[toetsing.pk])
    criteria = {
        f"c-{c.code}-{veld}": waarde
        for c in criteria_voor(toetsing)
        for veld, waarde in (("oordeel", "voldaan"), ("motivering", "Klopt."))
    }
    data = criteria | {
        "uitkomst": Uitkomst.GEDEELTELIJK_VERLEEND,
        "motivering": "Per onderdeel.",
        "onderdeel_1_omschrijving": "de opdracht van 2027",
        "onderdeel_1_besluit": "verleend",
        "onderdeel_1_motivering": "Concreet.",
        "voorstellen": "1",
    }
    html = client.post(pagina, data).content.decode()
    assert "ten minste twee onderdelen" in html
    assert "de opdracht van 2027" in html

    data |= {
        "onderdeel_2_omschrijving": "latere opdrachten",
        "onderdeel_2_besluit": "geweigerd",
        "onderdeel_2_motivering": "Niet concreet.",
        "tekst_wederpartij": "de gemeente Arnhem",
    }
    assert client.post(pagina, data).status_code == 302
    toetsing.refresh_from_db()
    assert toetsing.voorstel_uitkomst == Uitkomst.GEDEELTELIJK_VERLEEND
    assert [o["verleend"] for o in toetsing.voorstel_onderdelen] == [True, False]
    assert toetsing.voorstel_teksten["wederpartij"] == "de gemeente Arnhem"


def test_the_applicant_sees_the_request_for_completion_as_what_it_is(
    client, ingediend, behandelaar
):
    from django.urls import reverse

    services.aanvulling_vragen(
        user=behandelaar,
        verzoek=ingediend,
        ontbrekend=["de offerte"],
        toelichting="",
        hersteltermijn_einde=timezone.localdate() + timedelta(days=14),
    )
    inloggen(client, ingediend.ingediend_door)
    html = client.get(
        reverse("aanvrager:verzoek", args=[ingediend.pk])
    ).content.decode()
    assert "Download het verzoek om aanvulling van" in html
    assert "Download het besluit" not in html
