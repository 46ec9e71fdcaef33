"""The behandelaar's assessment of a request: the qualification page (facts
and legal qualification), the assessment page (a judgement per criterion of
the beleidsregel and the proposed decision, with a preview of its letter), and
asking for and processing a zienswijze before a refusal."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from ontheffing import kwalificatie as kw
from ontheffing import services
from ontheffing.brieven import inhoud
from ontheffing.forms import provincie as f
from ontheffing.forms.kwalificatie import (
    KwalificatieForm,
    feiten_als_formulier,
    uitkomst_als_formulier,
)
from ontheffing.forms.toetsing import VoorstelForm, criteriumformulieren
from ontheffing.states import Actie, Status, Uitkomst
from ontheffing.toetsing import (
    beleidsregel_voor,
    criteria_voor,
    voorgestelde_uitkomst,
)
from ontheffing.views.provincie import (
    call_service,
    conceptbrief,
    forbid_if_not_for_user,
    kwalificatie_weergave,
    opgegeven_feiten,
    redirect_done,
    staf,
    zichtbaar_verzoek,
)
from ontheffing.views.zaak import verzoekpagina

# ----------------------------------------------------------- kwalificatie


@require_http_methods(["GET", "POST"])
@staf
def kwalificatie(request, pk):
    verzoek = zichtbaar_verzoek(request, pk)
    user = request.user
    if not forbid_if_not_for_user(user, "kwalificeren", verzoek):
        messages.error(request, "Dit verzoek staat niet in de stap kwalificatie.")
        return redirect("provincie:verzoek", pk=verzoek.pk)
    opgegeven = opgegeven_feiten(verzoek)
    aanvrager = feiten_als_formulier(opgegeven) if opgegeven else {}
    if request.method == "GET":
        berekend = kw.kwalificeer(opgegeven) if opgegeven else None
        form = KwalificatieForm(
            initial={**aanvrager, **uitkomst_als_formulier(berekend)},
            aanvrager=aanvrager,
        )
        return _kwalificatiepagina(request, verzoek, form, berekend)

    form = KwalificatieForm(request.POST, aanvrager=aanvrager)
    feiten = form.feiten()
    berekend = kw.kwalificeer(feiten) if feiten else None
    if "berekenen" in request.POST and berekend:
        data = request.POST.copy()
        for key, value in uitkomst_als_formulier(berekend).items():
            data[key] = value or ""
        form = KwalificatieForm(data, aanvrager=aanvrager)
        return _kwalificatiepagina(request, verzoek, form, berekend)
    if form.is_valid() and berekend:
        berekende_gegevens = services.kwalificatie_gegevens(berekend)
        form.check(berekende_gegevens)
    if form.is_valid() and berekend:
        bevestigd, _ = form.bevestigd(berekende_gegevens)
        if call_service(
            request,
            services.verzoek_kwalificeren,
            user=user,
            verzoek=verzoek,
            feiten=feiten,
            bevestigd=bevestigd,
            motivering=form.volledige_motivering(),
            bw_3_43=form.cleaned_data["bw_3_43"],
            goedkeuring=form.cleaned_data["goedkeuring"],
        ):
            if verzoek.status == Status.TOETSING:
                messages.success(
                    request,
                    "De kwalificatie is vastgelegd. Toets nu aan de beleidsregel.",
                )
                return redirect("provincie:toetsing", pk=verzoek.pk)
            messages.success(
                request,
                "De kwalificatie is vastgelegd en als voorstel ter besluitvorming "
                "gezonden.",
            )
            return redirect("provincie:verzoek", pk=verzoek.pk)
    elif berekend is None:
        messages.error(request, "Vul alle feiten in om de kwalificatie te berekenen.")
    return _kwalificatiepagina(request, verzoek, form, berekend)


def _kwalificatiepagina(request, verzoek, form, berekend):
    return render(
        request,
        "provincie/kwalificatie.html",
        {
            "verzoek": verzoek,
            "form": form,
            "engine": berekend,
            "feitvelden": form.feitvelden_met_opgave(),
            "onbevoegd": berekend is not None
            and berekend.uitkomst == kw.Uitkomst.ONBEVOEGD,
        },
    )


# --------------------------------------------------------------- toetsing


def _criteriumformulieren_voor(verzoek, data=None):
    oordelen = {o.criterium_id: o for o in verzoek.oordelen.all()}
    return criteriumformulieren(criteria_voor(verzoek), data, oordelen)


def _vorig_voorstel(verzoek) -> dict | None:
    """What the last proposal said (its event), when one was sent: after a
    return the page opens with it, not with the defaults."""
    gebeurtenis = (
        verzoek.gebeurtenissen.filter(actie=Actie.VOORSTELLEN).order_by("-pk").first()
    )
    return gebeurtenis.details if gebeurtenis else None


def _beginwaarden_voorstel(verzoek, voorgesteld):
    regel = beleidsregel_voor(verzoek)
    vastgelegd = verzoek.kwalificatie or {}
    beginwaarden = {
        "uitkomst": voorgesteld.value if voorgesteld else None,
        "voorschriften": "\n".join(inhoud.standaardvoorschriften(verzoek, regel)),
        "bw_3_43": bool(vastgelegd.get("bw_3_43_goedkeuring")),
        **{f"tekst_{k}": inhoud.tekst(verzoek, k) for k in inhoud.TEKSTEN},
    }
    vorig = _vorig_voorstel(verzoek)
    if vorig is None:
        return beginwaarden
    # A returned proposal: what the behandelaar wrote is kept (the case keeps
    # the dictum, the event the motivation as typed).
    beginwaarden.update(
        uitkomst=vorig.get("uitkomst") or beginwaarden["uitkomst"],
        motivering=vorig.get("motivering", verzoek.voorstel_motivering),
        afwijking=vorig.get("afwijking", ""),
        goedkeuring=verzoek.voorstel_goedkeuring,
        zienswijze_reactie=verzoek.voorstel_zienswijze,
        **{f"tekst_{k}": v for k, v in (vorig.get("teksten") or {}).items()},
    )
    if vorig.get("voorschriften"):
        beginwaarden["voorschriften"] = "\n".join(vorig["voorschriften"])
    for n, deel in enumerate(vorig.get("onderdelen") or (), start=1):
        beginwaarden[f"onderdeel_{n}_omschrijving"] = deel.get("omschrijving", "")
        beginwaarden[f"onderdeel_{n}_besluit"] = (
            "verleend" if deel.get("verleend") else "geweigerd"
        )
        beginwaarden[f"onderdeel_{n}_motivering"] = deel.get("motivering", "")
    return beginwaarden


def _feiten_gecorrigeerd(verzoek) -> bool:
    feiten = opgegeven_feiten(verzoek)
    if not verzoek.kwalificatie_feiten or feiten is None:
        return False
    return services.feiten_gegevens(feiten) != verzoek.kwalificatie_feiten


def _oordelen(criteriumformulieren_) -> dict:
    """The judged criteria of the valid posted forms: {criterium: (oordeel,
    motivering)}."""
    return {
        form.criterium: (form.cleaned_data["oordeel"], form.cleaned_data["motivering"])
        for form in criteriumformulieren_
        if form.is_valid() and form.cleaned_data.get("oordeel")
    }


def _gewijzigd(verzoek, oordelen: dict) -> dict:
    """Of ``oordelen``, those that differ from what is stored."""
    opgeslagen = {
        o.criterium_id: (o.oordeel, o.motivering) for o in verzoek.oordelen.all()
    }
    return {c: w for c, w in oordelen.items() if opgeslagen.get(c.pk) != w}


def _zonder_fouten(form, **kwargs):
    """The form again with what was typed, but not submitted: no errors."""
    return type(form)(
        prefix=form.prefix, initial={bf.name: bf.value() for bf in form}, **kwargs
    )


def _criterium_zonder_fouten(form):
    nieuw = _zonder_fouten(form)
    nieuw.criterium = form.criterium
    return nieuw


@require_http_methods(["GET", "POST"])
@staf
def toetsing(request, pk):
    """Each criterion's judgement is saved as it is given: with any button of
    the page every complete judgement that changed is stored, and what is
    incomplete comes back as typed. A criterion's own button
    (``opslaan_criterium``) shows only that criterion's error; the others'
    errors show with "Alle oordelen opslaan" and the proposal's buttons, and
    the proposal's errors only when it was submitted."""
    verzoek = zichtbaar_verzoek(request, pk)
    user = request.user
    if not forbid_if_not_for_user(user, "voorstellen", verzoek):
        messages.error(request, "Dit verzoek staat niet in de stap toetsing.")
        return redirect("provincie:verzoek", pk=verzoek.pk)
    if request.method == "GET":
        voorgesteld = voorgestelde_uitkomst(verzoek)
        criteria = _criteriumformulieren_voor(verzoek)
        voorstel = VoorstelForm(
            initial=_beginwaarden_voorstel(verzoek, voorgesteld),
            voorgesteld=voorgesteld,
        )
        return _toetsingpagina(request, verzoek, criteria, voorstel, voorgesteld)

    criteria = _criteriumformulieren_voor(verzoek, request.POST)
    een = request.POST.get("opslaan_criterium")
    oordelen = _oordelen(criteria)
    criteria_geldig = all(form.is_valid() for form in criteria)
    gewijzigd = _gewijzigd(verzoek, oordelen)
    if gewijzigd and not call_service(
        request,
        services.criteria_beoordelen,
        user=user,
        verzoek=verzoek,
        oordelen=gewijzigd,
    ):
        gewijzigd = {}
    voorgesteld = voorgestelde_uitkomst(verzoek)
    voorstel = VoorstelForm(request.POST, voorgesteld=voorgesteld)
    if een or "opslaan" in request.POST:
        if gewijzigd:
            namen = ", ".join(c.titel for c in gewijzigd)
            messages.success(request, f"Opgeslagen: {namen}.")
        if criteria_geldig:
            return redirect("provincie:toetsing", pk=verzoek.pk)
        if een:  # one criterion's button: only its errors; the rest stays typed
            criteria = [
                form if form.criterium.code == een else _criterium_zonder_fouten(form)
                for form in criteria
            ]
        voorstel = _zonder_fouten(voorstel, voorgesteld=voorgesteld)
        return _toetsingpagina(request, verzoek, criteria, voorstel, voorgesteld)
    if not criteria_geldig:
        return _toetsingpagina(request, verzoek, criteria, voorstel, voorgesteld)
    if "voorbeeld" in request.POST:
        if voorstel.is_valid():
            return _voorbeeldbrief(verzoek, voorstel)
    elif voorstel.is_valid() and call_service(
        request,
        services.besluit_voorstellen,
        user=user,
        verzoek=verzoek,
        **voorstel.voorstel(),
    ):
        messages.success(
            request, "Het besluit is voorgesteld en staat klaar voor een beslisser."
        )
        return redirect("provincie:verzoek", pk=verzoek.pk)
    return _toetsingpagina(request, verzoek, criteria, voorstel, voorgesteld)


