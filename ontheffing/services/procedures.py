"""Procedures a province meets beside the main path: a suspension under Awb
4:15, second paragraph, the four weeks of Awb 4:5, fourth paragraph, for a
decision not to process the request, and the request of a person with several
offices, split per competent authority."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from ontheffing import emails, termijnen
from ontheffing import kwalificatie as kw
from ontheffing.models import (
    Bijlage,
    Gebruiker,
    Gemeente,
    Opschorting,
    Staptelling,
    Verzoek,
)
from ontheffing.models.verzoek import AMBTSDRAGERVELDEN, AMBTSVELDEN, FEITENVELDEN
from ontheffing.services.base import (
    NietNu,
    audit,
    huidige_datum,
    require,
    save_case,
    termijnsleutel_bijwerken,
)
from ontheffing.states import OPEN_STATUSSEN, Actie, Bestuursorgaan, Status, Uitkomst
from ontheffing.termijnen import Opschortingsgrond

# ------------------------------------------------ Awb 4:15, second paragraph


def _instemming_controleren(
    verzoek: Verzoek,
    *,
    bijlage: Bijlage | None,
    tekst: str,
    ontvangen_op: date | None,
    vandaag: date,
) -> None:
    """Under a: the applicant consented *in writing* (README, "Keuzes",
    "Opschorting"): a document of the case, or the words of their letter or
    e-mail taken over with the day it came in. A telephone call is not enough."""
    if bijlage is None and not tekst.strip():
        raise NietNu(
            "Leg de schriftelijke instemming van de aanvrager vast: kies het "
            "document bij dit verzoek waarin hij instemt, of neem de tekst van "
            "zijn brief of e-mail over (artikel 4:15, tweede lid, onder a, Awb)."
        )
    if bijlage is not None and bijlage.verzoek_id != verzoek.pk:
        raise NietNu("Kies een document van dit verzoek.")
    if tekst.strip() and ontvangen_op is None:
        raise NietNu("Vul in op welke dag de instemming van de aanvrager binnenkwam.")
    if ontvangen_op is not None and ontvangen_op > vandaag:
        raise NietNu("De dag van ontvangst van de instemming ligt in de toekomst.")


def termijn_opschorten(
    *,
    user: Gebruiker,
    verzoek: Verzoek,
    grond: str,
    van: date,
    tot: date,
    motivering: str = "",
    instemming_bijlage: Bijlage | None = None,
    instemming_tekst: str = "",
    instemming_ontvangen_op: date | None = None,
) -> Opschorting:
    """Awb 4:15, second paragraph: the term stands still from ``van`` to ``tot``
    (``tot - van`` days, as every suspension here), with the applicant's written
    consent to the delay (under a) or because force majeure keeps the college
    from deciding (under c, with what it is). Its own entry in the ledger; the
    applicant is told, with the new date (third paragraph)."""
    require(user, "opschorten", verzoek)
    vandaag = huidige_datum()
    if grond not in termijnen.TWEEDE_LID:
        raise NietNu(
            "Kies de grond van de opschorting: schriftelijke instemming van de "
            "aanvrager of overmacht (artikel 4:15, tweede lid, Awb)."
        )
    grond = Opschortingsgrond(grond)
    if grond == Opschortingsgrond.INSTEMMING:
        _instemming_controleren(
            verzoek,
            bijlage=instemming_bijlage,
            tekst=instemming_tekst,
            ontvangen_op=instemming_ontvangen_op,
            vandaag=vandaag,
        )
    else:
        instemming_bijlage, instemming_tekst, instemming_ontvangen_op = None, "", None
        if not motivering.strip():
            raise NietNu(
                "Beschrijf de overmacht: wat het college verhindert te beslissen "
                "(artikel 4:15, tweede lid, onder c, Awb)."
            )
    nieuw = termijnen.Opschorting(van=van, tot=tot, grond=grond)
    with transaction.atomic():
        # One suspension at a time per case: the ledger is read under the lock.
        Verzoek.objects.select_for_update().filter(pk=verzoek.pk).first()
        getattr(verzoek, "_prefetched_objects_cache", {}).pop("opschortingen", None)
        try:
            opbouw = termijnen.opschorting_toevoegen(
                verzoek.ontvangen_op,
                verzoek.termijn_opschortingen(),
                verzoek.verdaging,
                nieuw,
                peildatum=vandaag,
            )
        except ValueError as fout:
            raise NietNu(str(fout)) from fout
        opschorting = Opschorting.objects.create(
            verzoek=verzoek,
            van=van,
            tot=tot,
            grond=grond,
            motivering=motivering.strip(),
            instemming_bijlage=instemming_bijlage,
            instemming_tekst=instemming_tekst.strip(),
            instemming_ontvangen_op=instemming_ontvangen_op,
            gevraagd_door=user,
        )
        termijnsleutel_bijwerken(verzoek)
        audit(
            verzoek,
            user,
            Actie.OPSCHORTEN,
            reden=(
                f"{grond.label}: de beslistermijn is opgeschort van "
                f"{termijnen.datum_nl(van)} tot {termijnen.datum_nl(tot)} "
                f"({grond.grondslag}) en eindigt nu op "
                f"{termijnen.datum_nl(opbouw.einde)}."
                + (f"\n{motivering.strip()}" if motivering.strip() else "")
            ),
            details={
                "grond": grond.value,
                "grondslag": grond.grondslag,
                "van": van,
                "tot": tot,
                "dagen": (tot - van).days,
                "beslistermijn": opbouw.einde,
                "instemming_document": instemming_bijlage.bestandsnaam
                if instemming_bijlage
                else "",
                "instemming_ontvangen_op": instemming_ontvangen_op,
            },
        )
        emails.opgeschort(verzoek, opschorting, beslistermijn=opbouw.einde)
    return opschorting


# --------------------------------------------- Awb 4:5, fourth paragraph


def buiten_behandeling_termijn(verzoek: Verzoek):
    """The four weeks to make a decision not to process known, from the last
    day of the newest hersteltermijn, or None without one."""
    aanvulling = next(
        (
            o
            for o in reversed(list(verzoek.opschortingen.all()))
            if o.grond == Opschortingsgrond.AANVULLING and o.hersteltermijn_einde
        ),
        None,
    )
    if aanvulling is None:
        return None
    return termijnen.buiten_behandeling_termijn(aanvulling.hersteltermijn_einde)


def te_laat_controleren(
    verzoek: Verzoek, *, op: date, bevestigd: bool, motivering: str
) -> dict:
    """Proposing to leave the request unprocessed after the four weeks of Awb
    4:5, fourth paragraph, needs the behandelaar's explicit confirmation and a
    motivation of the delay; refused otherwise. What to record in the audit
    event (empty when in time)."""
    termijn = buiten_behandeling_termijn(verzoek)
    if termijn is None or not termijn.te_laat(op):
        return {}
    if not bevestigd or not motivering.strip():
        raise NietNu(
            "De termijn van vier weken om het besluit tot buiten behandeling "
            f"laten bekend te maken, eindigde op {termijnen.datum_nl(termijn.uiterlijk)} "
            "(artikel 4:5, vierde lid, Awb). Bevestig dat u het verzoek toch buiten "
            "behandeling wilt laten en motiveer waarom dat nu nog gebeurt."
        )
    return {
        "te_laat": True,
        "uiterlijk": termijn.uiterlijk,
        "dagen_te_laat": termijn.dagen_te_laat(op),
        "te_laat_motivering": motivering.strip(),
    }


def vaststellen_te_laat_controleren(
    verzoek: Verzoek, *, op: date, bevestigd: bool, motivering: str
) -> dict:
    """The same at the decision itself: fixing a proposal to leave the request
    unprocessed after the four weeks needs the beslisser's own confirmation."""
    if verzoek.voorstel_uitkomst != Uitkomst.BUITEN_BEHANDELING:
        return {}
    return te_laat_controleren(
        verzoek, op=op, bevestigd=bevestigd, motivering=motivering
    )


