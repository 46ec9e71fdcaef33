"""Use cases of the dwangsom for not deciding in time: the decision that fixes
it (artikel 4:18 Awb), drafted from the case's dates and issued as a letter
with its objection clause, and recording its payment."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction

from ontheffing import emails, permissions
from ontheffing.formatting import bedrag as bedrag_nl
from ontheffing.formatting import datum as datum_nl
from ontheffing.models import Dwangsombesluit, Gebruiker, Verzoek
from ontheffing.services.base import NietNu, audit, huidige_datum, require
from ontheffing.services.mandaten import mandaat_voor
from ontheffing.states import Actie


def dwangsom_vaststellen(
    *, user: Gebruiker, verzoek: Verzoek, genomen_op: date | None = None
) -> Dwangsombesluit:
    """Fix the dwangsom (Awb 4:18) once it stopped running: after the day
    before the decision on the request, or after its 42nd day. The amount is
    computed (``termijnen.dwangsom``), never typed. Decided as the case is: by
    someone who did not prepare it (four eyes), under a mandate for all
    outcomes of the case's organ in force today, or by recording the day the
    organ itself decided (``genomen_op``). The letter goes to the applicant."""
    from ontheffing.brieven import inhoud

    vandaag = huidige_datum()
    require(user, "dwangsom_vaststellen", verzoek, vandaag=vandaag)
    mandaat = None
    if genomen_op is None:
        mandaat = mandaat_voor(user, verzoek, op=vandaag, alleen_volledig=True)
        if mandaat is None:
            raise NietNu(
                "U heeft op deze dag geen mandaat voor dit besluit. Besloot "
                f"{verzoek.get_bestuursorgaan_display()} zelf, vul dan de datum "
                "in waarop dat gebeurde."
            )
    elif genomen_op > vandaag:
        raise NietNu("De datum van het besluit van het orgaan ligt in de toekomst.")
    stand, reden = permissions.dwangsom_stand(verzoek, vandaag)
    if genomen_op is not None and genomen_op <= stand.laatste_dag:
        raise NietNu(
            "Het orgaan kan de dwangsom pas vaststellen na de laatste dag waarover "
            f"hij verschuldigd is ({datum_nl(stand.laatste_dag)}; artikel 4:18 Awb)."
        )
    bedrag = stand.bedrag.quantize(Decimal("0.01"))
    with transaction.atomic():
        # One decision per case: a second click, or a colleague at the same
        # moment, finds the case locked and the decision there.
        Verzoek.objects.select_for_update().filter(pk=verzoek.pk).exists()
        if Dwangsombesluit.objects.filter(verzoek=verzoek).exists():
            raise NietNu("De dwangsom van dit verzoek is al vastgesteld.")
        brief = inhoud.dwangsom_uitgeven(
            verzoek,
            ondertekenaar=user,
            stand=stand,
            mandaat=mandaat,
            genomen_op=genomen_op,
        )
        besluit = Dwangsombesluit.objects.create(
            verzoek=verzoek,
            ingebrekestelling_ontvangen_op=verzoek.ingebrekestelling_ontvangen_op,
            eerste_dag=stand.start,
            laatste_dag=stand.laatste_dag,
            dagen=stand.dagen,
            bedrag=bedrag,
            vaststellen_uiterlijk=stand.vaststellen_uiterlijk,
            brief=brief,
            vastgesteld_door=user,
            vastgesteld_op=vandaag,
        )
        audit(
            verzoek,
            user,
            Actie.DWANGSOM_VASTSTELLEN,
            reden=f"Dwangsom vastgesteld op {bedrag_nl(bedrag)} over "
            f"{stand.dagen} dagen (artikel 4:18 Awb).",
            details={
                "bedrag": str(bedrag),
                "dagen": stand.dagen,
                "eerste_dag": stand.start,
                "laatste_dag": stand.laatste_dag,
                "vaststellen_uiterlijk": stand.vaststellen_uiterlijk,
                "te_laat": besluit.te_laat,
                "mandaat": mandaat.bron if mandaat else None,
                "genomen_op": genomen_op,
            },
        )
        emails.dwangsom_vastgesteld(verzoek, brief)
    return besluit


def dwangsom_betaling_vastleggen(
    *, user: Gebruiker, verzoek: Verzoek, betaald_op: date, bedrag
) -> Dwangsombesluit:
    """Record that the fixed dwangsom was paid: on which day, and the amount,
    which must be the amount fixed (a part payment or a typing error is
    refused, so the file never shows a payment the decision does not carry)."""
    require(user, "dwangsom_betaling", verzoek)
    besluit = verzoek.dwangsombesluit
    try:
        betaald = Decimal(str(bedrag)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        raise NietNu("Vul het betaalde bedrag in, bijvoorbeeld 392,00.") from None
    if betaald != besluit.bedrag:
        raise NietNu(
            f"Het betaalde bedrag ({bedrag_nl(betaald)}) is niet het vastgestelde "
            f"bedrag ({bedrag_nl(besluit.bedrag)}). Controleer de betaling; een "
            "ander bedrag kan niet worden vastgelegd."
        )
    if betaald_op > huidige_datum():
        raise NietNu("De datum van betaling kan niet in de toekomst liggen.")
    if betaald_op < besluit.vastgesteld_op:
        raise NietNu(
            "De betaling kan niet vóór het besluit over de dwangsom liggen "
            f"({datum_nl(besluit.vastgesteld_op)})."
        )
    with transaction.atomic():
        bijgewerkt = Dwangsombesluit.objects.filter(
            pk=besluit.pk, betaald_op__isnull=True
        ).update(
            betaald_op=betaald_op,
            betaald_bedrag=betaald,
            betaling_vastgelegd_door=user,
        )
        if not bijgewerkt:
            raise NietNu("De betaling van de dwangsom is al vastgelegd.")
        besluit.refresh_from_db()
        audit(
            verzoek,
            user,
            Actie.DWANGSOM_BETAALD,
            reden=f"Dwangsom van {bedrag_nl(betaald)} betaald op "
            f"{datum_nl(betaald_op)}.",
            intern=True,
            details={"bedrag": str(betaald), "betaald_op": betaald_op},
        )
    return besluit
