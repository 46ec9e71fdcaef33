"""The decision period from the case page: extending it (verdaging) and
registering a notice of default (ingebrekestelling), which starts the
dwangsom. The deadline panel itself is ``zaak.termijnoverzicht``."""

from __future__ import annotations

from django.views.decorators.http import require_POST

from ontheffing import permissions, services
from ontheffing.forms import provincie as f
from ontheffing.views.provincie import staf
from ontheffing.views.zaak import actie


@require_POST
@staf
def verdagen(request, pk):
    return actie(
        request, pk, form_class=f.VerdagenForm, naam="verdagen",
        mag=permissions.behandelaar,
        uitvoeren=lambda v, d, _: services.termijn_verdagen(
            user=request.user, verzoek=v, nieuwe_datum=d["nieuwe_datum"], reden=d["reden"]),
        gelukt="De beslistermijn is verdaagd; de aanvrager krijgt daarvan bericht.",
    )  # fmt: skip


@require_POST
@staf
def ingebrekestelling(request, pk):
    return actie(
        request, pk, form_class=f.IngebrekestellingForm, naam="ingebrekestelling",
        mag=permissions.behandelaar,
        uitvoeren=lambda v, d, _: services.ingebrekestelling_registreren(
            user=request.user, verzoek=v, ontvangen_op=d["ontvangen_op"]),
        gelukt="De ingebrekestelling is geregistreerd.",
    )  # fmt: skip
