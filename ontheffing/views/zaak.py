"""The staff's case page: what it shows and which actions it offers; also
internal notes.

Buttons come from the actions the user may take now, so the page never offers
what the server refuses."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import F, Prefetch, prefetch_related_objects
from django.db.models.fields.json import KT
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from ontheffing import formatting, permissions, services, termijnen, werkvoorraad
from ontheffing import kwalificatie as kw
from ontheffing.forms import derden as fd
from ontheffing.forms import procedures as fp
from ontheffing.forms import provincie as f
from ontheffing.identiteit import digid
from ontheffing.models import Bijlage, Bijlagesoort, Opschorting
from ontheffing.services import mandaten, procedures
from ontheffing.states import Actie, Status
from ontheffing.views.provincie import (
    berekende_kwalificatie,
    call_service,
    forbid_if_not_for_user,
    kwalificatie_weergave,
    redirect_done,
    staf,
    zichtbaar_verzoek,
)
from ontheffing.werkvoorraad import meldingen

BUITEN_BEHANDELING_MOTIVERING = (
    "De aanvrager heeft de gevraagde aanvulling niet binnen de hersteltermijn "
    "gegeven. Het verzoek kan daardoor niet worden beoordeeld (artikel 4:5 Awb)."
)


# The actions of the case page; each is one ``permissions.mag`` answer.
ACTIES = (
    "oppakken",
    "in_behandeling_nemen",
    "kwalificeren",
    "voorstellen",
    "vaststellen",
    "terugsturen",
    "aanvulling_vragen",
    "buiten_behandeling_voorstellen",
    "doorzenden",
    "zienswijze_vragen",
    "zienswijze_verwerken",
    "zienswijze_derde_vragen",
    "zienswijze_derde_vastleggen",
    "splitsen",
    "toewijzen",
    "verdagen",
    "ingebrekestelling",
    "opschorten",
    "dwangsom_vaststellen",
    "dwangsom_betaling",
    "notitie",
)
# Those that make up the panel "Wat kunt u nu doen?" (the others are in the
# deadline panel and the history).
PANEEL = tuple(
    a
    for a in ACTIES
    if a
    not in (
        "verdagen",
        "ingebrekestelling",
        "opschorten",
        "dwangsom_vaststellen",
        "dwangsom_betaling",
        "notitie",
    )
)


def termijnoverzicht(verzoek, vandaag):
    """The deadline panel: build-up, signal, dwangsom; never a 500 on odd data."""
    if verzoek.ontvangen_op is None:
        return None
    try:
        opbouw = verzoek.termijnopbouw(vandaag)
    except ValueError as exc:
        return {"fout": str(exc)}
    result = {"opbouw": opbouw, "signaal": werkvoorraad.signaal(verzoek, vandaag)}
    vier_weken = procedures.vier_weken_termijn(verzoek)
    if vier_weken is not None:
        # Awb 4:5, fourth paragraph: its own deadline beside the beslistermijn.
        result["buiten_behandeling"] = vier_weken
        result["buiten_behandeling_te_laat"] = vier_weken.te_laat(vandaag)
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


def _ander_gezag(berekend):
    """The qualification aid's answer when it points at another authority."""
    if berekend and berekend.uitkomst == kw.Uitkomst.ONBEVOEGD:
        return berekend
    return None


def _unbound_forms(verzoek, acties, berekend) -> dict:
    """An empty form for each action the user may take, with sensible defaults."""
    forms = {
        "toewijzen": (f.ToewijzenForm, {"provincie_id": verzoek.provincie_id}),
        "aanvulling_vragen": (f.AanvullingVragenForm, {"verzoek": verzoek}),
        "buiten_behandeling_voorstellen": (
            fp.BuitenBehandelingForm,
            {
                "initial": {"motivering": BUITEN_BEHANDELING_MOTIVERING},
                "te_laat": procedures.buiten_behandeling_te_laat(
                    verzoek, timezone.localdate()
                ),
            },
        ),
        "doorzenden": (f.DoorzendenForm, {}),
        "zienswijze_vragen": (f.ZienswijzeVragenForm, {"verzoek": verzoek}),
        "zienswijze_verwerken": (f.ZienswijzeVerwerkenForm, {}),
        "terugsturen": (f.RedenForm, {}),
        "verdagen": (f.VerdagenForm, {}),
        "ingebrekestelling": (f.IngebrekestellingForm, {}),
        "zienswijze_derde_vragen": (fd.ZienswijzeDerdeVragenForm, {}),
        "zienswijze_derde_vastleggen": (
            fd.ZienswijzeDerdeVastleggenForm,
            {"verzoek": verzoek},
        ),
        "dwangsom_vaststellen": (fd.DwangsomVaststellenForm, {}),
        "dwangsom_betaling": (fd.DwangsomBetalingForm, {}),
        "opschorten": (fp.OpschortenForm, {"verzoek": verzoek}),
        "notitie": (f.NotitieForm, {}),
    }
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


