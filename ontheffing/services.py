"""Use cases: each checks who may act, then transitions, saves, audits and
schedules e-mail after commit, in one transaction.

Views and the admin call these functions; they never touch the state field or
save a case themselves. A refusal raises a ``Weigering`` with a Dutch message:
``GeenToegang`` (the user may never do this: 403) or ``NietNu`` (not in this
state or not yet: the page shows the message).
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_fsm import ConcurrentTransition

from ontheffing import emails, termijnen
from ontheffing import kwalificatie as kw
from ontheffing.models import (
    Bijlage,
    Criteriumoordeel,
    Gebeurtenis,
    Gebruiker,
    Kenmerkteller,
    Opschorting,
    Verzoek,
)
from ontheffing.states import Actie, Bestuursorgaan, Rol, Status, Uitkomst


class Weigering(Exception):
    """A use case was refused; ``str(exc)`` is the Dutch message for the user."""


class GeenToegang(Weigering, PermissionDenied):
    pass


class NietNu(Weigering):
    pass


class GelijktijdigGewijzigd(NietNu):
    pass


GELIJKTIJDIG = (
    "Iemand anders heeft dit verzoek zojuist gewijzigd. Uw actie is niet uitgevoerd; "
    "bekijk de actuele stand en probeer het zo nodig opnieuw."
)


# --------------------------------------------------------------------- core


def _transitie(verzoek: Verzoek, naam: str):
    return getattr(verzoek, naam)


def mag(verzoek: Verzoek, user, naam: str) -> bool:
    """Whether the user may perform this transition on this case in its current
    state (role, province, four eyes; not the conditions). Pages use this to
    show only the actions the server will accept."""
    meta = _transitie(verzoek, naam)._django_fsm
    overgang = meta.get_transition(verzoek.status)
    return overgang is not None and overgang.has_perm(verzoek, user)


def beschikbare_acties(verzoek: Verzoek, user) -> set[str]:
    return {
        t.name
        for t in verzoek.get_available_user_status_transitions(user)  # type: ignore[attr-defined]
    }


def _controleer(verzoek: Verzoek, user, naam: str) -> None:
    meta = _transitie(verzoek, naam)._django_fsm
    een_overgang = next(iter(meta.transitions.values()))
    if not een_overgang.has_perm(verzoek, user):
        raise GeenToegang("U mag deze actie bij dit verzoek niet uitvoeren.")
    overgang = meta.get_transition(verzoek.status)
    if overgang is None:
        raise NietNu(
            f"Dit kan niet meer in de huidige stap ({verzoek.get_status_display().lower()})."
        )
    if not overgang.has_perm(verzoek, user):
        raise GeenToegang("U mag deze actie bij dit verzoek niet uitvoeren.")


def _audit(
    verzoek, user, actie, *, van="", naar="", reden="", details=None, intern=False
):
    return Gebeurtenis.objects.create(
        verzoek=verzoek,
        actor=user if user and user.is_authenticated else None,
        actie=actie,
        van_status=van,
        naar_status=naar,
        reden=reden,
        details=details or {},
        intern=intern,
    )


def _opslaan(verzoek: Verzoek) -> None:
    try:
        verzoek.save()
    except ConcurrentTransition as exc:
        raise GelijktijdigGewijzigd(GELIJKTIJDIG) from exc


def termijnsleutel_bijwerken(verzoek: Verzoek) -> None:
    """Store the worklist's sort key after anything that moves the deadline."""
    getattr(verzoek, "_prefetched_objects_cache", {}).pop("opschortingen", None)
    verzoek.termijn_sleutel = verzoek.bereken_termijn_sleutel()
    Verzoek.objects.filter(pk=verzoek.pk).update(
        termijn_sleutel=verzoek.termijn_sleutel
    )


def _uitvoeren(
    verzoek,
    user,
    naam,
    *args,
    reden="",
    details=None,
    intern=False,
    voor=None,
    na=None,
    mails=(),
    **kwargs,
):
    """The common shape of a transition use case."""
    _controleer(verzoek, user, naam)
    methode = _transitie(verzoek, naam)
    with transaction.atomic():
        van = verzoek.status
        if voor:
            voor()
        try:
            methode(*args, **kwargs)
        except Exception:
            verzoek.refresh_from_db()
            raise
        _opslaan(verzoek)
        if na:
            na()
        termijnsleutel_bijwerken(verzoek)
        _audit(
            verzoek,
            user,
            naam,
            van=van,
            naar=verzoek.status,
            reden=reden,
            details=details,
            intern=intern,
        )
        for mail in mails:
            transaction.on_commit(mail)
    return verzoek


def _vandaag() -> date:
    return timezone.localdate()


# ------------------------------------------------------------- applicant


