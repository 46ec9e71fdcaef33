"""DigiD Machtigen through an OpenID Connect broker (README "DigiD Machtigen").

A gemachtigde (a griffier, say) logs in with his own DigiD and chooses, at DigiD
Machtigen, the person who authorised him for this service. The broker returns
both BSNs and the service in the id_token; the claims are read as
django-digid-eherkenning models them for Open Forms' "DigiD Machtigen via OpenID
Connect" plugin: a path into the claims per value (representee, authorizee,
mandate service id), with that library's default paths. The service id is
required and must be this service's (the library's strict mode): a mandate for
another service does not let anyone file here.

The gemachtigde's account is the one his own DigiD identity links to (the same
``Inlogkoppeling`` as a DigiD log-in). What the session keeps, and what a request
filed in it records (``DigidMachtiging`` and the audit event of the submission),
are HMACs of the two BSNs, never the numbers.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass

import requests
from digid_eherkenning.oidc.schemas import DIGID_MACHTIGEN_OPTIONS_SCHEMA
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured, SuspiciousOperation
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import OIDCAuthenticationRequestView

from ontheffing.identiteit import digid
from ontheffing.identiteit.oidc import _ONTDEKKING, ontdekking, strikt_decoderen
from ontheffing.identiteit.tweede_factor import tweede_factor_verplicht
from ontheffing.models import Inlogbron, Inlogkoppeling

logger = logging.getLogger(__name__)

MACHTIGING_SESSION_KEY = digid.MACHTIGING_SESSION_KEY
MISLUKT = (
    "Inloggen met DigiD Machtigen is niet gelukt. Probeer het opnieuw. Blijft dit "
    "gebeuren, kijk dan op www.digid.nl of er een storing is."
)
ANDERE_DIENST = (
    "Uw machtiging geldt niet voor deze dienst. Vraag de ambtsdrager om u via DigiD "
    "Machtigen te machtigen voor het aanvragen van een ontheffing voor verboden "
    "handelingen."
)
INGELOGD = (
    "U bent ingelogd met DigiD Machtigen. Een verzoek dat u nu indient, dient u in "
    "namens degene die u machtigde."
)

_STANDAARD = DIGID_MACHTIGEN_OPTIONS_SCHEMA["properties"]["identity_settings"][
    "properties"
]
_CLAIMS = {
    "vertegenwoordigde": (
        "DIGID_MACHTIGEN_VERTEGENWOORDIGDE_CLAIM",
        "representee_bsn_claim_path",
    ),
    "gemachtigde": ("DIGID_MACHTIGEN_GEMACHTIGDE_CLAIM", "authorizee_bsn_claim_path"),
    "dienst": ("DIGID_MACHTIGEN_DIENST_CLAIM", "mandate_service_id_claim_path"),
}
_INSTELLINGEN = {
    "OIDC_RP_CLIENT_ID": "DIGID_MACHTIGEN_CLIENT_ID",
    "OIDC_RP_CLIENT_SECRET": "DIGID_MACHTIGEN_CLIENT_SECRET",
    "OIDC_RP_SCOPES": "DIGID_MACHTIGEN_SCOPES",
    "OIDC_RP_SIGN_ALGO": "DIGID_MACHTIGEN_SIGN_ALGO",
}


def ingeschakeld() -> bool:
    return bool(settings.DIGID_MACHTIGEN_CLIENT_ID)


def claimpad(waarde: str, standaard: list[str]) -> list[str]:
    """A claim path from the environment: a JSON list of keys into nested
    claims (``["machtiging", "aanvrager", "bsn"]``), or one claim name."""
    waarde = waarde.strip()
    if not waarde:
        return list(standaard)
    if waarde.startswith("["):
        pad = json.loads(waarde)
        if not (pad and all(isinstance(deel, str) and deel for deel in pad)):
            raise ImproperlyConfigured(f"Ongeldig claimpad: {waarde}")
        return pad
    return [waarde]


def claimpaden() -> dict[str, list[str]]:
    return {
        naam: claimpad(getattr(settings, instelling), _STANDAARD[sleutel]["default"])
        for naam, (instelling, sleutel) in _CLAIMS.items()
    }


def _waarde(claims: dict, pad: list[str]):
    for deel in pad:
        if not isinstance(claims, dict) or deel not in claims:
            return None
        claims = claims[deel]
    return claims


@dataclass(frozen=True)
class Machtiging:
    """Who acts for whom: HMACs of the two BSNs, and the service."""

    gemachtigde: str
    vertegenwoordigde: str
    dienst: str

    @classmethod
    def uit_claims(cls, claims: dict) -> Machtiging:
        """The mandate in verified claims, or SuspiciousOperation saying what is
        wrong (the message never holds a BSN: it is logged)."""
        paden = claimpaden()
        waarden = {naam: _waarde(claims, pad) for naam, pad in paden.items()}
        if all(waarde is None for waarde in waarden.values()):
            raise SuspiciousOperation("Het antwoord bevat geen machtiging.")
        for naam, omschrijving in (
            ("vertegenwoordigde", "de vertegenwoordigde"),
            ("gemachtigde", "de gemachtigde"),
        ):
            if not digid.geldig_bsn(waarden[naam]):
                raise SuspiciousOperation(f"Geen geldig BSN van {omschrijving}.")
        if waarden["gemachtigde"] == waarden["vertegenwoordigde"]:
            raise SuspiciousOperation("Gemachtigde en vertegenwoordigde zijn gelijk.")
        dienst = waarden["dienst"]
        if dienst is None or str(dienst) not in diensten():
            raise AndereDienst("De machtiging geldt voor een andere dienst.")
        return cls(
            gemachtigde=digid.bsn_sleutel(waarden["gemachtigde"]),
            vertegenwoordigde=digid.bsn_sleutel(waarden["vertegenwoordigde"]),
            dienst=str(dienst),
        )

    def als_details(self) -> dict:
        """For the audit event of the submission."""
        return {"digid_machtiging": asdict(self)}


class AndereDienst(SuspiciousOperation):
    pass


def diensten() -> set[str]:
    waarde = settings.DIGID_MACHTIGEN_DIENST_ID
    gevonden = {deel.strip() for deel in waarde.split(",") if deel.strip()}
    if not gevonden:
        raise ImproperlyConfigured(
            "Zet DIGID_MACHTIGEN_DIENST_ID op de dienst(en) van deze toepassing bij "
            "DigiD Machtigen."
        )
    return gevonden


def uit_sessie(request) -> Machtiging | None:
    """The mandate this session acts under, only for the user it was given to."""
    opgeslagen = request.session.get(MACHTIGING_SESSION_KEY)
    if not opgeslagen or opgeslagen.get("gebruiker") != request.user.pk:
        return None
    return Machtiging(
        gemachtigde=opgeslagen["gemachtigde"],
        vertegenwoordigde=opgeslagen["vertegenwoordigde"],
        dienst=opgeslagen["dienst"],
    )


def in_sessie_zetten(request, machtiging: Machtiging, gebruiker) -> None:
    request.session[MACHTIGING_SESSION_KEY] = {
        **asdict(machtiging),
        "gebruiker": gebruiker.pk,
    }


def instelling(attr, *args):
    """mozilla-django-oidc's settings, read from the DIGID_MACHTIGEN_ ones."""
    if attr in _ONTDEKKING:
        if not settings.DIGID_MACHTIGEN_ISSUER:
            raise ImproperlyConfigured("Zet DIGID_MACHTIGEN_ISSUER.")
        return ontdekking(settings.DIGID_MACHTIGEN_ISSUER)[_ONTDEKKING[attr]]
    if attr in _INSTELLINGEN:
        return getattr(settings, _INSTELLINGEN[attr])
    if attr == "OIDC_AUTHENTICATION_CALLBACK_URL":
        return "machtigen_terug"
    return import_from_settings(attr, *args)


