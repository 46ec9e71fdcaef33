from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django_otp import user_has_device

from ontheffing.identiteit.digid import DIGID_SESSION_KEY, NIEUW_SESSION_KEY
from ontheffing.identiteit.tweede_factor import tweede_factor_vereist

# Reachable before the second factor is given.
VRIJ = {"tweede_factor", "tweede_factor_instellen", "logout", "sso_geweigerd"}


class TweedeFactorMiddleware:
    """Sends a logged-in user who still owes a second factor to the page that
    asks for it (or sets it up); every other page waits until then."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.resolver_match.url_name in VRIJ:
            return None
        if not tweede_factor_vereist(request) or request.user.is_verified():
            return None
        doel = (
            "tweede_factor"
            if user_has_device(request.user)
            else "tweede_factor_instellen"
        )
        response = redirect(doel)
        response["Location"] += "?" + urlencode({"next": request.get_full_path()})
        return response


class DigiDSessieMiddleware:
    """A DigiD session ends after ``DIGID_SESSIEDUUR`` seconds without activity:
    each request moves the end forward (Django saves a session whose expiry was
    set)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and (
            session.get(DIGID_SESSION_KEY) or session.get(NIEUW_SESSION_KEY)
        ):
            session.set_expiry(settings.DIGID_SESSIEDUUR)
        return self.get_response(request)
