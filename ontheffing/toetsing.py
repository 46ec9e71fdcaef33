"""Assessment against the province's beleidsregel (Awb 4:84 and the beleidsregel; README, "Opbouw"): which version
applies to a case, what is still unjudged, and what the judgements propose."""

from ontheffing.models import Beleidsregel, Criteriumoordeel, Oordeel
from ontheffing.states import Uitkomst


def beleidsregel_voor(verzoek) -> Beleidsregel | None:
    """The version in force on the date of receipt."""
    if verzoek.ontvangen_op is None:
        return None
    return Beleidsregel.geldend(verzoek.provincie_id, verzoek.ontvangen_op)


def criteria_voor(verzoek):
    regel = beleidsregel_voor(verzoek)
    return list(regel.criteria.all()) if regel else []


def onbeoordeelde_criteria(verzoek):
    beoordeeld = set(
        Criteriumoordeel.objects.filter(verzoek=verzoek).values_list(
            "criterium_id", flat=True
        )
    )
    return [c for c in criteria_voor(verzoek) if c.pk not in beoordeeld]


def voorgestelde_uitkomst(verzoek, oordelen: dict | None = None) -> Uitkomst | None:
    """Grant when every criterion is met or not applicable, otherwise refuse;
    None while criteria are unjudged. ``oordelen`` ({criterium: (oordeel,
    motivering)}) are judgements not yet stored, taken over the stored ones.
    The behandelaar may deviate with a motivation (Awb 4:84)."""
    gegeven = dict(
        Criteriumoordeel.objects.filter(verzoek=verzoek).values_list(
            "criterium_id", "oordeel"
        )
    )
    gegeven.update({c.pk: oordeel for c, (oordeel, _) in (oordelen or {}).items()})
    if any(c.pk not in gegeven for c in criteria_voor(verzoek)):
        return None
    if any(o == Oordeel.NIET_VOLDAAN for o in gegeven.values()):
        return Uitkomst.GEWEIGERD
    return Uitkomst.VERLEEND
