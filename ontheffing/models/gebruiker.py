"""The user: logs in by e-mail address, has one role and (for staff) one province."""

from django.contrib.auth.models import (
    AbstractBaseUser,
    BaseUserManager,
    PermissionsMixin,
)
from django.db import models
from django.utils import timezone

from ontheffing.states import Rol


class GebruikerManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **extra):
        if not email:
            raise ValueError("Een e-mailadres is verplicht.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        extra.setdefault("email_bevestigd", True)
        return self.create_user(email, password, **extra)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class Aanspreekvorm(models.TextChoices):
    HEER = "heer", "De heer"
    MEVROUW = "mevrouw", "Mevrouw"
    NEUTRAAL = "neutraal", "Geen voorkeur"


class Gebruiker(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField("e-mailadres", unique=True)
    naam = models.CharField("naam", max_length=200)
    aanspreekvorm = models.CharField(
        max_length=10, choices=Aanspreekvorm.choices, default=Aanspreekvorm.NEUTRAAL
    )
    rol = models.CharField(max_length=20, choices=Rol.choices, default=Rol.AANVRAGER)
    provincie = models.ForeignKey(
        "ontheffing.Provincie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="medewerkers",
        help_text="Verplicht voor medewerkers; leeg voor aanvragers.",
    )
    functie = models.CharField(
        max_length=200, blank=True, help_text="Voor de ondertekening onder mandaat."
    )
    beslisser_bevestigd = models.BooleanField(
        "rol beslisser bevestigd",
        default=False,
        help_text="De rol beslisser geldt pas als een tweede persoon (een andere "
        "beheerder of een beslisser van de provincie) haar heeft bevestigd.",
    )
    beslisser_gevraagd_door = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Wie de rol beslisser toekende; die kan haar niet zelf bevestigen.",
    )
    uitgenodigd_door = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="De beheerder die deze medewerker uitnodigde. Wie iemand uitnodigde, "
        "kan met diens account geen eigen toekenning laten bevestigen.",
    )
    email_bevestigd = models.BooleanField("e-mailadres bevestigd", default=False)
    is_active = models.BooleanField("actief", default=True)
    is_staff = models.BooleanField("toegang tot de beheeromgeving", default=False)
    date_joined = models.DateTimeField("aangemaakt op", default=timezone.now)

    objects = GebruikerManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["naam"]

    class Meta:
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rol="aanvrager") | models.Q(provincie__isnull=False),
                name="medewerker_heeft_provincie",
            )
        ]

    def __str__(self):
        return f"{self.naam} <{self.email}>"

    @property
    def is_medewerker(self) -> bool:
        return self.rol != Rol.AANVRAGER

    @property
    def beslisser_wacht_op_bevestiging(self) -> bool:
        return self.rol == Rol.BESLISSER and not self.beslisser_bevestigd

    @property
    def achternaam(self) -> str:
        return self.naam.split()[-1] if self.naam else ""
