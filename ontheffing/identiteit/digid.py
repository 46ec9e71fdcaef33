"""DigiD for applicants: SAML with the artifact binding, through the SAML client
of django-digid-eherkenning (maykin-python3-saml), configured from the
environment (README "DigiD").

The BSN is used for one thing: a keyed hash of it is the link between the DigiD
identity and the account (``Inlogkoppeling``). It is never stored, shown, put in
a letter or logged; the session holds only that hash while a first-time
applicant gives an e-mail address.
"""

import time
from pathlib import Path

from digid_eherkenning.choices import DigiDAssuranceLevels
from digid_eherkenning.saml2.base import BaseSaml2Client
from django.conf import settings
from django.contrib.auth import login
from django.urls import reverse
from django.utils.crypto import salted_hmac
from onelogin.saml2.constants import OneLogin_Saml2_Constants

SECTORCODE_BSN = "s00000000"
AANVRAAG_SESSION_KEY = "digid_aanvraag"
NIEUW_SESSION_KEY = "digid_nieuw"
DIGID_SESSION_KEY = "digid"
# The level of assurance this DigiD session logged in with (its class ref).
NIVEAU_SESSION_KEY = "digid_niveau"
# The same for a first-time applicant, until the e-mailed link made his account.
NIVEAU_NIEUW_SESSION_KEY = "digid_niveau_nieuw"
# Where a first-time applicant goes once the e-mailed link made his account.
VOLGENDE_SESSION_KEY = "digid_volgende"
# A first log-in with DigiD Machtigen: the mandate, until the account exists.
MACHTIGING_NIEUW_SESSION_KEY = "digid_machtiging_nieuw"
# The mandate a DigiD Machtigen session acts under (``machtigen.uit_sessie``).
MACHTIGING_SESSION_KEY = "digid_machtiging"
BACKEND = "django.contrib.auth.backends.ModelBackend"
AANVRAAG_GELDIG_SECONDEN = 15 * 60


def ingeschakeld() -> bool:
    return bool(settings.DIGID_ENTITY_ID)


def inloggen(request, gebruiker, niveau: str | None = None) -> None:
    """Logs in through DigiD: the session lasts ``DIGID_SESSIEDUUR`` without
    activity, and acts under no mandate unless DigiD Machtigen gave one.
    ``niveau``: the level of assurance the SAML response carried (checked by
    ``niveau``); a log-in that read none (DigiD Machtigen) keeps none."""
    login(request, gebruiker, backend=BACKEND)
    request.session.pop(MACHTIGING_SESSION_KEY, None)
    request.session[DIGID_SESSION_KEY] = True
    if niveau:
        request.session[NIVEAU_SESSION_KEY] = niveau
    else:
        request.session.pop(NIVEAU_SESSION_KEY, None)
    request.session.set_expiry(settings.DIGID_SESSIEDUUR)


def niveau_uit_sessie(request) -> str | None:
    """The level of assurance this session logged in with, or None (a password
    log-in, DigiD Machtigen)."""
    return request.session.get(NIVEAU_SESSION_KEY)


# DigiD's levels of assurance, lowest first, as django-digid-eherkenning lists
# them (Logius, "Koppelvlakspecificatie DigiD SAML Authenticatie"): Basis <
# Midden < Substantieel < Hoog.
NIVEAUS: tuple[str, ...] = tuple(DigiDAssuranceLevels.values)


def niveau(class_refs: list[str], minimum: str) -> str | None:
    """The level of assurance a response carries (its AuthnContextClassRef),
    when it is one of DigiD's levels and at least ``minimum``; None when it is
    lower, absent, unknown, or not exactly one (a DigiD assertion carries one
    authentication statement). The AuthnRequest asks for ``minimum`` with
    comparison "minimum"; this checks that the answer keeps to it. Pure."""
    if minimum not in NIVEAUS:
        raise ValueError(f"Onbekend DigiD-niveau als minimum: {minimum!r}")
    if len(class_refs) != 1 or class_refs[0] not in NIVEAUS:
        return None
    ontvangen = class_refs[0]
    return ontvangen if NIVEAUS.index(ontvangen) >= NIVEAUS.index(minimum) else None


