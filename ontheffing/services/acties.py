"""Recorded actions that change no state: verdaging, ingebrekestelling, notes."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from ontheffing import emails
from ontheffing.models import Gebeurtenis, Gebruiker, Verzoek
from ontheffing.services.base import (
    NietNu,
    audit,
    huidige_datum,
    require,
    termijnsleutel_bijwerken,
)
from ontheffing.states import Actie


def termijn_verdagen(
    *, user: Gebruiker, verzoek: Verzoek, nieuwe_datum: date, reden: str
) -> Verzoek:
    """Awb 4:14 lid 3: announce a later date, before the current deadline passes."""
    require(user, "verdagen", verzoek)
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
    *, user: Gebruiker, verzoek: Verzoek, ontvangen_op: date
) -> Verzoek:
    """Awb 4:17: the written notice of default starts the dwangsom two weeks later."""
    require(user, "ingebrekestelling", verzoek)
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


def notitie_toevoegen(*, user: Gebruiker, verzoek: Verzoek, tekst: str) -> Gebeurtenis:
    """An internal note, visible to staff of the province only."""
    require(user, "notitie", verzoek)
    if not tekst.strip():
        raise NietNu("Een lege notitie wordt niet opgeslagen.")
    return audit(verzoek, user, Actie.NOTITIE_TOEVOEGEN, reden=tekst, intern=True)
