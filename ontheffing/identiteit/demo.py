"""The second factor of `make run`'s demo staff: one known key, never for
production (the demo data refuses to run without DEBUG)."""

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from ontheffing.identiteit.tweede_factor import (
    APP_NAAM,
    geheime_sleutel,
    otpauth_uri,
    tweede_factor_verplicht,
)

DEMO_SLEUTEL = b"ontheffing-demo-2026".hex()  # 20 bytes, as RFC 4226 advises


def demo_apparaten(gebruikers) -> None:
    for gebruiker in gebruikers:
        if tweede_factor_verplicht(gebruiker):
            TOTPDevice.objects.get_or_create(
                user=gebruiker,
                name=APP_NAAM,
                defaults={"key": DEMO_SLEUTEL, "confirmed": True},
            )


def demo_apparaat() -> TOTPDevice:
    return TOTPDevice(key=DEMO_SLEUTEL)


def demo_code() -> str:
    apparaat = demo_apparaat()
    totp = TOTP(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits)
    return f"{totp.token():0{apparaat.digits}d}"


def demo_uitleg() -> list[str]:
    apparaat = demo_apparaat()
    return [
        "Tweede factor van de medewerkers en beheer@demo.nl (alleen voor de demo):",
        f"  sleutel {geheime_sleutel(apparaat)} in een authenticator-app,",
        f"  of {otpauth_uri(apparaat, account='demo')}",
        "  of de code van dit moment: .venv/bin/python manage.py demodata --code",
    ]
