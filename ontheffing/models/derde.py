"""A third party asked for their view (zienswijze, artikel 4:8 Awb): who, where
the request went, the dated letter that asked it, and the view as it came in."""

from django.conf import settings
from django.db import models


class Verzending(models.TextChoices):
    EMAIL = "email", "Per e-mail"
    POST = "post", "Per post"


class Derde(models.Model):
    """A belanghebbende other than the applicant, asked for a zienswijze.

    Written by ``services.derden``: once when asked (with its letter), once
    more when the view is recorded; never deleted."""

    verzoek = models.ForeignKey(
        "ontheffing.Verzoek", on_delete=models.PROTECT, related_name="derden"
    )
    naam = models.CharField(max_length=200)
    aanspreekvorm = models.CharField(max_length=10, blank=True)
    email = models.EmailField("e-mailadres", blank=True)
    postadres = models.TextField(blank=True, help_text="Eén regel per adresregel.")
    verzending = models.CharField(max_length=10, choices=Verzending.choices)
    toelichting = models.TextField("waarover")
    uiterlijk = models.DateField("zienswijze uiterlijk op")
    gevraagd_op = models.DateField()
    gevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    brief = models.OneToOneField(
        "ontheffing.Besluit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="derde",
    )
    # The view as it came in: its text, a document (scanned letter, e-mail), or both.
    zienswijze = models.TextField(blank=True)
    ontvangen_op = models.DateField(null=True, blank=True)
    bijlage = models.OneToOneField(
        "ontheffing.Bijlage",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="derde",
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["gevraagd_op", "pk"]
        verbose_name = "derde-belanghebbende"
        verbose_name_plural = "derde-belanghebbenden"

    def __str__(self):
        return self.naam

    @property
    def adresregels(self) -> tuple[str, ...]:
        return tuple(r.strip() for r in self.postadres.splitlines() if r.strip())

    @property
    def heeft_gereageerd(self) -> bool:
        return self.ontvangen_op is not None
