"""DigiD log-in for applicants: the authentication request (HTTP-POST), the
artifact at the assertion consumer service, and the first-time e-mail address."""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from onelogin.saml2.errors import OneLogin_Saml2_Error, OneLogin_Saml2_ValidationError
from requests import RequestException

from ontheffing.identiteit import digid, machtigen
from ontheffing.identiteit.forms import DigiDAccountFormulier
from ontheffing.middleware import CONTENT_SECURITY_POLICY
from ontheffing.models import Gebruiker, Inlogbron, Inlogkoppeling
from ontheffing.services.accounts import bevestigingsmail_versturen
from ontheffing.states import Rol

logger = logging.getLogger(__name__)

GEANNULEERD = "U hebt het inloggen met DigiD geannuleerd. U bent niet ingelogd."
MISLUKT = (
    "Inloggen met DigiD is niet gelukt. Probeer het later opnieuw. Blijft dit "
    "gebeuren, kijk dan op www.digid.nl of er een storing is."
)


def _ingeschakeld():
    if not digid.ingeschakeld():
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

    volgende = _volgende(request, request.GET.get("RelayState"))
    sleutel = digid.bsn_sleutel(bsn)
    koppeling = (
        Inlogkoppeling.objects.select_related("gebruiker")
        .filter(bron=Inlogbron.DIGID, sleutel=sleutel)
        .first()
    )
    if koppeling is None:
        request.session.cycle_key()
        request.session[digid.NIEUW_SESSION_KEY] = sleutel
        request.session.set_expiry(settings.DIGID_SESSIEDUUR)
        return redirect(reverse("digid_account") + "?next=" + volgende)
    if not koppeling.gebruiker.is_active:
        messages.error(request, MISLUKT)
        return redirect("login")
    _inloggen(request, koppeling.gebruiker)
    return redirect(volgende)


def _inloggen(request, gebruiker):
    digid.inloggen(request, gebruiker)


@never_cache
def digid_account(request):
    """A first DigiD log-in: the account gets no password; the e-mail address for
    messages is confirmed through the usual link."""
    _ingeschakeld()
    sleutel = request.session.get(digid.NIEUW_SESSION_KEY)
    if not sleutel:
        return redirect("login")
    form = DigiDAccountFormulier(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                gebruiker = Gebruiker.objects.create_user(
                    email=form.cleaned_data["email"],
                    password=None,
                    naam=form.cleaned_data["naam"],
                    rol=Rol.AANVRAGER,
                    email_bevestigd=False,
                )
                Inlogkoppeling.objects.create(
                    gebruiker=gebruiker, bron=Inlogbron.DIGID, sleutel=sleutel
                )
                bevestigingsmail_versturen(gebruiker)
        except IntegrityError:  # the same address registered meanwhile
            form.add_error("email", "Er is al een account met dit e-mailadres.")
            return render(
                request,
                "identiteit/digid_account.html",
                {"form": form, "next": request.POST.get("next", "")},
            )
        del request.session[digid.NIEUW_SESSION_KEY]
        _inloggen(request, gebruiker)
        machtigen.na_eerste_keer(request, gebruiker)
        messages.success(
            request,
            f"Uw account is aangemaakt. Wij hebben een e-mail gestuurd naar "
            f"{gebruiker.email}. Klik op de link in die e-mail om uw e-mailadres te "
            "bevestigen; daarna kunt u een verzoek indienen.",
        )
        return redirect(_volgende(request, request.POST.get("next")))
    return render(
        request,
        "identiteit/digid_account.html",
        {"form": form, "next": request.POST.get("next") or request.GET.get("next", "")},
    )


@require_GET
def digid_metadata(request):
    """The service provider's metadata, for the DigiD connection at Logius."""
    _ingeschakeld()
    client = digid.DigiDClient(request)
    client.saml2_setting_kwargs = {"sp_validation_only": True}
    return HttpResponse(client.create_metadata(), content_type="application/xml")
