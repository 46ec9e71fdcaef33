"""Use cases of an account: registering as an applicant, confirming the e-mail
address with the signed link, asking for that link again, and asking for a
password reset. Registration and reset answer the same for known and unknown
addresses, after the same work, so they reveal no accounts."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from ontheffing import emails
from ontheffing.beveiliging import herstel_toegestaan, normaliseer_email
from ontheffing.models import Gebruiker
from ontheffing.services.base import Weigering
from ontheffing.states import Rol

SALT = "ontheffing.email-bevestigen"
GELDIG_SECONDEN = 3 * 24 * 60 * 60


class LinkOngeldig(Weigering):
    pass


class LinkVerlopen(Weigering):
    pass


class TeVaak(Weigering):
    pass


@dataclass(frozen=True)
class Bevestiging:
    gebruiker: Gebruiker
    eerste_keer: bool
    volgende: str
    zelftest: dict


def bevestigingstoken(
    gebruiker, volgende: str = "", zelftest: dict | None = None
) -> str:
    """The signed link's content. The self-check's answers travel along, so
    they survive even when the link is opened in another browser."""
    gegevens = {"pk": gebruiker.pk, "email": gebruiker.email, "next": volgende}
    if zelftest:
        gegevens["zelftest"] = zelftest
    return signing.dumps(gegevens, salt=SALT, compress=True)


def bevestigingsmail_versturen(
    gebruiker, volgende: str = "", zelftest: dict | None = None
) -> None:
    """Queued in the caller's transaction and sent by the worker after commit,
    so a rolled-back registration sends nothing."""
    link = settings.SITE_URL + reverse(
        "bevestigen", args=[bevestigingstoken(gebruiker, volgende, zelftest)]
    )
    emails.email_bevestigen(gebruiker, link, GELDIG_SECONDEN // 86400)


def account_registreren(
    *,
    email: str,
    wachtwoord: str,
    naam: str,
    volgende: str = "",
    zelftest: dict | None = None,
) -> None:
    """A new applicant, whose e-mail address is confirmed through the link. For
    an address that has an account its owner is told instead; the caller gets
    the same answer either way. The same registration sent twice (a double
    click: an unconfirmed account with this password) sends nothing more: the
    first confirmation mail is on its way. A registration of the same address
    at the same moment (a double click without JavaScript) loses the race on
    the unique address and is then answered as the repeat it is."""
    try:
        _registreren(email, wachtwoord, naam, volgende, zelftest)
    except IntegrityError:
        _registreren(email, wachtwoord, naam, volgende, zelftest)


def _registreren(email, wachtwoord, naam, volgende, zelftest) -> None:
    with transaction.atomic():
        bestaand = (
            Gebruiker.objects.select_for_update().filter(email__iexact=email).first()
        )
        if bestaand is None:
            gebruiker = Gebruiker.objects.create_user(
                email=email,
                password=wachtwoord,
                naam=naam,
                rol=Rol.AANVRAGER,
                email_bevestigd=False,
            )
            bevestigingsmail_versturen(gebruiker, volgende, zelftest)
        elif not bestaand.email_bevestigd and bestaand.check_password(wachtwoord):
            return
        else:
            # As much work as a new account (the hash is most of it).
            make_password(wachtwoord)
            emails.account_bestaat_al(bestaand)


def email_bevestigen(*, token: str) -> Bevestiging:
    """The account of a valid link, now with a confirmed e-mail address."""
    try:
        gegevens = signing.loads(token, salt=SALT, max_age=GELDIG_SECONDEN)
        gebruiker = Gebruiker.objects.get(pk=gegevens["pk"], email=gegevens["email"])
    except signing.SignatureExpired as exc:
        raise LinkVerlopen("Deze link is verlopen.") from exc
    except (signing.BadSignature, Gebruiker.DoesNotExist, KeyError, TypeError) as exc:
        raise LinkOngeldig("Deze link is ongeldig.") from exc
    eerste_keer = not gebruiker.email_bevestigd
    if eerste_keer:
        Gebruiker.objects.filter(pk=gebruiker.pk).update(email_bevestigd=True)
        gebruiker.email_bevestigd = True
    zelftest = gegevens.get("zelftest")
    return Bevestiging(
        gebruiker,
        eerste_keer,
        gegevens.get("next") or "",
        zelftest if isinstance(zelftest, dict) else {},
    )


def bevestiging_opnieuw_sturen(*, gebruiker: Gebruiker) -> None:
    with transaction.atomic():
        bevestigingsmail_versturen(gebruiker)


def _herstellink(gebruiker) -> str:
    return settings.SITE_URL + reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(gebruiker.pk)),
            "token": default_token_generator.make_token(gebruiker),
        },
    )


def wachtwoord_herstel_aanvragen(*, email: str, client: str) -> None:
    """The same work for known and unknown addresses; at most
    HERSTEL_PER_ADRES requests per address and HERSTEL_PER_CLIENT per client an
    hour (``TeVaak`` beyond that)."""
    email = normaliseer_email(email)
    if not herstel_toegestaan(email=email, client=client):
        raise TeVaak("Te veel verzoeken; probeer het over een uur opnieuw.")
    gebruiker = Gebruiker.objects.filter(email__iexact=email, is_active=True).first()
    if gebruiker is not None and gebruiker.has_usable_password():
        emails.wachtwoord_herstellen(gebruiker, _herstellink(gebruiker))
    else:
        _herstellink(Gebruiker(email=email))
