from ontheffing.models.audit import Gebeurtenis, OnveranderbaarError, controleer_keten
from ontheffing.models.beheer import (
    Beheeractie,
    Beheergebeurtenis,
    controleer_beheerketen,
)
from ontheffing.models.beleid import (
    Beleidsregel,
    Criterium,
    Criteriumoordeel,
    Oordeel,
    standaard_beleidsregel,
)
from ontheffing.models.besluit import Besluit, Kenmerkteller, Staptelling
from ontheffing.models.bijlage import Bijlage, Bijlagesoort
from ontheffing.models.gebruiker import Aanspreekvorm, Gebruiker
from ontheffing.models.mandaat import Mandaat, Reikwijdte
from ontheffing.models.opschorting import Opschorting
from ontheffing.models.reference import Gemeente, Provincie, Regeling, Waterschap
from ontheffing.models.verzoek import Verzoek

__all__ = [
    "Aanspreekvorm",
    "Beheeractie",
    "Beheergebeurtenis",
    "Beleidsregel",
    "Besluit",
    "Bijlage",
    "Bijlagesoort",
    "Criterium",
    "Criteriumoordeel",
    "Gebeurtenis",
    "Gebruiker",
    "Gemeente",
    "Kenmerkteller",
    "Mandaat",
    "Oordeel",
    "OnveranderbaarError",
    "Opschorting",
    "Provincie",
    "Regeling",
    "Reikwijdte",
    "Staptelling",
    "Verzoek",
    "Waterschap",
    "controleer_beheerketen",
    "controleer_keten",
    "standaard_beleidsregel",
]
