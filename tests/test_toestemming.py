"""``permissions.mag``: the answer and its reason for each kind of user, from
the case's own fields; without a database except where the mandate register
is read."""

import pytest

from ontheffing.models import Gebruiker, Verzoek
from ontheffing.permissions import mag
from ontheffing.states import Bestuursorgaan, Rol, Status
from tests.factories import maak_gebruiker, maak_provincie

PROVINCIE = 1


def gebruiker(pk, rol, provincie=PROVINCIE, **extra) -> Gebruiker:
    return Gebruiker(pk=pk, rol=rol, provincie_id=provincie, is_active=True, **extra)


BEHANDELAAR = gebruiker(1, Rol.BEHANDELAAR)
COLLEGA = gebruiker(2, Rol.BEHANDELAAR)
BESLISSER = gebruiker(3, Rol.BESLISSER, beslisser_bevestigd=True)
ANDERE_BESLISSER = gebruiker(4, Rol.BESLISSER, beslisser_bevestigd=True)
VREEMDE = gebruiker(5, Rol.BESLISSER, provincie=2, beslisser_bevestigd=True)
AANVRAGER = gebruiker(6, Rol.AANVRAGER, provincie=None)


def verzoek(status, **velden) -> Verzoek:
    velden.setdefault("voorstel_uitkomst", "verleend")
    velden.setdefault("behandelaar_id", BEHANDELAAR.pk)
    v = Verzoek(provincie_id=PROVINCIE, ingediend_door_id=AANVRAGER.pk, **velden)
    v._meta.get_field("status").set_state(v, status)  # bypass protection
    return v


def test_a_beslisser_of_the_province_may_decide():
    antwoord = mag(BESLISSER, "vaststellen", verzoek(Status.TER_BESLUITVORMING))
    assert antwoord
    assert antwoord.reden == ""


@pytest.mark.parametrize(
    "veld",
    ["voorgesteld_door_id", "voorbereiders", "behandelaar_id"],
)
def test_whoever_prepared_the_decision_cannot_take_it(veld):
    waarde = [ANDERE_BESLISSER.pk] if veld == "voorbereiders" else ANDERE_BESLISSER.pk
    v = verzoek(Status.TER_BESLUITVORMING, **{veld: waarde})
    if veld != "behandelaar_id":
        v.behandelaar_id = None
    antwoord = mag(ANDERE_BESLISSER, "vaststellen", v)
    assert not antwoord
    assert not antwoord.voor_u
    assert "vier ogen" in antwoord.reden


def test_who_judged_a_criterion_cannot_decide():
    v = verzoek(Status.TER_BESLUITVORMING, voorbereiders=[BESLISSER.pk])
    antwoord = mag(BESLISSER, "vaststellen", v)
    assert not antwoord.voor_u
    assert "vier ogen" in antwoord.reden
    assert mag(ANDERE_BESLISSER, "vaststellen", v)


@pytest.mark.django_db
def test_a_cdk_case_needs_the_cdk_mandate():
    provincie = maak_provincie()
    gs = maak_gebruiker(Rol.BESLISSER, provincie)
    cdk = maak_gebruiker(Rol.BESLISSER, provincie, mag_namens_cdk=True)
    v = verzoek(
        Status.TER_BESLUITVORMING,
        bestuursorgaan=Bestuursorgaan.CDK,
        behandelaar_id=None,
    )
    v.provincie_id = provincie.pk
    antwoord = mag(gs, "vaststellen", v)
    assert not antwoord.voor_u
    assert "Commissaris van de Koning" in antwoord.reden
    assert mag(cdk, "vaststellen", v)


@pytest.mark.django_db
def test_a_behandelaar_decides_only_under_a_mandate():
    provincie = maak_provincie()
    zonder = maak_gebruiker(Rol.BEHANDELAAR, provincie)
    met = maak_gebruiker(Rol.BEHANDELAAR, provincie, mandaat=True)
    v = verzoek(Status.TER_BESLUITVORMING, behandelaar_id=None)
    v.provincie_id = provincie.pk
    antwoord = mag(zonder, "vaststellen", v)
    assert not antwoord.voor_u
    assert "mandaat" in antwoord.reden
    assert mag(met, "vaststellen", v)


def test_not_now_gives_the_step_as_the_reason():
    antwoord = mag(BESLISSER, "vaststellen", verzoek(Status.TOETSING))
    assert not antwoord
    assert antwoord.voor_u
    assert antwoord.reden == "Dit kan niet in de huidige stap (toetsing)."


def test_a_failed_condition_gives_its_reason():
    v = verzoek(Status.TER_BESLUITVORMING, voorstel_uitkomst="")
    antwoord = mag(BESLISSER, "vaststellen", v)
    assert antwoord.voor_u
    assert antwoord.reden == "Er staat geen voorstel klaar."


@pytest.mark.parametrize("wie", [VREEMDE, AANVRAGER, BEHANDELAAR])
def test_others_may_not_decide_at_all(wie):
    antwoord = mag(wie, "vaststellen", verzoek(Status.TER_BESLUITVORMING))
    assert not antwoord
    assert not antwoord.voor_u


@pytest.mark.parametrize(
    ("status", "oppakken", "toewijzen"),
    [
        (Status.INGEDIEND, True, True),
        (Status.TOETSING, True, True),
        (Status.TER_BESLUITVORMING, False, False),
        (Status.AFGEHANDELD, False, False),
    ],
)
def test_taking_and_assigning_follow_the_step(status, oppakken, toewijzen):
    v = verzoek(status, behandelaar_id=None)
    assert bool(mag(COLLEGA, "oppakken", v)) is oppakken
    assert bool(mag(COLLEGA, "toewijzen", v)) is toewijzen


def test_nobody_takes_a_case_that_is_already_theirs():
    antwoord = mag(BEHANDELAAR, "oppakken", verzoek(Status.TOETSING))
    assert not antwoord
    assert antwoord.voor_u
    assert mag(BEHANDELAAR, "toewijzen", verzoek(Status.TOETSING))


def test_a_note_is_for_staff_of_the_province():
    v = verzoek(Status.INGEDIEND)
    assert mag(BESLISSER, "notitie", v)
    assert mag(BEHANDELAAR, "notitie", v)
    assert not mag(VREEMDE, "notitie", v).voor_u
    assert not mag(AANVRAGER, "notitie", v).voor_u


def test_only_the_filer_edits_a_concept_and_only_as_a_concept():
    assert mag(AANVRAGER, "concept_bewerken", verzoek(Status.CONCEPT))
    antwoord = mag(AANVRAGER, "concept_bewerken", verzoek(Status.INGEDIEND))
    assert antwoord.voor_u
    assert "ingediend" in antwoord.reden
    ander = gebruiker(7, Rol.AANVRAGER, provincie=None)
    assert not mag(ander, "concept_bewerken", verzoek(Status.CONCEPT)).voor_u


def test_an_unknown_action_is_a_programming_error():
    with pytest.raises(ValueError, match="Onbekende actie"):
        mag(BESLISSER, "beslissen_zonder_regel", verzoek(Status.INGEDIEND))