class MachtigenBackend(OIDCAuthenticationBackend):
    """The token exchange and checks of mozilla-django-oidc, against the broker.
    Not an authentication backend of Django: only the callback below uses it,
    and what it returns is the mandate, not an account."""

    get_settings = staticmethod(instelling)

    def __init__(self):
        self.UserModel = get_user_model()
        for naam in (*_ONTDEKKING, *_INSTELLINGEN):
            setattr(self, naam, instelling(naam))
        self.OIDC_RP_IDP_SIGN_KEY = None

    def _verify_jws(self, payload, key):
        return strikt_decoderen(
            payload,
            key,
            algoritme=self.OIDC_RP_SIGN_ALGO,
            client_id=self.OIDC_RP_CLIENT_ID,
            issuer=settings.DIGID_MACHTIGEN_ISSUER,
        )

    def get_or_create_user(self, access_token, id_token, payload):
        # Read from the signed id_token only; the parent's authenticate turns a
        # SuspiciousOperation here into None, so it is kept for the view.
        try:
            return Machtiging.uit_claims(payload)
        except SuspiciousOperation as fout:
            self.fout = fout
            raise


class MachtigenInloggen(OIDCAuthenticationRequestView):
    get_settings = staticmethod(instelling)

    def __init__(self, *args, **kwargs):
        # As SSOInloggen: the endpoint is read in get(), which can refuse politely.
        super(OIDCAuthenticationRequestView, self).__init__(*args, **kwargs)

    def get(self, request):
        if not ingeschakeld():
            raise Http404
        try:
            diensten()
            self.OIDC_OP_AUTH_ENDPOINT = instelling("OIDC_OP_AUTHORIZATION_ENDPOINT")
        except ImproperlyConfigured as fout:
            logger.error("DigiD Machtigen is onvolledig ingesteld: %s", fout)
            messages.error(request, MISLUKT)
            return redirect("login")
        except (requests.RequestException, SuspiciousOperation, ValueError):
            logger.warning("DigiD Machtigen: de broker is niet bereikbaar.")
            messages.error(request, MISLUKT)
            return redirect("login")
        self.OIDC_RP_CLIENT_ID = settings.DIGID_MACHTIGEN_CLIENT_ID
        return super().get(request)


