"""The applicant's list and the request form in steps: a concept saved even
with errors (the raw input kept), the documents, the page "Controleer uw
gegevens", submission and the page that confirms it.

Every post can be repeated (a double click): the new-request form carries a
key (``formulier_sleutel``) so it makes one concept, and the services return
what was already done instead of refusing it."""

import uuid
from datetime import date
from decimal import Decimal

from django.contrib import messages
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from ontheffing import formatting, permissions, services
from ontheffing.forms import zelftest as zt
from ontheffing.forms.aanvrager import (
    FORMULIERSTAP,
    FORMULIERSTAPPEN,
    MET_VOORBEELD,
    STAP_VAN_VELD,
    UITLEG,
    DocumentenForm,
    VerzoekForm,
)
from ontheffing.forms.fields import YesNoField
from ontheffing.identiteit import digid, machtigen
from ontheffing.models import Bijlagesoort, Provincie, Verzoek
from ontheffing.states import OPEN_STATUSSEN, STATUS_VOOR_AANVRAGER, Status
from ontheffing.uploads import OngeldigBestand
from ontheffing.views.aanvrager.basis import aanvrager_vereist, eigen_verzoek
from ontheffing.views.zelftest import antwoorden_uit_sessie

EERSTE_STAP = FORMULIERSTAPPEN[0].sleutel
DOCUMENTEN = "documenten"
INLEIDING = {
    "ambtsdrager": "Deze gegevens komen in de brief. Dient u het verzoek in voor "
    "iemand anders? Vul dan de gegevens van de ambtsdrager in en kruis onderaan aan "
    "dat u het namens hem of haar doet.",
    "handeling": "Wat de ambtsdrager wil doen, met wie, en of dat al gebeurd is.",
    "overeenkomst": "De overeenkomst zelf: met wie, waarover, voor welk bedrag en "
    "hoe ze tot stand komt.",
    "documenten": "Voeg de documenten toe die de provincie nodig heeft. U kunt bij "
    "elk soort document meer bestanden tegelijk kiezen.",
}


def _ruw_sleutel(pk, stap) -> str:
    return f"concept-ruw-{pk}-{stap}"


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


def _zelftest_velden(request) -> dict:
    """The self-check's answers as the request's (cleaned) fields."""
    ruw = zt.verzoek_velden(antwoorden_uit_sessie(request))
    if not ruw:
        return {}
    data = QueryDict(mutable=True)
    for naam, waarde in ruw.items():
        if isinstance(waarde, bool):
            waarde = "true" if waarde else "false"
        data[naam] = str(waarde)
    form = VerzoekForm(data)
    form.is_valid()
    return {k: v for k, v in form.geldige_velden().items() if k in ruw}


def _initieel(request) -> dict:
    initieel = {"naam": request.user.naam, "email": request.user.email}
    if request.GET.get("uit") == "zelftest":
        initieel.update(zt.verzoek_velden(antwoorden_uit_sessie(request)))
    return initieel


def _sleutel(request):
    try:
        return uuid.UUID(request.POST.get("formulier_sleutel", ""))
    except ValueError:
        return None


@aanvrager_vereist
@require_http_methods(["GET", "POST"])
def nieuw(request):
    if request.method == "GET":
        form = VerzoekForm(initial=_initieel(request), stap=EERSTE_STAP)
        return _formulier(
            request,
            None,
            form,
            EERSTE_STAP,
            formulier_sleutel=uuid.uuid4(),
            uit_zelftest=request.GET.get("uit") == "zelftest"
            and bool(antwoorden_uit_sessie(request)),
        )
    form = VerzoekForm(request.POST, request.FILES, stap=EERSTE_STAP)
    form.is_valid()
    velden = form.geldige_velden()
    if request.POST.get("uit") == "zelftest":
        # The self-check answered questions of later steps too: keep them.
        velden = {**_zelftest_velden(request), **velden}
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
        return _formulier(request, None, form, EERSTE_STAP)
    verzoek = services.concept_aanmaken(
        user=request.user,
        provincie=provincie,
        formulier_sleutel=_sleutel(request),
        **velden,
    )
    return _na_opslaan(request, verzoek, form, EERSTE_STAP)


