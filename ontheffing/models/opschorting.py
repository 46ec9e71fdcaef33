"""The suspension ledger of a case (Awb 4:15)."""

from django.conf import settings
from django.db import models


class Opschorting(models.Model):
    """One entry of the suspension ledger (Awb 4:15): an invitation to complete."""

    verzoek = models.ForeignKey(
        "ontheffing.Verzoek", on_delete=models.PROTECT, related_name="opschortingen"
    )
    van = models.DateField(help_text="Datum van de uitnodiging tot aanvulling.")
    tot = models.DateField(
        null=True,
        blank=True,
        help_text="Datum van de aanvulling of het einde van de hersteltermijn.",
    )
    hersteltermijn_einde = models.DateField(null=True, blank=True)
    ontbrekend = models.JSONField("wat ontbreekt", default=list, blank=True)
    toelichting = models.TextField("toelichting bij de vraag", blank=True)
    antwoord = models.TextField(blank=True)
    herinnering_verstuurd_op = models.DateTimeField(null=True, blank=True)
    gevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["van", "pk"]
        verbose_name_plural = "opschortingen"

    def __str__(self):
        return f"Opschorting {self.van} - {self.tot or 'lopend'}"

    @property
    def dagen(self) -> int | None:
        return (self.tot - self.van).days if self.tot else None
