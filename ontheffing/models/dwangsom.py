"""The decision on the dwangsom forfeited for a late decision (artikel 4:18 Awb)
and its payment."""

from django.conf import settings
from django.db import models


class Dwangsombesluit(models.Model):
    """What was fixed (artikel 4:17 and 4:18 Awb), with its immutable letter,
    and the payment once it was made. One per case: a case has one
    ingebrekestelling. Written by ``services.dwangsom``."""

    verzoek = models.OneToOneField(
        "ontheffing.Verzoek", on_delete=models.PROTECT, related_name="dwangsombesluit"
    )
    ingebrekestelling_ontvangen_op = models.DateField()
    eerste_dag = models.DateField()
    laatste_dag = models.DateField()
    dagen = models.PositiveIntegerField()
    bedrag = models.DecimalField(max_digits=8, decimal_places=2)
    vaststellen_uiterlijk = models.DateField()
    brief = models.OneToOneField(
        "ontheffing.Besluit", on_delete=models.PROTECT, related_name="dwangsom"
    )
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    vastgesteld_op = models.DateField()
    betaald_op = models.DateField(null=True, blank=True)
    betaald_bedrag = models.DecimalField(
        max_digits=8, decimal_places=2, null=True, blank=True
    )
    betaling_vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = "dwangsombesluit"
        verbose_name_plural = "dwangsombesluiten"

    def __str__(self):
        return f"{self.verzoek} – dwangsom {self.bedrag}"

    @property
    def te_laat(self) -> bool:
        """Fixed after the two weeks of artikel 4:18 Awb (still valid, but late)."""
        return self.vastgesteld_op > self.vaststellen_uiterlijk

    @property
    def betaald(self) -> bool:
        return self.betaald_op is not None
