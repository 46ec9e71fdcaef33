"""Use cases of the behandelaar: intake, qualification, assessment, proposal."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from django.db import transaction

from ontheffing import emails, gezag, termijnen
from ontheffing import kwalificatie as kw
from ontheffing.kwalificatie import citaten
from ontheffing.models import (
    Bijlagesoort,
    Criteriumoordeel,
    Doorzendadres,
    Gebruiker,
    Goedkeuring,
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
from ontheffing.states import Actie, Bestuursorgaan, Status, Uitkomst


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
    from ontheffing.services.procedures import opgeschort_tot

    tot = opgeschort_tot(verzoek, vandaag)
    if tot is not None:
        raise NietNu(
            f"De beslistermijn is al opgeschort tot {termijnen.datum_nl(tot)} "
            "(artikel 4:15, tweede lid, Awb); een dag telt maar één keer. Vraag "
            "de aanvulling vanaf die dag."
        )
    hersteltermijn_einde = termijnen.atw_verlengen(hersteltermijn_einde)

    def open_opschorting():
        from ontheffing.brieven import inhoud

        opschorting = Opschorting.objects.create(
            verzoek=verzoek,
            van=vandaag,
            hersteltermijn_einde=hersteltermijn_einde,
            ontbrekend=list(ontbrekend),
            toelichting=toelichting,
            gevraagd_door=user,
        )
        inhoud.aanvulling_uitgeven(verzoek, ondertekenaar=user, opschorting=opschorting)

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
    *,
    user: Gebruiker,
    verzoek: Verzoek,
    motivering: str,
    te_laat_bevestigd: bool = False,
    te_laat_motivering: str = "",
) -> Verzoek:
    """Awb 4:5: the hersteltermijn passed unanswered; the suspension ends on its
    last day. After the four weeks of the fourth paragraph only with an explicit
    confirmation and a motivation of the delay (``procedures.te_laat_controleren``)."""
    from ontheffing.services.procedures import te_laat_controleren

    vandaag = huidige_datum()
    require(user, "buiten_behandeling_voorstellen", verzoek, vandaag=vandaag)
    if not motivering.strip():
        raise NietNu("Geef een motivering.")
    te_laat = te_laat_controleren(
        verzoek, op=vandaag, bevestigd=te_laat_bevestigd, motivering=te_laat_motivering
    )
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
        reden=motivering
        + (
            "\n\nNa de termijn van artikel 4:5, vierde lid, Awb: "
            + te_laat["te_laat_motivering"]
            if te_laat
            else ""
        ),
        details=te_laat or None,
        after=sluit,
        mails=[lambda: emails.voorstel_klaar(verzoek)],
    )


def verzoek_doorzenden(
    *, user: Gebruiker, verzoek: Verzoek, aan: Doorzendadres | None, toelichting: str
) -> Verzoek:
    """Awb 2:3: send the request itself (a summary as submitted and every
    document) to the competent authority's configured address, and tell the
    applicant in a letter that says so."""
    from ontheffing.brieven import inhoud

    require(user, "doorzenden", verzoek)
    if not isinstance(aan, Doorzendadres) or not aan.email:
        raise NietNu(
            "Kies het bevoegde bestuursorgaan uit de ingestelde doorzendadressen."
        )
    if aan.provincie_id == verzoek.provincie_id:
        raise NietNu("Doorzenden gaat naar een ander bestuursorgaan dan dit college.")
    if not toelichting.strip():
        raise NietNu("Leg de aanvrager kort uit waarom u doorzendt.")
    bijlagen = []

    def brief():
        # The copy kept at submission is one of the documents; an older case
        # without one gets it made now, by the same summary.
        if not verzoek.bijlagen.filter(soort=Bijlagesoort.VERZOEK).exists():
            bijlagen.append(
                (
                    f"verzoek-{verzoek.kenmerk}.pdf",
                    inhoud.samenvatting_pdf(verzoek),
                    "application/pdf",
                )
            )
        for bijlage in sorted(
            verzoek.bijlagen.all(), key=lambda b: b.soort != Bijlagesoort.VERZOEK
        ):
            with bijlage.bestand.open("rb") as bestand:
                bijlagen.append(
                    (bijlage.bestandsnaam, bestand.read(), bijlage.content_type)
                )
        inhoud.doorzending_uitgeven(
            verzoek, ondertekenaar=user, aan=aan, toelichting=toelichting
        )

    return run_transition(
        verzoek,
        user,
        "doorzenden",
        kwargs={"aan": aan.naam},
        reden=toelichting,
        after=brief,
        details={
            "aan": aan.naam,
            "email": aan.email,
            "verzonden_op": huidige_datum(),
            "stukken": list(
                dict.fromkeys(
                    [f"verzoek-{verzoek.kenmerk}.pdf"]
                    + [b.bestandsnaam for b in verzoek.bijlagen.all()]
                )
            ),
        },
        mails=[
            lambda: emails.verzoek_doorgezonden_aan(
                verzoek, adres=aan, bijlagen=bijlagen
            ),
            lambda: emails.doorgezonden(verzoek),
        ],
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
    goedkeuring: str = "",
    bw_3_43: bool = False,
) -> Verzoek:
    """Record the qualification: the engine's answer on the (corrected) facts, and
    the behandelaar's confirmed result. Deviating from the engine and every
    ONZEKER need a written motivation. When the qualification itself is the
    proposal (no exemption needed, or none possible), a BW 3:43 approval at
    issue is decided here: "3:43 alone" when no exemption is needed."""
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
    bezwaar = gezag.bezwaar_tegen_gezag(
        berekend.get("bevoegd_gezag"), bevestigd.get("bevoegd_gezag"), motivering
    )
    if bezwaar:
        raise NietNu(bezwaar)
    if bevestigd["uitkomst"] != kw.Uitkomst.VERBODEN_ONTHEFFBAAR:
        goedkeuring = goedkeuring_controleren(
            verzoek,
            uitkomst=Uitkomst.GEWEIGERD
            if bevestigd["uitkomst"] == kw.Uitkomst.VERBODEN_NIET_ONTHEFFBAAR
            else Uitkomst.GEEN_ONTHEFFING_VEREIST,
            goedkeuring=goedkeuring,
            gevraagd=bw_3_43,
            kwalificatie=bevestigd,
        )
    else:
        goedkeuring = ""  # decided with the exemption, after the assessment
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
            "goedkeuring": goedkeuring,
        },
        reden=motivering,
        details={
            "uitkomst": bevestigd["uitkomst"],
            "onderdeel": bevestigd.get("onderdeel"),
            "grondslag": bevestigd.get("grondslag"),
            "afwijkend": afwijkend,
            "bevoegd_gezag": bevestigd.get("bevoegd_gezag"),
            "correcties": correcties,
        },
        # The qualification is itself the proposal when no assessment follows.
        mails=[
            lambda: (
                verzoek.status == Status.TER_BESLUITVORMING
                and emails.voorstel_klaar(verzoek)
            )
        ],
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
    if verzoek.voorbereider_toevoegen(user):
        Verzoek.objects.filter(pk=verzoek.pk).update(
            voorbereiders=verzoek.voorbereiders
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


GOEDKEURINGEN = (Goedkeuring.VERLEEND, Goedkeuring.GEWEIGERD)


def goedkeuring_controleren(
    verzoek: Verzoek,
    *,
    uitkomst: str,
    goedkeuring: str,
    gevraagd: bool,
    kwalificatie: dict | None = None,
) -> str:
    """BW 3:43: when the qualification says an approval is needed, or it was
    asked, the dictum decides it; a refused exemption cannot come with an
    approval; the province approves only for a raadslid, a wethouder (GS) or
    the burgemeester (CdK) (art. 3:43, third paragraph, BW)."""
    kwalificatie = verzoek.kwalificatie if kwalificatie is None else kwalificatie
    nodig = bool((kwalificatie or {}).get("bw_3_43_goedkeuring"))
    if goedkeuring and goedkeuring not in GOEDKEURINGEN:
        raise NietNu("Kies of de goedkeuring wordt verleend of geweigerd.")
    if (nodig or gevraagd) and not goedkeuring:
        raise NietNu(
            "Beslis ook over de goedkeuring van artikel 3:43 BW: die is nodig of "
            "gevraagd, en mag niet onbeslist blijven."
        )
    if not goedkeuring:
        return ""
    if verzoek.ambt not in citaten.GOEDKEURING_DOOR_PROVINCIE:
        raise NietNu(
            "Goedkeuring op grond van artikel 3:43, derde lid, BW geeft de provincie "
            "alleen bij een raadslid, een wethouder of de burgemeester."
        )
    if uitkomst == Uitkomst.GEWEIGERD and goedkeuring == Goedkeuring.VERLEEND:
        raise NietNu(
            "Bij een geweigerde ontheffing kan de goedkeuring niet worden verleend."
        )
    return goedkeuring


def _onderdelen_controleren(uitkomst: str, onderdelen) -> list[dict]:
    """A partial decision is a numbered list of at least two decisions, some
    granted and some refused, each with what it covers and its own reasons."""
    if uitkomst != Uitkomst.GEDEELTELIJK_VERLEEND:
        return []
    schoon = [
        {
            "omschrijving": (o.get("omschrijving") or "").strip(),
            "verleend": bool(o.get("verleend")),
            "motivering": (o.get("motivering") or "").strip(),
        }
        for o in onderdelen
        if (o.get("omschrijving") or "").strip() or (o.get("motivering") or "").strip()
    ]
    for nummer, o in enumerate(schoon, start=1):
        if not o["omschrijving"] or not o["motivering"]:
            raise NietNu(
                f"Onderdeel {nummer}: beschrijf waarvoor het geldt en motiveer het."
            )
    uitkomsten = {o["verleend"] for o in schoon}
    if len(schoon) < 2 or uitkomsten != {True, False}:
        raise NietNu(
            "Een gedeeltelijke verlening bestaat uit ten minste twee onderdelen: "
            "ten minste één verleend en ten minste één geweigerd."
        )
    return schoon


def _strijdig_met_toetsing(
    verzoek: Verzoek, uitkomst: str, oordelen: dict | None = None
) -> bool:
    """Does the outcome go against the judgements (Awb 4:84)? A grant, also
    in part, with a criterion "niet voldaan"; a refusal when all are met."""
    from ontheffing import toetsing

    gevolg = toetsing.voorgestelde_uitkomst(verzoek, oordelen)
    verleent = uitkomst in (Uitkomst.VERLEEND, Uitkomst.GEDEELTELIJK_VERLEEND)
    if verleent:
        return gevolg == Uitkomst.GEWEIGERD
    return gevolg == Uitkomst.VERLEEND


def besluit_voorstellen(
    *,
    user: Gebruiker,
    verzoek: Verzoek,
    uitkomst: str,
    motivering: str,
    voorschriften: list[str],
    afwijking: str = "",
    goedkeuring: str = "",
    bw_3_43: bool = False,
    onderdelen: list[dict] = (),
    zienswijze_reactie: str = "",
    teksten: dict | None = None,
    oordelen: dict | None = None,
) -> Verzoek:
    """Send the draft decision to a beslisser, with the judgements of the same
    page (``oordelen``, as for ``criteria_beoordelen``) in the same transaction.
    Every criterion of the beleidsregel must have been judged; an outcome
    against the judgements needs a motivation of the deviation (Awb 4:84); the
    dictum decides the BW 3:43 approval when it is at issue; a zienswijze that
    was given is answered."""
    from ontheffing import toetsing
    from ontheffing.brieven import inhoud

    require(user, "voorstellen", verzoek)
    oordelen = oordelen or {}
    _oordelen_valideren(oordelen)
    if uitkomst not in (
        Uitkomst.VERLEEND,
        Uitkomst.GEDEELTELIJK_VERLEEND,
        Uitkomst.GEWEIGERD,
    ):
        raise NietNu("Stel verlenen, gedeeltelijk verlenen of weigeren voor.")
    if not motivering.strip():
        raise NietNu("Geef een motivering voor het voorgestelde besluit.")
    open_criteria = [
        c for c in toetsing.onbeoordeelde_criteria(verzoek) if c not in oordelen
    ]
    if open_criteria:
        raise NietNu(
            "Beoordeel eerst alle criteria: "
            + ", ".join(c.titel for c in open_criteria)
        )
    if _strijdig_met_toetsing(verzoek, uitkomst, oordelen) and not afwijking.strip():
        raise NietNu(
            "Dit besluit wijkt af van de oordelen over de criteria: motiveer de "
            "afwijking (artikel 4:84 Awb)."
        )
    delen = _onderdelen_controleren(uitkomst, onderdelen)
    goedkeuring = goedkeuring_controleren(
        verzoek, uitkomst=uitkomst, goedkeuring=goedkeuring, gevraagd=bw_3_43
    )
    if inhoud.gegeven_zienswijze(verzoek) and not zienswijze_reactie.strip():
        raise NietNu(
            "Er is een zienswijze gegeven: schrijf wat het college ermee doet "
            "(artikel 4:7 en 4:8 Awb)."
        )
    teksten = {
        k: v.strip()
        for k, v in (teksten or {}).items()
        if k in inhoud.TEKSTEN and v and v.strip()
    }
    voorschriften = (
        [v.strip() for v in voorschriften if v.strip()]
        if uitkomst != Uitkomst.GEWEIGERD
        else []
    )
    volledig = motivering.strip()
    if afwijking.strip():
        volledig += "\n\n" + afwijking.strip()
    return run_transition(
        verzoek,
        user,
        "voorstellen",
        kwargs={
            "voorgesteld_door": user,
            "uitkomst": uitkomst,
            "motivering": volledig,
            "voorschriften": voorschriften,
            "goedkeuring": goedkeuring,
            "onderdelen": delen,
            "zienswijze": zienswijze_reactie.strip(),
            "teksten": teksten,
        },
        before=lambda: _oordelen_opslaan(user, verzoek, oordelen) if oordelen else None,
        reden=volledig,
        intern=True,
        details={
            "uitkomst": uitkomst,
            "voorschriften": voorschriften,
            "goedkeuring": goedkeuring,
            "onderdelen": delen,
            "teksten": teksten,
            # What the form held, so a returned proposal opens as it was sent.
            "motivering": motivering.strip(),
            "afwijking": afwijking.strip(),
        },
        mails=[lambda: emails.voorstel_klaar(verzoek)],
    )
