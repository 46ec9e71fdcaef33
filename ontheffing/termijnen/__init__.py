"""Statutory deadlines of the Awb and the Algemene termijnenwet, as pure functions.

No Django, no database, no settings: dates in, dates out, so that every deadline
the product shows can be recomputed and explained (Awb 4:13-4:20 and 6:7-6:8; README, "De juridische kern").

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

Awb 4:15, second paragraph (the applicant's written consent to a delay, or
force majeure): a period with an end, registered by staff and checked against
the ledger by ``opschorting_toevoegen``; the ledger names each ground. Awb 4:5,
fourth paragraph: ``buiten_behandeling_termijn``, the four weeks to make a
decision not to process known, as its own deadline.

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
from ontheffing.termijnen.gronden import TWEEDE_LID, Opschortingsgrond
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
from ontheffing.termijnen.procedure import (
    BuitenBehandelingTermijn,
    buiten_behandeling_termijn,
    opschorting_toevoegen,
)

__all__ = [
    "BuitenBehandelingTermijn",
    "DAG",
    "DWANGSOMBEDRAGEN",
    "Dwangsom",
    "Opschorting",
    "Opschortingsgrond",
    "TWEEDE_LID",
    "Termijnopbouw",
    "Trede",
    "Verdaging",
    "atw_feestdagen",
    "atw_verlengen",
    "beslistermijn",
    "beslistermijn_opbouw",
    "bezwaartermijn_einde",
    "buiten_behandeling_termijn",
    "buiten_behandeling_uiterlijk",
    "datum_nl",
    "dwangsom",
    "dwangsom_maximum",
    "dwangsom_staffel",
    "dwangsom_treden",
    "grootboek",
    "lopende",
    "opschorting_toevoegen",
    "verdaging_uit",
    "hersteltermijn_einde",
    "is_werkdag",
    "werkdag_voor",
    "werkdagen_tot",
]