def _berekend_afgeweken(verzoek):
    """What the qualification aid said, when the behandelaar confirmed another
    outcome."""
    berekend = kwalificatie_weergave(verzoek.kwalificatie_berekend)
    vastgelegd = verzoek.kwalificatie or {}
    if berekend and berekend.get("uitkomst") != vastgelegd.get("uitkomst"):
        return berekend
    return None


# After these steps a returned proposal is no longer the open question.
NA_TERUGSTUREN = (
    Status.TER_BESLUITVORMING,
    Status.AFGEHANDELD,
    Status.INGETROKKEN,
    Status.DOORGEZONDEN,
)


def teruggestuurd(regels):
    """The beslisser's return of the proposal (its reason, who, when), while
    the behandelaar still works on it: no proposal, decision or closing came
    after it. From the lines of the history (``historie``) the page prints
    anyway, so no query of its own."""
    laatste = None
    for g in regels:  # oldest first
        if g["actie"] == Actie.TERUGSTUREN:
            laatste = g
        elif g["naar_status"] in NA_TERUGSTUREN and g["van_status"] != g["naar_status"]:
            laatste = None
    return laatste


# Labels looked up once: a model's get_FOO_display rebuilds its choices on
# every call, which the history (50 events, three labels each) felt.
ACTIE_LABELS = dict(Actie.choices)
STATUS_LABELS = dict(Status.choices)
SOORT_LABELS = dict(Bijlagesoort.choices)


def _tijdstip(waarde) -> tuple[str, str]:
    lokaal = timezone.localtime(waarde)
    return lokaal.isoformat(), f"{formatting.datum(lokaal)} om {lokaal:%H:%M}"


def historie(verzoek) -> list[dict]:
    """The case's events as the page prints them, read as values (no model
    instances per event and per actor): the history is the page's longest list."""
    regels = []
    for g in verzoek.gebeurtenissen.values(
        "tijdstip", "actie", "intern", "van_status", "naar_status", "reden"
    ).annotate(actor_naam=F("actor__naam"), digid_niveau=KT("details__digid_niveau")):
        g["iso"], g["tekst"] = _tijdstip(g["tijdstip"])
        g["actie_tekst"] = ACTIE_LABELS.get(g["actie"], g["actie"])
        if g["naar_status"] and g["van_status"] != g["naar_status"]:
            g["van_tekst"] = STATUS_LABELS.get(g["van_status"], "–").lower()
            g["naar_tekst"] = STATUS_LABELS.get(g["naar_status"], "").lower()
        regels.append(g)
    return regels


def documenten(verzoek) -> list[dict]:
    """The documents as the page prints them (from the prefetched list)."""
    # One reverse for the list: the pattern ends in the document's pk.
    voorbeeld = reverse("bijlage", args=[verzoek.pk, 1])
    basis = voorbeeld[: voorbeeld.rindex("/1/") + 1]
    return [
        {
            "url": f"{basis}{b.pk}/",
            "naam": b.bestandsnaam,
            "grootte": formatting.grootte(b.grootte),
            "soort": SOORT_LABELS.get(b.soort, b.soort),
            "door": b.geupload_door.naam if b.geupload_door else "",
            "op": _tijdstip(b.geupload_op)[1],
        }
        for b in verzoek.bijlagen.all()
    ]


def inlogwijze(verzoek, regels) -> str:
    """How the submitter logged in, from the audit event of the submission
    among the lines of the history (``historie``, so no query of its own):
    "Ingelogd met DigiD (niveau Midden)", or "" when no level was recorded (a
    password log-in, DigiD Machtigen, a request received by post or e-mail)."""
    if verzoek.geregistreerd:
        return ""
    niveau = next(
        (g["digid_niveau"] for g in regels if g["actie"] == Actie.INDIENEN), None
    )
    if niveau not in digid.NIVEAUS:
        return ""
    return f"Ingelogd met DigiD (niveau {digid.niveaunaam(niveau)})"


