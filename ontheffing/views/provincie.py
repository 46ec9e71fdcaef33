"""The province's staff: worklist, case page, intake, qualification, assessment
and the beslisser's decision. Thin views: one service call per change.

Three outcomes of an action: not allowed for you (403), not allowed now (the
page again with the message and the input kept), done (redirect)."""

from __future__ import annotations

from datetime import timedelta
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.utils import timezone
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ontheffing import brieven, permissions, services, termijnen, toetsing, werkvoorraad
from ontheffing import kwalificatie as kw
from ontheffing.forms import provincie as f
from ontheffing.models import Verzoek
from ontheffing.states import OPEN_STATUSSEN, Rol, Status, Uitkomst

STAF = (Rol.BEHANDELAAR, Rol.BESLISSER)
CONCEPT_CSP = (
    "sandbox; default-src 'none'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; frame-ancestors 'self'"
)


def staf(view):
    """Logged-in behandelaar or beslisser of a province; anyone else gets 403."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.rol not in STAF or request.user.provincie_id is None:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _verzoek(request, pk) -> Verzoek:
    qs = Verzoek.objects.zichtbaar_voor(request.user).select_related(
        "provincie", "behandelaar", "gemeente", "waterschap", "regeling",
        "ingediend_door", "voorgesteld_door",
    )  # fmt: skip
    return get_object_or_404(qs, pk=pk)


def _vandaag():
    return timezone.localdate()


# --------------------------------------------------------------- worklist


@require_GET
@staf
def werkvoorraad_view(request):
    user = request.user
    vandaag = _vandaag()
    filters = werkvoorraad.Filters.uit(request.GET)
    qs = werkvoorraad.gefilterd(user, filters, vandaag)
    tellers = werkvoorraad.tellers(user)
    page = werkvoorraad.pagina(
        qs,
        request.GET.get("pagina"),
        vandaag,
        aantal=werkvoorraad.aantal_uit_tellers(filters, tellers),
    )
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(request, "provincie/werkvoorraad.html", {
        "filters": filters,
        "tellers": tellers,
        "page": page,
        "behandelaars": werkvoorraad.behandelaars(user),
        "gemeenten": werkvoorraad.gemeenten(user),
        "stappen": [(s.value, s.label) for s in OPEN_STATUSSEN],
        "query": query.urlencode(),
        "is_behandelaar": user.rol == Rol.BEHANDELAAR,
        "sorteringen": [("termijn", "Beslistermijn (eerst verlopend)"),
                        ("-termijn", "Beslistermijn (laatst verlopend)"),
                        ("ontvangen", "Ontvangen (oudste eerst)"),
                        ("-ontvangen", "Ontvangen (nieuwste eerst)"),
                        ("kenmerk", "Kenmerk")],
    })  # fmt: skip


@require_GET
@staf
def besluitvorming(request):
    if not permissions.mag_beslissen(request.user):
        raise PermissionDenied
    vandaag = _vandaag()
    qs = werkvoorraad.besluitvorming(request.user, vandaag)
    page = werkvoorraad.pagina(qs, request.GET.get("pagina"), vandaag)
    return render(request, "provincie/besluitvorming.html", {"page": page})


# -------------------------------------------------------------- case page


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
        oppakken=toewijsbaar and verzoek.behandelaar_id != user.pk,
        toewijzen=toewijsbaar,
        verdagen=open_,
        ingebrekestelling=open_,
        notitie=user.is_medewerker and user.provincie_id == verzoek.provincie_id,
    )
    return mag


def _engine(verzoek) -> kw.Kwalificatie | None:
    try:
        return kw.kwalificeer(verzoek.feiten())
    except (ValueError, TypeError):
        return None


def _termijn(verzoek, vandaag):
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


def _standaard_forms(verzoek, user, acties):
    engine = _engine(verzoek)
    voorstel_aan = ""
    if engine and engine.uitkomst == kw.Uitkomst.ONBEVOEGD:
        voorstel_aan = engine.bevoegd_gezag.label
    forms = {
        "toewijzen": (f.ToewijzenForm, {"provincie_id": verzoek.provincie_id}),
        "aanvulling_vragen": (f.AanvullingForm, {"verzoek": verzoek}),
        "buiten_behandeling_voorstellen": (f.MotiveringForm, {"initial": {"motivering": (
            "De aanvrager heeft de gevraagde aanvulling niet binnen de hersteltermijn "
            "gegeven. Het verzoek kan daardoor niet worden beoordeeld (artikel 4:5 Awb)."
        )}}),
        "doorzenden": (f.DoorzendenForm, {"initial": {"aan": voorstel_aan}}),
        "zienswijze_vragen": (f.ZienswijzeVragenForm, {"initial": {"van": verzoek.naam}}),
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


def _render_verzoek(request, verzoek, bound=None, status=200):
    user = request.user
    vandaag = _vandaag()
    acties = _acties(verzoek, user)
    forms = _standaard_forms(verzoek, user, acties)
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
        "acties": acties,
        "forms": forms,
        "termijn": _termijn(verzoek, vandaag),
        "engine": _engine(verzoek),
        "opschortingen": list(verzoek.opschortingen.select_related("gevraagd_door")),
        "bijlagen": verzoek.bijlagen.select_related("geupload_door"),
        "gebeurtenissen": verzoek.gebeurtenissen.select_related("actor"),
        "besluiten": verzoek.besluiten.all(),
        "oordelen": verzoek.oordelen.select_related("criterium"),
        "buiten_behandeling": buiten_behandeling,
        "kwalificatie": _kwalificatie_weergave(verzoek.kwalificatie),
        "engine_opgeslagen": _kwalificatie_weergave(verzoek.kwalificatie_engine),
    }, status=status)  # fmt: skip


def _kwalificatie_weergave(data: dict | None) -> dict | None:
    if not data:
        return None
    weergave = dict(data)
    try:
        weergave["uitkomst_label"] = kw.Uitkomst(data["uitkomst"]).label
        weergave["gezag_label"] = kw.BevoegdGezag(data.get("bevoegd_gezag")).label
    except (ValueError, KeyError):
        pass
    return weergave


@require_GET
@staf
def verzoek_view(request, pk):
    return _render_verzoek(request, _verzoek(request, pk))


def _actie(request, pk, *, form_class, naam, mag, uitvoeren, gelukt, form_kwargs=None,
           pagina=None):  # fmt: skip
    """The shape of every action form posted from the case page."""
    verzoek = _verzoek(request, pk)
    if not mag(verzoek, request.user):
        raise PermissionDenied
    kwargs = form_kwargs(verzoek) if form_kwargs else {}
    form = form_class(request.POST, prefix=naam, **kwargs)
    if form.is_valid():
        try:
            uitvoeren(verzoek, form.cleaned_data, form)
        except services.NietNu as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, gelukt)
            if request.POST.get("terug") == "werkvoorraad":
                return redirect("provincie:werkvoorraad")
            return redirect("provincie:verzoek", pk=verzoek.pk)
        verzoek.refresh_from_db()
    return (pagina or _render_verzoek)(request, verzoek, {naam: form})


def _behandelaar(verzoek, user):
    return permissions.behandelaar(verzoek, user)


class _LeegForm(f.forms.Form):
    pass


@require_POST
@staf
def oppakken(request, pk):
    return _actie(
        request, pk, form_class=_LeegForm, naam="oppakken", mag=_behandelaar,
        uitvoeren=lambda v, d, _: services.behandelaar_toewijzen(
            user=request.user, verzoek=v, behandelaar=request.user),
        gelukt="U behandelt dit verzoek nu.",
    )  # fmt: skip


@require_POST
@staf
def toewijzen(request, pk):
    return _actie(
        request, pk, form_class=f.ToewijzenForm, naam="toewijzen", mag=_behandelaar,
        form_kwargs=lambda v: {"provincie_id": v.provincie_id},
        uitvoeren=lambda v, d, _: services.behandelaar_toewijzen(
            user=request.user, verzoek=v, behandelaar=d["behandelaar"]),
        gelukt="Het verzoek is aan uw collega gegeven.",
    )  # fmt: skip


@require_POST
@staf
def in_behandeling_nemen(request, pk):
    return _actie(
        request, pk, form_class=_LeegForm, naam="in_behandeling_nemen", mag=_behandelaar,
        uitvoeren=lambda v, d, _: services.verzoek_in_behandeling_nemen(
            user=request.user, verzoek=v),
        gelukt="Het verzoek is volledig bevonden en staat nu in de stap kwalificatie.",
    )  # fmt: skip


@require_POST
@staf
def aanvulling_vragen(request, pk):
    return _actie(
        request, pk, form_class=f.AanvullingForm, naam="aanvulling_vragen", mag=_behandelaar,
        form_kwargs=lambda v: {"verzoek": v},
        uitvoeren=lambda v, d, form: services.aanvulling_vragen(
            user=request.user, verzoek=v, ontbrekend=form.labels(),
            toelichting=d["toelichting"], hersteltermijn_einde=d["hersteltermijn_einde"]),
        gelukt="De aanvulling is gevraagd; de beslistermijn is opgeschort.",
    )  # fmt: skip


@require_POST
@staf
def buiten_behandeling_voorstellen(request, pk):
    return _actie(
        request, pk, form_class=f.MotiveringForm, naam="buiten_behandeling_voorstellen",
        mag=_behandelaar,
        uitvoeren=lambda v, d, _: services.buiten_behandeling_voorstellen(
            user=request.user, verzoek=v, motivering=d["motivering"]),
        gelukt="Het voorstel om buiten behandeling te laten staat klaar voor besluitvorming.",
    )  # fmt: skip


@require_POST
@staf
def doorzenden(request, pk):
    return _actie(
        request, pk, form_class=f.DoorzendenForm, naam="doorzenden", mag=_behandelaar,
        uitvoeren=lambda v, d, _: services.verzoek_doorzenden(
            user=request.user, verzoek=v, aan=d["aan"], adres=d["adres"],
            toelichting=d["toelichting"]),
        gelukt="Het verzoek is doorgezonden; de aanvrager krijgt daarvan bericht.",
    )  # fmt: skip


@require_POST
@staf
def zienswijze_vragen(request, pk):
    return _actie(
        request, pk, form_class=f.ZienswijzeVragenForm, naam="zienswijze_vragen",
        mag=_behandelaar,
        uitvoeren=lambda v, d, _: services.zienswijze_vragen(
            user=request.user, verzoek=v, van=d["van"], uiterlijk=d["uiterlijk"],
            toelichting=d["toelichting"]),
        gelukt="De zienswijze is gevraagd.",
    )  # fmt: skip


@require_POST
@staf
def zienswijze_verwerken(request, pk):
    return _actie(
        request, pk, form_class=f.ZienswijzeVerwerkenForm, naam="zienswijze_verwerken",
        mag=_behandelaar,
        uitvoeren=lambda v, d, _: services.zienswijze_verwerken(
            user=request.user, verzoek=v, samenvatting=d["samenvatting"]),
        gelukt="De zienswijze is verwerkt; het verzoek staat weer in de toetsing.",
    )  # fmt: skip


@require_POST
@staf
def verdagen(request, pk):
    return _actie(
        request, pk, form_class=f.VerdagenForm, naam="verdagen", mag=_behandelaar,
        uitvoeren=lambda v, d, _: services.termijn_verdagen(
            user=request.user, verzoek=v, nieuwe_datum=d["nieuwe_datum"], reden=d["reden"]),
        gelukt="De beslistermijn is verdaagd; de aanvrager krijgt daarvan bericht.",
    )  # fmt: skip


@require_POST
@staf
def ingebrekestelling(request, pk):
    return _actie(
        request, pk, form_class=f.IngebrekestellingForm, naam="ingebrekestelling",
        mag=_behandelaar,
        uitvoeren=lambda v, d, _: services.ingebrekestelling_registreren(
            user=request.user, verzoek=v, ontvangen_op=d["ontvangen_op"]),
        gelukt="De ingebrekestelling is geregistreerd.",
    )  # fmt: skip


@require_POST
@staf
def notitie(request, pk):
    return _actie(
        request, pk, form_class=f.NotitieForm, naam="notitie",
        mag=lambda v, u: u.provincie_id == v.provincie_id,
        uitvoeren=lambda v, d, _: services.notitie_toevoegen(
            user=request.user, verzoek=v, tekst=d["tekst"]),
        gelukt="De notitie is opgeslagen.",
    )  # fmt: skip


@require_POST
@staf
def terugsturen(request, pk):
    return _actie(
        request, pk, form_class=f.RedenForm, naam="terugsturen",
        mag=permissions.beslisser, pagina=_render_voorstel,
        uitvoeren=lambda v, d, _: services.voorstel_terugsturen(
            user=request.user, verzoek=v, reden=d["reden"]),
        gelukt="Het voorstel is teruggestuurd naar de behandelaar.",
    )  # fmt: skip


@require_POST
@staf
def vaststellen(request, pk):
    return _actie(
        request, pk, form_class=_LeegForm, naam="vaststellen", mag=permissions.beslisser,
        pagina=_render_voorstel,
        uitvoeren=lambda v, d, _: services.besluit_vaststellen(user=request.user, verzoek=v),
        gelukt="Het besluit is vastgesteld en verzonden.",
    )  # fmt: skip


# ----------------------------------------------------------- kwalificatie


def _kwalificatie_context(form, engine_k):
    engine = services.kwalificatie_als_dict(engine_k) if engine_k else None
    return {"form": form, "engine": engine_k, "engine_dict": engine}


@require_http_methods(["GET", "POST"])
@staf
def kwalificatie(request, pk):
    verzoek = _verzoek(request, pk)
    user = request.user
    if not permissions.behandelaar(verzoek, user):
        raise PermissionDenied
    if not services.mag(verzoek, user, "kwalificeren"):
        messages.error(request, "Dit verzoek staat niet in de stap kwalificatie.")
        return redirect("provincie:verzoek", pk=verzoek.pk)
    try:
        aanvrager = f.feiten_initial(verzoek.feiten())
    except (ValueError, TypeError):
        aanvrager = {}
    if request.method == "GET":
        feiten = _feiten_of_none(verzoek)
        engine_k = kw.kwalificeer(feiten) if feiten else None
        form = f.KwalificatieForm(initial={**aanvrager, **_uitkomst_initial(engine_k)},
                                  aanvrager=aanvrager)  # fmt: skip
        return _kwalificatie_render(request, verzoek, form, engine_k, aanvrager)

    form = f.KwalificatieForm(request.POST, aanvrager=aanvrager)
    feiten = form.feiten()
    engine_k = kw.kwalificeer(feiten) if feiten else None
    if "berekenen" in request.POST and engine_k:
        data = request.POST.copy()
        for key, value in _uitkomst_initial(engine_k).items():
            data[key] = value or ""
        form = f.KwalificatieForm(data, aanvrager=aanvrager)
        return _kwalificatie_render(request, verzoek, form, engine_k, aanvrager)
    if form.is_valid() and engine_k:
        engine = services.kwalificatie_als_dict(engine_k)
        form.check(engine)
    if form.is_valid() and engine_k:
        bevestigd, _ = form.bevestigd(engine)
        motivering = form.cleaned_data["motivering"].strip()
        reden = form.cleaned_data["reden_correctie"].strip()
        if reden:
            motivering = (motivering + "\n\nCorrectie van de feiten: " + reden).strip()
        try:
            services.verzoek_kwalificeren(
                user=user, verzoek=verzoek, feiten=feiten, bevestigd=bevestigd,
                motivering=motivering,
            )  # fmt: skip
        except services.NietNu as exc:
            messages.error(request, str(exc))
            verzoek.refresh_from_db()
        else:
            if verzoek.status == Status.TOETSING:
                messages.success(request, "De kwalificatie is vastgelegd. Toets nu aan de "
                                 "beleidsregel.")  # fmt: skip
                return redirect("provincie:toetsing", pk=verzoek.pk)
            messages.success(request, "De kwalificatie is vastgelegd en als voorstel ter "
                             "besluitvorming gezonden.")  # fmt: skip
            return redirect("provincie:verzoek", pk=verzoek.pk)
    elif engine_k is None:
        messages.error(request, "Vul alle feiten in om de kwalificatie te berekenen.")
    return _kwalificatie_render(request, verzoek, form, engine_k, aanvrager)


def _feiten_of_none(verzoek):
    try:
        return verzoek.feiten()
    except (ValueError, TypeError):
        return None


def _uitkomst_initial(engine_k) -> dict:
    if engine_k is None:
        return {}
    uitkomst = engine_k.uitkomst.value
    keuzes = dict(f.UITKOMSTEN)
    gezag = engine_k.bevoegd_gezag.value
    return {
        "uitkomst": uitkomst if uitkomst in keuzes else None,
        "onderdeel": engine_k.onderdeel or "",
        "grondslag": engine_k.grondslag,
        "bevoegd_gezag": gezag if gezag in dict(f.GEZAG) else "",
    }


def _kwalificatie_render(request, verzoek, form, engine_k, aanvrager):
    labels = {}
    for naam in f.FEITVELDEN:
        keuzes = dict(form.fields[naam].choices)
        labels[naam] = keuzes.get(aanvrager.get(naam, ""), "Onbekend")
    return render(request, "provincie/kwalificatie.html", {
        "verzoek": verzoek,
        "form": form,
        "engine": engine_k,
        "feitvelden": [(form[n], labels[n]) for n in f.FEITVELDEN],
        "onbevoegd": engine_k is not None and engine_k.uitkomst == kw.Uitkomst.ONBEVOEGD,
    })  # fmt: skip


# --------------------------------------------------------------- toetsing


def _toetsing_forms(verzoek, data=None):
    criteria = toetsing.criteria_voor(verzoek)
    oordelen = {o.criterium_id: o for o in verzoek.oordelen.all()}
    return f.criterium_forms(criteria, data, oordelen)


def _voorstel_initial(verzoek, voorgesteld):
    regel = toetsing.beleidsregel_voor(verzoek)
    kwalificatie = verzoek.kwalificatie or {}
    return {
        "uitkomst": voorgesteld.value if voorgesteld else None,
        "voorschriften": "\n".join(regel.voorschriften if regel else []),
        "bw_3_43": bool(kwalificatie.get("bw_3_43_goedkeuring")),
    }


def _feiten_gecorrigeerd(verzoek) -> bool:
    feiten = _feiten_of_none(verzoek)
    if not verzoek.kwalificatie_feiten or feiten is None:
        return False
    return services.feiten_als_dict(feiten) != verzoek.kwalificatie_feiten


@require_http_methods(["GET", "POST"])
@staf
def toetsing_view(request, pk):
    verzoek = _verzoek(request, pk)
    user = request.user
    if not permissions.behandelaar(verzoek, user):
        raise PermissionDenied
    if verzoek.status != Status.TOETSING:
        messages.error(request, "Dit verzoek staat niet in de stap toetsing.")
        return redirect("provincie:verzoek", pk=verzoek.pk)
    voorgesteld = toetsing.voorgestelde_uitkomst(verzoek)
    if request.method == "GET":
        criterium_forms = _toetsing_forms(verzoek)
        voorstel = f.VoorstelForm(initial=_voorstel_initial(verzoek, voorgesteld),
                                  voorgesteld=voorgesteld)  # fmt: skip
        return _toetsing_render(
            request, verzoek, criterium_forms, voorstel, voorgesteld
        )

    criterium_forms = _toetsing_forms(verzoek, request.POST)
    voorstel = f.VoorstelForm(request.POST, voorgesteld=voorgesteld)
    criteria_ok = all(form.is_valid() for form in criterium_forms)
    if criteria_ok:
        oordelen = {
            form.criterium: (
                form.cleaned_data["oordeel"],
                form.cleaned_data["motivering"],
            )
            for form in criterium_forms
            if form.cleaned_data.get("oordeel")
        }
        try:
            if oordelen:
                services.criteria_beoordelen(
                    user=user, verzoek=verzoek, oordelen=oordelen
                )
        except services.NietNu as exc:
            messages.error(request, str(exc))
            criteria_ok = False
    if "opslaan" in request.POST:
        if criteria_ok:
            messages.success(request, "De oordelen zijn opgeslagen.")
            return redirect("provincie:toetsing", pk=verzoek.pk)
    elif criteria_ok:
        voorgesteld = toetsing.voorgestelde_uitkomst(verzoek)
        voorstel = f.VoorstelForm(request.POST, voorgesteld=voorgesteld)
        if "voorbeeld" in request.POST:
            return _voorbeeld(request, verzoek, voorstel)
        if voorstel.is_valid():
            try:
                services.besluit_voorstellen(
                    user=user, verzoek=verzoek, uitkomst=voorstel.cleaned_data["uitkomst"],
                    motivering=voorstel.volledige_motivering(),
                    voorschriften=voorstel.voorschriften_lijst(),
                    bw_3_43=voorstel.cleaned_data["bw_3_43"],
                )  # fmt: skip
            except services.NietNu as exc:
                messages.error(request, str(exc))
                verzoek.refresh_from_db()
            else:
                messages.success(request, "Het besluit is voorgesteld en staat klaar voor "
                                 "een beslisser.")  # fmt: skip
                return redirect("provincie:verzoek", pk=verzoek.pk)
    return _toetsing_render(request, verzoek, criterium_forms, voorstel, voorgesteld)


def _toetsing_render(request, verzoek, criterium_forms, voorstel, voorgesteld):
    gekozen = voorstel["uitkomst"].value() or (voorgesteld.value if voorgesteld else "")
    return render(request, "provincie/toetsing.html", {
        "verzoek": verzoek,
        "regel": toetsing.beleidsregel_voor(verzoek),
        "criterium_forms": criterium_forms,
        "voorstel": voorstel,
        "voorgesteld": voorgesteld,
        "zienswijze_herinnering": gekozen == Uitkomst.GEWEIGERD
        and _feiten_gecorrigeerd(verzoek),
        "zienswijze_form": f.ZienswijzeVragenForm(initial={"van": verzoek.naam}),
        "kwalificatie": _kwalificatie_weergave(verzoek.kwalificatie),
    })  # fmt: skip


# ----------------------------------------------------- letters in preview


def _brief_response(html: str) -> HttpResponse:
    """A full letter document, sandboxed: no scripts, no forms, only our CSS."""
    html = html.replace('href="ontheffing/', f'href="{static("ontheffing/")}')
    html = html.replace('src="ontheffing/', f'src="{static("ontheffing/")}')
    response = HttpResponse(html)
    response["Content-Security-Policy"] = CONCEPT_CSP
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def _voorbeeld(request, verzoek, voorstel):
    """The letter as the proposal in the form would make it; nothing is stored."""
    if not voorstel.is_valid():
        return _toetsing_render(request, verzoek, _toetsing_forms(verzoek, request.POST),
                                voorstel, toetsing.voorgestelde_uitkomst(verzoek))  # fmt: skip
    verzoek.voorstel_uitkomst = voorstel.cleaned_data["uitkomst"]
    verzoek.voorstel_motivering = voorstel.volledige_motivering()
    verzoek.voorstel_voorschriften = voorstel.voorschriften_lijst()
    verzoek.voorstel_bw_3_43 = voorstel.cleaned_data["bw_3_43"]
    return _brief_response(brieven.concept_html(verzoek, ondertekenaar=None))


@require_GET
@staf
@xframe_options_sameorigin
def concept(request, pk):
    verzoek = _verzoek(request, pk)
    if not verzoek.voorstel_uitkomst:
        return _brief_response("<!doctype html><p>Er is (nog) geen voorstel.</p>")
    ondertekenaar = request.user if permissions.mag_beslissen(request.user) else None
    return _brief_response(brieven.concept_html(verzoek, ondertekenaar=ondertekenaar))


@require_GET
@staf
def voorstel(request, pk):
    verzoek = _verzoek(request, pk)
    if verzoek.status != Status.TER_BESLUITVORMING:
        messages.info(request, "Er staat geen voorstel klaar bij dit verzoek.")
        return redirect("provincie:verzoek", pk=verzoek.pk)
    return _render_voorstel(request, verzoek)


def _render_voorstel(request, verzoek, bound=None):
    """The beslisser's page: the draft letter, the qualification, the assessment."""
    if verzoek.status != Status.TER_BESLUITVORMING:
        return _render_verzoek(request, verzoek)
    return render(request, "provincie/voorstel.html", {
        "verzoek": verzoek,
        "mag_vaststellen": services.mag(verzoek, request.user, "vaststellen"),
        "mag_terugsturen": services.mag(verzoek, request.user, "terugsturen"),
        "terugsturen_form": (bound or {}).get("terugsturen") or f.RedenForm(prefix="terugsturen"),
        "kwalificatie": _kwalificatie_weergave(verzoek.kwalificatie),
        "oordelen": verzoek.oordelen.select_related("criterium"),
        "regel": toetsing.beleidsregel_voor(verzoek),
        "termijn": _termijn(verzoek, _vandaag()),
        "is_proposer": request.user.pk in (verzoek.voorgesteld_door_id,
                                           verzoek.behandelaar_id),
    })  # fmt: skip
