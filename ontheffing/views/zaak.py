"""The staff's case page: what it shows, which actions it offers, and the shape
every action posted from it follows (``actie``); also internal notes.

Buttons come from the actions the user may take now, so the page never offers
what the server refuses."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, prefetch_related_objects
from django.forms import Form
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from ontheffing import kwalificatie as kw
from ontheffing import permissions, services, termijnen, werkvoorraad
from ontheffing.forms import provincie as f
from ontheffing.models import Opschorting
from ontheffing.states import OPEN_STATUSSEN, Actie, Status
from ontheffing.views.provincie import (
    berekende_kwalificatie,
    kwalificatie_weergave,
    staf,
    uitgevoerd,
    zichtbaar_verzoek,
)

BUITEN_BEHANDELING_MOTIVERING = (
    "De aanvrager heeft de gevraagde aanvulling niet binnen de hersteltermijn "
    "gegeven. Het verzoek kan daardoor niet worden beoordeeld (artikel 4:5 Awb)."
)


def _open_voor_behandelaar(verzoek, user) -> bool:
    return permissions.behandelaar(verzoek, user) and verzoek.status in OPEN_STATUSSEN


def _acties(verzoek, user) -> dict[str, bool]:
    mag = {n: services.mag(verzoek, user, n) for n in (
        "in_behandeling_nemen", "aanvulling_vragen", "buiten_behandeling_voorstellen",
        "doorzenden", "kwalificeren", "zienswijze_vragen", "zienswijze_verwerken",
        "voorstellen", "terugsturen", "vaststellen",
    )}  # fmt: skip
    open_ = _open_voor_behandelaar(verzoek, user)
    toewijsbaar = open_ and verzoek.status != Status.TER_BESLUITVORMING
    mag.update(
        oppakken=open_
        and werkvoorraad.oppakbaar(verzoek.status, verzoek.behandelaar_id, user),
        toewijzen=toewijsbaar,
        verdagen=open_,
        ingebrekestelling=open_,
        notitie=user.is_medewerker and user.provincie_id == verzoek.provincie_id,
    )
    return mag


def termijnoverzicht(verzoek, vandaag):
    """The deadline panel: build-up, signal, dwangsom; never a 500 on odd data."""
    if verzoek.ontvangen_op is None:
        return None
    try:
        opbouw = verzoek.termijnopbouw(vandaag)
    except ValueError as exc:
        return {"fout": str(exc)}
    result = {"opbouw": opbouw, "signaal": werkvoorraad.signaal(verzoek, vandaag)}
    ontvangen = verzoek.ingebrekestelling_ontvangen_op
    if ontvangen:
        if ontvangen <= opbouw.einde:
            result["ingebrekestelling_te_vroeg"] = True
        else:
            result["dwangsom"] = termijnen.dwangsom(
                ontvangen, verzoek.afgehandeld_op, vandaag
            )
            result["dwangsom_maximum"] = termijnen.dwangsom(
                ontvangen, None, ontvangen + timedelta(weeks=60)
            ).bedrag
    return result


def _unbound_forms(verzoek, acties, engine) -> dict:
    """An empty form for each action the user may take, with sensible defaults."""
    doorzenden_aan = ""
    if engine and engine.uitkomst == kw.Uitkomst.ONBEVOEGD:
        doorzenden_aan = engine.bevoegd_gezag.label
    forms = {
        "toewijzen": (f.ToewijzenForm, {"provincie_id": verzoek.provincie_id}),
        "aanvulling_vragen": (f.AanvullingForm, {"verzoek": verzoek}),
        "buiten_behandeling_voorstellen": (
            f.MotiveringForm, {"initial": {"motivering": BUITEN_BEHANDELING_MOTIVERING}}
        ),
        "doorzenden": (f.DoorzendenForm, {"initial": {"aan": doorzenden_aan}}),
        "zienswijze_vragen": (f.ZienswijzeVragenForm, {"verzoek": verzoek}),
        "zienswijze_verwerken": (f.ZienswijzeVerwerkenForm, {}),
        "terugsturen": (f.RedenForm, {}),
        "verdagen": (f.VerdagenForm, {}),
        "ingebrekestelling": (f.IngebrekestellingForm, {}),
        "notitie": (f.NotitieForm, {}),
    }  # fmt: skip
    return {
        naam: form_class(prefix=naam, **kwargs)
        for naam, (form_class, kwargs) in forms.items()
        if acties.get(naam)
    }


def _zienswijzen(verzoek) -> list:
    """The views the applicant gave through the portal since the last request."""
    gevraagd = verzoek.gebeurtenissen.filter(actie=Actie.ZIENSWIJZE_VRAGEN).last()
    return list(
        verzoek.gebeurtenissen.filter(
            actie=Actie.ZIENSWIJZE_GEVEN, pk__gt=gevraagd.pk if gevraagd else 0
        )
    )


def verzoekpagina(request, verzoek, bound=None):
    """The case page; ``bound`` holds a posted form (by action) with its errors."""
    user = request.user
    # The deadline panel, the signal and the list all read the suspensions:
    # one query for all of them (the page only reads; services drop this cache).
    prefetch_related_objects(
        [verzoek],
        Prefetch(
            "opschortingen",
            queryset=Opschorting.objects.select_related("gevraagd_door"),
        ),
    )
    acties = _acties(verzoek, user)
    engine = berekende_kwalificatie(verzoek)
    forms = _unbound_forms(verzoek, acties, engine)
    forms.update(bound or {})
    lopend = verzoek.lopende_opschorting
    buiten_behandeling = None
    if lopend and lopend.hersteltermijn_einde:
        buiten_behandeling = {
            "hersteltermijn_einde": lopend.hersteltermijn_einde,
            "verstreken": verzoek.hersteltermijn_verstreken(),
            "uiterlijk": termijnen.buiten_behandeling_uiterlijk(
                lopend.hersteltermijn_einde
            ),
        }
    return render(request, "provincie/verzoek.html", {
        "verzoek": verzoek,
        "zienswijzen": _zienswijzen(verzoek) if acties["zienswijze_verwerken"] else [],
        "acties": acties,
        "forms": forms,
        "termijn": termijnoverzicht(verzoek, timezone.localdate()),
        "engine": engine,
        "opschortingen": list(verzoek.opschortingen.all()),
        "bijlagen": verzoek.bijlagen.select_related("geupload_door"),
        "gebeurtenissen": verzoek.gebeurtenissen.select_related("actor"),
        "besluiten": verzoek.besluiten.all(),
        "oordelen": verzoek.oordelen.select_related("criterium"),
        "buiten_behandeling": buiten_behandeling,
        "kwalificatie": kwalificatie_weergave(verzoek.kwalificatie),
        "engine_opgeslagen": kwalificatie_weergave(verzoek.kwalificatie_engine),
    })  # fmt: skip


@require_GET
@staf
def verzoek(request, pk):
    return verzoekpagina(request, zichtbaar_verzoek(request, pk))


def actie(request, pk, *, naam, mag, uitvoeren, gelukt, form_class=Form,
          form_kwargs=None, pagina=verzoekpagina):  # fmt: skip
    """The shape of every action form posted from the case page.

    ``mag(verzoek, user)`` refuses with 403; ``uitvoeren(verzoek, cleaned_data,
    form)`` makes the service call; ``gelukt`` is the message when it is done.
    Without ``form_class`` the action takes no input. On invalid input or a
    refusal now, ``pagina`` (the case page) is shown again with the form."""
    verzoek = zichtbaar_verzoek(request, pk)
    if not mag(verzoek, request.user):
        raise PermissionDenied
    kwargs = form_kwargs(verzoek) if form_kwargs else {}
    form = form_class(request.POST, prefix=naam, **kwargs)
    if form.is_valid() and uitgevoerd(
        request, verzoek, lambda: uitvoeren(verzoek, form.cleaned_data, form)
    ):
        messages.success(request, gelukt)
        if request.POST.get("terug") == "werkvoorraad":
            return redirect("provincie:werkvoorraad")
        return redirect("provincie:verzoek", pk=verzoek.pk)
    return pagina(request, verzoek, {naam: form})


@require_POST
@staf
def notitie(request, pk):
    return actie(
        request, pk, form_class=f.NotitieForm, naam="notitie",
        mag=lambda v, u: u.provincie_id == v.provincie_id,
        uitvoeren=lambda v, d, _: services.notitie_toevoegen(
            user=request.user, verzoek=v, tekst=d["tekst"]),
        gelukt="De notitie is opgeslagen.",
    )  # fmt: skip
