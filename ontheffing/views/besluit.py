"""The beslisser's part: the proposal page with its concept letter, and fixing
the decision or returning the proposal to the behandelaar."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_POST

from ontheffing import permissions, services
from ontheffing.brieven import inhoud
from ontheffing.forms import provincie as f
from ontheffing.forms.mandaten import VaststellenForm
from ontheffing.services.mandaten import mandaat_voor
from ontheffing.states import Status
from ontheffing.toetsing import beleidsregel_voor
from ontheffing.views.provincie import (
    conceptbrief,
    kwalificatie_weergave,
    staf,
    zichtbaar_verzoek,
)
from ontheffing.views.zaak import actie, termijnoverzicht, verzoekpagina


def voorstelpagina(request, verzoek, bound=None):
    """The beslisser's page: the draft letter, the qualification, the assessment."""
    if verzoek.status != Status.TER_BESLUITVORMING:
        return verzoekpagina(request, verzoek)
    return render(request, "provincie/voorstel.html", {
        "verzoek": verzoek,
        "mag_vaststellen": services.mag(verzoek, request.user, "vaststellen"),
        "mag_terugsturen": services.mag(verzoek, request.user, "terugsturen"),
        "terugsturen_form": (bound or {}).get("terugsturen") or f.RedenForm(prefix="terugsturen"),
        "vaststellen_form": (bound or {}).get("vaststellen")
        or VaststellenForm(prefix="vaststellen"),
        "mandaat": mandaat_voor(request.user, verzoek),
        "kwalificatie": kwalificatie_weergave(verzoek.kwalificatie),
        "oordelen": verzoek.oordelen.select_related("criterium"),
        "regel": beleidsregel_voor(verzoek),
        "termijn": termijnoverzicht(verzoek, timezone.localdate()),
        "is_proposer": request.user.pk in (verzoek.voorgesteld_door_id,
                                           verzoek.behandelaar_id),
    })  # fmt: skip


@require_GET
@staf
def voorstel(request, pk):
    verzoek = zichtbaar_verzoek(request, pk)
    if verzoek.status != Status.TER_BESLUITVORMING:
        messages.info(request, "Er staat geen voorstel klaar bij dit verzoek.")
        return redirect("provincie:verzoek", pk=verzoek.pk)
    return voorstelpagina(request, verzoek)


@require_GET
@staf
@xframe_options_sameorigin
def concept(request, pk):
    verzoek = zichtbaar_verzoek(request, pk)
    if not verzoek.voorstel_uitkomst:
        return conceptbrief("<!doctype html><p>Er is (nog) geen voorstel.</p>")
    ondertekenaar = request.user if permissions.mag_beslissen(request.user) else None
    return conceptbrief(inhoud.concept_html(verzoek, ondertekenaar=ondertekenaar))


@require_POST
@staf
def vaststellen(request, pk):
    return actie(
        request, pk, form_class=VaststellenForm, naam="vaststellen",
        mag=permissions.beslisser, pagina=voorstelpagina,
        uitvoeren=lambda v, d, _: services.besluit_vaststellen(
            user=request.user, verzoek=v, genomen_op=d["genomen_op"]),
        gelukt="Het besluit is vastgesteld. Het gaat per e-mail naar de aanvrager; "
        "onder Berichten ziet u wanneer het is verzonden.",
    )  # fmt: skip


@require_POST
@staf
def terugsturen(request, pk):
    return actie(
        request, pk, form_class=f.RedenForm, naam="terugsturen",
        mag=permissions.beslisser, pagina=voorstelpagina,
        uitvoeren=lambda v, d, _: services.voorstel_terugsturen(
            user=request.user, verzoek=v, reden=d["reden"]),
        gelukt="Het voorstel is teruggestuurd naar de behandelaar.",
    )  # fmt: skip
