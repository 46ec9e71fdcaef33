"""The audit trails: append-only records, hash-chained per case (and per
province for beheer, ``models/beheer.py``)."""

import hashlib
import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

from ontheffing import zegels
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
    in ``controleer_keten``; the chain's head is sealed with a key outside the
    database (``Zegel``). The model refuses updates and deletes; the admin is
    read-only; on PostgreSQL a trigger refuses them in the database and the
    application's role has no right to them."""

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
        keten_id = getattr(self, f"{self.KETEN}_id")
        keten = type(self).objects.filter(**{f"{self.KETEN}_id": keten_id})
        with transaction.atomic():
            self._keten_vergrendelen(keten_id)
            vorige = keten.order_by("-pk").values_list("hash", flat=True).first()
            self.vorige_hash = vorige or ""
            self.hash = self.bereken_hash()
            super().save(*args, **kwargs)
            Zegel.keten_verzegelen(self.KETEN, keten_id, keten.count(), self.hash)

    def _keten_vergrendelen(self, keten_id) -> None:
        """Serialise appends to one chain: lock the row the chain hangs on (the
        case, the province) until the transaction ends, so two events can never
        both follow the same previous one. FOR NO KEY UPDATE does not wait for
        inserts that merely reference the row. On SQLite every transaction
        already takes the write lock at its start (settings)."""
        ketenmodel = self._meta.get_field(self.KETEN).related_model
        list(
            ketenmodel.objects.filter(pk=keten_id)
            .select_for_update(no_key=True)
            .values_list("pk", flat=True)
        )

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


def ketenbreuken(records, naam: str) -> list[str]:
    """Walk a chain (records in pk order) and describe, in Dutch, every broken link (not
    only the first): a changed record and a record that does not follow the
    one before it. Each record is compared with the stored hash of the one
    before, so one change is reported once and the rest is still checked."""
    fouten = []
    vorige = ""
    for record in records:
        if record.vorige_hash != vorige:
            fouten.append(f"{naam} {record.pk}: verwijzing naar de vorige klopt niet")
        if record.bereken_hash() != record.hash:
            fouten.append(f"{naam} {record.pk}: inhoud is gewijzigd")
        vorige = record.hash
    return fouten


def controleer_records(records, naam: str) -> tuple[bool, str]:
    """(ok, every broken link in Dutch, separated by "; ")."""
    fouten = ketenbreuken(records.order_by("pk"), naam)
    return not fouten, "; ".join(fouten)


class Zegel(models.Model):
    """The keyed seal over a chain's head (``soort`` "verzoek" or "provincie",
    ``sleutel`` its pk) or over an issued letter (``soort`` "besluit"). A chain's
    seal covers how many records it has and the last hash, so deleting the tail
    or all of a chain, or recomputing it after an edit, shows without the key
    (``zegels.py``). Never deleted; a chain's seal is replaced on each append."""

    soort = models.CharField(max_length=20)
    sleutel = models.BigIntegerField()
    verzoek_pk = models.BigIntegerField(
        null=True, blank=True, help_text="Het verzoek waartoe het behoort."
    )
    aantal = models.PositiveIntegerField(default=0)
    kop = models.CharField(max_length=64, blank=True)
    zegel = models.CharField(max_length=64)
    bijgewerkt_op = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["soort", "sleutel"], name="uniek_zegel")
        ]
        verbose_name_plural = "zegels"

    def __str__(self):
        return f"{self.soort} {self.sleutel}"

    def delete(self, *args, **kwargs):
        raise OnveranderbaarError("Een zegel kan niet worden verwijderd.")

    @classmethod
    def keten_verzegelen(cls, soort: str, sleutel: int, aantal: int, kop: str):
        cls.objects.update_or_create(
            soort=soort,
            sleutel=sleutel,
            defaults={
                "verzoek_pk": sleutel if soort == "verzoek" else None,
                "aantal": aantal,
                "kop": kop,
                "zegel": zegels.zegel(zegels.ketenbericht(soort, sleutel, aantal, kop)),
                "bijgewerkt_op": timezone.now(),
            },
        )

    @classmethod
    def brief_verzegelen(cls, besluit) -> None:
        cls.objects.create(
            soort="besluit",
            sleutel=besluit.pk,
            verzoek_pk=besluit.verzoek_id,
            aantal=1,
            kop=besluit.sha256,
            zegel=zegels.zegel(brief_bericht(besluit)),
        )


def brief_bericht(besluit) -> str:
    return zegels.briefbericht(
        besluit_id=besluit.pk,
        verzoek_id=besluit.verzoek_id,
        soort=besluit.soort,
        uitkomst=besluit.uitkomst,
        datum=besluit.datum,
        kenmerk=besluit.kenmerk,
        pdf=besluit.pdf,
        html=besluit.html,
    )


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
