"""The staff's lists: the worklist (also as CSV, and its deadlines by week),
and the proposals awaiting a decision.

The filtering, counting and paging are in ``ontheffing.werkvoorraad`` (imported
here as ``queries``); these views only read the request and render."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from ontheffing import permissions
from ontheffing import werkvoorraad as queries
from ontheffing.states import OPEN_STATUSSEN, Rol
from ontheffing.views.provincie import staf
from ontheffing.werkvoorraad import overzichten
from ontheffing.werkvoorraad.formulier import FilterForm


def _filterformulier(request):
    user = request.user
    behandelaars, gemeenten = queries.behandelaars(user), queries.gemeenten(user)
    form = FilterForm(request.GET, behandelaars=behandelaars, gemeenten=gemeenten)
    return form, behandelaars, gemeenten


@require_GET
@staf
def werkvoorraad(request):
    user = request.user
    vandaag = timezone.localdate()
    form, behandelaars, gemeenten = _filterformulier(request)
    filters = form.filters()
    if (pk := queries.kenmerk_gevonden(user, filters.zoek)) is not None:
        return redirect("provincie:verzoek", pk=pk)
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
    return render(
        request,
        "provincie/werkvoorraad.html",
        {
            "filters": filters,
            "meldingen": form.meldingen(),
            "tellers": tellers,
            "page": page,
            "behandelaars": behandelaars,
            "gemeenten": gemeenten,
            "stappen": [(s.value, str(s.label)) for s in OPEN_STATUSSEN],
            "query": query.urlencode(),
            "is_behandelaar": user.rol == Rol.BEHANDELAAR,
            "sorteringen": [
                (k, label) for k, (label, _) in queries.SORTERINGEN.items()
            ],
        },
    )


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


@require_GET
@staf
def werkvoorraad_csv(request):
    """The worklist with the filters of the page, every match, as a CSV file."""
    form, _, _ = _filterformulier(request)
    vandaag = timezone.localdate()
    response = StreamingHttpResponse(
        overzichten.csv_regels(request.user, form.filters(), vandaag),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="werkvoorraad-{vandaag.isoformat()}.csv"'
    )
    return response


@require_GET
@staf
def termijnen(request):
    """The deadlines of the coming weeks at a glance, by week."""
    form, _, _ = _filterformulier(request)
    filters = form.filters()
    vandaag = timezone.localdate()
    weken, meer = overzichten.termijnen_per_week(request.user, filters, vandaag)
    return render(
        request,
        "provincie/termijnen.html",
        {
            "weken": weken,
            "meer": meer,
            "aantal_weken": overzichten.WEKEN,
            "filters": filters,
            "meldingen": form.meldingen(),
        },
    )
