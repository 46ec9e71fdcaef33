"""Use cases of an account: registering as an applicant, confirming the e-mail
address with the signed link, and asking for that link again."""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from ontheffing.models import Gebruiker
from ontheffing.services.base import Weigering
from ontheffing.states import Rol

SALT = "ontheffing.email-bevestigen"
GELDIG_SECONDEN = 3 * 24 * 60 * 60


class LinkOngeldig(Weigering):
    pass


class LinkVerlopen(Weigering):
    pass


def bevestigingstoken(gebruiker) -> str:
    return signing.dumps({"pk": gebruiker.pk, "email": gebruiker.email}, salt=SALT)


def bevestigingsmail_versturen(gebruiker) -> None:
    """Sent after commit, so a rolled-back registration sends nothing."""
    link = settings.SITE_URL + reverse(
        "bevestigen", args=[bevestigingstoken(gebruiker)]
    )
    onderwerp = "Bevestig uw e-mailadres"
    context = {"gebruiker": gebruiker, "link": link, "dagen": GELDIG_SECONDEN // 86400}
    tekst = (
        render_to_string("registration/email_bevestigen.txt", context).strip() + "\n"
    )
    html = render_to_string(
        "emails/basis.html", {"onderwerp": onderwerp, "tekst": tekst}
    )

    def versturen():
        bericht = EmailMultiAlternatives(
            subject=onderwerp,
            body=tekst,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[gebruiker.email],
        )
        bericht.attach_alternative(html, "text/html")
        bericht.send()

    transaction.on_commit(versturen)


def account_registreren(*, email: str, wachtwoord: str, naam: str) -> Gebruiker:
    """A new applicant, whose e-mail address is confirmed through the link."""
    with transaction.atomic():
        gebruiker = Gebruiker.objects.create_user(
            email=email,
            password=wachtwoord,
            naam=naam,
            rol=Rol.AANVRAGER,
            email_bevestigd=False,
        )
        bevestigingsmail_versturen(gebruiker)
    return gebruiker


def email_bevestigen(*, token: str) -> Gebruiker:
    """The account of a valid link, now with a confirmed e-mail address."""
    try:
        gegevens = signing.loads(token, salt=SALT, max_age=GELDIG_SECONDEN)
        gebruiker = Gebruiker.objects.get(pk=gegevens["pk"], email=gegevens["email"])
    except signing.SignatureExpired as exc:
        raise LinkVerlopen("Deze link is verlopen.") from exc
    except (signing.BadSignature, Gebruiker.DoesNotExist, KeyError, TypeError) as exc:
        raise LinkOngeldig("Deze link is ongeldig.") from exc
    if not gebruiker.email_bevestigd:
        Gebruiker.objects.filter(pk=gebruiker.pk).update(email_bevestigd=True)
        gebruiker.email_bevestigd = True
    return gebruiker


def bevestiging_opnieuw_sturen(*, gebruiker: Gebruiker) -> None:
    with transaction.atomic():
        bevestigingsmail_versturen(gebruiker)