def _criteriumfouten(criteria) -> list[tuple[str, str]]:
    """One error summary for all criteria: (field id, text) per error."""
    return [
        (veld.auto_id, f"{form.criterium.titel}: {fout}")
        for form in criteria
        if form.is_bound
        for veld in form
        for fout in veld.errors
    ]


def _toetsingpagina(request, verzoek, criteria, voorstel, voorgesteld):
    gekozen = voorstel["uitkomst"].value() or (voorgesteld.value if voorgesteld else "")
    return render(
        request,
        "provincie/toetsing.html",
        {
            "verzoek": verzoek,
            "regel": beleidsregel_voor(verzoek),
            "criteria": criteria,
            "criteriumfouten": _criteriumfouten(criteria),
            "voorstel": voorstel,
            "voorgesteld": voorgesteld,
            "zienswijze_herinnering": gekozen == Uitkomst.GEWEIGERD
            and _feiten_gecorrigeerd(verzoek),
            "zienswijze_vragen": f.ZienswijzeVragenForm(verzoek=verzoek),
            "kwalificatie": kwalificatie_weergave(verzoek.kwalificatie),
            "bijlagen": verzoek.bijlagen.select_related("geupload_door"),
        },
    )


def _voorbeeldbrief(verzoek, voorstel):
    """The letter as the proposal in the form would make it; nothing is stored."""
    d = voorstel.voorstel()
    verzoek.voorstel_uitkomst = d["uitkomst"]
    verzoek.voorstel_motivering = "\n\n".join(
        t.strip() for t in (d["motivering"], d["afwijking"]) if t.strip()
    )
    verzoek.voorstel_voorschriften = d["voorschriften"]
    verzoek.voorstel_goedkeuring = d["goedkeuring"]
    verzoek.voorstel_onderdelen = [o for o in d["onderdelen"] if o["omschrijving"]]
    verzoek.voorstel_zienswijze = d["zienswijze_reactie"]
    verzoek.voorstel_teksten = d["teksten"]
    return conceptbrief(inhoud.concept(verzoek, ondertekenaar=None))


