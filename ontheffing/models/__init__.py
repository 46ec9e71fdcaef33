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
from ontheffing.models.derde import Derde, Verzending
from ontheffing.models.dwangsom import Dwangsombesluit
from ontheffing.models.gebruiker import Aanspreekvorm, Gebruiker
from ontheffing.models.inlogkoppeling import DigidMachtiging, Inlogbron, Inlogkoppeling
from ontheffing.models.mandaat import Mandaat, Reikwijdte
from ontheffing.models.opschorting import Opschorting
from ontheffing.models.poststuk import Poststuk
from ontheffing.models.reference import Gemeente, Provincie, Regeling, Waterschap
from ontheffing.models.verzoek import Verzoek

__all__ = [
    "Poststuk",
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
    "Derde",
    "Dwangsombesluit",
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
    "Verzending",
    "Waterschap",
    "Zegel",
    "controleer_beheerketen",
    "controleer_keten",
    "standaard_beleidsregel",
]