@aanvrager_vereist
@require_http_methods(["GET", "POST"])
def bewerken(request, pk, stap=EERSTE_STAP):
    verzoek = eigen_verzoek(request, pk)
    if stap not in FORMULIERSTAP:
        return redirect("aanvrager:bewerken", verzoek.pk)
    toestemming = permissions.mag(request.user, "concept_bewerken", verzoek)
    if not toestemming:
        if request.method == "POST" and verzoek.ingediend_door_id == request.user.pk:
            # Posted again after submitting (a second click): nothing to save.
            return redirect("aanvrager:verzoek", verzoek.pk)
        messages.info(request, toestemming.reden)
        return redirect("aanvrager:verzoek", verzoek.pk)
    if stap == DOCUMENTEN:
        return _documenten(request, verzoek)
    if request.method == "GET":
        ruw = request.session.get(_ruw_sleutel(verzoek.pk, stap))
        if isinstance(ruw, dict):
            data = QueryDict(mutable=True)
            for sleutel, waarden in ruw.items():
                data.setlist(sleutel, waarden)
            form = VerzoekForm(data, instance=verzoek, stap=stap)
            form.is_valid()
        else:
            form = VerzoekForm(instance=verzoek, stap=stap)
        return _formulier(request, verzoek, form, stap)
    form = VerzoekForm(request.POST, instance=verzoek, stap=stap)
    form.is_valid()
    try:
        services.concept_bijwerken(
            user=request.user, verzoek=verzoek, velden=form.geldige_velden()
        )
    except services.NietNu as fout:  # submitted meanwhile, e.g. in another tab
        messages.error(request, str(fout))
        return redirect("aanvrager:verzoek", verzoek.pk)
    return _na_opslaan(request, verzoek, form, stap)


def _buurstap(stap: str, richting: int) -> str | None:
    sleutels = [s.sleutel for s in FORMULIERSTAPPEN]
    index = sleutels.index(stap) + richting
    return sleutels[index] if 0 <= index < len(sleutels) else None


def _na_opslaan(request, verzoek: Verzoek, form, stap: str):
    """After saving what was valid: keep or clear the raw input, then go where
    the button said (the next or previous step, or stay)."""
    sleutel = _ruw_sleutel(verzoek.pk, stap)
    if form.errors and stap != DOCUMENTEN:
        request.session[sleutel] = {
            k: request.POST.getlist(k)
            for k in request.POST
            if k not in ("csrfmiddlewaretoken", "actie", "formulier_sleutel", "uit")
        }
    else:
        request.session.pop(sleutel, None)
    if form.errors:
        messages.warning(
            request,
            "Uw concept is opgeslagen, behalve de velden met een fout. Wat u daar "
            "typte, staat er nog en wordt bewaard tot u het verbetert.",
        )
        return _formulier(request, verzoek, form, stap)
    actie = request.POST.get("actie")
    if actie == "verder":
        volgende = _buurstap(stap, +1)
        if volgende is None:
            return redirect("aanvrager:controleren", verzoek.pk)
        return redirect("aanvrager:stap", verzoek.pk, volgende)
    if actie == "vorige" and _buurstap(stap, -1):
        return redirect("aanvrager:stap", verzoek.pk, _buurstap(stap, -1))
    messages.success(request, "Uw concept is opgeslagen. U kunt later verdergaan.")
    return redirect("aanvrager:stap", verzoek.pk, stap)


def _documenten(request, verzoek: Verzoek):
    vereist = verzoek.vereiste_bijlagen()
    if request.method == "GET":
        return _formulier(request, verzoek, DocumentenForm(vereist=vereist), DOCUMENTEN)
    form = DocumentenForm(request.POST, request.FILES, vereist=vereist)
    if form.is_valid():
        for bestand, soort in form.documenten():
            try:
                services.bijlage_toevoegen(
                    user=request.user, verzoek=verzoek, bestand=bestand, soort=soort
                )
            except OngeldigBestand as fout:
                form.add_error(
                    f"soort_{soort.value}", f"{bestand.name} is niet toegevoegd. {fout}"
                )
    return _na_opslaan(request, verzoek, form, DOCUMENTEN)


