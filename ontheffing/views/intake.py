"""Intake of a request by the behandelaar: take it up or give it to a colleague,
find it complete, ask for an aanvulling, propose to leave the request
unprocessed, or forward it to the competent authority. Each is one action on
the case page."""

from __future__ import annotations

from django.views.decorators.http import require_POST

from ontheffing import services
from ontheffing.forms import provincie as f
from ontheffing.forms.procedures import BuitenBehandelingForm
from ontheffing.views.provincie import (
    call_service,
    forbid_if_not_for_user,
    redirect_done,
    staf,
    zichtbaar_verzoek,
)
from ontheffing.views.zaak import verzoekpagina


@require_POST
@staf
def oppakken(request, pk):
    verzoek = zichtbaar_verzoek(request, pk)
    forbid_if_not_for_user(request.user, "oppakken", verzoek)
    if call_service(
        request,
        services.behandelaar_toewijzen,
        user=request.user,
        verzoek=verzoek,
        behandelaar=request.user,
    ):
        return redirect_done(request, verzoek, "U behandelt dit verzoek nu.")
    return verzoekpagina(request, verzoek)


@require_POST
@staf
def toewijzen(request, pk):
    verzoek = zichtbaar_verzoek(request, pk)
    forbid_if_not_for_user(request.user, "toewijzen", verzoek)
    form = f.ToewijzenForm(
        request.POST, prefix="toewijzen", provincie_id=verzoek.provincie_id
    )
    if form.is_valid() and call_service(
        request,
        services.behandelaar_toewijzen,
        user=request.user,
        verzoek=verzoek,
        behandelaar=form.cleaned_data["behandelaar"],
    ):
        return redirect_done(request, verzoek, "Het verzoek is aan uw collega gegeven.")
    return verzoekpagina(request, verzoek, {"toewijzen": form})


@require_POST
@staf
def in_behandeling_nemen(request, pk):
    verzoek = zichtbaar_verzoek(request, pk)
    forbid_if_not_for_user(request.user, "in_behandeling_nemen", verzoek)
    if call_service(
        request,
        services.verzoek_in_behandeling_nemen,
        user=request.user,
        verzoek=verzoek,
    ):
        return redirect_done(
            request,
            verzoek,
            "Het verzoek is volledig bevonden en staat nu in de stap kwalificatie.",
        )
    return verzoekpagina(request, verzoek)


@require_POST
@staf
def aanvulling_vragen(request, pk):
    verzoek = zichtbaar_verzoek(request, pk)
    forbid_if_not_for_user(request.user, "aanvulling_vragen", verzoek)
    form = f.AanvullingVragenForm(
        request.POST, prefix="aanvulling_vragen", verzoek=verzoek
    )
    if form.is_valid() and call_service(
        request,
        services.aanvulling_vragen,
        user=request.user,
        verzoek=verzoek,
        ontbrekend=form.labels(),
        toelichting=form.cleaned_data["toelichting"],
        hersteltermijn_einde=form.cleaned_data["hersteltermijn_einde"],
    ):
        return redirect_done(
            request,
            verzoek,
            "De aanvulling is gevraagd; de beslistermijn is opgeschort.",
        )
    return verzoekpagina(request, verzoek, {"aanvulling_vragen": form})


@require_POST
@staf
def buiten_behandeling_voorstellen(request, pk):
    verzoek = zichtbaar_verzoek(request, pk)
    forbid_if_not_for_user(request.user, "buiten_behandeling_voorstellen", verzoek)
    form = BuitenBehandelingForm(request.POST, prefix="buiten_behandeling_voorstellen")
    if form.is_valid() and call_service(
        request,
        services.buiten_behandeling_voorstellen,
        user=request.user,
        verzoek=verzoek,
        **form.cleaned_data,
    ):
        return redirect_done(
            request,
            verzoek,
            "Het voorstel om buiten behandeling te laten staat klaar voor "
            "besluitvorming.",
        )
    return verzoekpagina(request, verzoek, {"buiten_behandeling_voorstellen": form})


@require_POST
@staf
def doorzenden(request, pk):
    verzoek = zichtbaar_verzoek(request, pk)
    forbid_if_not_for_user(request.user, "doorzenden", verzoek)
    form = f.DoorzendenForm(request.POST, prefix="doorzenden")
    if form.is_valid() and call_service(
        request,
        services.verzoek_doorzenden,
        user=request.user,
        verzoek=verzoek,
        aan=form.cleaned_data["aan"],
        toelichting=form.cleaned_data["toelichting"],
    ):
        return redirect_done(
            request,
            verzoek,
            "Het verzoek is doorgezonden; de aanvrager krijgt daarvan bericht.",
        )
    return verzoekpagina(request, verzoek, {"doorzenden": form})