def vaststellen_te_laat(verzoek: Verzoek, op: date) -> bool:
    """Whether the decision page must ask for that confirmation."""
    return (
        verzoek.voorstel_uitkomst == Uitkomst.BUITEN_BEHANDELING
        and buiten_behandeling_te_laat(verzoek, op)
    )


def buiten_behandeling_te_laat(verzoek: Verzoek, op: date) -> bool:
    """Whether proposing it on ``op`` comes after the four weeks."""
    termijn = buiten_behandeling_termijn(verzoek)
    return termijn is not None and termijn.te_laat(op)


def vier_weken_termijn(verzoek: Verzoek):
    """The four weeks of Awb 4:5, fourth paragraph, when they matter for the
    deadline panel: while an aanvulling is awaited, and while a proposal to
    leave the request unprocessed waits for the decision."""
    lopend = verzoek.lopende_opschorting
    wacht = lopend is not None and lopend.grond == Opschortingsgrond.AANVULLING
    voorgesteld = (
        verzoek.status in OPEN_STATUSSEN
        and verzoek.voorstel_uitkomst == Uitkomst.BUITEN_BEHANDELING
    )
    return buiten_behandeling_termijn(verzoek) if wacht or voorgesteld else None


# ----------------------------------------------------------- for the page


def aanvullingen(verzoek: Verzoek) -> list[Opschorting]:
    """The invitations to complete, from the (prefetched) ledger."""
    return [
        o
        for o in verzoek.opschortingen.all()
        if o.grond == Opschortingsgrond.AANVULLING
    ]


