"""The applicant's case page: progress, deadline, history, the decision,
answering a request for information or for a view, and withdrawing."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from ontheffing import permissions, services
from ontheffing.forms.aanvrager import (
    AanvullenForm,
    IntrekkenForm,
    ZienswijzeGevenForm,
)
from ontheffing.models import Verzoek
from ontheffing.states import (
    OPEN_STATUSSEN,
    STAP_VAN_STATUS,
    STAPPEN,
    STATUS_VOOR_AANVRAGER,
    Actie,
    Status,
)
from ontheffing.uploads import OngeldigBestand
from ontheffing.views.aanvrager.basis import aanvrager_vereist, eigen_verzoek

# Events whose reason the applicant may read (the others may hold staff notes).
REDEN_ZICHTBAAR = {
    "aanvulling_vragen",
    "aanvullen",
    "verdagen",
    "doorzenden",
    "intrekken",
    "zienswijze_vragen",
    "zienswijze_geven",
    "feiten_corrigeren",
}


# ----------------------------------------------------------- case page


def _stappen(verzoek):
    huidig = STAP_VAN_STATUS[verzoek.status]
    return [
        {
            "naam": naam,
            "klasse": "gedaan" if i < huidig else "huidig" if i == huidig else "",
        }
        for i, naam in enumerate(STAPPEN)
    ]


def _verzoekpagina(
    request, verzoek, aanvullen_formulier=None, zienswijze_formulier=None, status=200
):
    user = request.user
    gebeurtenissen = verzoek.gebeurtenissen.voor_aanvrager().select_related("actor")
    mag_aanvullen = permissions.mag(user, "aanvullen", verzoek)
    mag_zienswijze = permissions.mag(user, "zienswijze_geven", verzoek)
    return render(
        request,
        "aanvrager/verzoek.html",
        {
            "verzoek": verzoek,
            "status_tekst": STATUS_VOOR_AANVRAGER[verzoek.status],
            "stappen": _stappen(verzoek) if verzoek.status != Status.CONCEPT else [],
            "opbouw": verzoek.termijnopbouw(),
            "open": verzoek.status in OPEN_STATUSSEN,
            "afgehandeld": verzoek.status == Status.AFGEHANDELD,
            "opschorting": verzoek.lopende_opschorting,
            "gebeurtenissen": gebeurtenissen,
            "reden_zichtbaar": REDEN_ZICHTBAAR,
            "bijlagen": verzoek.bijlagen_voor(user),
            "besluiten": verzoek.besluiten_voor(user),
            "mag_aanvullen": mag_aanvullen,
            "aanvullen_formulier": aanvullen_formulier
            or (AanvullenForm() if mag_aanvullen else None),
            "zienswijze_vraag": verzoek.gebeurtenissen.filter(
                actie=Actie.ZIENSWIJZE_VRAGEN
            ).last()
            if verzoek.status == Status.ZIENSWIJZE_GEVRAAGD
            else None,
            "zienswijze_formulier": zienswijze_formulier
            or (ZienswijzeGevenForm() if mag_zienswijze else None),
            "mag_intrekken": permissions.mag(user, "intrekken", verzoek),
            "mag_bewerken": permissions.mag(user, "concept_bewerken", verzoek),
        },
        status=status,
    )


@aanvrager_vereist
def verzoek(request, pk):
    verzoek = get_object_or_404(
        Verzoek.objects.zichtbaar_voor(request.user)
        .select_related("provincie", "gemeente", "waterschap", "regeling")
        .prefetch_related(Prefetch("opschortingen")),
        pk=pk,
    )
    return _verzoekpagina(request, verzoek)


@aanvrager_vereist
@require_POST
def aanvullen(request, pk):
    verzoek = eigen_verzoek(request, pk)
    toestemming = permissions.mag(request.user, "aanvullen", verzoek)
    if not toestemming:
        if not toestemming.voor_u:
            raise PermissionDenied(toestemming.reden)
        messages.error(
            request, "Er staat geen vraag om aanvulling open bij dit verzoek."
        )
        return redirect("aanvrager:verzoek", verzoek.pk)
    form = AanvullenForm(request.POST, request.FILES)
    return _antwoord_met_document(
        request,
        verzoek,
        form,
        lambda tekst, bestanden: services.verzoek_aanvullen(
            user=request.user, verzoek=verzoek, antwoord=tekst, bestanden=bestanden
        ),
        "Dank u wel. Uw aanvulling is ontvangen; de provincie gaat verder met uw verzoek.",
        veld="aanvullen_formulier",
    )


@aanvrager_vereist
@require_POST
def zienswijze(request, pk):
    verzoek = eigen_verzoek(request, pk)
    toestemming = permissions.mag(request.user, "zienswijze_geven", verzoek)
    if not toestemming:
        if not toestemming.voor_u:
            raise PermissionDenied(toestemming.reden)
        messages.error(request, toestemming.reden)
        return redirect("aanvrager:verzoek", verzoek.pk)
    form = ZienswijzeGevenForm(request.POST, request.FILES)
    return _antwoord_met_document(
        request,
        verzoek,
        form,
        lambda tekst, bestanden: services.zienswijze_geven(
            user=request.user, verzoek=verzoek, tekst=tekst, bestanden=bestanden
        ),
        "Dank u wel. Uw zienswijze is ontvangen; de provincie betrekt die bij haar "
        "besluit.",
        veld="zienswijze_formulier",
    )


def _antwoord_met_document(request, verzoek, form, uitvoeren, gelukt, *, veld):
    """The common end of answering the province (an aanvulling or a
    zienswijze): check the form, call the service with the optional document,
    and show what went wrong on the case page (``veld`` names the form there)
    without losing the text."""
    if not form.is_valid():
        return _verzoekpagina(request, verzoek, **{veld: form})
    bestand = form.cleaned_data.get("bestand")
    try:
        uitvoeren(form.cleaned_data["antwoord"], [bestand] if bestand else [])
    except OngeldigBestand as fout:
        verzoek.refresh_from_db()
        form.add_error("bestand", f"{bestand.name} is niet toegevoegd. {fout}")
        return _verzoekpagina(request, verzoek, **{veld: form})
    except services.NietNu as fout:
        messages.error(request, str(fout))
        return redirect("aanvrager:verzoek", verzoek.pk)
    messages.success(request, gelukt)
    return redirect("aanvrager:verzoek", verzoek.pk)


@aanvrager_vereist
@require_http_methods(["GET", "POST"])
def intrekken(request, pk):
    verzoek = eigen_verzoek(request, pk)
    if not permissions.mag(request.user, "intrekken", verzoek):
        messages.error(request, "Dit verzoek kan niet (meer) worden ingetrokken.")
        return redirect("aanvrager:verzoek", verzoek.pk)
    form = IntrekkenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.verzoek_intrekken(
                user=request.user, verzoek=verzoek, reden=form.cleaned_data["reden"]
            )
        except services.NietNu as fout:
            messages.error(request, str(fout))
            return redirect("aanvrager:verzoek", verzoek.pk)
        messages.success(
            request,
            "U heeft uw verzoek ingetrokken. De provincie neemt er geen besluit meer "
            "over. U krijgt een bevestiging per e-mail.",
        )
        return redirect("aanvrager:verzoek", verzoek.pk)
    return render(
        request, "aanvrager/intrekken.html", {"verzoek": verzoek, "form": form}
    )
