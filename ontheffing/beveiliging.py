"""Who is asking, and how often: the client address, the log-in name as
django-axes counts it, and the rate limit on password-reset requests.

See README, "Beveiliging": the address comes from ``X-Forwarded-For`` only when
the operator sets ``TRUSTED_PROXY_COUNT``; otherwise it is the peer address.
"""

from __future__ import annotations

import ipaddress
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.crypto import salted_hmac

HERSTEL_PER_ADRES = 3
HERSTEL_PER_CLIENT = 10
HERSTEL_VENSTER = timedelta(hours=1)


def normaliseer_email(waarde) -> str:
    """The one spelling of an e-mail address used for log-in counting."""
    return str(waarde or "").strip().lower()


def _geldig(adres: str) -> str | None:
    try:
        return str(ipaddress.ip_address(adres.strip()))
    except ValueError:
        return None


def client_ip(request) -> str:
    """The client's address. Behind ``TRUSTED_PROXY_COUNT`` proxies, each of
    which appends the address it saw to X-Forwarded-For, the client is the
    entry that many places from the right; what the client itself put further
    left is ignored."""
    peer = request.META.get("REMOTE_ADDR", "")
    aantal = settings.TRUSTED_PROXY_COUNT
    if aantal <= 0:
        return peer
    keten = [d for d in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if d]
    if len(keten) < aantal:
        return peer
    return _geldig(keten[-aantal]) or peer


def axes_gebruikersnaam(request, credentials=None) -> str:
    """AXES_USERNAME_CALLABLE: the log-in matches the address case-insensitively,
    so the lockout counts it the same way (every spelling shares five tries)."""
    if credentials:
        waarde = credentials.get(settings.AXES_USERNAME_FORM_FIELD)
    else:
        waarde = request.POST.get(settings.AXES_USERNAME_FORM_FIELD)
    return normaliseer_email(waarde)


def _sleutel(soort: str, waarde: str) -> str:
    return salted_hmac(f"ontheffing.herstel.{soort}", waarde).hexdigest()


def herstel_toegestaan(*, email: str, client: str) -> bool:
    """Records one password-reset request and says whether it stays within the
    limits per address and per client; counted the same for known and unknown
    addresses, so the limit reveals nothing."""
    from ontheffing.models import Herstelpoging

    nu = timezone.now()
    Herstelpoging.objects.filter(tijdstip__lt=nu - HERSTEL_VENSTER).delete()
    adres = _sleutel("adres", normaliseer_email(email))
    van = _sleutel("client", client)
    recent = Herstelpoging.objects.filter(tijdstip__gte=nu - HERSTEL_VENSTER)
    te_vaak = (
        recent.filter(sleutel=adres).count() >= HERSTEL_PER_ADRES
        or recent.filter(sleutel=van).count() >= HERSTEL_PER_CLIENT
    )
    Herstelpoging.objects.bulk_create(
        [
            Herstelpoging(sleutel=adres, tijdstip=nu),
            Herstelpoging(sleutel=van, tijdstip=nu),
        ]
    )
    return not te_vaak
