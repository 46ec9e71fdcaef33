"""The suspension ledger of a case (Awb 4:15)."""

from django.conf import settings
from django.db import models

from ontheffing.termijnen import Opschortingsgrond

GRONDEN = [(g.value, g.label) for g in Opschortingsgrond]


class OpschortingQuerySet(models.QuerySet):
    def aanvullingen(self):
        """The invitations to complete the request (Awb 4:5 and 4:15, first
        paragraph, under a), without the suspensions of the second paragraph."""
        return self.filter(grond=Opschortingsgrond.AANVULLING)


class Opschorting(models.Model):
    """One entry of the suspension ledger (Awb 4:15): an invitation to complete,
    or a period under the second paragraph (the applicant's written consent to a
    delay, or force majeure) that staff registered (``services.procedures``)."""

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
    grond = models.CharField(
        max_length=20, choices=GRONDEN, default=Opschortingsgrond.AANVULLING.value
    )
    # Awb 4:15, second paragraph: why (force majeure: what prevents deciding),
    # and for consent the written statement: a document of the case, or the
    # applicant's words as they came in (README, "Keuzes": "Opschorting").
    motivering = models.TextField(blank=True)
    instemming_bijlage = models.ForeignKey(
        "ontheffing.Bijlage",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    instemming_tekst = models.TextField(blank=True)
    instemming_ontvangen_op = models.DateField(null=True, blank=True)

    objects = OpschortingQuerySet.as_manager()

    class Meta:
        ordering = ["van", "pk"]
        verbose_name_plural = "opschortingen"

    def __str__(self):
        return f"Opschorting {self.van} - {self.tot or 'lopend'}"

    @property
    def grondslag(self) -> str:
        return Opschortingsgrond(self.grond).grondslag

    @property
    def dagen(self) -> int | None:
        return (self.tot - self.van).days if self.tot else None
