"""Delivery of the outbox: queue a message with the change, send it after commit.

``inplannen`` writes a ``Bericht`` and a django-tasks task row in the caller's
transaction: a rolled-back change leaves neither. A worker
(``manage.py berichten_bezorgen``, django-tasks-db's ``db_worker``) claims the
task with ``SELECT ... FOR UPDATE SKIP LOCKED`` on PostgreSQL, so one task runs
once however many workers there are. ``versturen`` then claims the message
itself with a conditional UPDATE (also when two tasks point at one message),
sends it, and records the attempt with the server's answer. A failed attempt
schedules the next one after ``BEZORGING_WACHTTIJDEN``.

At least once, never silently lost: a worker that dies after the server accepted
the message but before the attempt was recorded leaves an expired claim, and
``herstellen`` sends it again. The second copy carries the same Message-ID, so
a mail client shows it once. Nothing else can send a message twice.
"""

from __future__ import annotations

import smtplib
from datetime import timedelta
from email.utils import make_msgid

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.smtp import EmailBackend
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks import TaskResultStatus, task

from ontheffing import logboek
from ontheffing.models.bericht import (
    Bericht,
    Berichtbijlage,
    Bezorgpoging,
    Bezorgstatus,
    Pogingresultaat,
)


def inplannen(
    *,
    soort: str,
    aan: list[str],
    onderwerp: str,
    tekst: str,
    html: str = "",
    verzoek=None,
    provincie=None,
    besluit=None,
    bekendmaking: bool = False,
    bijlagen=(),
) -> Bericht:
    """Queue one message inside the current transaction; ``bijlagen`` are
    (file name, bytes, content type), stored with the message."""
    afzender = settings.DEFAULT_FROM_EMAIL
    domein = afzender.rsplit("@", 1)[-1].rstrip(">") or None
    with transaction.atomic():
        bericht = Bericht.objects.create(
            soort=soort,
            aan=list(aan),
            afzender=afzender,
            onderwerp=onderwerp,
            tekst=tekst,
            html=html,
            verzoek=verzoek,
            provincie_id=provincie.pk
            if provincie
            else getattr(verzoek, "provincie_id", None),
            besluit=besluit,
            bekendmaking=bekendmaking,
            message_id=make_msgid(domain=domein),
        )
        Berichtbijlage.objects.bulk_create(
            Berichtbijlage(
                bericht=bericht,
                bestandsnaam=naam,
                inhoud=bytes(inhoud),
                content_type=soort_inhoud,
            )
            for naam, inhoud, soort_inhoud in bijlagen
        )
        taak_plaatsen(bericht)
    if settings.BEZORGING_NA_COMMIT:
        transaction.on_commit(lambda: versturen(bericht.pk))
    return bericht


def taak_plaatsen(bericht: Bericht, na=None) -> None:
    taak = bericht_versturen.using(run_after=na) if na else bericht_versturen
    resultaat = taak.enqueue(bericht.pk)
    bericht.taak_id = str(resultaat.id)
    Bericht.objects.filter(pk=bericht.pk).update(taak_id=bericht.taak_id)


@task(takes_context=True)
def bericht_versturen(context, bericht_id: int) -> str:
    werkers = context.task_result.worker_ids
    return versturen(bericht_id, werker=werkers[-1] if werkers else "")


def wachttijd(pogingnummer: int) -> timedelta | None:
    """The wait after failed attempt ``pogingnummer`` (1-based), or None when
    that was the last one."""
    wachttijden = settings.BEZORGING_WACHTTIJDEN
    if pogingnummer > len(wachttijden):
        return None
    return timedelta(seconds=wachttijden[pogingnummer - 1])


