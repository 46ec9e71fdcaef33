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
from tests.factories import inloggen, maak_gemeente, maak_ingediend

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
    services.termijnsleutel_bijwerken(verzoek)
    return Verzoek.objects.get(pk=verzoek.pk).termijn_sleutel


def test_sort_key_is_the_stored_deadline(gemeente, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: VANDAAG)
    verzoek = _ontvangen(maak_ingediend(gemeente=gemeente), date(2026, 1, 5))
    assert _sleutel(verzoek) == date(2026, 3, 2)
    _opschorting(verzoek, date(2026, 1, 10), date(2026, 1, 20))
    assert _sleutel(verzoek) == date(2026, 3, 12)
    # A running suspension counts up to the end of its hersteltermijn.
    _opschorting(verzoek, date(2026, 2, 25), None, date(2026, 3, 11))
    assert _sleutel(verzoek) == termijnen.atw_verlengen(
        date(2026, 3, 12) + timedelta(days=14)
    )
    assert _sleutel(verzoek) == verzoek.termijnopbouw(date(2026, 3, 11)).einde


def test_sort_key_with_a_verdaging_counts_only_later_suspensions(gemeente):
    verzoek = _ontvangen(maak_ingediend(gemeente=gemeente), date(2026, 1, 5))
    _opschorting(verzoek, date(2026, 1, 10), date(2026, 1, 20))
    Verzoek.objects.filter(pk=verzoek.pk).update(
        verdaging_aangekondigd_op=date(2026, 2, 1),
        verdaging_nieuwe_datum=date(2026, 4, 1),
    )
    verzoek.refresh_from_db()
    _opschorting(verzoek, date(2026, 2, 10), date(2026, 2, 13))
    assert _sleutel(verzoek) == date(2026, 4, 7)  # Sat 4 April, then Tweede Paasdag
    assert verzoek.termijnopbouw(VANDAAG).einde == date(2026, 4, 7)


def test_services_keep_the_sort_key_current(ingediend, behandelaar):
    assert ingediend.termijn_sleutel == ingediend.beslistermijn
    einde = ingediend.beslistermijn
    services.termijn_verdagen(
        user=behandelaar,
        verzoek=ingediend,
        nieuwe_datum=einde + timedelta(weeks=3),
        reden="Advies nodig.",
    )
    assert (
        Verzoek.objects.get(pk=ingediend.pk).termijn_sleutel == ingediend.beslistermijn
    )


def test_default_sort_is_by_deadline_and_filters_work(gemeente, behandelaar):
    laat = _ontvangen(maak_ingediend(gemeente=gemeente), date(2026, 2, 20))
    vroeg = _ontvangen(maak_ingediend(gemeente=gemeente), date(2025, 12, 1))
    opgeschort = _ontvangen(maak_ingediend(gemeente=gemeente), date(2026, 1, 15))
    services.aanvulling_vragen(
        user=behandelaar,
        verzoek=opgeschort,
        ontbrekend=["offerte"],
        toelichting="",
        hersteltermijn_einde=date(2099, 1, 1),
    )
    Opschorting.objects.filter(verzoek=opgeschort).update(
        van=date(2026, 2, 20), hersteltermijn_einde=date(2026, 3, 6)
    )
    for verzoek in (laat, vroeg, opgeschort):
        _sleutel(verzoek)
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
    inloggen(client, user)
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


# session, user, the second factor's device (django-otp checks it on every
# request), counts per step (which also give the total without filters), rows,
# suspensions, behandelaars, gemeenten, and the behandelaar's mandates (the
# navigation shows "Te besluiten" to a behandelaar with a mandate in force)
QUERIES_PER_PAGINA = 9


def test_total_without_filters_comes_from_the_counts(gemeente, behandelaar):
    tellers = [("ingediend", "Ingediend", 3), ("toetsing", "Toetsing", 2)]
    assert werkvoorraad.aantal_uit_tellers(werkvoorraad.Filters(), tellers) == 5
    stap = werkvoorraad.Filters(stap="toetsing", sortering="-termijn")
    assert werkvoorraad.aantal_uit_tellers(stap, tellers) == 2
    assert (
        werkvoorraad.aantal_uit_tellers(werkvoorraad.Filters(zoek="x"), tellers) is None
    )