def niveaunaam(class_ref: str) -> str:
    """The level's name: "Midden" for the class ref of DigiD Midden (the
    library's label without "DigiD")."""
    return str(DigiDAssuranceLevels(class_ref).label).removeprefix("DigiD ")


def bsn_sleutel(bsn: str) -> str:
    """The stored link: an HMAC of the BSN, not the BSN itself."""
    return salted_hmac(
        "ontheffing.digid.bsn",
        bsn,
        secret=settings.DIGID_BSN_SLEUTEL or settings.SECRET_KEY,
        algorithm="sha256",
    ).hexdigest()


class _Bestand:
    """What the library reads of a Django FieldFile: ``open()`` and ``path``."""

    def __init__(self, pad):
        self.path = str(Path(pad))

    def open(self, mode="r"):
        return open(self.path, mode)  # noqa: SIM115


class _SessieOpslag:
    """Keeps the id of the AuthnRequest in this browser's session, so a response
    is accepted only for the request this session made, and only once (instead
    of the library's cache, which accepts it from any session)."""

    def __init__(self, request):
        self.session = request.session

    def store(self, request_id, client_ip_address):
        self.session[AANVRAAG_SESSION_KEY] = {
            "id": request_id,
            "ip": client_ip_address,
            "tijd": time.time(),
        }

    def get(self, request_id):
        aanvraag = self.session.pop(AANVRAAG_SESSION_KEY, None)
        if (
            not aanvraag
            or aanvraag["id"] != request_id
            or time.time() - aanvraag["tijd"] > AANVRAAG_GELDIG_SECONDEN
        ):
            return None
        return {"client_ip_address": aanvraag["ip"]}


class DigiDClient(BaseSaml2Client):
    def __init__(self, request):
        super().__init__()
        self.authn_storage = _SessieOpslag(request)

    @property
    def conf(self) -> dict:
        return {
            "base_url": settings.DIGID_BASE_URL,
            "entity_id": settings.DIGID_ENTITY_ID,
            "metadata_file": _Bestand(settings.DIGID_IDP_METADATA),
            "service_entity_id": settings.DIGID_IDP_ENTITY_ID,
            "key_file": _Bestand(settings.DIGID_SLEUTEL),
            "cert_file": _Bestand(settings.DIGID_CERTIFICAAT),
            "acs_path": reverse("digid_acs"),
            "service_name": "Ontheffing verboden handelingen",
            "service_description": "Ontheffing van artikel 15 Gemeentewet aanvragen",
            "attribute_consuming_service_index": "1",
            "requested_attributes": [],
            "want_assertions_signed": True,
            "signature_algorithm": OneLogin_Saml2_Constants.RSA_SHA256,
            "digest_algorithm": OneLogin_Saml2_Constants.SHA256,
            "artifact_resolve_content_type": "text/xml",
        }

    def create_config(self, config_dict):
        # As django-digid-eherkenning's own DigiDClient does.
        config_dict["security"].update(
            {
                "wantAttributeStatement": False,
                "metadataValidUntil": "",
                "metadataCacheDuration": "",
                "requestedAuthnContextComparison": "minimum",
                "requestedAuthnContext": [settings.DIGID_BETROUWBAARHEIDSNIVEAU],
            }
        )
        return super().create_config(config_dict)

    def create_authn_request(self, request, return_to=None):
        return super().create_authn_request(
            request,
            return_to=return_to,
            is_passive=False,
            set_nameid_policy=False,
            name_id_value_req=None,
        )


def geldig_bsn(nummer) -> bool:
    """Nine digits that pass the BSN's eleven test (elfproef: the weights 9 to 2
    and -1 give a multiple of 11)."""
    if not (isinstance(nummer, str) and nummer.isdigit() and len(nummer) == 9):
        return False
    gewichten = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return sum(g * int(c) for g, c in zip(gewichten, nummer, strict=True)) % 11 == 0


def bsn_uit_antwoord(antwoord) -> str | None:
    sector, _, nummer = (antwoord.get_nameid() or "").partition(":")
    if sector != SECTORCODE_BSN or not geldig_bsn(nummer):
        return None
    return nummer
