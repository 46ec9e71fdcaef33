"""Who may do what: pure predicates on (case, user), used by the transitions.

django-fsm calls a transition's ``permission`` as ``permission(instance, user)``;
services check it with ``has_transition_perm`` before transitioning, and the
pages show only the actions for which it holds. Visibility of whole cases is the
queryset method ``Verzoek.objects.zichtbaar_voor``; these predicates assume the
case is already visible and add role, province and four-eyes rules.
"""

from ontheffing.states import Actie, Bestuursorgaan, Rol, Status


def is_actief(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def is_medewerker_van(verzoek, user, rol: Rol) -> bool:
    """Staff of the case's province in the given role."""
    return (
        is_actief(user)
        and user.rol == rol
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


def aanvrager(verzoek, user) -> bool:
    return is_aanvrager_van(verzoek, user)


def mag_zienswijze_geven(verzoek, user) -> bool:
    """The applicant may give their view while the province asks for one
    (Awb 4:7; also when it was asked of a third party, 4:8: hearing the
    applicant too does no harm). Not a transition: the behandelaar processes
    what came in."""
    return is_aanvrager_van(verzoek, user) and (
        verzoek.status == Status.ZIENSWIJZE_GEVRAAGD
    )


def behandelaar(verzoek, user) -> bool:
    return is_medewerker_van(verzoek, user, Rol.BEHANDELAAR)


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


# The steps of preparing a decision: whoever took one cannot decide (four eyes).
VOORBEREIDING = (
    Actie.KWALIFICEREN,
    Actie.TOETSEN,
    Actie.VOORSTELLEN,
    Actie.BUITEN_BEHANDELING_VOORSTELLEN,
)


def voorbereid_door(verzoek) -> set[int]:
    """Everyone who prepared the decision (README, "Vier ogen"): the assigned
    behandelaar and the proposer, and from the case's audit trail whoever
    qualified it, judged a criterion or proposed a decision, a returned
    proposal included."""
    ids = {verzoek.behandelaar_id, verzoek.voorgesteld_door_id}
    if verzoek.pk:
        ids.update(
            verzoek.gebeurtenissen.filter(actie__in=VOORBEREIDING).values_list(
                "actor_id", flat=True
            )
        )
    ids.discard(None)
    return ids


def beslisser(verzoek, user) -> bool:
    """Someone of the case's province who may decide it, and neither its
    behandelaar nor the one who proposed the decision (four eyes, domain §1):
    a confirmed beslisser for a GS case (recording the college's decision), or
    the holder of a mandate in force today that covers this decision (for a
    burgemeester's case: a mandate of the CdK)."""
    from ontheffing import mandaten
    from ontheffing.services.mandaten import mandaat_voor

    if not (is_actief(user) and user.provincie_id == verzoek.provincie_id):
        return False
    if user.pk in voorbereid_door(verzoek):
        return False
    if user.rol not in (Rol.BEHANDELAAR, Rol.BESLISSER):
        return False
    orgaan_zelf = verzoek.bestuursorgaan == Bestuursorgaan.GS and mandaten.is_beslisser(
        user
    )
    return orgaan_zelf or mandaat_voor(user, verzoek) is not None