def versturen(bericht_id: int, *, werker: str = "") -> str:
    """The worker's send step for one message; returns the result's name."""
    claim = werker or get_random_string(16)
    with transaction.atomic():
        nu = timezone.now()
        geclaimd = (
            Bericht.objects.filter(pk=bericht_id, status=Bezorgstatus.WACHTEND)
            .filter(Q(geclaimd_tot__isnull=True) | Q(geclaimd_tot__lt=nu))
            .update(
                geclaimd_door=claim,
                geclaimd_tot=nu + timedelta(seconds=settings.BEZORGING_CLAIM_SECONDEN),
                pogingnummer=F("pogingnummer") + 1,
            )
        )
        if not geclaimd:
            return "niets te doen"  # sent, given up, or with another worker
        # Recorded before the server is contacted, so an attempt cut off by
        # a dying worker is still on record ("onderbroken", see herstellen).
        poging = Bezorgpoging.objects.create(
            bericht_id=bericht_id,
            begonnen_op=nu,
            resultaat=Pogingresultaat.BEZIG,
            werker=claim,
        )
    bericht = Bericht.objects.select_related("besluit").get(pk=bericht_id)
    try:
        antwoord = _smtp_versturen(bericht)
    except Exception as exc:  # every failure is recorded, none is lost
        return _mislukt(bericht, poging, exc)
    with transaction.atomic():
        _afsluiten(poging, Pogingresultaat.VERZONDEN, antwoord)
        Bericht.objects.filter(pk=bericht.pk, geclaimd_door=claim).update(
            status=Bezorgstatus.VERZONDEN,
            verzonden_op=timezone.now(),
            volgende_poging_op=None,
            geclaimd_door="",
            geclaimd_tot=None,
        )
    return Pogingresultaat.VERZONDEN


def _afsluiten(poging: Bezorgpoging, resultaat: str, antwoord: str) -> None:
    poging.resultaat, poging.antwoord = resultaat, antwoord
    poging.geeindigd_op = timezone.now()
    poging.save(update_fields=["resultaat", "antwoord", "geeindigd_op"])


def _mislukt(bericht: Bericht, poging: Bezorgpoging, exc: Exception) -> str:
    logboek.mail_mislukt(bericht.soort, bericht.verzoek, exc)
    wacht = None if _blijvend(exc) else wachttijd(bericht.pogingnummer)
    with transaction.atomic():
        if wacht is None:
            resultaat, status, volgende = (
                Pogingresultaat.MISLUKT,
                Bezorgstatus.MISLUKT,
                None,
            )
        else:
            resultaat, status = Pogingresultaat.TIJDELIJK, Bezorgstatus.WACHTEND
            volgende = timezone.now() + wacht
            taak_plaatsen(bericht, na=volgende)
        _afsluiten(poging, resultaat, _antwoord(exc))
        Bericht.objects.filter(pk=bericht.pk, geclaimd_door=poging.werker).update(
            status=status,
            volgende_poging_op=volgende,
            geclaimd_door="",
            geclaimd_tot=None,
        )
    return resultaat


