"""The province's failed messages, and sending one again."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from ontheffing.models import Bericht, Bezorgstatus
from ontheffing.services.base import Weigering
from ontheffing.services.berichten import bericht_opnieuw_versturen


def _medewerker(request):
    """Staff and beheerders of a province; an applicant has no such page."""
    if request.user.provincie_id is None:
        raise PermissionDenied


@require_GET
@login_required
def mislukt(request):
    _medewerker(request)
    berichten = (
        Bericht.objects.zichtbaar_voor(request.user)
        .filter(status=Bezorgstatus.MISLUKT)
        .select_related("verzoek")
        .prefetch_related("pogingen")
        .order_by("-aangemaakt_op", "-pk")
    )
    return render(request, "provincie/berichten_mislukt.html", {"berichten": berichten})


@require_POST
@login_required
def opnieuw(request, pk):
    _medewerker(request)
    bericht = get_object_or_404(Bericht.objects.zichtbaar_voor(request.user), pk=pk)
    try:
        bericht_opnieuw_versturen(user=request.user, bericht=bericht)
    except Weigering as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            f"Het bericht “{bericht.onderwerp}” staat weer klaar voor verzending.",
        )
    terug = request.POST.get("next", "")
    if terug and url_has_allowed_host_and_scheme(
        terug, allowed_hosts={request.get_host()}
    ):
        return HttpResponseRedirect(terug)  # a URL, never read as a view name
    return redirect("provincie:berichten_mislukt")