def verzoekpagina(request, verzoek, bound=None):
    """The case page; ``bound`` holds a posted form (by action) with its errors.
    Its questions to the mandate register (may this user decide, return, fix a
    dwangsom; the navigation) read the register once."""
    with mandaten.eenmaal_gelezen():
        return _verzoekpagina(request, verzoek, bound)


def _verzoekpagina(request, verzoek, bound):
    user = request.user
    # The deadline panel, the signal and the list all read the suspensions:
    # one query for all of them (the page only reads; services drop this cache).
    # The documents likewise: the list, the missing documents (asked by the
    # page and the aanvulling form) and the form's choices read one query.
    prefetch_related_objects(
        [verzoek],
        Prefetch(
            "opschortingen",
            queryset=Opschorting.objects.select_related(
                "gevraagd_door", "instemming_bijlage"
            ),
        ),
        Prefetch("bijlagen", queryset=Bijlage.objects.select_related("geupload_door")),
    )
    vandaag = timezone.localdate()
    acties = permissions.toestemmingen(user, verzoek, ACTIES)
    berekend = berekende_kwalificatie(verzoek)
    forms = _unbound_forms(verzoek, acties, berekend)
    forms.update(bound or {})
    historie_ = historie(verzoek)
    lopend = verzoek.lopende_opschorting
    buiten_behandeling = None
    if lopend and lopend.hersteltermijn_einde:
        buiten_behandeling = {
            "hersteltermijn_einde": lopend.hersteltermijn_einde,
            "uiterlijk": termijnen.buiten_behandeling_uiterlijk(
                lopend.hersteltermijn_einde
            ),
        }
    return render(
        request,
        "provincie/verzoek.html",
        {
            "verzoek": verzoek,
            "zienswijzen": _zienswijzen(verzoek)
            if acties["zienswijze_verwerken"]
            else [],
            "acties": acties,
            "heeft_acties": any(acties[naam] for naam in PANEEL),
            "voorstel_inzien": verzoek.status == Status.TER_BESLUITVORMING,
            "ander_gezag": _ander_gezag(berekend),
            "forms": forms,
            "termijn": termijnoverzicht(verzoek, vandaag),
            "opschortingen": procedures.aanvullingen(verzoek),
            "opschortingen_tweede_lid": procedures.tweede_lid(verzoek),
            "bijlagen": verzoek.bijlagen.all(),
            "documenten": documenten(verzoek),
            "inlogwijze": inlogwijze(verzoek, historie_),
            "ontbrekende_bijlagen": verzoek.ontbrekende_bijlagen(),
            "gebeurtenissen": verzoek.gebeurtenissen.select_related("actor"),
            "historie": historie_,
            "teruggestuurd": teruggestuurd(historie_),
            "besluiten": verzoek.besluiten.all(),
            "oordelen": verzoek.oordelen.select_related("criterium"),
            "buiten_behandeling": buiten_behandeling,
            "kwalificatie": kwalificatie_weergave(verzoek.kwalificatie),
            "berekend_afgeweken": _berekend_afgeweken(verzoek),
            "derden": verzoek.derden.select_related("brief", "bijlage"),
            "dwangsombesluit": getattr(verzoek, "dwangsombesluit", None),
            "ambten": procedures.ambten_verdeling(verzoek),
            "gesplitst": list(verzoek.splitsingen.all()),
        },
    )


@require_GET
@staf
def verzoek(request, pk):
    verzoek = zichtbaar_verzoek(request, pk)
    meldingen.gezien(request.user, verzoek)
    return verzoekpagina(request, verzoek)


@require_POST
@staf
def notitie(request, pk):
    verzoek = zichtbaar_verzoek(request, pk)
    forbid_if_not_for_user(request.user, "notitie", verzoek)
    form = f.NotitieForm(request.POST, prefix="notitie")
    if form.is_valid() and call_service(
        request,
        services.notitie_toevoegen,
        user=request.user,
        verzoek=verzoek,
        tekst=form.cleaned_data["tekst"],
    ):
        return redirect_done(request, verzoek, "De notitie is opgeslagen.")
    return verzoekpagina(request, verzoek, {"notitie": form})
