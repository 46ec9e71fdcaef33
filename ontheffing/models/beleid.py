"""The province's beleidsregel (Awb 4:81): versioned criteria and voorschriften.

A version that a case has been assessed against is never changed, only
succeeded by a new version (the decision records which version it applied).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from ontheffing.models.audit import OnveranderbaarError

STANDAARD_CRITERIA = (
    (
        "totstandkoming",
        "Totstandkoming",
        "Is de overeenkomst op een transparante wijze tot stand gekomen (openbare of "
        "meervoudige procedure, openbare verkoop of verhuur, gepubliceerde standaardtarieven) "
        "en past zij binnen de inkoopregels van de gemeente?",
    ),
    (
        "marktconformiteit",
        "Marktconformiteit",
        "Zijn prijs en voorwaarden niet gunstiger dan die welke een derde zou krijgen?",
    ),
    (
        "geen_betrokkenheid",
        "Geen betrokkenheid",
        "Heeft de ambtsdrager niet deelgenomen aan de voorbereiding, gunning of besluitvorming, "
        "had hij geen informatievoorsprong, en onthoudt hij zich van beraadslaging en stemming "
        "over verwante onderwerpen (artikel 28 Gemeentewet)?",
    ),
    (
        "omvang_en_duur",
        "Omvang en duur",
        "Staan de waarde en de looptijd in verhouding tot de betrokken belangen?",
    ),
    (
        "bijzondere_omstandigheden",
        "Bijzondere omstandigheden",
        "Zijn er bijzondere omstandigheden, zoals de enige (lokale) leverancier of spoed?",
    ),
    (
        "schijn_van_belangenverstrengeling",
        "Schijn van belangenverstrengeling",
        "Ontstaat in de lokale context geen schijn van belangenverstrengeling? Strenger voor "
        "bestuurders (wethouder, secretaris, griffier) en binnen de eigen portefeuille.",
    ),
)

STANDAARD_VOORSCHRIFTEN = (
    "Deze ontheffing geldt uitsluitend voor de in dit besluit omschreven overeenkomst, "
    "tussen de daarin genoemde partijen, met het daarin genoemde onderwerp en de daarin "
    "genoemde looptijd.",
    "U neemt niet deel aan de beraadslaging en stemming over onderwerpen die met deze "
    "overeenkomst samenhangen (artikel 28 Gemeentewet).",
    "Voor verlenging, uitbreiding of een wezenlijke wijziging van de overeenkomst is een "
    "nieuwe ontheffing nodig.",
    "U meldt wijzigingen in de feiten waarop deze ontheffing berust onverwijld aan "
    "Gedeputeerde Staten.",
    "Deze ontheffing geldt ten hoogste voor de lopende zittingsperiode.",
)


class Beleidsregel(models.Model):
    provincie = models.ForeignKey(
        "ontheffing.Provincie", on_delete=models.PROTECT, related_name="beleidsregels"
    )
    versie = models.PositiveIntegerField()
    geldig_vanaf = models.DateField()
    titel = models.CharField(
        max_length=200,
        help_text="Bijvoorbeeld: Beleidskader verboden handelingen Gelderland 2026",
    )
    voorschriften = models.JSONField("standaardvoorschriften", default=list, blank=True)
    aangemaakt_op = models.DateTimeField(default=timezone.now)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["provincie", "-geldig_vanaf", "-versie"]
        verbose_name_plural = "beleidsregels"
        constraints = [
            models.UniqueConstraint(fields=["provincie", "versie"], name="uniek_versie")
        ]

    def __str__(self):
        return f"{self.titel}, versie {self.versie}"

    def save(self, *args, **kwargs):
        if self.in_gebruik:
            raise OnveranderbaarError(
                "Deze versie is al toegepast en kan niet meer worden gewijzigd; "
                "maak een nieuwe versie."
            )
        super().save(*args, **kwargs)

    @property
    def in_gebruik(self) -> bool:
        return (
            self.pk is not None
            and Criteriumoordeel.objects.filter(criterium__beleidsregel=self).exists()
        )

    @classmethod
    def geldend(cls, provincie, op):
        """The version in force on a date (the date of receipt of a case)."""
        return (
            cls.objects.filter(provincie=provincie, geldig_vanaf__lte=op)
            .order_by("-geldig_vanaf", "-versie")
            .first()
        )


class Criterium(models.Model):
    beleidsregel = models.ForeignKey(
        Beleidsregel, on_delete=models.PROTECT, related_name="criteria"
    )
    volgorde = models.PositiveIntegerField(default=0)
    code = models.SlugField(max_length=50)
    titel = models.CharField(max_length=200)
    vraag = models.TextField()
    toelichting = models.TextField(blank=True)

    class Meta:
        ordering = ["beleidsregel", "volgorde", "pk"]
        verbose_name_plural = "criteria"
        constraints = [
            models.UniqueConstraint(
                fields=["beleidsregel", "code"], name="uniek_criterium"
            )
        ]

    def __str__(self):
        return self.titel

    def save(self, *args, **kwargs):
        if self.beleidsregel.in_gebruik:
            raise OnveranderbaarError(
                "Deze versie is al toegepast; maak een nieuwe versie."
            )
        super().save(*args, **kwargs)


class Oordeel(models.TextChoices):
    VOLDAAN = "voldaan", "Voldaan"
    NIET_VOLDAAN = "niet_voldaan", "Niet voldaan"
    NIET_VAN_TOEPASSING = "niet_van_toepassing", "Niet van toepassing"


class Criteriumoordeel(models.Model):
    """The behandelaar's judgement of one criterion for one case (Awb 3:46)."""

    verzoek = models.ForeignKey(
        "ontheffing.Verzoek", on_delete=models.PROTECT, related_name="oordelen"
    )
    criterium = models.ForeignKey(Criterium, on_delete=models.PROTECT, related_name="+")
    oordeel = models.CharField(max_length=30, choices=Oordeel.choices)
    motivering = models.TextField()

    class Meta:
        ordering = ["criterium__volgorde", "pk"]
        verbose_name_plural = "criteriumoordelen"
        constraints = [
            models.UniqueConstraint(
                fields=["verzoek", "criterium"], name="uniek_oordeel"
            )
        ]

    def __str__(self):
        return f"{self.criterium}: {self.get_oordeel_display()}"


def standaard_beleidsregel(provincie, geldig_vanaf):
    """Create version 1 of a province's beleidsregel from the BZK model (README, "Referentiedata")."""
    regel = Beleidsregel.objects.create(
        provincie=provincie,
        versie=1,
        geldig_vanaf=geldig_vanaf,
        titel=f"Beleidskader verboden handelingen {provincie.naam} {geldig_vanaf.year}",
        voorschriften=list(STANDAARD_VOORSCHRIFTEN),
    )
    Criterium.objects.bulk_create(
        Criterium(beleidsregel=regel, volgorde=i, code=code, titel=titel, vraag=vraag)
        for i, (code, titel, vraag) in enumerate(STANDAARD_CRITERIA, start=1)
    )
    return regel
