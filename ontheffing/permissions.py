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


def aanvrager_of_registratie(verzoek, user) -> Toestemming:
    """Transition permission: the applicant of this case; for a request
    registered from post or e-mail (no applicant account), a behandelaar of
    the province records what the applicant sent (README, "Verzoeken per post
    of e-mail")."""
    if getattr(verzoek, "geregistreerd", False):
        if is_medewerker_van(verzoek, user, Rol.BEHANDELAAR):
            return TOEGESTAAN
        return niet_voor_u(
            "Dit verzoek kwam per post of e-mail; een behandelaar van de provincie "
            "legt vast wat de aanvrager stuurt."
        )
    return aanvrager(verzoek, user)


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


def bevoegd(
    verzoek, user, op: date | None = None, *, alleen_volledig: bool = False
) -> Toestemming:
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
    if (
        orgaan_zelf
        or mandaat_voor(user, verzoek, op=op, alleen_volledig=alleen_volledig)
        is not None
    ):
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


def _zienswijze_derde_vragen(gebruiker, verzoek) -> Toestemming:
    """Awb 4:8: a behandelaar asks a third party for their view before the
    proposal: from the assessment, or while views are already asked."""
    toestemming = behandelaar(verzoek, gebruiker)
    if toestemming and verzoek.status not in (
        Status.TOETSING,
        Status.ZIENSWIJZE_GEVRAAGD,
    ):
        return niet_nu("Een zienswijze vraagt u in de stap toetsing.")
    return toestemming


def _zienswijze_derde_vastleggen(gebruiker, verzoek) -> Toestemming:
    """The view of a third party comes in by post or e-mail; a behandelaar
    records it while views are asked (like the applicant's, Awb 4:7)."""
    toestemming = behandelaar(verzoek, gebruiker)
    if toestemming and verzoek.status != Status.ZIENSWIJZE_GEVRAAGD:
        return niet_nu(
            "Er wordt (nu) geen zienswijze gevraagd; een zienswijze vastleggen kan "
            "zolang het verzoek in de stap 'zienswijze gevraagd' staat."
        )
    return toestemming


def dwangsom_stand(verzoek, vandaag: date):
    """(dwangsom, reason): the dwangsom forfeited for not deciding in time as it
    stands on ``vandaag`` (Awb 4:17), and why it cannot be fixed now (Awb
    4:18: after its last day), or "" when it can. Reads the case's deadline."""
    from ontheffing import termijnen
    from ontheffing.formatting import datum

    ontvangen = verzoek.ingebrekestelling_ontvangen_op
    if ontvangen is None:
        return None, "Er is geen ingebrekestelling geregistreerd."
    try:
        einde = verzoek.beslistermijn
    except ValueError as fout:
        return None, f"De beslistermijn kan niet worden berekend: {fout}"
    if einde is None or ontvangen <= einde:
        return None, (
            "De ingebrekestelling kwam niet na het einde van de beslistermijn; "
            "daardoor is geen dwangsom verbeurd (artikel 4:17 Awb)."
        )
    stand = termijnen.dwangsom(ontvangen, verzoek.afgehandeld_op, vandaag)
    if stand.dagen == 0 and verzoek.afgehandeld_op is not None:
        return stand, (
            "Er is geen dwangsom verbeurd: het besluit kwam binnen twee weken na "
            "de ontvangst van de ingebrekestelling (artikel 4:17, derde lid, Awb)."
        )
    if stand.dagen == 0:
        return stand, (
            f"De dwangsom loopt pas vanaf {datum(stand.start)} (artikel 4:17, derde "
            "lid, Awb); vastgesteld wordt hij na de laatste dag waarover hij "
            "verschuldigd is (artikel 4:18 Awb)."
        )
    if stand.vaststellen_uiterlijk is None or stand.laatste_dag >= vandaag:
        return stand, (
            "De dwangsom loopt nog: hij wordt vastgesteld na de laatste dag waarover "
            "hij verschuldigd is, dus na het besluit op de aanvraag of na de "
            "42e dag (artikelen 4:17 en 4:18 Awb)."
        )
    return stand, ""


def _dwangsom_vaststellen(gebruiker, verzoek, vandaag: date | None = None):
    """Awb 4:18: the competent authority of the case fixes the dwangsom, by
    someone who did not prepare the case (four eyes), once it stopped running."""
    if not is_medewerker_van(verzoek, gebruiker, Rol.BEHANDELAAR, Rol.BESLISSER):
        return niet_voor_u("Alleen een beslisser van deze provincie kan dit doen.")
    vandaag = vandaag or timezone.localdate()
    toestemming = vier_ogen(verzoek, gebruiker) and bevoegd(
        verzoek, gebruiker, vandaag, alleen_volledig=True
    )
    if not toestemming:
        return toestemming
    if hasattr(verzoek, "dwangsombesluit"):
        return niet_nu("De dwangsom van dit verzoek is al vastgesteld.")
    _, reden = dwangsom_stand(verzoek, vandaag)
    return niet_nu(reden) if reden else TOEGESTAAN