def concept_aanmaken(*, user, provincie, **velden) -> Verzoek:
    if not user.is_authenticated or user.rol != Rol.AANVRAGER:
        raise GeenToegang("Alleen aanvragers kunnen een verzoek indienen.")
    with transaction.atomic():
        verzoek = Verzoek(ingediend_door=user, provincie=provincie, **velden)
        if not verzoek.namens:
            verzoek.ambtsdrager = user
        verzoek.save()
        _audit(verzoek, user, Actie.CONCEPT_OPGESLAGEN, naar=verzoek.status)
    return verzoek


def concept_bijwerken(*, user, verzoek: Verzoek, velden: dict) -> Verzoek:
    """Save the form as it stands; allowed only for the applicant's own concept."""
    if verzoek.ingediend_door_id != user.pk:
        raise GeenToegang("Alleen de indiener kan dit concept wijzigen.")
    if verzoek.status != Status.CONCEPT:
        raise NietNu("Dit verzoek is al ingediend en kan niet meer worden gewijzigd.")
    for veld, waarde in velden.items():
        setattr(verzoek, veld, waarde)
    if "namens" in velden:
        verzoek.ambtsdrager = None if verzoek.namens else user
    with transaction.atomic():
        _opslaan(verzoek)
    return verzoek


def _kenmerk_toekennen(verzoek: Verzoek, jaar: int) -> None:
    """Take the next number of the province and year. The UPDATE takes the row
    (PostgreSQL) or database (SQLite) write lock first, so parallel
    submissions get distinct numbers without gaps."""
    Kenmerkteller.objects.bulk_create(
        [Kenmerkteller(provincie_id=verzoek.provincie_id, jaar=jaar)],
        ignore_conflicts=True,
    )
    teller = Kenmerkteller.objects.filter(provincie_id=verzoek.provincie_id, jaar=jaar)
    teller.update(laatste=F("laatste") + 1)
    nummer = teller.values_list("laatste", flat=True).get()
    verzoek.jaar = jaar
    verzoek.volgnummer = nummer
    verzoek.kenmerk = f"{jaar}-{verzoek.provincie.code}-{nummer:04d}"


def verzoek_indienen(*, user, verzoek: Verzoek) -> Verzoek:
    """Submit: sets the receipt date and kenmerk, acknowledges receipt (Awb 4:3a)."""
    _controleer(verzoek, user, "indienen")
    if not user.email_bevestigd:
        raise NietNu(
            "Bevestig eerst uw e-mailadres met de link die wij u stuurden; "
            "daarna kunt u het verzoek indienen."
        )
    ontbreekt = verzoek.ontbrekende_gegevens()
    if ontbreekt:
        raise NietNu(
            "Het verzoek is nog niet compleet. Vul nog in: "
            + ", ".join(ontbreekt)
            + "."
        )
    vandaag = _vandaag()
    lichaam = verzoek.lichaam
    if lichaam is not None:
        verzoek.provincie_id = lichaam.provincie_id
    verzoek.bestuursorgaan = (
        Bestuursorgaan.CDK
        if verzoek.ambt == kw.Ambt.BURGEMEESTER
        else Bestuursorgaan.GS
    )
    return _uitvoeren(
        verzoek,
        user,
        "indienen",
        vandaag,
        voor=lambda: _kenmerk_toekennen(verzoek, vandaag.year),
        mails=[lambda: emails.ontvangstbevestiging(verzoek)],
    )


def bijlage_toevoegen(
    *, user, verzoek: Verzoek, bestand, soort: str, opschorting=None
) -> Bijlage:
    """Store an uploaded file (already checked by ``uploads.controleer``)."""
    from ontheffing import uploads

    eigen = user.pk in (verzoek.ingediend_door_id, verzoek.ambtsdrager_id)
    if user.is_medewerker or not eigen:
        raise GeenToegang("U kunt bij dit verzoek geen documenten toevoegen.")
    if verzoek.status not in (Status.CONCEPT, Status.AANVULLING_GEVRAAGD):
        raise NietNu(
            "Documenten kunt u alleen toevoegen aan een concept of bij een aanvulling."
        )
    gecontroleerd = uploads.controleer(
        bestand, reeds_opgeslagen=verzoek.bijlagen_grootte()
    )
    with transaction.atomic():
        bijlage = Bijlage(
            verzoek=verzoek,
            soort=soort,
            bestandsnaam=gecontroleerd.naam,
            content_type=gecontroleerd.content_type,
            grootte=gecontroleerd.grootte,
            sha256=gecontroleerd.sha256,
            geupload_door=user,
            opschorting=opschorting,
        )
        bijlage.bestand.save(gecontroleerd.naam, gecontroleerd.inhoud, save=False)
        bijlage.save()
        if verzoek.status != Status.CONCEPT:
            _audit(
                verzoek,
                user,
                Actie.BIJLAGE_TOEVOEGEN,
                details={"bestand": bijlage.bestandsnaam, "soort": soort},
            )
    return bijlage


