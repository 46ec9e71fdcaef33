"""Staff single sign-on: the whole authorization-code flow against a real
OpenID provider (django-oidc-provider in a subprocess on loopback, RS256,
confidential client)."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from ontheffing.identiteit.groepen import Toewijzing, toewijzing_voor
from ontheffing.identiteit.oidc import BACKEND, ontdekking
from ontheffing.models import Gebruiker, Inlogkoppeling, Mandaat
from ontheffing.states import Rol
from tests.factories import maak_mandaat, maak_provincie
from tests.idp.oidc.proces import CLIENT_ID, CLIENT_SECRET, Provider

ROLLEN = (
    "GG-Ontheffing-Behandelaars=behandelaar:PV25;"
    "GG-Ontheffing-Beslissers=beslisser:PV25;"
    "CN=Beheer,OU=Utrecht,DC=prov=beheerder:PV26"
)


@pytest.fixture(scope="session")
def idp(tmp_path_factory):
    provider = Provider(tmp_path_factory.mktemp("oidc-idp"))
    yield provider
    provider.stoppen()


@pytest.fixture
def sso(idp, settings, db):
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    settings.OIDC_ISSUER = idp.issuer
    settings.OIDC_RP_SCOPES = "openid email profile groups"
    settings.OIDC_ROLLEN = ROLLEN
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, BACKEND]
    ontdekking.cache_clear()
    maak_provincie(code="PV25", naam="Gelderland")
    maak_provincie(code="PV26", naam="Utrecht")
    yield idp
    idp.modus("normaal")
    ontdekking.cache_clear()


def inloggen_via_idp(client, idp, username, volgende=None):
    start = client.get(
        "/account/sso/inloggen/", {"next": volgende} if volgende else None
    )
    assert start.status_code == 302
    assert start["Location"].startswith(idp.issuer + "/authorize")
    return client.get(idp.inloggen(start["Location"], username))


def ingelogd(client) -> bool:
    return "_auth_user_id" in client.session


def test_first_log_in_creates_the_user_with_the_mapped_role_and_province(sso, client):
    sub = sso.gebruiker(
        "bea",
        ["GG-Ontheffing-Behandelaars", "Iedereen"],
        voornaam="Bea",
        achternaam="de Boer",
    )
    antwoord = inloggen_via_idp(client, sso, "bea", volgende="/provincie/")

    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/provincie/"
    gebruiker = Gebruiker.objects.get(email="bea@provincie.example")
    assert gebruiker.rol == Rol.BEHANDELAAR
    assert gebruiker.provincie.code == "PV25"
    assert gebruiker.naam == "Bea de Boer"
    assert not gebruiker.has_usable_password()
    assert Inlogkoppeling.objects.get(gebruiker=gebruiker).sleutel.endswith(f"|{sub}")
    # The provider enforces MFA, so no second factor is asked here.
    assert client.get("/provincie/").status_code == 200


def test_a_changed_group_changes_the_role_at_the_next_log_in(sso, client):
    sso.gebruiker("karin", ["GG-Ontheffing-Behandelaars"])
    inloggen_via_idp(client, sso, "karin")
    gebruiker = Gebruiker.objects.get(email="karin@provincie.example")
    mandaat = maak_mandaat(gebruiker)
    client.post("/account/uitloggen/")

    sso.gebruiker("karin", ["GG-Ontheffing-Beslissers"])
    inloggen_via_idp(client, sso, "karin")

    gebruiker.refresh_from_db()
    assert gebruiker.rol == Rol.BESLISSER
    assert Mandaat.objects.filter(pk=mandaat.pk, houder=gebruiker).exists(), (
        "a mandate is kept in the application, not the IdP"
    )
    assert Gebruiker.objects.filter(email="karin@provincie.example").count() == 1


def test_a_user_removed_from_every_group_loses_the_role_and_gets_no_access(sso, client):
    sso.gebruiker("joost", ["CN=Beheer,OU=Utrecht,DC=prov"])
    inloggen_via_idp(client, sso, "joost")
    gebruiker = Gebruiker.objects.get(email="joost@provincie.example")
    assert (gebruiker.rol, gebruiker.provincie.code) == (Rol.BEHEERDER, "PV26")
    client.post("/account/uitloggen/")

    sso.gebruiker("joost", [])
    antwoord = inloggen_via_idp(client, sso, "joost")

    assert antwoord.status_code == 302
    pagina = client.get(antwoord["Location"])
    assert pagina.status_code == 403
    assert "geen toegang" in pagina.content.decode()
    assert not ingelogd(client)
    gebruiker.refresh_from_db()
    assert gebruiker.rol == Rol.AANVRAGER
    assert gebruiker.provincie is None


def test_an_unknown_group_gets_a_dutch_page_and_no_account(sso, client):
    sso.gebruiker("vreemd", ["Marketing"])
    antwoord = inloggen_via_idp(client, sso, "vreemd")

    pagina = client.get(antwoord["Location"])
    assert pagina.status_code == 403
    assert "hoort niet bij een groep die toegang geeft" in pagina.content.decode()
    assert not Gebruiker.objects.filter(email="vreemd@provincie.example").exists()
    assert not ingelogd(client)


@pytest.mark.parametrize(
    ("modus", "reden"),
    [
        ("geknoeid", "Signature verification failed"),
        ("verlopen", "Signature has expired"),
    ],
)
def test_a_tampered_or_expired_id_token_is_refused(sso, client, caplog, modus, reden):
    sso.gebruiker("mallory", ["GG-Ontheffing-Beslissers"])
    sso.modus(modus)
    antwoord = inloggen_via_idp(client, sso, "mallory")

    assert reden in caplog.text

    pagina = client.get(antwoord["Location"])
    assert pagina.status_code == 403
    assert "kon niet worden gecontroleerd" in pagina.content.decode()
    assert not ingelogd(client)
    assert not Gebruiker.objects.exists()


def test_a_response_for_another_request_is_refused(sso, client):
    sso.gebruiker("eva", ["GG-Ontheffing-Beslissers"])
    terug = client.get("/account/sso/inloggen/")
    callback = sso.inloggen(terug["Location"], "eva")
    code = callback.split("code=")[1].split("&")[0]

    antwoord = client.get("/account/sso/terug/", {"code": code, "state": "ander"})

    assert antwoord.status_code == 302
    assert client.get(antwoord["Location"]).status_code == 403
    assert not ingelogd(client)
    assert not Gebruiker.objects.exists()


def test_cancelling_at_the_provider_logs_nobody_in(sso, client):
    client.get("/account/sso/inloggen/")
    state = next(iter(client.session["oidc_states"]))
    antwoord = client.get(
        "/account/sso/terug/", {"error": "access_denied", "state": state}
    )
    pagina = client.get(antwoord["Location"])
    assert pagina.status_code == 403
    assert "afgebroken" in pagina.content.decode()
    assert not ingelogd(client)


def test_logout_ends_the_session(sso, client):
    sso.gebruiker("lotte", ["GG-Ontheffing-Behandelaars"])
    inloggen_via_idp(client, sso, "lotte")
    assert client.get("/provincie/").status_code == 200

    client.post("/account/uitloggen/")

    assert not ingelogd(client)
    assert client.get("/provincie/")["Location"].startswith("/account/inloggen/")


def test_an_sso_user_cannot_log_in_with_a_password(sso, client):
    sso.gebruiker("piet", ["GG-Ontheffing-Behandelaars"])
    inloggen_via_idp(client, sso, "piet")
    client.post("/account/uitloggen/")
    for wachtwoord in ("", "idp-wachtwoord", "!"):
        assert not client.login(username="piet@provincie.example", password=wachtwoord)


def test_the_log_in_page_offers_sso_only_when_configured(sso, client):
    assert (
        "Inloggen met uw organisatieaccount"
        in client.get("/account/inloggen/").content.decode()
    )
    with override_settings(OIDC_RP_CLIENT_ID=""):
        pagina = client.get("/account/inloggen/").content.decode()
        assert "Inloggen met uw organisatieaccount" not in pagina
        assert client.get("/account/sso/inloggen/").status_code == 404


def test_an_unreachable_provider_gives_a_dutch_page(settings, client, db):
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_ISSUER = "http://127.0.0.1:9/openid"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = ""
    ontdekking.cache_clear()
    antwoord = client.get("/account/sso/inloggen/")
    pagina = client.get(antwoord["Location"])
    assert pagina.status_code == 403
    assert "niet bereikbaar" in pagina.content.decode()


@pytest.mark.parametrize(
    ("groepen", "verwacht"),
    [
        (["GG-Ontheffing-Beslissers"], Toewijzing(Rol.BESLISSER, "PV25")),
        (
            ["GG-Ontheffing-Beslissers", "GG-Ontheffing-Behandelaars"],
            Toewijzing(Rol.BEHANDELAAR, "PV25"),
        ),
        (["CN=Beheer,OU=Utrecht,DC=prov"], Toewijzing(Rol.BEHEERDER, "PV26")),
        ("GG-Ontheffing-Behandelaars", Toewijzing(Rol.BEHANDELAAR, "PV25")),
        (["gg-ontheffing-behandelaars"], None),
        ([], None),
        (None, None),
    ],
)
def test_the_first_configured_group_decides(groepen, verwacht):
    with override_settings(OIDC_ROLLEN=ROLLEN):
        assert toewijzing_voor(groepen) == verwacht


@pytest.mark.parametrize(
    "rollen", ["groep=aanvrager:PV25", "groep=behandelaar", "=beslisser:PV25", "x"]
)
def test_a_wrong_role_mapping_is_a_configuration_error(rollen):
    with override_settings(OIDC_ROLLEN=rollen), pytest.raises(ImproperlyConfigured):
        toewijzing_voor(["groep"])
