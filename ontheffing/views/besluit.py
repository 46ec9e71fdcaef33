"""The beslisser's part: the proposal page with its concept letter, and fixing
the decision or returning the proposal to the behandelaar."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_POST

from ontheffing import emails, permissions, services
from ontheffing.brieven import inhoud
from ontheffing.forms import provincie as f
from ontheffing.forms.procedures import BesluitVaststellenForm
from ontheffing.services import procedures
from ontheffing.services.mandaten import mandaat_voor
from ontheffing.states import Status
from ontheffing.toetsing import beleidsregel_voor
from ontheffing.views.provincie import (
    call_service,
    conceptbrief,
    forbid_if_not_for_user,
    kwalificatie_weergave,
    redirect_done,
    staf,
    zichtbaar_verzoek,
)
from ontheffing.views.zaak import termijnoverzicht, verzoekpagina
from ontheffing.werkvoorraad import meldingen


def voorstelpagina(request, verzoek, bound=None):
    """The beslisser's page: the draft letter, the qualification, the assessment."""
    if verzoek.status != Status.TER_BESLUITVORMING:
        return verzoekpagina(request, verzoek)
    vandaag = timezone.localdate()
    bound = bound or {}
    return render(
        request,
        "provincie/voorstel.html",
        {
            "verzoek": verzoek,
            "vaststellen": permissions.mag(
                request.user, "vaststellen", verzoek, op=vandaag
            ),
            "terugsturen": permissions.mag(request.user, "terugsturen", verzoek),
            "terugsturen_form": bound.get("terugsturen")
            or f.RedenForm(prefix="terugsturen"),
            "vaststellen_form": bound.get("vaststellen")
            or BesluitVaststellenForm(prefix="vaststellen"),
            "te_laat": procedures.vaststellen_te_laat(verzoek, vandaag),
            "mandaat": mandaat_voor(request.user, verzoek, op=vandaag),
            "kwalificatie": kwalificatie_weergave(verzoek.kwalificatie),
            "oordelen": verzoek.oordelen.select_related("criterium"),
            "regel": beleidsregel_voor(verzoek),
            "termijn": termijnoverzicht(verzoek, vandaag),
        },
    )


@require_GET
@staf
def voorstel(request, pk):
    verzoek = zichtbaar_verzoek(request, pk)
    if verzoek.status != Status.TER_BESLUITVORMING:
        messages.info(request, "Er staat geen voorstel klaar bij dit verzoek.")
        return redirect("provincie:verzoek", pk=verzoek.pk)
    meldingen.gezien(request.user, verzoek)
    return voorstelpagina(request, verzoek)


@require_GET
@staf
@xframe_options_sameorigin
def concept(request, pk):
    verzoek = zichtbaar_verzoek(request, pk)
    if not verzoek.voorstel_uitkomst:
        return conceptbrief("<!doctype html><p>Er is (nog) geen voorstel.</p>")
    beslissen = permissions.mag(request.user, "beslissen")
    ondertekenaar = request.user if beslissen else None
    return conceptbrief(inhoud.concept(verzoek, ondertekenaar=ondertekenaar))


@require_POST
@staf
def vaststellen(request, pk):
    verzoek = zichtbaar_verzoek(request, pk)
    forbid_if_not_for_user(
        request.user, "vaststellen", verzoek, op=timezone.localdate()
    )
    form = BesluitVaststellenForm(request.POST, prefix="vaststellen")
    if form.is_valid() and request.POST.get("bevestigd") != "1":
        return _bevestigen(request, verzoek, form)
    if form.is_valid() and call_service(
        request,
        services.besluit_vaststellen,
        user=request.user,
        verzoek=verzoek,
        **form.cleaned_data,
    ):
        return redirect_done(
            request,
            verzoek,
            "Het besluit is vastgesteld. "
            + (
                "De aanvrager ontvangt het per post: druk de brief af, verstuur hem "
                "en leg onder 'Brieven per post' de dag van verzending vast."
                if verzoek.per_post
                else "Het gaat per e-mail naar de aanvrager; onder Berichten ziet u "
                "wanneer het is verzonden."
            ),
        )
    return voorstelpagina(request, verzoek, {"vaststellen": form})


def _bevestigen(request, verzoek, form):
    """The step before the irreversible decision: what will be sent to whom,
    and under which mandate or decision of the organ. A page of its own, so
    it works without JavaScript; its button posts the same form confirmed."""
    vandaag = timezone.localdate()
    genomen_op = form.cleaned_data["genomen_op"]
    return render(
        request,
        "provincie/vaststellen_bevestigen.html",
        {
            "verzoek": verzoek,
            "form": form,
            "genomen_op": genomen_op,
            "mandaat": None
            if genomen_op
            else mandaat_voor(request.user, verzoek, op=vandaag),
            "ontvangers": emails.ontvangers_besluit(verzoek, verzoek.voorstel_uitkomst),
            "vandaag": vandaag,
        },
    )


@require_POST
@staf
def terugsturen(request, pk):
    verzoek = zichtbaar_verzoek(request, pk)
    forbid_if_not_for_user(request.user, "terugsturen", verzoek)
    form = f.RedenForm(request.POST, prefix="terugsturen")
    if form.is_valid() and call_service(
        request,
        services.voorstel_terugsturen,
        user=request.user,
        verzoek=verzoek,
        reden=form.cleaned_data["reden"],
    ):
        return redirect_done(
            request, verzoek, "Het voorstel is teruggestuurd naar de behandelaar."
        )
    return voorstelpagina(request, verzoek, {"terugsturen": form})
