"""Casebook for the deadline engine: Awb 4:5, 4:13-4:18, 6:7-6:8 and the Atw.

Pure: no database, no Django settings. Every row is a case a behandelaar could meet.
"""

import dataclasses
import subprocess
import sys
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ontheffing import termijnen
from ontheffing.termijnen import (
    Dwangsom,
    Opschorting,
    Verdaging,
    atw_feestdagen,
    atw_verlengen,
    beslistermijn,
    beslistermijn_opbouw,
    bezwaartermijn_einde,
    buiten_behandeling_uiterlijk,
    datum_nl,
    dwangsom,
    hersteltermijn_einde,
    is_werkdag,
    werkdag_voor,
    werkdagen_tot,
)

D = date.fromisoformat
NEGEN_FEESTDAGEN = {
    "Nieuwjaarsdag",
    "Goede Vrijdag",
    "Tweede Paasdag",
    "Koningsdag",
    "Bevrijdingsdag",
    "Hemelvaartsdag",
    "Tweede Pinksterdag",
    "Eerste Kerstdag",
    "Tweede Kerstdag",
}
eigen_tempo = settings(max_examples=50, deadline=None)


def opschorting(van, tot=None):
    return Opschorting(van=D(van), tot=D(tot) if tot else None)


def test_importable_without_django():
    code = (
        "import sys, ontheffing.termijnen; "
        "assert not [m for m in sys.modules if m.split('.')[0] == 'django']"
    )
    root = Path(__file__).resolve().parent.parent
    subprocess.run([sys.executable, "-c", code], cwd=root, check=True)


# Feestdagen (Atw art. 3) ------------------------------------------------------


@pytest.mark.parametrize(
    ("jaar", "verwacht"),
    [
        pytest.param(
            2025,
            {
                "2025-01-01": "Nieuwjaarsdag",
                "2025-04-18": "Goede Vrijdag",
                "2025-04-21": "Tweede Paasdag",
                "2025-04-26": "Koningsdag",  # 27 April is a Sunday
                "2025-05-05": "Bevrijdingsdag",
                "2025-05-29": "Hemelvaartsdag",
                "2025-06-09": "Tweede Pinksterdag",
                "2025-12-25": "Eerste Kerstdag",
                "2025-12-26": "Tweede Kerstdag",
            },
            id="2025",
        ),
        pytest.param(
            2026,
            {
                "2026-01-01": "Nieuwjaarsdag",
                "2026-04-03": "Goede Vrijdag",
                "2026-04-06": "Tweede Paasdag",
                "2026-04-27": "Koningsdag",
                "2026-05-05": "Bevrijdingsdag",
                "2026-05-14": "Hemelvaartsdag",
                "2026-05-25": "Tweede Pinksterdag",
                "2026-12-25": "Eerste Kerstdag",
                "2026-12-26": "Tweede Kerstdag",
            },
            id="2026",
        ),
        pytest.param(
            2027,
            {
                "2027-01-01": "Nieuwjaarsdag",
                "2027-03-26": "Goede Vrijdag",
                "2027-03-29": "Tweede Paasdag",
                "2027-04-27": "Koningsdag",
                "2027-05-05": "Bevrijdingsdag",
                "2027-05-06": "Hemelvaartsdag",
                "2027-05-17": "Tweede Pinksterdag",
                "2027-12-25": "Eerste Kerstdag",
                "2027-12-26": "Tweede Kerstdag",
            },
            id="2027 (worked example)",
        ),
    ],
)
def test_feestdagen_of_a_year(jaar, verwacht):
    assert atw_feestdagen(jaar) == {D(dag): naam for dag, naam in verwacht.items()}


@pytest.mark.parametrize(
    ("jaar", "koningsdag"),
    [
        pytest.param(2014, "2014-04-26", id="2014: the 27th is a Sunday"),
        pytest.param(2015, "2015-04-27", id="2015: Monday"),
        pytest.param(2025, "2025-04-26", id="2025: the 27th is a Sunday"),
        pytest.param(2026, "2026-04-27", id="2026: Monday"),
        pytest.param(2030, "2030-04-27", id="2030: a Saturday stays"),
        pytest.param(2031, "2031-04-26", id="2031: the 27th is a Sunday"),
        pytest.param(2036, "2036-04-26", id="2036: the 27th is a Sunday"),
    ],
)
def test_koningsdag(jaar, koningsdag):
    dagen = {naam: dag for dag, naam in atw_feestdagen(jaar).items()}
    assert dagen["Koningsdag"] == D(koningsdag)


