"""No silent hand-offs: the marker a case carries in the lists until the person
it was handed to opens it.

Which step leaves which marker, and who clears it by opening the case, is
decided here and nowhere else; the services set it with the transition (or,
for a zienswijze, with its event), the lists read it as a projected column,
and the case pages clear it. The e-mail that goes with each hand-off is in
``ontheffing.emails``.

Clearing a marker is not a change of the case (nothing about the request or
its procedure changes), so it is not an event in the audit trail: it is an
``UPDATE`` of one column, without touching the state or its version.
"""

from __future__ import annotations

from ontheffing.models import Verzoek
from ontheffing.states import Melding, Rol, Status

# After the transition of this name the case carries this marker. Every other
# transition clears it: whoever moved the case on has seen it.
NA_TRANSITIE = {
    "aanvullen": Melding.NIEUW_ANTWOORD,
    "terugsturen": Melding.TERUGGESTUURD,
}
# A case that arrives at the beslisser (a proposal, also "geen ontheffing
# vereist" from the qualification or "buiten behandeling") waits for a decision.
NA_STAP = {Status.TER_BESLUITVORMING: Melding.NIEUW_VOORSTEL}


def na_transitie(naam: str, naar: str) -> str:
    """The marker a case carries after transition ``naam`` to step ``naar``."""
    return NA_STAP.get(naar) or NA_TRANSITIE.get(naam, "")


def voor_rol(melding: str) -> str:
    """The role a marker is meant for: a waiting proposal for the beslisser,
    everything else for the behandelaar."""
    return Rol.BESLISSER if melding == Melding.NIEUW_VOORSTEL else Rol.BEHANDELAAR


def geadresseerde(melding: str, behandelaar_id: int | None, user) -> bool:
    """Whether ``user`` is the one the marker is for: a beslisser for a
    waiting proposal; for the rest the case's behandelaar, or any behandelaar
    while the case has none."""
    if not melding or user.rol != voor_rol(melding):
        return False
    if user.rol == Rol.BEHANDELAAR and behandelaar_id is not None:
        return behandelaar_id == user.pk
    return True


def gezien(user, verzoek: Verzoek) -> None:
    """``user`` opened the case: a marker meant for them is cleared."""
    if geadresseerde(verzoek.melding, verzoek.behandelaar_id, user):
        Verzoek.objects.filter(pk=verzoek.pk, melding=verzoek.melding).update(
            melding=""
        )
        verzoek.melding = ""


def label(melding: str) -> str:
    return str(Melding(melding).label) if melding else ""
