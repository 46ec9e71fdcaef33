"""From the case page: asking a third party for their view and recording it
(Awb 4:8), and the dwangsom decision with its payment (Awb 4:18). Each view
loads the visible case, makes one service call, and redirects or shows the
case page with the form and its message."""

from __future__ import annotations

from django.views.decorators.http import require_POST

from ontheffing import services
from ontheffing.forms import derden as f
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
def zienswijze_derde_vragen(request, pk):
    verzoek = zichtbaar_verzoek(request, pk)
    forbid_if_not_for_user(request.user, "zienswijze_derde_vragen", verzoek)
    form = f.ZienswijzeDerdeVragenForm(request.POST)
    if form.is_valid() and call_service(
        request,
        services.zienswijze_derde_vragen,
        user=request.user,
        verzoek=verzoek,
        **form.cleaned_data,
    ):
        per = "per e-mail" if form.cleaned_data["email"] else "om per post te versturen"
        return redirect_done(
            request,
            verzoek,
            f"De zienswijze is gevraagd; de brief aan {form.cleaned_data['naam']} "
            f"staat bij de brieven ({per}).",
        )
    return verzoekpagina(request, verzoek, {"zienswijze_derde_vragen": form})


@require_POST
@staf
def zienswijze_derde_vastleggen(request, pk):
    verzoek = zichtbaar_verzoek(request, pk)
    forbid_if_not_for_user(request.user, "zienswijze_derde_vastleggen", verzoek)
    form = f.ZienswijzeDerdeVastleggenForm(request.POST, request.FILES, verzoek=verzoek)
    if form.is_valid() and call_service(
        request,
        services.zienswijze_derde_vastleggen,
        user=request.user,
        verzoek=verzoek,
        derde=form.cleaned_data["derde"],
        ontvangen_op=form.cleaned_data["ontvangen_op"],
        tekst=form.cleaned_data["tekst"],
        bestand=form.cleaned_data["bestand"],
    ):
        return redirect_done(
            request,
            verzoek,
            f"De zienswijze van {form.cleaned_data['derde'].naam} is vastgelegd.",
        )
    return verzoekpagina(request, verzoek, {"zienswijze_derde_vastleggen": form})


@require_POST
@staf
def dwangsom_vaststellen(request, pk):
    verzoek = zichtbaar_verzoek(request, pk)
    forbid_if_not_for_user(request.user, "dwangsom_vaststellen", verzoek)
    form = f.DwangsomVaststellenForm(request.POST)
    if form.is_valid() and call_service(
        request,
        services.dwangsom_vaststellen,
        user=request.user,
        verzoek=verzoek,
        genomen_op=form.cleaned_data["genomen_op"],
    ):
        return redirect_done(
            request,
            verzoek,
            "De dwangsom is vastgesteld; het besluit gaat naar de aanvrager.",
        )
    return verzoekpagina(request, verzoek, {"dwangsom_vaststellen": form})


@require_POST
@staf
def dwangsom_betaling(request, pk):
    verzoek = zichtbaar_verzoek(request, pk)
    forbid_if_not_for_user(request.user, "dwangsom_betaling", verzoek)
    form = f.DwangsomBetalingForm(request.POST)
    if form.is_valid() and call_service(
        request,
        services.dwangsom_betaling_vastleggen,
        user=request.user,
        verzoek=verzoek,
        betaald_op=form.cleaned_data["betaald_op"],
        bedrag=form.cleaned_data["bedrag"],
    ):
        return redirect_done(request, verzoek, "De betaling is vastgelegd.")
    return verzoekpagina(request, verzoek, {"dwangsom_betaling": form})
