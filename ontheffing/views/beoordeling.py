"""The behandelaar's assessment of a request: the qualification page (facts
and legal qualification), the assessment page (a judgement per criterion of
the beleidsregel and the proposed decision, with a preview of its letter), and
asking for and processing a zienswijze before a refusal."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from ontheffing import brieven, permissions, services
from ontheffing import kwalificatie as kw
from ontheffing.forms import provincie as f
from ontheffing.forms.kwalificatie import (
    KwalificatieForm,
    feiten_als_formulier,
    uitkomst_als_formulier,
)
from ontheffing.forms.toetsing import VoorstelForm, criteriumformulieren
from ontheffing.states import Status, Uitkomst
from ontheffing.toetsing import (
    beleidsregel_voor,
    criteria_voor,
    voorgestelde_uitkomst,
)
from ontheffing.views.provincie import (
    conceptbrief,
    kwalificatie_weergave,
    opgegeven_feiten,
    staf,
    uitgevoerd,
    zichtbaar_verzoek,
)
from ontheffing.views.zaak import actie

# ----------------------------------------------------------- kwalificatie


@require_http_methods(["GET", "POST"])
@staf
def kwalificatie(request, pk):
    verzoek = zichtbaar_verzoek(request, pk)
    user = request.user
    if not permissions.behandelaar(verzoek, user):
        raise PermissionDenied
    if not services.mag(verzoek, user, "kwalificeren"):
        messages.error(request, "Dit verzoek staat niet in de stap kwalificatie.")
        return redirect("provincie:verzoek", pk=verzoek.pk)
    opgegeven = opgegeven_feiten(verzoek)
    aanvrager = feiten_als_formulier(opgegeven) if opgegeven else {}
    if request.method == "GET":
        engine = kw.kwalificeer(opgegeven) if opgegeven else None
        form = KwalificatieForm(initial={**aanvrager, **uitkomst_als_formulier(engine)},
                                aanvrager=aanvrager)  # fmt: skip
        return _kwalificatiepagina(request, verzoek, form, engine)

    form = KwalificatieForm(request.POST, aanvrager=aanvrager)
    feiten = form.feiten()
    engine = kw.kwalificeer(feiten) if feiten else None
    if "berekenen" in request.POST and engine:
        data = request.POST.copy()
        for key, value in uitkomst_als_formulier(engine).items():
            data[key] = value or ""
        form = KwalificatieForm(data, aanvrager=aanvrager)
        return _kwalificatiepagina(request, verzoek, form, engine)
    if form.is_valid() and engine:
        engine_data = services.kwalificatie_gegevens(engine)
        form.check(engine_data)
    if form.is_valid() and engine:
        bevestigd, _ = form.bevestigd(engine_data)

        def kwalificeren():
            services.verzoek_kwalificeren(
                user=user, verzoek=verzoek, feiten=feiten, bevestigd=bevestigd,
                motivering=form.volledige_motivering(),
            )  # fmt: skip

        if uitgevoerd(request, verzoek, kwalificeren):
            if verzoek.status == Status.TOETSING:
                messages.success(request, "De kwalificatie is vastgelegd. Toets nu aan de "
                                 "beleidsregel.")  # fmt: skip
                return redirect("provincie:toetsing", pk=verzoek.pk)
            messages.success(request, "De kwalificatie is vastgelegd en als voorstel ter "
                             "besluitvorming gezonden.")  # fmt: skip
            return redirect("provincie:verzoek", pk=verzoek.pk)
    elif engine is None:
        messages.error(request, "Vul alle feiten in om de kwalificatie te berekenen.")
    return _kwalificatiepagina(request, verzoek, form, engine)


def _kwalificatiepagina(request, verzoek, form, engine):
    return render(request, "provincie/kwalificatie.html", {
        "verzoek": verzoek,
        "form": form,
        "engine": engine,
        "feitvelden": form.feitvelden_met_opgave(),
        "onbevoegd": engine is not None and engine.uitkomst == kw.Uitkomst.ONBEVOEGD,
    })  # fmt: skip


# --------------------------------------------------------------- toetsing


def _criteriumformulieren_voor(verzoek, data=None):
    oordelen = {o.criterium_id: o for o in verzoek.oordelen.all()}
    return criteriumformulieren(criteria_voor(verzoek), data, oordelen)


def _beginwaarden_voorstel(verzoek, voorgesteld):
    regel = beleidsregel_voor(verzoek)
    vastgelegd = verzoek.kwalificatie or {}
    return {
        "uitkomst": voorgesteld.value if voorgesteld else None,
        "voorschriften": "\n".join(regel.voorschriften if regel else []),
        "bw_3_43": bool(vastgelegd.get("bw_3_43_goedkeuring")),
    }


def _feiten_gecorrigeerd(verzoek) -> bool:
    feiten = opgegeven_feiten(verzoek)
    if not verzoek.kwalificatie_feiten or feiten is None:
        return False
    return services.feiten_gegevens(feiten) != verzoek.kwalificatie_feiten


@require_http_methods(["GET", "POST"])
@staf
def toetsing(request, pk):
    verzoek = zichtbaar_verzoek(request, pk)
    user = request.user
    if not permissions.behandelaar(verzoek, user):
        raise PermissionDenied
    if verzoek.status != Status.TOETSING:
        messages.error(request, "Dit verzoek staat niet in de stap toetsing.")
        return redirect("provincie:verzoek", pk=verzoek.pk)
    voorgesteld = voorgestelde_uitkomst(verzoek)
    if request.method == "GET":
        criterium_forms = _criteriumformulieren_voor(verzoek)
        voorstel = VoorstelForm(initial=_beginwaarden_voorstel(verzoek, voorgesteld),
                                voorgesteld=voorgesteld)  # fmt: skip
        return _toetsingpagina(request, verzoek, criterium_forms, voorstel, voorgesteld)

    criterium_forms = _criteriumformulieren_voor(verzoek, request.POST)
    voorstel = VoorstelForm(request.POST, voorgesteld=voorgesteld)
    criteria_ok = all(form.is_valid() for form in criterium_forms)
    if criteria_ok:
        oordelen = {
            form.criterium: (
                form.cleaned_data["oordeel"],
                form.cleaned_data["motivering"],
            )
            for form in criterium_forms
            if form.cleaned_data.get("oordeel")
        }
        try:
            if oordelen:
                services.criteria_beoordelen(
                    user=user, verzoek=verzoek, oordelen=oordelen
                )
        except services.NietNu as exc:
            messages.error(request, str(exc))
            criteria_ok = False
    if "opslaan" in request.POST:
        if criteria_ok:
            messages.success(request, "De oordelen zijn opgeslagen.")
            return redirect("provincie:toetsing", pk=verzoek.pk)
    elif criteria_ok:
        # The judgements just saved may change the outcome that follows from them.
        voorgesteld = voorgestelde_uitkomst(verzoek)
        voorstel = VoorstelForm(request.POST, voorgesteld=voorgesteld)

        def voorstellen():
            services.besluit_voorstellen(
                user=user, verzoek=verzoek, uitkomst=voorstel.cleaned_data["uitkomst"],
                motivering=voorstel.volledige_motivering(),
                voorschriften=voorstel.voorschriften_lijst(),
                bw_3_43=voorstel.cleaned_data["bw_3_43"],
            )  # fmt: skip

        if "voorbeeld" in request.POST:
            if voorstel.is_valid():
                return _voorbeeldbrief(verzoek, voorstel)
        elif voorstel.is_valid() and uitgevoerd(request, verzoek, voorstellen):
            messages.success(request, "Het besluit is voorgesteld en staat klaar voor "
                             "een beslisser.")  # fmt: skip
            return redirect("provincie:verzoek", pk=verzoek.pk)
    return _toetsingpagina(request, verzoek, criterium_forms, voorstel, voorgesteld)


def _toetsingpagina(request, verzoek, criterium_forms, voorstel, voorgesteld):
    gekozen = voorstel["uitkomst"].value() or (voorgesteld.value if voorgesteld else "")
    return render(request, "provincie/toetsing.html", {
        "verzoek": verzoek,
        "regel": beleidsregel_voor(verzoek),
        "criterium_forms": criterium_forms,
        "voorstel": voorstel,
        "voorgesteld": voorgesteld,
        "zienswijze_herinnering": gekozen == Uitkomst.GEWEIGERD
        and _feiten_gecorrigeerd(verzoek),
        "zienswijze_vragen": f.ZienswijzeVragenForm(verzoek=verzoek),
        "kwalificatie": kwalificatie_weergave(verzoek.kwalificatie),
    })  # fmt: skip


def _voorbeeldbrief(verzoek, voorstel):
    """The letter as the proposal in the form would make it; nothing is stored."""
    verzoek.voorstel_uitkomst = voorstel.cleaned_data["uitkomst"]
    verzoek.voorstel_motivering = voorstel.volledige_motivering()
    verzoek.voorstel_voorschriften = voorstel.voorschriften_lijst()
    verzoek.voorstel_bw_3_43 = voorstel.cleaned_data["bw_3_43"]
    return conceptbrief(brieven.concept_html(verzoek, ondertekenaar=None))


# ------------------------------------------------------------- zienswijze


@require_POST
@staf
def zienswijze_vragen(request, pk):
    return actie(
        request, pk, form_class=f.ZienswijzeVragenForm, naam="zienswijze_vragen",
        mag=permissions.behandelaar,
        uitvoeren=lambda v, d, _: services.zienswijze_vragen(
            user=request.user, verzoek=v, van=d["van"], uiterlijk=d["uiterlijk"],
            toelichting=d["toelichting"]),
        gelukt="De zienswijze is gevraagd.",
    )  # fmt: skip


@require_POST
@staf
def zienswijze_verwerken(request, pk):
    return actie(
        request, pk, form_class=f.ZienswijzeVerwerkenForm, naam="zienswijze_verwerken",
        mag=permissions.behandelaar,
        uitvoeren=lambda v, d, _: services.zienswijze_verwerken(
            user=request.user, verzoek=v, samenvatting=d["samenvatting"]),
        gelukt="De zienswijze is verwerkt; het verzoek staat weer in de toetsing.",
    )  # fmt: skip
