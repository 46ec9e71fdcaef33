"""The applicant's case page: progress, deadline, history, the decision,
answering a request for information or for a view, and withdrawing."""

from django.contrib import messages
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ontheffing import permissions, services
from ontheffing.forms.aanvrager import (
    MET_VOORBEELD,
    UITLEG,
    AanvullenForm,
    IntrekkenForm,
    ZienswijzeGevenForm,
    soort_van_label,
)
from ontheffing.models import Bijlagesoort, Verzoek
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
    if verzoek.status == Status.INGEDIEND and verzoek.opschortingen.exists():
        # Answered a request for information: completeness is being checked
        # again, not back at receipt.
        huidig = STAP_VAN_STATUS[Status.AANVULLING_GEVRAAGD]
    return [
        {
            "naam": naam,
            "klasse": "gedaan" if i < huidig else "huidig" if i == huidig else "",
        }
        for i, naam in enumerate(STAPPEN)
    ]


def _punt(tekst: str) -> dict:
    """An item of a request for information, with what such a document is."""
    soort = soort_van_label(tekst)
    return {
        "tekst": tekst,
        "uitleg": UITLEG.get(soort, "") if soort else "",
        "voorbeeld": soort if soort in MET_VOORBEELD else None,
    }


def _gegeven_zienswijzen(verzoek):
    """The views given since the province last asked for one, oldest first."""
    vraag = (
        verzoek.gebeurtenissen.filter(actie=Actie.ZIENSWIJZE_VRAGEN)
        .order_by("-pk")
        .first()
    )
    if vraag is None:
        return []
    return list(
        verzoek.gebeurtenissen.filter(
            actie=Actie.ZIENSWIJZE_GEVEN, pk__gt=vraag.pk
        ).order_by("pk")
    )


def _verzoekpagina(
    request, verzoek, aanvullen_formulier=None, zienswijze_formulier=None, status=200
):
    user = request.user
    gebeurtenissen = verzoek.gebeurtenissen.voor_aanvrager().select_related("actor")
    mag_aanvullen = permissions.mag(user, "aanvullen", verzoek)
    mag_zienswijze = permissions.mag(user, "zienswijze_geven", verzoek)
    opschorting = verzoek.lopende_opschorting
    punten = list(opschorting.ontbrekend) if opschorting else []
    gegeven = (
        _gegeven_zienswijzen(verzoek)
        if verzoek.status == Status.ZIENSWIJZE_GEVRAAGD
        else []
    )
    if (
        gegeven
        and zienswijze_formulier is None
        and request.GET.get("zienswijze") != "meer"
    ):
        mag_zienswijze_formulier = False
    else:
        mag_zienswijze_formulier = bool(mag_zienswijze)
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
            "opschorting": opschorting,
            "punten": [_punt(p) for p in punten],
            "gebeurtenissen": gebeurtenissen,
            "reden_zichtbaar": REDEN_ZICHTBAAR,
            "bijlagen": verzoek.bijlagen_voor(user),
            "kopie": verzoek.bijlagen.filter(soort=Bijlagesoort.VERZOEK).first(),
            # A concept's province is a placeholder until it is submitted.
            "voet_provincie": verzoek.provincie if verzoek.kenmerk else None,
            "besluiten": verzoek.besluiten_voor(user),
            "mag_aanvullen": mag_aanvullen,
            "aanvullen_formulier": aanvullen_formulier
            or (AanvullenForm(punten=punten) if mag_aanvullen else None),
            "zienswijze_vraag": verzoek.gebeurtenissen.filter(
                actie=Actie.ZIENSWIJZE_VRAGEN
            ).last()
            if verzoek.status == Status.ZIENSWIJZE_GEVRAAGD
            else None,
            "zienswijze_formulier": zienswijze_formulier
            or (ZienswijzeGevenForm() if mag_zienswijze_formulier else None),
            "gegeven_zienswijzen": gegeven,
            "meer_zienswijze": bool(mag_zienswijze) and not mag_zienswijze_formulier,
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


def _weigering_of_melding(request, verzoek, fout: services.Weigering):
    """A refused answer: 403 when it is not the applicant's to give, else the
    reason on the case page."""
    if isinstance(fout, services.GeenToegang):
        raise fout
    messages.error(request, str(fout))
    return redirect("aanvrager:verzoek", verzoek.pk)


