"""The vocabulary of the case's state machine and of its outcomes."""

from django.db import models


class Status(models.TextChoices):
    CONCEPT = "concept", "Concept"
    INGEDIEND = "ingediend", "Ingediend"
    AANVULLING_GEVRAAGD = "aanvulling_gevraagd", "Aanvulling gevraagd"
    KWALIFICATIE = "kwalificatie", "Kwalificatie"
    TOETSING = "toetsing", "Toetsing"
    ZIENSWIJZE_GEVRAAGD = "zienswijze_gevraagd", "Zienswijze gevraagd"
    TER_BESLUITVORMING = "ter_besluitvorming", "Ter besluitvorming"
    AFGEHANDELD = "afgehandeld", "Afgehandeld"
    DOORGEZONDEN = "doorgezonden", "Doorgezonden"
    INGETROKKEN = "ingetrokken", "Ingetrokken"


OPEN_STATUSSEN = (
    Status.INGEDIEND,
    Status.AANVULLING_GEVRAAGD,
    Status.KWALIFICATIE,
    Status.TOETSING,
    Status.ZIENSWIJZE_GEVRAAGD,
    Status.TER_BESLUITVORMING,
)

# What the applicant reads: the same states in plain Dutch.
STATUS_VOOR_AANVRAGER = {
    Status.CONCEPT: "Nog niet ingediend (concept)",
    Status.INGEDIEND: "Ontvangen, wordt gecontroleerd op volledigheid",
    Status.AANVULLING_GEVRAAGD: "Wacht op aanvullende informatie van u",
    Status.KWALIFICATIE: "In behandeling: beoordeling of ontheffing nodig en mogelijk is",
    Status.TOETSING: "In behandeling: toetsing aan de beleidsregel",
    Status.ZIENSWIJZE_GEVRAAGD: "In behandeling: er is om een zienswijze gevraagd",
    Status.TER_BESLUITVORMING: "Het besluit wordt voorbereid",
    Status.AFGEHANDELD: "Besloten",
    Status.DOORGEZONDEN: "Doorgestuurd naar het bevoegde bestuursorgaan",
    Status.INGETROKKEN: "Ingetrokken",
}

# The applicant's step indicator: each state belongs to one step.
STAPPEN = ("Ontvangen", "Volledigheid", "Kwalificatie", "Toetsing", "Besluit")
STAP_VAN_STATUS = {
    Status.CONCEPT: -1,
    Status.INGEDIEND: 0,
    Status.AANVULLING_GEVRAAGD: 1,
    Status.KWALIFICATIE: 2,
    Status.TOETSING: 3,
    Status.ZIENSWIJZE_GEVRAAGD: 3,
    Status.TER_BESLUITVORMING: 4,
    Status.AFGEHANDELD: 5,
    Status.DOORGEZONDEN: 5,
    Status.INGETROKKEN: 5,
}


class Uitkomst(models.TextChoices):
    VERLEEND = "verleend", "Ontheffing verleend"
    GEDEELTELIJK_VERLEEND = "gedeeltelijk_verleend", "Ontheffing gedeeltelijk verleend"
    GEWEIGERD = "geweigerd", "Ontheffing geweigerd"
    GEEN_ONTHEFFING_VEREIST = "geen_ontheffing_vereist", "Geen ontheffing vereist"
    BUITEN_BEHANDELING = "buiten_behandeling", "Buiten behandeling gelaten"


class Rol(models.TextChoices):
    AANVRAGER = "aanvrager", "Aanvrager"
    BEHANDELAAR = "behandelaar", "Behandelaar"
    BESLISSER = "beslisser", "Beslisser"
    BEHEERDER = "beheerder", "Beheerder"


class Melding(models.TextChoices):
    """What the worklist marks on a case until its addressee opens it: no
    hand-off between the applicant, the behandelaar and the beslisser goes
    unseen (``werkvoorraad.meldingen``)."""

    NIEUW_ANTWOORD = "nieuw_antwoord", "Nieuw antwoord"
    TERUGGESTUURD = "teruggestuurd", "Teruggestuurd"
    ZIENSWIJZE_ONTVANGEN = "zienswijze_ontvangen", "Zienswijze ontvangen"
    NIEUW_VOORSTEL = "nieuw_voorstel", "Wacht op besluit"


