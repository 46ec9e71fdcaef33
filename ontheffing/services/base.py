"""The common shape of every use case: refusals, permission checks, the
transaction with save, audit and the queued mail."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django_fsm import ConcurrentTransition

from ontheffing import logboek
from ontheffing.models import (
    Gebeurtenis,
    Staptelling,
    Verzoek,
)


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


def transitie(verzoek: Verzoek, naam: str):
    return getattr(verzoek, naam)


def _overgangen(verzoek: Verzoek, naam: str) -> list:
    """The declared moves named ``naam``, one per source step, through
    django-fsm-2's public ``get_all_status_transitions``."""
    return [t for t in verzoek.get_all_status_transitions() if t.name == naam]


def _in_deze_stap(verzoek: Verzoek, naam: str):
    return next(
        (t for t in _overgangen(verzoek, naam) if t.source == verzoek.status), None
    )


def mag(verzoek: Verzoek, user, naam: str) -> bool:
    """Whether the user may perform this transition on this case in its current
    state (role, province, four eyes; not the conditions). Pages use this to
    show only the actions the server will accept."""
    overgang = _in_deze_stap(verzoek, naam)
    return overgang is not None and overgang.has_perm(verzoek, user)


def controleer(verzoek: Verzoek, user, naam: str) -> None:
    """Refuse with ``GeenToegang`` when the move is never for this user, with
    ``NietNu`` when it is not possible in the current step."""
    een_overgang = _overgangen(verzoek, naam)[0]
    if not een_overgang.has_perm(verzoek, user):
        raise GeenToegang("U mag deze actie bij dit verzoek niet uitvoeren.")
    overgang = _in_deze_stap(verzoek, naam)
    if overgang is None:
        raise NietNu(
            f"Dit kan niet meer in de huidige stap ({verzoek.get_status_display().lower()})."
        )
    if not overgang.has_perm(verzoek, user):
        raise GeenToegang("U mag deze actie bij dit verzoek niet uitvoeren.")


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


def opslaan(verzoek: Verzoek) -> None:
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


def uitvoeren(
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
    """The common shape of a transition use case. When anything fails, the
    transaction is rolled back and the case in memory is reloaded, so a caller
    never holds a state that was not saved."""
    try:
        controleer(verzoek, user, naam)
    except Weigering as fout:
        logboek.geweigerd(verzoek, naam, fout)
        raise
    methode = transitie(verzoek, naam)
    try:
        with transaction.atomic():
            van = verzoek.status
            if voor:
                voor()
            methode(*args, **kwargs)
            opslaan(verzoek)
            Staptelling.verplaats(verzoek.provincie_id, van, verzoek.status)
            if na:
                na()
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
