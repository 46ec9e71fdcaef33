"""Afronden: pas nu telt wie bevoegd is; daarna volgt de uitkomst.

Gedeputeerde Staten of de Commissaris van de Koning van deze provincie; een andere
provincie of de minister maakt de uitkomst ONBEVOEGD (doorzenden, Awb 2:3).
Hier ook: de goedkeuring op grond van artikel 3:43 van het Burgerlijk Wetboek.
"""

from __future__ import annotations

from ontheffing.kwalificatie.begrippen import BevoegdGezag, Uitkomst
from ontheffing.kwalificatie.citaten import orgaan_in_provincie, werkwoord_beslissen
from ontheffing.kwalificatie.feiten import Kwalificatie
from ontheffing.kwalificatie.redenering import Redenering
from ontheffing.kwalificatie.regimes import BZK, CDK, GS


def afronden(
    red: Redenering,
    onderdeel: str | None,
    grondslag: str,
    ontheffbaar: bool,
    *,
    bw: bool = False,
) -> Kwalificatie:
    """Pas nu telt wie bevoegd is; daarna volgt de uitkomst."""
    f, r = red.feiten, red.regime
    gezag = r.gezag
    if gezag is BevoegdGezag.ONBEKEND:
        red.punt(
            "Dijkgraaf: voor de dijkgraaf (artikel 47 van de Waterschapswet) is niet "
            "uitgemaakt welk bestuursorgaan ontheffing kan verlenen.",
            beslissend=True,
            over_verbod=False,
        )
    elif gezag in (GS, CDK) and f.lichaam_in_provincie is None:
        red.punt(
            "Ligging: er is niet opgegeven of {g} in deze provincie ligt. Aangenomen is "
            "van wel; ligt {g} in een andere provincie, dan is die provincie bevoegd."
        )

    if red.onzeker:
        uitkomst = Uitkomst.ONZEKER
    elif ontheffbaar:
        uitkomst = Uitkomst.VERBODEN_ONTHEFFBAAR
    else:
        uitkomst = Uitkomst.VERBODEN_NIET_ONTHEFFBAAR
    if red.twijfel:
        red.toelichting = [
            zin.replace("Dit valt onder ", "Dit kan vallen onder ", 1)
            for zin in red.toelichting
        ]

    if gezag is BevoegdGezag.ONBEKEND:
        red.zin("Wie voor de dijkgraaf over ontheffing beslist, is niet uitgemaakt.")
    elif gezag is BZK:
        red.zin(
            "Over ontheffing voor {wie} beslist de minister van Binnenlandse Zaken en "
            "Koninkrijksrelaties, niet de provincie."
        )
    elif f.lichaam_in_provincie is False:
        gezag = BevoegdGezag.ANDERE_PROVINCIE
        orgaan = orgaan_in_provincie(r.gezag, "die provincie")
        red.zin(
            "Volgens de opgave ligt {g} in een andere provincie. Over ontheffing "
            f"{werkwoord_beslissen(r.gezag)} daarom {orgaan}."
        )
    elif uitkomst is Uitkomst.VERBODEN_NIET_ONTHEFFBAAR:
        orgaan = orgaan_in_provincie(gezag, "de provincie waarin {g} ligt")
        red.zin(
            f"Een verzoek om ontheffing voor {{wie}} wordt behandeld door {orgaan}; "
            f"{'zij moeten' if gezag is GS else 'die moet'} het weigeren."
        )
    else:
        orgaan = orgaan_in_provincie(gezag, "de provincie waarin {g} ligt")
        red.zin(f"Over ontheffing voor {{wie}} {werkwoord_beslissen(gezag)} {orgaan}.")

    if gezag in (BZK, BevoegdGezag.ANDERE_PROVINCIE):
        uitkomst = Uitkomst.ONBEVOEGD
        red.zin(
            "Deze provincie stuurt het verzoek onverwijld door en laat dat de "
            "aanvrager weten (artikel 2:3, eerste lid, van de Algemene wet "
            "bestuursrecht)."
        )
        if ontheffbaar and not red.onzeker:
            red.zin("Daar is ontheffing van dit onderdeel mogelijk.")
    elif uitkomst is Uitkomst.VERBODEN_ONTHEFFBAAR:
        red.zin(
            "Ontheffing is mogelijk; het verzoek wordt getoetst aan de beleidsregel "
            "van de provincie."
        )
    elif uitkomst is Uitkomst.ONZEKER:
        red.zin("Een behandelaar beslist hierover en legt de motivering vast.")

    if bw:
        wie = (
            "de Commissaris van de Koning" if r.gezag is CDK else "Gedeputeerde Staten"
        )
        red.zin(
            "Omdat een onroerende zaak van de gemeente wordt verworven, is daarnaast "
            f"goedkeuring van {wie} nodig op grond van artikel 3:43 van het "
            "Burgerlijk Wetboek; zonder die goedkeuring is de verwerving nietig. Over "
            "de ontheffing en de goedkeuring wordt in één besluit beslist."
        )
    return Kwalificatie(
        uitkomst=uitkomst,
        onderdeel=onderdeel,
        bevoegd_gezag=gezag,
        grondslag=grondslag,
        bw_3_43_goedkeuring=bw,
        toelichting=tuple(red.toelichting),
        onzekerheden=tuple(red.onzekerheden),
    )
