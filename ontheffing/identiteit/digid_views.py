"""DigiD log-in for applicants: the authentication request (HTTP-POST), the
artifact at the assertion consumer service, and the first-time e-mail address."""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from onelogin.saml2.errors import OneLogin_Saml2_Error, OneLogin_Saml2_ValidationError
from requests import RequestException

from ontheffing.beveiliging import client_ip
from ontheffing.forms.account import InlogFormulier
from ontheffing.identiteit import digid, koppelen, machtigen
from ontheffing.identiteit.forms import DigiDAccountFormulier
from ontheffing.middleware import CONTENT_SECURITY_POLICY
from ontheffing.models import Inlogbron, Inlogkoppeling
from ontheffing.services.accounts import TeVaak

logger = logging.getLogger(__name__)

GEANNULEERD = "U hebt het inloggen met DigiD geannuleerd. U bent niet ingelogd."
MISLUKT = (
    "Inloggen met DigiD is niet gelukt. Probeer het later opnieuw. Blijft dit "
    "gebeuren, kijk dan op www.digid.nl of er een storing is."
)


def _ingeschakeld():
    if not digid.ingeschakeld():
        raise Http404


def _een_van_beide():
    """The first-log-in pages serve DigiD and DigiD Machtigen alike."""
    if not (digid.ingeschakeld() or machtigen.ingeschakeld()):
        raise Http404


