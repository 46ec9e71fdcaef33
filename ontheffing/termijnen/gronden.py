"""The grounds on which the decision term is suspended (Awb 4:15), as words.

Pure vocabulary, no Django: the model field takes its choices from here, the
ledger names each suspension's ground with its article.
"""

from __future__ import annotations

import enum


class Opschortingsgrond(enum.StrEnum):
    """Why the term stood still: an invitation to complete the request (first
    paragraph, under a), the applicant's written consent to a delay (second
    paragraph, under a) or force majeure (second paragraph, under c)."""

    AANVULLING = enum.auto()
    INSTEMMING = enum.auto()
    OVERMACHT = enum.auto()

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def grondslag(self) -> str:
        return _GRONDSLAGEN[self]


_LABELS = {
    Opschortingsgrond.AANVULLING: "Aanvulling gevraagd",
    Opschortingsgrond.INSTEMMING: "Met schriftelijke instemming van de aanvrager",
    Opschortingsgrond.OVERMACHT: "Overmacht",
}

_GRONDSLAGEN = {
    Opschortingsgrond.AANVULLING: "artikel 4:15, eerste lid, onder a, Awb",
    Opschortingsgrond.INSTEMMING: "artikel 4:15, tweede lid, onder a, Awb",
    Opschortingsgrond.OVERMACHT: "artikel 4:15, tweede lid, onder c, Awb",
}

# The grounds staff register themselves (the aanvulling has its own use case).
TWEEDE_LID = (Opschortingsgrond.INSTEMMING, Opschortingsgrond.OVERMACHT)
