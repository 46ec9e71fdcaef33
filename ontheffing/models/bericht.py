"""The outbox: every outgoing message as a row, and every attempt to deliver it.

A ``Bericht`` is written in the transaction of the change that causes it, and
sent by a worker after commit (``ontheffing/bezorging.py``). Its attempts are the
proof of sending: for a decision the bezwaartermijn runs from the day it was
actually sent (artikel 6:8 Awb), which is ``Bericht.verzonden_op``.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Bezorgstatus(models.TextChoices):
    WACHTEND = "wachtend", "Wacht op verzending"
    VERZONDEN = "verzonden", "Verzonden"
    MISLUKT = "mislukt", "Mislukt"


class Pogingresultaat(models.TextChoices):
    BEZIG = "bezig", "Bezig"
    ONDERBROKEN = "onderbroken", "Onderbroken: de werker stopte tijdens het versturen"
    VERZONDEN = "verzonden", "Aangenomen door de mailserver"
    TIJDELIJK = "tijdelijk", "Tijdelijk mislukt, wordt opnieuw geprobeerd"
    MISLUKT = "mislukt", "Geweigerd"


class BerichtQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user):
        """Staff see the messages of the cases they may see; a beheerder sees
        the messages of their province that belong to no case (invitations)."""
        from ontheffing import permissions
        from ontheffing.models.verzoek import Verzoek
        from ontheffing.states import Rol

        if not permissions.is_actief(user) or user.provincie_id is None:
            return self.none()
        if user.rol == Rol.BEHEERDER:
            return self.filter(provincie_id=user.provincie_id, verzoek__isnull=True)
        if user.rol == Rol.AANVRAGER:
            return self.none()
        return self.filter(verzoek__in=Verzoek.objects.zichtbaar_voor(user))


class Bericht(models.Model):
    """One e-mail as it will be (or was) sent: rendered once, when queued."""

    soort = models.CharField(max_length=40)
    verzoek = models.ForeignKey(
        "ontheffing.Verzoek",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="berichten",
    )
    provincie = models.ForeignKey(
        "ontheffing.Provincie", on_delete=models.PROTECT, null=True, blank=True
    )
    besluit = models.ForeignKey(
        "ontheffing.Besluit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="berichten",
        help_text="De brief die als PDF wordt meegestuurd.",
    )
    bekendmaking = models.BooleanField(
        default=False,
        help_text="Dit bericht maakt het besluit bekend (artikel 3:41 Awb).",
    )
    aan = models.JSONField(default=list)
    afzender = models.CharField(max_length=254)
    onderwerp = models.CharField(max_length=255)
    tekst = models.TextField()
    html = models.TextField(blank=True)
    message_id = models.CharField(max_length=255, unique=True)
    status = models.CharField(
        max_length=20,
        choices=Bezorgstatus.choices,
        default=Bezorgstatus.WACHTEND,
        db_index=True,
    )
    aangemaakt_op = models.DateTimeField(default=timezone.now)
    verzonden_op = models.DateTimeField(null=True, blank=True)
    volgende_poging_op = models.DateTimeField(null=True, blank=True)
    pogingnummer = models.PositiveIntegerField(
        default=0, help_text="Pogingen sinds de laatste (her)start van de reeks."
    )
    # A worker claims the message for a while before it talks to the server;
    # a claim that expired belongs to a worker that died (see bezorging.py).
    geclaimd_door = models.CharField(max_length=64, blank=True)
    geclaimd_tot = models.DateTimeField(null=True, blank=True)
    taak_id = models.CharField(max_length=64, blank=True)
    opnieuw_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = BerichtQuerySet.as_manager()

    class Meta:
        ordering = ["aangemaakt_op", "pk"]
        verbose_name_plural = "berichten"

    def __str__(self):
        return f"{self.onderwerp} → {', '.join(self.aan)} ({self.status})"

    @property
    def is_verzonden(self) -> bool:
        return self.status == Bezorgstatus.VERZONDEN

    @property
    def is_mislukt(self) -> bool:
        return self.status == Bezorgstatus.MISLUKT

    @property
    def laatste_poging(self):
        """The newest attempt (from a prefetch when there is one)."""
        pogingen = list(self.pogingen.all())
        return pogingen[-1] if pogingen else None

    @property
    def verzenddatum(self):
        """The day it was sent, in local time (artikel 3:41 Awb: made known
        by sending), or None while it was not."""
        if self.verzonden_op is None:
            return None
        return timezone.localdate(self.verzonden_op)


class Bezorgpoging(models.Model):
    """One attempt: when, by which worker, what the mail server answered."""

    bericht = models.ForeignKey(
        Bericht, on_delete=models.CASCADE, related_name="pogingen"
    )
    begonnen_op = models.DateTimeField()
    geeindigd_op = models.DateTimeField(null=True, blank=True)
    resultaat = models.CharField(max_length=20, choices=Pogingresultaat.choices)
    antwoord = models.TextField(blank=True)
    werker = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["begonnen_op", "pk"]
        verbose_name_plural = "bezorgpogingen"

    def __str__(self):
        return f"{self.begonnen_op:%Y-%m-%d %H:%M:%S} {self.resultaat}"


class Berichtbijlage(models.Model):
    """A document sent with a message, stored as the bytes that were queued: the
    forwarding of a request (artikel 2:3 Awb) carries the request itself and
    every document, exactly as they stood when the change was committed. A
    decision letter is attached through ``Bericht.besluit`` instead."""

    bericht = models.ForeignKey(
        Bericht, on_delete=models.CASCADE, related_name="bijlagen"
    )
    bestandsnaam = models.CharField(max_length=255)
    inhoud = models.BinaryField()
    content_type = models.CharField(max_length=100)

    class Meta:
        ordering = ["pk"]
        verbose_name_plural = "berichtbijlagen"

    def __str__(self):
        return self.bestandsnaam
