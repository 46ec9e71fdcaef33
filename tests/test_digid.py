"""DigiD for applicants: the whole SAML flow with the artifact binding against a
real identity provider (Debian's SimpleSAMLphp under PHP's built-in server on
loopback), through django-digid-eherkenning's SAML client."""

import logging
import os
import re
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.db import connection
from django.test import Client
from django.utils import timezone

from ontheffing.identiteit import digid
from ontheffing.models import Gebruiker, Inlogbron, Inlogkoppeling
from tests.factories import maak_gebruiker
from tests.idp.saml.proces import APP, SP_ENTITY_ID, SamlProvider, ontbreekt

BSN = "123456782"  # the test IdP's user "burger"

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="session")
def saml_idp(tmp_path_factory):
    reden = ontbreekt()
    if reden:
        if os.environ.get("REQUIRE_BROWSER") == "1" or os.environ.get("CI"):
            pytest.fail(f"DigiD-tests vereist, maar {reden}.")
        pytest.skip(f"DigiD-tests overgeslagen: {reden}.")
    provider = SamlProvider(tmp_path_factory.mktemp("saml-idp"))
    yield provider
    provider.stoppen()


@pytest.fixture
def idp(saml_idp, settings):
    settings.DIGID_ENTITY_ID = SP_ENTITY_ID
    settings.DIGID_BASE_URL = APP
    settings.DIGID_IDP_METADATA = str(saml_idp.metadata)
    settings.DIGID_IDP_ENTITY_ID = saml_idp.entity_id
    settings.DIGID_CERTIFICAAT = str(saml_idp.sp_certificaat)
    settings.DIGID_SLEUTEL = str(saml_idp.sp_sleutel)
    return saml_idp


def artefact(client, idp, gebruiker="burger", volgende="/mijn/"):
    pagina = client.get("/account/digid/inloggen/", {"next": volgende})
    assert pagina.status_code == 200
    return idp.inloggen(pagina.content.decode(), gebruiker)


def meldingen(antwoord) -> str:
    return " ".join(str(m) for m in antwoord.wsgi_request._messages)


def ingelogd(client) -> bool:
    return "_auth_user_id" in client.session


def eerste_keer(client, idp, email="burger@example.nl"):
    antwoord = client.get(artefact(client, idp))
    assert antwoord["Location"].startswith("/account/digid/account/")
    return client.post(
        "/account/digid/account/",
        {"naam": "Bas Burger", "email": email, "next": "/mijn/"},
    )


def test_a_first_log_in_asks_an_e_mail_address_and_makes_an_account_without_password(
    idp, client, django_capture_on_commit_callbacks
):
    antwoord = client.get(artefact(client, idp))
    assert antwoord["Location"] == "/account/digid/account/?next=/mijn/"
    assert not ingelogd(client)
    assert BSN not in str(dict(client.session.items()))

    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(
            "/account/digid/account/",
            {"naam": "Bas Burger", "email": "Burger@Example.nl", "next": "/mijn/"},
        )

    assert antwoord["Location"] == "/mijn/"
    gebruiker = Gebruiker.objects.get(email="burger@example.nl")
    assert not gebruiker.has_usable_password()
    assert not gebruiker.email_bevestigd
    assert [m.to for m in mail.outbox] == [["burger@example.nl"]]
    assert "bevestig" in mail.outbox[0].body.lower()
    koppeling = Inlogkoppeling.objects.get(gebruiker=gebruiker)
    assert koppeling.bron == Inlogbron.DIGID
    assert koppeling.sleutel == digid.bsn_sleutel(BSN)
    assert client.get("/mijn/").status_code == 200


def test_the_bsn_is_stored_nowhere_and_never_logged(idp, client, caplog):
    caplog.set_level(logging.DEBUG)
    eerste_keer(client, idp)
    with connection.cursor() as cursor:
        for tabel in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{tabel}"')  # noqa: S608
            assert BSN not in str(cursor.fetchall()), tabel
    assert BSN not in caplog.text
    assert BSN not in client.get("/account/").content.decode()


def test_the_next_log_in_goes_straight_to_the_account(idp, client):
    eerste_keer(client, idp)
    gebruiker = Gebruiker.objects.get(email="burger@example.nl")
    client.post("/account/uitloggen/")

    antwoord = client.get(artefact(client, idp))

    assert antwoord["Location"] == "/mijn/"
    assert client.session["_auth_user_id"] == str(gebruiker.pk)
    assert Gebruiker.objects.count() == 1


def test_cancelling_at_digid_logs_nobody_in(idp, client):
    antwoord = client.get(artefact(client, idp, gebruiker="annuleren"))
    assert antwoord["Location"] == "/account/inloggen/"
    assert "geannuleerd" in meldingen(antwoord)
    assert not ingelogd(client)
    assert not Gebruiker.objects.exists()


def test_a_response_for_another_request_is_refused(idp, client):
    ander = Client()
    terug = artefact(ander, idp)
    client.get("/account/digid/inloggen/")  # this session's own request

    antwoord = client.get(terug)

    assert antwoord["Location"] == "/account/inloggen/"
    assert "niet gelukt" in meldingen(antwoord)
    assert not ingelogd(client)
    assert digid.NIEUW_SESSION_KEY not in client.session


def test_an_artifact_works_once(idp, client):
    terug = artefact(client, idp)
    assert client.get(terug)["Location"].startswith("/account/digid/account/")
    client.session.flush()
    vers = Client()
    vers.get("/account/digid/inloggen/")
    assert vers.get(terug)["Location"] == "/account/inloggen/"


def test_the_session_ends_after_fifteen_idle_minutes(idp, client, settings):
    assert settings.DIGID_SESSIEDUUR == 15 * 60
    eerste_keer(client, idp)
    assert client.session.get_expiry_age() == 15 * 60
    sessie = Session.objects.get(session_key=client.session.session_key)
    sessie.expire_date = timezone.now() + timedelta(minutes=1)
    sessie.save()

    client.get("/mijn/")  # activity moves the end forward
    sessie.refresh_from_db()
    assert sessie.expire_date > timezone.now() + timedelta(minutes=14)

    sessie.expire_date = timezone.now() - timedelta(seconds=1)
    sessie.save()
    assert client.get("/mijn/")["Location"].startswith("/account/inloggen/")


def test_an_address_of_another_account_is_refused(idp, client):
    bestaand = maak_gebruiker()
    antwoord = eerste_keer(client, idp, email=bestaand.email)
    assert antwoord.status_code == 200
    assert "Er is al een account met dit e-mailadres" in antwoord.content.decode()
    assert not Inlogkoppeling.objects.exists()
    assert not ingelogd(client)


def test_the_log_in_page_offers_digid_only_when_configured(idp, client, settings):
    assert "Inloggen met DigiD" in client.get("/account/inloggen/").content.decode()
    settings.DIGID_ENTITY_ID = ""
    assert "Inloggen met DigiD" not in client.get("/account/inloggen/").content.decode()
    for pad in ("inloggen", "acs", "account", "metadata"):
        assert client.get(f"/account/digid/{pad}/").status_code == 404


def test_the_service_provider_metadata_for_logius(idp, client):
    antwoord = client.get("/account/digid/metadata/")
    xml = antwoord.content.decode()
    assert antwoord["Content-Type"] == "application/xml"
    assert f'entityID="{SP_ENTITY_ID}"' in xml
    assert re.search(
        r"bindings:HTTP-Artifact\"\s+Location=\"http://localhost/account/digid/acs/",
        xml,
    )
    assert "<ds:Signature" in xml