def _stappenlijst(verzoek, huidig: str) -> list[dict]:
    stappen = [
        {
            "titel": s.titel,
            "url": reverse("aanvrager:stap", args=[verzoek.pk, s.sleutel])
            if verzoek
            else "",
            "huidig": s.sleutel == huidig,
        }
        for s in FORMULIERSTAPPEN
    ]
    stappen.append(
        {
            "titel": "Controleren en indienen",
            "url": reverse("aanvrager:controleren", args=[verzoek.pk])
            if verzoek
            else "",
            "huidig": huidig == "controleren",
        }
    )
    for nummer, s in enumerate(stappen, start=1):
        s["nummer"] = nummer
    return stappen


def _documentregels(verzoek):
    """The kinds the facts require, whether each is there, and what it is."""
    aanwezig = {b.soort for b in verzoek.bijlagen.all()} if verzoek else set()
    vereist = verzoek.vereiste_bijlagen() if verzoek else [Bijlagesoort.OVEREENKOMST]
    return [
        {
            "label": Bijlagesoort(s).label,
            "aanwezig": s in aanwezig,
            "uitleg": UITLEG.get(s, ""),
        }
        for s in vereist
    ]


def _formulier(request, verzoek, form, stap, **extra):
    nummer = [s.sleutel for s in FORMULIERSTAPPEN].index(stap) + 1
    velden = list(form)
    return render(
        request,
        "aanvrager/formulier.html",
        {
            "form": form,
            "velden": velden,
            "verzoek": verzoek,
            "stap": FORMULIERSTAP[stap],
            "nummer": nummer,
            "aantal": len(FORMULIERSTAPPEN) + 1,
            "stappen": _stappenlijst(verzoek, stap),
            "inleiding": INLEIDING.get(stap, ""),
            "documentenstap": stap == DOCUMENTEN,
            "vereist": _documentregels(verzoek),
            "bijlagen": list(verzoek.bijlagen.all()) if verzoek else [],
            "voorbeelden": [
                {"label": Bijlagesoort(s).label, "soort": s} for s in MET_VOORBEELD
            ],
            "eerste": nummer == 1,
            "actie_url": reverse("aanvrager:stap", args=[verzoek.pk, stap])
            if verzoek
            else reverse("aanvrager:nieuw"),
            **extra,
        },
    )


# ------------------------------------------------------------ check page


def _opgeslagen(form: VerzoekForm, naam: str):
    """The saved answer: the case's field, or for a field the form keeps
    elsewhere (the further office, ``Verzoek.overige_ambten``) its initial."""
    if hasattr(form.instance, naam):
        return getattr(form.instance, naam)
    waarde = form.initial.get(naam)
    veld = form.fields[naam]
    if hasattr(veld, "queryset") and waarde is not None:
        return veld.queryset.filter(pk=waarde).first()
    return waarde


def _getoond(verzoek: Verzoek, naam: str) -> bool:
    """The further office's questions show only when one was given."""
    return not naam.startswith("tweede_ambt") or bool(verzoek.overige_ambten)


def _weergave(form: VerzoekForm, naam: str) -> str:
    """A saved answer as the applicant chose it."""
    veld = form.fields[naam]
    waarde = _opgeslagen(form, naam)
    if isinstance(veld, YesNoField):
        sleutel = {True: "ja", False: "nee"}.get(waarde, veld.geen)
        return dict(veld.choices).get(sleutel, "") if sleutel else ""
    if waarde in (None, ""):
        return ""
    if hasattr(veld, "queryset"):
        return str(veld.label_from_instance(waarde))
    if isinstance(waarde, bool):
        return "Ja" if waarde else "Nee"
    if getattr(veld, "choices", None):
        return str(dict(veld.choices).get(waarde, waarde))
    if isinstance(waarde, date):
        return formatting.datum(waarde)
    if isinstance(waarde, Decimal):
        return formatting.bedrag(waarde)
    return str(waarde)


