"""The mandate register of a province (Awb 10:1, 10:10): who may decide in the
name of Gedeputeerde Staten or the Commissaris van de Koning, on which decisions,
from when until when, and on the strength of which published mandaatbesluit.

A mandate is in force only after a second person confirmed it (see
``services.mandaten``); which one applies to a decision is the pure rule
``ontheffing.mandaten.mandaat_voor``."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from ontheffing.states import Bestuursorgaan, Uitkomst


class Reikwijdte(models.TextChoices):
    ALLE_UITKOMSTEN = "alle", "Alle uitkomsten"
    ALLEEN_WEIGEREN = "weigeren", "Alleen weigeren"


# The outcomes a mandate of each scope covers. A refusals-only mandate covers the
# refusal of an exemption and nothing else: a grant, a partial grant or another
# decision stays with the organ itself or with a holder of a full mandate.
UITKOMSTEN_VAN = {
    Reikwijdte.ALLE_UITKOMSTEN: None,  # every outcome
    Reikwijdte.ALLEEN_WEIGEREN: frozenset({Uitkomst.GEWEIGERD}),
}


# The source of the entries the migration made from the former booleans; such an
# entry cannot be confirmed (the letter would name no mandaatbesluit).
BRON_OVERGENOMEN = (
    "Overgenomen uit het vroegere mandaatvinkje; mandaatbesluit nog vastleggen"
)


class MandaatQuerySet(models.QuerySet):
    def bevestigd(self):
        return self.filter(bevestigd_op__isnull=False)

    def wachtend(self):
        return self.filter(bevestigd_op__isnull=True, beeindigd_op__isnull=True)


class Mandaat(models.Model):
    provincie = models.ForeignKey(
        "ontheffing.Provincie", on_delete=models.PROTECT, related_name="mandaten"
    )
    houder = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="mandaten"
    )
    bestuursorgaan = models.CharField(
        "besluiten van",
        max_length=10,
        choices=Bestuursorgaan.choices,
        help_text="Ontheffingen van Gedeputeerde Staten of van de Commissaris van de "
        "Koning (burgemeesters, artikel 69 Gemeentewet).",
    )
    reikwijdte = models.CharField(
        max_length=10, choices=Reikwijdte.choices, default=Reikwijdte.ALLE_UITKOMSTEN
    )
    geldig_van = models.DateField("geldig vanaf")
    geldig_tot = models.DateField(
        "geldig tot en met", null=True, blank=True, help_text="Leeg: zonder einddatum."
    )
    bron_titel = models.CharField(
        "titel van het mandaatbesluit",
        max_length=300,
        help_text="Bijvoorbeeld: Mandaatbesluit verboden handelingen Gelderland 2026.",
    )
    bron_datum = models.DateField("datum van bekendmaking")
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    aangevraagd_op = models.DateTimeField(default=timezone.now)
    bevestigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    bevestigd_op = models.DateTimeField(null=True, blank=True)
    # When the beheer ended the mandate: ``geldig_tot`` is then its last day
    # (before ``geldig_van`` if it never came into force); a mandate still
    # waiting for confirmation is withdrawn and can no longer be confirmed.
    beeindigd_op = models.DateTimeField(null=True, blank=True)

    objects = MandaatQuerySet.as_manager()

    class Meta:
        ordering = ["provincie", "houder__naam", "-geldig_van", "pk"]
        verbose_name = "mandaat"
        verbose_name_plural = "mandaten"

    def __str__(self):
        return f"{self.houder.naam}: {self.omschrijving}"

    @property
    def omschrijving(self) -> str:
        """'ontheffingen van Gedeputeerde Staten, alleen weigeren'."""
        tekst = f"ontheffingen van {self.get_bestuursorgaan_display()}"
        if self.reikwijdte == Reikwijdte.ALLEEN_WEIGEREN:
            tekst += ", alleen weigeren"
        return tekst

    @property
    def bron(self) -> str:
        """The source as the letter names it."""
        from ontheffing.formatting import datum

        return f"{self.bron_titel} (bekendgemaakt op {datum(self.bron_datum)})"

    @property
    def geldigheid(self) -> str:
        from ontheffing.formatting import datum

        if self.geldig_tot is None:
            return f"vanaf {datum(self.geldig_van)}"
        return f"van {datum(self.geldig_van)} tot en met {datum(self.geldig_tot)}"

    @property
    def status_tekst(self) -> str:
        if self.bevestigd_op is None:
            return "ingetrokken" if self.beeindigd_op else "wacht op bevestiging"
        return "beëindigd" if self.beeindigd_op else "bevestigd"

    @property
    def wacht_op_bevestiging(self) -> bool:
        return self.bevestigd_op is None and self.beeindigd_op is None

    def dekt(self, uitkomst: str) -> bool:
        uitkomsten = UITKOMSTEN_VAN[Reikwijdte(self.reikwijdte)]
        return uitkomsten is None or uitkomst in uitkomsten

    def geldig_op(self, dag) -> bool:
        return self.geldig_van <= dag and (
            self.geldig_tot is None or dag <= self.geldig_tot
        )
