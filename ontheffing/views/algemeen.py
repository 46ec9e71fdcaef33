"""Pages for everyone: the start page, downloads, error pages."""

import sys

from django.db import DatabaseError
from django.http import FileResponse, HttpResponse, HttpResponseServerError
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.views.decorators.http import require_GET

from ontheffing import logboek
from ontheffing.models import Verzoek
from ontheffing.states import Rol


@require_GET
def start(request):
    user = request.user
    if user.is_authenticated:
        if user.rol == Rol.AANVRAGER:
            return redirect("aanvrager:lijst")
        if user.rol in (Rol.BEHANDELAAR, Rol.BESLISSER):
            return redirect("provincie:werkvoorraad")
        if user.rol == Rol.BEHEERDER:
            return redirect("provincie:beheer")
    return render(request, "start.html")


def _zichtbaar(request, pk):
    return get_object_or_404(Verzoek.objects.zichtbaar_voor(request.user), pk=pk)


def _als_bijlage(response, bestandsnaam: str):
    response["Content-Disposition"] = f'attachment; filename="{bestandsnaam}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def bijlage_downloaden(request, pk, bijlage_pk):
    """A document of a case the user may see; always as an attachment."""
    verzoek = _zichtbaar(request, pk)
    bijlage = get_object_or_404(verzoek.bijlagen_voor(request.user), pk=bijlage_pk)
    response = FileResponse(
        bijlage.bestand.open("rb"), content_type=bijlage.content_type
    )
    return _als_bijlage(response, bijlage.bestandsnaam)


@require_GET
def besluit_downloaden(request, pk, besluit_pk):
    verzoek = _zichtbaar(request, pk)
    besluit = get_object_or_404(verzoek.besluiten_voor(request.user), pk=besluit_pk)
    response = HttpResponse(bytes(besluit.pdf), content_type="application/pdf")
    return _als_bijlage(response, besluit.bestandsnaam)


def niet_gevonden(request, exception=None):
    logboek.toegang_geweigerd(request, 404)
    return render(
        request,
        "fout.html",
        {
            "titel": "Pagina niet gevonden",
            "tekst": "Deze pagina bestaat niet, of u heeft er geen toegang toe.",
        },
        status=404,
    )


def geen_toegang(request, exception=None):
    logboek.toegang_geweigerd(request, 403)
    return render(
        request,
        "fout.html",
        {"titel": "Geen toegang", "tekst": "U heeft geen toestemming voor deze actie."},
        status=403,
    )


def serverfout(request):
    """The 500 page. Rendered without the request's context processors, so it
    needs no database (the user and session may be what failed). It does not
    claim that nothing was saved: an error after a commit is possible."""
    if isinstance(sys.exc_info()[1], DatabaseError):
        titel = "Tijdelijk niet bereikbaar"
        tekst = (
            "De gegevens zijn op dit moment niet bereikbaar. Probeer het over enkele "
            "minuten opnieuw, en kijk dan eerst of uw laatste actie is opgeslagen "
            "voordat u haar herhaalt."
        )
    else:
        titel = "Er ging iets mis"
        tekst = (
            "Er ging aan onze kant iets mis. Mogelijk is uw laatste actie toch "
            "opgeslagen: bekijk de actuele stand voordat u haar herhaalt."
        )
    try:
        html = loader.render_to_string("fout.html", {"titel": titel, "tekst": tekst})
    except Exception:  # the last line of defence: plain Dutch, no template
        html = f"<!doctype html><html lang='nl'><title>{titel}</title><h1>{titel}</h1><p>{tekst}</p></html>"
    return HttpResponseServerError(html)
