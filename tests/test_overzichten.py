"""The deadlines of the coming weeks by week, and the worklist as CSV: the
same cases and filters as the worklist, and the same visibility."""

import csv
from datetime import date, timedelta
from io import StringIO

import pytest
from django.urls import reverse

from ontheffing import services
from ontheffing.models import Verzoek
from ontheffing.states import Rol
from tests.factories import inloggen, maak_gebruiker, maak_gemeente, maak_ingediend

pytestmark = pytest.mark.django_db

VANDAAG = date(2026, 3, 4)  # a Wednesday, week 10


@pytest.fixture(autouse=True)
def vandaag(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: VANDAAG)


def _met_termijn(gemeente, einde: date, **extra) -> Verzoek:
    """A submitted case whose beslistermijn ends on ``einde`` (eight weeks)."""
    verzoek = maak_ingediend(gemeente=gemeente, **extra)
    Verzoek.objects.filter(pk=verzoek.pk).update(
        ontvangen_op=einde - timedelta(weeks=8)
    )
    verzoek.refresh_from_db()
    services.termijnsleutel_bijwerken(verzoek)
    assert verzoek.termijn_sleutel == einde
    return verzoek


def _csv(response) -> list[list[str]]:
    tekst = b"".join(response.streaming_content).decode("utf-8")
    assert tekst.startswith("\ufeff")
    return list(csv.reader(StringIO(tekst[1:]), delimiter=";"))


def test_deadlines_by_week(client, gemeente, behandelaar):
    verlopen = _met_termijn(gemeente, date(2026, 3, 2))
    deze_week = _met_termijn(gemeente, date(2026, 3, 6))
    over_twee_weken = _met_termijn(gemeente, date(2026, 3, 17))
    te_ver = _met_termijn(gemeente, date(2026, 5, 6))
    inloggen(client, behandelaar)
    response = client.get(reverse("provincie:termijnen"))
    assert response.status_code == 200
    weken = response.context["weken"]
    assert weken[0].titel == "Verstreken"
    assert [r["kenmerk"] for r in weken[0].rijen] == [verlopen.kenmerk]
    assert weken[1].titel.startswith("Week 10: 2 maart 2026 tot en met 8 maart")
    assert [r["kenmerk"] for r in weken[1].rijen] == [deze_week.kenmerk]
    assert [r["kenmerk"] for r in weken[3].rijen] == [over_twee_weken.kenmerk]
    assert len(weken) == 7  # overdue and six weeks
    html = response.content.decode()
    assert te_ver.kenmerk not in html
    assert "Geen termijnen die deze week eindigen." in html  # week 11 is empty


def test_deadlines_only_mine(client, gemeente, behandelaar, tweede_behandelaar):
    mijn = _met_termijn(gemeente, date(2026, 3, 6))
    services.behandelaar_toewijzen(
        user=behandelaar, verzoek=mijn, behandelaar=behandelaar
    )
    ander = _met_termijn(gemeente, date(2026, 3, 6))
    inloggen(client, behandelaar)
    html = client.get(reverse("provincie:termijnen"), {"mijn": "1"}).content.decode()
    assert mijn.kenmerk in html
    assert ander.kenmerk not in html


def test_csv_has_every_match_with_the_filters_of_the_page(
    client, gemeente, behandelaar
):
    arnhem = _met_termijn(gemeente, date(2026, 3, 6))
    ede = maak_gemeente(gemeente.provincie, naam="Ede")
    in_ede = _met_termijn(ede, date(2026, 3, 9))
    inloggen(client, behandelaar)
    response = client.get(reverse("provincie:werkvoorraad_csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    kop, *regels = _csv(response)
    assert kop[:3] == ["Kenmerk", "Aanvrager", "Onderwerp"]
    assert [r[0] for r in regels] == [arnhem.kenmerk, in_ede.kenmerk]
    assert regels[0][kop.index("Beslistermijn")] == "2026-03-06"
    gefilterd = client.get(
        reverse("provincie:werkvoorraad_csv"), {"gemeente": str(ede.pk)}
    )
    assert [r[0] for r in _csv(gefilterd)[1:]] == [in_ede.kenmerk]


def test_csv_reads_in_blocks_past_one_block(client, gemeente, behandelaar, monkeypatch):
    monkeypatch.setattr("ontheffing.werkvoorraad.overzichten.CSV_BLOK", 2)
    verzoeken = [_met_termijn(gemeente, date(2026, 3, 9 + n)) for n in range(5)]
    inloggen(client, behandelaar)
    regels = _csv(client.get(reverse("provincie:werkvoorraad_csv")))[1:]
    assert [r[0] for r in regels] == [v.kenmerk for v in verzoeken]


def test_csv_neutralises_formulas(client, gemeente, behandelaar):
    _met_termijn(gemeente, date(2026, 3, 6), onderwerp="=HYPERLINK(1)")
    inloggen(client, behandelaar)
    kop, regel = _csv(client.get(reverse("provincie:werkvoorraad_csv")))
    assert regel[kop.index("Onderwerp")] == "'=HYPERLINK(1)"


def test_csv_and_deadlines_follow_the_visibility_rule(
    client, gemeente, vreemde_behandelaar, provincie
):
    eigen = _met_termijn(gemeente, date(2026, 3, 6))
    inloggen(client, vreemde_behandelaar)
    regels = _csv(client.get(reverse("provincie:werkvoorraad_csv")))
    assert regels[1:] == []
    assert (
        eigen.kenmerk not in client.get(reverse("provincie:termijnen")).content.decode()
    )
    beheerder = maak_gebruiker(Rol.BEHEERDER, provincie)
    inloggen(client, beheerder)
    assert client.get(reverse("provincie:werkvoorraad_csv")).status_code == 403
    assert client.get(reverse("provincie:termijnen")).status_code == 403


def test_the_main_menu_leads_staff_to_the_deadlines(client, behandelaar, aanvrager):
    link = f'<a href="{reverse("provincie:termijnen")}">Termijnen</a>'
    inloggen(client, behandelaar)
    assert link in client.get(reverse("gegevens")).content.decode()
    inloggen(client, aanvrager)
    assert link not in client.get(reverse("gegevens")).content.decode()
