"""The one answer to "may this user do this now?": ``mag(gebruiker, actie, verzoek)``.

It returns a ``Toestemming``: allowed; not for you (``voor_u=False``: the view
answers 403, or 404 when the case is not visible at all); or not now (the
Dutch reason, shown beside the button that is absent). Services refuse with
that reason, views choose the response from it and templates show buttons from
it; nothing else decides who may act.

``actie`` is a transition of ``Werkstroom`` (``indienen`` ... ``intrekken``) or one
of the recorded actions without a state change (``REGELS``). For a transition
the role comes from the ``permission`` it declares (django-fsm-2 calls it as
``permission(verzoek, user)``), the step from its sources and the conditions
from its pure guards, read through django-fsm-2's public API only.

Visibility of whole cases is ``Verzoek.objects.zichtbaar_voor``; these rules
assume the case is already visible.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django_fsm import can_proceed, has_transition_perm

from ontheffing.states import OPEN_STATUSSEN, Bestuursorgaan, Rol, Status


@dataclass(frozen=True)
class Toestemming:
    toegestaan: bool
    reden: str = ""
    voor_u: bool = True

    def __bool__(self) -> bool:
        return self.toegestaan


TOEGESTAAN = Toestemming(True)


def niet_voor_u(reden: str) -> Toestemming:
    return Toestemming(False, reden, voor_u=False)


def niet_nu(reden: str) -> Toestemming:
    return Toestemming(False, reden)


# ---------------------------------------------------------------- who


def is_actief(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def is_staf(user) -> bool:
    """A behandelaar or beslisser of a province: who works on cases."""
    return (
        is_actief(user)
        and user.rol in (Rol.BEHANDELAAR, Rol.BESLISSER)
        and user.provincie_id is not None
    )


def is_medewerker_van(verzoek, user, *rollen: Rol) -> bool:
    """Staff of the case's province in one of the given roles."""
    return (
        is_actief(user)
        and user.rol in rollen
        and user.provincie_id is not None
        and user.provincie_id == verzoek.provincie_id
    )


def is_aanvrager_van(verzoek, user) -> bool:
    """The account that filed the case, or the office holder it was filed for."""
    return (
        is_actief(user)
        and user.rol == Rol.AANVRAGER
        and user.pk in (verzoek.ingediend_door_id, verzoek.ambtsdrager_id)
    )


def aanvrager(verzoek, user) -> Toestemming:
    """Transition permission: the applicant of this case."""
    if is_aanvrager_van(verzoek, user):
        return TOEGESTAAN
    return niet_voor_u("Alleen de aanvrager van dit verzoek kan dit doen.")


def behandelaar(verzoek, user) -> Toestemming:
    """Transition permission: a behandelaar of the case's province."""
    if is_medewerker_van(verzoek, user, Rol.BEHANDELAAR):
        return TOEGESTAAN
    return niet_voor_u("Alleen een behandelaar van deze provincie kan dit doen.")


def mag_beslissen(user) -> bool:
    """A confirmed beslisser, or a behandelaar or beslisser holding a mandate in
    force today (Awb 10:10; the register: ``services.mandaten``)."""
    from ontheffing import mandaten
    from ontheffing.services.mandaten import heeft_mandaat

    return (
        is_actief(user)
        and user.rol in (Rol.BEHANDELAAR, Rol.BESLISSER)
        and (mandaten.is_beslisser(user) or heeft_mandaat(user))
    )


def voorbereid_door(verzoek) -> set[int]:
    """Everyone who prepared the decision: the assigned behandelaar, who
    qualified the case, who judged a criterion and who proposed it. The
    services record them on the case, so this reads no other table."""
    ids = {
        verzoek.behandelaar_id,
        verzoek.voorgesteld_door_id,
        *verzoek.voorbereiders,
    }
    ids.discard(None)
    return ids


def vier_ogen(verzoek, user) -> Toestemming:
    """Whoever prepared the decision cannot take it (README, "Vier ogen")."""
    if user.pk in voorbereid_door(verzoek):
        return niet_voor_u(
            "U heeft dit verzoek behandeld, gekwalificeerd, getoetst of voorgesteld; "
            "een andere beslisser stelt het besluit vast (vier ogen)."
        )
    return TOEGESTAAN


