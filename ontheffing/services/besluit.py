"""Use cases of the beslisser: return the proposal, or decide and issue the letter."""

from __future__ import annotations

from ontheffing import emails
from ontheffing.models import Gebruiker, Verzoek
from ontheffing.services.base import (
    NietNu,
    huidige_datum,
    require,
    run_transition,
)


def voorstel_terugsturen(*, user: Gebruiker, verzoek: Verzoek, reden: str) -> Verzoek:
    require(user, "terugsturen", verzoek)
    if not reden.strip():
        raise NietNu("Geef aan waarom u het voorstel terugstuurt.")
    voorstel = {
        "uitkomst": verzoek.voorstel_uitkomst,
        "motivering": verzoek.voorstel_motivering,
    }
    return run_transition(
        verzoek,
        user,
        "terugsturen",
        reden=reden,
        intern=True,
        details={"voorstel": voorstel},
    )


def besluit_vaststellen(*, user: Gebruiker, verzoek: Verzoek):
    """Decide: the letter is generated, stored immutably and sent; the case is done."""
    from ontheffing import brieven

    vandaag = huidige_datum()
    require(user, "vaststellen", verzoek, op=vandaag)
    besluit = {}

    def brief():
        besluit["besluit"] = brieven.besluit_uitgeven(verzoek, ondertekenaar=user)

    run_transition(
        verzoek,
        user,
        "vaststellen",
        kwargs={"op": vandaag},
        context={"op": vandaag},
        after=brief,
        details={"uitkomst": verzoek.voorstel_uitkomst},
        mails=[lambda: emails.besluit_genomen(verzoek, besluit["besluit"])],
    )
    return besluit["besluit"]
