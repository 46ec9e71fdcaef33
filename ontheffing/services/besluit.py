"""Use cases of the beslisser: return the proposal, or decide and issue the letter."""

from __future__ import annotations

from datetime import date

from ontheffing import emails
from ontheffing.models import Gebruiker, Verzoek
from ontheffing.services.base import (
    NietNu,
    huidige_datum,
    require,
    run_transition,
)
from ontheffing.services.mandaten import mandaat_voor


def voorstel_terugsturen(*, user: Gebruiker, verzoek: Verzoek, reden: str) -> Verzoek:
    require(user, "terugsturen", verzoek)
    if not reden.strip():
        raise NietNu("Geef aan waarom u het voorstel terugstuurt.")
    voorstel = {
        "uitkomst": verzoek.voorstel_uitkomst,
        "motivering": verzoek.voorstel_motivering,
    }
    aan = verzoek.behandelaar or verzoek.voorgesteld_door
    return run_transition(
        verzoek,
        user,
        "terugsturen",
        reden=reden,
        intern=True,
        details={"voorstel": voorstel},
        mails=[
            lambda: emails.voorstel_teruggestuurd(
                verzoek, reden=reden, door=user, aan=aan
            )
        ],
    )


def besluit_vaststellen(
    *,
    user: Gebruiker,
    verzoek: Verzoek,
    genomen_op: date | None = None,
    te_laat_bevestigd: bool = False,
    te_laat_motivering: str = "",
):
    """Decide: the letter is generated, stored immutably and sent; the case is done.

    Taken by the organ itself (``genomen_op``: the day GS decided in their
    meeting, or the CdK signed), or under a mandate of ``user`` in force today
    that covers this decision (Awb 10:10). A beslisser without such a mandate
    cannot decide alone in the college's name. Leaving the request unprocessed
    after the four weeks of Awb 4:5, fourth paragraph, needs the beslisser's
    confirmation and motivation (``procedures.te_laat_controleren``)."""
    from ontheffing.brieven import inhoud
    from ontheffing.services.procedures import vaststellen_te_laat_controleren

    vandaag = huidige_datum()
    require(user, "vaststellen", verzoek, op=vandaag)
    mandaat = None
    if genomen_op is None:
        mandaat = mandaat_voor(user, verzoek, op=vandaag)
        if mandaat is None:
            raise NietNu(
                "U heeft op deze dag geen mandaat voor dit besluit. Besloot "
                f"{verzoek.get_bestuursorgaan_display()} zelf, vul dan de datum "
                "in waarop dat gebeurde (de vergadering van Gedeputeerde Staten)."
            )
    elif genomen_op > vandaag:
        raise NietNu("De datum van het besluit van het orgaan ligt in de toekomst.")
    elif verzoek.ontvangen_op and genomen_op < verzoek.ontvangen_op:
        raise NietNu("De datum van het besluit ligt vóór de ontvangst van het verzoek.")
    te_laat = vaststellen_te_laat_controleren(
        verzoek, op=vandaag, bevestigd=te_laat_bevestigd, motivering=te_laat_motivering
    )
    besluit = {}

    def brief():
        besluit["besluit"] = inhoud.besluit_uitgeven(
            verzoek, ondertekenaar=user, mandaat=mandaat, genomen_op=genomen_op
        )

    run_transition(
        verzoek,
        user,
        "vaststellen",
        kwargs={"op": vandaag},
        context={"op": vandaag},
        after=brief,
        details={
            "uitkomst": verzoek.voorstel_uitkomst,
            "mandaat": mandaat.bron if mandaat else None,
            "genomen_op": genomen_op,
            **te_laat,
        },
        mails=[lambda: emails.besluit_genomen(verzoek, besluit["besluit"])],
    )
    return besluit["besluit"]
