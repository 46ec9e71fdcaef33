"""Staff single sign-on: mozilla-django-oidc's authorization-code flow, with the
role and province taken from the identity provider's groups at every log-in.

The backend only acts on the callback of that flow (it is given a nonce), so a
local password log-in never contacts the identity provider. Every failure
(unreachable provider, tampered or expired token, wrong audience, unknown group)
ends on one Dutch page without an account being made or kept logged in.
"""

import functools
import logging

import jwt
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured, SuspiciousOperation
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, resolve_url
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from ontheffing.identiteit.groepen import toewijzing_voor
from ontheffing.models import Inlogbron, Inlogkoppeling, Provincie
from ontheffing.states import Rol

logger = logging.getLogger(__name__)

BACKEND = "ontheffing.identiteit.oidc.MedewerkerBackend"
WEIGERING_SESSION_KEY = "sso_weigering"

_ONTDEKKING = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
}


@functools.lru_cache(maxsize=8)
def ontdekking(issuer: str) -> dict:
    """The provider's discovery document (OpenID Connect Discovery 1.0, par. 4)."""
    antwoord = requests.get(
        f"{issuer}/.well-known/openid-configuration", timeout=settings.OIDC_TIMEOUT
    )
    antwoord.raise_for_status()
    document = antwoord.json()
    if document.get("issuer", "").rstrip("/") != issuer:
        raise SuspiciousOperation("De issuer in het discovery-document wijkt af.")
    return document


def instelling(attr, *args):
    """A mozilla-django-oidc setting; an empty endpoint comes from discovery."""
    if attr in _ONTDEKKING and not getattr(settings, attr, ""):
        if not settings.OIDC_ISSUER:
            raise ImproperlyConfigured(f"Zet OIDC_ISSUER of {attr}.")
        return ontdekking(settings.OIDC_ISSUER)[_ONTDEKKING[attr]]
    return import_from_settings(attr, *args)


def strikt_decoderen(token, key, *, algoritme: str, client_id: str, issuer: str):
    """Signature, algorithm, expiry, audience and (when known) issuer of an
    id_token; anything wrong is a SuspiciousOperation."""
    try:
        if jwt.get_unverified_header(token).get("alg") != algoritme:
            raise SuspiciousOperation("Onverwacht ondertekeningsalgoritme.")
        return jwt.decode(
            token,
            key,
            algorithms=[algoritme],
            audience=client_id,
            issuer=issuer or None,
            options={"require": ["exp", "iat", "sub"]},
        )
    except jwt.InvalidTokenError as exc:
        raise SuspiciousOperation(f"Token geweigerd: {exc}") from exc


def weigeren(request, reden: str) -> None:
    request.session[WEIGERING_SESSION_KEY] = reden