def verzoek_aanvullen(
    *, user, verzoek: Verzoek, antwoord: str, bestanden=()
) -> Verzoek:
    """The applicant answers the request for information; the suspension ends today."""
    opschorting = verzoek.lopende_opschorting
    if not antwoord.strip() and not bestanden:
        raise NietNu("Geef een antwoord of voeg een document toe.")

    def sluit():
        if opschorting is not None:
            opschorting.tot = max(_vandaag(), opschorting.van)
            opschorting.antwoord = antwoord
            opschorting.save(update_fields=["tot", "antwoord"])

    _controleer(verzoek, user, "aanvullen")
    with transaction.atomic():
        for bestand in bestanden:
            bijlage_toevoegen(
                user=user,
                verzoek=verzoek,
                bestand=bestand,
                soort="aanvulling",
                opschorting=opschorting,
            )
        _uitvoeren(
            verzoek,
            user,
            "aanvullen",
            reden=antwoord,
            voor=sluit,
            details={"documenten": len(bestanden)},
            mails=[lambda: emails.aanvulling_ontvangen(verzoek)],
        )
    return verzoek


def verzoek_intrekken(*, user, verzoek: Verzoek, reden: str = "") -> Verzoek:
    def sluit_opschorting():
        lopend = verzoek.lopende_opschorting
        if lopend is not None:
            lopend.tot = max(_vandaag(), lopend.van)
            lopend.save(update_fields=["tot"])

    return _uitvoeren(
        verzoek,
        user,
        "intrekken",
        reden=reden,
        voor=sluit_opschorting,
        mails=[lambda: emails.ingetrokken(verzoek)],
    )


# ------------------------------------------------------------------ staff


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
        _audit(
            verzoek,
            user,
            Actie.TOEWIJZEN,
            intern=True,
            details={"van": vorige.naam if vorige else "", "aan": behandelaar.naam},
        )
    return verzoek


def verzoek_in_behandeling_nemen(*, user, verzoek: Verzoek) -> Verzoek:
    """The request is complete: on to the qualification."""
    return _uitvoeren(verzoek, user, "in_behandeling_nemen", user)


