"""Recorded actions that change no state: verdaging, ingebrekestelling, notes."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from ontheffing import emails
from ontheffing.models import Verzoek
from ontheffing.services.base import (
    GeenToegang,
    NietNu,
    audit,
    huidige_datum,
    termijnsleutel_bijwerken,
)
from ontheffing.services.behandeling import _behandelaar_van_provincie
from ontheffing.states import OPEN_STATUSSEN, Actie


def _open_en_behandelaar(verzoek, user):
    _behandelaar_van_provincie(verzoek, user)
    if verzoek.status not in OPEN_STATUSSEN:
        raise NietNu("Dit verzoek is afgehandeld.")


def termijn_verdagen(
    *, user, verzoek: Verzoek, nieuwe_datum: date, reden: str
) -> Verzoek:
    """Awb 4:14 lid 3: announce a later date, before the current deadline passes."""
    _open_en_behandelaar(verzoek, user)
    vandaag = huidige_datum()
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
        audit(
            verzoek,
            user,
            Actie.VERDAGEN,
            reden=reden,
            details={"nieuwe_datum": nieuwe_datum},
        )
        emails.verdaagd(verzoek)
    return verzoek


def ingebrekestelling_registreren(
    *, user, verzoek: Verzoek, ontvangen_op: date
) -> Verzoek:
    """Awb 4:17: the written notice of default starts the dwangsom two weeks later."""
    _open_en_behandelaar(verzoek, user)
    if ontvangen_op > huidige_datum():
        raise NietNu("De datum van ontvangst kan niet in de toekomst liggen.")
    with transaction.atomic():
        Verzoek.objects.filter(pk=verzoek.pk).update(
            ingebrekestelling_ontvangen_op=ontvangen_op
        )
        verzoek.ingebrekestelling_ontvangen_op = ontvangen_op
        audit(
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
    return audit(verzoek, user, Actie.NOTITIE_TOEVOEGEN, reden=tekst, intern=True)
