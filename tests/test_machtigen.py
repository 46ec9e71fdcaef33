"""DigiD Machtigen through an OpenID Connect broker: a gemachtigde logs in for
the person who authorised him and files namens that person; who acted for whom
is recorded as HMACs on the request and in the audit trail. End to end against
a real OpenID provider (django-oidc-provider in a subprocess on loopback) whose
client for DigiD Machtigen puts the mandate in the id_token, as a broker does."""

import logging
import re

import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test import Client, override_settings

from ontheffing import services
from ontheffing.identiteit import digid, machtigen
from ontheffing.identiteit.oidc import ontdekking
from ontheffing.models import (
    DigidMachtiging,
    Gebeurtenis,
    Gebruiker,
    Inlogbron,
    Inlogkoppeling,
    Verzoek,
)
from ontheffing.states import Rol, Status
from tests.factories import inloggen, maak_concept, maak_gebruiker, pdf_upload
from tests.idp.oidc.proces import CLIENT_SECRET, MACHTIGEN_CLIENT_ID, Provider

GRIFFIER_BSN = "111222333"  # the gemachtigde, at the keyboard
RAADSLID_BSN = "123456782"  # who authorised him
ANDER_BSN = "999999990"
DIENST = "6f1f8d1a-0c55-4a5e-9d55-6b3f2b7a0c11"  # this service at DigiD Machtigen

VERTEGENWOORDIGDE = "urn:nl-eid-gdi:1.0:LegalSubjectID"
GEMACHTIGDE = "urn:nl-eid-gdi:1.0:ActingSubjectID"
DIENST_CLAIM = "urn:nl-eid-gdi:1.0:ServiceUUID"


def mandaat(vertegenwoordigde=RAADSLID_BSN, gemachtigde=GRIFFIER_BSN, dienst=DIENST):
    claims = {
        VERTEGENWOORDIGDE: vertegenwoordigde,
        GEMACHTIGDE: gemachtigde,
        DIENST_CLAIM: dienst,
    }
    return {naam: waarde for naam, waarde in claims.items() if waarde is not None}


@pytest.fixture(scope="session")
def idp(tmp_path_factory):
    provider = Provider(tmp_path_factory.mktemp("machtigen-idp"))
    yield provider
    provider.stoppen()


@pytest.fixture
def broker(idp, settings, db):
    settings.DIGID_MACHTIGEN_CLIENT_ID = MACHTIGEN_CLIENT_ID
    settings.DIGID_MACHTIGEN_CLIENT_SECRET = CLIENT_SECRET
    settings.DIGID_MACHTIGEN_ISSUER = idp.issuer
    settings.DIGID_MACHTIGEN_DIENST_ID = f"andere-dienst, {DIENST}"
    ontdekking.cache_clear()
    idp.gebruiker("griffier", [])
    idp.machtiging("griffier", mandaat())
    yield idp
    idp.modus("normaal")
    ontdekking.cache_clear()


@pytest.fixture
def griffier(db):
    """A gemachtigde who logged in with his own DigiD before."""
    gebruiker = maak_gebruiker(naam="G. de Griffier")
    Inlogkoppeling.objects.create(
        gebruiker=gebruiker,
        bron=Inlogbron.DIGID,
        sleutel=digid.bsn_sleutel(GRIFFIER_BSN),
    )
    return gebruiker


def via_broker(client, idp, username="griffier", volgende="/mijn/"):
    start = client.get("/account/digid-machtigen/inloggen/", {"next": volgende})
    assert start.status_code == 302
    assert start["Location"].startswith(idp.issuer + "/authorize")
    return client.get(idp.inloggen(start["Location"], username))


def namens_concept(gebruiker, **extra):
    verzoek = maak_concept(aanvrager=gebruiker, namens=True, **extra)
    services.bijlage_toevoegen(
        user=gebruiker,
        verzoek=verzoek,
        bestand=pdf_upload("machtiging.pdf"),
        soort="machtiging",
    )
    return verzoek


