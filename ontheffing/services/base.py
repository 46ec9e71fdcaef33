"""The common shape of every use case: refusals, permission checks, the
transaction with save, audit and the queued mail."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django_fsm import ConcurrentTransition

from ontheffing import logboek, permissions
from ontheffing.models import (
    Gebeurtenis,
    Staptelling,
    Verzoek,
)
from ontheffing.werkvoorraad import meldingen


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


def require(user, actie: str, verzoek: Verzoek | None = None, **context) -> None:
    """Refuse with the reason ``permissions.mag`` gives: ``GeenToegang`` when the
    action is not for this user, ``NietNu`` when it is not possible now."""
    toestemming = permissions.mag(user, actie, verzoek, **context)
    if not toestemming:
        fout = NietNu if toestemming.voor_u else GeenToegang
        raise fout(toestemming.reden)


def audit(
    verzoek, user, actie, *, van="", naar="", reden="", details=None, intern=False
):
    """Append an event to the case's chain. Appends to one case are serialised
    and the chain's head sealed (``Vastlegging.save``), also outside a
    transaction of the caller."""
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


def save_case(verzoek: Verzoek) -> None:
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


def run_transition(
    verzoek: Verzoek,
    user,
    naam: str,
    *,
    kwargs: dict | None = None,
    context: dict | None = None,
    reden: str = "",
    details: dict | None = None,
    intern: bool = False,
    before=None,
    after=None,
    mails=(),
) -> Verzoek:
    """The common shape of a transition use case: permission first (with the
    ``context`` the rule needs, such as today's date), then in one transaction
    the transition ``naam`` with keyword ``kwargs``, save, audit, and the queued
    mail. When anything fails, the transaction is rolled back and the case in
    memory is reloaded, so a caller never holds a state that was not saved."""
    try:
        require(user, naam, verzoek, **(context or {}))
    except Weigering as fout:
        logboek.geweigerd(verzoek, naam, fout)
        raise
    try:
        with transaction.atomic():
            van = verzoek.status
            if before:
                before()
            getattr(verzoek, naam)(**(kwargs or {}))
            verzoek.melding = meldingen.na_transitie(naam, verzoek.status)
            save_case(verzoek)
            Staptelling.verplaats(verzoek.provincie_id, van, verzoek.status)
            if after:
                after()
            termijnsleutel_bijwerken(verzoek)
            audit(
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
                mail()  # queued in this transaction, sent by a worker after commit
    except Exception as fout:
        verzoek.refresh_from_db()
        if isinstance(fout, Weigering):
            logboek.geweigerd(verzoek, naam, fout)
        else:
            logboek.mislukt(verzoek, naam, fout)
        raise
    return verzoek


def huidige_datum() -> date:
    return timezone.localdate()
