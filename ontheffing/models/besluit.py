"""Issued letters: immutable bytes and their hash; the parts of a dictum; where
a forwarded request goes; the kenmerk counter."""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.functional import cached_property

from ontheffing.models.audit import OnveranderbaarError, Zegel


class Goedkeuring(models.TextChoices):
    """The decision on the approval of art. 3:43, third paragraph, BW."""

    VERLEEND = "verleend", "Goedkeuring verleend"
    GEWEIGERD = "geweigerd", "Goedkeuring geweigerd"


@dataclass(frozen=True)
class Dictumonderdeel:
    """One numbered decision of a partial decision: what it is about, granted
    or refused, and its own reasons (Awb 3:46)."""

    omschrijving: str
    verleend: bool
    motivering: str

    @classmethod
    def uit(cls, data: dict) -> "Dictumonderdeel":
        return cls(
            omschrijving=data.get("omschrijving", ""),
            verleend=bool(data.get("verleend")),
            motivering=data.get("motivering", ""),
        )

    def gegevens(self) -> dict:
        return {
            "omschrijving": self.omschrijving,
            "verleend": self.verleend,
            "motivering": self.motivering,
        }


class Orgaan(models.TextChoices):
    """The authorities a request can be forwarded to (Awb 2:3)."""

    MINISTER_BZK = "minister_bzk", "Minister van BZK"
    GS = "gs", "Gedeputeerde Staten"
    CDK = "cdk", "Commissaris van de Koning"


class Doorzendadres(models.Model):
    """The address of a competent authority: the Minister of BZK once, and the
    GS and the CdK of each province. Configured by the functional administrator
    (admin), so forwarding sends the request to a real address."""

    orgaan = models.CharField(max_length=20, choices=Orgaan.choices)
    provincie = models.ForeignKey(
        "ontheffing.Provincie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text="Leeg bij de minister.",
    )
    postadres = models.TextField(blank=True, help_text="Eén regel per adresregel.")
    email = models.EmailField("e-mailadres voor doorgezonden verzoeken")

    class Meta:
        verbose_name = "doorzendadres"
        verbose_name_plural = "doorzendadressen"
        constraints = [
            models.UniqueConstraint(
                fields=["orgaan", "provincie"], name="uniek_doorzendadres"
            )
        ]

    def __str__(self):
        return self.naam

    @property
    def naam(self) -> str:
        """As a letter names it mid-sentence."""
        if self.orgaan == Orgaan.MINISTER_BZK:
            return "de Minister van Binnenlandse Zaken en Koninkrijksrelaties"
        provincie = self.provincie.naam if self.provincie else ""
        if self.orgaan == Orgaan.CDK:
            return f"de Commissaris van de Koning in {provincie}"
        return f"Gedeputeerde Staten van {provincie}"


# Letters addressed to someone other than the applicant (a third party asked
# for their view, Awb 4:8): kept in the file, not shown in the applicant's portal.
AAN_DERDEN = ("zienswijze_derde",)