def meldingen(antwoord) -> str:
    return " ".join(str(m) for m in antwoord.wsgi_request._messages)


def ingelogd(client) -> bool:
    return "_auth_user_id" in client.session


def _account_aanmaken(client, capture):
    """A first-time gemachtigde makes an account and opens the e-mailed link;
    the answer to opening it."""
    with capture(execute=True):
        client.post(
            "/account/digid/account/",
            {
                "actie": "aanmaken",
                "naam": "G. de Griffier",
                "email": "griffier@gemeente.example",
                "next": "/mijn/",
            },
        )
    link = re.search(r"http://\S+/account/digid/bevestigen/\S+/", mail.outbox[-1].body)
    return client.post(link[0])


def test_the_gemachtigde_files_namens_and_both_identities_are_recorded(
    broker, client, griffier
):
    antwoord = via_broker(client, broker)

    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/mijn/"
    assert client.session["_auth_user_id"] == str(griffier.pk)
    assert "namens degene die u machtigde" in meldingen(antwoord)

    verzoek = namens_concept(griffier)
    antwoord = client.post(f"/mijn/{verzoek.pk}/indienen/", {"verklaring": "ja"})

    assert antwoord["Location"] == f"/mijn/{verzoek.pk}/ingediend/"
    verzoek.refresh_from_db()
    assert verzoek.status == Status.INGEDIEND
    assert verzoek.ingediend_door == griffier
    vastgelegd = DigidMachtiging.objects.get(verzoek=verzoek)
    assert vastgelegd.gemachtigde == digid.bsn_sleutel(GRIFFIER_BSN)
    assert vastgelegd.vertegenwoordigde == digid.bsn_sleutel(RAADSLID_BSN)
    assert vastgelegd.dienst == DIENST
    gebeurtenis = Gebeurtenis.objects.get(verzoek=verzoek, actie="indienen")
    assert gebeurtenis.details["digid_machtiging"] == {
        "gemachtigde": digid.bsn_sleutel(GRIFFIER_BSN),
        "vertegenwoordigde": digid.bsn_sleutel(RAADSLID_BSN),
        "dienst": DIENST,
    }
    assert gebeurtenis.actor == griffier


def test_a_first_time_gemachtigde_makes_his_account_and_keeps_the_mandate(
    broker, client, django_capture_on_commit_callbacks
):
    antwoord = via_broker(client, broker)
    assert antwoord["Location"] == "/account/digid/account/?next=/mijn/"
    assert not ingelogd(client)

    antwoord = _account_aanmaken(client, django_capture_on_commit_callbacks)

    assert antwoord["Location"] == "/mijn/"
    griffier = Gebruiker.objects.get(email="griffier@gemeente.example")
    assert Inlogkoppeling.objects.get(gebruiker=griffier).sleutel == (
        digid.bsn_sleutel(GRIFFIER_BSN)
    ), "his own DigiD, not the represented person's"
    verzoek = namens_concept(griffier)
    client.post(f"/mijn/{verzoek.pk}/indienen/", {"verklaring": "ja"})
    vastgelegd = DigidMachtiging.objects.get(verzoek=verzoek)
    assert vastgelegd.vertegenwoordigde == digid.bsn_sleutel(RAADSLID_BSN)


def test_staff_see_that_the_mandate_was_established_with_digid_machtigen(
    broker, client, griffier
):
    via_broker(client, broker)
    verzoek = namens_concept(griffier)
    client.post(f"/mijn/{verzoek.pk}/indienen/", {"verklaring": "ja"})
    gewoon = namens_concept(griffier)
    services.verzoek_indienen(user=griffier, verzoek=gewoon)
    behandelaar = maak_gebruiker(rol=Rol.BEHANDELAAR, provincie=verzoek.provincie)
    medewerker = Client()
    inloggen(medewerker, behandelaar)

    pagina = medewerker.get(f"/provincie/verzoek/{verzoek.pk}/").content.decode()
    assert "gemachtigd door de ambtsdrager via DigiD Machtigen" in pagina
    assert RAADSLID_BSN not in pagina
    pagina = medewerker.get(f"/provincie/verzoek/{gewoon.pk}/").content.decode()
    assert "DigiD Machtigen" not in pagina


