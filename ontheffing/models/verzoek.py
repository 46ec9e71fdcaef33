"""The case (Verzoek) and its workflow; the suspension ledger and documents.

The state field is protected: only the ``@transition`` methods below change it,
and they change nothing but the case in memory. The use cases in
``ontheffing.services`` check who may act, call a transition, save, audit and
send mail.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from django_fsm import RETURN_VALUE, ConcurrentTransitionMixin, FSMField, transition

from ontheffing import kwalificatie as kw
from ontheffing import permissions, termijnen
from ontheffing.states import OPEN_STATUSSEN, Bestuursorgaan, Rol, Status, Uitkomst


def keuzes(enum_cls):
    return kw.keuzes(enum_cls)


class VerzoekQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user):
        """The one rule of visibility: applicants see what they filed or what was
        filed for them; behandelaars and beslissers see their own province's
        submitted cases (never concepts); nobody else sees anything."""
        if not permissions.is_actief(user):
            return self.none()
        if user.rol == Rol.AANVRAGER:
            return self.filter(
                models.Q(ingediend_door=user) | models.Q(ambtsdrager=user)
            )
        if (
            user.rol not in (Rol.BEHANDELAAR, Rol.BESLISSER)
            or user.provincie_id is None
        ):
            return self.none()  # a beheerder manages the province, not its cases
        return self.filter(provincie_id=user.provincie_id).exclude(
            status=Status.CONCEPT
        )

    def open(self):
        return self.filter(status__in=OPEN_STATUSSEN)


class Verzoek(ConcurrentTransitionMixin, models.Model):
    # --- identity and routing
    provincie = models.ForeignKey(
        "ontheffing.Provincie", on_delete=models.PROTECT, related_name="verzoeken"
    )
    kenmerk = models.CharField(max_length=20, unique=True, null=True, blank=True)
    jaar = models.PositiveIntegerField(null=True, blank=True)
    volgnummer = models.PositiveIntegerField(null=True, blank=True)
    status = FSMField(
        default=Status.CONCEPT, choices=Status.choices, protected=True, db_index=True
    )
    bestuursorgaan = models.CharField(
        max_length=3, choices=Bestuursorgaan.choices, default=Bestuursorgaan.GS
    )
    behandelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    # --- who asks: the account that filed it, and the office holder
    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="ingediende_verzoeken",
    )
    namens = models.BooleanField(
        "ingediend namens een ander",
        default=False,
        help_text="De indiener is gemachtigde (bijvoorbeeld de griffier); een machtiging is verplicht.",
    )
    ambtsdrager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="verzoeken_als_ambtsdrager",
        help_text="Het account van de ambtsdrager, als die er een heeft.",
    )
    naam = models.CharField("naam ambtsdrager", max_length=200, blank=True)
    aanspreekvorm = models.CharField(max_length=10, default="neutraal", blank=True)
    adres = models.CharField("straat en huisnummer", max_length=200, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    woonplaats = models.CharField(max_length=100, blank=True)
    email = models.EmailField("e-mailadres ambtsdrager", blank=True)
    telefoon = models.CharField(max_length=40, blank=True)

    # --- the office and the body
    ambt = models.CharField(max_length=40, choices=keuzes(kw.Ambt), blank=True)
    ambtsstatus = models.CharField(
        max_length=20, choices=keuzes(kw.Ambtsstatus), default=kw.Ambtsstatus.IN_FUNCTIE
    )
    in_functie_sinds = models.DateField(null=True, blank=True)
    gemeente = models.ForeignKey(
        "ontheffing.Gemeente", on_delete=models.PROTECT, null=True, blank=True
    )
    waterschap = models.ForeignKey(
        "ontheffing.Waterschap", on_delete=models.PROTECT, null=True, blank=True
    )
    regeling = models.ForeignKey(
        "ontheffing.Regeling", on_delete=models.PROTECT, null=True, blank=True
    )

    # --- the intended act and agreement (the facts of kwalificatie.Feiten and more)
    handeling = models.CharField(
        max_length=60, choices=keuzes(kw.Handeling), blank=True
    )
    wederpartij = models.CharField(
        max_length=40,
        choices=keuzes(kw.Wederpartij),
        default=kw.Wederpartij.EIGEN_LICHAAM,
    )
    relatie = models.CharField(
        max_length=60, choices=keuzes(kw.Relatie), default=kw.Relatie.RECHTSTREEKS
    )
    via_wie = models.CharField(
        "via wie",
        max_length=200,
        blank=True,
        help_text="Bij middellijk: de rechtspersoon, partner of hoofdaannemer.",
    )
    onderhands = models.BooleanField(null=True, blank=True, default=True)
    om_niet = models.BooleanField("om niet", default=False)
    aangegaan = models.CharField(
        max_length=30, choices=keuzes(kw.Aangegaan), default=kw.Aangegaan.NOG_NIET
    )
    verlenging = models.BooleanField(default=False)
    wederpartij_naam = models.CharField("wederpartij", max_length=200, blank=True)
    onderwerp = models.CharField("onderwerp", max_length=200, blank=True)
    omschrijving = models.TextField("omschrijving van de overeenkomst", blank=True)
    waarde = models.DecimalField(
        "waarde in euro's", max_digits=12, decimal_places=2, null=True, blank=True
    )
    looptijd_van = models.DateField(null=True, blank=True)
    looptijd_tot = models.DateField(null=True, blank=True)
    totstandkoming = models.TextField("hoe de overeenkomst tot stand komt", blank=True)
    betrokken_bij_besluitvorming = models.BooleanField(null=True, blank=True)
    onthouding = models.BooleanField(
        "onthoudt zich van beraadslaging en stemming", null=True, blank=True
    )
    toelichting_betrokkenheid = models.TextField(blank=True)
    verklaring = models.BooleanField("verklaring naar waarheid", default=False)

    # --- procedure
    ontvangen_op = models.DateField("datum van ontvangst", null=True, blank=True)
    verdaging_aangekondigd_op = models.DateField(null=True, blank=True)
    verdaging_nieuwe_datum = models.DateField(null=True, blank=True)
    verdaging_reden = models.TextField(blank=True)
    ingebrekestelling_ontvangen_op = models.DateField(null=True, blank=True)
    termijn_sleutel = models.DateField(
        null=True,
        blank=True,
        editable=False,
        help_text="Sorteersleutel van de werkvoorraad: de beslistermijn, met een lopende "
        "opschorting geteld tot het einde van de hersteltermijn. Bijgewerkt door de "
        "services bij elke wijziging die de termijn raakt.",
    )
    doorgezonden_aan = models.CharField(max_length=300, blank=True)
    zienswijze_van = models.CharField(max_length=300, blank=True)
    zienswijze_uiterlijk = models.DateField(null=True, blank=True)

    # --- qualification as confirmed by the behandelaar (engine's answer beside it)
    kwalificatie_feiten = models.JSONField(null=True, blank=True)
    kwalificatie_engine = models.JSONField(null=True, blank=True)
    kwalificatie = models.JSONField(null=True, blank=True)
    kwalificatie_motivering = models.TextField(blank=True)

    # --- the proposal and the outcome
    voorstel_uitkomst = models.CharField(
        max_length=30, choices=Uitkomst.choices, blank=True
    )
    voorstel_motivering = models.TextField(blank=True)
    voorstel_voorschriften = models.JSONField(default=list, blank=True)
    voorstel_bw_3_43 = models.BooleanField(default=False)
    voorstel_van_status = models.CharField(
        max_length=30, choices=Status.choices, blank=True
    )
    voorgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    uitkomst = models.CharField(max_length=30, choices=Uitkomst.choices, blank=True)
    afgehandeld_op = models.DateField(null=True, blank=True)

    aangemaakt_op = models.DateTimeField(default=timezone.now)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    objects = VerzoekQuerySet.as_manager()

    class Meta:
        verbose_name = "verzoek"
        verbose_name_plural = "verzoeken"
        ordering = ["-aangemaakt_op"]
        constraints = [
            models.UniqueConstraint(
                fields=["provincie", "jaar", "volgnummer"], name="uniek_volgnummer"
            )
        ]
        indexes = [
            models.Index(
                fields=["provincie", "status", "ontvangen_op"], name="werkvoorraad_idx"
            ),
            models.Index(
                fields=["provincie", "termijn_sleutel", "id"],
                name="werkvoorraad_termijn_idx",
            ),
        ]

    def __str__(self):
        return self.kenmerk or f"Concept {self.pk}"

    # ------------------------------------------------------------------ facts
    @property
    def lichaam(self):
        return self.gemeente or self.waterschap or self.regeling

    def feiten(self) -> kw.Feiten:
        """The applicant's facts as the qualification engine takes them."""
        return kw.Feiten(
            ambt=kw.Ambt(self.ambt),
            ambtsstatus=kw.Ambtsstatus(self.ambtsstatus),
            handeling=kw.Handeling(self.handeling),
            wederpartij=kw.Wederpartij(self.wederpartij),
            relatie=kw.Relatie(self.relatie),
            onderhands=self.onderhands,
            om_niet=self.om_niet,
            aangegaan=kw.Aangegaan(self.aangegaan),
            verlenging=self.verlenging,
            lichaam_in_provincie=self.lichaam_in_provincie,
        )

    @property
    def lichaam_in_provincie(self) -> bool | None:
        lichaam = self.lichaam
        if lichaam is None:
            return None
        return lichaam.provincie_id == self.provincie_id

    # ------------------------------------------------------------ deadlines
    def termijn_opschortingen(self) -> list[termijnen.Opschorting]:
        return [
            termijnen.Opschorting(van=o.van, tot=o.tot)
            for o in sorted(self.opschortingen.all(), key=lambda o: o.van)
        ]

    @property
    def verdaging(self) -> termijnen.Verdaging | None:
        if self.verdaging_nieuwe_datum is None:
            return None
        return termijnen.Verdaging(
            aangekondigd_op=self.verdaging_aangekondigd_op,
            nieuwe_datum=self.verdaging_nieuwe_datum,
        )

    def termijnopbouw(self, peildatum: date | None = None):
        if self.ontvangen_op is None:
            return None
        return termijnen.beslistermijn_opbouw(
            self.ontvangen_op,
            self.termijn_opschortingen(),
            self.verdaging,
            peildatum=peildatum or timezone.localdate(),
        )

    @property
    def beslistermijn(self) -> date | None:
        opbouw = self.termijnopbouw()
        return opbouw.einde if opbouw else None

    def bereken_termijn_sleutel(self) -> date | None:
        """The worklist's sort key: the exact beslistermijn, where a running
        suspension counts up to the end of its hersteltermijn (the deadline if
        the applicant takes all the time given). Without a running suspension it
        is the deadline itself, so "overdue" filters on it exactly."""
        if self.ontvangen_op is None:
            return None
        lopend = self.lopende_opschorting
        peildatum = (
            max(lopend.hersteltermijn_einde, lopend.van)
            if lopend is not None and lopend.hersteltermijn_einde
            else timezone.localdate()
        )
        return self.termijnopbouw(peildatum).einde

    @property
    def lopende_opschorting(self):
        return next((o for o in self.opschortingen.all() if o.tot is None), None)

    # -------------------------------------------------------------- guards
    VERPLICHTE_VELDEN = {
        "naam": "uw naam",
        "adres": "uw adres",
        "postcode": "uw postcode",
        "woonplaats": "uw woonplaats",
        "email": "uw e-mailadres",
        "ambt": "uw ambt",
        "handeling": "de handeling",
        "wederpartij_naam": "de wederpartij",
        "onderwerp": "het onderwerp",
        "omschrijving": "de omschrijving van de overeenkomst",
        "totstandkoming": "hoe de overeenkomst tot stand komt",
    }

    def ontbrekend(self) -> list[tuple[str, str]]:
        """What must be filled in before the request can be submitted, as
        (field, Dutch description); a missing document is ("bijlage", ...)."""
        ontbreekt = [
            (veld, omschrijving)
            for veld, omschrijving in self.VERPLICHTE_VELDEN.items()
            if not getattr(self, veld)
        ]
        if self.lichaam is None:
            ontbreekt.append(("gemeente", "de gemeente, het waterschap of de regeling"))
        if not self.verklaring:
            ontbreekt.append(("verklaring", "de verklaring dat de gegevens juist zijn"))
        for soort in self.ontbrekende_bijlagen():
            ontbreekt.append(
                ("bijlage", "document: " + Bijlagesoort(soort).label.lower())
            )
        return ontbreekt

    def ontbrekende_gegevens(self) -> list[str]:
        """The Dutch descriptions of ``ontbrekend``."""
        return [omschrijving for _, omschrijving in self.ontbrekend()]

    def vereiste_bijlagen(self) -> list[str]:
        """Document kinds the facts require (domain §4)."""
        vereist = [Bijlagesoort.OVEREENKOMST]
        if self.relatie and self.relatie != kw.Relatie.RECHTSTREEKS:
            vereist.append(Bijlagesoort.RELATIE)
        if self.namens:
            vereist.append(Bijlagesoort.MACHTIGING)
        return vereist

    def ontbrekende_bijlagen(self) -> list[str]:
        aanwezig = (
            set(self.bijlagen.values_list("soort", flat=True)) if self.pk else set()
        )
        return [s for s in self.vereiste_bijlagen() if s not in aanwezig]

    def bijlagen_grootte(self) -> int:
        if self.pk is None:
            return 0
        return self.bijlagen.aggregate(t=models.Sum("grootte"))["t"] or 0

    def is_compleet(self) -> bool:
        return not self.ontbrekende_gegevens()

    def hersteltermijn_verstreken(self) -> bool:
        lopend = self.lopende_opschorting
        return bool(
            lopend
            and lopend.hersteltermijn_einde
            and lopend.hersteltermijn_einde < timezone.localdate()
        )

    def heeft_voorstel(self) -> bool:
        return bool(self.voorstel_uitkomst)

    # --------------------------------------------------------- transitions
    @transition(
        field=status,
        source=Status.CONCEPT,
        target=Status.INGEDIEND,
        conditions=[is_compleet],
        permission=permissions.aanvrager,
    )
    def indienen(self, ontvangen_op: date):
        self.ontvangen_op = ontvangen_op

    @transition(
        field=status,
        source=Status.INGEDIEND,
        target=Status.KWALIFICATIE,
        permission=permissions.behandelaar,
    )
    def in_behandeling_nemen(self, behandelaar):
        if self.behandelaar_id is None:
            self.behandelaar = behandelaar

    @transition(
        field=status,
        source=[Status.INGEDIEND, Status.KWALIFICATIE, Status.TOETSING],
        target=Status.AANVULLING_GEVRAAGD,
        permission=permissions.behandelaar,
    )
    def aanvulling_vragen(self):
        pass

    @transition(
        field=status,
        source=Status.AANVULLING_GEVRAAGD,
        target=Status.INGEDIEND,
        permission=permissions.aanvrager,
    )
    def aanvullen(self):
        pass

    @transition(
        field=status,
        source=Status.AANVULLING_GEVRAAGD,
        target=Status.TER_BESLUITVORMING,
        conditions=[hersteltermijn_verstreken],
        permission=permissions.behandelaar,
    )
    def buiten_behandeling_voorstellen(self, voorgesteld_door, motivering: str):
        self._voorstel(
            voorgesteld_door, Uitkomst.BUITEN_BEHANDELING, motivering, [], False
        )

    @transition(
        field=status,
        source=[Status.INGEDIEND, Status.KWALIFICATIE],
        target=Status.DOORGEZONDEN,
        permission=permissions.behandelaar,
    )
    def doorzenden(self, aan: str):
        self.doorgezonden_aan = aan

    @transition(
        field=status,
        source=Status.KWALIFICATIE,
        target=RETURN_VALUE(Status.TOETSING, Status.TER_BESLUITVORMING),
        permission=permissions.behandelaar,
    )
    def kwalificeren(
        self,
        *,
        feiten: dict,
        engine: dict,
        bevestigd: dict,
        motivering: str,
        voorgesteld_door,
        voorstel_motivering: str = "",
    ):
        """Store the confirmed qualification. Exemptable goes on to the assessment;
        otherwise the qualification itself is the proposal: "geen ontheffing
        vereist" or a refusal because GS have no power to exempt."""
        self.kwalificatie_feiten = feiten
        self.kwalificatie_engine = engine
        self.kwalificatie = bevestigd
        self.kwalificatie_motivering = motivering
        uitkomst = bevestigd["uitkomst"]
        if uitkomst == kw.Uitkomst.VERBODEN_ONTHEFFBAAR:
            return Status.TOETSING
        voorstel = (
            Uitkomst.GEEN_ONTHEFFING_VEREIST
            if uitkomst == kw.Uitkomst.NIET_VERBODEN
            else Uitkomst.GEWEIGERD
        )
        self._voorstel(
            voorgesteld_door, voorstel, voorstel_motivering or motivering, [], False
        )
        return Status.TER_BESLUITVORMING

    @transition(
        field=status,
        source=Status.TOETSING,
        target=Status.ZIENSWIJZE_GEVRAAGD,
        permission=permissions.behandelaar,
    )
    def zienswijze_vragen(self, van: str, uiterlijk: date):
        self.zienswijze_van = van
        self.zienswijze_uiterlijk = uiterlijk

    @transition(
        field=status,
        source=Status.ZIENSWIJZE_GEVRAAGD,
        target=Status.TOETSING,
        permission=permissions.behandelaar,
    )
    def zienswijze_verwerken(self):
        pass

    @transition(
        field=status,
        source=Status.TOETSING,
        target=Status.TER_BESLUITVORMING,
        permission=permissions.behandelaar,
    )
    def voorstellen(
        self,
        voorgesteld_door,
        uitkomst: str,
        motivering: str,
        voorschriften: list[str],
        bw_3_43: bool,
    ):
        self._voorstel(voorgesteld_door, uitkomst, motivering, voorschriften, bw_3_43)

    @transition(
        field=status,
        source=Status.TER_BESLUITVORMING,
        target=RETURN_VALUE(
            Status.AANVULLING_GEVRAAGD, Status.KWALIFICATIE, Status.TOETSING
        ),
        conditions=[heeft_voorstel],
        permission=permissions.beslisser,
    )
    def terugsturen(self):
        """Back to the step the proposal came from; the proposal is kept as history
        in the audit trail and cleared on the case."""
        terug = self.voorstel_van_status or Status.TOETSING
        self.voorstel_uitkomst = ""
        self.voorstel_van_status = ""
        self.voorgesteld_door = None
        return terug

    @transition(
        field=status,
        source=Status.TER_BESLUITVORMING,
        target=Status.AFGEHANDELD,
        conditions=[heeft_voorstel],
        permission=permissions.beslisser,
    )
    def vaststellen(self, op: date):
        self.uitkomst = self.voorstel_uitkomst
        self.afgehandeld_op = op

    @transition(
        field=status,
        source=list(OPEN_STATUSSEN),
        target=Status.INGETROKKEN,
        permission=permissions.aanvrager,
    )
    def intrekken(self):
        pass

    def _voorstel(self, door, uitkomst, motivering, voorschriften, bw_3_43):
        self.voorstel_van_status = self.status
        self.voorgesteld_door = door
        self.voorstel_uitkomst = uitkomst
        self.voorstel_motivering = motivering
        self.voorstel_voorschriften = list(voorschriften)
        self.voorstel_bw_3_43 = bw_3_43


