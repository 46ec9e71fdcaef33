"""Issued letters: immutable bytes and their hash; the kenmerk counter."""

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone

from ontheffing.models.audit import OnveranderbaarError


class Besluit(models.Model):
    """A letter as sent: a decision (beschikking) or a notice of forwarding.

    Created once, inside the transaction of the use case that issues it, and never
    changed: a wrong letter is corrected by a new decision."""

    verzoek = models.ForeignKey(
        "ontheffing.Verzoek", on_delete=models.PROTECT, related_name="besluiten"
    )
    soort = models.CharField(max_length=40)
    uitkomst = models.CharField(max_length=30, blank=True)
    datum = models.DateField()
    kenmerk = models.CharField(max_length=20)
    ondertekenaar = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    namens = models.BooleanField(default=False)
    pdf = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    html = models.TextField()
    sjabloonversie = models.CharField(max_length=20)
    aangemaakt_op = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["aangemaakt_op", "pk"]
        verbose_name_plural = "besluiten"

    def __str__(self):
        return f"{self.kenmerk} ({self.soort}, {self.datum})"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise OnveranderbaarError(
                "Een verzonden besluit kan niet worden gewijzigd."
            )
        self.sha256 = hashlib.sha256(bytes(self.pdf)).hexdigest()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise OnveranderbaarError("Een verzonden besluit kan niet worden verwijderd.")

    @property
    def bestandsnaam(self) -> str:
        return f"besluit-{self.kenmerk}.pdf"

    def integer(self) -> bool:
        return hashlib.sha256(bytes(self.pdf)).hexdigest() == self.sha256


class Kenmerkteller(models.Model):
    """The last number given per province and year; locked while a number is taken."""

    provincie = models.ForeignKey("ontheffing.Provincie", on_delete=models.PROTECT)
    jaar = models.PositiveIntegerField()
    laatste = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["provincie", "jaar"], name="uniek_teller")
        ]

    def __str__(self):
        return f"{self.provincie_id}/{self.jaar}: {self.laatste}"