@pytest.mark.parametrize("jaar", [1945, 1950, 2000, 2024, 2025, 2026, 2029, 2100])
def test_bevrijdingsdag_every_year_not_only_lustrum_years(jaar):
    assert atw_feestdagen(jaar)[date(jaar, 5, 5)] == "Bevrijdingsdag"


@pytest.mark.parametrize(
    ("jaar", "tweede_paasdag"),
    [
        pytest.param(1900, "1900-04-16", id="1900"),
        pytest.param(1943, "1943-04-26", id="1943: latest possible Easter"),
        pytest.param(2008, "2008-03-24", id="2008: early Easter"),
        pytest.param(2024, "2024-04-01", id="2024"),
        pytest.param(2038, "2038-04-26", id="2038: latest possible Easter"),
        pytest.param(2100, "2100-03-29", id="2100"),
        pytest.param(2200, "2200-04-07", id="2200"),
    ],
)
def test_easter_is_computed(jaar, tweede_paasdag):
    assert atw_feestdagen(jaar)[D(tweede_paasdag)] == "Tweede Paasdag"


def test_coinciding_feestdagen_keep_both_names():
    # Easter 27 March 2016: Hemelvaartsdag falls on 5 May.
    assert atw_feestdagen(2016)[D("2016-05-05")] == "Bevrijdingsdag en Hemelvaartsdag"


def test_every_year_has_exactly_the_nine_feestdagen():
    for jaar in range(1900, 2201):
        namen = [
            n for naam in atw_feestdagen(jaar).values() for n in naam.split(" en ")
        ]
        assert sorted(namen) == sorted(NEGEN_FEESTDAGEN), jaar


def test_the_result_is_a_copy():
    atw_feestdagen(2026).clear()
    assert len(atw_feestdagen(2026)) == 9


@pytest.mark.parametrize("jaar", [1899, 2201])
def test_years_outside_the_supported_range_are_refused(jaar):
    with pytest.raises(ValueError, match="1900-2200"):
        atw_feestdagen(jaar)


# Werkdagen and Atw art. 1 -----------------------------------------------------


@pytest.mark.parametrize(
    ("dag", "werkdag"),
    [
        pytest.param("2026-04-27", False, id="Koningsdag"),
        pytest.param("2026-04-28", True, id="the day after Koningsdag"),
        pytest.param("2026-04-03", False, id="Goede Vrijdag"),
        pytest.param("2026-05-04", True, id="Dodenherdenking is no feestdag"),
        pytest.param("2026-05-05", False, id="Bevrijdingsdag on a Tuesday"),
        pytest.param("2026-03-07", False, id="Saturday"),
        pytest.param("2026-03-08", False, id="Sunday"),
        pytest.param("2026-12-24", True, id="Christmas Eve"),
        pytest.param("2026-12-31", True, id="New Year's Eve"),
        pytest.param("2027-01-01", False, id="Nieuwjaarsdag"),
    ],
)
def test_is_werkdag(dag, werkdag):
    assert is_werkdag(D(dag)) is werkdag


@pytest.mark.parametrize(
    ("einde", "verlengd"),
    [
        pytest.param("2026-03-04", "2026-03-04", id="a Wednesday stays"),
        pytest.param("2026-03-07", "2026-03-09", id="Saturday to Monday"),
        pytest.param("2026-04-27", "2026-04-28", id="Koningsdag on a Monday"),
        pytest.param("2025-04-26", "2025-04-28", id="Koningsdag on a Saturday"),
        pytest.param("2026-04-03", "2026-04-07", id="Goede Vrijdag to Tuesday"),
        pytest.param("2026-05-05", "2026-05-06", id="Bevrijdingsdag"),
        pytest.param("2026-05-14", "2026-05-15", id="Hemelvaartsdag"),
        pytest.param("2026-12-25", "2026-12-28", id="Christmas on a Friday"),
        pytest.param("2021-12-25", "2021-12-27", id="Christmas on a Saturday"),
        pytest.param("2022-12-31", "2023-01-02", id="over the year boundary"),
        pytest.param("2038-04-23", "2038-04-28", id="Easter and Koningsdag: 5 days"),
    ],
)
def test_atw_verlengen(einde, verlengd):
    assert atw_verlengen(D(einde)) == D(verlengd)


