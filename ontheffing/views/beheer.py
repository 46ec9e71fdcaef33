"""Beheer of one province by its beheerder: staff, letterhead, waterschappen and
regelingen, the versions of the beleidsregel, and the history of these changes.
Nothing of another province is visible (404); other roles get 403. Every change
goes through a use case in ``services.beheer`` or ``services.beleidsregels``,
which records it."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from ontheffing import permissions, services
from ontheffing.forms import beheer as f
from ontheffing.models import (
    Beheergebeurtenis,
    Beleidsregel,
    Doorzendadres,
    Gebeurtenis,
    Gebruiker,
)
from ontheffing.states import Rol

PER_PAGINA = 50


def beheerder(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        provincie_id = request.user.provincie_id
        if provincie_id is None or not permissions.mag(
            request.user, "provincie_beheren", provincie_id=provincie_id
        ):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _medewerkers(user):
    return Gebruiker.objects.filter(provincie_id=user.provincie_id).exclude(
        rol=Rol.AANVRAGER
    )


@require_http_methods(["GET"])
@beheerder
def overzicht(request):
    return render(
        request,
        "beheer/overzicht.html",
        {
            "provincie": request.user.provincie,
            "medewerkers": _medewerkers(request.user).order_by("-is_active", "naam"),
        },
    )


def _basis_url(request) -> str:
    return request.build_absolute_uri("/")[:-1]


@require_http_methods(["GET", "POST"])
@beheerder
def uitnodigen(request):
    form = f.UitnodigenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        gegevens = {veld: form.cleaned_data[veld] for veld in form.Meta.fields}
        try:
            nieuw = services.medewerker_uitnodigen(
                user=request.user,
                provincie=request.user.provincie,
                basis_url=_basis_url(request),
                **gegevens,
            )
        except services.NietNu as exc:
            form.add_error("email", str(exc))
        else:
            messages.success(request, f"{nieuw.naam} is uitgenodigd via {nieuw.email}.")
            return redirect("provincie:beheer")
    return render(request, "beheer/medewerker.html", {"form": form, "nieuw": True})


@require_http_methods(["GET", "POST"])
@beheerder
def medewerker(request, pk):
    collega = get_object_or_404(_medewerkers(request.user), pk=pk)
    form = f.MedewerkerForm(request.POST or None, instance=collega)
    if request.method == "POST" and form.is_valid():
        gegevens = {veld: form.cleaned_data[veld] for veld in form.Meta.fields}
        try:
            services.medewerker_wijzigen(
                user=request.user, medewerker=collega, **gegevens
            )
        except services.NietNu as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, f"De gegevens van {collega.naam} zijn opgeslagen."
            )
            return redirect("provincie:beheer")
    heeft_gehandeld = Gebeurtenis.objects.filter(actor=collega).exists()
    return render(
        request,
        "beheer/medewerker.html",
        {
            "form": form,
            "collega": collega,
            "heeft_gehandeld": heeft_gehandeld,
        },
    )


@require_http_methods(["GET", "POST"])
@beheerder
def provincie_gegevens(request):
    provincie = request.user.provincie
    form = f.ProvincieForm(
        request.POST or None, request.FILES or None, instance=provincie
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.provinciegegevens_wijzigen(
                user=request.user,
                provincie=provincie,
                gegevens={veld: form.cleaned_data[veld] for veld in form.Meta.fields},
                logo=form.cleaned_data.get("logo"),
                logo_verwijderen=form.cleaned_data.get("logo_verwijderen", False),
            )
        except services.NietNu as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, "De gegevens voor het briefhoofd zijn opgeslagen."
            )
            return redirect("provincie:beheer")
    return render(request, "beheer/provincie.html", {"form": form})


@require_http_methods(["GET", "POST"])
@beheerder
def afschriften(request):
    provincie = request.user.provincie
    form = f.AfschriftenForm(
        request.POST or None,
        initial={
            veld: getattr(provincie, veld) for veld in services.beheer.AFSCHRIFTVELDEN
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.afschriften_instellen(
                user=request.user, provincie=provincie, **form.cleaned_data
            )
        except services.NietNu as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, "De instellingen voor afschriften zijn opgeslagen."
            )
            return redirect("provincie:beheer")
    return render(request, "beheer/afschriften.html", {"form": form})


def _doorzendformulieren(request, provincie) -> dict:
    """One form per own authority (GS, CdK), prefixed by its orgaan."""
    bestaande = {a.orgaan: a for a in Doorzendadres.objects.filter(provincie=provincie)}
    formulieren = {}
    for orgaan in services.beheer.DOORZENDORGANEN:
        adres = bestaande.get(orgaan) or Doorzendadres(
            orgaan=orgaan, provincie=provincie
        )
        formulieren[orgaan] = f.DoorzendadresForm(
            request.POST or None,
            prefix=orgaan,
            bestaat=adres.pk is not None,
            naam=adres.naam,
            initial={"postadres": adres.postadres, "email": adres.email},
        )
        formulieren[orgaan].titel = adres.naam[:1].upper() + adres.naam[1:]
    return formulieren


@require_http_methods(["GET", "POST"])
@beheerder
def doorzendadressen(request):
    """The addresses where requests to this province's GS and CdK are forwarded
    (Awb 2:3), and, to check, every address the province forwards to."""
    provincie = request.user.provincie
    formulieren = _doorzendformulieren(request, provincie)
    fout = None
    if request.method == "POST" and all(x.is_valid() for x in formulieren.values()):
        adressen = {
            orgaan: (form.cleaned_data["postadres"], form.cleaned_data["email"])
            for orgaan, form in formulieren.items()
        }
        try:
            services.doorzendadressen_instellen(
                user=request.user, provincie=provincie, adressen=adressen
            )
        except services.NietNu as exc:
            fout = str(exc)
        else:
            messages.success(request, "De doorzendadressen zijn opgeslagen.")
            return redirect("provincie:beheer_doorzendadressen")
    alle = Doorzendadres.objects.select_related("provincie").order_by(
        "provincie__naam", "orgaan"
    )
    fouten = [
        (form[veld].auto_id, f"{form.titel}, {form[veld].label.lower()}: {tekst}")
        for form in formulieren.values()
        for veld, lijst in form.errors.items()
        for tekst in lijst
    ] + ([("", fout)] if fout else [])
    return render(
        request,
        "beheer/doorzendadressen.html",
        {
            "formulieren": list(formulieren.values()),
            "fouten": fouten,
            "alle": alle,
        },
    )


@require_http_methods(["GET", "POST"])
@beheerder
def lichamen(request):
    provincie = request.user.provincie
    form = f.LichaamForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            lichaam = services.lichaam_toevoegen(
                user=request.user,
                provincie=provincie,
                soort=form.cleaned_data["soort"],
                naam=form.cleaned_data["naam"],
            )
        except services.NietNu as exc:
            form.add_error("naam", str(exc))
        else:
            messages.success(request, f"{lichaam.naam} is toegevoegd.")
            return redirect("provincie:beheer_lichamen")
    return render(
        request,
        "beheer/lichamen.html",
        {
            "form": form,
            "waterschappen": provincie.waterschappen.all(),
            "regelingen": provincie.regelingen.all(),
        },
    )


@require_http_methods(["GET"])
@beheerder
def beleidsregels(request):
    regels = Beleidsregel.objects.filter(provincie_id=request.user.provincie_id)
    return render(request, "beheer/beleidsregels.html", {"regels": regels})


@require_http_methods(["GET", "POST"])
@beheerder
def beleidsregel_nieuw(request):
    """A new version, copying the criteria and voorschriften of the latest one."""
    provincie = request.user.provincie
    huidige = (
        Beleidsregel.objects.filter(provincie=provincie).order_by("-versie").first()
    )
    form = f.NieuweVersieForm(
        request.POST or None,
        initial={
            "titel": huidige.titel
            if huidige
            else f"Beleidskader verboden handelingen {provincie.naam}",
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            regel = services.beleidsregel_aanmaken(
                user=request.user, provincie=provincie, **form.cleaned_data
            )
        except services.NietNu as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, f"Versie {regel.versie} is aangemaakt; pas haar hier aan."
            )
            return redirect("provincie:beheer_beleidsregel", pk=regel.pk)
    return render(
        request, "beheer/beleidsregel_nieuw.html", {"form": form, "huidige": huidige}
    )


def _criteria(formset) -> list[dict]:
    """The complete new list of criteria from the formset: kept and new forms,
    without the ones marked for deletion and the empty extra form."""
    criteria = []
    for form in formset.forms:
        if form in formset.deleted_forms:
            continue
        if form.instance.pk is None and not form.has_changed():
            continue
        velden = {veld: form.cleaned_data[veld] for veld in formset.form._meta.fields}
        criteria.append({"pk": form.instance.pk, **velden})
    return criteria


@require_http_methods(["GET", "POST"])
@beheerder
def beleidsregel(request, pk):
    regel = get_object_or_404(
        Beleidsregel.objects.filter(provincie_id=request.user.provincie_id), pk=pk
    )
    in_gebruik = regel.in_gebruik
    form = f.BeleidsregelForm(request.POST or None, instance=regel)
    criteria = f.CriteriumFormSet(request.POST or None, instance=regel)
    if request.method == "POST":
        if in_gebruik:
            messages.error(
                request,
                "Deze versie is al toegepast en kan niet meer worden "
                "gewijzigd; maak een nieuwe versie.",
            )
            return redirect("provincie:beheer_beleidsregel", pk=regel.pk)
        if form.is_valid() and criteria.is_valid():
            try:
                services.beleidsregel_wijzigen(
                    user=request.user,
                    beleidsregel=regel,
                    titel=form.cleaned_data["titel"],
                    geldig_vanaf=form.cleaned_data["geldig_vanaf"],
                    voorschriften=form.cleaned_data["voorschriften_tekst"].splitlines(),
                    criteria=_criteria(criteria),
                )
            except services.NietNu as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, "De versie is opgeslagen.")
                return redirect("provincie:beheer_beleidsregel", pk=regel.pk)
    return render(
        request,
        "beheer/beleidsregel.html",
        {
            "regel": regel,
            "form": form,
            "criteria": criteria,
            "in_gebruik": in_gebruik,
        },
    )


@require_http_methods(["GET"])
@beheerder
def historie(request):
    """The beheer changes of the own province, newest first."""
    gebeurtenissen = Beheergebeurtenis.objects.filter(
        provincie_id=request.user.provincie_id
    ).select_related("actor")
    page = Paginator(gebeurtenissen, PER_PAGINA).get_page(request.GET.get("pagina"))
    return render(request, "beheer/historie.html", {"page": page})
