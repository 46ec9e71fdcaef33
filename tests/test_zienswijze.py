"""The applicant's view (zienswijze, Awb 4:7): asked by the behandelaar, given
through the portal, seen by the behandelaar who processes it."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from ontheffing import services
from ontheffing.models import Bijlage, Gebeurtenis
from ontheffing.states import Actie, Status
from tests.factories import inloggen, maak_gebruiker, pdf_upload

pytestmark = pytest.mark.django_db

WAAROVER = (
    "Uit het handelsregister blijkt dat u aandeelhouder bent van het bouwbedrijf."
)


@pytest.fixture
def gevraagd(ingediend, behandelaar, django_capture_on_commit_callbacks):
    services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=ingediend)
    services.verzoek_kwalificeren(
        user=behandelaar, verzoek=ingediend, feiten=ingediend.feiten()
    )
    assert ingediend.status == Status.TOETSING
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.zienswijze_vragen(
            user=behandelaar,
            verzoek=ingediend,
            van="Jan Jansen",
            uiterlijk=timezone.localdate() + timedelta(days=14),
            toelichting=WAAROVER,
        )
    return ingediend


@pytest.fixture
def ingelogd(client, aanvrager):
    inloggen(client, aanvrager)
    return client


def url(naam, verzoek):
    return reverse(naam, args=[verzoek.pk])


def gegeven(verzoek):
    return Gebeurtenis.objects.filter(verzoek=verzoek, actie=Actie.ZIENSWIJZE_GEVEN)


def test_asking_for_a_view_mails_the_applicant(gevraagd):
    (bericht,) = mail.outbox
    assert bericht.subject == f"Wij vragen om een zienswijze ({gevraagd.kenmerk})"
    assert bericht.to == [gevraagd.ingediend_door.email, gevraagd.email]
    assert WAAROVER in bericht.body
    assert "artikel 4:7 of 4:8" in bericht.body
    assert url("aanvrager:verzoek", gevraagd) in bericht.body


def test_applicant_gives_a_view_with_a_document(
    ingelogd, gevraagd, behandelaar, django_capture_on_commit_callbacks
):
    html = ingelogd.get(url("aanvrager:verzoek", gevraagd)).content.decode()
    assert "De provincie vraagt om een zienswijze" in html
    assert WAAROVER in html
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = ingelogd.post(
            url("aanvrager:zienswijze", gevraagd),
            {
                "antwoord": "Ik heb die aandelen in 2025 verkocht.",
                "bestand": pdf_upload(),
            },
        )

    assert response.status_code == 302
    gevraagd.refresh_from_db()
    assert gevraagd.status == Status.ZIENSWIJZE_GEVRAAGD  # the behandelaar processes it
    (gebeurtenis,) = gegeven(gevraagd)
    assert gebeurtenis.reden == "Ik heb die aandelen in 2025 verkocht."
    assert not gebeurtenis.intern
    assert gebeurtenis.actor == gevraagd.ingediend_door
    assert Bijlage.objects.filter(verzoek=gevraagd, soort="zienswijze").count() == 1
    (bericht,) = mail.outbox
    assert bericht.to == [behandelaar.email]
    assert bericht.subject == f"Zienswijze ontvangen ({gevraagd.kenmerk})"
    html = ingelogd.get(url("aanvrager:verzoek", gevraagd)).content.decode()
    assert "Ik heb die aandelen in 2025 verkocht." in html  # in the history


def test_behandelaar_sees_the_view_where_it_is_processed(client, gevraagd, behandelaar):
    services.zienswijze_geven(
        user=gevraagd.ingediend_door, verzoek=gevraagd, tekst="Niet meer betrokken."
    )
    inloggen(client, behandelaar)
    html = client.get(url("provincie:verzoek", gevraagd)).content.decode()
    assert "De aanvrager gaf via het portaal" in html
    assert "Niet meer betrokken." in html


def test_an_empty_view_gets_a_message_and_records_nothing(ingelogd, gevraagd):
    response = ingelogd.post(url("aanvrager:zienswijze", gevraagd), {"antwoord": "  "})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Schrijf uw zienswijze of voeg een document toe" in html
    assert "Er is iets niet goed ingevuld" in html  # the summary's own heading
    assert not gegeven(gevraagd).exists()


def test_a_refused_document_keeps_the_text(ingelogd, gevraagd):
    response = ingelogd.post(
        url("aanvrager:zienswijze", gevraagd),
        {"antwoord": "Mijn uitleg", "bestand": pdf_upload("a.zip", b"PK\x03\x04xx")},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Mijn uitleg" in html
    assert "niet toegevoegd" in html
    assert not gegeven(gevraagd).exists()
    assert not Bijlage.objects.filter(verzoek=gevraagd, soort="zienswijze").exists()


def test_no_view_when_none_is_asked(ingelogd, ingediend):
    response = ingelogd.post(
        url("aanvrager:zienswijze", ingediend), {"antwoord": "x"}, follow=True
    )
    assert "geen zienswijze gevraagd" in response.content.decode()
    assert not gegeven(ingediend).exists()


def test_a_view_after_processing_is_refused_even_from_a_stale_page(
    gevraagd, behandelaar
):
    verouderd = type(gevraagd).objects.get(pk=gevraagd.pk)
    services.zienswijze_verwerken(
        user=behandelaar, verzoek=gevraagd, samenvatting="Geen zienswijze ontvangen."
    )
    assert verouderd.status == Status.ZIENSWIJZE_GEVRAAGD  # what the applicant saw
    with pytest.raises(services.NietNu, match="geen zienswijze gevraagd"):
        services.zienswijze_geven(
            user=verouderd.ingediend_door, verzoek=verouderd, tekst="Te laat."
        )
    assert not gegeven(gevraagd).exists()


def test_only_the_applicant_gives_a_view(gevraagd, behandelaar, client):
    for user in (behandelaar, maak_gebruiker()):
        with pytest.raises(services.GeenToegang):
            services.zienswijze_geven(user=user, verzoek=gevraagd, tekst="Ik ook.")
    inloggen(client, maak_gebruiker())
    assert (
        client.post(
            url("aanvrager:zienswijze", gevraagd), {"antwoord": "x"}
        ).status_code
        == 404
    )
    inloggen(client, behandelaar)
    assert (
        client.post(
            url("aanvrager:zienswijze", gevraagd), {"antwoord": "x"}
        ).status_code
        == 403
    )
    assert not gegeven(gevraagd).exists()


def test_only_a_zienswijze_document_while_a_view_is_asked(gevraagd):
    with pytest.raises(services.NietNu, match="bij een zienswijze"):
        services.bijlage_toevoegen(
            user=gevraagd.ingediend_door,
            verzoek=gevraagd,
            bestand=pdf_upload(),
            soort="overeenkomst",
        )
