"""The state machine itself, without a database: the graph in code is the graph
of the specification (issue 2, §4), and the README shows that same graph."""

from pathlib import Path

import pytest
from django_fsm import TransitionNotAllowed

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


@pytest.mark.parametrize(("naam", "status"), ALLE_PAREN)
def test_every_other_state_transition_pair_is_refused(naam, status):
    """A transition from a state outside its sources raises, whoever calls it."""
    verzoek = Verzoek()
    verzoek._meta.get_field("status").set_state(verzoek, status)  # bypass protection
    overgang = getattr(verzoek, naam)._django_fsm.get_transition(status)
    toegestaan = status in SPECIFICATIE[naam][0]
    assert (overgang is not None) == toegestaan
    if not toegestaan:
        with pytest.raises(TransitionNotAllowed):
            _call(verzoek, naam)


def _call(verzoek, naam):
    from datetime import date

    args = {
        "indienen": (date(2026, 1, 5),),
        "in_behandeling_nemen": (None,),
        "buiten_behandeling_voorstellen": (None, "motivering"),
        "doorzenden": ("BZK",),
        "zienswijze_vragen": ("aanvrager", date(2026, 1, 5)),
        "voorstellen": (None, "verleend", "m", [], False),
        "vaststellen": (date(2026, 1, 5),),
    }.get(naam, ())
    kwargs = (
        {
            "feiten": {},
            "engine": {},
            "bevestigd": {"uitkomst": "niet_verboden"},
            "motivering": "",
            "voorgesteld_door": None,
        }
        if naam == "kwalificeren"
        else {}
    )
    getattr(verzoek, naam)(*args, **kwargs)
