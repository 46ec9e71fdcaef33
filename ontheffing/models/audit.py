"""The audit trails: append-only records, hash-chained per case (and per
province for beheer, ``models/beheer.py``)."""

import hashlib
import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone

from ontheffing.states import Actie, Status


class OnveranderbaarError(Exception):
    """Raised on an attempt to change or delete what may only be added."""


class VastleggingQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise OnveranderbaarError(
            f"{self.model._meta.verbose_name_plural} kunnen niet worden gewijzigd."
        )

    def delete(self):
        raise OnveranderbaarError(
            f"{self.model._meta.verbose_name_plural} kunnen niet worden verwijderd."
        )


class Vastlegging(models.Model):
    """An append-only record, hash-chained per ``KETEN`` (the field that groups a
    chain: a case, a province). ``hash`` covers ``inhoud_velden()`` and the
    previous record's hash, so a change made behind the application's back shows
    in ``controleer_keten``. The model refuses updates and deletes; the admin is
    read-only; on PostgreSQL a trigger refuses them in the database."""

    KETEN = ""

    vorige_hash = models.CharField(max_length=64, blank=True)
    hash = models.CharField(max_length=64, blank=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None or not self._state.adding:
            raise OnveranderbaarError(
                f"{self._meta.verbose_name_plural} kunnen niet worden gewijzigd."
            )
        # Normalise the details through JSON so the hash covers what is stored.
        self.details = json.loads(json.dumps(self.details, cls=DjangoJSONEncoder))
        keten = {f"{self.KETEN}_id": getattr(self, f"{self.KETEN}_id")}
        vorige = (
            type(self)
            .objects.filter(**keten)
            .order_by("-pk")
            .values_list("hash", flat=True)
            .first()
        )
        self.vorige_hash = vorige or ""
        self.hash = self.bereken_hash()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise OnveranderbaarError(
            f"{self._meta.verbose_name_plural} kunnen niet worden verwijderd."
        )

    def inhoud_velden(self) -> dict:
        raise NotImplementedError

    def inhoud(self) -> str:
        """The canonical text the hash covers."""
        return json.dumps(
            {**self.inhoud_velden(), "vorige": self.vorige_hash},
            sort_keys=True,
            cls=DjangoJSONEncoder,
            ensure_ascii=False,
        )

    def bereken_hash(self) -> str:
        return hashlib.sha256(self.inhoud().encode()).hexdigest()


def controleer_records(records, naam: str) -> tuple[bool, str]:
    """Walk a chain in order; (ok, the first broken link in Dutch)."""
    vorige = ""
    for record in records.order_by("pk"):
        if record.vorige_hash != vorige:
            return False, f"{naam} {record.pk}: verwijzing naar de vorige klopt niet"
        if record.bereken_hash() != record.hash:
            return False, f"{naam} {record.pk}: inhoud is gewijzigd"
        vorige = record.hash
    return True, ""


class GebeurtenisQuerySet(VastleggingQuerySet):
    def voor_aanvrager(self):
        return self.filter(intern=False)


class Gebeurtenis(Vastlegging):
    """One event of a case's history, chained per case (see ``Vastlegging``)."""

    KETEN = "verzoek"

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
    objects = GebeurtenisQuerySet.as_manager()

    class Meta:
        ordering = ["tijdstip", "pk"]
        verbose_name = "gebeurtenis"
        verbose_name_plural = "gebeurtenissen"

    def __str__(self):
        return f"{self.get_actie_display()} ({self.tijdstip:%Y-%m-%d %H:%M})"

    def inhoud_velden(self) -> dict:
        return {
            "verzoek": self.verzoek_id,
            "tijdstip": self.tijdstip.isoformat(),
            "actor": self.actor_id,
            "actie": self.actie,
            "van": self.van_status,
            "naar": self.naar_status,
            "reden": self.reden,
            "details": self.details,
            "intern": self.intern,
        }


def controleer_keten(verzoek_id) -> tuple[bool, str]:
    """Verify one case's chain; returns (ok, description of the first broken link)."""
    return controleer_records(
        Gebeurtenis.objects.filter(verzoek_id=verzoek_id), "gebeurtenis"
    )
