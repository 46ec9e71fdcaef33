"""The decision period from the case page: extending it (verdaging) and
registering a notice of default (ingebrekestelling), which starts the
dwangsom. The deadline panel itself is ``zaak.termijnoverzicht``."""

from __future__ import annotations

from django.views.decorators.http import require_POST

from ontheffing import services
from ontheffing.forms import provincie as f
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
def verdagen(request, pk):
    verzoek = zichtbaar_verzoek(request, pk)
    forbid_if_not_for_user(request.user, "verdagen", verzoek)
    form = f.VerdagenForm(request.POST, prefix="verdagen")
    if form.is_valid() and call_service(
        request,
        services.termijn_verdagen,
        user=request.user,
        verzoek=verzoek,
        nieuwe_datum=form.cleaned_data["nieuwe_datum"],
        reden=form.cleaned_data["reden"],
    ):
        return redirect_done(
            request,
            verzoek,
            "De beslistermijn is verdaagd; de aanvrager krijgt daarvan bericht.",
        )
    return verzoekpagina(request, verzoek, {"verdagen": form})


@require_POST
@staf
def ingebrekestelling(request, pk):
    verzoek = zichtbaar_verzoek(request, pk)
    forbid_if_not_for_user(request.user, "ingebrekestelling", verzoek)
    form = f.IngebrekestellingForm(request.POST, prefix="ingebrekestelling")
    if form.is_valid() and call_service(
        request,
        services.ingebrekestelling_registreren,
        user=request.user,
        verzoek=verzoek,
        ontvangen_op=form.cleaned_data["ontvangen_op"],
    ):
        return redirect_done(request, verzoek, "De ingebrekestelling is geregistreerd.")
    return verzoekpagina(request, verzoek, {"ingebrekestelling": form})
