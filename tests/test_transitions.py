"""The state machine itself, without a database: the graph in code is the graph
of the specification, and the README shows that same graph."""

from datetime import date
from pathlib import Path

import pytest
from django_fsm import TransitionNotAllowed, can_proceed

from ontheffing.diagram import mermaid, overgangen
from ontheffing.models import Verzoek
from ontheffing.states import Status

S = Status
OPEN = [
    S.INGEDIEND,
    S.AANVULLING_GEVRAAGD,
    S.KWALIFICATIE,
    S.TOETSING,
    S.ZIENSWIJZE_GEVRAAGD,
    S.TER_BESLUITVORMING,
]

# The state table of the specification: transition -> (sources, targets).
SPECIFICATIE = {
    "indienen": ([S.CONCEPT], [S.INGEDIEND]),
    "in_behandeling_nemen": ([S.INGEDIEND], [S.KWALIFICATIE]),
    "aanvulling_vragen": (
        [S.INGEDIEND, S.KWALIFICATIE, S.TOETSING],
        [S.AANVULLING_GEVRAAGD],
    ),
    "aanvullen": ([S.AANVULLING_GEVRAAGD], [S.INGEDIEND]),
    "buiten_behandeling_voorstellen": ([S.AANVULLING_GEVRAAGD], [S.TER_BESLUITVORMING]),
    "doorzenden": ([S.INGEDIEND, S.KWALIFICATIE], [S.DOORGEZONDEN]),
    "kwalificeren": ([S.KWALIFICATIE], [S.TOETSING, S.TER_BESLUITVORMING]),
    "zienswijze_vragen": ([S.TOETSING], [S.ZIENSWIJZE_GEVRAAGD]),
    "zienswijze_verwerken": ([S.ZIENSWIJZE_GEVRAAGD], [S.TOETSING]),
    "voorstellen": ([S.TOETSING], [S.TER_BESLUITVORMING]),
    "terugsturen": (
        [S.TER_BESLUITVORMING],
        [S.AANVULLING_GEVRAAGD, S.KWALIFICATIE, S.TOETSING],
    ),
    "vaststellen": ([S.TER_BESLUITVORMING], [S.AFGEHANDELD]),
    "intrekken": (OPEN, [S.INGETROKKEN]),
    "registreren": ([S.CONCEPT], [S.INGEDIEND]),
    "terug_naar_kwalificatie": ([S.TOETSING], [S.KWALIFICATIE]),
    "geen_ontheffing_voorstellen": ([S.TOETSING], [S.TER_BESLUITVORMING]),
}


def verwacht():
    return sorted(
        (str(bron), naam, str(doel))
        for naam, (bronnen, doelen) in SPECIFICATIE.items()
        for bron in bronnen
        for doel in doelen
    )


def test_graph_in_code_is_the_specified_graph():
    assert overgangen() == verwacht()


def test_readme_shows_the_graph_in_code():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    assert mermaid() in readme, (
        "Werk het diagram in README.md bij: python -m ontheffing.diagram"
    )


def test_state_field_is_protected():
    verzoek = Verzoek()
    with pytest.raises(AttributeError):
        verzoek.status = S.AFGEHANDELD


ALLE_PAREN = [(naam, status) for naam in SPECIFICATIE for status in S]


def _in(status) -> Verzoek:
    verzoek = Verzoek(voorstel_uitkomst="verleend")
    verzoek._meta.get_field("status").set_state(verzoek, status)  # bypass protection
    return verzoek


