"""The applicant's pages: my requests, the request form, the case page,
answering a request for information, giving a view (zienswijze), withdrawing.

Thin views: the case comes from ``Verzoek.objects.zichtbaar_voor(user)``, every
change is one service call. ``services.GeenToegang`` is a ``PermissionDenied``
(403); ``services.NietNu`` becomes a message and a redirect. Staff use their
own pages and get 403 here."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from ontheffing import formatting, permissions, services
from ontheffing.forms import zelftest as zt
from ontheffing.forms.aanvrager import (
    AanvullingFormulier,
    IntrekkenFormulier,
    VerzoekFormulier,
    ZienswijzeFormulier,
)
from ontheffing.models import Bijlagesoort, Provincie, Verzoek
from ontheffing.states import (
    OPEN_STATUSSEN,
    STAP_VAN_STATUS,
    STAPPEN,
    STATUS_VOOR_AANVRAGER,
    Actie,
    Status,
)
from ontheffing.uploads import OngeldigBestand
from ontheffing.views.zelftest import antwoorden_uit_sessie

# Events whose reason the applicant may read (the others may hold staff notes).
REDEN_ZICHTBAAR = {"aanvulling_vragen", "aanvullen", "verdagen", "doorzenden",
                   "intrekken", "zienswijze_vragen", "zienswijze_geven"}  # fmt: skip


def aanvrager_vereist(view):
    @login_required
    @wraps(view)
    def controle(request, *args, **kwargs):
        if request.user.is_medewerker:
            raise PermissionDenied("Deze pagina's zijn voor aanvragers.")
        return view(request, *args, **kwargs)

    return controle


def _verzoek(request, pk) -> Verzoek:
    return get_object_or_404(Verzoek.objects.zichtbaar_voor(request.user), pk=pk)


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
        {"verzoek": v, "status": STATUS_VOOR_AANVRAGER[v.status],
         "beslistermijn": v.beslistermijn if v.status in OPEN_STATUSSEN else None}
        for v in verzoeken
    ]  # fmt: skip
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
        form = VerzoekFormulier(initial=_initieel(request))
        return _formulier(request, None, form)
    form = VerzoekFormulier(request.POST, request.FILES)
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
    verzoek = _verzoek(request, pk)
    if verzoek.status != Status.CONCEPT:
        messages.info(
            request, "Dit verzoek is ingediend en kan niet meer worden gewijzigd."
        )
        return redirect("aanvrager:verzoek", verzoek.pk)
    if verzoek.ingediend_door_id != request.user.pk:
        messages.info(
            request, "Alleen wie het verzoek invult, kan dit concept wijzigen."
        )
        return redirect("aanvrager:verzoek", verzoek.pk)
    if request.method == "GET":
        ruw = request.session.get(_ruw_sleutel(verzoek.pk))
        if isinstance(ruw, dict):
            data = QueryDict(mutable=True)
            for sleutel, waarden in ruw.items():
                data.setlist(sleutel, waarden)
            form = VerzoekFormulier(data, instance=verzoek)
            form.is_valid()
        else:
            form = VerzoekFormulier(instance=verzoek)
        return _formulier(request, verzoek, form)
    form = VerzoekFormulier(request.POST, request.FILES, instance=verzoek)
    form.is_valid()
    try:
        services.concept_bijwerken(
            user=request.user, verzoek=verzoek, velden=form.geldige_velden()
        )
    except services.NietNu as fout:  # submitted meanwhile, e.g. in another tab
        messages.error(request, str(fout))
        return redirect("aanvrager:verzoek", verzoek.pk)
    return _na_opslaan(request, verzoek, form)


def _na_opslaan(request, verzoek: Verzoek, form: VerzoekFormulier):
    """After saving what was valid: the upload, then keep or clear the raw input,
    then either submit or show the form again."""
    bestand = form.cleaned_data.get("bestand")
    if bestand and form.cleaned_data.get("bestand_soort"):
        try:
            services.bijlage_toevoegen(user=request.user, verzoek=verzoek, bestand=bestand,
                                       soort=form.cleaned_data["bestand_soort"])  # fmt: skip
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
    for veld, tekst in verzoek.ontbrekend():
        if veld == "bijlage":
            document = tekst.removeprefix("document: ")
            doel = "bestand" if "bestand" not in form.errors else None
            form.add_error(doel, f"Voeg nog toe: {document}.")
        elif veld in form.fields:
            if veld not in form.errors:
                form.add_error(veld, "Vul dit in om het verzoek in te dienen.")
        else:
            form.add_error(None, f"Nog niet ingevuld: {tekst}.")
    if form.errors:
        return _formulier(request, verzoek, form, indienen_mislukt=True)
    try:
        services.verzoek_indienen(user=request.user, verzoek=verzoek)
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
            {"soort": s, "label": Bijlagesoort(s).label,
             "aanwezig": s not in verzoek.ontbrekende_bijlagen()}
            for s in verzoek.vereiste_bijlagen()
        ]  # fmt: skip
        bijlagen = list(verzoek.bijlagen.all())
    else:
        vereist = [{"soort": Bijlagesoort.OVEREENKOMST, "aanwezig": False,
                    "label": Bijlagesoort.OVEREENKOMST.label}]  # fmt: skip
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
        },  # fmt: skip
    )


@aanvrager_vereist
@require_POST
def indienen(request, pk):
    verzoek = _verzoek(request, pk)
    try:
        services.verzoek_indienen(user=request.user, verzoek=verzoek)
    except services.NietNu as fout:
        messages.error(request, str(fout))
        if verzoek.status == Status.CONCEPT:
            return redirect("aanvrager:bewerken", verzoek.pk)
        return redirect("aanvrager:verzoek", verzoek.pk)
    return _ingediend(request, verzoek)


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
    request, verzoek, aanvul_form=None, zienswijze_form=None, status=200
):
    user = request.user
    gebeurtenissen = verzoek.gebeurtenissen.voor_aanvrager().select_related("actor")
    mag_aanvullen = services.mag(verzoek, user, "aanvullen")
    mag_zienswijze = permissions.mag_zienswijze_geven(verzoek, user)
    return render(
        request,
        "aanvrager/verzoek.html",
        {
            "verzoek": verzoek,
            "status_tekst": STATUS_VOOR_AANVRAGER[verzoek.status],
            "stappen": _stappen(verzoek) if verzoek.status != Status.CONCEPT else [],
            "opbouw": verzoek.termijnopbouw(),
            "open": verzoek.status
            not in (
                Status.CONCEPT,
                Status.AFGEHANDELD,
                Status.DOORGEZONDEN,
                Status.INGETROKKEN,
            ),
            "opschorting": verzoek.lopende_opschorting,
            "gebeurtenissen": gebeurtenissen,
            "reden_zichtbaar": REDEN_ZICHTBAAR,
            "bijlagen": verzoek.bijlagen.all(),
            "besluiten": verzoek.besluiten.all(),
            "mag_aanvullen": mag_aanvullen,
            "aanvul_form": aanvul_form
            or (AanvullingFormulier() if mag_aanvullen else None),
            "zienswijze_vraag": verzoek.gebeurtenissen.filter(
                actie=Actie.ZIENSWIJZE_VRAGEN
            ).last()
            if verzoek.status == Status.ZIENSWIJZE_GEVRAAGD
            else None,
            "zienswijze_form": zienswijze_form
            or (ZienswijzeFormulier() if mag_zienswijze else None),
            "mag_intrekken": services.mag(verzoek, user, "intrekken"),
            "mag_bewerken": verzoek.status == Status.CONCEPT
            and verzoek.ingediend_door_id == user.pk,
        },  # fmt: skip
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
    verzoek = _verzoek(request, pk)
    if not services.mag(verzoek, request.user, "aanvullen"):
        if verzoek.status != Status.AANVULLING_GEVRAAGD:
            messages.error(
                request, "Er staat geen vraag om aanvulling open bij dit verzoek."
            )
            return redirect("aanvrager:verzoek", verzoek.pk)
        raise PermissionDenied
    form = AanvullingFormulier(request.POST, request.FILES)
    return _antwoord_met_document(
        request,
        verzoek,
        form,
        lambda tekst, bestanden: services.verzoek_aanvullen(
            user=request.user, verzoek=verzoek, antwoord=tekst, bestanden=bestanden
        ),
        "Dank u wel. Uw aanvulling is ontvangen; de provincie gaat verder met uw verzoek.",
        veld="aanvul_form",
    )


@aanvrager_vereist
@require_POST
def zienswijze(request, pk):
    verzoek = _verzoek(request, pk)
    if not permissions.mag_zienswijze_geven(verzoek, request.user):
        if verzoek.status != Status.ZIENSWIJZE_GEVRAAGD:
            messages.error(
                request, "Er wordt bij dit verzoek (nu) geen zienswijze gevraagd."
            )
            return redirect("aanvrager:verzoek", verzoek.pk)
        raise PermissionDenied
    form = ZienswijzeFormulier(request.POST, request.FILES)
    return _antwoord_met_document(
        request,
        verzoek,
        form,
        lambda tekst, bestanden: services.zienswijze_geven(
            user=request.user, verzoek=verzoek, tekst=tekst, bestanden=bestanden
        ),
        "Dank u wel. Uw zienswijze is ontvangen; de provincie betrekt die bij haar "
        "besluit.",
        veld="zienswijze_form",
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
    verzoek = _verzoek(request, pk)
    if not services.mag(verzoek, request.user, "intrekken"):
        messages.error(request, "Dit verzoek kan niet (meer) worden ingetrokken.")
        return redirect("aanvrager:verzoek", verzoek.pk)
    form = IntrekkenFormulier(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.verzoek_intrekken(user=request.user, verzoek=verzoek,
                                       reden=form.cleaned_data["reden"])  # fmt: skip
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