@aanvrager_vereist
@require_POST
def aanvullen(request, pk):
    verzoek = eigen_verzoek(request, pk)
    opschorting = verzoek.lopende_opschorting
    form = AanvullenForm(
        request.POST,
        request.FILES,
        punten=list(opschorting.ontbrekend) if opschorting else [],
    )
    return _antwoord_met_documenten(
        request,
        verzoek,
        form,
        lambda tekst, documenten: services.verzoek_aanvullen(
            user=request.user, verzoek=verzoek, antwoord=tekst, bestanden=documenten
        ),
        "Dank u wel. Uw aanvulling is ontvangen; de provincie gaat verder met uw verzoek.",
        veld="aanvullen_formulier",
        niet_nu="Er staat geen vraag om aanvulling open bij dit verzoek.",
    )


@aanvrager_vereist
@require_POST
def zienswijze(request, pk):
    verzoek = eigen_verzoek(request, pk)
    form = ZienswijzeGevenForm(request.POST, request.FILES)
    return _antwoord_met_documenten(
        request,
        verzoek,
        form,
        lambda tekst, documenten: services.zienswijze_geven(
            user=request.user, verzoek=verzoek, tekst=tekst, bestanden=documenten
        ),
        "Dank u wel. Uw zienswijze is ontvangen; de provincie betrekt die bij haar "
        "besluit.",
        veld="zienswijze_formulier",
    )


def _antwoord_met_documenten(
    request, verzoek, form, uitvoeren, gelukt, *, veld, niet_nu=""
):
    """The common end of answering the province (an aanvulling or a
    zienswijze): check the form, call the service with the documents (each
    with the item it answers), and show what went wrong on the case page
    (``veld`` names the form there) without losing the text. The service
    decides whether the answer may be given now, and a repeated identical
    answer (a double click) is simply the answer already given."""
    if not form.is_valid():
        return _verzoekpagina(request, verzoek, **{veld: form})
    try:
        uitvoeren(form.cleaned_data["antwoord"], form.documenten())
    except OngeldigBestand as fout:
        verzoek.refresh_from_db()
        form.add_error(None, f"Er is niets verstuurd. {fout}")
        return _verzoekpagina(request, verzoek, **{veld: form})
    except services.Weigering as fout:
        if niet_nu and isinstance(fout, services.NietNu):
            fout = services.NietNu(niet_nu)
        return _weigering_of_melding(request, verzoek, fout)
    messages.success(request, gelukt)
    return redirect("aanvrager:verzoek", verzoek.pk)


@require_GET
def voorbeelddocument(request, soort):
    """A model text for a kind of document the province asks for."""
    if soort not in MET_VOORBEELD:
        raise Http404
    tekst = render_to_string(f"aanvrager/voorbeeld_{soort}.txt")
    response = HttpResponse(tekst, content_type="text/plain; charset=utf-8")
    naam = Bijlagesoort(soort).label.lower().replace(" ", "-")
    response["Content-Disposition"] = f'attachment; filename="voorbeeld-{naam}.txt"'
    return response


@aanvrager_vereist
@require_http_methods(["GET", "POST"])
def intrekken(request, pk):
    verzoek = eigen_verzoek(request, pk)
    # A withdrawal posted again (a double click) goes to the service, which
    # sees it was already done.
    herhaald = request.method == "POST" and verzoek.status == Status.INGETROKKEN
    if not herhaald and not permissions.mag(request.user, "intrekken", verzoek):
        messages.error(request, "Dit verzoek kan niet (meer) worden ingetrokken.")
        return redirect("aanvrager:verzoek", verzoek.pk)
    form = IntrekkenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.verzoek_intrekken(
                user=request.user, verzoek=verzoek, reden=form.cleaned_data["reden"]
            )
        except services.Weigering as fout:
            return _weigering_of_melding(request, verzoek, fout)
        messages.success(
            request,
            "U heeft uw verzoek ingetrokken. De provincie neemt er geen besluit meer "
            "over. U krijgt een bevestiging per e-mail.",
        )
        return redirect("aanvrager:verzoek", verzoek.pk)
    return render(
        request, "aanvrager/intrekken.html", {"verzoek": verzoek, "form": form}
    )