def _volgende(request, waarde) -> str:
    if waarde and url_has_allowed_host_and_scheme(
        waarde, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return waarde
    return reverse("aanvrager:lijst")


@require_GET
@never_cache
def digid_inloggen(request):
    """DigiD step 2: the signed AuthnRequest, posted by the browser to DigiD."""
    _ingeschakeld()
    client = digid.DigiDClient(request)
    url, parameters = client.create_authn_request(request)
    response = render(
        request,
        "identiteit/digid_doorsturen.html",
        {
            "url": url,
            "saml_request": parameters["SAMLRequest"],
            "relay_state": _volgende(request, request.GET.get("next")),
        },
    )
    idp = urlsplit(url)
    response["Content-Security-Policy"] = CONTENT_SECURITY_POLICY.replace(
        "form-action 'self'", f"form-action 'self' {idp.scheme}://{idp.netloc}"
    )
    return response


@require_GET
@never_cache
def digid_acs(request):
    """DigiD steps 5-7: resolve the artifact, check the response belongs to this
    session's request, then log in (or ask a first-time applicant for an e-mail
    address)."""
    _ingeschakeld()
    client = digid.DigiDClient(request)
    try:
        antwoord = client.artifact_resolve(request, request.GET.get("SAMLart", ""))
        bsn = digid.bsn_uit_antwoord(antwoord)
    except OneLogin_Saml2_ValidationError as fout:
        if fout.code == OneLogin_Saml2_ValidationError.STATUS_CODE_AUTHNFAILED:
            messages.info(request, GEANNULEERD)
        else:
            logger.warning("DigiD-antwoord geweigerd (code %s).", fout.code)
            messages.error(request, MISLUKT)
        return redirect("login")
    except (OneLogin_Saml2_Error, RequestException, ValueError, LookupError):
        # LookupError: an ArtifactResponse without a Response (a used artifact).
        logger.warning("DigiD: het artefact kon niet worden opgehaald.")
        messages.error(request, MISLUKT)
        return redirect("login")
    if bsn is None:
        logger.warning("DigiD-antwoord zonder BSN geweigerd.")
        messages.error(request, MISLUKT)
        return redirect("login")
    minimum = settings.DIGID_BETROUWBAARHEIDSNIVEAU
    niveau = digid.niveau(antwoord.get_authn_contexts(), minimum)
    if niveau is None:
        logger.warning(
            "DigiD-antwoord geweigerd: niveau %s, vereist minimaal %s.",
            ", ".join(antwoord.get_authn_contexts())[:300] or "geen",
            minimum,
        )
        messages.error(request, te_laag(minimum))
        return redirect("login")

    volgende = _volgende(request, request.GET.get("RelayState"))
    sleutel = digid.bsn_sleutel(bsn)
    koppeling = (
        Inlogkoppeling.objects.select_related("gebruiker")
        .filter(bron=Inlogbron.DIGID, sleutel=sleutel)
        .first()
    )
    if koppeling is None:
        request.session.cycle_key()
        # A plain DigiD log-in acts under no mandate (README "DigiD Machtigen").
        request.session.pop(digid.MACHTIGING_NIEUW_SESSION_KEY, None)
        request.session[digid.NIEUW_SESSION_KEY] = sleutel
        request.session[digid.NIVEAU_NIEUW_SESSION_KEY] = niveau
        request.session.set_expiry(settings.DIGID_SESSIEDUUR)
        return redirect(reverse("digid_account") + "?next=" + volgende)
    if not koppeling.gebruiker.is_active:
        messages.error(request, MISLUKT)
        return redirect("login")
    _inloggen(request, koppeling.gebruiker, niveau)
    return redirect(volgende)


def te_laag(minimum: str) -> str:
    return (
        "Inloggen met DigiD is niet gelukt: u hebt ingelogd met een te laag "
        f"niveau. Voor deze dienst is minimaal DigiD {digid.niveaunaam(minimum)} "
        "nodig. Log opnieuw in met de DigiD app of met een ID-check. Op "
        "www.digid.nl leest u hoe u dat instelt."
    )


def _inloggen(request, gebruiker, niveau=None):
    digid.inloggen(request, gebruiker, niveau)


@never_cache
def digid_account(request):
    """A first DigiD log-in: link an existing account by its password, or give
    a name and an e-mail address, to which the link goes that makes the account
    (or links the existing one). Neither says whether an address has an
    account (``identiteit.koppelen``)."""
    _een_van_beide()
    sleutel = request.session.get(digid.NIEUW_SESSION_KEY)
    if not sleutel:
        return redirect("login")
    volgende = request.POST.get("next") or request.GET.get("next", "")
    actie = request.POST.get("actie") if request.method == "POST" else None
    nieuw = DigiDAccountFormulier(request.POST if actie == "aanmaken" else None)
    bestaand = InlogFormulier(
        request, data=request.POST if actie == "koppelen" else None
    )
    if actie == "koppelen" and bestaand.is_valid():
        try:
            gebruiker = koppelen.koppelen(
                gebruiker=bestaand.get_user(), sleutel=sleutel
            )
        except koppelen.KanNietKoppelen as fout:
            bestaand.add_error(None, str(fout))
        else:
            return _eerste_keer_ingelogd(
                request, gebruiker, volgende, "Uw account is nu gekoppeld aan uw DigiD."
            )
    if actie == "aanmaken" and nieuw.is_valid():
        aanvraag = koppelen.Aanvraag(
            sleutel=sleutel,
            email=nieuw.cleaned_data["email"],
            naam=nieuw.cleaned_data["naam"],
        )
        try:
            koppelen.bevestiging_vragen(aanvraag=aanvraag, client=client_ip(request))
        except TeVaak as fout:
            nieuw.add_error(None, str(fout))
        else:
            request.session[digid.VOLGENDE_SESSION_KEY] = volgende
            return render(
                request,
                "identiteit/digid_verstuurd.html",
                {"email": aanvraag.email, "minuten": settings.DIGID_SESSIEDUUR // 60},
            )
    return render(
        request,
        "identiteit/digid_account.html",
        {"nieuw": nieuw, "bestaand": bestaand, "next": volgende},
    )


@never_cache
def digid_bevestigen(request, token):
    """The e-mailed link, opened in the browser of the DigiD session it was
    asked from: confirm (a POST, so that a mail scanner opening the link
    changes nothing), then the account is made or linked and logged in."""
    _een_van_beide()
    aanvraag = koppelen.uit_token(token)
    if aanvraag is None or request.session.get(digid.NIEUW_SESSION_KEY) != (
        aanvraag.sleutel
    ):
        return render(request, "identiteit/digid_bevestigen.html", {}, status=400)
    bestaand = koppelen.bestaand_account(aanvraag)
    fout = None
    if request.method == "POST":
        try:
            gebruiker = koppelen.bevestigen(aanvraag=aanvraag)
        except koppelen.KanNietKoppelen as weigering:
            fout = str(weigering)
        else:
            melding = (
                "Uw account is nu gekoppeld aan uw DigiD."
                if bestaand
                else "Uw account is aangemaakt en uw e-mailadres is bevestigd."
            )
            volgende = request.session.pop(digid.VOLGENDE_SESSION_KEY, "")
            return _eerste_keer_ingelogd(request, gebruiker, volgende, melding)
    return render(
        request,
        "identiteit/digid_bevestigen.html",
        {"aanvraag": aanvraag, "bestaand": bestaand, "fout": fout},
    )


def _eerste_keer_ingelogd(request, gebruiker, volgende, melding):
    request.session.pop(digid.NIEUW_SESSION_KEY, None)
    niveau = request.session.pop(digid.NIVEAU_NIEUW_SESSION_KEY, None)
    if request.session.get(digid.MACHTIGING_NIEUW_SESSION_KEY):
        niveau = None  # the first log-in was with DigiD Machtigen, not SAML
    _inloggen(request, gebruiker, niveau)
    machtigen.na_eerste_keer(request, gebruiker)
    messages.success(request, melding)
    return redirect(_volgende(request, volgende))


@require_GET
def digid_metadata(request):
    """The service provider's metadata, for the DigiD connection at Logius."""
    _ingeschakeld()
    client = digid.DigiDClient(request)
    client.saml2_setting_kwargs = {"sp_validation_only": True}
    return HttpResponse(client.create_metadata(), content_type="application/xml")
