"""A case's documents: stored under random names, served only through views
that check who may see the case."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Bijlagesoort(models.TextChoices):
    OVEREENKOMST = "overeenkomst", "(Concept)overeenkomst of offerte"
    TOTSTANDKOMING = "totstandkoming", "Stukken over de totstandkoming"
    RELATIE = "relatie", "Bewijs van de relatie (bijvoorbeeld een KvK-uittreksel)"
    NIET_BETROKKEN = "niet_betrokken", "Verklaring van niet-betrokkenheid"
    MACHTIGING = "machtiging", "Machtiging"
    VERKLARING_GEMEENTE = (
        "verklaring_gemeente",
        "Verklaring van de gemeente over de inkoop",
    )
    AANVULLING = "aanvulling", "Aanvulling"
    ZIENSWIJZE = "zienswijze", "Zienswijze"
    ANDERS = "anders", "Ander document"
    # The PDF copy of the request as submitted, made by ``verzoek_indienen``.
    VERZOEK = "verzoek", "Verzoek zoals ingediend (PDF)"


def bijlage_pad(instance, filename):
    """A random name outside any public path; the original name is kept in the row."""
    import uuid

    return f"bijlagen/{uuid.uuid4().hex}"


class Bijlage(models.Model):
    verzoek = models.ForeignKey(
        "ontheffing.Verzoek", on_delete=models.PROTECT, related_name="bijlagen"
    )
    soort = models.CharField(max_length=30, choices=Bijlagesoort.choices)
    bestand = models.FileField(upload_to=bijlage_pad, max_length=200)
    bestandsnaam = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    grootte = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    geupload_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    geupload_op = models.DateTimeField(default=timezone.now)
    opschorting = models.ForeignKey(
        "ontheffing.Opschorting",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bijlagen",
    )
    # The item of a request for information (``Opschorting.ontbrekend``) this
    # document answers; empty when it answers none in particular.
    punt = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["geupload_op", "pk"]
        verbose_name_plural = "bijlagen"

    def __str__(self):
        return self.bestandsnaam

    @classmethod
    def opslaan(cls, *, verzoek, soort, bestand, door, **velden) -> "Bijlage":
        """Stores a checked upload (``uploads.GecontroleerdBestand``) as a
        document of the case: the file, with the name, type, size and hash the
        check established. ``velden``: ``opschorting`` and ``punt``, if any."""
        bijlage = cls(
            verzoek=verzoek,
            soort=soort,
            bestandsnaam=bestand.naam,
            content_type=bestand.content_type,
            grootte=bestand.grootte,
            sha256=bestand.sha256,
            geupload_door=door,
            **velden,
        )
        bijlage.bestand.save(bestand.naam, bestand.inhoud, save=False)
        bijlage.save()
        return bijlage
