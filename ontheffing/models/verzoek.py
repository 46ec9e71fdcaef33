"""The case (Verzoek): its fields, its facts and its deadline.

Its workflow (guards and transitions) is the mixin ``Werkstroom`` in
``models/werkstroom.py``; its suspension ledger and documents are
``models/opschorting.py`` and ``models/bijlage.py``.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from django_fsm import ConcurrentTransitionMixin, FSMField

from ontheffing import kwalificatie as kw
from ontheffing import permissions, termijnen
from ontheffing.models.besluit import Goedkeuring
from ontheffing.models.bijlage import bijlage_pad  # noqa: F401 - migration 0001 names it here
from ontheffing.models.werkstroom import Werkstroom
from ontheffing.states import (
    OPEN_STATUSSEN,
    Berichtkanaal,
    Bestuursorgaan,
    Melding,
    Ontvangstkanaal,
    Rol,
    Status,
    Uitkomst,
)


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


# The request's own answers, in the order of the applicant's form; the one
# list the form, staff's registration of a letter and a split-off case use.
AMBTSDRAGERVELDEN = (
    "naam",
    "aanspreekvorm",
    "adres",
    "postcode",
    "woonplaats",
    "email",
    "telefoon",
    "ambt",
    "ambtsstatus",
    "in_functie_sinds",
    "gemeente",
    "waterschap",
    "regeling",
)
FEITENVELDEN = (
    "handeling",
    "wederpartij",
    "relatie",
    "via_wie",
    "onderhands",
    "om_niet",
    "aangegaan",
    "verlenging",
    "wederpartij_naam",
    "onderwerp",
    "omschrijving",
    "waarde",
    "looptijd_van",
    "looptijd_tot",
    "totstandkoming",
    "betrokken_bij_besluitvorming",
    "onthouding",
    "toelichting_betrokkenheid",
)
# What belongs to one office rather than to the person or the agreement.
AMBTSVELDEN = ("ambt", "gemeente", "waterschap", "regeling", "wederpartij")


class Verzoek(Werkstroom, ConcurrentTransitionMixin, models.Model):
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
    # The further offices of the same person, each qualified on its own (README,
    # "Keuzes": "Meer ambten"): [{"ambt", "lichaam", "wederpartij",
    # "lichaam_in_provincie"}], as ``kwalificatie.Ambtsopgave`` reads them.
    overige_ambten = models.JSONField(default=list, blank=True)
    gesplitst_uit = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="splitsingen",
        help_text="Het verzoek waaruit dit verzoek is afgesplitst, per bevoegd gezag.",
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
    # A request that came by post or e-mail is registered by a behandelaar
    # (``services.papier``); the applicant then has no account: the contact
    # fields above are theirs, and letters go by the channel they chose.
    ontvangen_via = models.CharField(
        max_length=10, choices=Ontvangstkanaal.choices, default=Ontvangstkanaal.PORTAAL
    )
    berichten_per = models.CharField(
        "berichten en brieven",
        max_length=10,
        choices=Berichtkanaal.choices,
        default=Berichtkanaal.EMAIL,
    )
    # The applicant's own values of the facts staff corrected after submission
    # (field -> value as submitted); the fields themselves hold what the letter
    # uses. Written once per field, at its first correction.
    oorspronkelijke_feiten = models.JSONField(default=dict, blank=True)
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
    kwalificatie_berekend = models.JSONField(null=True, blank=True)
    kwalificatie = models.JSONField(null=True, blank=True)
    kwalificatie_motivering = models.TextField(blank=True)

    # --- the proposal and the outcome
    voorstel_uitkomst = models.CharField(
        max_length=30, choices=Uitkomst.choices, blank=True
    )
    voorstel_motivering = models.TextField(blank=True)
    voorstel_voorschriften = models.JSONField(default=list, blank=True)
    voorstel_bw_3_43 = models.BooleanField(default=False)
    # The dictum as proposed (models/besluit.py): the BW 3:43 approval decided,
    # the numbered parts of a partial decision, the answer to a zienswijze and
    # the wording the letter uses for the applicant's typed text.
    voorstel_goedkeuring = models.CharField(
        max_length=10, choices=Goedkeuring.choices, blank=True
    )
    voorstel_onderdelen = models.JSONField(default=list, blank=True)
    voorstel_zienswijze = models.TextField(blank=True)
    voorstel_teksten = models.JSONField(default=dict, blank=True)
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
    # Everyone who prepared the decision (qualified the case, judged a
    # criterion, proposed a decision, a returned proposal included), as user
    # ids, for four eyes (``permissions.vier_ogen``): kept on the case, so the
    # rule reads only the case. Only ever grows.
    voorbereiders = models.JSONField(default=list, blank=True)
    # A hand-off its addressee has not seen yet (``werkvoorraad.meldingen``).
    melding = models.CharField(max_length=30, choices=Melding.choices, blank=True)
    uitkomst = models.CharField(max_length=30, choices=Uitkomst.choices, blank=True)
    afgehandeld_op = models.DateField(null=True, blank=True)

    aangemaakt_op = models.DateTimeField(default=timezone.now)
    gewijzigd_op = models.DateTimeField(auto_now=True)
    # The key of the new-request form that made this concept: a repeated post
    # of that form (a double click) finds this concept instead of a second.
    formulier_sleutel = models.UUIDField(null=True, blank=True, editable=False)

    objects = VerzoekQuerySet.as_manager()

    class Meta:
        verbose_name = "verzoek"
        verbose_name_plural = "verzoeken"
        ordering = ["-aangemaakt_op"]
        constraints = [
            models.UniqueConstraint(
                fields=["provincie", "jaar", "volgnummer"], name="uniek_volgnummer"
            ),
            models.UniqueConstraint(
                fields=["ingediend_door", "formulier_sleutel"],
                name="uniek_formulier_sleutel",
            ),
        ]
        indexes = [
            models.Index(
                fields=["provincie", "status", "ontvangen_op"], name="werkvoorraad_idx"
            ),
            models.Index(
                fields=["provincie", "termijn_sleutel", "id"],
                name="werkvoorraad_termijn_idx",
            ),
            # The worklist filtered by gemeente, in deadline order: without it
            # PostgreSQL walks the province's deadline index and drops the
            # other gemeenten (247 ms at 1,000,000 cases; 0.2 ms with it).
            models.Index(
                fields=["provincie", "gemeente", "termijn_sleutel", "id"],
                name="werkvoorraad_gemeente_idx",
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

    # ------------------------------------------------------------ the file
    def bijlagen_voor(self, user):
        """The documents ``user`` sees: staff all of them, the applicant not a
        third party's view (Awb 4:8; README, "Zienswijze van een derde")."""
        if permissions.is_staf(user):
            return self.bijlagen.all()
        return self.bijlagen.filter(derde__isnull=True)

    def besluiten_voor(self, user):
        """The letters ``user`` sees: staff all of them, the applicant not the
        letters addressed to a third party."""
        from ontheffing.models.besluit import AAN_DERDEN

        if permissions.is_staf(user):
            return self.besluiten.all()
        return self.besluiten.exclude(soort__in=AAN_DERDEN)

    # ------------------------------------------------------------ deadlines
    def termijn_opschortingen(self) -> list[termijnen.Opschorting]:
        return termijnen.grootboek(self.opschortingen.all())

    @property
    def verdaging(self) -> termijnen.Verdaging | None:
        return termijnen.verdaging_uit(
            self.verdaging_aangekondigd_op, self.verdaging_nieuwe_datum
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
    def geregistreerd(self) -> bool:
        """Registered by staff from a request by post or e-mail: the
        applicant has no account and no portal."""
        return self.ontvangen_via != Ontvangstkanaal.PORTAAL

    @property
    def per_post(self) -> bool:
        """The applicant receives letters by post."""
        return self.berichten_per == Berichtkanaal.POST

    @property
    def lopende_opschorting(self):
        return termijnen.lopende(self.opschortingen.all())
