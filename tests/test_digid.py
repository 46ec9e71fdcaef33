"""DigiD for applicants: the whole SAML flow with the artifact binding against a
real identity provider (Debian's SimpleSAMLphp under PHP's built-in server on
loopback), through django-digid-eherkenning's SAML client."""

import base64
import json
import logging
import os
import re
from datetime import timedelta

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.contrib.sessions.models import Session
from django.core import mail
from django.db import connection
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from ontheffing.identiteit import digid
from ontheffing.logboek import JsonFormatter
from ontheffing.models import Gebruiker, Inlogbron, Inlogkoppeling
from ontheffing.states import Actie, Rol
from tests.factories import inloggen, maak_concept, maak_gebruiker
from tests.idp.saml.proces import APP, SP_ENTITY_ID, SamlProvider, ontbreekt

BSN = "123456782"  # the test IdP's user "burger"
# The test IdP's users and their levels (tests/idp/saml/authsources.php).
BSN_VAN = {"basis": "100000009", "hoog": "100000010", "zonder": "100000022"}
BASIS = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"
MIDDEN = "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract"
SUBSTANTIEEL = "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard"
HOOG = "urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI"

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


def link_uit(bericht) -> str:
    return re.search(r"http://\S+/account/digid/bevestigen/\S+/", bericht.body)[0]


def aanmaken(client, email, naam="Bas Burger"):
    return client.post(
        "/account/digid/account/",
        {"actie": "aanmaken", "naam": naam, "email": email, "next": "/mijn/"},
    )


def eerste_keer(client, idp, email="burger@example.nl"):
    """A first DigiD log-in that makes an account through the e-mailed link."""
    antwoord = client.get(artefact(client, idp))
    assert antwoord["Location"].startswith("/account/digid/account/")
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        aanmaken(client, email)
    link = link_uit(mail.outbox[-1])
    return client.post(link)


def test_a_first_log_in_makes_an_account_without_password_through_the_emailed_link(
    idp, client, django_capture_on_commit_callbacks
):
    antwoord = client.get(artefact(client, idp))
    assert antwoord["Location"] == "/account/digid/account/?next=/mijn/"
    assert not ingelogd(client)
    assert BSN not in str(dict(client.session.items()))

    with django_capture_on_commit_callbacks(execute=True):
        antwoord = aanmaken(client, "Burger@Example.nl")

    assert antwoord.status_code == 200
    assert "Wij hebben een e-mail gestuurd naar burger@example.nl" in (
        antwoord.content.decode()
    )
    assert not Gebruiker.objects.exists(), "only the link makes the account"
    assert [m.to for m in mail.outbox] == [["burger@example.nl"]]
    assert "uw account aan te maken" in mail.outbox[0].body
    link = link_uit(mail.outbox[0])

    pagina = client.get(link)
    assert pagina.status_code == 200
    assert not Gebruiker.objects.exists(), "opening the link changes nothing"
    antwoord = client.post(link)

    assert antwoord["Location"] == "/mijn/"
    gebruiker = Gebruiker.objects.get(email="burger@example.nl")
    assert not gebruiker.has_usable_password()
    assert gebruiker.email_bevestigd
    koppeling = Inlogkoppeling.objects.get(gebruiker=gebruiker)
    assert koppeling.bron == Inlogbron.DIGID
    assert koppeling.sleutel == digid.bsn_sleutel(BSN)
    assert client.session["_auth_user_id"] == str(gebruiker.pk)
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


WACHTWOORD = "geheim-wachtwoord-123"  # tests.factories.maak_gebruiker's


def koppelen(client, email, wachtwoord=WACHTWOORD):
    return client.post(
        "/account/digid/account/",
        {
            "actie": "koppelen",
            "username": email,
            "password": wachtwoord,
            "next": "/mijn/",
        },
    )


def test_an_existing_account_is_linked_after_logging_in_with_its_password(idp, client):
    bestaand = maak_gebruiker(naam="Bas Burger")
    client.get(artefact(client, idp))

    antwoord = koppelen(client, bestaand.email.upper())

    assert antwoord["Location"] == "/mijn/"
    assert client.session["_auth_user_id"] == str(bestaand.pk)
    assert Inlogkoppeling.objects.get(bron=Inlogbron.DIGID).gebruiker == bestaand
    bestaand.refresh_from_db()
    assert bestaand.check_password(WACHTWOORD), "the password keeps working"

    client.post("/account/uitloggen/")
    assert client.get(artefact(client, idp))["Location"] == "/mijn/"
    assert client.session["_auth_user_id"] == str(bestaand.pk)
    assert Gebruiker.objects.count() == 1


