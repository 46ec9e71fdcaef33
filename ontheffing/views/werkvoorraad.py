"""The staff's lists: the worklist, and the proposals awaiting a decision.

The filtering, counting and paging are in ``ontheffing.werkvoorraad`` (imported
here as ``queries``); these views only read the request and render."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from ontheffing import permissions
from ontheffing import werkvoorraad as queries
from ontheffing.states import OPEN_STATUSSEN, Rol
from ontheffing.views.provincie import staf

SORTERINGEN = [
    ("termijn", "Beslistermijn (eerst verlopend)"),
    ("-termijn", "Beslistermijn (laatst verlopend)"),
    ("ontvangen", "Ontvangen (oudste eerst)"),
    ("-ontvangen", "Ontvangen (nieuwste eerst)"),
    ("kenmerk", "Kenmerk"),
]


@require_GET
@staf
def werkvoorraad(request):
    user = request.user
    vandaag = timezone.localdate()
    filters = queries.Filters.uit(request.GET)
    qs = queries.gefilterd(user, filters, vandaag)
    tellers = queries.tellers(user)
    page = queries.pagina(
        qs,
        request.GET.get("pagina"),
        vandaag,
        aantal=queries.aantal_uit_tellers(filters, tellers),
        user=user,
    )
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(request, "provincie/werkvoorraad.html", {
        "filters": filters,
        "tellers": tellers,
        "page": page,
        "behandelaars": queries.behandelaars(user),
        "gemeenten": queries.gemeenten(user),
        "stappen": [(s.value, str(s.label)) for s in OPEN_STATUSSEN],
        "query": query.urlencode(),
        "is_behandelaar": user.rol == Rol.BEHANDELAAR,
        "sorteringen": SORTERINGEN,
    })  # fmt: skip


@require_GET
@staf
def besluitvorming(request):
    toestemming = permissions.mag(request.user, "beslissen")
    if not toestemming:
        raise PermissionDenied(toestemming.reden)
    vandaag = timezone.localdate()
    qs = queries.besluitvorming(request.user, vandaag)
    page = queries.pagina(qs, request.GET.get("pagina"), vandaag, voorstel=True)
    return render(request, "provincie/besluitvorming.html", {"page": page})