def bevoegd(verzoek, user, op: date | None = None) -> Toestemming:
    """The competence to decide this case on day ``op``: staff of the case's
    province who is a confirmed beslisser for a GS case (recording the
    college's decision), or who holds a mandate in force that covers this
    decision (Awb 10:10; for a case of the Commissaris van de Koning a mandate
    of the CdK). The one place for mandate rules; the register is
    ``services.mandaten``."""
    from ontheffing import mandaten
    from ontheffing.services.mandaten import mandaat_voor

    if not is_medewerker_van(verzoek, user, Rol.BEHANDELAAR, Rol.BESLISSER):
        return niet_voor_u("Alleen een beslisser van deze provincie kan dit doen.")
    orgaan_zelf = verzoek.bestuursorgaan == Bestuursorgaan.GS and mandaten.is_beslisser(
        user
    )
    if orgaan_zelf or mandaat_voor(user, verzoek, op=op) is not None:
        return TOEGESTAAN
    if verzoek.bestuursorgaan == Bestuursorgaan.CDK:
        return niet_voor_u(
            "Dit besluit is aan de Commissaris van de Koning; alleen wie een "
            "geldend mandaat van de Commissaris heeft, kan het vaststellen."
        )
    return niet_voor_u("U heeft geen geldend mandaat om over dit verzoek te beslissen.")


def beslisser(verzoek, user) -> Toestemming:
    """Transition permission: competent to decide, and four eyes."""
    return vier_ogen(verzoek, user) and bevoegd(verzoek, user)


# ------------------------------------------------- actions without a transition


def _open_voor_behandelaar(gebruiker, verzoek) -> Toestemming:
    toestemming = behandelaar(verzoek, gebruiker)
    if toestemming and verzoek.status not in OPEN_STATUSSEN:
        return niet_nu("Dit verzoek is afgehandeld.")
    return toestemming


def oppakbaar(status: str, behandelaar_id: int | None, user) -> bool:
    """Whether a behandelaar may take an open case of their province: not one
    that is already theirs, nor one that waits for a decision. On plain values,
    so the worklist can ask it of its projected rows."""
    return (
        user.rol == Rol.BEHANDELAAR
        and status in OPEN_STATUSSEN
        and status != Status.TER_BESLUITVORMING
        and behandelaar_id != user.pk
    )


def _toewijzen(gebruiker, verzoek, aan=None) -> Toestemming:
    toestemming = _open_voor_behandelaar(gebruiker, verzoek)
    if not toestemming:
        return toestemming
    if verzoek.status == Status.TER_BESLUITVORMING:
        return niet_nu(
            "Dit verzoek kan in deze stap niet aan een andere behandelaar worden gegeven."
        )
    if aan is not None and not behandelaar(verzoek, aan):
        return niet_nu("Geef het verzoek aan een behandelaar van deze provincie.")
    return TOEGESTAAN


def _oppakken(gebruiker, verzoek) -> Toestemming:
    toestemming = _toewijzen(gebruiker, verzoek)
    if toestemming and not oppakbaar(verzoek.status, verzoek.behandelaar_id, gebruiker):
        return niet_nu("U behandelt dit verzoek al.")
    return toestemming


def _notitie(gebruiker, verzoek) -> Toestemming:
    if is_medewerker_van(verzoek, gebruiker, Rol.BEHANDELAAR, Rol.BESLISSER):
        return TOEGESTAAN
    return niet_voor_u("Alleen medewerkers van de provincie kunnen notities maken.")


def _criteria_beoordelen(gebruiker, verzoek) -> Toestemming:
    toestemming = behandelaar(verzoek, gebruiker)
    if toestemming and verzoek.status != Status.TOETSING:
        return niet_nu("De criteria worden beoordeeld in de stap toetsing.")
    return toestemming


def _zienswijze_geven(gebruiker, verzoek) -> Toestemming:
    """The applicant may give their view while the province asks for one
    (Awb 4:7; also when it was asked of a third party, 4:8: hearing the
    applicant too does no harm). Not a transition: the behandelaar processes
    what came in."""
    if not is_aanvrager_van(verzoek, gebruiker):
        return niet_voor_u("U kunt bij dit verzoek geen zienswijze geven.")
    if verzoek.status != Status.ZIENSWIJZE_GEVRAAGD:
        return niet_nu("Er wordt bij dit verzoek (nu) geen zienswijze gevraagd.")
    return TOEGESTAAN


def _splitsen(gebruiker, verzoek) -> Toestemming:
    """Several offices: split per competent authority before the qualification
    (``services.procedures.verzoek_splitsen``)."""
    toestemming = behandelaar(verzoek, gebruiker)
    if toestemming and verzoek.status not in (Status.INGEDIEND, Status.KWALIFICATIE):
        return niet_nu(
            "Splitsen per bevoegd gezag kan alleen vóór de kwalificatie is vastgelegd."
        )
    if toestemming and not verzoek.overige_ambten:
        return niet_nu("Dit verzoek noemt één ambt.")
    return toestemming


def _concept_aanmaken(gebruiker, verzoek=None) -> Toestemming:
    if is_actief(gebruiker) and gebruiker.rol == Rol.AANVRAGER:
        return TOEGESTAAN
    return niet_voor_u("Alleen aanvragers kunnen een verzoek indienen.")