@pytest.mark.parametrize(
    "eigen_adres", [True, False], ids=["fout-wachtwoord", "onbekend"]
)
def test_a_wrong_password_links_nothing_and_says_nothing_of_the_account(
    idp, client, eigen_adres
):
    bestaand = maak_gebruiker()
    client.get(artefact(client, idp))

    email = bestaand.email if eigen_adres else "niemand@example.nl"
    antwoord = koppelen(client, email, wachtwoord="verkeerd-wachtwoord")

    assert antwoord.status_code == 200
    assert "Het e-mailadres of het wachtwoord klopt niet" in antwoord.content.decode()
    assert not Inlogkoppeling.objects.exists()
    assert not ingelogd(client)


def test_a_staff_account_is_never_linked_to_digid(idp, client):
    medewerker = maak_gebruiker(rol=Rol.BEHANDELAAR)
    client.get(artefact(client, idp))

    antwoord = koppelen(client, medewerker.email)

    assert "account van een medewerker" in antwoord.content.decode()
    assert not Inlogkoppeling.objects.exists()
    assert not ingelogd(client)


def test_an_address_with_an_account_gets_the_same_answer_and_the_owner_the_link(
    idp, client, django_capture_on_commit_callbacks
):
    bestaand = maak_gebruiker(naam="Bas Burger", email_bevestigd=False)
    client.get(artefact(client, idp))
    with django_capture_on_commit_callbacks(execute=True):
        onbekend = aanmaken(client, "nieuw@example.nl").content.decode()
        bekend = aanmaken(client, bestaand.email).content.decode()

    assert bekend.replace(bestaand.email, "ADRES") == onbekend.replace(
        "nieuw@example.nl", "ADRES"
    ), "the page does not tell whether the address has an account"
    assert not Inlogkoppeling.objects.exists()
    assert not ingelogd(client)
    aan_eigenaar = mail.outbox[-1]
    assert aan_eigenaar.to == [bestaand.email]
    assert "bestaat al een account" in aan_eigenaar.body

    client.get(link_uit(aan_eigenaar))
    antwoord = client.post(link_uit(aan_eigenaar))

    assert antwoord["Location"] == "/mijn/"
    assert client.session["_auth_user_id"] == str(bestaand.pk)
    assert Inlogkoppeling.objects.get(bron=Inlogbron.DIGID).gebruiker == bestaand
    bestaand.refresh_from_db()
    assert bestaand.email_bevestigd
    assert Gebruiker.objects.count() == 1


def test_the_link_works_only_in_the_browser_of_the_digid_session(
    idp, client, django_capture_on_commit_callbacks
):
    """The owner of the address who did not log in with DigiD (someone else
    gave his address) cannot link his account to that other person's DigiD by
    opening the link, nor can any other browser."""
    bestaand = maak_gebruiker()
    client.get(artefact(client, idp))
    with django_capture_on_commit_callbacks(execute=True):
        aanmaken(client, bestaand.email)
    link = link_uit(mail.outbox[-1])

    eigenaar = Client()
    assert eigenaar.get(link).status_code == 400
    assert eigenaar.post(link).status_code == 400
    ingelogde_eigenaar = Client()
    ingelogde_eigenaar.force_login(bestaand)
    assert ingelogde_eigenaar.post(link).status_code == 400
    vervalst = link.replace("/bevestigen/", "/bevestigen/x")
    assert client.post(vervalst).status_code == 400

    assert not Inlogkoppeling.objects.exists()


def test_an_account_linked_to_another_digid_is_not_linked_again(idp, client):
    bestaand = maak_gebruiker()
    Inlogkoppeling.objects.create(
        gebruiker=bestaand, bron=Inlogbron.DIGID, sleutel=digid.bsn_sleutel("111222333")
    )
    client.get(artefact(client, idp))

    antwoord = koppelen(client, bestaand.email)

    assert "al gekoppeld aan een andere DigiD" in antwoord.content.decode()
    assert Inlogkoppeling.objects.count() == 1
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


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"actie": "onbekend"},
        {"actie": "koppelen"},
        {"actie": "koppelen", "username": "x" * 20_000, "password": "\x00"},
        {"actie": "koppelen", "username": "<script>@x.nl", "password": ["a", "b"]},
        {"actie": "aanmaken", "naam": "\u202eevil", "email": "a@b"},
        {"actie": "aanmaken", "naam": "", "email": "{{ 7*7 }}"},
        {"actie": "aanmaken", "naam": "9" * 400, "email": "x@example.nl" * 30},
    ],
)
def test_hostile_input_on_the_first_log_in_page_never_breaks(client, settings, data):
    settings.DIGID_ENTITY_ID = SP_ENTITY_ID
    sessie = client.session
    sessie[digid.NIEUW_SESSION_KEY] = digid.bsn_sleutel(BSN)
    sessie.save()

    antwoord = client.post("/account/digid/account/", data)

    assert antwoord.status_code == 200
    assert not Inlogkoppeling.objects.exists()
    assert not Gebruiker.objects.exists()
    assert not ingelogd(client)