@pytest.mark.parametrize(
    ("van", "tot", "aantal"),
    [
        pytest.param("2026-03-02", "2026-03-09", 5, id="a plain week"),
        pytest.param("2026-03-02", "2026-03-02", 0, id="same day"),
        pytest.param("2026-03-09", "2026-03-02", 0, id="tot before van"),
        pytest.param("2026-03-06", "2026-03-08", 0, id="only a weekend"),
        pytest.param("2026-04-24", "2026-04-30", 3, id="over Koningsdag"),
        pytest.param("2026-12-23", "2026-12-31", 5, id="Christmas week"),
        pytest.param("2026-12-31", "2027-01-04", 1, id="over Nieuwjaarsdag"),
    ],
)
def test_werkdagen_tot(van, tot, aantal):
    assert werkdagen_tot(D(van), D(tot)) == aantal


@pytest.mark.parametrize(
    ("dag", "n", "verwacht"),
    [
        pytest.param("2026-03-13", 3, "2026-03-10", id="Friday: the Tuesday"),
        pytest.param("2026-03-16", 3, "2026-03-11", id="Monday: over the weekend"),
        pytest.param("2026-04-29", 3, "2026-04-23", id="over Koningsdag"),
        pytest.param("2027-01-04", 1, "2026-12-31", id="over Nieuwjaarsdag"),
        pytest.param("2026-03-13", 0, "2026-03-13", id="zero: the day itself"),
    ],
)
def test_werkdag_voor(dag, n, verwacht):
    assert werkdag_voor(D(dag), n) == D(verwacht)


def test_werkdag_voor_refuses_a_negative_count():
    with pytest.raises(ValueError, match="negatief"):
        werkdag_voor(D("2026-03-13"), -1)


# Terms of weeks: hersteltermijn, buiten behandeling, bezwaar -----------------


@pytest.mark.parametrize(
    ("verzonden", "weken", "einde"),
    [
        pytest.param("2026-03-02", 2, "2026-03-16", id="two weeks"),
        pytest.param("2026-03-02", 3, "2026-03-23", id="three weeks"),
        pytest.param("2026-04-13", 2, "2026-04-28", id="ends on Koningsdag"),
        pytest.param("2026-12-11", 2, "2026-12-28", id="ends on Christmas"),
    ],
)
def test_hersteltermijn_einde(verzonden, weken, einde):
    assert hersteltermijn_einde(D(verzonden), weken) == D(einde)


def test_hersteltermijn_is_two_weeks_by_default():
    assert hersteltermijn_einde(D("2026-04-13")) == D("2026-04-28")


@pytest.mark.parametrize(
    ("hersteld_of_verstreken", "uiterlijk"),
    [
        pytest.param("2026-03-02", "2026-03-30", id="four weeks"),
        pytest.param("2026-03-30", "2026-04-28", id="ends on Koningsdag"),
        pytest.param("2026-04-07", "2026-05-06", id="ends on Bevrijdingsdag"),
        pytest.param("2026-12-04", "2027-01-04", id="ends on Nieuwjaarsdag"),
    ],
)
def test_buiten_behandeling_uiterlijk(hersteld_of_verstreken, uiterlijk):
    assert buiten_behandeling_uiterlijk(D(hersteld_of_verstreken)) == D(uiterlijk)


@pytest.mark.parametrize(
    ("bekendgemaakt", "einde"),
    [
        pytest.param("2026-11-13", "2026-12-28", id="worked example: Christmas"),
        pytest.param("2026-03-02", "2026-04-13", id="six weeks, same weekday"),
        pytest.param("2026-03-16", "2026-04-28", id="ends on Koningsdag"),
        pytest.param("2026-02-20", "2026-04-07", id="ends on Goede Vrijdag"),
        pytest.param("2025-11-20", "2026-01-02", id="ends on Nieuwjaarsdag"),
        pytest.param("2025-11-21", "2026-01-02", id="over the year boundary"),
    ],
)
def test_bezwaartermijn_einde(bekendgemaakt, einde):
    assert bezwaartermijn_einde(D(bekendgemaakt)) == D(einde)


# Beslistermijn (Awb 4:13-4:15) ---------------------------------------------