class Bestuursorgaan(models.TextChoices):
    GS = "gs", "Gedeputeerde Staten"
    CDK = "cdk", "Commissaris van de Koning"


class Actie(models.TextChoices):
    """Everything the audit trail records: the transitions and the other actions."""

    INDIENEN = "indienen", "Verzoek ingediend"
    IN_BEHANDELING_NEMEN = "in_behandeling_nemen", "Volledig bevonden, in behandeling"
    AANVULLING_VRAGEN = "aanvulling_vragen", "Aanvulling gevraagd"
    AANVULLEN = "aanvullen", "Aanvulling ontvangen"
    BUITEN_BEHANDELING_VOORSTELLEN = (
        "buiten_behandeling_voorstellen",
        "Buiten behandeling laten voorgesteld",
    )
    DOORZENDEN = "doorzenden", "Doorgezonden"
    KWALIFICEREN = "kwalificeren", "Gekwalificeerd"
    ZIENSWIJZE_VRAGEN = "zienswijze_vragen", "Zienswijze gevraagd"
    ZIENSWIJZE_GEVEN = "zienswijze_geven", "Zienswijze gegeven"
    ZIENSWIJZE_VERWERKEN = "zienswijze_verwerken", "Zienswijze verwerkt"
    VOORSTELLEN = "voorstellen", "Besluit voorgesteld"
    TERUGSTUREN = "terugsturen", "Voorstel teruggestuurd"
    VASTSTELLEN = "vaststellen", "Besluit vastgesteld"
    INTREKKEN = "intrekken", "Verzoek ingetrokken"
    VERDAGEN = "verdagen", "Beslistermijn verdaagd"
    OPSCHORTEN = (
        "opschorten",
        "Beslistermijn opgeschort (artikel 4:15, tweede lid, Awb)",
    )
    SPLITSEN = "splitsen", "Verzoek gesplitst per bevoegd gezag"
    INGEBREKESTELLING_REGISTREREN = (
        "ingebrekestelling_registreren",
        "Ingebrekestelling geregistreerd",
    )
    ZIENSWIJZE_DERDE_ONTVANGEN = (
        "zienswijze_derde_ontvangen",
        "Zienswijze van een derde vastgelegd",
    )
    DWANGSOM_VASTSTELLEN = "dwangsom_vaststellen", "Dwangsom vastgesteld"
    DWANGSOM_BETAALD = "dwangsom_betaald", "Betaling dwangsom vastgelegd"
    NOTITIE_TOEVOEGEN = "notitie_toevoegen", "Notitie"
    TOEWIJZEN = "toewijzen", "Behandelaar toegewezen"
    CONCEPT_OPGESLAGEN = "concept_opgeslagen", "Concept aangemaakt"
    BIJLAGE_TOEVOEGEN = "bijlage_toevoegen", "Document toegevoegd"
    TOETSEN = "toetsen", "Criteria beoordeeld"
    REGISTREREN = "registreren", "Verzoek per post of e-mail ontvangen en geregistreerd"
    FEITEN_CORRIGEREN = "feiten_corrigeren", "Gegevens van de overeenkomst gecorrigeerd"
    TERUG_NAAR_KWALIFICATIE = "terug_naar_kwalificatie", "Terug naar kwalificatie"
    GEEN_ONTHEFFING_VOORSTELLEN = (
        "geen_ontheffing_voorstellen",
        "Voorgesteld: geen ontheffing vereist",
    )
    POST_VERZONDEN = "post_verzonden", "Brief per post verzonden"


class Ontvangstkanaal(models.TextChoices):
    """How a request reached the province."""

    PORTAAL = "portaal", "Via het portaal"
    POST = "post", "Per post"
    EMAIL = "email", "Per e-mail"


class Berichtkanaal(models.TextChoices):
    """How the applicant receives letters and messages (their choice)."""

    EMAIL = "email", "Per e-mail"
    POST = "post", "Per post"
