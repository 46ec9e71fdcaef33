"""Kwalificatie: is een handeling verboden, kan ervan worden ontheven, en wie beslist?

Pure Python: feiten in, juridische kwalificatie uit. De regels volgen artikel 15
Gemeentewet en zijn tegenhangers (README, "De juridische kern"), in deze volgorde:

1. geldt het verbod voor dit ambt, nu, en voor deze wederpartij en handeling?
2. a, b en c gaan over wat de ambtsdrager zelf doet; middellijk bestaat alleen bij d;
3. aangaan vóór of tijdens het ambt;
4. onzekere punten geven ONZEKER of een veilige, benoemde aanname;
5. een dienstbetrekking bij het eigen lichaam is een onverenigbare betrekking;
6. artikel 20 Wgr nummert de overeenkomsten als onderdeel c ("c1" ... "c7").

Pas daarna telt wie bevoegd is. De motor spreekt voor één provincie: Gedeputeerde
Staten, en voor een burgemeester de Commissaris van de Koning. Ligt de bevoegdheid
elders, dan is de uitkomst ONBEVOEGD (doorzenden, Awb 2:3).

Waar staat wat (elk een module in dit pakket):

- `begrippen`: de keuzes (Ambt, Handeling, Uitkomst, ...) met labels, en `keuzes()`;
- `feiten`: `Feiten` (invoer) en `Kwalificatie` (uitkomst, met `samenvatting`);
- `regimes`: per ambt het artikel, het lichaam en wie beslist;
- `lijst`: de verboden handelingen (onderdeel, nummer, omschrijving), vaste zinnen,
  en `ONDERDELEN`: de overeenkomsten van onderdeel d ("d1" ... "d7") zoals een brief
  ze noemt;
- `regels`: `kwalificeer` en regel 1, buiten de lijst, dienstbetrekking (regel 5);
- `onderdelen`: a, b en c (eigen optreden) en d (overeenkomsten), regels 2-4;
- `bevoegdheid`: wie beslist, en de uitkomst (`afronden`);
- `redenering`: de toelichting en onzekerheden die de regels opbouwen;
- `ambten`: meer ambten van één persoon, een kwalificatie per ambt en de verdeling
  per bevoegd gezag;
- `citaten`: artikelen en onderdelen als tekst, ook de Wgr-nummering (regel 6).
"""

from ontheffing.kwalificatie.ambten import (
    Ambtskwalificatie,
    Ambtsopgave,
    Deel,
    Verdeling,
    kwalificeer_ambten,
    verdeling,
)
from ontheffing.kwalificatie.begrippen import (
    Aangegaan,
    Ambt,
    Ambtsstatus,
    BevoegdGezag,
    Handeling,
    Relatie,
    Uitkomst,
    Wederpartij,
    keuzes,
)
from ontheffing.kwalificatie.feiten import Feiten, Kwalificatie
from ontheffing.kwalificatie.lijst import ONDERDELEN
from ontheffing.kwalificatie.regels import kwalificeer

__all__ = [
    "Aangegaan",
    "Ambt",
    "Ambtskwalificatie",
    "Ambtsopgave",
    "Deel",
    "Verdeling",
    "kwalificeer_ambten",
    "verdeling",
    "Ambtsstatus",
    "BevoegdGezag",
    "Feiten",
    "Handeling",
    "Kwalificatie",
    "ONDERDELEN",
    "Relatie",
    "Uitkomst",
    "Wederpartij",
    "keuzes",
    "kwalificeer",
]
