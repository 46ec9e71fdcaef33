import functools

from django.conf import settings
from django_otp import user_has_device


def inlogkeuzes(request):
    """Which log-in buttons the log-in page offers, and (asked only when a page
    shows it) whether the user has a second factor."""
    user = getattr(request, "user", None)
    return {
        "sso_beschikbaar": bool(settings.OIDC_RP_CLIENT_ID),
        "digid_beschikbaar": bool(settings.DIGID_ENTITY_ID),
        "machtigen_beschikbaar": bool(settings.DIGID_MACHTIGEN_CLIENT_ID),
        "heeft_tweede_factor": functools.partial(user_has_device, user)
        if user is not None and user.is_authenticated
        else False,
    }
