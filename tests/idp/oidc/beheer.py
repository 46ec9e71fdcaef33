"""What the tests control in the provider: its users and groups, and whether it
misbehaves (an expired or a tampered id_token), through a JSON endpoint."""

import base64
import json
import time

from django.contrib.auth.models import Group, User
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from oidc_provider.lib.claims import ScopeClaims

MODUS = {"waarde": "normaal", "claims": None}
# username -> the DigiD Machtigen claims of that user's id_token.
MACHTIGINGEN = {}
MACHTIGEN_CLIENT_ID = "ontheffing-machtigen-test"


@csrf_exempt
def gebruiker(request):
    gegevens = json.loads(request.body)
    user, _ = User.objects.get_or_create(username=gegevens["username"])
    user.email = gegevens["email"]
    user.first_name = gegevens.get("voornaam", "")
    user.last_name = gegevens.get("achternaam", "")
    user.set_password(gegevens["password"])
    user.save()
    user.groups.set(Group.objects.get_or_create(name=n)[0] for n in gegevens["groepen"])
    return JsonResponse({"sub": str(user.pk)})


@csrf_exempt
def modus(request):
    gegevens = json.loads(request.body)
    MODUS["waarde"], MODUS["claims"] = gegevens["modus"], gegevens.get("claims")
    return JsonResponse(MODUS)


@csrf_exempt
def machtiging(request):
    gegevens = json.loads(request.body)
    MACHTIGINGEN[gegevens["username"]] = gegevens["claims"]
    return JsonResponse({})


def userinfo(claims, user):
    claims["email"] = user.email
    claims["email_verified"] = True
    claims["name"] = user.get_full_name()
    claims["given_name"] = user.first_name
    claims["family_name"] = user.last_name
    return claims


class GroepenClaims(ScopeClaims):
    info_groups = ("Groepen", "De groepen waarvan u lid bent.")

    def scope_groups(self):
        return {"groups": list(self.user.groups.values_list("name", flat=True))}


def id_token_bewerken(id_token, user, token=None, **kwargs):
    if token is not None and token.client.client_id == MACHTIGEN_CLIENT_ID:
        id_token.update(MACHTIGINGEN.get(user.username, {}))
    if MODUS["waarde"] == "verlopen":
        id_token["iat"] = int(time.time()) - 3600
        id_token["exp"] = int(time.time()) - 1800
    return id_token


class KnoeiMiddleware:
    """In "geknoeid" mode, changes the subject inside the signed id_token on its
    way out of the token endpoint, keeping the original signature."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if MODUS["waarde"] != "geknoeid" or not request.path.startswith(
            "/openid/token"
        ):
            return response
        gegevens = json.loads(response.content)
        kop, inhoud, handtekening = gegevens["id_token"].split(".")
        claims = json.loads(base64.urlsafe_b64decode(inhoud + "=" * (-len(inhoud) % 4)))
        claims.update(
            MODUS["claims"] or {"sub": "999999", "email": "indringer@example.nl"}
        )
        inhoud = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=")
        gegevens["id_token"] = ".".join((kop, inhoud.decode(), handtekening))
        response.content = json.dumps(gegevens).encode()
        response["Content-Length"] = str(len(response.content))
        return response