def _controlepagina(
    request, verzoek, *, verklaring_fout="", status=200, verklaring=None
):
    """The check page; ``verklaring`` keeps the declaration as the applicant
    ticked it when a submission was refused (nothing was stored then)."""
    opgeslagen = VerzoekForm(instance=verzoek)
    velden = opgeslagen.fields
    secties = [
        {
            "titel": s.titel,
            "url": reverse("aanvrager:stap", args=[verzoek.pk, s.sleutel]),
            "antwoorden": [
                {
                    "naam": naam,
                    "label": velden[naam].label,
                    "waarde": _weergave(opgeslagen, naam),
                }
                for naam in s.velden
                if _getoond(verzoek, naam)
            ],
        }
        for s in FORMULIERSTAPPEN
        if s.velden
    ]
    ontbrekend = [
        {
            "tekst": tekst,
            "url": reverse(
                "aanvrager:stap",
                args=[verzoek.pk, STAP_VAN_VELD.get(veld, DOCUMENTEN)],
            ),
        }
        for veld, tekst in verzoek.ontbrekend()
        if veld != "verklaring"
    ]
    return render(
        request,
        "aanvrager/controleren.html",
        {
            "verzoek": verzoek,
            "secties": secties,
            "bijlagen": list(verzoek.bijlagen.all()),
            "documenten_url": reverse("aanvrager:stap", args=[verzoek.pk, DOCUMENTEN]),
            "ontbrekend": ontbrekend,
            "stappen": _stappenlijst(verzoek, "controleren"),
            "verklaring_label": velden["verklaring"].label,
            "verklaring": verzoek.verklaring if verklaring is None else verklaring,
            "verklaring_fout": verklaring_fout,
        },
        status=status,
    )


@aanvrager_vereist
@require_GET
def controleren(request, pk):
    verzoek = eigen_verzoek(request, pk)
    if not permissions.mag(request.user, "concept_bewerken", verzoek):
        return redirect("aanvrager:verzoek", verzoek.pk)
    return _controlepagina(request, verzoek)


@aanvrager_vereist
@require_http_methods(["POST"])
def indienen(request, pk):
    """Submit from the check page, with the declaration ticked there."""
    verzoek = eigen_verzoek(request, pk)
    if request.POST.get("verklaring") != "ja":
        if verzoek.status != Status.CONCEPT:
            return redirect("aanvrager:verzoek", verzoek.pk)
        return _controlepagina(
            request,
            verzoek,
            verklaring_fout="Kruis de verklaring aan om het verzoek in te dienen.",
        )
    try:
        services.verzoek_indienen(
            user=request.user,
            verzoek=verzoek,
            machtiging=machtigen.uit_sessie(request),
            digid_niveau=digid.niveau_uit_sessie(request),
            verklaring=True,
        )
    except services.NietNu as fout:
        verzoek.refresh_from_db()
        if verzoek.status != Status.CONCEPT:
            messages.error(request, str(fout))
            return redirect("aanvrager:verzoek", verzoek.pk)
        messages.error(request, f"Het verzoek is nog niet ingediend. {fout}")
        return _controlepagina(request, verzoek, verklaring=True)
    return redirect("aanvrager:ingediend", verzoek.pk)


@aanvrager_vereist
@require_GET
def ingediend(request, pk):
    """The page after submitting: kenmerk, dates and the PDF copy."""
    verzoek = eigen_verzoek(request, pk)
    if verzoek.status == Status.CONCEPT:
        return redirect("aanvrager:bewerken", verzoek.pk)
    return render(
        request,
        "aanvrager/ingediend.html",
        {
            "verzoek": verzoek,
            "kopie": verzoek.bijlagen.filter(soort=Bijlagesoort.VERZOEK).first(),
            "beslistermijn": verzoek.beslistermijn,
            "voet_provincie": verzoek.provincie,
        },
    )
