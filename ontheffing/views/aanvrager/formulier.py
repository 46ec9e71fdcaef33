"""The applicant's list and the request form: a concept saved even with
errors, the raw input kept, and submission."""

from django.contrib import messages
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from ontheffing import formatting, permissions, services
from ontheffing.forms import zelftest as zt
from ontheffing.forms.aanvrager import VerzoekForm
from ontheffing.identiteit import machtigen
from ontheffing.models import Bijlagesoort, Provincie, Verzoek
from ontheffing.states import (
    OPEN_STATUSSEN,
    STATUS_VOOR_AANVRAGER,
    Status,
)
from ontheffing.uploads import OngeldigBestand
from ontheffing.views.aanvrager.basis import aanvrager_vereist, eigen_verzoek
from ontheffing.views.zelftest import antwoorden_uit_sessie


def _ruw_sleutel(pk) -> str:
    return f"concept-ruw-{pk}"


# ---------------------------------------------------------------- list


@aanvrager_vereist
def lijst(request):
    verzoeken = (
        Verzoek.objects.zichtbaar_voor(request.user)
        .select_related("provincie")
        .prefetch_related("opschortingen")
    )
    rijen = [
        {
            "verzoek": v,
            "status": STATUS_VOOR_AANVRAGER[v.status],
            "bewerkbaar": permissions.mag(request.user, "concept_bewerken", v),
            "opgeschort": v.status == Status.AANVULLING_GEVRAAGD,
            "beslistermijn": v.beslistermijn if v.status in OPEN_STATUSSEN else None,
        }
        for v in verzoeken
    ]
    return render(request, "aanvrager/lijst.html", {"rijen": rijen})


# ------------------------------------------------------- request form


def _initieel(request) -> dict:
    initieel = {"naam": request.user.naam, "email": request.user.email}
    if request.GET.get("uit") == "zelftest":
        initieel.update(zt.verzoek_velden(antwoorden_uit_sessie(request)))
    return initieel


@aanvrager_vereist
@require_http_methods(["GET", "POST"])
def nieuw(request):
    if request.method == "GET":
        form = VerzoekForm(initial=_initieel(request))
        return _formulier(request, None, form)
    form = VerzoekForm(request.POST, request.FILES)
    form.is_valid()
    velden = form.geldige_velden()
    lichaam = (
        velden.get("gemeente") or velden.get("waterschap") or velden.get("regeling")
    )
    # A concept needs a province; it is set from the body on submission and
    # staff never see concepts, so any province will do until then.
    provincie = (
        lichaam.provincie if lichaam else Provincie.objects.order_by("code").first()
    )
    if provincie is None:
        messages.error(
            request, "Er zijn nog geen provincies ingesteld. Probeer het later."
        )
        return _formulier(request, None, form)
    verzoek = services.concept_aanmaken(
        user=request.user, provincie=provincie, **velden
    )
    return _na_opslaan(request, verzoek, form)


@aanvrager_vereist
@require_http_methods(["GET", "POST"])
def bewerken(request, pk):
    verzoek = eigen_verzoek(request, pk)
    toestemming = permissions.mag(request.user, "concept_bewerken", verzoek)
    if not toestemming:
        messages.info(request, toestemming.reden)
        return redirect("aanvrager:verzoek", verzoek.pk)
    if request.method == "GET":
        ruw = request.session.get(_ruw_sleutel(verzoek.pk))
        if isinstance(ruw, dict):
            data = QueryDict(mutable=True)
            for sleutel, waarden in ruw.items():
                data.setlist(sleutel, waarden)
            form = VerzoekForm(data, instance=verzoek)
            form.is_valid()
        else:
            form = VerzoekForm(instance=verzoek)
        return _formulier(request, verzoek, form)
    form = VerzoekForm(request.POST, request.FILES, instance=verzoek)
    form.is_valid()
    try:
        services.concept_bijwerken(
            user=request.user, verzoek=verzoek, velden=form.geldige_velden()
        )
    except services.NietNu as fout:  # submitted meanwhile, e.g. in another tab
        messages.error(request, str(fout))
        return redirect("aanvrager:verzoek", verzoek.pk)
    return _na_opslaan(request, verzoek, form)


