"""Letters and messages that reach an applicant by post (README, "Verzoeken per
post of e-mail").

An applicant who chose post gets every message as a ``Poststuk``: the text that
would have gone by e-mail, and the letter (a ``Besluit``) it carries. Staff
print and post it and record the day of posting. That day, not the day the
letter was made, is when a decision is made known (artikel 3:41 Awb): until it
is recorded, nothing says the letter was sent.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Poststuk(models.Model):
    verzoek = models.ForeignKey(
        "ontheffing.Verzoek", on_delete=models.PROTECT, related_name="poststukken"
    )
    besluit = models.ForeignKey(
        "ontheffing.Besluit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="poststukken",
        help_text="De brief die moet worden afgedrukt en meegestuurd.",
    )
    bekendmaking = models.BooleanField(
        default=False,
        help_text="Dit poststuk maakt het besluit bekend (artikel 3:41 Awb).",
    )
    soort = models.CharField(max_length=40)
    onderwerp = models.CharField(max_length=255)
    tekst = models.TextField()
    adres = models.JSONField("adresregels", default=list)
    aangemaakt_op = models.DateTimeField(default=timezone.now)
    gepost_op = models.DateField("op de post gedaan op", null=True, blank=True)
    gepost_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["aangemaakt_op", "pk"]
        verbose_name = "poststuk"
        verbose_name_plural = "poststukken"

    def __str__(self):
        return f"{self.onderwerp} ({self.gepost_op or 'nog te posten'})"