@pytest.mark.parametrize(
    ("ontvangen", "opschortingen", "peildatum", "einde"),
    [
        pytest.param("2026-03-02", [], None, "2026-04-28", id="worked: Koningsdag"),
        pytest.param(
            "2026-01-05",
            [opschorting("2026-01-12", "2026-01-22")],
            None,
            "2026-03-12",
            id="worked: ten days suspended",
        ),
        pytest.param("2026-01-06", [], None, "2026-03-03", id="plain eight weeks"),
        pytest.param("2025-11-03", [], None, "2025-12-29", id="just before the year"),
        pytest.param("2025-11-06", [], None, "2026-01-02", id="on Nieuwjaarsdag"),
        pytest.param("2026-10-30", [], None, "2026-12-28", id="on Christmas"),
        pytest.param(
            "2026-01-05",
            [
                opschorting("2026-01-12", "2026-01-22"),
                opschorting("2026-02-02", "2026-02-09"),
            ],
            None,
            "2026-03-19",
            id="two suspensions: 10 + 7 days",
        ),
        pytest.param(
            "2026-01-05",
            [
                opschorting("2026-02-02", "2026-02-09"),
                opschorting("2026-01-12", "2026-01-22"),
            ],
            None,
            "2026-03-19",
            id="the order of the ledger does not matter",
        ),
        pytest.param(
            "2026-01-05",
            [
                opschorting("2026-01-12", "2026-01-22"),
                opschorting("2026-01-22", "2026-01-29"),
            ],
            None,
            "2026-03-19",
            id="back to back suspensions",
        ),
        pytest.param(
            "2026-01-05",
            [opschorting("2026-01-12", "2026-01-12")],
            None,
            "2026-03-02",
            id="completed on the day of the invitation: 0 days",
        ),
        pytest.param(
            "2026-02-02",
            [opschorting("2026-02-09", "2026-02-13")],
            None,
            "2026-04-07",
            id="suspension pushes it onto Goede Vrijdag and Easter",
        ),
        pytest.param(
            "2026-01-05",
            [opschorting("2026-01-12")],
            "2026-01-20",
            "2026-03-10",
            id="running suspension: counted up to the peildatum",
        ),
        pytest.param(
            "2026-01-05",
            [opschorting("2026-01-12")],
            "2026-01-12",
            "2026-03-02",
            id="running suspension, started today: 0 days",
        ),
        pytest.param(
            "2026-01-05",
            [opschorting("2026-01-12", "2026-01-22"), opschorting("2026-02-02")],
            "2026-02-05",
            "2026-03-16",
            id="an ended and a running suspension",
        ),
    ],
)
def test_beslistermijn(ontvangen, opschortingen, peildatum, einde):
    peil = D(peildatum) if peildatum else None
    assert beslistermijn(D(ontvangen), opschortingen, peildatum=peil) == D(einde)


@pytest.mark.parametrize(
    ("opschortingen", "verdaging", "einde"),
    [
        pytest.param(
            [], Verdaging(D("2026-02-20"), D("2026-04-01")), "2026-04-01", id="plain"
        ),
        pytest.param(
            [opschorting("2026-01-12", "2026-01-22")],
            Verdaging(D("2026-02-20"), D("2026-04-01")),
            "2026-04-01",
            id="suspension before the announcement no longer adds",
        ),
        pytest.param(
            [opschorting("2026-03-02", "2026-03-09")],
            Verdaging(D("2026-02-20"), D("2026-04-01")),
            "2026-04-08",
            id="suspension after the announcement adds",
        ),
        pytest.param(
            [opschorting("2026-02-20", "2026-02-25")],
            Verdaging(D("2026-02-20"), D("2026-04-01")),
            "2026-04-07",
            id="suspension on the day of the announcement adds (onto Easter)",
        ),
        pytest.param(
            [
                opschorting("2026-01-12", "2026-01-22"),
                opschorting("2026-03-02", "2026-03-09"),
            ],
            Verdaging(D("2026-03-10"), D("2026-04-15")),
            "2026-04-15",
            id="announced after the 8 weeks but within the suspended term",
        ),
        pytest.param(
            [],
            Verdaging(D("2026-03-02"), D("2026-04-01")),
            "2026-04-01",
            id="announced on the last day",
        ),
        pytest.param(
            [],
            Verdaging(D("2026-02-20"), D("2026-04-04")),
            "2026-04-07",
            id="new date on Easter Saturday: Atw",
        ),
    ],
)
def test_verdaging(opschortingen, verdaging, einde):
    assert beslistermijn(D("2026-01-05"), opschortingen, verdaging) == D(einde)


@pytest.mark.parametrize("peildatum", ["2026-02-20", "2026-04-01", "2026-06-01"])
def test_suspension_running_at_the_verdaging_never_invalidates_it(peildatum):
    # Judged as it stood on 10 February: 8 days suspended, term until 10 March.
    verdaging = Verdaging(D("2026-02-10"), D("2026-04-01"))
    einde = beslistermijn(
        D("2026-01-05"), [opschorting("2026-02-02")], verdaging, peildatum=D(peildatum)
    )
    assert einde == D("2026-04-01")


