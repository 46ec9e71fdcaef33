"""What the province's staff pages share: who may open them, how a case is
looked up, one service call with its message, and the sandboxed letter.

The pages themselves, by step of the journey (URLs in ``urls_provincie``):

- ``werkvoorraad``: the worklist and the list of proposals awaiting a decision;
- ``zaak``: the case page and notes;
- ``intake``: take up, assign, complete, request an aanvulling, propose to leave
  the request unprocessed, forward it;
- ``beoordeling``: the qualification and assessment pages, the zienswijze;
- ``besluit``: the beslisser's page, its concept letter, fixing or returning;
- ``termijn``: verdaging and a notice of default.

Three outcomes of an action, from ``permissions.mag``: not allowed for you
(403), not allowed now (the page again with the message and the input kept),
done (redirect)."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.templatetags.static import static

from ontheffing import kwalificatie as kw
from ontheffing import permissions, services
from ontheffing.models import Verzoek

CONCEPT_CSP = (
    "sandbox; default-src 'none'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; frame-ancestors 'self'"
)


def staf(view):
    """Logged-in behandelaar or beslisser of a province; anyone else gets 403."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not permissions.is_staf(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def zichtbaar_verzoek(request, pk) -> Verzoek:
    """The case, if the user may see it (404 otherwise)."""
    qs = Verzoek.objects.zichtbaar_voor(request.user).select_related(
        "provincie",
        "behandelaar",
        "gemeente",
        "waterschap",
        "regeling",
        "ingediend_door",
        "voorgesteld_door",
    )
    return get_object_or_404(qs, pk=pk)


def forbid_if_not_for_user(user, actie: str, verzoek, **context):
    """403 when ``actie`` is not for this user at all; otherwise the answer, so
    the page can say why it is not possible now."""
    toestemming = permissions.mag(user, actie, verzoek, **context)
    if not toestemming and not toestemming.voor_u:
        raise PermissionDenied(toestemming.reden)
    return toestemming


def call_service(request, service, **kwargs) -> bool:
    """Make the one service call of a request (with keyword arguments, among
    them ``verzoek``). When it may not happen now, show why and read the case
    again, so the page shows it as it is."""
    try:
        service(**kwargs)
    except services.NietNu as exc:
        messages.error(request, str(exc))
        kwargs["verzoek"].refresh_from_db()
        return False
    return True


def redirect_done(request, verzoek, bericht: str):
    """After an action from the case page: the message, back to the case (or
    to the worklist when the action was taken from there)."""
    messages.success(request, bericht)
    if request.POST.get("terug") == "werkvoorraad":
        return redirect("provincie:werkvoorraad")
    return redirect("provincie:verzoek", pk=verzoek.pk)


def opgegeven_feiten(verzoek) -> kw.Feiten | None:
    """The applicant's facts, or None while they are incomplete."""
    try:
        return verzoek.feiten()
    except (ValueError, TypeError):
        return None


def berekende_kwalificatie(verzoek) -> kw.Kwalificatie | None:
    """What the engine makes of the applicant's facts, if they are complete."""
    feiten = opgegeven_feiten(verzoek)
    return kw.kwalificeer(feiten) if feiten else None


def kwalificatie_weergave(data: dict | None) -> dict | None:
    """A stored qualification with the labels of its outcome and authority."""
    if not data:
        return None
    weergave = dict(data)
    try:
        weergave["uitkomst_tekst"] = kw.Uitkomst(data["uitkomst"]).label
        weergave["gezag_tekst"] = kw.BevoegdGezag(data.get("bevoegd_gezag")).label
    except (ValueError, KeyError):
        pass
    return weergave


def conceptbrief(html: str) -> HttpResponse:
    """A full letter document, sandboxed: no scripts, no forms, only our CSS."""
    html = html.replace('href="ontheffing/', f'href="{static("ontheffing/")}')
    html = html.replace('src="ontheffing/', f'src="{static("ontheffing/")}')
    response = HttpResponse(html)
    response["Content-Security-Policy"] = CONCEPT_CSP
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
