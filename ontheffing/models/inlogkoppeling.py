"""The link between an outside identity (the province's identity provider, DigiD)
and an account. It is the only place such an identifier is stored."""

from django.db import models


class Inlogbron(models.TextChoices):
    OIDC = "oidc", "Organisatieaccount (OpenID Connect)"
    DIGID = "digid", "DigiD"


class Inlogkoppeling(models.Model):
    gebruiker = models.ForeignKey(
        "ontheffing.Gebruiker", on_delete=models.CASCADE, related_name="koppelingen"
    )
    bron = models.CharField(max_length=10, choices=Inlogbron.choices)
    sleutel = models.CharField(
        max_length=255,
        help_text="Het onderwerp (sub) bij de identity provider, per issuer; bij "
        "DigiD een HMAC van het BSN, nooit het BSN zelf.",
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "inlogkoppeling"
        verbose_name_plural = "inlogkoppelingen"
        constraints = [
            models.UniqueConstraint(
                fields=["bron", "sleutel"], name="koppeling_uniek_per_bron"
            )
        ]

    def __str__(self):
        return f"{self.get_bron_display()} van {self.gebruiker_id}"


class DigidMachtiging(models.Model):
    """A request filed with DigiD Machtigen: who acted for whom, each as the
    HMAC of the BSN (the same key as the DigiD ``Inlogkoppeling``; never the
    number itself), and the service the mandate was given for. Written once, at
    submission; the same values are in the audit event of the submission."""

    verzoek = models.OneToOneField(
        "ontheffing.Verzoek", on_delete=models.CASCADE, related_name="digid_machtiging"
    )
    gemachtigde = models.CharField(
        max_length=64, help_text="HMAC van het BSN van wie handelde (de gemachtigde)."
    )
    vertegenwoordigde = models.CharField(
        max_length=64,
        help_text="HMAC van het BSN van wie werd vertegenwoordigd (de ambtsdrager).",
    )
    dienst = models.CharField(
        max_length=200,
        help_text="De dienst bij DigiD Machtigen waarvoor werd gemachtigd.",
    )
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "DigiD-machtiging"
        verbose_name_plural = "DigiD-machtigingen"

    def __str__(self):
        return f"DigiD-machtiging bij verzoek {self.verzoek_id}"