def _dwangsom_betaling(gebruiker, verzoek) -> Toestemming:
    """Recording that the fixed dwangsom was paid: staff of the province."""
    if not is_medewerker_van(verzoek, gebruiker, Rol.BEHANDELAAR, Rol.BESLISSER):
        return niet_voor_u("Alleen medewerkers van de provincie kunnen dit doen.")
    besluit = getattr(verzoek, "dwangsombesluit", None)
    if besluit is None:
        return niet_nu("De dwangsom is nog niet vastgesteld (artikel 4:18 Awb).")
    if besluit.betaald:
        return niet_nu("De betaling van de dwangsom is al vastgelegd.")
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


def _papier_registreren(gebruiker, verzoek=None) -> Toestemming:
    """A request by post or e-mail is registered by a behandelaar, for their
    own province."""
    if (
        is_actief(gebruiker)
        and gebruiker.rol == Rol.BEHANDELAAR
        and (gebruiker.provincie_id is not None)
    ):
        return TOEGESTAAN
    return niet_voor_u("Alleen een behandelaar kan een verzoek registreren.")


def _feiten_corrigeren(gebruiker, verzoek) -> Toestemming:
    """Staff correct the facts while the case is being prepared; not while a
    beslisser reads the proposal (the letter would change under them), and
    not after the decision (an issued letter never changes)."""
    toestemming = _open_voor_behandelaar(gebruiker, verzoek)
    if toestemming and verzoek.status == Status.TER_BESLUITVORMING:
        return niet_nu(
            "Het voorstel ligt bij de beslisser; laat het eerst terugsturen om "
            "gegevens te corrigeren."
        )
    return toestemming


def _post_verzonden(gebruiker, verzoek) -> Toestemming:
    """Recording that a printed letter was posted: staff of the province."""
    if is_medewerker_van(verzoek, gebruiker, Rol.BEHANDELAAR, Rol.BESLISSER):
        return TOEGESTAAN
    return niet_voor_u("Alleen medewerkers van de provincie leggen de verzending vast.")


def _beslissen(gebruiker, verzoek=None) -> Toestemming:
    """The list of proposals and the signature under a concept letter."""
    if mag_beslissen(gebruiker):
        return TOEGESTAAN
    return niet_voor_u("Alleen wie mag beslissen, ziet de voorstellen.")


def _provincie_beheren(gebruiker, verzoek=None, provincie_id=None) -> Toestemming:
    """Beheer of one province (staff, letterhead, afschriften, bodies, the
    beleidsregel, mandates): only an active beheerder of that province."""
    if (
        is_actief(gebruiker)
        and gebruiker.rol == Rol.BEHEERDER
        and gebruiker.provincie_id is not None
        and gebruiker.provincie_id == provincie_id
    ):
        return TOEGESTAAN
    return niet_voor_u("Alleen de beheerder van deze provincie mag dit wijzigen.")


def _doorzendadres_instellen(gebruiker, verzoek=None, provincie_id=None):
    """Where other authorities forward requests to the GS and the CdK of a
    province is that province's beheer. The Minister's one address serves
    every province, so it is set in the admin of the installation, not by the
    beheerder of one province (README, "Doorzenden")."""
    if provincie_id is None:
        return niet_voor_u(
            "Het adres van de minister geldt voor alle provincies; de functioneel "
            "beheerder van de installatie stelt het in."
        )
    return _provincie_beheren(gebruiker, provincie_id=provincie_id)


REGELS = {
    "provincie_beheren": _provincie_beheren,
    "afschriften_instellen": _provincie_beheren,
    "doorzendadres_instellen": _doorzendadres_instellen,
    "oppakken": _oppakken,
    "toewijzen": _toewijzen,
    "notitie": _notitie,
    "verdagen": _open_voor_behandelaar,
    "opschorten": _open_voor_behandelaar,
    "splitsen": _splitsen,
    "ingebrekestelling": _open_voor_behandelaar,
    "criteria_beoordelen": _criteria_beoordelen,
    "zienswijze_geven": _zienswijze_geven,
    "zienswijze_derde_vragen": _zienswijze_derde_vragen,
    "zienswijze_derde_vastleggen": _zienswijze_derde_vastleggen,
    "dwangsom_vaststellen": _dwangsom_vaststellen,
    "dwangsom_betaling": _dwangsom_betaling,
    "concept_aanmaken": _concept_aanmaken,
    "concept_bewerken": _concept_bewerken,
    "beslissen": _beslissen,
    "papier_registreren": _papier_registreren,
    "feiten_corrigeren": _feiten_corrigeren,
    "post_verzonden": _post_verzonden,
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


# The transitions by model and name: they are declared on the class, so a page
# that asks twenty questions need not walk all of them twenty times.
_OVERGANGEN: dict[tuple[type, str], list] = {}


def _overgangen(verzoek, actie):
    sleutel = (type(verzoek), actie)
    if sleutel not in _OVERGANGEN:
        _OVERGANGEN[sleutel] = [
            t for t in verzoek.get_all_status_transitions() if t.name == actie
        ]
    return _OVERGANGEN[sleutel]


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
    """For a page: the answer for each of ``acties`` (the mandate register read
    once for all of them)."""
    from ontheffing.services.mandaten import eenmaal_gelezen

    with eenmaal_gelezen():
        return {actie: mag(gebruiker, actie, verzoek) for actie in acties}
