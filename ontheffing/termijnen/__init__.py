"""Statutory deadlines of the Awb and the Algemene termijnenwet, as pure functions.

No Django, no database, no settings: dates in, dates out, so that every deadline
the product shows can be recomputed and explained (domain.md §5).

Opschorting (Awb 4:15): the decision term is suspended from the day after the
invitation to complete the request (or the agreement to suspend) until the day
the information arrives or the hersteltermijn ends. Convention of this product:
a suspension adds ``tot - van`` days. One that still runs counts as if it ended
on the peildatum (default: today in Amsterdam). Suspensions may not overlap.

Verdaging (Awb 4:14, third paragraph): an announced new date replaces the term
in force; only suspensions starting on or after the day of the announcement still
add to it (the earlier ones were part of the term it replaced). Announcing it
after that term (as it stood on the day of the announcement) has ended, or naming
a date before its end, raises ValueError.

Atw art. 1 applies last, to every term computed here: the statutory terms (8, 6,
4 and 2 weeks) are well under the twelve weeks of Atw art. 4.
"""

from ontheffing.formatting import datum as datum_nl  # one source for Dutch dates
from ontheffing.termijnen.beslisduur import (
    Opschorting,
    Termijnopbouw,
    Verdaging,
    beslistermijn,
    beslistermijn_opbouw,
    grootboek,
    lopende,
    verdaging_uit,
)
from ontheffing.termijnen.dwangsomregeling import (
    DWANGSOMBEDRAGEN,
    Dwangsom,
    Trede,
    dwangsom,
    dwangsom_maximum,
    dwangsom_staffel,
    dwangsom_treden,
)
from ontheffing.termijnen.kalender import (
    DAG,
    atw_feestdagen,
    atw_verlengen,
    bezwaartermijn_einde,
    buiten_behandeling_uiterlijk,
    hersteltermijn_einde,
    is_werkdag,
    werkdag_voor,
    werkdagen_tot,
)

__all__ = [
    "DAG",
    "DWANGSOMBEDRAGEN",
    "Dwangsom",
    "Opschorting",
    "Termijnopbouw",
    "Trede",
    "Verdaging",
    "atw_feestdagen",
    "atw_verlengen",
    "beslistermijn",
    "beslistermijn_opbouw",
    "bezwaartermijn_einde",
    "buiten_behandeling_uiterlijk",
    "datum_nl",
    "dwangsom",
    "dwangsom_maximum",
    "dwangsom_staffel",
    "dwangsom_treden",
    "grootboek",
    "lopende",
    "verdaging_uit",
    "hersteltermijn_einde",
    "is_werkdag",
    "werkdag_voor",
    "werkdagen_tot",
]