def test_verdaging_on_the_day_added_by_the_atw_is_in_time():
    verdaging = Verdaging(D("2026-04-28"), D("2026-05-26"))
    assert beslistermijn(D("2026-03-02"), verdaging=verdaging) == D("2026-05-26")


@pytest.mark.parametrize(
    ("ontvangen", "opschortingen", "verdaging", "melding"),
    [
        pytest.param(
            "2026-01-05",
            [],
            Verdaging(D("2026-03-03"), D("2026-04-01")),
            "na het einde van de beslistermijn op 2 maart 2026",
            id="announced the day after the deadline",
        ),
        pytest.param(
            "2026-03-02",
            [],
            Verdaging(D("2026-04-29"), D("2026-05-26")),
            "na het einde van de beslistermijn op 28 april 2026",
            id="announced after the day the Atw added",
        ),
        pytest.param(
            "2026-01-05",
            [opschorting("2026-03-04", "2026-03-09")],
            Verdaging(D("2026-03-03"), D("2026-04-01")),
            "na het einde van de beslistermijn op 2 maart 2026",
            id="a later suspension cannot rescue a late announcement",
        ),
        pytest.param(
            "2026-01-05",
            [],
            Verdaging(D("2026-02-20"), D("2026-02-27")),
            "eerder dan het einde",
            id="a new date before the deadline in force",
        ),
        pytest.param(
            "2026-01-05",
            [opschorting("2026-02-02")],
            Verdaging(D("2026-02-10"), D("2026-03-05")),
            r"eerder dan het einde van de beslistermijn die gold \(10 maart 2026\)",
            id="a new date before the term as suspended on the announcement day",
        ),
    ],
)
def test_invalid_verdaging_is_refused(ontvangen, opschortingen, verdaging, melding):
    with pytest.raises(ValueError, match=melding):
        beslistermijn(D(ontvangen), opschortingen, verdaging)


@pytest.mark.parametrize(
    "maak",
    [
        pytest.param(lambda: opschorting("2026-01-22", "2026-01-12"), id="tot < van"),
        pytest.param(
            lambda: Verdaging(D("2026-02-20"), D("2026-02-20")), id="new date today"
        ),
    ],
)
def test_impossible_records_are_refused(maak):
    with pytest.raises(ValueError, match="Opschorting eindigt|Verdaging naar"):
        maak()


@pytest.mark.parametrize(
    "opschortingen",
    [
        pytest.param(
            [
                opschorting("2026-01-12", "2026-01-22"),
                opschorting("2026-01-20", "2026-01-29"),
            ],
            id="overlapping",
        ),
        pytest.param(
            [opschorting("2026-01-12"), opschorting("2026-01-20", "2026-01-29")],
            id="a running suspension followed by another",
        ),
    ],
)
def test_overlapping_suspensions_are_refused(opschortingen):
    with pytest.raises(ValueError, match="overlappen"):
        beslistermijn(D("2026-01-05"), opschortingen, peildatum=D("2026-02-01"))


def test_running_suspension_uses_today_without_peildatum():
    gisteren = termijnen.kalender._vandaag() - timedelta(days=1)
    ontvangen = gisteren - timedelta(days=7)
    met = beslistermijn(ontvangen, [Opschorting(van=gisteren, tot=None)])
    assert met == atw_verlengen(ontvangen + timedelta(weeks=8, days=1))


# Termijnopbouw: the explanation ----------------------------------------------


def test_opbouw_of_the_koningsdag_example():
    opbouw = beslistermijn_opbouw(D("2026-03-02"))
    assert opbouw.wettelijk_einde == D("2026-04-27")
    assert opbouw.einde_voor_atw == D("2026-04-27")
    assert opbouw.einde == D("2026-04-28")
    assert opbouw.atw_verschoven is True
    assert opbouw.opschortingen == ()
    assert opbouw.verdaging is None
    assert opbouw.regels == (
        "Ontvangen op 2 maart 2026; de beslistermijn van acht weken (artikel 4:13 "
        "Awb) eindigt op 27 april 2026.",
        "27 april 2026 is Koningsdag; de termijn loopt door tot en met 28 april 2026 "
        "(artikel 1 Algemene termijnenwet).",
        "De beslistermijn eindigt dus op 28 april 2026.",
    )


