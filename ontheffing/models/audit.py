"""The audit trail: append-only, hash-chained per case."""

import hashlib
import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone

from ontheffing.states import Actie, Status


class OnveranderbaarError(Exception):
    """Raised on an attempt to change or delete what may only be added."""


class GebeurtenisQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise OnveranderbaarError("Gebeurtenissen kunnen niet worden gewijzigd.")

    def delete(self):
        raise OnveranderbaarError("Gebeurtenissen kunnen niet worden verwijderd.")

    def voor_aanvrager(self):
        return self.filter(intern=False)


class Gebeurtenis(models.Model):
    """One event of a case's history. Never updated or deleted through the app:
    the model refuses it, the admin is read-only and (on PostgreSQL) a trigger
    refuses it in the database. ``hash`` covers the content and the previous
    event's hash of the same case, so a change made behind the app's back shows
    in ``manage.py audit_controleren``."""

    verzoek = models.ForeignKey(
        "ontheffing.Verzoek", on_delete=models.PROTECT, related_name="gebeurtenissen"
    )
    tijdstip = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    actie = models.CharField(max_length=40, choices=Actie.choices)
    van_status = models.CharField(max_length=30, choices=Status.choices, blank=True)
    naar_status = models.CharField(max_length=30, choices=Status.choices, blank=True)
    reden = models.TextField(blank=True)
    details = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    intern = models.BooleanField(
        default=False, help_text="Alleen zichtbaar voor medewerkers van de provincie."
    )
    vorige_hash = models.CharField(max_length=64, blank=True)
    hash = models.CharField(max_length=64, blank=True)

    objects = GebeurtenisQuerySet.as_manager()

    class Meta:
        ordering = ["tijdstip", "pk"]
        verbose_name = "gebeurtenis"
        verbose_name_plural = "gebeurtenissen"

    def __str__(self):
        return f"{self.get_actie_display()} ({self.tijdstip:%Y-%m-%d %H:%M})"

    def save(self, *args, **kwargs):
        if self.pk is not None or not self._state.adding:
            raise OnveranderbaarError("Gebeurtenissen kunnen niet worden gewijzigd.")
        # Normalise the details through JSON so the hash covers what is stored.
        self.details = json.loads(json.dumps(self.details, cls=DjangoJSONEncoder))
        vorige = (
            Gebeurtenis.objects.filter(verzoek_id=self.verzoek_id)
            .order_by("-pk")
            .values_list("hash", flat=True)
            .first()
        )
        self.vorige_hash = vorige or ""
        self.hash = self.bereken_hash()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise OnveranderbaarError("Gebeurtenissen kunnen niet worden verwijderd.")

    def inhoud(self) -> str:
        """The canonical text the hash covers."""
        return json.dumps(
            {
                "verzoek": self.verzoek_id,
                "tijdstip": self.tijdstip.isoformat(),
                "actor": self.actor_id,
                "actie": self.actie,
                "van": self.van_status,
                "naar": self.naar_status,
                "reden": self.reden,
                "details": self.details,
                "intern": self.intern,
                "vorige": self.vorige_hash,
            },
            sort_keys=True,
            cls=DjangoJSONEncoder,
            ensure_ascii=False,
        )

    def bereken_hash(self) -> str:
        return hashlib.sha256(self.inhoud().encode()).hexdigest()


def controleer_keten(verzoek_id) -> tuple[bool, str]:
    """Verify one case's chain; returns (ok, description of the first broken link)."""
    vorige = ""
    for g in Gebeurtenis.objects.filter(verzoek_id=verzoek_id).order_by("pk"):
        if g.vorige_hash != vorige:
            return False, f"gebeurtenis {g.pk}: verwijzing naar de vorige klopt niet"
        if g.bereken_hash() != g.hash:
            return False, f"gebeurtenis {g.pk}: inhoud is gewijzigd"
        vorige = g.hash
    return True, ""