def tweede_lid(verzoek: Verzoek) -> list[Opschorting]:
    """The suspensions under Awb 4:15, second paragraph, from the ledger."""
    return [o for o in verzoek.opschortingen.all() if o.grond in termijnen.TWEEDE_LID]


def opgeschort_tot(verzoek: Verzoek, op: date) -> date | None:
    """The end of a suspension under the second paragraph still running on
    ``op``: an aanvulling asked then would overlap it (days count once)."""
    return max(
        (o.tot for o in tweede_lid(verzoek) if o.van <= op < o.tot), default=None
    )


# ---------------------------------------------- several offices, one person

# What a split-off case takes over from the request it came from: the person,
# the act and the agreement (the office and its body are its own).
OVERGENOMEN = (
    "provincie",
    "ingediend_door",
    "namens",
    "ambtsdrager",
    *(v for v in AMBTSDRAGERVELDEN + FEITENVELDEN if v not in AMBTSVELDEN),
    "verklaring",
    "ontvangen_op",
)


def _opgave(verzoek: Verzoek, gegevens: dict) -> kw.Ambtsopgave:
    """One further office as the engine reads it. With a gemeente (from the
    reference data), whether it lies in this province follows from it."""
    gemeente = (
        Gemeente.objects.select_related("provincie")
        .filter(pk=gegevens["gemeente"])
        .first()
        if gegevens.get("gemeente")
        else None
    )
    if gemeente is None:
        return kw.Ambtsopgave.uit(gegevens)
    return kw.Ambtsopgave(
        ambt=gegevens["ambt"],
        wederpartij=gegevens.get("wederpartij") or kw.Wederpartij.EIGEN_LICHAAM,
        lichaam_in_provincie=gemeente.provincie_id == verzoek.provincie_id,
        lichaam=gemeente.naam,
        provincie=gemeente.provincie.code,
    )


def _opgaven(verzoek: Verzoek) -> list[tuple[kw.Ambtsopgave, dict]]:
    return [(_opgave(verzoek, g), g) for g in verzoek.overige_ambten]


def ambten_verdeling(verzoek: Verzoek, opgaven=None) -> kw.Verdeling | None:
    """The qualification of each office of the person and the split per
    competent authority; None with one office, or while the facts are
    incomplete. ``opgaven``: from ``_opgaven``, when the caller needs them."""
    if not verzoek.overige_ambten:
        return None
    try:
        feiten = verzoek.feiten()
        opgaven = _opgaven(verzoek) if opgaven is None else opgaven
    except (ValueError, TypeError, KeyError):
        return None
    return kw.verdeling(kw.kwalificeer_ambten(feiten, [o for o, _ in opgaven]))