def test_opbouw_with_suspensions_and_verdaging():
    eerste = opschorting("2026-01-12", "2026-01-22")
    tweede = opschorting("2026-02-20")
    verdaging = Verdaging(D("2026-02-10"), D("2026-03-27"))
    opbouw = beslistermijn_opbouw(
        D("2026-01-05"), [tweede, eerste], verdaging, peildatum=D("2026-02-21")
    )
    assert opbouw.opschortingen == ((eerste, 10), (tweede, 1))
    assert opbouw.verdaging == verdaging
    assert opbouw.wettelijk_einde == D("2026-03-02")
    assert opbouw.einde_voor_atw == D("2026-03-28")
    assert opbouw.einde == D("2026-03-30")
    assert opbouw.regels == (
        "Ontvangen op 5 januari 2026; de beslistermijn van acht weken (artikel 4:13 "
        "Awb) eindigt op 2 maart 2026.",
        "De termijn is 10 dagen opgeschort, van 12 januari 2026 tot 22 januari 2026 "
        "(artikel 4:15 Awb).",
        "Op 10 februari 2026 is de beslissing verdaagd tot 27 maart 2026 (artikel "
        "4:14, derde lid, Awb); die datum vervangt de beslistermijn die tot dan gold, "
        "met de opschortingen daarvoor.",
        "De termijn is opgeschort sinds 20 februari 2026 en die opschorting loopt "
        "nog: tot 21 februari 2026 is dat 1 dag, en elke verdere dag schuift de "
        "termijn een dag op (artikel 4:15 Awb).",
        "28 maart 2026 is een zaterdag; de termijn loopt door tot en met 30 maart "
        "2026 (artikel 1 Algemene termijnenwet).",
        "De beslistermijn eindigt dus op 30 maart 2026.",
    )


def test_opbouw_without_atw_says_no_more_than_needed():
    opbouw = beslistermijn_opbouw(D("2026-01-06"))
    assert opbouw.atw_verschoven is False
    assert opbouw.einde == opbouw.einde_voor_atw == D("2026-03-03")
    assert len(opbouw.regels) == 2


def test_opbouw_names_a_sunday():
    opbouw = beslistermijn_opbouw(
        D("2026-01-05"), [opschorting("2026-01-12", "2026-01-18")]
    )
    assert "8 maart 2026 is een zondag;" in opbouw.regels[-2]


def test_opbouw_suspension_swallowed_by_verdaging_does_not_promise_to_shift():
    opbouw = beslistermijn_opbouw(
        D("2026-01-05"),
        [opschorting("2026-02-02")],
        Verdaging(D("2026-02-10"), D("2026-04-01")),
        peildatum=D("2026-02-20"),
    )
    assert opbouw.einde == D("2026-04-01")
    assert (
        "loopt nog: tot 20 februari 2026 is dat 18 dagen (artikel" in (opbouw.regels[1])
    )


@pytest.mark.parametrize(
    ("dag", "tekst"),
    [
        ("2026-03-02", "2 maart 2026"),
        ("2027-01-01", "1 januari 2027"),
        ("2026-02-28", "28 februari 2026"),
        ("2026-05-15", "15 mei 2026"),
        ("2026-08-10", "10 augustus 2026"),
        ("2026-12-31", "31 december 2026"),
    ],
)
def test_datum_nl(dag, tekst):
    assert datum_nl(D(dag)) == tekst


# Dwangsom (Awb 4:17, 4:18) ------------------------------------------------------


def test_dwangsom_has_exactly_the_contract_fields():
    velden = [veld.name for veld in dataclasses.fields(Dwangsom)]
    assert velden == [
        "start",
        "laatste_dag",
        "dagen",
        "bedrag",
        "vaststellen_uiterlijk",
    ]