class Besluit(models.Model):
    """A letter as sent: a decision (beschikking) or a notice of forwarding.

    Created once, inside the transaction of the use case that issues it, and never
    changed: a wrong letter is corrected by a new decision."""

    verzoek = models.ForeignKey(
        "ontheffing.Verzoek", on_delete=models.PROTECT, related_name="besluiten"
    )
    soort = models.CharField(max_length=40)
    uitkomst = models.CharField(max_length=30, blank=True)
    datum = models.DateField()
    kenmerk = models.CharField(max_length=20)
    ondertekenaar = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    namens = models.BooleanField(default=False)
    # How the decision was taken: under this mandate (Awb 10:10), or by the
    # organ itself (GS in the meeting of ``genomen_op``; the CdK himself).
    mandaat = models.ForeignKey(
        "ontheffing.Mandaat",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="besluiten",
    )
    genomen_op = models.DateField("datum van de vergadering", null=True, blank=True)
    pdf = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    html = models.TextField()
    sjabloonversie = models.CharField(max_length=20)
    aangemaakt_op = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["aangemaakt_op", "pk"]
        verbose_name_plural = "besluiten"

    def __str__(self):
        return f"{self.kenmerk} ({self.soort}, {self.datum})"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise OnveranderbaarError(
                "Een verzonden besluit kan niet worden gewijzigd."
            )
        self.sha256 = hashlib.sha256(bytes(self.pdf)).hexdigest()
        with transaction.atomic():
            super().save(*args, **kwargs)
            Zegel.brief_verzegelen(self)

    def delete(self, *args, **kwargs):
        raise OnveranderbaarError("Een verzonden besluit kan niet worden verwijderd.")

    @property
    def omschrijving(self) -> str:
        """What the letter is, for the applicant: not every letter is a decision."""
        return {
            "aanvulling": "het verzoek om aanvulling",
            "doorzending": "de brief over de doorzending",
            "zienswijze_derde": "de brief met het verzoek om een zienswijze",
            "dwangsom": "het besluit over de dwangsom",
        }.get(self.soort, "het besluit")

    @property
    def bestandsnaam(self) -> str:
        voorvoegsel = {
            "aanvulling": "verzoek-om-aanvulling",
            "zienswijze_derde": f"verzoek-om-zienswijze-{self.pk or ''}".rstrip("-"),
            "dwangsom": "dwangsombesluit",
        }.get(self.soort, "besluit")
        return f"{voorvoegsel}-{self.kenmerk}.pdf"

    def integer(self) -> bool:
        return hashlib.sha256(bytes(self.pdf)).hexdigest() == self.sha256

    # Proof of sending. The letter itself never changes; how it was made known
    # is the outbox message that carries it to the applicant (artikel 3:41 Awb).
    @cached_property
    def bekendmaking(self):
        return self.berichten.filter(bekendmaking=True).order_by("pk").first()

    @cached_property
    def per_post(self):
        """The printed copy that makes the letter known, for an applicant
        who receives letters by post (``Poststuk``), or None."""
        return self.poststukken.filter(bekendmaking=True).order_by("pk").first()

    @property
    def verzonden_op(self):
        """The day the letter was sent to the applicant (by e-mail, or the
        day staff recorded it was posted), or None while not."""
        post = self.per_post
        if post is not None:
            return post.gepost_op
        bericht = self.bekendmaking
        return bericht.verzenddatum if bericht else None

    @property
    def verzendwijze(self) -> str:
        return "per post" if self.per_post is not None else "per e-mail"

    @property
    def bezwaartermijn_einde(self):
        """Six weeks from the day after sending (artikel 6:7 and 6:8 Awb), not
        from the date of the decision; None while the letter was not sent, and
        for what is no decision: a notice of forwarding (artikel 2:3 Awb) or a
        request for completion (artikel 4:5 Awb)."""
        from ontheffing.brieven.opmaak import Briefsoort
        from ontheffing.termijnen import bezwaartermijn_einde

        verzonden = self.verzonden_op
        if not verzonden or self.soort in (
            Briefsoort.DOORZENDING,
            Briefsoort.AANVULLING,
            Briefsoort.ZIENSWIJZE_DERDE,
        ):
            return None
        return bezwaartermijn_einde(verzonden)


class Kenmerkteller(models.Model):
    """The last number given per province and year; locked while a number is taken."""

    provincie = models.ForeignKey("ontheffing.Provincie", on_delete=models.PROTECT)
    jaar = models.PositiveIntegerField()
    laatste = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["provincie", "jaar"], name="uniek_teller")
        ]

    def __str__(self):
        return f"{self.provincie_id}/{self.jaar}: {self.laatste}"


class Staptelling(models.Model):
    """How many submitted cases of a province stand in each state.

    Kept by the services in the transaction of every transition, so the
    worklist shows its counts per step without counting 100,000 rows.
    ``manage.py audit_controleren`` compares them with the cases and
    ``manage.py tellingen_herberekenen`` repairs them."""

    provincie = models.ForeignKey("ontheffing.Provincie", on_delete=models.PROTECT)
    status = models.CharField(max_length=30)
    aantal = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["provincie", "status"], name="uniek_stap")
        ]

    def __str__(self):
        return f"{self.provincie_id}/{self.status}: {self.aantal}"

    @classmethod
    def verplaats(cls, provincie_id: int, van: str, naar: str) -> None:
        """One case moved from ``van`` to ``naar``; concepts are not counted.
        Rows are updated in a fixed order, so two opposite moves at the same
        moment cannot deadlock on PostgreSQL."""
        from ontheffing.states import Status

        wijzigingen = {
            s: d for s, d in ((van, -1), (naar, +1)) if s and s != Status.CONCEPT
        }
        if not wijzigingen or van == naar:
            return
        cls.objects.bulk_create(
            [cls(provincie_id=provincie_id, status=s) for s in sorted(wijzigingen)],
            ignore_conflicts=True,
        )
        for status in sorted(wijzigingen):
            cls.objects.filter(provincie_id=provincie_id, status=status).update(
                aantal=models.F("aantal") + wijzigingen[status]
            )

    @classmethod
    def herbereken(cls) -> int:
        """Recount from the cases; returns the number of rows that were wrong."""
        from django.db.models import Count

        from ontheffing.models.verzoek import Verzoek
        from ontheffing.states import Status

        werkelijk = {
            (r["provincie_id"], r["status"]): r["n"]
            for r in Verzoek.objects.exclude(status=Status.CONCEPT)
            .order_by()
            .values("provincie_id", "status")
            .annotate(n=Count("pk"))
        }
        opgeslagen = {(t.provincie_id, t.status): t for t in cls.objects.all()}
        fout = 0
        for sleutel in werkelijk.keys() | opgeslagen.keys():
            aantal = werkelijk.get(sleutel, 0)
            rij = opgeslagen.get(sleutel)
            if rij is None:
                cls.objects.create(
                    provincie_id=sleutel[0], status=sleutel[1], aantal=aantal
                )
                fout += aantal != 0
            elif rij.aantal != aantal:
                cls.objects.filter(pk=rij.pk).update(aantal=aantal)
                fout += 1
        return fout
