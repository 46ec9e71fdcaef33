"""The second factor for local accounts: TOTP with recovery codes (django-otp),
driven through the real log-in and the codes computed from the device key."""

import base64
import re

import pytest
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ontheffing.identiteit.oidc import BACKEND as SSO
from ontheffing.identiteit.tweede_factor import AANTAL_HERSTELCODES, nieuwe_herstelcodes
from ontheffing.states import Rol
from tests.factories import inloggen, maak_gebruiker, totp_apparaat, totp_code

pytestmark = pytest.mark.django_db

WACHTWOORD = "geheim-wachtwoord-123"
WERKVOORRAAD = "/provincie/"


@pytest.fixture(autouse=True)
def _zonder_vertraging(settings):
    # django-otp delays a device after each wrong code; tests of the refusals
    # themselves do not need that delay (test_wrong_codes_slow_down_guessing does).
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


def met_wachtwoord(client, user):
    antwoord = client.post(
        reverse("login"), {"username": user.email, "password": WACHTWOORD}
    )
    assert antwoord.status_code == 302
    return antwoord


def code_geven(client, code, volgende=WERKVOORRAAD):
    return client.post(reverse("tweede_factor"), {"code": code, "next": volgende})


def toegang(client) -> bool:
    return client.get(WERKVOORRAAD).status_code == 200


@pytest.mark.parametrize("rol", [Rol.BEHANDELAAR, Rol.BESLISSER, Rol.BEHEERDER])
def test_a_local_staff_account_must_set_up_a_second_factor(client, rol):
    user = maak_gebruiker(rol)
    met_wachtwoord(client, user)

    for pad in ("/provincie/", "/account/", "/"):
        antwoord = client.get(pad)
        assert antwoord.status_code == 302, pad
        assert antwoord["Location"].startswith(reverse("tweede_factor_instellen"))


def test_setting_up_confirms_the_app_with_a_code_and_gives_recovery_codes(client):
    user = maak_gebruiker(Rol.BEHANDELAAR)
    met_wachtwoord(client, user)
    pagina = client.get(reverse("tweede_factor_instellen")).content.decode()
    sleutel = re.search(r'<code class="sleutel">([A-Z2-7]+)</code>', pagina).group(1)
    assert "otpauth://totp/" in pagina
    apparaat = TOTPDevice.objects.get(user=user)
    assert not apparaat.confirmed

    fout = client.post(reverse("tweede_factor_instellen"), {"code": "000000"})
    assert "klopt niet" in fout.content.decode()
    assert not toegang(client)

    assert base64.b32decode(sleutel + "=" * (-len(sleutel) % 8)) == apparaat.bin_key
    klaar = client.post(
        reverse("tweede_factor_instellen"),
        {"code": totp_code(apparaat), "next": WERKVOORRAAD},
    )
    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", klaar.content.decode())
    assert len(codes) == AANTAL_HERSTELCODES
    apparaat.refresh_from_db()
    assert apparaat.confirmed
    assert toegang(client)


def test_no_code_or_a_wrong_code_is_refused(client):
    user = maak_gebruiker(Rol.BESLISSER)
    apparaat = totp_apparaat(user)
    met_wachtwoord(client, user)

    assert client.get(WERKVOORRAAD)["Location"].startswith(reverse("tweede_factor"))
    for code in ("", "123", "9999999", totp_code(apparaat, stappen=5)):
        antwoord = code_geven(client, code)
        assert antwoord.status_code == 200, code
        assert not toegang(client)
    assert (
        "klopt niet of is al gebruikt" in code_geven(client, "000000").content.decode()
    )

    antwoord = code_geven(client, totp_code(apparaat))
    assert antwoord["Location"] == WERKVOORRAAD
    assert toegang(client)


def test_an_old_code_is_not_accepted_again(client):
    user = maak_gebruiker(Rol.BEHANDELAAR)
    apparaat = totp_apparaat(user)
    met_wachtwoord(client, user)
    code = totp_code(apparaat)
    assert code_geven(client, code).status_code == 302
    client.post(reverse("logout"))

    met_wachtwoord(client, user)
    assert code_geven(client, code).status_code == 200, "replayed code accepted"
    assert code_geven(client, totp_code(apparaat, stappen=-1)).status_code == 200
    assert not toegang(client)


def test_a_recovery_code_works_once(client):
    user = maak_gebruiker(Rol.BEHANDELAAR)
    totp_apparaat(user)
    herstelcode = nieuwe_herstelcodes(user)[0]
    met_wachtwoord(client, user)
    antwoord = code_geven(client, herstelcode.upper())
    assert antwoord.status_code == 302
    assert toegang(client)
    client.post(reverse("logout"))

    met_wachtwoord(client, user)
    assert code_geven(client, herstelcode).status_code == 200
    assert not toegang(client)
    assert StaticToken.objects.filter(device__user=user).count() == (
        AANTAL_HERSTELCODES - 1
    )


def test_wrong_codes_slow_down_guessing(client, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 1
    user = maak_gebruiker(Rol.BEHANDELAAR)
    apparaat = totp_apparaat(user)
    met_wachtwoord(client, user)
    code_geven(client, "000000")
    # Right after a wrong code, even the right one waits (django-otp throttling).
    assert code_geven(client, totp_code(apparaat)).status_code == 200
    assert not toegang(client)


def test_the_django_admin_needs_the_second_factor(client):
    user = maak_gebruiker(Rol.AANVRAGER, is_staff=True, is_superuser=True)
    met_wachtwoord(client, user)
    antwoord = client.get("/beheeromgeving/")
    assert antwoord["Location"].startswith(reverse("tweede_factor_instellen"))


def test_an_applicant_is_not_forced_but_may_enable_it(client):
    user = maak_gebruiker(Rol.AANVRAGER)
    met_wachtwoord(client, user)
    assert client.get("/mijn/").status_code == 200
    assert "Tweede factor instellen" in client.get("/account/").content.decode()

    client.get(reverse("tweede_factor_instellen"))
    apparaat = TOTPDevice.objects.get(user=user)
    client.post(reverse("tweede_factor_instellen"), {"code": totp_code(apparaat)})
    client.post(reverse("logout"))

    met_wachtwoord(client, user)
    assert client.get("/mijn/")["Location"].startswith(reverse("tweede_factor"))


def test_sso_users_skip_it_unless_configured(client, settings):
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, SSO]
    user = maak_gebruiker(Rol.BEHANDELAAR)
    client.force_login(user, backend=SSO)
    assert toegang(client)

    settings.TWEEDE_FACTOR_SSO_OVERSLAAN = False
    assert not toegang(client)


def test_the_test_helper_gives_a_verified_session(client):
    user = maak_gebruiker(Rol.BEHANDELAAR)
    inloggen(client, user)
    assert toegang(client)


def test_new_recovery_codes_replace_the_old_ones(client):
    user = maak_gebruiker(Rol.BEHANDELAAR)
    oud = nieuwe_herstelcodes(user)
    inloggen(client, user)
    pagina = client.post(reverse("herstelcodes_vernieuwen")).content.decode()
    nieuw = re.findall(r"<li><code>([a-z2-7]+)</code></li>", pagina)
    assert len(nieuw) == AANTAL_HERSTELCODES
    bewaard = set(
        StaticToken.objects.filter(device__user=user).values_list("token", flat=True)
    )
    assert bewaard == set(nieuw)
    assert not bewaard & set(oud)