def _afsplitsen(user, verzoek: Verzoek, deel: kw.Deel, bron: dict) -> Verzoek:
    """A case of its own for ``deel``: its first office is the case's office,
    the others of the same authority stay on it; the documents go with it."""
    from ontheffing.services.aanvrager import _kenmerk_toekennen

    eerste, *rest = deel.ambten
    gegevens = bron[id(eerste.opgave)]
    kopie = Verzoek(
        **{veld: getattr(verzoek, veld) for veld in OVERGENOMEN},
        ambt=eerste.opgave.ambt,
        wederpartij=eerste.opgave.wederpartij,
        gemeente_id=gegevens.get("gemeente"),
        overige_ambten=[bron[id(a.opgave)] for a in rest],
        gesplitst_uit=verzoek,
        behandelaar=user,  # who split it forwards or handles it, or hands it on
        bestuursorgaan=Bestuursorgaan.CDK
        if eerste.opgave.ambt == kw.Ambt.BURGEMEESTER
        else Bestuursorgaan.GS,
    )
    kopie.save()
    _kenmerk_toekennen(kopie, huidige_datum().year)
    kopie.indienen(ontvangen_op=verzoek.ontvangen_op)
    save_case(kopie)
    Staptelling.verplaats(kopie.provincie_id, Status.CONCEPT, kopie.status)
    for bijlage in verzoek.bijlagen.all():
        Bijlage.objects.create(
            verzoek=kopie,
            soort=bijlage.soort,
            bestand=bijlage.bestand.name,  # the same stored file, not a copy
            bestandsnaam=bijlage.bestandsnaam,
            content_type=bijlage.content_type,
            grootte=bijlage.grootte,
            sha256=bijlage.sha256,
            geupload_door=bijlage.geupload_door,
            geupload_op=bijlage.geupload_op,
        )
    termijnsleutel_bijwerken(kopie)
    audit(
        kopie,
        user,
        Actie.SPLITSEN,
        naar=kopie.status,
        reden=(
            f"Afgesplitst uit verzoek {verzoek.kenmerk}: over het ambt van "
            f"{eerste.opgave.ambt.label.lower()} beslist "
            f"{deel.bevoegd_gezag.label.lower()}."
        ),
        details={
            "uit": verzoek.kenmerk,
            "ambten": [a.opgave.ambt.value for a in deel.ambten],
            "bevoegd_gezag": deel.bevoegd_gezag.value,
            "uitkomsten": [a.kwalificatie.uitkomst.value for a in deel.ambten],
        },
    )
    return kopie


def verzoek_splitsen(*, user: Gebruiker, verzoek: Verzoek) -> list[Verzoek]:
    """One request of a person with several offices becomes one case per
    competent authority, linked to it (``gesplitst_uit``). The request keeps its
    first office and the offices of the same authority; every other authority
    gets a case of its own, submitted on the same day, in this province's
    worklist, from where a part for another authority is forwarded (Awb 2:3,
    ``verzoek_doorzenden``). An office for which the act is not prohibited
    needs no case; it stays listed on the request."""
    require(user, "splitsen", verzoek)
    try:
        opgaven = _opgaven(verzoek)
    except (ValueError, TypeError, KeyError):
        opgaven = None
    verdeling = ambten_verdeling(verzoek, opgaven) if opgaven is not None else None
    if verdeling is None:
        raise NietNu(
            "De ambten kunnen niet worden gekwalificeerd: vul eerst de feiten aan."
        )
    if not verdeling.af_te_splitsen:
        raise NietNu(
            "Over alle ambten van dit verzoek beslist hetzelfde bestuursorgaan; er "
            "valt niets te splitsen."
        )
    bron = {id(o): g for o, g in opgaven}
    with transaction.atomic():
        Verzoek.objects.select_for_update().filter(pk=verzoek.pk).first()
        nieuw = [
            _afsplitsen(user, verzoek, deel, bron) for deel in verdeling.af_te_splitsen
        ]
        blijft = [bron[id(a.opgave)] for a in verdeling.delen[0].ambten[1:]]
        blijft += [bron[id(a.opgave)] for a in verdeling.niet_verboden]
        Verzoek.objects.filter(pk=verzoek.pk).update(overige_ambten=blijft)
        verzoek.overige_ambten = blijft
        audit(
            verzoek,
            user,
            Actie.SPLITSEN,
            reden="Gesplitst per bevoegd gezag: "
            + "; ".join(f"{k.kenmerk} ({k.get_ambt_display().lower()})" for k in nieuw)
            + ".",
            details={"verzoeken": [k.kenmerk for k in nieuw]},
        )
        emails.gesplitst(verzoek, nieuw)
    return nieuw