@pytest.mark.parametrize(
    ("ontvangen", "beslist_op", "peildatum", "verwacht"),
    [
        pytest.param(
            "2026-06-01",
            None,
            "2026-09-01",
            ("2026-06-15", "2026-07-26", 42, 1442, "2026-08-10"),
            id="worked: the maximum",
        ),
        pytest.param(
            "2026-03-02",
            "2026-03-17",
            "2026-03-17",
            ("2026-03-16", "2026-03-16", 1, 23, "2026-03-30"),
            id="worked: decided on day two",
        ),
        pytest.param(
            "2026-06-01",
            None,
            "2026-06-14",
            ("2026-06-15", None, 0, 0, None),
            id="not yet started",
        ),
        pytest.param(
            "2026-06-01",
            None,
            "2026-06-15",
            ("2026-06-15", "2026-06-15", 1, 23, None),
            id="first day, still running",
        ),
        pytest.param(
            "2026-06-01",
            None,
            "2026-06-28",
            ("2026-06-15", "2026-06-28", 14, 322, None),
            id="day 14: end of the first tier",
        ),
        pytest.param(
            "2026-06-01",
            None,
            "2026-06-29",
            ("2026-06-15", "2026-06-29", 15, 357, None),
            id="day 15: first day at 35",
        ),
        pytest.param(
            "2026-06-01",
            None,
            "2026-07-12",
            ("2026-06-15", "2026-07-12", 28, 812, None),
            id="day 28: end of the second tier",
        ),
        pytest.param(
            "2026-06-01",
            None,
            "2026-07-13",
            ("2026-06-15", "2026-07-13", 29, 857, None),
            id="day 29: first day at 45",
        ),
        pytest.param(
            "2026-06-01",
            None,
            "2026-07-25",
            ("2026-06-15", "2026-07-25", 41, 1397, None),
            id="day 41: still running",
        ),
        pytest.param(
            "2026-06-01",
            None,
            "2026-07-26",
            ("2026-06-15", "2026-07-26", 42, 1442, "2026-08-10"),
            id="day 42: stopped by the maximum",
        ),
        pytest.param(
            "2026-06-01",
            "2026-06-10",
            "2026-09-01",
            ("2026-06-15", None, 0, 0, None),
            id="decided before the start",
        ),
        pytest.param(
            "2026-06-01",
            "2026-06-15",
            "2026-09-01",
            ("2026-06-15", None, 0, 0, None),
            id="decided on the first day: nothing owed",
        ),
        pytest.param(
            "2026-06-01",
            "2026-07-06",
            "2026-09-01",
            ("2026-06-15", "2026-07-05", 21, 567, "2026-07-20"),
            id="decided on day 22: 14 x 23 + 7 x 35, fix by Monday",
        ),
        pytest.param(
            "2026-06-01",
            "2026-08-20",
            "2026-09-01",
            ("2026-06-15", "2026-07-26", 42, 1442, "2026-08-10"),
            id="decided long after the maximum",
        ),
        pytest.param(
            "2026-03-30",
            "2026-04-14",
            "2026-04-14",
            ("2026-04-13", "2026-04-13", 1, 23, "2026-04-28"),
            id="fixing term ends on Koningsdag",
        ),
    ],
)
def test_dwangsom(ontvangen, beslist_op, peildatum, verwacht):
    start, laatste_dag, dagen, bedrag, vaststellen = verwacht
    resultaat = dwangsom(
        D(ontvangen), D(beslist_op) if beslist_op else None, peildatum=D(peildatum)
    )
    assert resultaat == Dwangsom(
        start=D(start),
        laatste_dag=D(laatste_dag) if laatste_dag else None,
        dagen=dagen,
        bedrag=Decimal(bedrag),
        vaststellen_uiterlijk=D(vaststellen) if vaststellen else None,
    )
    assert resultaat.bedrag.as_tuple().exponent == 0  # whole euros


def test_dwangsom_amounts_are_dated_data(monkeypatch):
    from ontheffing.termijnen import dwangsomregeling

    nieuw = ((10, Decimal(50)), (20, Decimal(100)))
    monkeypatch.setattr(
        dwangsomregeling,
        "DWANGSOMBEDRAGEN",
        (*dwangsomregeling.DWANGSOMBEDRAGEN, (date(2030, 1, 1), nieuw)),
    )
    oud = dwangsom(D("2029-12-01"), None, peildatum=D("2030-12-31"))
    assert (oud.dagen, oud.bedrag) == (42, Decimal(1442))
    na_wijziging = dwangsom(D("2030-01-01"), None, peildatum=D("2030-12-31"))
    assert (na_wijziging.dagen, na_wijziging.bedrag) == (20, Decimal(1500))


def test_dwangsom_before_the_known_amounts_is_refused():
    with pytest.raises(ValueError, match="Geen dwangsombedragen"):
        dwangsom(D("2018-06-01"), None, peildatum=D("2018-09-01"))


# Properties ----------------------------------------------------------------------

dagen_1900_2200 = st.dates(date(1900, 1, 1), date(2200, 12, 20))
ontvangst = st.dates(date(1950, 1, 1), date(2150, 12, 31))


