"""Use cases of the behandelaar: intake, qualification, assessment, proposal."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from django.db import transaction

from ontheffing import emails, termijnen
from ontheffing import kwalificatie as kw
from ontheffing.models import (
    Criteriumoordeel,
    Gebruiker,
    Opschorting,
    Verzoek,
)
from ontheffing.services.base import (
    NietNu,
    audit,
    huidige_datum,
    require,
    run_transition,
)
from ontheffing.states import Actie, Bestuursorgaan, Uitkomst


def behandelaar_toewijzen(
    *, user: Gebruiker, verzoek: Verzoek, behandelaar: Gebruiker
) -> Verzoek:
    """Take a case ("in behandeling nemen" assigns it) or hand it to a colleague."""
    require(user, "toewijzen", verzoek, aan=behandelaar)
    with transaction.atomic():
        vorige = verzoek.behandelaar
        Verzoek.objects.filter(pk=verzoek.pk).update(behandelaar=behandelaar)
        verzoek.behandelaar = behandelaar
        audit(
            verzoek,
            user,
            Actie.TOEWIJZEN,
            intern=True,
            details={"van": vorige.naam if vorige else "", "aan": behandelaar.naam},
        )
    return verzoek


def verzoek_in_behandeling_nemen(*, user: Gebruiker, verzoek: Verzoek) -> Verzoek:
    """The request is complete: on to the qualification."""
    return run_transition(
        verzoek, user, "in_behandeling_nemen", kwargs={"behandelaar": user}
    )


def aanvulling_vragen(
    *,
    user: Gebruiker,
    verzoek: Verzoek,
    ontbrekend: list[str],
    toelichting: str,
    hersteltermijn_einde: date,
) -> Verzoek:
    """Awb 4:5: ask for what is missing; the decision term is suspended (4:15)."""
    require(user, "aanvulling_vragen", verzoek)
    vandaag = huidige_datum()
    if not ontbrekend and not toelichting.strip():
        raise NietNu("Geef aan wat er ontbreekt.")
    if hersteltermijn_einde <= vandaag:
        raise NietNu("De hersteltermijn moet na vandaag eindigen.")
    hersteltermijn_einde = termijnen.atw_verlengen(hersteltermijn_einde)

    def open_opschorting():
        Opschorting.objects.create(
            verzoek=verzoek,
            van=vandaag,
            hersteltermijn_einde=hersteltermijn_einde,
            ontbrekend=list(ontbrekend),
            toelichting=toelichting,
            gevraagd_door=user,
        )

    return run_transition(
        verzoek,
        user,
        "aanvulling_vragen",
        reden=toelichting,
        after=open_opschorting,
        details={
            "ontbrekend": list(ontbrekend),
            "hersteltermijn_einde": hersteltermijn_einde,
        },
        mails=[lambda: emails.aanvulling_gevraagd(verzoek)],
    )


def buiten_behandeling_voorstellen(
    *, user: Gebruiker, verzoek: Verzoek, motivering: str
) -> Verzoek:
    """Awb 4:5: the hersteltermijn passed unanswered; the suspension ends on its last day."""
    vandaag = huidige_datum()
    require(user, "buiten_behandeling_voorstellen", verzoek, vandaag=vandaag)
    if not motivering.strip():
        raise NietNu("Geef een motivering.")
    opschorting = verzoek.lopende_opschorting

    def sluit():
        opschorting.tot = opschorting.hersteltermijn_einde
        opschorting.save(update_fields=["tot"])

    return run_transition(
        verzoek,
        user,
        "buiten_behandeling_voorstellen",
        kwargs={"voorgesteld_door": user, "motivering": motivering},
        context={"vandaag": vandaag},
        reden=motivering,
        after=sluit,
    )


def verzoek_doorzenden(
    *, user: Gebruiker, verzoek: Verzoek, aan: str, adres: str, toelichting: str
) -> Verzoek:
    """Awb 2:3: forward to the competent authority and tell the applicant."""
    from ontheffing import brieven

    require(user, "doorzenden", verzoek)
    if not aan.strip():
        raise NietNu("Geef aan naar welk bestuursorgaan het verzoek gaat.")

    def brief():
        brieven.doorzending_uitgeven(
            verzoek, ondertekenaar=user, adres=adres, toelichting=toelichting
        )

    return run_transition(
        verzoek,
        user,
        "doorzenden",
        kwargs={"aan": aan},
        reden=toelichting,
        after=brief,
        details={"aan": aan},
        mails=[lambda: emails.doorgezonden(verzoek)],
    )


def kwalificatie_gegevens(k: kw.Kwalificatie) -> dict:
    data = asdict(k)
    data["toelichting"] = list(k.toelichting)
    data["onzekerheden"] = list(k.onzekerheden)
    return {key: str(v) if hasattr(v, "value") else v for key, v in data.items()}


def feiten_gegevens(f: kw.Feiten) -> dict:
    return {
        key: (v.value if hasattr(v, "value") else v) for key, v in asdict(f).items()
    }


def verzoek_kwalificeren(
    *,
    user: Gebruiker,
    verzoek: Verzoek,
    feiten: kw.Feiten,
    bevestigd: dict | None = None,
    motivering: str = "",
) -> Verzoek:
    """Record the qualification: the engine's answer on the (corrected) facts, and
    the behandelaar's confirmed result. Deviating from the engine and every
    ONZEKER need a written motivation."""
    require(user, "kwalificeren", verzoek)
    berekend = kwalificatie_gegevens(kw.kwalificeer(feiten))
    bevestigd = bevestigd or berekend
    afwijkend = any(
        bevestigd.get(k) != berekend.get(k) for k in ("uitkomst", "onderdeel")
    )
    if (
        afwijkend or berekend["uitkomst"] == kw.Uitkomst.ONZEKER
    ) and not motivering.strip():
        raise NietNu(
            "Motiveer de kwalificatie: u wijkt af van de uitkomst van de "
            "kwalificatiehulp, of die uitkomst is onzeker."
        )
    if bevestigd["uitkomst"] == kw.Uitkomst.ONZEKER:
        raise NietNu("Kies een uitkomst: 'onzeker' kan niet worden bevestigd.")
    if bevestigd["uitkomst"] == kw.Uitkomst.ONBEVOEGD:
        raise NietNu("Deze provincie is niet bevoegd: zend het verzoek door.")
    vastgesteld = feiten_gegevens(feiten)
    aanvrager = (
        feiten_gegevens(verzoek.feiten()) if verzoek.ambt and verzoek.handeling else {}
    )
    correcties = {
        k: {"aanvrager": aanvrager.get(k), "behandelaar": v}
        for k, v in vastgesteld.items()
        if aanvrager.get(k) != v
    }
    if bevestigd.get("bevoegd_gezag") == kw.BevoegdGezag.COMMISSARIS_VAN_DE_KONING:
        verzoek.bestuursorgaan = Bestuursorgaan.CDK
    elif bevestigd.get("bevoegd_gezag") == kw.BevoegdGezag.GEDEPUTEERDE_STATEN:
        verzoek.bestuursorgaan = Bestuursorgaan.GS
    return run_transition(
        verzoek,
        user,
        "kwalificeren",
        kwargs={
            "feiten": vastgesteld,
            "berekend": berekend,
            "bevestigd": bevestigd,
            "motivering": motivering,
            "gekwalificeerd_door": user,
        },
        reden=motivering,
        details={
            "uitkomst": bevestigd["uitkomst"],
            "onderdeel": bevestigd.get("onderdeel"),
            "grondslag": bevestigd.get("grondslag"),
            "afwijkend": afwijkend,
            "correcties": correcties,
        },
    )


def _oordelen_valideren(oordelen: dict) -> None:
    for criterium, (oordeel, motivering) in oordelen.items():
        if not oordeel or not motivering.strip():
            raise NietNu(f"Beoordeel '{criterium.titel}' en motiveer uw oordeel.")


def _oordelen_opslaan(user, verzoek: Verzoek, oordelen: dict) -> None:
    """Store the judgements and who gave them (four eyes: a judge of a
    criterion does not decide)."""
    for criterium, (oordeel, motivering) in oordelen.items():
        Criteriumoordeel.objects.update_or_create(
            verzoek=verzoek,
            criterium=criterium,
            defaults={"oordeel": oordeel, "motivering": motivering},
        )
    if user.pk not in verzoek.criteria_beoordeeld_door:
        verzoek.criteria_beoordeeld_door = [*verzoek.criteria_beoordeeld_door, user.pk]
        Verzoek.objects.filter(pk=verzoek.pk).update(
            criteria_beoordeeld_door=verzoek.criteria_beoordeeld_door
        )
    audit(
        verzoek,
        user,
        Actie.TOETSEN,
        intern=True,
        details={c.code: o for c, (o, _) in oordelen.items()},
    )


def criteria_beoordelen(*, user: Gebruiker, verzoek: Verzoek, oordelen: dict) -> None:
    """Store the judgement per criterion: {criterium: (oordeel, motivering)}."""
    require(user, "criteria_beoordelen", verzoek)
    _oordelen_valideren(oordelen)
    with transaction.atomic():
        _oordelen_opslaan(user, verzoek, oordelen)


def zienswijze_vragen(
    *, user: Gebruiker, verzoek: Verzoek, van: str, uiterlijk: date, toelichting: str
) -> Verzoek:
    """Awb 4:7/4:8: ask the applicant or a third party for their view."""
    require(user, "zienswijze_vragen", verzoek)
    if not van.strip():
        raise NietNu("Geef aan aan wie de zienswijze wordt gevraagd.")
    if uiterlijk <= huidige_datum():
        raise NietNu("De datum voor de zienswijze moet na vandaag liggen.")
    return run_transition(
        verzoek,
        user,
        "zienswijze_vragen",
        kwargs={"van": van, "uiterlijk": uiterlijk},
        reden=toelichting,
        details={"van": van, "uiterlijk": uiterlijk},
        mails=[lambda: emails.zienswijze_gevraagd(verzoek, toelichting)],
    )


def zienswijze_verwerken(
    *, user: Gebruiker, verzoek: Verzoek, samenvatting: str
) -> Verzoek:
    require(user, "zienswijze_verwerken", verzoek)
    if not samenvatting.strip():
        raise NietNu("Vat de zienswijze samen, of vermeld dat er geen is ontvangen.")
    return run_transition(verzoek, user, "zienswijze_verwerken", reden=samenvatting)


def besluit_voorstellen(
    *,
    user: Gebruiker,
    verzoek: Verzoek,
    uitkomst: str,
    motivering: str,
    voorschriften: list[str],
    bw_3_43: bool = False,
    oordelen: dict | None = None,
) -> Verzoek:
    """Send the draft decision to a beslisser, with the judgements of the same
    page (``oordelen``, as for ``criteria_beoordelen``) in the same transaction.
    Every criterion of the beleidsregel must have been judged; a grant follows
    the judgements unless the behandelaar motivates a deviation (Awb 4:84)."""
    require(user, "voorstellen", verzoek)
    oordelen = oordelen or {}
    _oordelen_valideren(oordelen)
    if uitkomst not in (Uitkomst.VERLEEND, Uitkomst.GEWEIGERD):
        raise NietNu("Stel verlenen of weigeren voor.")
    if not motivering.strip():
        raise NietNu("Geef een motivering voor het voorgestelde besluit.")
    from ontheffing import toetsing

    open_criteria = [
        c for c in toetsing.onbeoordeelde_criteria(verzoek) if c not in oordelen
    ]
    if open_criteria:
        raise NietNu(
            "Beoordeel eerst alle criteria: "
            + ", ".join(c.titel for c in open_criteria)
        )
    voorschriften = (
        [v.strip() for v in voorschriften if v.strip()]
        if uitkomst == Uitkomst.VERLEEND
        else []
    )
    return run_transition(
        verzoek,
        user,
        "voorstellen",
        kwargs={
            "voorgesteld_door": user,
            "uitkomst": uitkomst,
            "motivering": motivering,
            "voorschriften": voorschriften,
            "bw_3_43": bw_3_43,
        },
        before=lambda: _oordelen_opslaan(user, verzoek, oordelen) if oordelen else None,
        reden=motivering,
        intern=True,
        details={
            "uitkomst": uitkomst,
            "voorschriften": voorschriften,
            "bw_3_43": bw_3_43,
        },
    )
