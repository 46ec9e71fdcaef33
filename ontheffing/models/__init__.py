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
from ontheffing.models.bericht import (
    Bericht,
    Bezorgpoging,
    Bezorgstatus,
    Pogingresultaat,
)
from ontheffing.models.besluit import Besluit, Kenmerkteller, Staptelling
from ontheffing.models.bijlage import Bijlage, Bijlagesoort
from ontheffing.models.gebruiker import Aanspreekvorm, Gebruiker
from ontheffing.models.opschorting import Opschorting
from ontheffing.models.reference import Gemeente, Provincie, Regeling, Waterschap
from ontheffing.models.verzoek import Verzoek

__all__ = [
    "Aanspreekvorm",
    "Beheeractie",
    "Beheergebeurtenis",
    "Beleidsregel",
    "Bericht",
    "Besluit",
    "Bezorgpoging",
    "Bezorgstatus",
    "Bijlage",
    "Bijlagesoort",
    "Criterium",
    "Criteriumoordeel",
    "Gebeurtenis",
    "Gebruiker",
    "Gemeente",
    "Kenmerkteller",
    "Oordeel",
    "OnveranderbaarError",
    "Opschorting",
    "Pogingresultaat",
    "Provincie",
    "Regeling",
    "Staptelling",
    "Verzoek",
    "Waterschap",
    "controleer_beheerketen",
    "controleer_keten",
    "standaard_beleidsregel",
]
