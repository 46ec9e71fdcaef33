"""Use cases for requests that came by post or e-mail, for corrections of the
facts after submission, and for the way back from the assessment.

A request by post or e-mail is registered by a behandelaar on behalf of the
applicant (README, "Verzoeken per post of e-mail"): the applicant gets no
account; their contact details are on the case, and letters reach them by the
channel they chose (``emails._aan_aanvrager``). A letter by post waits on the
case as a ``Poststuk`` until staff record the day it was posted.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

from ontheffing import emails, uploads
from ontheffing import kwalificatie as kw
from ontheffing.models import Bijlage, Gebruiker, Poststuk, Verzoek
from ontheffing.models.verzoek import AMBTSDRAGERVELDEN, FEITENVELDEN
from ontheffing.services.aanvrager import _kenmerk_toekennen
from ontheffing.services.base import (
    GeenToegang,
    NietNu,
    audit,
    huidige_datum,
    require,
    run_transition,
    save_case,
)
from ontheffing.services.behandeling import goedkeuring_controleren
from ontheffing.states import (
    Actie,
    Berichtkanaal,
    Bestuursorgaan,
    Ontvangstkanaal,
    Uitkomst,
)

# What a behandelaar enters from the letter or e-mail (the portal's form, less
# the applicant's own statement and the account).
REGISTRATIEVELDEN = AMBTSDRAGERVELDEN + FEITENVELDEN

# A receipt date further back than this needs an explanation: a late
# registration is what would hide a running decision term (artikel 4:13 Awb).
LATE_REGISTRATIE = timedelta(days=14)

# The facts of the agreement staff may correct after submission; the facts
# the qualification reads (act, counterparty, relation, ...) are corrected in
# the qualification step itself.
CORRIGEERBARE_FEITEN = {
    "wederpartij_naam": "wederpartij",
    "via_wie": "via wie",
    "onderwerp": "onderwerp",
    "omschrijving": "omschrijving van de overeenkomst",
    "waarde": "waarde",
    "looptijd_van": "looptijd vanaf",
    "looptijd_tot": "looptijd tot en met",
    "totstandkoming": "hoe de overeenkomst tot stand komt",
}


def _opslaanbaar(waarde):
    """A value as it is kept in JSON (the applicant's original)."""
    if isinstance(waarde, Decimal):
        return str(waarde)
    if isinstance(waarde, date):
        return waarde.isoformat()
    return waarde


def _ontvangst_controleren(
    *,
    ontvangen_op: date,
    vandaag: date,
    gedagtekend_op: date | None,
    toelichting: str,
) -> None:
    if ontvangen_op > vandaag:
        raise NietNu(
            "De datum van ontvangst ligt in de toekomst. Vul de dag in waarop het "
            "verzoek bij de provincie binnenkwam; de beslistermijn loopt vanaf die dag."
        )
    if gedagtekend_op is not None and gedagtekend_op > vandaag:
        raise NietNu("De datum van de brief of e-mail ligt in de toekomst.")
    if gedagtekend_op is not None and ontvangen_op < gedagtekend_op:
        raise NietNu(
            "De datum van ontvangst ligt vóór de datum van de brief of e-mail: zo "
            "vroeg kan de provincie het verzoek niet hebben gehad. Controleer beide "
            "datums."
        )
    if vandaag - ontvangen_op > LATE_REGISTRATIE and not toelichting.strip():
        raise NietNu(
            "De datum van ontvangst ligt meer dan twee weken terug. Leg uit waarom "
            "het verzoek nu pas wordt geregistreerd; de beslistermijn loopt vanaf de "
            "ontvangst (artikel 4:13 Awb)."
        )


def _contact_controleren(velden: dict, berichten_per: str) -> None:
    if not (velden.get("naam") or "").strip():
        raise NietNu("Vul de naam van de aanvrager in.")
    if berichten_per == Berichtkanaal.EMAIL and not velden.get("email"):
        raise NietNu(
            "De aanvrager kiest voor berichten per e-mail: vul het e-mailadres in."
        )
    if berichten_per == Berichtkanaal.POST and not all(
        (velden.get(v) or "").strip() for v in ("adres", "postcode", "woonplaats")
    ):
        raise NietNu(
            "De aanvrager kiest voor berichten per post: vul het volledige "
            "postadres in (straat en huisnummer, postcode en woonplaats)."
        )


def _documenten_controleren(documenten) -> list:
    """Every scan through the upload checks first (``uploads.controleer``), so a
    refused file stores nothing."""
    gecontroleerd, totaal = [], 0
    for soort, bestand in documenten:
        try:
            bestand_ok = uploads.controleer(bestand, reeds_opgeslagen=totaal)
        except uploads.OngeldigBestand as fout:
            naam = getattr(bestand, "name", "") or "Het document"
            raise NietNu(f"{naam}: {fout}") from fout
        totaal += bestand_ok.grootte
        gecontroleerd.append((soort, bestand_ok))
    return gecontroleerd


def _documenten_opslaan(verzoek, user, gecontroleerd, opschorting=None) -> list[str]:
    namen = []
    for soort, bestand in gecontroleerd:
        bijlage = Bijlage.opslaan(
            verzoek=verzoek,
            soort=soort,
            bestand=bestand,
            door=user,
            opschorting=opschorting,
        )
        namen.append(bijlage.bestandsnaam)
    return namen


def papieren_verzoek_registreren(
    *,
    user: Gebruiker,
    ontvangen_op: date,
    ontvangen_via: str,
    berichten_per: str,
    velden: dict,
    documenten=(),
    gedagtekend_op: date | None = None,
    toelichting_ontvangst: str = "",
) -> Verzoek:
    """Register a request that came by post or e-mail, for the behandelaar's
    own province, with its real date of receipt. ``documenten`` are (kind,
    uploaded file). The request is then submitted and follows the workflow;
    the acknowledgement goes by the applicant's chosen channel."""
    require(user, "papier_registreren")
    vandaag = huidige_datum()
    if ontvangen_via not in (Ontvangstkanaal.POST, Ontvangstkanaal.EMAIL):
        raise NietNu("Kies hoe het verzoek binnenkwam: per post of per e-mail.")
    if berichten_per not in Berichtkanaal.values:
        raise NietNu("Kies hoe de aanvrager berichten en brieven ontvangt.")
    onbekend = set(velden) - set(REGISTRATIEVELDEN)
    if onbekend:
        raise ValueError(f"Onbekende velden: {sorted(onbekend)}")
    _ontvangst_controleren(
        ontvangen_op=ontvangen_op,
        vandaag=vandaag,
        gedagtekend_op=gedagtekend_op,
        toelichting=toelichting_ontvangst,
    )
    _contact_controleren(velden, berichten_per)
    if not velden.get("ambt"):
        raise NietNu("Kies het ambt van de aanvrager.")
    gecontroleerd = _documenten_controleren(documenten)
    verzoek = Verzoek(
        ingediend_door=user,
        provincie_id=user.provincie_id,
        ontvangen_via=ontvangen_via,
        berichten_per=berichten_per,
        **velden,
    )
    verzoek.bestuursorgaan = (
        Bestuursorgaan.CDK
        if verzoek.ambt == kw.Ambt.BURGEMEESTER
        else Bestuursorgaan.GS
    )
    # Who typed the facts the decision rests on prepared it (four eyes).
    verzoek.voorbereider_toevoegen(user)
    with transaction.atomic():
        verzoek.save()
        namen = _documenten_opslaan(verzoek, user, gecontroleerd)
        run_transition(
            verzoek,
            user,
            "registreren",
            kwargs={"ontvangen_op": ontvangen_op},
            reden=toelichting_ontvangst,
            before=lambda: _kenmerk_toekennen(verzoek, vandaag.year),
            details={
                "ontvangen_via": ontvangen_via,
                "ontvangen_op": ontvangen_op,
                "gedagtekend_op": gedagtekend_op,
                "berichten_per": berichten_per,
                "documenten": namen,
            },
            mails=[lambda: emails.ontvangstbevestiging(verzoek)],
        )
    return verzoek


def _wijzigingen(verzoek, nieuw: dict) -> dict:
    onbekend = set(nieuw) - set(CORRIGEERBARE_FEITEN)
    if onbekend:
        raise NietNu(
            "Deze gegevens kunnen hier niet worden gecorrigeerd: "
            + ", ".join(sorted(onbekend))
            + "."
        )
    wijzigingen = {
        veld: (getattr(verzoek, veld), waarde)
        for veld, waarde in nieuw.items()
        if _opslaanbaar(getattr(verzoek, veld)) != _opslaanbaar(waarde)
    }
    van = nieuw.get("looptijd_van", verzoek.looptijd_van)
    tot = nieuw.get("looptijd_tot", verzoek.looptijd_tot)
    if van and tot and tot < van:
        raise NietNu("De looptijd eindigt vóór hij begint.")
    return wijzigingen


def _wijzigingen_toepassen(verzoek, wijzigingen: dict, door) -> dict:
    """Set the new values; keep the applicant's value of each field the first
    time it changes. Whoever changes the facts the letter uses prepared the
    decision (four eyes). Returns the audit details."""
    oorspronkelijk = dict(verzoek.oorspronkelijke_feiten or {})
    for veld, (oud, nieuw) in wijzigingen.items():
        oorspronkelijk.setdefault(veld, _opslaanbaar(oud))
        setattr(verzoek, veld, nieuw)
    verzoek.oorspronkelijke_feiten = oorspronkelijk
    verzoek.voorbereider_toevoegen(door)
    return {
        veld: {"van": _opslaanbaar(oud), "naar": _opslaanbaar(nieuw)}
        for veld, (oud, nieuw) in wijzigingen.items()
    }


def feiten_corrigeren(
    *, user: Gebruiker, verzoek: Verzoek, wijzigingen: dict, reden: str
) -> Verzoek:
    """Correct the facts of the agreement after submission, with a reason.
    The case's fields then hold what the letter uses; the applicant's original
    stays on the case (``Verzoek.oorspronkelijke_feiten``) and the correction is
    an event in the history, which the applicant can read. An answer to a
    request for completion that changes the facts is recorded the same way,
    with that answer as the reason."""
    require(user, "feiten_corrigeren", verzoek)
    if not reden.strip():
        raise NietNu(
            "Geef de reden van de correctie (bijvoorbeeld: volgens de offerte of "
            "de aanvulling van de aanvrager)."
        )
    gewijzigd = _wijzigingen(verzoek, wijzigingen)
    if not gewijzigd:
        raise NietNu("U heeft geen gegevens gewijzigd.")
    with transaction.atomic():
        details = _wijzigingen_toepassen(verzoek, gewijzigd, user)
        save_case(verzoek)
        audit(
            verzoek,
            user,
            Actie.FEITEN_CORRIGEREN,
            reden=reden.strip(),
            details={"wijzigingen": details},
        )
    return verzoek


def aanvulling_registreren(
    *,
    user: Gebruiker,
    verzoek: Verzoek,
    ontvangen_op: date,
    antwoord: str,
    documenten=(),
    wijzigingen: dict | None = None,
) -> Verzoek:
    """For a request registered from post or e-mail: the applicant's answer
    to the request for completion arrived by post or e-mail. The suspension
    ends on the day it was received (artikel 4:15 Awb); facts the answer
    changes are set as the letter will use them (the applicant's earlier
    value stays on the case)."""
    require(user, "aanvullen", verzoek)
    vandaag = huidige_datum()
    opschorting = verzoek.lopende_opschorting
    if ontvangen_op > vandaag:
        raise NietNu("De datum van ontvangst van de aanvulling ligt in de toekomst.")
    if opschorting is not None and ontvangen_op < opschorting.van:
        raise NietNu(
            "De aanvulling kan niet zijn ontvangen vóór de vraag om aanvulling "
            f"({opschorting.van:%d-%m-%Y})."
        )
    if not antwoord.strip() and not documenten and not wijzigingen:
        raise NietNu("Vat het antwoord samen of voeg het document toe.")
    gewijzigd = _wijzigingen(verzoek, wijzigingen or {})
    gecontroleerd = _documenten_controleren(documenten)
    correctie = {}

    def sluit():
        if opschorting is not None:
            opschorting.tot = ontvangen_op
            opschorting.antwoord = antwoord
            opschorting.save(update_fields=["tot", "antwoord"])
        if gewijzigd:
            correctie.update(_wijzigingen_toepassen(verzoek, gewijzigd, user))

    with transaction.atomic():
        namen = _documenten_opslaan(verzoek, user, gecontroleerd, opschorting)
        run_transition(
            verzoek,
            user,
            "aanvullen",
            reden=antwoord,
            before=sluit,
            details={
                "ontvangen_op": ontvangen_op,
                "documenten": len(namen),
                "wijzigingen": correctie,
            },
        )
    return verzoek


def post_verzonden(
    *, user: Gebruiker, verzoek: Verzoek, poststuk: Poststuk, op: date
) -> Poststuk:
    """Staff printed the letter and posted it on ``op``: for a decision, the
    day it is made known (artikel 3:41 Awb) and the objection term runs from
    the next day (artikel 6:8 Awb)."""
    require(user, "post_verzonden", verzoek)
    if poststuk.verzoek_id != verzoek.pk:
        raise GeenToegang("Dit poststuk hoort niet bij dit verzoek.")
    if poststuk.gepost_op is not None:
        raise NietNu(f"Dit poststuk is al verzonden op {poststuk.gepost_op:%d-%m-%Y}.")
    if op > huidige_datum():
        raise NietNu(
            "De dag van verzending kan niet in de toekomst liggen: leg de verzending "
            "vast als de brief op de post is gedaan."
        )
    if op < poststuk.aangemaakt_op.date():
        raise NietNu("De brief kan niet zijn gepost vóór hij werd gemaakt.")
    with transaction.atomic():
        bijgewerkt = Poststuk.objects.filter(
            pk=poststuk.pk, gepost_op__isnull=True
        ).update(gepost_op=op, gepost_door=user)
        if not bijgewerkt:
            raise NietNu(
                "Dit poststuk is zojuist door iemand anders als verzonden vastgelegd."
            )
        poststuk.refresh_from_db()
        audit(
            verzoek,
            user,
            Actie.POST_VERZONDEN,
            details={
                "onderwerp": poststuk.onderwerp,
                "op": op,
                "brief": poststuk.besluit.bestandsnaam if poststuk.besluit else "",
            },
        )
    return poststuk


def terug_naar_kwalificatie(
    *, user: Gebruiker, verzoek: Verzoek, reden: str
) -> Verzoek:
    """From the assessment back to the qualification, with the reason."""
    require(user, "terug_naar_kwalificatie", verzoek)
    if not reden.strip():
        raise NietNu("Geef de reden om terug te gaan naar de kwalificatie.")
    return run_transition(verzoek, user, "terug_naar_kwalificatie", reden=reden.strip())


def geen_ontheffing_voorstellen(
    *,
    user: Gebruiker,
    verzoek: Verzoek,
    motivering: str,
    goedkeuring: str = "",
    bw_3_43: bool = False,
) -> Verzoek:
    """The assessment shows the act is not prohibited after all: propose
    "geen ontheffing vereist", motivated; a BW 3:43 approval at issue is
    decided alone (README, "Het dictum beslist alles wat gevraagd is")."""
    require(user, "geen_ontheffing_voorstellen", verzoek)
    if not motivering.strip():
        raise NietNu(
            "Motiveer waarom de handeling toch niet onder het verbod valt; die "
            "motivering komt in de brief."
        )
    goedkeuring = goedkeuring_controleren(
        verzoek,
        uitkomst=Uitkomst.GEEN_ONTHEFFING_VEREIST,
        goedkeuring=goedkeuring,
        gevraagd=bw_3_43,
    )
    return run_transition(
        verzoek,
        user,
        "geen_ontheffing_voorstellen",
        kwargs={
            "voorgesteld_door": user,
            "motivering": motivering.strip(),
            "goedkeuring": goedkeuring,
        },
        reden=motivering.strip(),
        intern=True,
        details={
            "uitkomst": Uitkomst.GEEN_ONTHEFFING_VEREIST,
            "goedkeuring": goedkeuring,
        },
        mails=[lambda: emails.voorstel_klaar(verzoek)],
    )
