"""The worklist query: the SQL sort key agrees with the exact beslistermijn,
filters, search, counts, and a fixed number of queries."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ontheffing import services, termijnen, werkvoorraad
from ontheffing.models import Opschorting, Verzoek
from ontheffing.states import Status
from tests.conftest import maak_gemeente, maak_ingediend

VANDAAG = date(2026, 3, 2)


def _ontvangen(verzoek, op):
    Verzoek.objects.filter(pk=verzoek.pk).update(ontvangen_op=op)
    verzoek.refresh_from_db()
    return verzoek


def _opschorting(verzoek, van, tot, hersteltermijn=None, door=None):
    return Opschorting.objects.create(
        verzoek=verzoek,
        van=van,
        tot=tot,
        hersteltermijn_einde=hersteltermijn,
        gevraagd_door=door or verzoek.ingediend_door,
    )


def _sleutel(verzoek):
    qs = werkvoorraad.met_termijn_sleutel(
        Verzoek.objects.filter(pk=verzoek.pk), VANDAAG
    )
    return qs.get().termijn_sleutel


def test_sort_key_is_the_deadline_before_the_atw(gemeente):
    verzoek = _ontvangen(maak_ingediend(gemeente=gemeente), date(2026, 1, 5))
    assert _sleutel(verzoek) == date(2026, 3, 2)
    _opschorting(verzoek, date(2026, 1, 10), date(2026, 1, 20))
    assert _sleutel(verzoek) == date(2026, 3, 12)
    # A running suspension counts up to today.
    _opschorting(verzoek, date(2026, 2, 25), None)
    assert _sleutel(verzoek) == date(2026, 3, 12) + timedelta(days=5)
    exact = verzoek.termijnopbouw(VANDAAG)
    assert exact.einde_voor_atw == _sleutel(verzoek)


def test_sort_key_with_a_verdaging_counts_only_later_suspensions(gemeente):
    verzoek = _ontvangen(maak_ingediend(gemeente=gemeente), date(2026, 1, 5))
    _opschorting(verzoek, date(2026, 1, 10), date(2026, 1, 20))
    Verzoek.objects.filter(pk=verzoek.pk).update(
        verdaging_aangekondigd_op=date(2026, 2, 1),
        verdaging_nieuwe_datum=date(2026, 4, 1),
    )
    verzoek.refresh_from_db()
    _opschorting(verzoek, date(2026, 2, 10), date(2026, 2, 13))
    assert _sleutel(verzoek) == date(2026, 4, 4)
    assert verzoek.termijnopbouw(VANDAAG).einde_voor_atw == date(2026, 4, 4)


def test_overdue_cut_off_respects_the_atw():
    # Monday 2 March 2026: a deadline on Saturday 28 February runs to Monday.
    assert werkvoorraad.verlopen_grens(VANDAAG) == date(2026, 2, 28)
    assert termijnen.atw_verlengen(date(2026, 2, 28)) == VANDAAG


def test_default_sort_is_by_deadline_and_filters_work(gemeente, behandelaar):
    laat = _ontvangen(maak_ingediend(gemeente=gemeente), date(2026, 2, 20))
    vroeg = _ontvangen(maak_ingediend(gemeente=gemeente), date(2025, 12, 1))
    opgeschort = _ontvangen(maak_ingediend(gemeente=gemeente), date(2026, 1, 15))
    _opschorting(opgeschort, date(2026, 2, 20), None, date(2026, 3, 6))
    services.behandelaar_toewijzen(
        user=behandelaar, verzoek=laat, behandelaar=behandelaar
    )

    def pks(**kwargs):
        filters = werkvoorraad.Filters(**kwargs)
        return [v.pk for v in werkvoorraad.gefilterd(behandelaar, filters, VANDAAG)]

    assert pks() == [vroeg.pk, opgeschort.pk, laat.pk]
    assert pks(sortering="-termijn") == [laat.pk, opgeschort.pk, vroeg.pk]
    assert pks(verlopen=True) == [vroeg.pk]
    assert pks(opgeschort=True) == [opgeschort.pk]
    assert pks(mijn=True) == [laat.pk]
    assert pks(behandelaar="geen") == [vroeg.pk, opgeschort.pk]
    assert pks(zoek=laat.kenmerk) == [laat.pk]
    assert pks(zoek="schilderwerk") == [vroeg.pk, opgeschort.pk, laat.pk]
    assert pks(stap=Status.KWALIFICATIE) == []
    assert pks(gemeente=str(maak_gemeente(gemeente.provincie, "Ede").pk)) == []


def test_signals_are_words_not_only_colour(gemeente):
    verlopen = _ontvangen(maak_ingediend(gemeente=gemeente), date(2025, 12, 1))
    binnenkort = _ontvangen(maak_ingediend(gemeente=gemeente), date(2026, 1, 12))
    ruim = _ontvangen(maak_ingediend(gemeente=gemeente), date(2026, 2, 25))
    opgeschort = _ontvangen(maak_ingediend(gemeente=gemeente), date(2026, 2, 25))
    _opschorting(opgeschort, date(2026, 2, 27), None, date(2026, 3, 13))
    assert werkvoorraad.signaal(verlopen, VANDAAG).tekst == "Termijn verstreken"
    s = werkvoorraad.signaal(binnenkort, VANDAAG)
    assert (s.tekst, s.soort) == ("Nog 5 werkdagen", "binnenkort")
    assert werkvoorraad.signaal(ruim, VANDAAG).soort == ""
    assert (
        werkvoorraad.signaal(opgeschort, VANDAAG).tekst
        == "Opgeschort tot 13 maart 2026"
    )


def test_counts_per_step(gemeente, behandelaar):
    maak_ingediend(gemeente=gemeente)
    tweede = maak_ingediend(gemeente=gemeente)
    services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=tweede)
    tellers = dict((s, n) for s, _, n in werkvoorraad.tellers(behandelaar))
    assert tellers[Status.INGEDIEND] == 1
    assert tellers[Status.KWALIFICATIE] == 1


def test_other_provinces_cases_are_not_in_the_list(gemeente, vreemde_behandelaar):
    maak_ingediend(gemeente=gemeente)
    filters = werkvoorraad.Filters()
    assert list(werkvoorraad.gefilterd(vreemde_behandelaar, filters, VANDAAG)) == []


def _aantal_queries(client, user):
    client.force_login(user)
    url = reverse("provincie:werkvoorraad")
    client.get(url)  # warm up session and caches
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("aantal", [1, 50])
def test_page_query_count_does_not_grow(client, gemeente, behandelaar, aantal):
    verzoeken = [maak_ingediend(gemeente=gemeente) for _ in range(aantal)]
    for v in verzoeken[::2]:
        _opschorting(v, date(2026, 2, 1), date(2026, 2, 5), door=behandelaar)
    gemeten = _aantal_queries(client, behandelaar)
    assert gemeten == QUERIES_PER_PAGINA, gemeten


def test_query_count_equal_for_1_and_50_cases(client, gemeente, behandelaar):
    maak_ingediend(gemeente=gemeente)
    een = _aantal_queries(client, behandelaar)
    for _ in range(49):
        v = maak_ingediend(gemeente=gemeente)
        _opschorting(v, date(2026, 2, 1), None, door=behandelaar)
    assert _aantal_queries(client, behandelaar) == een


# session, user, counts, paginator count, rows, suspensions, behandelaars,
# gemeenten, and the session save of the middleware
QUERIES_PER_PAGINA = 8