def test_lines_agree_with_the_cases_they_show(gemeente, behandelaar):
    """``rijen`` reads a dozen columns instead of whole cases; every line must
    say what the case itself says (labels, body, deadline signal)."""
    from ontheffing.models import Waterschap

    waterschap = Waterschap.objects.create(
        naam="Waterschap Rijn en IJssel", provincie=gemeente.provincie
    )
    gewoon = _ontvangen(maak_ingediend(gemeente=gemeente), date(2026, 2, 2))
    lopend = _ontvangen(maak_ingediend(gemeente=gemeente), date(2026, 1, 20))
    _opschorting(lopend, date(2026, 2, 20), None, date(2026, 3, 6))
    gesloten = _ontvangen(maak_ingediend(gemeente=gemeente), date(2026, 1, 5))
    Verzoek.objects.filter(pk=gesloten.pk).update(
        gemeente=None, waterschap=waterschap, ambt="ab_lid_waterschap"
    )
    _opschorting(gesloten, date(2026, 1, 10), date(2026, 1, 17))
    Verzoek.objects.filter(pk=gewoon.pk).update(
        verdaging_aangekondigd_op=date(2026, 3, 1),
        verdaging_nieuwe_datum=date(2026, 5, 1),
        behandelaar=behandelaar,
    )
    qs = Verzoek.objects.filter(pk__in=[gewoon.pk, lopend.pk, gesloten.pk])
    regels = {
        r["pk"]: r
        for r in werkvoorraad.rijen(qs.order_by("pk"), VANDAAG, voorstel=True)
    }
    assert len(regels) == 3
    for verzoek in Verzoek.objects.filter(pk__in=regels).select_related("behandelaar"):
        regel = regels[verzoek.pk]
        assert regel["kenmerk"] == verzoek.kenmerk
        assert regel["ambt"] == verzoek.get_ambt_display()
        assert regel["stap"] == verzoek.get_status_display()
        assert regel["lichaam"] == str(verzoek.lichaam)
        assert regel["behandelaar"] == (
            verzoek.behandelaar.naam if verzoek.behandelaar else ""
        )
        assert regel["signaal"] == werkvoorraad.signaal(verzoek, VANDAAG)
        assert regel["bestuursorgaan"] == verzoek.get_bestuursorgaan_display()
    zonder = werkvoorraad.rijen(qs, VANDAAG)
    assert {r["bestuursorgaan"] for r in zonder} == {""}
    assert regels[lopend.pk]["signaal"].soort == "opgeschort"
    assert regels[gewoon.pk]["signaal"].einde == date(2026, 5, 1)  # the verdaging
    assert regels[gesloten.pk]["lichaam"] == "Waterschap Rijn en IJssel"


def test_pk_url_is_what_url_gives(ingediend):
    from ontheffing.templatetags.lijsten import pk_url

    for naam in ("provincie:verzoek", "provincie:oppakken", "provincie:voorstel"):
        for pk in (1, ingediend.pk, 987654321):
            assert pk_url(naam, pk) == reverse(naam, args=[pk])
    with pytest.raises(ValueError, match="invalid literal"):
        pk_url("provincie:verzoek", "1/../../beheer")


def test_options_escape_and_select_as_text():
    from ontheffing.templatetags.lijsten import opties

    html = opties(
        [(1, "Arnhem"), (12, '<script>"x"</script>'), ("geen", "Niemand")], "12"
    )
    assert html == (
        '<option value="1">Arnhem</option>'
        '<option value="12" selected>&lt;script&gt;&quot;x&quot;&lt;/script&gt;</option>'
        '<option value="geen">Niemand</option>'
    )
    assert " selected" not in opties([(1, "Arnhem")], "")


@pytest.mark.parametrize(
    ("tekst", "soort", "html"),
    [
        ("", "", ""),
        ("Nog 12 werkdagen", "", '<span class="signaal">Nog 12 werkdagen</span>'),
        (
            "Termijn verstreken",
            "verlopen",
            '<span class="signaal signaal--verlopen">Termijn verstreken</span>',
        ),
    ],
)
def test_deadline_signal_in_words(tekst, soort, html):
    from ontheffing.templatetags.lijsten import termijnsignaal

    assert termijnsignaal(werkvoorraad.Termijnsignaal(None, tekst, soort, None)) == html


@pytest.mark.parametrize(
    ("rol", "status", "van_wie", "verwacht"),
    [
        ("behandelaar", "ingediend", "niemand", True),
        ("behandelaar", "toetsing", "collega", True),
        ("behandelaar", "toetsing", "zelf", False),
        ("behandelaar", "ter_besluitvorming", "collega", False),
        ("beslisser", "ingediend", "niemand", False),
    ],
)
def test_who_may_take_a_case_from_the_list(rol, status, van_wie, verwacht):
    from types import SimpleNamespace

    user = SimpleNamespace(pk=7, rol=rol)
    behandelaar_id = {"niemand": None, "collega": 8, "zelf": 7}[van_wie]
    assert werkvoorraad.oppakbaar(status, behandelaar_id, user) is verwacht


# ------------------------------------------------------------------ search


