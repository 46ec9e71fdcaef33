"""A third party's view (zienswijze, artikel 4:8 Awb): asked by a dated letter
through the outbox or by post, recorded as text or a document, and answered in
the decision; the applicant's portal shows neither the letter nor the view."""

from datetime import timedelta

import pytest
from django.urls import reverse

from ontheffing import services
from ontheffing.brieven.opmaak import render_html
from ontheffing.brieven.voorbeelden import voorbeelden
from ontheffing.models import Bericht, Bijlage, Derde, Gebeurtenis
from ontheffing.states import Actie, Rol, Status
from tests.factories import (
    beoordeel_alles,
    inloggen,
    maak_gebruiker,
    naar_toetsing,
    pdf_upload,
    vandaag,
)

pytestmark = pytest.mark.django_db

WAAROVER = (
    "U pacht het weiland nu van de gemeente. Volgens de aanvraag heeft u de pacht "
    "opgezegd; daarop willen wij het besluit mede baseren."
)
ZIENSWIJZE = "Ik heb de pacht niet opgezegd; ik wil het weiland blijven pachten."


@pytest.fixture
def toetsing(ingediend, behandelaar):
    return naar_toetsing(ingediend, behandelaar)


def vraag(verzoek, behandelaar, **velden):
    gegevens = {
        "naam": "P. de Boer",
        "aanspreekvorm": "heer",
        "email": "p.deboer@example.nl",
        "postadres": "Schaapsdrift 40\n6816 RB Arnhem",
        "uiterlijk": vandaag() + timedelta(days=14),
        "toelichting": WAAROVER,
    } | velden
    return services.zienswijze_derde_vragen(
        user=behandelaar, verzoek=verzoek, **gegevens
    )


@pytest.fixture
def gevraagd(toetsing, behandelaar):
    return vraag(toetsing, behandelaar)


def test_asking_sends_a_dated_letter_to_the_third_party(gevraagd, toetsing):
    toetsing.refresh_from_db()
    assert toetsing.status == Status.ZIENSWIJZE_GEVRAAGD
    assert toetsing.zienswijze_van == "P. de Boer"
    brief = gevraagd.brief
    assert brief.soort == "zienswijze_derde"
    assert brief.datum == vandaag()
    html = brief.html
    assert "De heer P. de Boer<br>Schaapsdrift 40<br>6816 RB Arnhem" in html
    assert "Geachte heer De Boer," in html
    assert "artikel 4:8, eerste lid, Algemene wet bestuursrecht" in html
    assert "artikel 4:9 Algemene wet bestuursrecht" in html
    assert WAAROVER in html
    assert "een aanvraag ontvangen van de heer Jan Jansen" in html
    assert "Bezwaar maken" not in html  # a request, not a decision
    assert "Uw aanvraag van" not in html  # it is not theirs
    (aan_derde,) = Bericht.objects.filter(soort="zienswijze_derde")
    assert aan_derde.aan == ["p.deboer@example.nl"]
    assert aan_derde.besluit == brief  # the letter goes as its PDF
    assert aan_derde.bekendmaking
    (aan_aanvrager,) = Bericht.objects.filter(soort="zienswijze_gevraagd")
    assert toetsing.email in aan_aanvrager.aan
    assert "P. de Boer" in aan_aanvrager.tekst
    (gebeurtenis,) = Gebeurtenis.objects.filter(
        verzoek=toetsing, actie=Actie.ZIENSWIJZE_VRAGEN
    )
    assert gebeurtenis.naar_status == Status.ZIENSWIJZE_GEVRAAGD
    assert gebeurtenis.details["derde"] == "P. de Boer"
    assert gebeurtenis.details["verzending"] == "email"


def test_without_e_mail_the_letter_is_for_the_post(toetsing, behandelaar):
    derde = vraag(toetsing, behandelaar, email="", aanspreekvorm="")
    assert derde.verzending == "post"
    assert not Bericht.objects.filter(soort="zienswijze_derde").exists()
    assert "Geachte heer/mevrouw," in derde.brief.html
    gebeurtenis = Gebeurtenis.objects.get(actie=Actie.ZIENSWIJZE_VRAGEN)
    assert gebeurtenis.details["verzending"] == "post"
    assert gebeurtenis.details["aan"] == "Schaapsdrift 40"