def test_linking_by_password_is_locked_after_five_failures_like_the_log_in(
    client, settings
):
    settings.DIGID_ENTITY_ID = SP_ENTITY_ID
    settings.AXES_ENABLED = True
    bestaand = maak_gebruiker()
    sessie = client.session
    sessie[digid.NIEUW_SESSION_KEY] = digid.bsn_sleutel(BSN)
    sessie.save()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        koppelen(client, bestaand.email, wachtwoord="verkeerd-wachtwoord")

    antwoord = koppelen(client, bestaand.email)

    assert antwoord.status_code == 429
    assert not Inlogkoppeling.objects.exists()
    assert not ingelogd(client)


# ------------------------------------------------ the level of assurance


def authn_request(pagina) -> str:
    waarde = re.search(r'name="SAMLRequest" value="([^"]+)"', pagina)[1]
    return base64.b64decode(waarde).decode()


def test_the_authn_request_asks_for_the_configured_minimum(idp, client, settings):
    xml = authn_request(client.get("/account/digid/inloggen/").content.decode())
    assert 'Comparison="minimum"' in xml
    assert f">{MIDDEN}</saml:AuthnContextClassRef>" in xml

    settings.DIGID_BETROUWBAARHEIDSNIVEAU = SUBSTANTIEEL
    xml = authn_request(client.get("/account/digid/inloggen/").content.decode())
    assert f">{SUBSTANTIEEL}</saml:AuthnContextClassRef>" in xml


@pytest.mark.parametrize("gebruiker", ["basis", "zonder"])
def test_a_level_below_the_minimum_or_no_level_is_refused(
    idp, client, caplog, gebruiker
):
    caplog.set_level(logging.DEBUG)

    antwoord = client.get(artefact(client, idp, gebruiker=gebruiker))

    assert antwoord["Location"] == "/account/inloggen/"
    melding = meldingen(antwoord)
    assert "te laag" in melding
    assert "minimaal DigiD Midden" in melding
    assert "Log opnieuw in met de DigiD app of met een ID-check" in melding
    assert not ingelogd(client)
    for sleutel in (digid.NIEUW_SESSION_KEY, digid.NIVEAU_NIEUW_SESSION_KEY):
        assert sleutel not in client.session
    assert not Gebruiker.objects.exists()
    assert not Inlogkoppeling.objects.exists()
    assert "DigiD-antwoord geweigerd: niveau" in caplog.text
    assert BSN_VAN[gebruiker] not in caplog.text


def test_the_refusal_is_on_the_log_in_page(idp, client):
    antwoord = client.get(artefact(client, idp, gebruiker="basis"), follow=True)
    html = antwoord.content.decode()
    assert antwoord.redirect_chain[-1][0] == "/account/inloggen/"
    assert "minimaal DigiD Midden nodig" in html
    assert "Inloggen met DigiD" in html  # and he can try again


def test_a_linked_account_is_not_entered_with_a_level_below_the_minimum(idp, client):
    bestaand = maak_gebruiker()
    Inlogkoppeling.objects.create(
        gebruiker=bestaand, bron=Inlogbron.DIGID, sleutel=digid.bsn_sleutel(BSN)
    )
    client.get(artefact(client, idp))  # Midden: in
    assert client.session["_auth_user_id"] == str(bestaand.pk)
    client.post("/account/uitloggen/")
    Inlogkoppeling.objects.create(
        gebruiker=maak_gebruiker(),
        bron=Inlogbron.DIGID,
        sleutel=digid.bsn_sleutel(BSN_VAN["basis"]),
    )

    antwoord = client.get(artefact(client, idp, gebruiker="basis"))

    assert "te laag" in meldingen(antwoord)
    assert not ingelogd(client)


def test_a_higher_minimum_refuses_midden_and_admits_hoog(idp, client, settings):
    settings.DIGID_BETROUWBAARHEIDSNIVEAU = SUBSTANTIEEL

    antwoord = client.get(artefact(client, idp))
    assert "minimaal DigiD Substantieel" in meldingen(antwoord)
    assert digid.NIEUW_SESSION_KEY not in client.session

    antwoord = client.get(artefact(client, idp, gebruiker="hoog"))
    assert antwoord["Location"].startswith("/account/digid/account/")
    assert client.session[digid.NIVEAU_NIEUW_SESSION_KEY] == HOOG


