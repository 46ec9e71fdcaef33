from ontheffing.models.audit import (
    Gebeurtenis,
    OnveranderbaarError,
    Zegel,
    controleer_keten,
)
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
    Berichtbijlage,
    Bezorgpoging,
    Bezorgstatus,
    Pogingresultaat,
)
from ontheffing.models.besluit import (
    Besluit,
    Dictumonderdeel,
    Doorzendadres,
    Goedkeuring,
    Kenmerkteller,
    Orgaan,
    Staptelling,
)
from ontheffing.models.beveiliging import Herstelpoging
from ontheffing.models.bijlage import Bijlage, Bijlagesoort
from ontheffing.models.gebruiker import Aanspreekvorm, Gebruiker
from ontheffing.models.inlogkoppeling import DigidMachtiging, Inlogbron, Inlogkoppeling
from ontheffing.models.mandaat import Mandaat, Reikwijdte
from ontheffing.models.opschorting import Opschorting
from ontheffing.models.reference import Gemeente, Provincie, Regeling, Waterschap
from ontheffing.models.verzoek import Verzoek

__all__ = [
    "Aanspreekvorm",
    "Beheeractie",
    "Beheergebeurtenis",
    "Beleidsregel",
    "Bericht",
    "Berichtbijlage",
    "Besluit",
    "Dictumonderdeel",
    "Doorzendadres",
    "Goedkeuring",
    "Orgaan",
    "Bezorgpoging",
    "Bezorgstatus",
    "Bijlage",
    "Bijlagesoort",
    "Criterium",
    "Criteriumoordeel",
    "Gebeurtenis",
    "Gebruiker",
    "Gemeente",
    "Herstelpoging",
    "Inlogbron",
    "Inlogkoppeling",
    "DigidMachtiging",
    "Kenmerkteller",
    "Mandaat",
    "Oordeel",
    "OnveranderbaarError",
    "Opschorting",
    "Pogingresultaat",
    "Provincie",
    "Regeling",
    "Reikwijdte",
    "Staptelling",
    "Verzoek",
    "Waterschap",
    "Zegel",
    "controleer_beheerketen",
    "controleer_keten",
    "standaard_beleidsregel",
]