def test_a_second_third_party_while_views_are_asked(gevraagd, toetsing, behandelaar):
    tweede = vraag(
        toetsing, behandelaar, naam="Buurtvereniging Zuid", email="bv@example.nl"
    )
    toetsing.refresh_from_db()
    assert toetsing.status == Status.ZIENSWIJZE_GEVRAAGD
    assert list(toetsing.derden.all()) == [gevraagd, tweede]
    assert tweede.brief != gevraagd.brief
    laatste = Gebeurtenis.objects.filter(actie=Actie.ZIENSWIJZE_VRAGEN).last()
    assert laatste.van_status == laatste.naar_status == Status.ZIENSWIJZE_GEVRAAGD


@pytest.mark.parametrize(
    ("velden", "melding"),
    [
        pytest.param({"naam": " "}, "Vul de naam in", id="geen-naam"),
        pytest.param({"email": "", "postadres": ""}, "e-mailadres of een postadres",
                     id="geen-adres"),
        pytest.param({"email": "geen-adres"}, "geen geldig e-mailadres", id="ongeldig"),
        pytest.param({"email": "jan.jansen@example.nl"}, "adres van de aanvrager",
                     id="de-aanvrager"),
        pytest.param({"uiterlijk": vandaag()}, "na vandaag", id="vandaag"),
        pytest.param({"toelichting": ""}, "Beschrijf waarover", id="geen-toelichting"),
        pytest.param({"aanspreekvorm": "dr."}, "Kies de aanhef", id="aanhef"),
    ],
)  # fmt: skip
def test_asking_is_refused_without_what_the_letter_needs(
    toetsing, behandelaar, velden, melding
):
    with pytest.raises(services.NietNu, match=melding):
        vraag(toetsing, behandelaar, **velden)
    toetsing.refresh_from_db()
    assert toetsing.status == Status.TOETSING
    assert not Derde.objects.exists()
    assert not toetsing.besluiten.exists()
    assert not Bericht.objects.filter(soort="zienswijze_derde").exists()


def test_only_a_behandelaar_of_the_province_in_the_assessment(
    ingediend, toetsing, vreemde_behandelaar, beslisser
):
    for user in (vreemde_behandelaar, beslisser, toetsing.ingediend_door):
        with pytest.raises(services.GeenToegang):
            vraag(toetsing, user)
    assert not Derde.objects.exists()


def test_not_before_the_assessment(ingediend, behandelaar):
    with pytest.raises(services.NietNu, match="stap toetsing"):
        vraag(ingediend, behandelaar)


# --- the view comes in --------------------------------------------------------


def test_the_view_is_recorded_as_text_with_an_internal_event(gevraagd, behandelaar):
    derde = services.zienswijze_derde_vastleggen(
        user=behandelaar,
        verzoek=gevraagd.verzoek,
        derde=gevraagd,
        ontvangen_op=vandaag(),
        tekst=ZIENSWIJZE,
    )
    assert derde.zienswijze == ZIENSWIJZE
    assert derde.ontvangen_op == vandaag()
    assert derde.vastgelegd_door == behandelaar
    assert derde.bijlage is None
    (gebeurtenis,) = Gebeurtenis.objects.filter(actie=Actie.ZIENSWIJZE_DERDE_ONTVANGEN)
    assert gebeurtenis.intern
    assert gebeurtenis.reden == ZIENSWIJZE
    assert gebeurtenis.details["derde"] == "P. de Boer"