def _concept_bewerken(gebruiker, verzoek) -> Toestemming:
    """Only the one who filed it edits a concept, and only while it is one."""
    if not (is_actief(gebruiker) and verzoek.ingediend_door_id == gebruiker.pk):
        return niet_voor_u("Alleen wie het verzoek invult, kan dit concept wijzigen.")
    if verzoek.status != Status.CONCEPT:
        return niet_nu("Dit verzoek is ingediend en kan niet meer worden gewijzigd.")
    return TOEGESTAAN


def _beslissen(gebruiker, verzoek=None) -> Toestemming:
    """The list of proposals and the signature under a concept letter."""
    if mag_beslissen(gebruiker):
        return TOEGESTAAN
    return niet_voor_u("Alleen wie mag beslissen, ziet de voorstellen.")


REGELS = {
    "oppakken": _oppakken,
    "toewijzen": _toewijzen,
    "notitie": _notitie,
    "verdagen": _open_voor_behandelaar,
    "opschorten": _open_voor_behandelaar,
    "splitsen": _splitsen,
    "ingebrekestelling": _open_voor_behandelaar,
    "criteria_beoordelen": _criteria_beoordelen,
    "zienswijze_geven": _zienswijze_geven,
    "concept_aanmaken": _concept_aanmaken,
    "concept_bewerken": _concept_bewerken,
    "beslissen": _beslissen,
}


# ----------------------------------------------------------- transitions

# Why a transition's pure condition fails, by the guard's name.
VOORWAARDEN = {
    "heeft_voorstel": "Er staat geen voorstel klaar.",
}


def _indienen(gebruiker, verzoek) -> Toestemming:
    """Submitting needs a confirmed e-mail address and a complete request
    (README, "Indienen"); a concept can always be saved."""
    if not gebruiker.email_bevestigd:
        return niet_nu(
            "Bevestig eerst uw e-mailadres met de link die wij u stuurden; "
            "daarna kunt u het verzoek indienen. Uw gegevens zijn opgeslagen."
        )
    ontbreekt = verzoek.ontbrekende_gegevens()
    if ontbreekt:
        return niet_nu(
            "Het verzoek is nog niet compleet. Vul nog in: "
            + ", ".join(ontbreekt)
            + "."
        )
    return TOEGESTAAN


def _buiten_behandeling(gebruiker, verzoek, vandaag: date | None = None):
    """Awb 4:5: only once the hersteltermijn has passed unanswered."""
    if not verzoek.hersteltermijn_verstreken(vandaag or timezone.localdate()):
        return niet_nu("De hersteltermijn is nog niet verstreken.")
    return TOEGESTAAN


def _vaststellen(gebruiker, verzoek, op: date | None = None):
    return bevoegd(verzoek, gebruiker, op=op)


# What a transition needs beyond its declaration, from the caller's context
# (the clock is the service's, never the condition's).
AANVULLINGEN = {
    "indienen": _indienen,
    "buiten_behandeling_voorstellen": _buiten_behandeling,
    "vaststellen": _vaststellen,
}


def _overgangen(verzoek, actie):
    return [t for t in verzoek.get_all_status_transitions() if t.name == actie]


def _transitie(gebruiker, actie, verzoek, **context) -> Toestemming:
    overgangen = _overgangen(verzoek, actie)
    if not overgangen:
        raise ValueError(f"Onbekende actie: {actie!r}")
    toestemming = overgangen[0].permission(verzoek, gebruiker)
    if not toestemming:
        return toestemming
    methode = getattr(verzoek, actie)
    if not can_proceed(methode, check_conditions=False):
        return niet_nu(
            f"Dit kan niet in de huidige stap ({verzoek.get_status_display().lower()})."
        )
    if not can_proceed(methode):
        for overgang in overgangen:
            if overgang.source in (verzoek.status, "*", "+"):
                for voorwaarde in overgang.conditions:
                    if not voorwaarde(verzoek):
                        return niet_nu(
                            VOORWAARDEN.get(voorwaarde.__name__, "Dit kan nu nog niet.")
                        )
        return niet_nu("Dit kan nu nog niet.")
    if not has_transition_perm(methode, gebruiker):
        return niet_voor_u("U mag deze actie bij dit verzoek niet uitvoeren.")
    aanvulling = AANVULLINGEN.get(actie)
    return aanvulling(gebruiker, verzoek, **context) if aanvulling else TOEGESTAAN


def mag(gebruiker, actie: str, verzoek=None, **context) -> Toestemming:
    """May ``gebruiker`` do ``actie`` (on ``verzoek``) now, and if not, why not."""
    regel = REGELS.get(actie)
    if regel is not None:
        return regel(gebruiker, verzoek, **context)
    return _transitie(gebruiker, actie, verzoek, **context)


def toestemmingen(gebruiker, verzoek, acties) -> dict[str, Toestemming]:
    """For a page: the answer for each of ``acties``."""
    return {actie: mag(gebruiker, actie, verzoek) for actie in acties}