class MedewerkerBackend(OIDCAuthenticationBackend):
    get_settings = staticmethod(instelling)

    def __init__(self, *args, **kwargs):
        # Endpoints are resolved in authenticate(), so that building the backend
        # for a password log-in never needs the provider.
        self.UserModel = get_user_model()

    def authenticate(self, request, **kwargs):
        if request is None or "nonce" not in kwargs:
            return None
        try:
            for naam in (*_ONTDEKKING, "OIDC_RP_CLIENT_ID", "OIDC_RP_CLIENT_SECRET"):
                setattr(self, naam, instelling(naam))
            self.OIDC_RP_SIGN_ALGO = settings.OIDC_RP_SIGN_ALGO
            self.OIDC_RP_IDP_SIGN_KEY = None
            return super().authenticate(request, **kwargs)
        except (requests.RequestException, SuspiciousOperation, ValueError) as exc:
            logger.warning("SSO-inlog geweigerd: %s: %s", exc.__class__.__name__, exc)
            weigeren(request, "ongeldig")
            return None

    def _verify_jws(self, payload, key):
        return strikt_decoderen(
            payload,
            key,
            algoritme=self.OIDC_RP_SIGN_ALGO,
            client_id=self.OIDC_RP_CLIENT_ID,
            issuer=settings.OIDC_ISSUER,
        )

    def get_or_create_user(self, access_token, id_token, payload):
        claims = self.get_userinfo(access_token, id_token, payload)
        if claims.get("sub") != payload.get("sub"):
            raise SuspiciousOperation("Userinfo hoort bij een ander onderwerp.")
        email = (claims.get("email") or payload.get("email") or "").strip().lower()
        if not email:
            raise SuspiciousOperation("Geen e-mailadres van de identity provider.")
        groepen = claims.get(settings.OIDC_GROEPEN_CLAIM)
        if groepen is None:
            groepen = payload.get(settings.OIDC_GROEPEN_CLAIM, [])
        sleutel = f"{settings.OIDC_ISSUER}|{payload['sub']}"
        toewijzing = toewijzing_voor(groepen)
        provincie = (
            Provincie.objects.filter(code=toewijzing.provincie_code).first()
            if toewijzing
            else None
        )
        with transaction.atomic():
            koppeling = (
                Inlogkoppeling.objects.select_related("gebruiker")
                .filter(bron=Inlogbron.OIDC, sleutel=sleutel)
                .first()
            )
            gebruiker = koppeling.gebruiker if koppeling else None
            if provincie is None:
                if gebruiker is not None:
                    # Removed from every group: the role goes at this log-in.
                    gebruiker.rol, gebruiker.provincie = Rol.AANVRAGER, None
                    gebruiker.save(update_fields=["rol", "provincie"])
                weigeren(self.request, "geen_rol")
                return None
            if gebruiker is None:
                gebruiker = self.UserModel.objects.filter(email__iexact=email).first()
            if gebruiker is None:
                gebruiker = self.UserModel(email=email)
            gebruiker.naam = _naam(claims) or gebruiker.naam or email
            gebruiker.rol, gebruiker.provincie = toewijzing.rol, provincie
            gebruiker.email_bevestigd = True
            gebruiker.set_unusable_password()
            gebruiker.save()
            Inlogkoppeling.objects.get_or_create(
                bron=Inlogbron.OIDC, sleutel=sleutel, defaults={"gebruiker": gebruiker}
            )
        return gebruiker


def _naam(claims) -> str:
    naam = claims.get("name") or " ".join(
        deel for deel in (claims.get("given_name"), claims.get("family_name")) if deel
    )
    return str(naam).strip()[:200]


class SSOInloggen(OIDCAuthenticationRequestView):
    get_settings = staticmethod(instelling)

    def __init__(self, *args, **kwargs):
        # Skips the parent's __init__, which reads the authorization endpoint
        # (and so would contact the provider) before get() can refuse politely.
        super(OIDCAuthenticationRequestView, self).__init__(*args, **kwargs)

    def get(self, request):
        if not settings.OIDC_RP_CLIENT_ID:
            raise Http404
        try:
            self.OIDC_OP_AUTH_ENDPOINT = instelling("OIDC_OP_AUTHORIZATION_ENDPOINT")
        except (requests.RequestException, SuspiciousOperation, ValueError):
            logger.warning("SSO: de identity provider is niet bereikbaar.")
            weigeren(request, "onbereikbaar")
            return redirect("sso_geweigerd")
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        request.session.pop(WEIGERING_SESSION_KEY, None)
        return super().get(request)


class SSOTerug(OIDCAuthenticationCallbackView):
    get_settings = staticmethod(instelling)

    @property
    def failure_url(self):
        return resolve_url(settings.LOGIN_REDIRECT_URL_FAILURE)

    def get(self, request):
        if not settings.OIDC_RP_CLIENT_ID:
            raise Http404
        try:
            return super().get(request)
        except SuspiciousOperation:
            # A response for another (or no) authentication request of this session.
            logger.warning("SSO: antwoord hoort niet bij een inlogverzoek.")
            weigeren(request, "ongeldig")
            return self.login_failure()