@st.composite
def ledgers(draw, na=0):
    """Non-overlapping suspensions starting ``na`` days or more after receipt."""
    ontvangen = draw(ontvangst)
    van = ontvangen + timedelta(days=na)
    grootboek = []
    for gat, duur in draw(
        st.lists(st.tuples(st.integers(0, 20), st.integers(0, 30)), max_size=4)
    ):
        van += timedelta(days=gat)
        grootboek.append(Opschorting(van=van, tot=van + timedelta(days=duur)))
        van += timedelta(days=duur)
    return ontvangen, grootboek


@eigen_tempo
@given(dagen_1900_2200)
def test_atw_verlengen_gives_a_werkdag_at_most_five_days_later(dag):
    verlengd = atw_verlengen(dag)
    assert is_werkdag(verlengd)
    assert 0 <= (verlengd - dag).days <= 5
    assert (verlengd == dag) is is_werkdag(dag)


@eigen_tempo
@given(ledgers(), st.data())
def test_a_suspension_never_makes_the_deadline_earlier(geval, data):
    ontvangen, grootboek = geval
    zonder = data.draw(st.sampled_from(range(len(grootboek)))) if grootboek else None
    minder = [o for i, o in enumerate(grootboek) if i != zonder]
    assert beslistermijn(ontvangen, grootboek) >= beslistermijn(ontvangen, minder)


@eigen_tempo
@given(ledgers(na=10), st.integers(0, 60))
def test_a_suspension_after_the_verdaging_never_makes_it_earlier(geval, extra):
    ontvangen, grootboek = geval
    verdaging = Verdaging(ontvangen + timedelta(days=10), ontvangen + timedelta(70))
    met = beslistermijn(ontvangen, grootboek, verdaging)
    assert met >= beslistermijn(ontvangen, grootboek[:-1], verdaging)
    assert met >= atw_verlengen(verdaging.nieuwe_datum)


@eigen_tempo
@given(ledgers(), st.integers(0, 80))
def test_a_term_never_ends_before_its_unextended_end(geval, verdaagd):
    ontvangen, grootboek = geval
    acht_weken = ontvangen + timedelta(weeks=8)
    opbouw = beslistermijn_opbouw(ontvangen, grootboek)
    assert opbouw.einde >= opbouw.einde_voor_atw >= acht_weken
    assert opbouw.einde == atw_verlengen(opbouw.einde_voor_atw)
    assert opbouw.einde == beslistermijn(ontvangen, grootboek)
    verdaging = Verdaging(
        ontvangen + timedelta(days=1), acht_weken + timedelta(verdaagd)
    )
    assert beslistermijn(ontvangen, (), verdaging) >= acht_weken
    assert bezwaartermijn_einde(ontvangen) >= ontvangen + timedelta(weeks=6)
    assert buiten_behandeling_uiterlijk(ontvangen) >= ontvangen + timedelta(weeks=4)
    assert hersteltermijn_einde(ontvangen) >= ontvangen + timedelta(weeks=2)


@eigen_tempo
@given(ontvangst, st.integers(0, 15))
def test_werkdag_voor_and_werkdagen_tot_agree(dag, n):
    werkdag = atw_verlengen(dag)
    assert werkdagen_tot(werkdag_voor(werkdag, n), werkdag) == n


@eigen_tempo
@given(ontvangst.filter(lambda d: d.year >= 2019), st.integers(0, 80))
def test_dwangsom_never_exceeds_the_maximum_and_grows_day_by_day(ontvangen, dag):
    peil = ontvangen + timedelta(days=dag)
    vandaag = dwangsom(ontvangen, None, peildatum=peil)
    morgen = dwangsom(ontvangen, None, peildatum=peil + timedelta(days=1))
    assert 0 <= vandaag.dagen <= morgen.dagen <= 42
    assert Decimal(0) <= vandaag.bedrag <= morgen.bedrag <= Decimal(1442)


def test_stored_suspensions_become_the_ledger():
    from types import SimpleNamespace as Rij

    from ontheffing.termijnen import grootboek, lopende, verdaging_uit

    rijen = [
        Rij(van=D("2026-03-10"), tot=None),
        Rij(van=D("2026-02-01"), tot=D("2026-02-05")),
    ]
    assert grootboek(rijen) == [
        Opschorting(D("2026-02-01"), D("2026-02-05")),
        Opschorting(D("2026-03-10"), None),
    ]
    assert lopende(rijen) is rijen[0]
    assert lopende(rijen[1:]) is None
    assert verdaging_uit(D("2026-03-01"), None) is None
    assert verdaging_uit(D("2026-03-01"), D("2026-05-01")) == Verdaging(
        D("2026-03-01"), D("2026-05-01")
    )