def test_the_view_is_recorded_as_a_document_on_the_case(gevraagd, behandelaar):
    derde = services.zienswijze_derde_vastleggen(
        user=behandelaar,
        verzoek=gevraagd.verzoek,
        derde=gevraagd,
        ontvangen_op=vandaag() - timedelta(days=0),
        bestand=pdf_upload("zienswijze-de-boer.pdf"),
    )
    bijlage = Bijlage.objects.get(verzoek=gevraagd.verzoek, soort="zienswijze")
    assert derde.bijlage == bijlage
    assert bijlage.geupload_door == behandelaar
    assert bijlage.bestandsnaam == "zienswijze-de-boer.pdf"
    gebeurtenis = Gebeurtenis.objects.get(actie=Actie.ZIENSWIJZE_DERDE_ONTVANGEN)
    assert gebeurtenis.details["document"] == "zienswijze-de-boer.pdf"


@pytest.mark.parametrize(
    ("velden", "melding"),
    [
        pytest.param({"tekst": "  "}, "Schrijf de zienswijze over", id="leeg"),
        pytest.param({"ontvangen_op": vandaag() + timedelta(days=1)}, "toekomst",
                     id="toekomst"),
        pytest.param({"ontvangen_op": vandaag() - timedelta(days=1)},
                     "vóór zij werd gevraagd", id="voor-de-vraag"),
        pytest.param({"bestand": pdf_upload("a.zip", b"PK\x03\x04xx")},
                     "niet toegevoegd", id="ongeldig-document"),
    ],
)  # fmt: skip
def test_recording_is_refused_without_a_valid_view(
    gevraagd, behandelaar, velden, melding
):
    gegevens = {"tekst": ZIENSWIJZE, "ontvangen_op": vandaag()} | velden
    with pytest.raises(services.NietNu, match=melding):
        services.zienswijze_derde_vastleggen(
            user=behandelaar, verzoek=gevraagd.verzoek, derde=gevraagd, **gegevens
        )
    gevraagd.refresh_from_db()
    assert not gevraagd.heeft_gereageerd
    assert not Bijlage.objects.filter(soort="zienswijze").exists()
    assert not Gebeurtenis.objects.filter(
        actie=Actie.ZIENSWIJZE_DERDE_ONTVANGEN
    ).exists()


def test_recorded_once_for_this_case_and_only_while_views_are_asked(
    gevraagd, behandelaar, ingediend
):
    vastleggen = services.zienswijze_derde_vastleggen
    vastleggen(
        user=behandelaar,
        verzoek=gevraagd.verzoek,
        derde=gevraagd,
        ontvangen_op=vandaag(),
        tekst=ZIENSWIJZE,
    )
    with pytest.raises(services.NietNu, match="al vastgelegd"):
        vastleggen(
            user=behandelaar,
            verzoek=gevraagd.verzoek,
            derde=gevraagd,
            ontvangen_op=vandaag(),
            tekst="Nog iets.",
        )
    ander = maak_gebruiker(Rol.AANVRAGER)
    with pytest.raises(services.GeenToegang):
        vastleggen(
            user=ander,
            verzoek=gevraagd.verzoek,
            derde=gevraagd,
            ontvangen_op=vandaag(),
            tekst="x",
        )
    tweede = vraag(gevraagd.verzoek, behandelaar, naam="Buurtvereniging Zuid")
    services.zienswijze_verwerken(
        user=behandelaar, verzoek=gevraagd.verzoek, samenvatting="Verwerkt."
    )
    with pytest.raises(services.NietNu, match="geen zienswijze gevraagd"):
        vastleggen(
            user=behandelaar,
            verzoek=gevraagd.verzoek,
            derde=tweede,
            ontvangen_op=vandaag(),
            tekst="Te laat.",
        )


# --- the decision answers it ---------------------------------------------------


@pytest.fixture
def verwerkt(gevraagd, behandelaar):
    verzoek = gevraagd.verzoek
    services.zienswijze_derde_vastleggen(
        user=behandelaar,
        verzoek=verzoek,
        derde=gevraagd,
        ontvangen_op=vandaag(),
        tekst=ZIENSWIJZE,
    )
    services.zienswijze_verwerken(
        user=behandelaar,
        verzoek=verzoek,
        samenvatting="De heer De Boer heeft de pacht niet opgezegd.",
    )
    verzoek.refresh_from_db()
    beoordeel_alles(verzoek, behandelaar)
    return verzoek


