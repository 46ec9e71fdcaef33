"""Intake of a request by the behandelaar: take it up or give it to a colleague,
find it complete, ask for an aanvulling, propose to leave it unprocessed, or
forward it to the competent authority. Each is one action on the case page."""

from __future__ import annotations

from django.views.decorators.http import require_POST

from ontheffing import permissions, services
from ontheffing.forms import provincie as f
from ontheffing.views.provincie import staf
from ontheffing.views.zaak import actie


@require_POST
@staf
def oppakken(request, pk):
    return actie(
        request, pk, naam="oppakken", mag=permissions.behandelaar,
        uitvoeren=lambda v, d, _: services.behandelaar_toewijzen(
            user=request.user, verzoek=v, behandelaar=request.user),
        gelukt="U behandelt dit verzoek nu.",
    )  # fmt: skip


@require_POST
@staf
def toewijzen(request, pk):
    return actie(
        request, pk, form_class=f.ToewijzenForm, naam="toewijzen",
        mag=permissions.behandelaar,
        form_kwargs=lambda v: {"provincie_id": v.provincie_id},
        uitvoeren=lambda v, d, _: services.behandelaar_toewijzen(
            user=request.user, verzoek=v, behandelaar=d["behandelaar"]),
        gelukt="Het verzoek is aan uw collega gegeven.",
    )  # fmt: skip


@require_POST
@staf
def in_behandeling_nemen(request, pk):
    return actie(
        request, pk, naam="in_behandeling_nemen", mag=permissions.behandelaar,
        uitvoeren=lambda v, d, _: services.verzoek_in_behandeling_nemen(
            user=request.user, verzoek=v),
        gelukt="Het verzoek is volledig bevonden en staat nu in de stap kwalificatie.",
    )  # fmt: skip


@require_POST
@staf
def aanvulling_vragen(request, pk):
    return actie(
        request, pk, form_class=f.AanvullingForm, naam="aanvulling_vragen",
        mag=permissions.behandelaar,
        form_kwargs=lambda v: {"verzoek": v},
        uitvoeren=lambda v, d, form: services.aanvulling_vragen(
            user=request.user, verzoek=v, ontbrekend=form.labels(),
            toelichting=d["toelichting"], hersteltermijn_einde=d["hersteltermijn_einde"]),
        gelukt="De aanvulling is gevraagd; de beslistermijn is opgeschort.",
    )  # fmt: skip


@require_POST
@staf
def buiten_behandeling_voorstellen(request, pk):
    return actie(
        request, pk, form_class=f.MotiveringForm, naam="buiten_behandeling_voorstellen",
        mag=permissions.behandelaar,
        uitvoeren=lambda v, d, _: services.buiten_behandeling_voorstellen(
            user=request.user, verzoek=v, motivering=d["motivering"]),
        gelukt="Het voorstel om buiten behandeling te laten staat klaar voor besluitvorming.",
    )  # fmt: skip


@require_POST
@staf
def doorzenden(request, pk):
    return actie(
        request, pk, form_class=f.DoorzendenForm, naam="doorzenden",
        mag=permissions.behandelaar,
        uitvoeren=lambda v, d, _: services.verzoek_doorzenden(
            user=request.user, verzoek=v, aan=d["aan"], toelichting=d["toelichting"]),
        gelukt="Het verzoek is doorgezonden; de aanvrager krijgt daarvan bericht.",
    )  # fmt: skip
