"""Use cases of the behandelaar: intake, qualification, assessment, proposal."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from django.db import transaction

from ontheffing import emails, gezag, termijnen
from ontheffing import kwalificatie as kw
from ontheffing.models import (
    Criteriumoordeel,
    Gebruiker,
    Opschorting,
    Verzoek,
)
from ontheffing.services.base import (
    GeenToegang,
    NietNu,
    audit,
    controleer,
    huidige_datum,
    uitvoeren,
)
from ontheffing.states import Actie, Bestuursorgaan, Rol, Status, Uitkomst


def _behandelaar_van_provincie(verzoek, user) -> None:
    if not (
        user.is_authenticated
        and user.is_active
        and user.rol == Rol.BEHANDELAAR
        and user.provincie_id == verzoek.provincie_id
    ):
        raise GeenToegang("Alleen een behandelaar van deze provincie kan dit doen.")


def behandelaar_toewijzen(*, user, verzoek: Verzoek, behandelaar: Gebruiker) -> Verzoek:
    """Take a case ("in behandeling nemen" assigns it) or hand it to a colleague."""
    _behandelaar_van_provincie(verzoek, user)
    _behandelaar_van_provincie(verzoek, behandelaar)
    if verzoek.status not in (
        Status.INGEDIEND,
        Status.AANVULLING_GEVRAAGD,
        Status.KWALIFICATIE,
        Status.TOETSING,
        Status.ZIENSWIJZE_GEVRAAGD,
    ):
        raise NietNu(
            "Dit verzoek kan in deze stap niet aan een andere behandelaar worden gegeven."
        )
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


def verzoek_in_behandeling_nemen(*, user, verzoek: Verzoek) -> Verzoek:
    """The request is complete: on to the qualification."""
    return uitvoeren(verzoek, user, "in_behandeling_nemen", user)


def aanvulling_vragen(
    *,
    user,
    verzoek: Verzoek,
    ontbrekend: list[str],
    toelichting: str,
    hersteltermijn_einde: date,
) -> Verzoek:
    """Awb 4:5: ask for what is missing; the decision term is suspended (4:15)."""
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

    return uitvoeren(
        verzoek,
        user,
        "aanvulling_vragen",
        reden=toelichting,
        na=open_opschorting,
        details={
            "ontbrekend": list(ontbrekend),
            "hersteltermijn_einde": hersteltermijn_einde,
        },
        mails=[lambda: emails.aanvulling_gevraagd(verzoek)],
    )


def buiten_behandeling_voorstellen(
    *, user, verzoek: Verzoek, motivering: str
) -> Verzoek:
    """Awb 4:5: the hersteltermijn passed unanswered; the suspension ends on its last day."""
    controleer(verzoek, user, "buiten_behandeling_voorstellen")
    if not verzoek.hersteltermijn_verstreken():
        raise NietNu("De hersteltermijn is nog niet verstreken.")
    if not motivering.strip():
        raise NietNu("Geef een motivering.")
    opschorting = verzoek.lopende_opschorting

    def sluit():
        opschorting.tot = opschorting.hersteltermijn_einde
        opschorting.save(update_fields=["tot"])

    return uitvoeren(
        verzoek,
        user,
        "buiten_behandeling_voorstellen",
        user,
        motivering,
        reden=motivering,
        na=sluit,
    )


def verzoek_doorzenden(
    *, user, verzoek: Verzoek, aan: str, adres: str, toelichting: str
) -> Verzoek:
    """Awb 2:3: forward to the competent authority and tell the applicant."""
    from ontheffing import brieven

    if not aan.strip():
        raise NietNu("Geef aan naar welk bestuursorgaan het verzoek gaat.")

    def brief():
        brieven.doorzending_uitgeven(
            verzoek, ondertekenaar=user, adres=adres, toelichting=toelichting
        )

    return uitvoeren(
        verzoek,
        user,
        "doorzenden",
        aan,
        reden=toelichting,
        na=brief,
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
    user,
    verzoek: Verzoek,
    feiten: kw.Feiten,
    bevestigd: dict | None = None,
    motivering: str = "",
) -> Verzoek:
    """Record the qualification: the engine's answer on the (corrected) facts, and
    the behandelaar's confirmed result. Deviating from the engine and every
    ONZEKER need a written motivation."""
    controleer(verzoek, user, "kwalificeren")
    engine = kwalificatie_gegevens(kw.kwalificeer(feiten))
    bevestigd = bevestigd or engine
    afwijkend = any(
        bevestigd.get(k) != engine.get(k) for k in ("uitkomst", "onderdeel")
    )
    if (
        afwijkend or engine["uitkomst"] == kw.Uitkomst.ONZEKER
    ) and not motivering.strip():
        raise NietNu(
            "Motiveer de kwalificatie: u wijkt af van de uitkomst van de "
            "kwalificatiehulp, of die uitkomst is onzeker."
        )
    if bevestigd["uitkomst"] == kw.Uitkomst.ONZEKER:
        raise NietNu("Kies een uitkomst: 'onzeker' kan niet worden bevestigd.")
    if bevestigd["uitkomst"] == kw.Uitkomst.ONBEVOEGD:
        raise NietNu("Deze provincie is niet bevoegd: zend het verzoek door.")
    bezwaar = gezag.bezwaar_tegen_gezag(
        engine.get("bevoegd_gezag"), bevestigd.get("bevoegd_gezag"), motivering
    )
    if bezwaar:
        raise NietNu(bezwaar)
    feiten_dict = feiten_gegevens(feiten)
    aanvrager = (
        feiten_gegevens(verzoek.feiten()) if verzoek.ambt and verzoek.handeling else {}
    )
    correcties = {
        k: {"aanvrager": aanvrager.get(k), "behandelaar": v}
        for k, v in feiten_dict.items()
        if aanvrager.get(k) != v
    }
    if bevestigd.get("bevoegd_gezag") == kw.BevoegdGezag.COMMISSARIS_VAN_DE_KONING:
        verzoek.bestuursorgaan = Bestuursorgaan.CDK
    elif bevestigd.get("bevoegd_gezag") == kw.BevoegdGezag.GEDEPUTEERDE_STATEN:
        verzoek.bestuursorgaan = Bestuursorgaan.GS
    return uitvoeren(
        verzoek,
        user,
        "kwalificeren",
        feiten=feiten_dict,
        engine=engine,
        bevestigd=bevestigd,
        motivering=motivering,
        voorgesteld_door=user,
        reden=motivering,
        details={
            "uitkomst": bevestigd["uitkomst"],
            "onderdeel": bevestigd.get("onderdeel"),
            "grondslag": bevestigd.get("grondslag"),
            "afwijkend": afwijkend,
            "bevoegd_gezag": bevestigd.get("bevoegd_gezag"),
            "correcties": correcties,
        },
    )


def criteria_beoordelen(*, user, verzoek: Verzoek, oordelen: dict) -> None:
    """Store the judgement per criterion: {criterium: (oordeel, motivering)}."""
    _behandelaar_van_provincie(verzoek, user)
    if verzoek.status != Status.TOETSING:
        raise NietNu("De criteria worden beoordeeld in de stap toetsing.")
    for criterium, (oordeel, motivering) in oordelen.items():
        if not oordeel or not motivering.strip():
            raise NietNu(f"Beoordeel '{criterium.titel}' en motiveer uw oordeel.")
    with transaction.atomic():
        for criterium, (oordeel, motivering) in oordelen.items():
            Criteriumoordeel.objects.update_or_create(
                verzoek=verzoek,
                criterium=criterium,
                defaults={"oordeel": oordeel, "motivering": motivering},
            )
        audit(
            verzoek,
            user,
            Actie.TOETSEN,
            intern=True,
            details={c.code: o for c, (o, _) in oordelen.items()},
        )


def zienswijze_vragen(
    *, user, verzoek: Verzoek, van: str, uiterlijk: date, toelichting: str
) -> Verzoek:
    """Awb 4:7/4:8: ask the applicant or a third party for their view."""
    if not van.strip():
        raise NietNu("Geef aan aan wie de zienswijze wordt gevraagd.")
    if uiterlijk <= huidige_datum():
        raise NietNu("De datum voor de zienswijze moet na vandaag liggen.")
    return uitvoeren(
        verzoek,
        user,
        "zienswijze_vragen",
        van,
        uiterlijk,
        reden=toelichting,
        details={"van": van, "uiterlijk": uiterlijk},
        mails=[lambda: emails.zienswijze_gevraagd(verzoek, toelichting)],
    )


def zienswijze_verwerken(*, user, verzoek: Verzoek, samenvatting: str) -> Verzoek:
    if not samenvatting.strip():
        raise NietNu("Vat de zienswijze samen, of vermeld dat er geen is ontvangen.")
    return uitvoeren(verzoek, user, "zienswijze_verwerken", reden=samenvatting)


def besluit_voorstellen(
    *,
    user,
    verzoek: Verzoek,
    uitkomst: str,
    motivering: str,
    voorschriften: list[str],
    bw_3_43: bool = False,
) -> Verzoek:
    """Send the draft decision to a beslisser. Every criterion of the beleidsregel
    must have been judged; a grant follows the judgements unless the behandelaar
    motivates a deviation (Awb 4:84)."""
    controleer(verzoek, user, "voorstellen")
    if uitkomst not in (Uitkomst.VERLEEND, Uitkomst.GEWEIGERD):
        raise NietNu("Stel verlenen of weigeren voor.")
    if not motivering.strip():
        raise NietNu("Geef een motivering voor het voorgestelde besluit.")
    from ontheffing import toetsing

    open_criteria = toetsing.onbeoordeelde_criteria(verzoek)
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
    return uitvoeren(
        verzoek,
        user,
        "voorstellen",
        user,
        uitkomst,
        motivering,
        voorschriften,
        bw_3_43,
        reden=motivering,
        intern=True,
        details={
            "uitkomst": uitkomst,
            "voorschriften": voorschriften,
            "bw_3_43": bw_3_43,
        },
    )