class Opschorting(models.Model):
    """One entry of the suspension ledger (Awb 4:15): an invitation to complete."""

    verzoek = models.ForeignKey(
        Verzoek, on_delete=models.PROTECT, related_name="opschortingen"
    )
    van = models.DateField(help_text="Datum van de uitnodiging tot aanvulling.")
    tot = models.DateField(
        null=True,
        blank=True,
        help_text="Datum van de aanvulling of het einde van de hersteltermijn.",
    )
    hersteltermijn_einde = models.DateField(null=True, blank=True)
    ontbrekend = models.JSONField("wat ontbreekt", default=list, blank=True)
    toelichting = models.TextField("toelichting bij de vraag", blank=True)
    antwoord = models.TextField(blank=True)
    herinnering_verstuurd_op = models.DateTimeField(null=True, blank=True)
    gevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["van", "pk"]
        verbose_name_plural = "opschortingen"

    def __str__(self):
        return f"Opschorting {self.van} - {self.tot or 'lopend'}"

    @property
    def dagen(self) -> int | None:
        return (self.tot - self.van).days if self.tot else None


class Bijlagesoort(models.TextChoices):
    OVEREENKOMST = "overeenkomst", "(Concept)overeenkomst of offerte"
    TOTSTANDKOMING = "totstandkoming", "Stukken over de totstandkoming"
    RELATIE = "relatie", "Bewijs van de relatie (bijvoorbeeld KvK-uittreksel)"
    NIET_BETROKKEN = "niet_betrokken", "Verklaring van niet-betrokkenheid"
    MACHTIGING = "machtiging", "Machtiging"
    VERKLARING_GEMEENTE = (
        "verklaring_gemeente",
        "Verklaring van de gemeente over de inkoop",
    )
    AANVULLING = "aanvulling", "Aanvulling"
    ZIENSWIJZE = "zienswijze", "Zienswijze"
    ANDERS = "anders", "Ander document"


def bijlage_pad(instance, filename):
    """A random name outside any public path; the original name is kept in the row."""
    import uuid

    return f"bijlagen/{uuid.uuid4().hex}"


class Bijlage(models.Model):
    verzoek = models.ForeignKey(
        Verzoek, on_delete=models.PROTECT, related_name="bijlagen"
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
        Opschorting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bijlagen",
    )

    class Meta:
        ordering = ["geupload_op", "pk"]
        verbose_name_plural = "bijlagen"

    def __str__(self):
        return self.bestandsnaam