# Keyword arguments of each transition, as the services pass them.
ARGUMENTEN = {
    "indienen": {"ontvangen_op": date(2026, 1, 5)},
    "in_behandeling_nemen": {"behandelaar": None},
    "buiten_behandeling_voorstellen": {"voorgesteld_door": None, "motivering": "m"},
    "doorzenden": {"aan": "BZK"},
    "kwalificeren": {
        "feiten": {},
        "berekend": {},
        "bevestigd": {"uitkomst": "niet_verboden"},
        "motivering": "",
        "gekwalificeerd_door": None,
    },
    "zienswijze_vragen": {"van": "aanvrager", "uiterlijk": date(2026, 1, 5)},
    "voorstellen": {
        "voorgesteld_door": None,
        "uitkomst": "verleend",
        "motivering": "m",
        "voorschriften": [],
        "goedkeuring": "",
    },
    "vaststellen": {"op": date(2026, 1, 5)},
    "registreren": {"ontvangen_op": date(2026, 1, 5)},
    "geen_ontheffing_voorstellen": {"voorgesteld_door": None, "motivering": "m"},
}


@pytest.mark.parametrize(("naam", "status"), ALLE_PAREN)
def test_every_other_state_transition_pair_is_refused(naam, status):
    """A transition from a state outside its sources raises, whoever calls it."""
    verzoek = _in(status)
    toegestaan = status in SPECIFICATIE[naam][0]
    assert can_proceed(getattr(verzoek, naam), check_conditions=False) == toegestaan
    if not toegestaan:
        with pytest.raises(TransitionNotAllowed):
            getattr(verzoek, naam)(**ARGUMENTEN.get(naam, {}))
        assert verzoek.status == status


TOEGESTANE_PAREN = [
    (naam, bron) for naam, (bronnen, _) in SPECIFICATIE.items() for bron in bronnen
]


@pytest.mark.parametrize(("naam", "bron"), TOEGESTANE_PAREN)
def test_every_allowed_transition_moves_to_a_specified_target(naam, bron):
    """Without a database: the transition changes the case in memory only."""
    verzoek = _in(bron)
    getattr(verzoek, naam)(**ARGUMENTEN.get(naam, {}))
    assert verzoek.status in SPECIFICATIE[naam][1]
    assert verzoek.pk is None


def test_qualifying_as_exemptable_goes_on_to_the_assessment():
    verzoek = _in(S.KWALIFICATIE)
    verzoek.kwalificeren(
        **{
            **ARGUMENTEN["kwalificeren"],
            "bevestigd": {"uitkomst": "verboden_ontheffbaar"},
        }
    )
    assert verzoek.status == S.TOETSING
    assert verzoek.voorstel_van_status == ""


def test_qualifying_as_not_forbidden_is_the_proposal():
    verzoek = _in(S.KWALIFICATIE)
    verzoek.kwalificeren(**ARGUMENTEN["kwalificeren"])
    assert verzoek.status == S.TER_BESLUITVORMING
    assert verzoek.voorstel_uitkomst == "geen_ontheffing_vereist"
    assert verzoek.voorstel_van_status == S.KWALIFICATIE


@pytest.mark.parametrize(
    ("van", "terug"),
    [(S.TOETSING, S.TOETSING), (S.KWALIFICATIE, S.KWALIFICATIE), ("", S.TOETSING)],
)
def test_returning_goes_back_to_the_step_of_the_proposal(van, terug):
    verzoek = _in(S.TER_BESLUITVORMING)
    verzoek.voorstel_van_status = van
    verzoek.terugsturen()
    assert verzoek.status == terug
    assert verzoek.voorstel_uitkomst == ""


def test_no_decision_without_a_proposal():
    verzoek = _in(S.TER_BESLUITVORMING)
    verzoek.voorstel_uitkomst = ""
    assert can_proceed(verzoek.vaststellen, check_conditions=False)
    assert not can_proceed(verzoek.vaststellen)


def test_only_the_public_api_of_django_fsm_is_used():
    """``_django_fsm`` is django-fsm-2's private metadata: nothing reads it."""
    code = Path(__file__).resolve().parent.parent / "ontheffing"
    lezers = [
        str(pad.relative_to(code))
        for pad in code.rglob("*.py")
        if "_django_fsm" in pad.read_text("utf-8")
    ]
    assert lezers == []
