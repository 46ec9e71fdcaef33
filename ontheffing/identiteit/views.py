"""Second-factor pages, and the page that ends a refused single sign-on."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_otp import devices_for_user, user_has_device, verify_token
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from ontheffing.identiteit.forms import CodeFormulier
from ontheffing.identiteit.oidc import WEIGERING_SESSION_KEY
from ontheffing.identiteit.tweede_factor import (
    app_apparaat,
    app_bevestigen,
    geheime_sleutel,
    nieuwe_herstelcodes,
    otpauth_uri,
)

WEIGERINGEN = {
    "geen_rol": (
        "U hebt geen toegang tot deze toepassing. Uw organisatieaccount hoort niet "
        "bij een groep die toegang geeft. Neem contact op met de functioneel "
        "beheerder van uw provincie."
    ),
    "onbereikbaar": (
        "De inlogdienst van uw organisatie is nu niet bereikbaar. Probeer het later "
        "opnieuw."
    ),
    "ongeldig": (
        "Het inloggen is niet gelukt: het antwoord van de inlogdienst kon niet "
        "worden gecontroleerd. Probeer het opnieuw."
    ),
}
AFGEBROKEN = "Het inloggen is afgebroken. U bent niet ingelogd."


def _volgende(request) -> str:
    volgende = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return volgende
    return reverse("start")


def sso_geweigerd(request):
    reden = request.session.pop(WEIGERING_SESSION_KEY, None)
    return render(
        request,
        "identiteit/sso_geweigerd.html",
        {"melding": WEIGERINGEN.get(reden, AFGEBROKEN)},
        status=403,
    )


@login_required
def tweede_factor(request):
    """Asks for a code from the app, or a recovery code (each works once)."""
    if not user_has_device(request.user):
        return redirect(reverse("tweede_factor_instellen") + _query(request))
    form = CodeFormulier(request.POST or None)
    if request.method == "POST" and form.is_valid():
        apparaat = _controleren(request.user, form.cleaned_data["code"])
        if apparaat is not None:
            otp_login(request, apparaat)
            if isinstance(apparaat, StaticDevice):
                over = apparaat.token_set.count()
                messages.warning(
                    request,
                    f"U hebt een herstelcode gebruikt; er zijn er nog {over}. Maak "
                    "nieuwe aan via Mijn gegevens.",
                )
            return redirect(_volgende(request))
        form.add_error(
            "code", "Deze code klopt niet of is al gebruikt. Probeer het opnieuw."
        )
    return render(
        request,
        "identiteit/tweede_factor.html",
        {"form": form, "next": _volgende(request)},
    )


def _controleren(user, code):
    """A code of digits from the app (six) goes to the app's device; anything
    else, such as the eight-character recovery codes, to the recovery codes."""
    app = code.isdigit() and len(code) < len(StaticToken.random_token())
    soort = "otp_totp.totpdevice" if app else "otp_static.staticdevice"
    for apparaat in _apparaten(user, soort):
        gevonden = verify_token(user, apparaat.persistent_id, code)
        if gevonden is not None:
            return gevonden
    return None


def _apparaten(user, soort):
    return [a for a in devices_for_user(user) if a.persistent_id.startswith(soort)]


@login_required
def tweede_factor_instellen(request):
    """Shows the key for the authenticator app; one correct code confirms it and
    gives the recovery codes, shown only now."""
    if user_has_device(request.user):
        return redirect(reverse("tweede_factor") + _query(request))
    apparaat = app_apparaat(request.user)
    form = CodeFormulier(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if app_bevestigen(apparaat, form.cleaned_data["code"]):
            otp_login(request, apparaat)
            return render(
                request,
                "identiteit/herstelcodes.html",
                {
                    "codes": nieuwe_herstelcodes(request.user),
                    "next": _volgende(request),
                },
            )
        form.add_error(
            "code", "Deze code klopt niet. Controleer de tijd op uw toestel."
        )
    return render(
        request,
        "identiteit/tweede_factor_instellen.html",
        {
            "form": form,
            "sleutel": geheime_sleutel(apparaat),
            "uri": otpauth_uri(apparaat),
            "next": _volgende(request),
        },
    )


@login_required
@require_POST
def herstelcodes_vernieuwen(request):
    if not request.user.is_verified():
        return redirect(reverse("tweede_factor") + _query(request))
    return render(
        request,
        "identiteit/herstelcodes.html",
        {"codes": nieuwe_herstelcodes(request.user), "next": reverse("gegevens")},
    )


def _query(request) -> str:
    volgende = request.GET.get("next")
    return "?" + urlencode({"next": volgende}) if volgende else ""
