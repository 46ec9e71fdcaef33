"""What the rate limit on password-reset requests counts."""

from django.db import models


class Herstelpoging(models.Model):
    """One password-reset request, under a keyed hash of the address or the
    client (never the address itself); rows older than the window are removed."""

    sleutel = models.CharField(max_length=64)
    tijdstip = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["sleutel", "tijdstip"])]
        verbose_name = "herstelpoging"
        verbose_name_plural = "herstelpogingen"

    def __str__(self):
        return f"{self.sleutel[:8]} {self.tijdstip:%Y-%m-%d %H:%M}"