def _blijvend(exc: Exception) -> bool:
    """A 5xx answer will not change by waiting (RFC 5321 §4.2.1)."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in exc.recipients.values()]
        return bool(codes) and all(code >= 500 for code in codes)
    if isinstance(exc, smtplib.SMTPResponseException):
        return exc.smtp_code >= 500
    return False


def _antwoord(exc: Exception) -> str:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "; ".join(
            f"{adres}: {code} {tekst.decode(errors='replace')}"
            for adres, (code, tekst) in exc.recipients.items()
        )
    if isinstance(exc, smtplib.SMTPResponseException):
        tekst = exc.smtp_error
        if isinstance(tekst, bytes):
            tekst = tekst.decode(errors="replace")
        return f"{exc.smtp_code} {tekst}"
    return f"{type(exc).__name__}: {exc}"[:2000]


def email(bericht: Bericht) -> EmailMultiAlternatives:
    bericht_email = EmailMultiAlternatives(
        subject=bericht.onderwerp,
        body=bericht.tekst,
        from_email=bericht.afzender,
        to=bericht.aan,
        headers={"Message-ID": bericht.message_id},
    )
    if bericht.html:
        bericht_email.attach_alternative(bericht.html, "text/html")
    if bericht.besluit_id:
        besluit = bericht.besluit
        bericht_email.attach(
            besluit.bestandsnaam, bytes(besluit.pdf), "application/pdf"
        )
    for bijlage in bericht.bijlagen.all():
        bericht_email.attach(
            bijlage.bestandsnaam, bytes(bijlage.inhoud), bijlage.content_type
        )
    return bericht_email


def _smtp_versturen(bericht: Bericht) -> str:
    """Send through the configured backend; the server's answer to DATA when
    it is an SMTP server."""
    verbinding = get_connection(fail_silently=False)
    verbinding.open()
    try:
        verbinding.send_messages([email(bericht)])
        smtp = getattr(verbinding, "connection", None)
        code, tekst = getattr(smtp, "antwoord_op_data", (250, b""))
    finally:
        verbinding.close()
    if isinstance(tekst, bytes):
        tekst = tekst.decode(errors="replace")
    return f"{code} {tekst}".strip()


class _SMTP(smtplib.SMTP):
    def data(self, msg):
        self.antwoord_op_data = super().data(msg)
        return self.antwoord_op_data


class _SMTP_SSL(smtplib.SMTP_SSL):
    def data(self, msg):
        self.antwoord_op_data = super().data(msg)
        return self.antwoord_op_data


class SMTPBackend(EmailBackend):
    """Django's SMTP backend that keeps the server's answer to DATA."""

    @property
    def connection_class(self):
        return _SMTP_SSL if self.use_ssl else _SMTP


ONDERBROKEN = (
    "De werker stopte tijdens het versturen. Of de mailserver het bericht al had "
    "aangenomen, is onbekend; het wordt opnieuw verstuurd, met dezelfde Message-ID."
)


def herstellen() -> int:
    """Give a new task to every waiting message whose worker died: its claim
    ran out, or its task ended without sending it. Returns how many."""
    from django_tasks_db.models import DBTaskResult

    nu = timezone.now()
    grens = nu - timedelta(seconds=settings.BEZORGING_CLAIM_SECONDEN)
    levend = DBTaskResult.objects.filter(
        Q(status=TaskResultStatus.READY)
        | Q(status=TaskResultStatus.RUNNING, started_at__gte=grens)
    ).values_list("id", flat=True)
    kandidaten = Bericht.objects.filter(status=Bezorgstatus.WACHTEND).filter(
        Q(geclaimd_tot__lt=nu) | Q(geclaimd_tot__isnull=True, aangemaakt_op__lt=grens)
    )
    hersteld = 0
    for bericht in kandidaten:
        if bericht.geclaimd_tot is None and _is_levend(bericht.taak_id, levend):
            continue
        with transaction.atomic():
            vrijgegeven = Bericht.objects.filter(
                pk=bericht.pk,
                status=Bezorgstatus.WACHTEND,
                geclaimd_tot=bericht.geclaimd_tot,
            ).update(geclaimd_door="", geclaimd_tot=None)
            if vrijgegeven:
                bericht.pogingen.filter(resultaat=Pogingresultaat.BEZIG).update(
                    resultaat=Pogingresultaat.ONDERBROKEN,
                    antwoord=ONDERBROKEN,
                    geeindigd_op=nu,
                )
                # The dead worker's task would stay RUNNING for ever.
                DBTaskResult.objects.filter(
                    id=bericht.taak_id or None, status=TaskResultStatus.RUNNING
                ).update(
                    status=TaskResultStatus.FAILED,
                    finished_at=nu,
                    exception_class_path="ontheffing.bezorging.WerkerGestopt",
                    traceback=ONDERBROKEN,
                )
                taak_plaatsen(bericht)
                hersteld += 1
    return hersteld


def _is_levend(taak_id: str, levend) -> bool:
    return bool(taak_id) and levend.filter(id=taak_id).exists()


def alles_versturen() -> int:
    """Send every waiting message now, in this process (for the demo data)."""
    verstuurd = 0
    for pk in Bericht.objects.filter(status=Bezorgstatus.WACHTEND).values_list(
        "pk", flat=True
    ):
        verstuurd += versturen(pk) == Pogingresultaat.VERZONDEN
    return verstuurd


def gezondheid_wachtrij() -> tuple[bool, dict]:
    """The outbox on the health endpoint: how many messages wait and how old
    the oldest is; "fout" past ``BEZORGING_MAX_WACHTTIJD_UREN``."""
    from ontheffing import gezondheid

    return gezondheid.wachtrij(
        Bericht.objects.filter(status=Bezorgstatus.WACHTEND),
        "aangemaakt_op",
        max_wachttijd=timedelta(hours=settings.BEZORGING_MAX_WACHTTIJD_UREN),
    )