def _na_opslaan(request, verzoek: Verzoek, form: VerzoekForm):
    """After saving what was valid: the upload, then keep or clear the raw input,
    then either submit or show the form again."""
    bestand = form.cleaned_data.get("bestand")
    if bestand and form.cleaned_data.get("bestand_soort"):
        try:
            services.bijlage_toevoegen(
                user=request.user,
                verzoek=verzoek,
                bestand=bestand,
                soort=form.cleaned_data["bestand_soort"],
            )
        except OngeldigBestand as fout:
            form.add_error("bestand", f"{bestand.name} is niet toegevoegd. {fout}")
    sleutel = _ruw_sleutel(verzoek.pk)
    invoerfouten = {k for k in form.errors if k not in ("bestand", "bestand_soort")}
    if invoerfouten:
        request.session[sleutel] = {
            k: request.POST.getlist(k)
            for k in request.POST
            if k not in ("csrfmiddlewaretoken", "actie")
        }
    else:
        request.session.pop(sleutel, None)

    if request.POST.get("actie") == "indienen":
        return _indienen_vanuit_formulier(request, verzoek, form)
    if form.errors:
        messages.warning(
            request,
            "Uw concept is opgeslagen, behalve de velden met een fout. Wat u daar "
            "typte, staat er nog en wordt bewaard tot u het verbetert.",
        )
        return _formulier(request, verzoek, form)
    messages.success(request, "Uw concept is opgeslagen. U kunt later verdergaan.")
    return redirect("aanvrager:bewerken", verzoek.pk)


def _indienen_vanuit_formulier(request, verzoek, form):
    verzoek.refresh_from_db()
    for soort in verzoek.ontbrekende_bijlagen():
        doel = "bestand" if "bestand" not in form.errors else None
        form.add_error(doel, f"Voeg nog toe: {Bijlagesoort(soort).label.lower()}.")
    for veld, tekst in verzoek.ontbrekend():
        if veld == "bijlage":
            continue
        if veld in form.fields:
            if veld not in form.errors:
                form.add_error(veld, "Vul dit in om het verzoek in te dienen.")
        else:
            form.add_error(None, f"Nog niet ingevuld: {tekst}.")
    if form.errors:
        return _formulier(request, verzoek, form, indienen_mislukt=True)
    try:
        services.verzoek_indienen(
            user=request.user, verzoek=verzoek, machtiging=machtigen.uit_sessie(request)
        )
    except services.NietNu as fout:
        messages.error(request, str(fout))
        return redirect("aanvrager:bewerken", verzoek.pk)
    return _ingediend(request, verzoek)


def _ingediend(request, verzoek):
    verzoek.refresh_from_db()
    datum_nl = formatting.datum
    messages.success(
        request,
        f"Uw verzoek is ingediend. Kenmerk: {verzoek.kenmerk}. Ontvangen op "
        f"{datum_nl(verzoek.ontvangen_op)}. De provincie beslist uiterlijk op "
        f"{datum_nl(verzoek.beslistermijn)}. U krijgt een ontvangstbevestiging per e-mail.",
    )
    return redirect("aanvrager:verzoek", verzoek.pk)


def _formulier(request, verzoek, form, indienen_mislukt=False):
    if verzoek is not None:
        vereist = [
            {
                "soort": s,
                "label": Bijlagesoort(s).label,
                "aanwezig": s not in verzoek.ontbrekende_bijlagen(),
            }
            for s in verzoek.vereiste_bijlagen()
        ]
        bijlagen = list(verzoek.bijlagen.all())
    else:
        vereist = [
            {
                "soort": Bijlagesoort.OVEREENKOMST,
                "aanwezig": False,
                "label": Bijlagesoort.OVEREENKOMST.label,
            }
        ]
        bijlagen = []
    return render(
        request,
        "aanvrager/formulier.html",
        {
            "form": form,
            "verzoek": verzoek,
            "vereist": vereist,
            "bijlagen": bijlagen,
            "indienen_mislukt": indienen_mislukt,
        },
    )


@aanvrager_vereist
@require_POST
def indienen(request, pk):
    verzoek = eigen_verzoek(request, pk)
    try:
        services.verzoek_indienen(
            user=request.user, verzoek=verzoek, machtiging=machtigen.uit_sessie(request)
        )
    except services.NietNu as fout:
        messages.error(request, str(fout))
        if verzoek.status == Status.CONCEPT:
            return redirect("aanvrager:bewerken", verzoek.pk)
        return redirect("aanvrager:verzoek", verzoek.pk)
    return _ingediend(request, verzoek)
