"""Requests by post or e-mail: registering one, recording that a letter was
posted and an answer that came by post; correcting the facts; the way back
from the assessment. Each action is one service call; the case page shows
them in the panel of ``templatetags/papier.py``."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from ontheffing import permissions, services
from ontheffing.forms import papier as f
from ontheffing.views.provincie import (
    call_service,
    forbid_if_not_for_user,
    redirect_done,
    staf,
    zichtbaar_verzoek,
)
from ontheffing.views.zaak import verzoekpagina


@require_http_methods(["GET", "POST"])
@staf
def registreren(request):
    user = request.user
    toestemming = permissions.mag(user, "papier_registreren")
    if not toestemming:
        raise PermissionDenied(toestemming.reden)
    if request.method == "GET":
        form = f.RegistratieForm(
            initial={"ontvangen_via": "post", "berichten_per": "post"}
        )
        return _registratiepagina(request, form)
    form = f.RegistratieForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            verzoek = services.papieren_verzoek_registreren(
                user=user,
                ontvangen_op=form.cleaned_data["ontvangen_op"],
                ontvangen_via=form.cleaned_data["ontvangen_via"],
                berichten_per=form.cleaned_data["berichten_per"],
                gedagtekend_op=form.cleaned_data.get("gedagtekend_op"),
                toelichting_ontvangst=form.cleaned_data["toelichting_ontvangst"],
                velden=form.geldige_velden(),
                documenten=form.documenten(),
            )
        except services.NietNu as fout:
            messages.error(request, f"{fout} Voeg de documenten opnieuw toe.")
        else:
            messages.success(
                request,
                f"Het verzoek is geregistreerd als {verzoek.kenmerk}, ontvangen op "
                f"{verzoek.ontvangen_op:%d-%m-%Y}.",
            )
            return redirect("provincie:verzoek", pk=verzoek.pk)
    return _registratiepagina(request, form)


def _registratiepagina(request, form):
    return render(request, "provincie/papier_registreren.html", {"form": form})


@require_POST
@staf
def feiten_corrigeren(request, pk):
    verzoek = zichtbaar_verzoek(request, pk)
    forbid_if_not_for_user(request.user, "feiten_corrigeren", verzoek)
    form = f.CorrectieForm(request.POST)
    if form.is_valid() and call_service(
        request,
        services.feiten_corrigeren,
        user=request.user,
        verzoek=verzoek,
        wijzigingen=form.wijzigingen(),
        reden=form.cleaned_data["reden"],
    ):
        return redirect_done(
            request, verzoek, "De gegevens zijn gecorrigeerd; de brief gebruikt ze."
        )
    return verzoekpagina(request, verzoek, {"feiten_corrigeren": form})


@require_POST
@staf
def post_verzonden(request, pk):
    verzoek = zichtbaar_verzoek(request, pk)
    forbid_if_not_for_user(request.user, "post_verzonden", verzoek)
    form = f.PostVerzondenForm(request.POST)
    if form.is_valid():
        poststuk = get_object_or_404(
            verzoek.poststukken, pk=form.cleaned_data["poststuk"]
        )
        if call_service(
            request,
            services.post_verzonden,
            user=request.user,
            verzoek=verzoek,
            poststuk=poststuk,
            op=form.cleaned_data["op"],
        ):
            return redirect_done(
                request, verzoek, f"Vastgelegd: '{poststuk.onderwerp}' is verzonden."
            )
    else:
        messages.error(request, "Vul de dag in waarop de brief op de post is gedaan.")
    return redirect("provincie:verzoek", pk=verzoek.pk)


@require_POST
@staf
def aanvulling_registreren(request, pk):
    verzoek = zichtbaar_verzoek(request, pk)
    forbid_if_not_for_user(request.user, "aanvullen", verzoek)
    form = f.AanvullingRegistrerenForm(request.POST, request.FILES)
    if form.is_valid() and call_service(
        request,
        services.aanvulling_registreren,
        user=request.user,
        verzoek=verzoek,
        ontvangen_op=form.cleaned_data["ontvangen_op"],
        antwoord=form.cleaned_data["antwoord"],
        documenten=[("aanvulling", form.cleaned_data["bestand"])]
        if form.cleaned_data.get("bestand")
        else [],
    ):
        return redirect_done(
            request,
            verzoek,
            "De aanvulling is vastgelegd; de beslistermijn loopt weer.",
        )
    return verzoekpagina(request, verzoek, {"aanvulling_registreren": form})


@require_POST
@staf
def terug_naar_kwalificatie(request, pk):
    verzoek = zichtbaar_verzoek(request, pk)
    forbid_if_not_for_user(request.user, "terug_naar_kwalificatie", verzoek)
    form = f.TerugNaarKwalificatieForm(request.POST)
    if form.is_valid() and call_service(
        request,
        services.terug_naar_kwalificatie,
        user=request.user,
        verzoek=verzoek,
        reden=form.cleaned_data["reden"],
    ):
        return redirect_done(
            request, verzoek, "Het verzoek staat weer in de stap kwalificatie."
        )
    return verzoekpagina(request, verzoek, {"terug_naar_kwalificatie": form})


@require_POST
@staf
def geen_ontheffing_voorstellen(request, pk):
    verzoek = zichtbaar_verzoek(request, pk)
    forbid_if_not_for_user(request.user, "geen_ontheffing_voorstellen", verzoek)
    form = f.GeenOntheffingForm(request.POST)
    if form.is_valid() and call_service(
        request,
        services.geen_ontheffing_voorstellen,
        user=request.user,
        verzoek=verzoek,
        motivering=form.cleaned_data["motivering"],
        goedkeuring=form.cleaned_data["goedkeuring"],
    ):
        return redirect_done(
            request,
            verzoek,
            "Voorgesteld: geen ontheffing vereist. Het voorstel ligt bij een beslisser.",
        )
    return verzoekpagina(request, verzoek, {"geen_ontheffing_voorstellen": form})


@require_POST
@staf
def intrekking_registreren(request, pk):
    """A request by post or e-mail withdrawn by letter: a behandelaar records it."""
    verzoek = zichtbaar_verzoek(request, pk)
    forbid_if_not_for_user(request.user, "intrekken", verzoek)
    form = f.IntrekkingForm(request.POST)
    if form.is_valid() and call_service(
        request,
        services.verzoek_intrekken,
        user=request.user,
        verzoek=verzoek,
        reden=form.cleaned_data["reden"],
    ):
        return redirect_done(request, verzoek, "De intrekking is vastgelegd.")
    return verzoekpagina(request, verzoek, {"intrekking_registreren": form})