def test_a_full_kenmerk_goes_straight_to_the_case(
    client, gemeente, behandelaar, vreemde_behandelaar
):
    verzoek = maak_ingediend(gemeente=gemeente)
    inloggen(client, behandelaar)
    url = reverse("provincie:werkvoorraad")
    for getypt in (verzoek.kenmerk, verzoek.kenmerk.lower()):
        response = client.get(url, {"zoek": f"  {getypt} "})
        assert response.status_code == 302
        assert response["Location"] == reverse("provincie:verzoek", args=[verzoek.pk])
    # Part of a kenmerk searches; another province's kenmerk finds nothing.
    assert client.get(url, {"zoek": verzoek.kenmerk[:-1]}).status_code == 200
    inloggen(client, vreemde_behandelaar)
    response = client.get(url, {"zoek": verzoek.kenmerk})
    assert response.status_code == 200
    assert "0 verzoeken gevonden" in response.content.decode()


def test_matches_are_counted_up_to_the_cap(gemeente, behandelaar):
    for _ in range(5):
        maak_ingediend(gemeente=gemeente)
    qs = werkvoorraad.gefilterd(
        behandelaar, werkvoorraad.Filters(zoek="schilderwerk"), VANDAAG
    )
    assert werkvoorraad.getelde(qs, maximum=3) == (3, True)
    assert werkvoorraad.getelde(qs, maximum=5) == (5, False)
    assert werkvoorraad.getelde(qs, maximum=9) == (5, False)
    assert werkvoorraad.gevonden(1, False) == "1 verzoek gevonden."
    assert werkvoorraad.gevonden(1000, True).startswith(
        "Meer dan 1.000 verzoeken gevonden"
    )


def test_a_capped_search_says_more_than_and_pages_to_the_cap(
    client, gemeente, behandelaar, monkeypatch
):
    monkeypatch.setattr("ontheffing.werkvoorraad.zoeken.TELLING_MAX", 3)
    monkeypatch.setattr("ontheffing.werkvoorraad.zoeken.PER_PAGINA", 2)
    for _ in range(5):
        maak_ingediend(gemeente=gemeente)
    inloggen(client, behandelaar)
    url = reverse("provincie:werkvoorraad")
    response = client.get(url, {"zoek": "schilderwerk", "pagina": "9"})
    html = response.content.decode()
    assert "Meer dan 3 verzoeken gevonden" in html
    page = response.context["page"]
    assert (page.number, page.paginator.num_pages, len(page.rijen)) == (2, 2, 1)
    # The counts per step are the stored ones, whatever the search.
    assert ("ingediend", "Ingediend", 5) in response.context["tellers"]
    # Without a term the total comes from the counts per step, uncapped.
    assert "5 verzoeken gevonden" in client.get(url).content.decode()


def _queries_met(client, user, data):
    inloggen(client, user)
    url = reverse("provincie:werkvoorraad")
    client.get(url, data)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, data)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "data",
    [{"zoek": "schilder"}, {"verlopen": "1"}, {"gemeente": None}],
)
def test_query_count_with_search_or_filter_does_not_grow(
    client, gemeente, behandelaar, data, monkeypatch
):
    monkeypatch.setattr("ontheffing.werkvoorraad.zoeken.PER_PAGINA", 3)
    data = {k: v or str(gemeente.pk) for k, v in data.items()}

    def verlopen_verzoeken(aantal):
        for _ in range(aantal):
            _sleutel(_ontvangen(maak_ingediend(gemeente=gemeente), date(2025, 6, 2)))

    verlopen_verzoeken(2)
    # the matches up to the cap, and with a term the lookup of a full kenmerk
    weinig = _queries_met(client, behandelaar, data)
    assert weinig == QUERIES_PER_PAGINA + 1 + ("zoek" in data)
    verlopen_verzoeken(22)
    assert _queries_met(client, behandelaar, data) == weinig
    assert _queries_met(client, behandelaar, {**data, "pagina": "3"}) == weinig


def test_a_first_page_that_is_not_full_is_the_count(client, gemeente, behandelaar):
    for _ in range(3):
        maak_ingediend(gemeente=gemeente)
    inloggen(client, behandelaar)
    response = client.get(reverse("provincie:werkvoorraad"), {"zoek": "schilder"})
    assert "3 verzoeken gevonden." in response.content.decode()
    assert response.context["page"].paginator.num_pages == 1
    assert len(response.context["page"].rijen) == 3


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="trigram indexes exist on PostgreSQL"
)
@pytest.mark.parametrize("kolom", ["kenmerk", "naam", "onderwerp", "wederpartij_naam"])
def test_the_search_can_use_a_trigram_index(gemeente, kolom):
    """The SQL Django writes for the search matches the indexed expression:
    with plain scans off the planner reads the trigram indexes (a test table
    is too small for it to choose them on its own)."""
    maak_ingediend(gemeente=gemeente)
    qs = Verzoek.objects.filter(werkvoorraad.zoekvoorwaarde("0042"))
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        sql, params = qs.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(r[0] for r in cursor.fetchall())
    assert f"Bitmap Index Scan on verzoek_{kolom}_trgm" in plan, plan
