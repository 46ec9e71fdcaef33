"""Use cases of the beslisser: return the proposal, or decide and issue the letter."""

from __future__ import annotations

from ontheffing import emails
from ontheffing.models import Verzoek
from ontheffing.services.base import (
    NietNu,
    huidige_datum,
    uitvoeren,
)


def voorstel_terugsturen(*, user, verzoek: Verzoek, reden: str) -> Verzoek:
    if not reden.strip():
        raise NietNu("Geef aan waarom u het voorstel terugstuurt.")
    voorstel = {
        "uitkomst": verzoek.voorstel_uitkomst,
        "motivering": verzoek.voorstel_motivering,
    }
    return uitvoeren(
        verzoek,
        user,
        "terugsturen",
        reden=reden,
        intern=True,
        details={"voorstel": voorstel},
    )


def besluit_vaststellen(*, user, verzoek: Verzoek):
    """Decide: the letter is generated, stored immutably and sent; the case is done."""
    from ontheffing.brieven import inhoud

    vandaag = huidige_datum()
    besluit = {}

    def brief():
        besluit["besluit"] = inhoud.besluit_uitgeven(verzoek, ondertekenaar=user)

    uitvoeren(
        verzoek,
        user,
        "vaststellen",
        vandaag,
        na=brief,
        details={"uitkomst": verzoek.voorstel_uitkomst},
        mails=[lambda: emails.besluit_genomen(verzoek, besluit["besluit"])],
    )
    return besluit["besluit"]
