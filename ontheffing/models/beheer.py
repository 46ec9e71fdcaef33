"""The trail of a province's beheer: who changed staff, mandates, letterhead,
bodies or the beleidsregel, and what exactly. Append-only, like the case
history."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone

from ontheffing.models.audit import Vastlegging, VastleggingQuerySet, controleer_records


class Beheeractie(models.TextChoices):
    MEDEWERKER_UITGENODIGD = "medewerker_uitgenodigd", "Medewerker uitgenodigd"
    MEDEWERKER_GEWIJZIGD = "medewerker_gewijzigd", "Medewerker gewijzigd"
    PROVINCIEGEGEVENS_GEWIJZIGD = (
        "provinciegegevens_gewijzigd",
        "Briefhoofd en ondertekening gewijzigd",
    )
    AFSCHRIFTEN_GEWIJZIGD = "afschriften_gewijzigd", "Afschriften gewijzigd"
    DOORZENDADRES_GEWIJZIGD = "doorzendadres_gewijzigd", "Doorzendadres gewijzigd"
    WATERSCHAP_TOEGEVOEGD = "waterschap_toegevoegd", "Waterschap toegevoegd"
    REGELING_TOEGEVOEGD = (
        "regeling_toegevoegd",
        "Gemeenschappelijke regeling toegevoegd",
    )
    BELEIDSREGEL_AANGEMAAKT = "beleidsregel_aangemaakt", "Nieuwe versie beleidsregel"
    BELEIDSREGEL_GEWIJZIGD = "beleidsregel_gewijzigd", "Beleidsregel gewijzigd"
    BESLISSER_GEVRAAGD = "beslisser_gevraagd", "Rol beslisser gevraagd"
    BESLISSER_BEVESTIGD = "beslisser_bevestigd", "Rol beslisser bevestigd"
    MANDAAT_GEVRAAGD = "mandaat_gevraagd", "Mandaat gevraagd"
    MANDAAT_BEVESTIGD = "mandaat_bevestigd", "Mandaat bevestigd"
    MANDAAT_BEEINDIGD = "mandaat_beeindigd", "Mandaat beëindigd"


# How the history page names the fields that ``details`` records.
VELDNAMEN = {
    "email": "e-mailadres",
    "naam": "naam",
    "rol": "rol",
    "functie": "functie",
    "mandaat": "mandaat",
    "mag_namens_cdk": "namens de CdK",
    "beslisser_bevestigd": "rol beslisser bevestigd",
    "houder": "mandaathouder",
    "bestuursorgaan": "besluiten van",
    "reikwijdte": "reikwijdte",
    "geldig_van": "geldig vanaf",
    "geldig_tot": "geldig tot en met",
    "bron_titel": "mandaatbesluit",
    "bron_datum": "bekendgemaakt op",
    "aangevraagd_door": "gevraagd door",
    "is_active": "actief",
    "postadres": "postadres",
    "bezoekadres": "bezoekadres",
    "telefoon": "telefoon",
    "website": "website",
    "cdk_naam": "naam CdK",
    "secretaris_naam": "naam provinciesecretaris",
    "afschrift_aan": "afschrift aan",
    "afschrift_emails": "e-mailadressen voor afschriften",
    "afschrift_uitkomsten": "afschrift bij de uitkomsten",
    "logo": "logo",
    "soort": "soort",
    "versie": "versie",
    "titel": "titel",
    "geldig_vanaf": "geldig vanaf",
    "voorschriften": "standaardvoorschriften",
    "overgenomen_van": "overgenomen van versie",
}


class Beheergebeurtenis(Vastlegging):
    """One beheer change. ``details`` maps each changed field to ``{"oud", "nieuw"}``
    (``"oud"`` is None for what was created); the logo is only "gewijzigd" or
    "verwijderd", and no password data is ever recorded. Append-only and
    hash-chained per province (see ``Vastlegging``)."""

    KETEN = "provincie"

    provincie = models.ForeignKey(
        "ontheffing.Provincie",
        on_delete=models.PROTECT,
        related_name="beheergebeurtenissen",
    )
    tijdstip = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    actie = models.CharField(max_length=40, choices=Beheeractie.choices)
    onderwerp = models.CharField(max_length=300)
    details = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)

    objects = VastleggingQuerySet.as_manager()

    class Meta:
        ordering = ["-tijdstip", "-pk"]
        verbose_name = "beheergebeurtenis"
        verbose_name_plural = "beheergebeurtenissen"
        indexes = [
            models.Index(fields=["provincie", "-tijdstip"], name="beheer_historie")
        ]

    def __str__(self):
        return f"{self.get_actie_display()}: {self.onderwerp}"

    def inhoud_velden(self) -> dict:
        return {
            "provincie": self.provincie_id,
            "tijdstip": self.tijdstip.isoformat(),
            "actor": self.actor_id,
            "actie": self.actie,
            "onderwerp": self.onderwerp,
            "details": self.details,
        }

    def wijzigingen(self) -> list[tuple[str, str, str]]:
        """The details as (what, old, new) lines of text for the history page;
        old is empty for what was created."""
        regels = []
        for veld, waarde in self.details.items():
            if veld == "criteria":
                for c in waarde:
                    code = (c["nieuw"] or c["oud"])["code"]
                    nieuw = _tekst(c["nieuw"]) if c["nieuw"] else "verwijderd"
                    regels.append((f"criterium {code}", _tekst(c["oud"]), nieuw))
            elif isinstance(waarde, dict):
                naam = VELDNAMEN.get(veld, veld)
                regels.append(
                    (naam, _tekst(waarde.get("oud")), _tekst(waarde.get("nieuw")))
                )
            else:
                regels.append((VELDNAMEN.get(veld, veld), "", str(waarde)))
        return regels


def _tekst(waarde) -> str:
    """None (nothing before: created) is empty; an empty value is "(leeg)"."""
    if waarde is None:
        return ""
    if waarde == "":
        return "(leeg)"
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, list):
        return "; ".join(str(w) for w in waarde) or "(leeg)"
    if isinstance(waarde, dict):
        return "; ".join(f"{k}: {_tekst(v)}" for k, v in waarde.items())
    return str(waarde)


def controleer_beheerketen(provincie_id) -> tuple[bool, str]:
    """Verify one province's beheer chain (see ``controleer_keten``)."""
    return controleer_records(
        Beheergebeurtenis.objects.filter(provincie_id=provincie_id), "beheergebeurtenis"
    )
