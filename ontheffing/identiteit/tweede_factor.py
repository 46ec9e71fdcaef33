"""Who must prove a second factor: every local account with a staff role or
admin access, and anyone who set one up. Staff who logged in through the
province's identity provider skip it when ``TWEEDE_FACTOR_SSO_OVERSLAAN`` is on
(the identity provider enforces MFA)."""

import base64
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ontheffing.identiteit.oidc import BACKEND

AANTAL_HERSTELCODES = 10
APP_NAAM = "Authenticator-app"
HERSTEL_NAAM = "Herstelcodes"


def via_sso(request) -> bool:
    return request.session.get(BACKEND_SESSION_KEY) == BACKEND


def tweede_factor_verplicht(user) -> bool:
    """Whether this account may never be used with a password alone."""
    return user.is_medewerker or user.is_staff or user.is_superuser


def tweede_factor_vereist(request) -> bool:
    user = request.user
    if not user.is_authenticated:
        return False
    if via_sso(request) and settings.TWEEDE_FACTOR_SSO_OVERSLAAN:
        return False
    return tweede_factor_verplicht(user) or user_has_device(user)


def app_apparaat(user) -> TOTPDevice:
    """The user's TOTP device; a new unconfirmed one until set up."""
    apparaat = TOTPDevice.objects.filter(user=user).order_by("-confirmed").first()
    return apparaat or TOTPDevice.objects.create(
        user=user, name=APP_NAAM, confirmed=False
    )


def app_bevestigen(apparaat: TOTPDevice, code: str) -> bool:
    """One correct code from the app confirms the device (and is used up)."""
    if not apparaat.verify_token(code):
        return False
    apparaat.confirmed = True
    apparaat.save(update_fields=["confirmed"])
    return True


def geheime_sleutel(apparaat: TOTPDevice) -> str:
    """The key in base32, as authenticator apps ask for it when typed in."""
    return base64.b32encode(apparaat.bin_key).decode().rstrip("=")


def otpauth_uri(apparaat: TOTPDevice, account: str = "") -> str:
    """The key-URI format authenticator apps read (from a link or QR code)."""
    label = quote(f"{settings.OTP_TOTP_ISSUER}:{account or apparaat.user.email}")
    return (
        f"otpauth://totp/{label}?secret={geheime_sleutel(apparaat)}"
        f"&issuer={quote(settings.OTP_TOTP_ISSUER)}&digits={apparaat.digits}"
        f"&period={apparaat.step}&algorithm=SHA1"
    )


def nieuwe_herstelcodes(user) -> list[str]:
    """Replaces all recovery codes; each works once (django-otp's StaticDevice)."""
    apparaat, _ = StaticDevice.objects.get_or_create(
        user=user, name=HERSTEL_NAAM, defaults={"confirmed": True}
    )
    apparaat.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(AANTAL_HERSTELCODES)]
    StaticToken.objects.bulk_create(
        StaticToken(device=apparaat, token=code) for code in codes
    )
    return codes
