"""Reference data: provinces and municipalities (CBS), waterschappen and regelingen."""

from django.db import models


class Provincie(models.Model):
    """One of the twelve provinces, with what its letters need (editable by its beheerder)."""

    code = models.CharField("CBS-code", max_length=4, unique=True)
    naam = models.CharField(max_length=100)
    postadres = models.TextField(blank=True, help_text="Eén regel per adresregel.")
    bezoekadres = models.TextField(blank=True, help_text="Eén regel per adresregel.")
    telefoon = models.CharField(max_length=40, blank=True)
    email = models.EmailField("e-mailadres", blank=True)
    website = models.CharField(max_length=200, blank=True)
    # The texts behind the footer's links; empty = the default of the product
    # (``templates/voet/``), which the province replaces in Beheer.
    privacyverklaring = models.TextField(
        blank=True,
        help_text="Wat de provincie met persoonsgegevens doet, waarom, hoelang, en de "
        "rechten onder de AVG. Leeg: de standaardtekst. Lege regel = nieuwe alinea.",
    )
    toegankelijkheidsverklaring = models.TextField(
        blank=True,
        help_text="De toegankelijkheidsverklaring van deze dienst, of een verwijzing "
        "ernaar. Leeg: de standaardtekst. Lege regel = nieuwe alinea.",
    )
    cdk_naam = models.CharField(
        "naam Commissaris van de Koning", max_length=200, blank=True
    )
    secretaris_naam = models.CharField(
        "naam provinciesecretaris", max_length=200, blank=True
    )
    logo_png = models.BinaryField(
        "logo (PNG)",
        null=True,
        blank=True,
        editable=False,
        help_text="Het logo in het briefhoofd; zonder eigen logo een neutraal beeldmerk.",
    )
    afschrift_aan = models.TextField(
        "afschrift aan",
        blank=True,
        help_text="Vaste ontvangers van een afschrift van elk besluit, één per regel.",
    )
    afschrift_emails = models.TextField(
        "e-mailadressen voor afschriften",
        blank=True,
        help_text="Eén e-mailadres per regel; zij krijgen een afschrift van de besluiten "
        "met een uitkomst hieronder.",
    )
    afschrift_uitkomsten = models.JSONField(
        "afschrift bij de uitkomsten",
        default=list,
        blank=True,
        help_text="De uitkomsten waarvan een afschrift gaat, bijvoorbeeld "
        '["verleend", "gedeeltelijk_verleend"]. Leeg: geen afschrift.',
    )

    class Meta:
        ordering = ["naam"]
        verbose_name_plural = "provincies"

    def __str__(self):
        return self.naam

    def afschrift_voor(self, uitkomst: str) -> tuple[str, ...]:
        """Who gets a copy of a decision with this outcome: no one unless the
        province chose this outcome and configured an address to send it to
        (a letter says a copy went only if it did)."""
        if uitkomst not in (self.afschrift_uitkomsten or ()) or not self.regels(
            self.afschrift_emails
        ):
            return ()
        return self.regels(self.afschrift_aan)

    @staticmethod
    def regels(tekst: str) -> tuple[str, ...]:
        return tuple(r.strip() for r in tekst.splitlines() if r.strip())


class Gemeente(models.Model):
    code = models.CharField("CBS-code", max_length=6, unique=True)
    naam = models.CharField(max_length=100)
    provincie = models.ForeignKey(
        Provincie, on_delete=models.PROTECT, related_name="gemeenten"
    )
    inwoners = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["naam"]
        verbose_name_plural = "gemeenten"

    def __str__(self):
        return self.naam


class Waterschap(models.Model):
    """Entered by a province's beheerder; no list ships with the product."""

    naam = models.CharField(max_length=200)
    provincie = models.ForeignKey(
        Provincie, on_delete=models.PROTECT, related_name="waterschappen"
    )

    class Meta:
        ordering = ["naam"]
        verbose_name_plural = "waterschappen"
        constraints = [
            models.UniqueConstraint(
                fields=["provincie", "naam"], name="uniek_waterschap"
            )
        ]

    def __str__(self):
        return self.naam


class Regeling(models.Model):
    """A gemeenschappelijke regeling (openbaar lichaam or bedrijfsvoeringsorganisatie)."""

    naam = models.CharField(max_length=200)
    provincie = models.ForeignKey(
        Provincie, on_delete=models.PROTECT, related_name="regelingen"
    )

    class Meta:
        ordering = ["naam"]
        verbose_name = "gemeenschappelijke regeling"
        verbose_name_plural = "gemeenschappelijke regelingen"
        constraints = [
            models.UniqueConstraint(fields=["provincie", "naam"], name="uniek_regeling")
        ]

    def __str__(self):
        return self.naam