def _state_en_nonce(request):
    """The state of this session's authentication request, used once."""
    state = request.GET.get("state")
    opgeslagen = request.session.get("oidc_states", {})
    if not state or state not in opgeslagen:
        return None
    gegevens = opgeslagen.pop(state)
    request.session["oidc_states"] = opgeslagen
    request.session.save()
    return gegevens


@require_GET
@never_cache
def machtigen_terug(request):
    """The broker's answer: check the token and the mandate, then log the
    gemachtigde in (or ask him, the first time, for an e-mail address), with
    the mandate kept in the session for what he files."""
    if not ingeschakeld():
        raise Http404
    gegevens = _state_en_nonce(request)
    if request.GET.get("error"):
        messages.info(request, "Het inloggen met DigiD Machtigen is afgebroken.")
        return redirect("login")
    if gegevens is None or not request.GET.get("code"):
        logger.warning("DigiD Machtigen: antwoord hoort niet bij een inlogverzoek.")
        messages.error(request, MISLUKT)
        return redirect("login")
    backend = None
    try:
        backend = MachtigenBackend()
        machtiging = backend.authenticate(
            request,
            nonce=gegevens["nonce"],
            code_verifier=gegevens.get("code_verifier"),
        )
    except (
        requests.RequestException,
        SuspiciousOperation,
        ValueError,
        ImproperlyConfigured,
    ) as fout:
        logger.warning("DigiD Machtigen geweigerd: %s: %s", type(fout).__name__, fout)
        machtiging = None
    if machtiging is None:
        fout = getattr(backend, "fout", None)
        if fout is not None:
            logger.warning("DigiD Machtigen geweigerd: %s", fout)
        messages.error(
            request, ANDERE_DIENST if isinstance(fout, AndereDienst) else MISLUKT
        )
        return redirect("login")

    volgende = request.session.pop("oidc_login_next", None) or reverse(
        "aanvrager:lijst"
    )
    koppeling = (
        Inlogkoppeling.objects.select_related("gebruiker")
        .filter(bron=Inlogbron.DIGID, sleutel=machtiging.gemachtigde)
        .first()
    )
    if koppeling is None:
        request.session.cycle_key()
        request.session[digid.NIEUW_SESSION_KEY] = machtiging.gemachtigde
        request.session[digid.MACHTIGING_NIEUW_SESSION_KEY] = asdict(machtiging)
        request.session.set_expiry(settings.DIGID_SESSIEDUUR)
        return redirect(reverse("digid_account") + "?next=" + volgende)
    gebruiker = koppeling.gebruiker
    if not gebruiker.is_active or tweede_factor_verplicht(gebruiker):
        messages.error(request, MISLUKT)
        return redirect("login")
    digid.inloggen(request, gebruiker)
    in_sessie_zetten(request, machtiging, gebruiker)
    messages.info(request, INGELOGD)
    return redirect(volgende)


def na_eerste_keer(request, gebruiker) -> None:
    """A gemachtigde who logged in with DigiD Machtigen for the first time and
    now has an account: his mandate goes with the session."""
    opgeslagen = request.session.pop(digid.MACHTIGING_NIEUW_SESSION_KEY, None)
    if opgeslagen:
        in_sessie_zetten(request, Machtiging(**opgeslagen), gebruiker)
        messages.info(request, INGELOGD)