def stel_voor(verzoek, behandelaar, **extra):
    return services.besluit_voorstellen(
        user=behandelaar,
        verzoek=verzoek,
        uitkomst="geweigerd",
        motivering="Het weiland komt niet vrij.",
        voorschriften=[],
        afwijking="De pacht loopt door; daarom weigeren wij.",
        **extra,
    )


def test_a_proposal_that_ignores_the_third_partys_view_is_refused(
    verwerkt, behandelaar
):
    with pytest.raises(services.NietNu, match="zienswijze gegeven"):
        stel_voor(verwerkt, behandelaar)
    verwerkt.refresh_from_db()
    assert verwerkt.status == Status.TOETSING


def test_the_decision_mentions_and_answers_the_third_partys_view(
    verwerkt, behandelaar, beslisser
):
    stel_voor(
        verwerkt,
        behandelaar,
        zienswijze_reactie="Wij volgen de heer De Boer: de pacht loopt door.",
    )
    besluit = services.besluit_vaststellen(user=beslisser, verzoek=verwerkt)
    html = besluit.html
    assert (
        "De heer P. de Boer heeft over het voorgenomen besluit een zienswijze naar "
        "voren gebracht (artikel 4:8 Algemene wet bestuursrecht)"
    ) in html
    assert "De heer De Boer heeft de pacht niet opgezegd." in html
    assert "Wij volgen de heer De Boer: de pacht loopt door." in html
    assert "artikel 4:7" not in html  # the applicant gave none
    # A belanghebbende: the decision goes to the third party too (Awb 3:41).
    assert "<li>de heer P. de Boer (belanghebbende)</li>" in html
    (aan_derde,) = Bericht.objects.filter(soort="besluit_derde")
    assert aan_derde.aan == ["p.deboer@example.nl"]
    assert aan_derde.besluit == besluit
    assert "wat met uw zienswijze is gedaan" in aan_derde.tekst


# --- the applicant's portal ------------------------------------------------------


def test_the_applicant_sees_neither_the_letter_nor_the_view(
    client, gevraagd, behandelaar
):
    verzoek = gevraagd.verzoek
    services.zienswijze_derde_vastleggen(
        user=behandelaar,
        verzoek=verzoek,
        derde=gevraagd,
        ontvangen_op=vandaag(),
        bestand=pdf_upload("zienswijze-de-boer.pdf"),
        tekst=ZIENSWIJZE,
    )
    inloggen(client, verzoek.ingediend_door)
    html = client.get(reverse("aanvrager:verzoek", args=[verzoek.pk])).content.decode()
    assert "zienswijze-de-boer.pdf" not in html
    assert ZIENSWIJZE not in html
    assert "verzoek-om-zienswijze" not in html
    brief = client.get(reverse("besluit", args=[verzoek.pk, gevraagd.brief.pk]))
    assert brief.status_code == 404
    bijlage = client.get(reverse("bijlage", args=[verzoek.pk, gevraagd.bijlage_id]))
    assert bijlage.status_code == 404
    inloggen(client, behandelaar)
    assert (
        client.get(reverse("besluit", args=[verzoek.pk, gevraagd.brief.pk])).status_code
        == 200
    )


# --- the letter as a reader gets it ----------------------------------------------


def test_sample_request_letter_speaks_to_the_third_party():
    html = render_html(voorbeelden()["zienswijze-derde"])
    assert "Geachte heer De Boer," in html
    assert "De heer P. de Boer<br>Schaapsdrift 40<br>6816 RB Arnhem" in html
    assert "uiterlijk op <strong>21 april 2026</strong>" in html
    assert "schriftelijk of mondeling" in html
    assert "(€ 1.150,00 per hectare per jaar)" in html
    assert "Deze brief is geen besluit" in html
    assert "Deze brief is onder mandaat ondertekend (artikelen 10:10 en 10:12" in html
    assert "Dit besluit is onder mandaat genomen" not in html
