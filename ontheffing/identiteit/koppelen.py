"""A first DigiD log-in: a new account, or the link to an existing one (README
"DigiD"). Never silently by e-mail address: the applicant proves control of the
account, with its password or with a link e-mailed to its address, and the
link works only in the browser that holds the DigiD session it was asked from.
Which addresses have an account is not disclosed: a new address and a known
one get the same answer, and only the owner of the mailbox reads which it was.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse

from ontheffing import emails
from ontheffing.beveiliging import herstel_toegestaan
from ontheffing.identiteit.tweede_factor import tweede_factor_verplicht
from ontheffing.models import Gebruiker, Inlogbron, Inlogkoppeling
from ontheffing.services.accounts import TeVaak
from ontheffing.services.base import Weigering
from ontheffing.states import Rol

SALT = "ontheffing.digid.koppelen"

logger = logging.getLogger(__name__)


class KanNietKoppelen(Weigering):
    pass


@dataclass(frozen=True)
class Aanvraag:
    """What a link confirms: the DigiD identity (HMAC), the address, the name."""

    sleutel: str
    email: str
    naam: str


def reden_geen_koppeling(gebruiker: Gebruiker, sleutel: str) -> str | None:
    """Why this account cannot take this DigiD identity, or None. Staff accounts
    need a second factor (README "Tweede factor"), which DigiD would bypass; an
    account already linked to another DigiD belongs to another person."""
    if tweede_factor_verplicht(gebruiker):
        return (
            "Dit is een account van een medewerker; dat kunt u niet met DigiD "
            "gebruiken. Log in met uw wachtwoord en uw authenticator-app."
        )
    if not gebruiker.is_active:
        return "Dit account is niet actief. Neem contact op met de provincie."
    andere = Inlogkoppeling.objects.filter(
        gebruiker=gebruiker, bron=Inlogbron.DIGID
    ).exclude(sleutel=sleutel)
    if andere.exists():
        return "Dit account is al gekoppeld aan een andere DigiD."
    return None


def koppelen(*, gebruiker: Gebruiker, sleutel: str) -> Gebruiker:
    """Links the DigiD identity to an account whose control was just proven.
    A new link leaves a log line, once committed, with the account's number
    (never the BSN or its HMAC): there is no append-only trail of account
    events (the sealed chains are per case and per province,
    ``models/audit.py``)."""
    reden = reden_geen_koppeling(gebruiker, sleutel)
    if reden:
        raise KanNietKoppelen(reden)
    with transaction.atomic():
        koppeling, nieuw = Inlogkoppeling.objects.get_or_create(
            bron=Inlogbron.DIGID, sleutel=sleutel, defaults={"gebruiker": gebruiker}
        )
    if koppeling.gebruiker_id != gebruiker.pk:  # linked meanwhile, in another tab
        raise KanNietKoppelen("Deze DigiD is al aan een ander account gekoppeld.")
    if nieuw:
        pk = gebruiker.pk
        transaction.on_commit(
            lambda: logger.info(
                "DigiD gekoppeld aan account %s.",
                pk,
                extra={"actie": "digid_gekoppeld", "account": pk},
            )
        )
    return gebruiker


def token(aanvraag: Aanvraag) -> str:
    return signing.dumps(
        {"s": aanvraag.sleutel, "e": aanvraag.email, "n": aanvraag.naam}, salt=SALT
    )


def uit_token(waarde: str) -> Aanvraag | None:
    """A valid, unexpired link (as long as the DigiD session), or None."""
    try:
        gegevens = signing.loads(waarde, salt=SALT, max_age=settings.DIGID_SESSIEDUUR)
        return Aanvraag(sleutel=gegevens["s"], email=gegevens["e"], naam=gegevens["n"])
    except (signing.BadSignature, KeyError, TypeError):
        return None


def bevestiging_vragen(*, aanvraag: Aanvraag, client: str) -> None:
    """E-mails the link to the address given. Its owner reads there whether it
    makes a new account or links his existing one (or why it cannot); the
    person who gave the address gets the same answer either way. As often as
    a password reset may be asked (``TeVaak`` beyond that)."""
    if not herstel_toegestaan(email=aanvraag.email, client=client):
        raise TeVaak("Te veel verzoeken; probeer het over een uur opnieuw.")
    link = settings.SITE_URL + reverse("digid_bevestigen", args=[token(aanvraag)])
    bestaand = Gebruiker.objects.filter(email__iexact=aanvraag.email).first()
    with transaction.atomic():
        emails.digid_koppelen(
            aanvraag.email,
            naam=bestaand.naam if bestaand else aanvraag.naam,
            link=link,
            bestaand=bestaand is not None,
            reden=reden_geen_koppeling(bestaand, aanvraag.sleutel)
            if bestaand
            else None,
            minuten=settings.DIGID_SESSIEDUUR // 60,
        )


def bestaand_account(aanvraag: Aanvraag) -> Gebruiker | None:
    return Gebruiker.objects.filter(email__iexact=aanvraag.email).first()


def bevestigen(*, aanvraag: Aanvraag) -> Gebruiker:
    """The link was opened in the DigiD session: a new account without a
    password (the address is now confirmed), or the existing account linked."""
    try:
        with transaction.atomic():
            gebruiker = bestaand_account(aanvraag)
            if gebruiker is None:
                gebruiker = Gebruiker.objects.create_user(
                    email=aanvraag.email,
                    password=None,
                    naam=aanvraag.naam,
                    rol=Rol.AANVRAGER,
                    email_bevestigd=True,
                )
            koppelen(gebruiker=gebruiker, sleutel=aanvraag.sleutel)
            if not gebruiker.email_bevestigd:
                Gebruiker.objects.filter(pk=gebruiker.pk).update(email_bevestigd=True)
                gebruiker.email_bevestigd = True
    except IntegrityError as exc:  # the same address registered meanwhile
        raise KanNietKoppelen(
            "Dat is niet gelukt: het account is intussen gewijzigd. Log opnieuw in "
            "met DigiD."
        ) from exc
    return gebruiker