def test_no_bsn_is_stored_or_logged(broker, client, griffier, caplog):
    caplog.set_level(logging.DEBUG)
    via_broker(client, broker)
    verzoek = namens_concept(griffier)
    client.post(f"/mijn/{verzoek.pk}/indienen/", {"verklaring": "ja"})
    assert DigidMachtiging.objects.filter(verzoek=verzoek).exists()

    with connection.cursor() as cursor:
        for tabel in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{tabel}"')  # noqa: S608
            inhoud = str(cursor.fetchall())
            assert GRIFFIER_BSN not in inhoud, tabel
            assert RAADSLID_BSN not in inhoud, tabel
    assert GRIFFIER_BSN not in caplog.text
    assert RAADSLID_BSN not in caplog.text
    assert RAADSLID_BSN not in str(dict(client.session.items()))


def test_the_represented_person_with_an_account_of_his_own_sees_the_request(
    broker, client, griffier
):
    raadslid = maak_gebruiker(naam="R. Raadslid")
    Inlogkoppeling.objects.create(
        gebruiker=raadslid,
        bron=Inlogbron.DIGID,
        sleutel=digid.bsn_sleutel(RAADSLID_BSN),
    )
    via_broker(client, broker)
    verzoek = namens_concept(griffier)
    client.post(f"/mijn/{verzoek.pk}/indienen/", {"verklaring": "ja"})

    verzoek.refresh_from_db()
    assert verzoek.ambtsdrager == raadslid
    assert Verzoek.objects.zichtbaar_voor(raadslid).filter(pk=verzoek.pk).exists()


def test_a_mandate_session_cannot_file_for_oneself(broker, client, griffier):
    via_broker(client, broker)
    verzoek = maak_concept(aanvrager=griffier)

    antwoord = client.post(f"/mijn/{verzoek.pk}/indienen/", {"verklaring": "ja"})

    assert "namens de ambtsdrager" in meldingen(antwoord)
    verzoek.refresh_from_db()
    assert verzoek.status == Status.CONCEPT
    assert not DigidMachtiging.objects.exists()


def test_without_the_mandate_session_filing_namens_is_as_before(client, griffier, db):
    inloggen(client, griffier)
    verzoek = namens_concept(griffier)
    client.post(f"/mijn/{verzoek.pk}/indienen/", {"verklaring": "ja"})

    verzoek.refresh_from_db()
    assert verzoek.status == Status.INGEDIEND
    assert not DigidMachtiging.objects.exists()
    assert (
        "digid_machtiging"
        not in Gebeurtenis.objects.get(verzoek=verzoek, actie="indienen").details
    )


def test_a_later_log_in_with_plain_digid_drops_the_mandate(broker, client, griffier):
    via_broker(client, broker)
    assert machtigen.MACHTIGING_SESSION_KEY in client.session
    request = client.get("/mijn/").wsgi_request
    digid.inloggen(request, griffier)
    assert machtigen.uit_sessie(request) is None


MIDDEN = "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract"


def test_digid_machtigen_records_no_level_of_assurance(broker, client, griffier):
    """The broker's answer is read for the mandate, not for a level: what an
    earlier DigiD log-in in this browser kept does not pass on."""
    sessie = client.session
    sessie[digid.NIVEAU_SESSION_KEY] = MIDDEN
    sessie.save()

    via_broker(client, broker)

    assert client.session["_auth_user_id"] == str(griffier.pk)
    assert digid.NIVEAU_SESSION_KEY not in client.session
    verzoek = namens_concept(griffier)
    client.post(f"/mijn/{verzoek.pk}/indienen/", {"verklaring": "ja"})
    details = Gebeurtenis.objects.get(verzoek=verzoek, actie="indienen").details
    assert list(details) == ["digid_machtiging"]