def aanvulling_vragen(
    *,
    user,
    verzoek: Verzoek,
    ontbrekend: list[str],
    toelichting: str,
    hersteltermijn_einde: date,
) -> Verzoek:
    """Awb 4:5: ask for what is missing; the decision term is suspended (4:15)."""
    vandaag = _vandaag()
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

    return _uitvoeren(
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
    _controleer(verzoek, user, "buiten_behandeling_voorstellen")
    if not verzoek.hersteltermijn_verstreken():
        raise NietNu("De hersteltermijn is nog niet verstreken.")
    if not motivering.strip():
        raise NietNu("Geef een motivering.")
    opschorting = verzoek.lopende_opschorting

    def sluit():
        opschorting.tot = opschorting.hersteltermijn_einde
        opschorting.save(update_fields=["tot"])

    return _uitvoeren(
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

    return _uitvoeren(
        verzoek,
        user,
        "doorzenden",
        aan,
        reden=toelichting,
        na=brief,
        details={"aan": aan},
        mails=[lambda: emails.doorgezonden(verzoek)],
    )


def kwalificatie_als_dict(k: kw.Kwalificatie) -> dict:
    data = asdict(k)
    data["toelichting"] = list(k.toelichting)
    data["onzekerheden"] = list(k.onzekerheden)
    return {key: str(v) if hasattr(v, "value") else v for key, v in data.items()}


def feiten_als_dict(f: kw.Feiten) -> dict:
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
    engine = kwalificatie_als_dict(kw.kwalificeer(feiten))
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
    feiten_dict = feiten_als_dict(feiten)
    aanvrager = (
        feiten_als_dict(verzoek.feiten()) if verzoek.ambt and verzoek.handeling else {}
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
    return _uitvoeren(
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
        _audit(
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
    if uiterlijk <= _vandaag():
        raise NietNu("De datum voor de zienswijze moet na vandaag liggen.")
    return _uitvoeren(
        verzoek,
        user,
        "zienswijze_vragen",
        van,
        uiterlijk,
        reden=toelichting,
        details={"van": van, "uiterlijk": uiterlijk},
    )


def zienswijze_verwerken(*, user, verzoek: Verzoek, samenvatting: str) -> Verzoek:
    if not samenvatting.strip():
        raise NietNu("Vat de zienswijze samen, of vermeld dat er geen is ontvangen.")
    return _uitvoeren(verzoek, user, "zienswijze_verwerken", reden=samenvatting)


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
    _controleer(verzoek, user, "voorstellen")
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
    return _uitvoeren(
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


def voorstel_terugsturen(*, user, verzoek: Verzoek, reden: str) -> Verzoek:
    if not reden.strip():
        raise NietNu("Geef aan waarom u het voorstel terugstuurt.")
    voorstel = {
        "uitkomst": verzoek.voorstel_uitkomst,
        "motivering": verzoek.voorstel_motivering,
    }
    return _uitvoeren(
        verzoek,
        user,
        "terugsturen",
        reden=reden,
        intern=True,
        details={"voorstel": voorstel},
    )


def besluit_vaststellen(*, user, verzoek: Verzoek):
    """Decide: the letter is generated, stored immutably and sent; the case is done."""
    from ontheffing import brieven

    vandaag = _vandaag()
    besluit = {}

    def brief():
        besluit["besluit"] = brieven.besluit_uitgeven(verzoek, ondertekenaar=user)

    _uitvoeren(
        verzoek,
        user,
        "vaststellen",
        vandaag,
        na=brief,
        details={"uitkomst": verzoek.voorstel_uitkomst},
        mails=[lambda: emails.besluit_genomen(verzoek, besluit["besluit"])],
    )
    return besluit["besluit"]


# -------------------------------------------------------- recorded actions


def _open_en_behandelaar(verzoek, user):
    _behandelaar_van_provincie(verzoek, user)
    if verzoek.status not in (
        Status.INGEDIEND,
        Status.AANVULLING_GEVRAAGD,
        Status.KWALIFICATIE,
        Status.TOETSING,
        Status.ZIENSWIJZE_GEVRAAGD,
        Status.TER_BESLUITVORMING,
    ):
        raise NietNu("Dit verzoek is afgehandeld.")


def termijn_verdagen(
    *, user, verzoek: Verzoek, nieuwe_datum: date, reden: str
) -> Verzoek:
    """Awb 4:14 lid 3: announce a later date, before the current deadline passes."""
    _open_en_behandelaar(verzoek, user)
    vandaag = _vandaag()
    if not reden.strip():
        raise NietNu(
            "Geef de reden van de verdaging; de aanvrager krijgt die te lezen."
        )
    huidig = verzoek.beslistermijn
    if huidig is not None and vandaag > huidig:
        raise NietNu(
            "De beslistermijn is al verstreken; verdagen kan alleen vóór het einde van de "
            "termijn (artikel 4:14, derde lid, Awb)."
        )
    if huidig is not None and nieuwe_datum <= huidig:
        raise NietNu("De nieuwe datum moet na de huidige beslistermijn liggen.")
    with transaction.atomic():
        Verzoek.objects.filter(pk=verzoek.pk).update(
            verdaging_aangekondigd_op=vandaag,
            verdaging_nieuwe_datum=nieuwe_datum,
            verdaging_reden=reden,
        )
        verzoek.verdaging_aangekondigd_op = vandaag
        verzoek.verdaging_nieuwe_datum = nieuwe_datum
        verzoek.verdaging_reden = reden
        termijnsleutel_bijwerken(verzoek)
        _audit(
            verzoek,
            user,
            Actie.VERDAGEN,
            reden=reden,
            details={"nieuwe_datum": nieuwe_datum},
        )
        transaction.on_commit(lambda: emails.verdaagd(verzoek))
    return verzoek


def ingebrekestelling_registreren(
    *, user, verzoek: Verzoek, ontvangen_op: date
) -> Verzoek:
    """Awb 4:17: the written notice of default starts the dwangsom two weeks later."""
    _open_en_behandelaar(verzoek, user)
    if ontvangen_op > _vandaag():
        raise NietNu("De datum van ontvangst kan niet in de toekomst liggen.")
    with transaction.atomic():
        Verzoek.objects.filter(pk=verzoek.pk).update(
            ingebrekestelling_ontvangen_op=ontvangen_op
        )
        verzoek.ingebrekestelling_ontvangen_op = ontvangen_op
        _audit(
            verzoek,
            user,
            Actie.INGEBREKESTELLING_REGISTREREN,
            details={"ontvangen_op": ontvangen_op},
        )
    return verzoek


def notitie_toevoegen(*, user, verzoek: Verzoek, tekst: str):
    """An internal note, visible to staff of the province only."""
    if not (
        user.is_authenticated
        and user.is_medewerker
        and user.provincie_id == verzoek.provincie_id
    ):
        raise GeenToegang("Alleen medewerkers van de provincie kunnen notities maken.")
    if not tekst.strip():
        raise NietNu("Een lege notitie wordt niet opgeslagen.")
    return _audit(verzoek, user, Actie.NOTITIE_TOEVOEGEN, reden=tekst, intern=True)