def test_the_level_is_kept_in_the_session_at_the_first_and_the_next_log_in(idp, client):
    eerste_keer(client, idp)
    assert client.session[digid.NIVEAU_SESSION_KEY] == MIDDEN
    assert digid.NIVEAU_NIEUW_SESSION_KEY not in client.session
    gebruiker = Gebruiker.objects.get(email="burger@example.nl")
    client.post("/account/uitloggen/")
    Inlogkoppeling.objects.create(
        gebruiker=maak_gebruiker(),
        bron=Inlogbron.DIGID,
        sleutel=digid.bsn_sleutel(BSN_VAN["hoog"]),
    )

    client.get(artefact(client, idp))
    assert client.session["_auth_user_id"] == str(gebruiker.pk)
    assert client.session[digid.NIVEAU_SESSION_KEY] == MIDDEN

    client.post("/account/uitloggen/")
    client.get(artefact(client, idp, gebruiker="hoog"))
    assert client.session[digid.NIVEAU_SESSION_KEY] == HOOG


def test_a_log_in_with_a_password_in_the_same_session_keeps_no_level(idp, client):
    """A new password through the mailed link logs in again, in the browser
    of the DigiD session: that log-in is not DigiD's. (The log-in page itself
    sends a logged-in user on.)"""
    bestaand = maak_gebruiker()
    client.get(artefact(client, idp))
    koppelen(client, bestaand.email)  # linked by the password, in DigiD's session
    assert client.session[digid.NIVEAU_SESSION_KEY] == MIDDEN
    bestaand.refresh_from_db()  # the token covers the last log-in
    uid = urlsafe_base64_encode(force_bytes(bestaand.pk))
    token = default_token_generator.make_token(bestaand)

    formulier = client.get(f"/account/wachtwoord-herstellen/{uid}/{token}/")
    nieuw = "een-heel-nieuw-wachtwoord-47"
    antwoord = client.post(
        formulier["Location"], {"new_password1": nieuw, "new_password2": nieuw}
    )

    assert antwoord.status_code == 302
    bestaand.refresh_from_db()
    assert bestaand.check_password(nieuw)
    assert client.session["_auth_user_id"] == str(bestaand.pk)
    assert digid.NIVEAU_SESSION_KEY not in client.session


def test_the_level_is_recorded_in_the_submission_and_shown_to_staff(
    idp, client, gemeente, behandelaar, django_capture_on_commit_callbacks
):
    eerste_keer(client, idp)
    aanvrager = Gebruiker.objects.get(email="burger@example.nl")
    concept = maak_concept(aanvrager=aanvrager, gemeente=gemeente)

    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(
            reverse("aanvrager:indienen", args=[concept.pk]), {"verklaring": "ja"}
        )

    assert antwoord["Location"] == reverse("aanvrager:ingediend", args=[concept.pk])
    gebeurtenis = concept.gebeurtenissen.get(actie=Actie.INDIENEN)
    assert gebeurtenis.details == {"digid_niveau": MIDDEN}
    assert gebeurtenis.actor == aanvrager
    staf = Client()
    inloggen(staf, behandelaar)
    html = staf.get(reverse("provincie:verzoek", args=[concept.pk])).content.decode()
    assert "<dt>Inloggen bij het indienen</dt>" in html
    assert "<dd>Ingelogd met DigiD (niveau Midden)</dd>" in html


# ------------------------------------------------- linking leaves a trace


def koppelregels(caplog) -> list:
    return [r for r in caplog.records if r.name == "ontheffing.identiteit.koppelen"]


def test_linking_an_existing_account_leaves_a_log_line_without_the_bsn(
    idp, client, caplog, django_capture_on_commit_callbacks
):
    bestaand = maak_gebruiker()
    client.get(artefact(client, idp))
    caplog.set_level(logging.INFO)

    with django_capture_on_commit_callbacks(execute=True):
        koppelen(client, bestaand.email)

    [regel] = koppelregels(caplog)
    assert regel.getMessage() == f"DigiD gekoppeld aan account {bestaand.pk}."
    assert regel.levelname == "INFO"
    als_json = json.loads(JsonFormatter().format(regel))
    assert als_json["account"] == bestaand.pk
    assert als_json["actie"] == "digid_gekoppeld"
    assert BSN not in caplog.text
    assert digid.bsn_sleutel(BSN) not in caplog.text

    client.post("/account/uitloggen/")
    caplog.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.get(artefact(client, idp))  # a log-in, not a new link
    assert koppelregels(caplog) == []


def test_a_new_account_through_the_link_leaves_a_log_line(
    idp, client, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.INFO)
    with django_capture_on_commit_callbacks(execute=True):
        eerste_keer(client, idp)
    gebruiker = Gebruiker.objects.get(email="burger@example.nl")
    assert [r.getMessage() for r in koppelregels(caplog)] == [
        f"DigiD gekoppeld aan account {gebruiker.pk}."
    ]


def test_a_refused_link_leaves_no_log_line(idp, client, caplog):
    medewerker = maak_gebruiker(rol=Rol.BEHANDELAAR)
    client.get(artefact(client, idp))
    caplog.set_level(logging.INFO)
    koppelen(client, medewerker.email)
    assert koppelregels(caplog) == []
