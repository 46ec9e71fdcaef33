"""The province's worklist: filters, search, sort by deadline, counts per step.

The exact beslistermijn depends on the suspension ledger, a verdaging and the
Algemene termijnenwet, so it is computed in Python (``termijnen``) for the rows
of one page only, from one query for their ``Opschorting`` rows.

Sorting and the "overdue" filter must work over all cases (100,000 rows), so
each case stores its deadline as ``Verzoek.termijn_sleutel`` (indexed with the
province), written by the services whenever the deadline can move. A running
suspension counts up to the end of its hersteltermijn; a case is suspended
exactly when it waits for an aanvulling, so "overdue" is a plain comparison on
the other cases and "suspended" a filter on the step.

A page costs a fixed number of queries: the counts per step, the paginator's
count (from the counts per step without filters, otherwise capped at
``TELLING_MAX``), with a search term one lookup of the full kenmerk, the rows (with their people and bodies), their suspensions, and the two
lists for the filters.
"""

from ontheffing.werkvoorraad.regels import (
    BINNENKORT_WERKDAGEN,
    Rij,
    Termijnsignaal,
    oppakbaar,
    rijen,
    signaal,
    termijnsignaal,
)
from ontheffing.werkvoorraad.zoeken import (
    PER_PAGINA,
    SORTERINGEN,
    TELLING_MAX,
    ZOEK_MAX,
    Filters,
    aantal_uit_tellers,
    behandelaars,
    besluitvorming,
    gefilterd,
    gemeenten,
    getelde,
    gevonden,
    kenmerk_gevonden,
    pagina,
    tellers,
    zoekvoorwaarde,
)

__all__ = [
    "BINNENKORT_WERKDAGEN",
    "PER_PAGINA",
    "SORTERINGEN",
    "TELLING_MAX",
    "ZOEK_MAX",
    "Filters",
    "Rij",
    "Termijnsignaal",
    "aantal_uit_tellers",
    "behandelaars",
    "besluitvorming",
    "gefilterd",
    "gemeenten",
    "getelde",
    "gevonden",
    "kenmerk_gevonden",
    "oppakbaar",
    "pagina",
    "rijen",
    "signaal",
    "tellers",
    "termijnsignaal",
    "zoekvoorwaarde",
]