def test_a_first_time_gemachtigde_takes_no_level_from_an_earlier_digid_attempt(
    broker, client, django_capture_on_commit_callbacks
):
    sessie = client.session
    sessie[digid.NIVEAU_NIEUW_SESSION_KEY] = MIDDEN  # a DigiD log-in left halfway
    sessie.save()
    via_broker(client, broker)

    assert (
        _account_aanmaken(client, django_capture_on_commit_callbacks)["Location"]
        == "/mijn/"
    )
    assert machtigen.MACHTIGING_SESSION_KEY in client.session
    assert digid.NIVEAU_SESSION_KEY not in client.session


@pytest.mark.parametrize(
    ("claims", "reden"),
    [
        ({}, "geen machtiging"),
        (mandaat(vertegenwoordigde=None), "BSN van de vertegenwoordigde"),
        (mandaat(vertegenwoordigde="123456789"), "BSN van de vertegenwoordigde"),
        (mandaat(gemachtigde=None), "BSN van de gemachtigde"),
        (mandaat(vertegenwoordigde=GRIFFIER_BSN), "zijn gelijk"),
    ],
    ids=[
        "geen-claims",
        "geen-vertegenwoordigde",
        "ongeldig-bsn",
        "geen-gemachtigde",
        "zichzelf",
    ],
)
def test_a_response_without_a_whole_mandate_is_refused(
    broker, client, griffier, caplog, claims, reden
):
    broker.machtiging("griffier", claims)

    antwoord = via_broker(client, broker)

    assert antwoord["Location"] == "/account/inloggen/"
    assert "Inloggen met DigiD Machtigen is niet gelukt" in meldingen(antwoord)
    assert reden in caplog.text
    assert not ingelogd(client)
    assert machtigen.MACHTIGING_SESSION_KEY not in client.session


def test_a_mandate_for_another_service_is_refused(broker, client, griffier):
    broker.machtiging("griffier", mandaat(dienst="belastingaangifte"))

    antwoord = via_broker(client, broker)

    assert "Uw machtiging geldt niet voor deze dienst" in meldingen(antwoord)
    assert not ingelogd(client)


@pytest.mark.parametrize(
    ("modus", "reden"),
    [("geknoeid", "Signature verification failed"), ("verlopen", "has expired")],
)
def test_a_tampered_or_expired_id_token_is_refused(
    broker, client, griffier, caplog, modus, reden
):
    # "geknoeid": the represented person's BSN is changed in the signed token.
    broker.modus(modus, claims={VERTEGENWOORDIGDE: ANDER_BSN})

    antwoord = via_broker(client, broker)

    assert reden in caplog.text
    assert "Inloggen met DigiD Machtigen is niet gelukt" in meldingen(antwoord)
    assert not ingelogd(client)
    assert machtigen.MACHTIGING_SESSION_KEY not in client.session


def test_a_response_for_another_request_is_refused(broker, client, griffier):
    start = client.get("/account/digid-machtigen/inloggen/")
    terug = broker.inloggen(start["Location"], "griffier")
    code = terug.split("code=")[1].split("&")[0]

    antwoord = client.get(
        "/account/digid-machtigen/terug/", {"code": code, "state": "x"}
    )

    assert "niet gelukt" in meldingen(antwoord)
    assert not ingelogd(client)


def test_a_staff_account_cannot_be_entered_with_digid_machtigen(broker, client):
    medewerker = maak_gebruiker(rol=Rol.BEHANDELAAR)
    Inlogkoppeling.objects.create(
        gebruiker=medewerker,
        bron=Inlogbron.DIGID,
        sleutel=digid.bsn_sleutel(GRIFFIER_BSN),
    )
    antwoord = via_broker(client, broker)
    assert "niet gelukt" in meldingen(antwoord)
    assert not ingelogd(client)