# ------------------------------------------------------------- zienswijze


@require_POST
@staf
def zienswijze_vragen(request, pk):
    verzoek = zichtbaar_verzoek(request, pk)
    forbid_if_not_for_user(request.user, "zienswijze_vragen", verzoek)
    form = f.ZienswijzeVragenForm(request.POST)
    if form.is_valid() and call_service(
        request,
        services.zienswijze_vragen,
        user=request.user,
        verzoek=verzoek,
        van=form.cleaned_data["van"],
        uiterlijk=form.cleaned_data["uiterlijk"],
        toelichting=form.cleaned_data["toelichting"],
    ):
        return redirect_done(request, verzoek, "De zienswijze is gevraagd.")
    return verzoekpagina(request, verzoek, {"zienswijze_vragen": form})


@require_POST
@staf
def zienswijze_verwerken(request, pk):
    verzoek = zichtbaar_verzoek(request, pk)
    forbid_if_not_for_user(request.user, "zienswijze_verwerken", verzoek)
    form = f.ZienswijzeVerwerkenForm(request.POST, prefix="zienswijze_verwerken")
    if form.is_valid() and call_service(
        request,
        services.zienswijze_verwerken,
        user=request.user,
        verzoek=verzoek,
        samenvatting=form.cleaned_data["samenvatting"],
    ):
        return redirect_done(
            request,
            verzoek,
            "De zienswijze is verwerkt; het verzoek staat weer in de toetsing.",
        )
    return verzoekpagina(request, verzoek, {"zienswijze_verwerken": form})