def test_the_log_in_page_offers_digid_machtigen_only_when_configured(broker, client):
    assert (
        "Inloggen met DigiD Machtigen"
        in client.get("/account/inloggen/").content.decode()
    )
    with override_settings(DIGID_MACHTIGEN_CLIENT_ID=""):
        assert (
            "Inloggen met DigiD Machtigen"
            not in client.get("/account/inloggen/").content.decode()
        )
        assert client.get("/account/digid-machtigen/inloggen/").status_code == 404
        assert client.get("/account/digid-machtigen/terug/").status_code == 404


def test_claim_paths_into_nested_claims(broker, client, griffier, settings):
    settings.DIGID_MACHTIGEN_VERTEGENWOORDIGDE_CLAIM = (
        '["machtiging", "aanvrager", "bsn"]'
    )
    settings.DIGID_MACHTIGEN_GEMACHTIGDE_CLAIM = '["machtiging", "gemachtigde", "bsn"]'
    settings.DIGID_MACHTIGEN_DIENST_CLAIM = "service_id"
    broker.machtiging(
        "griffier",
        {
            "machtiging": {
                "aanvrager": {"bsn": RAADSLID_BSN},
                "gemachtigde": {"bsn": GRIFFIER_BSN},
            },
            "service_id": DIENST,
        },
    )
    via_broker(client, broker)

    request = client.get("/mijn/").wsgi_request
    assert machtigen.uit_sessie(request) == machtigen.Machtiging(
        gemachtigde=digid.bsn_sleutel(GRIFFIER_BSN),
        vertegenwoordigde=digid.bsn_sleutel(RAADSLID_BSN),
        dienst=DIENST,
    )


@pytest.mark.parametrize(
    ("waarde", "pad"),
    [
        ("", ["urn:nl-eid-gdi:1.0:LegalSubjectID"]),
        ("aanvrager.bsn", ["aanvrager.bsn"]),
        ('["a", "b"]', ["a", "b"]),
    ],
)
def test_a_claim_path_from_the_environment(waarde, pad):
    assert machtigen.claimpad(waarde, ["urn:nl-eid-gdi:1.0:LegalSubjectID"]) == pad


@pytest.mark.parametrize("waarde", ["[]", '["a", 1]', '[""]'])
def test_a_wrong_claim_path_is_a_configuration_error(waarde):
    with pytest.raises(ImproperlyConfigured):
        machtigen.claimpad(waarde, ["x"])


def test_without_a_service_id_nothing_is_accepted(broker, client, settings, caplog):
    settings.DIGID_MACHTIGEN_DIENST_ID = ""
    with pytest.raises(ImproperlyConfigured):
        machtigen.diensten()

    antwoord = client.get("/account/digid-machtigen/inloggen/")

    assert antwoord["Location"] == "/account/inloggen/"
    assert "niet gelukt" in meldingen(antwoord)
    assert "DIGID_MACHTIGEN_DIENST_ID" in caplog.text


@pytest.mark.parametrize(
    ("nummer", "geldig"),
    [
        ("123456782", True),
        ("111222333", True),
        ("999999990", True),
        ("123456789", False),
        ("12345678", False),
        ("12345678a", False),
        (123456782, False),
        (None, False),
    ],
)
def test_the_bsn_eleven_test(nummer, geldig):
    assert digid.geldig_bsn(nummer) is geldig


def test_nobody_gets_an_account_from_a_refused_mandate(broker, client):
    broker.machtiging("griffier", mandaat(vertegenwoordigde=None))
    via_broker(client, broker)
    assert not Gebruiker.objects.exists()
    assert digid.NIEUW_SESSION_KEY not in client.session
