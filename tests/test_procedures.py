"""Procedures around the beslistermijn: the four weeks of Awb 4:5, fourth
paragraph, and a suspension under Awb 4:15, second paragraph. First the pure
deadline code (tables, no database), then the services with their refusals,
then the staff case page."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.urls import reverse

from ontheffing import kwalificatie as kw
from ontheffing import permissions, services, termijnen
from ontheffing.models import Bijlagesoort, Gebeurtenis, Opschorting, Verzoek
from ontheffing.services import procedures
from ontheffing.states import Actie, Status, Uitkomst
from ontheffing.termijnen import (
    Opschorting as Periode,
)
from ontheffing.termijnen import (
    Opschortingsgrond,
    Verdaging,
    beslistermijn_opbouw,
    buiten_behandeling_termijn,
    opschorting_toevoegen,
)
from tests.factories import inloggen, vandaag, vraag_offerte

D = date.fromisoformat
INSTEMMING = Opschortingsgrond.INSTEMMING
OVERMACHT = Opschortingsgrond.OVERMACHT
AANVULLING = Opschortingsgrond.AANVULLING


# ------------------------------------------------ pure: Awb 4:5, fourth paragraph


@pytest.mark.parametrize(
    ("verstreken", "uiterlijk", "atw"),
    [
        pytest.param("2026-03-02", "2026-03-30", False, id="four weeks"),
        pytest.param("2026-03-30", "2026-04-28", True, id="Koningsdag moves it"),
        pytest.param("2026-04-07", "2026-05-06", True, id="Bevrijdingsdag moves it"),
        pytest.param("2026-12-04", "2027-01-04", True, id="Nieuwjaarsdag moves it"),
        pytest.param("2026-06-06", "2026-07-06", True, id="a Saturday moves it"),
    ],
)
def test_vier_weken_termijn(verstreken, uiterlijk, atw):
    termijn = buiten_behandeling_termijn(D(verstreken))
    assert termijn.uiterlijk == D(uiterlijk)
    assert termijn.regels[0].startswith("De hersteltermijn eindigde op")
    assert "artikel 4:5, vierde lid, Awb" in termijn.regels[0]
    assert any("Algemene termijnenwet" in r for r in termijn.regels) is atw
    assert termijn.regels[-1].endswith(f"{termijnen.datum_nl(D(uiterlijk))}.")


@pytest.mark.parametrize(
    ("op", "te_laat", "dagen"),
    [
        pytest.param("2026-03-29", False, 0, id="before the last day"),
        pytest.param("2026-03-30", False, 0, id="on the last day"),
        pytest.param("2026-03-31", True, 1, id="the day after"),
        pytest.param("2026-04-13", True, 14, id="two weeks late"),
    ],
)
def test_vier_weken_te_laat(op, te_laat, dagen):
    termijn = buiten_behandeling_termijn(D("2026-03-02"))
    assert termijn.te_laat(D(op)) is te_laat
    assert termijn.dagen_te_laat(D(op)) == dagen


# ------------------------------------------ pure: Awb 4:15, second paragraph


@pytest.mark.parametrize(
    ("bestaand", "nieuw", "einde"),
    [
        pytest.param(
            [],
            Periode(D("2026-03-10"), D("2026-03-24"), INSTEMMING),
            "2026-05-11",  # 27 April + 14 days = 11 May
            id="consent adds its days",
        ),
        pytest.param(
            [],
            Periode(D("2026-03-10"), D("2026-03-13"), OVERMACHT),
            "2026-04-30",  # 27 April + 3 = 30 April
            id="force majeure adds its days",
        ),
        pytest.param(
            [Periode(D("2026-03-02"), D("2026-03-09"))],
            Periode(D("2026-03-09"), D("2026-03-16"), INSTEMMING),
            "2026-05-11",  # 27 April + 7 + 7
            id="right after an aanvulling, without overlap",
        ),
        pytest.param(
            [],
            Periode(D("2026-03-02"), D("2026-03-03"), OVERMACHT),
            "2026-04-28",  # 27 April + 1 day; 28 April is a Tuesday
            id="one day",
        ),
    ],
)
def test_opschorting_toevoegen(bestaand, nieuw, einde):
    opbouw = opschorting_toevoegen(
        D("2026-03-02"), bestaand, None, nieuw, peildatum=D("2026-03-20")
    )
    assert opbouw.einde == D(einde)
    regel = next(r for r in opbouw.regels if nieuw.grond.grondslag in r)
    assert termijnen.datum_nl(nieuw.van) in regel
    assert termijnen.datum_nl(nieuw.tot) in regel


@pytest.mark.parametrize(
    ("bestaand", "nieuw", "fout"),
    [
        pytest.param(
            [],
            Periode(D("2026-03-10"), D("2026-03-20"), AANVULLING),
            "Kies de grond",
            id="an aanvulling is not of the second paragraph",
        ),
        pytest.param(
            [],
            Periode(D("2026-03-10"), D("2026-03-10"), INSTEMMING),
            "eindigen na de dag",
            id="no days",
        ),
        pytest.param(
            [],
            Periode(D("2026-02-20"), D("2026-03-10"), INSTEMMING),
            "vóór de ontvangst",
            id="before receipt",
        ),
        pytest.param(
            [],
            Periode(D("2026-03-21"), D("2026-03-28"), OVERMACHT),
            "in de toekomst",
            id="starts after today",
        ),
        pytest.param(
            [Periode(D("2026-03-05"), None)],
            Periode(D("2026-03-10"), D("2026-03-12"), INSTEMMING),
            "die nog loopt",
            id="overlaps a running aanvulling",
        ),
        pytest.param(
            [Periode(D("2026-03-05"), D("2026-03-12"))],
            Periode(D("2026-03-11"), D("2026-03-14"), OVERMACHT),
            "een dag telt maar één keer",
            id="overlaps a closed one",
        ),
        pytest.param(
            [Periode(D("2026-03-05"), D("2026-03-12"), INSTEMMING)],
            Periode(D("2026-03-03"), D("2026-03-20"), OVERMACHT),
            "valt samen",
            id="encloses another",
        ),
    ],
)
def test_opschorting_toevoegen_weigert(bestaand, nieuw, fout):
    with pytest.raises(ValueError, match=fout):
        opschorting_toevoegen(
            D("2026-03-02"), bestaand, None, nieuw, peildatum=D("2026-03-20")
        )


def test_opschorting_na_het_einde_van_de_termijn_wordt_geweigerd():
    # Received 2 Jan 2026: the eight weeks end on 27 Feb 2026.
    with pytest.raises(ValueError, match="eindigde al op 27 februari 2026"):
        opschorting_toevoegen(
            D("2026-01-02"),
            [],
            None,
            Periode(D("2026-03-02"), D("2026-03-09"), INSTEMMING),
            peildatum=D("2026-03-05"),
        )


def test_opschorting_na_verdaging_telt_na_de_nieuwe_datum():
    verdaging = Verdaging(D("2026-04-01"), D("2026-05-20"))
    opbouw = opschorting_toevoegen(
        D("2026-03-02"),
        [],
        verdaging,
        Periode(D("2026-04-10"), D("2026-04-17"), OVERMACHT),
        peildatum=D("2026-04-20"),
    )
    assert opbouw.einde == D("2026-05-27")
    assert "wegens overmacht" in opbouw.regels[-2]


@pytest.mark.parametrize(
    ("grond", "woorden"),
    [
        (INSTEMMING, "met schriftelijke instemming van de aanvrager"),
        (OVERMACHT, "wegens overmacht"),
    ],
)
def test_grootboek_noemt_de_grond(grond, woorden):
    opbouw = beslistermijn_opbouw(
        D("2026-03-02"),
        [
            Periode(D("2026-03-02"), D("2026-03-09")),
            Periode(D("2026-03-10"), D("2026-03-17"), grond),
        ],
        peildatum=D("2026-03-20"),
    )
    aanvulling, tweede = opbouw.regels[1], opbouw.regels[2]
    assert aanvulling.endswith("(artikel 4:15 Awb).")
    assert woorden in tweede
    assert grond.grondslag in tweede
    assert [o.grond for o, _ in opbouw.opschortingen] == [AANVULLING, grond]


def test_een_opschorting_van_het_tweede_lid_heeft_een_einde():
    with pytest.raises(ValueError, match="zonder einde"):
        Periode(D("2026-03-02"), None, OVERMACHT)


# ---------------------------------------------------- services: Awb 4:15 lid 2


def _opschorten(verzoek, user, **extra):
    velden = dict(
        user=user,
        verzoek=verzoek,
        grond=OVERMACHT,
        van=vandaag(),
        tot=vandaag() + timedelta(days=7),
        motivering="Het zaaksysteem en het archief zijn door een brand onbruikbaar.",
    )
    velden.update(extra)
    return procedures.termijn_opschorten(**velden)


@pytest.mark.django_db
def test_overmacht_gets_its_own_ledger_entry_audit_and_mail(
    ingediend, behandelaar, django_capture_on_commit_callbacks
):
    voor = ingediend.beslistermijn
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        opschorting = _opschorten(ingediend, behandelaar)
    assert opschorting.grond == OVERMACHT
    ingediend.refresh_from_db()
    assert ingediend.beslistermijn == termijnen.atw_verlengen(
        ingediend.termijnopbouw().einde_voor_atw
    )
    assert ingediend.termijnopbouw().einde_voor_atw == (
        ingediend.ontvangen_op + timedelta(weeks=8, days=7)
    )
    assert ingediend.beslistermijn > voor
    assert ingediend.termijn_sleutel == ingediend.beslistermijn
    gebeurtenis = Gebeurtenis.objects.get(verzoek=ingediend, actie=Actie.OPSCHORTEN)
    assert gebeurtenis.details["grond"] == "overmacht"
    assert gebeurtenis.details["dagen"] == 7
    assert "artikel 4:15, tweede lid, onder c, Awb" in gebeurtenis.reden
    assert not gebeurtenis.intern
    bericht = mail.outbox[-1]
    assert "opgeschort" in bericht.subject
    assert termijnen.datum_nl(ingediend.beslistermijn) in bericht.body
    assert "brand" in bericht.body


@pytest.mark.django_db
def test_instemming_with_the_applicants_written_statement(ingediend, behandelaar):
    opschorting = _opschorten(
        ingediend,
        behandelaar,
        grond=INSTEMMING,
        motivering="",
        instemming_tekst="Ik ga akkoord met vier weken uitstel. Jan Jansen",
        instemming_ontvangen_op=vandaag(),
        tot=vandaag() + timedelta(weeks=4),
    )
    assert opschorting.instemming_tekst.startswith("Ik ga akkoord")
    regels = ingediend.termijnopbouw().regels
    assert any("met schriftelijke instemming van de aanvrager" in r for r in regels)


@pytest.mark.django_db
def test_instemming_with_a_document_of_the_case(ingediend, behandelaar):
    brief = ingediend.bijlagen.get(soort=Bijlagesoort.OVEREENKOMST)
    opschorting = _opschorten(
        ingediend, behandelaar, grond=INSTEMMING, instemming_bijlage=brief
    )
    assert opschorting.instemming_bijlage == brief
    gebeurtenis = Gebeurtenis.objects.get(verzoek=ingediend, actie=Actie.OPSCHORTEN)
    assert gebeurtenis.details["instemming_document"] == brief.bestandsnaam


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("extra", "fout"),
    [
        pytest.param(
            {"grond": INSTEMMING, "motivering": ""},
            "Leg de schriftelijke instemming",
            id="consent without a document or statement",
        ),
        pytest.param(
            {"grond": INSTEMMING, "instemming_tekst": "Akkoord."},
            "op welke dag de instemming",
            id="a statement without its date",
        ),
        pytest.param(
            {
                "grond": INSTEMMING,
                "instemming_tekst": "Akkoord.",
                "instemming_ontvangen_op": lambda: vandaag() + timedelta(days=3),
            },
            "in de toekomst",
            id="a statement received in the future",
        ),
        pytest.param(
            {"motivering": "  "},
            "Beschrijf de overmacht",
            id="force majeure without a ground",
        ),
        pytest.param({"grond": ""}, "Kies de grond", id="no ground at all"),
        pytest.param(
            {"grond": AANVULLING}, "Kies de grond", id="an aanvulling by this way"
        ),
        pytest.param({"tot": vandaag}, "eindigen na de dag", id="without days"),
    ],
)
def test_opschorten_refusals_change_nothing(
    ingediend, behandelaar, extra, fout, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    extra = {k: v() if callable(v) else v for k, v in extra.items()}
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(services.NietNu, match=fout),
    ):
        _opschorten(ingediend, behandelaar, **extra)
    assert not Opschorting.objects.filter(verzoek=ingediend).exists()
    assert not Gebeurtenis.objects.filter(actie=Actie.OPSCHORTEN).exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_instemming_document_of_another_case_is_refused(
    ingediend, behandelaar, aanvrager
):
    from tests.factories import maak_ingediend

    ander = maak_ingediend(aanvrager=aanvrager)
    with pytest.raises(services.NietNu, match="document van dit verzoek"):
        _opschorten(
            ingediend,
            behandelaar,
            grond=INSTEMMING,
            instemming_bijlage=ander.bijlagen.get(soort=Bijlagesoort.OVEREENKOMST),
        )


@pytest.mark.django_db
def test_opschorten_is_for_the_behandelaar_of_the_province(
    ingediend, vreemde_behandelaar, beslisser
):
    with pytest.raises(services.GeenToegang):
        _opschorten(ingediend, vreemde_behandelaar)
    with pytest.raises(services.GeenToegang):
        _opschorten(ingediend, beslisser)
    with pytest.raises(services.GeenToegang):
        _opschorten(ingediend, ingediend.ingediend_door)


@pytest.mark.django_db
def test_overlap_with_a_running_aanvulling_is_refused(ingediend, behandelaar):
    vraag_offerte(ingediend, behandelaar)
    with pytest.raises(services.NietNu, match="die nog loopt"):
        _opschorten(ingediend, behandelaar)


@pytest.mark.django_db
def test_no_aanvulling_while_a_suspension_of_the_second_paragraph_runs(
    ingediend, behandelaar
):
    _opschorten(ingediend, behandelaar)
    with pytest.raises(services.NietNu, match="al opgeschort tot"):
        vraag_offerte(ingediend, behandelaar)
    assert ingediend.status == Status.INGEDIEND


# ------------------------------------------------- services: Awb 4:5 lid 4


def _hersteltermijn_verstreken(verzoek, behandelaar, dagen_geleden):
    vraag_offerte(verzoek, behandelaar)
    opschorting = verzoek.lopende_opschorting
    Opschorting.objects.filter(pk=opschorting.pk).update(
        van=vandaag() - timedelta(days=dagen_geleden + 14),
        hersteltermijn_einde=vandaag() - timedelta(days=dagen_geleden),
    )
    verzoek.refresh_from_db()
    return verzoek


@pytest.mark.django_db
def test_buiten_behandeling_within_four_weeks_needs_no_confirmation(
    ingediend, behandelaar
):
    _hersteltermijn_verstreken(ingediend, behandelaar, 3)
    services.buiten_behandeling_voorstellen(
        user=behandelaar, verzoek=ingediend, motivering="Niet aangevuld."
    )
    assert ingediend.status == Status.TER_BESLUITVORMING
    gebeurtenis = Gebeurtenis.objects.filter(
        verzoek=ingediend, actie=Actie.BUITEN_BEHANDELING_VOORSTELLEN
    ).get()
    assert "te_laat" not in gebeurtenis.details


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("bevestigd", "motivering"),
    [
        pytest.param(False, "", id="neither"),
        pytest.param(False, "Door ziekte bleef het liggen.", id="no confirmation"),
        pytest.param(True, " ", id="no motivation"),
    ],
)
def test_late_buiten_behandeling_is_refused_without_confirmation_and_motivation(
    ingediend, behandelaar, bevestigd, motivering
):
    _hersteltermijn_verstreken(ingediend, behandelaar, 40)
    with pytest.raises(services.NietNu, match="artikel 4:5, vierde lid, Awb"):
        services.buiten_behandeling_voorstellen(
            user=behandelaar,
            verzoek=ingediend,
            motivering="Niet aangevuld.",
            te_laat_bevestigd=bevestigd,
            te_laat_motivering=motivering,
        )
    ingediend.refresh_from_db()
    assert ingediend.status == Status.AANVULLING_GEVRAAGD
    assert ingediend.lopende_opschorting is not None


@pytest.mark.django_db
def test_late_buiten_behandeling_with_confirmation_and_motivation(
    ingediend, behandelaar
):
    _hersteltermijn_verstreken(ingediend, behandelaar, 40)
    services.buiten_behandeling_voorstellen(
        user=behandelaar,
        verzoek=ingediend,
        motivering="Niet aangevuld.",
        te_laat_bevestigd=True,
        te_laat_motivering="Het dossier lag door ziekte stil.",
    )
    assert ingediend.voorstel_uitkomst == Uitkomst.BUITEN_BEHANDELING
    gebeurtenis = Gebeurtenis.objects.get(
        verzoek=ingediend, actie=Actie.BUITEN_BEHANDELING_VOORSTELLEN
    )
    assert gebeurtenis.details["te_laat"] is True
    termijn = buiten_behandeling_termijn(vandaag() - timedelta(days=40))
    assert gebeurtenis.details["dagen_te_laat"] == termijn.dagen_te_laat(vandaag())
    assert gebeurtenis.details["dagen_te_laat"] > 0
    assert "ziekte" in gebeurtenis.reden


# ------------------------------------------------------------- the case page


def _pagina(client, user, verzoek):
    inloggen(client, user)
    return client.get(reverse("provincie:verzoek", args=[verzoek.pk])).content.decode()


@pytest.mark.django_db
def test_case_page_shows_the_four_weeks_as_their_own_deadline(
    client, ingediend, behandelaar
):
    _hersteltermijn_verstreken(ingediend, behandelaar, 40)
    uiterlijk = buiten_behandeling_termijn(vandaag() - timedelta(days=40)).uiterlijk
    html = _pagina(client, behandelaar, ingediend)
    assert "Buiten behandeling laten</dt>" in html
    assert f"bekendmaken uiterlijk <strong>{termijnen.datum_nl(uiterlijk)}" in html
    assert "deze termijn is verstreken" in html
    assert (
        "Een besluit om de aanvraag niet te behandelen wordt binnen vier weken" in html
    )
    # The late proposal asks for the confirmation and its motivation.
    assert "Waarom gebeurt dit na de vier weken?" in html


@pytest.mark.django_db
def test_case_page_shows_a_suspension_of_the_second_paragraph_in_the_ledger(
    client, ingediend, behandelaar
):
    html = _pagina(client, behandelaar, ingediend)
    assert "Beslistermijn opschorten (artikel 4:15, tweede lid, Awb)" in html
    response = client.post(
        reverse("provincie:opschorten", args=[ingediend.pk]),
        {
            "opschorten-grond": "instemming",
            "opschorten-van": vandaag().isoformat(),
            "opschorten-tot": (vandaag() + timedelta(days=10)).isoformat(),
            "opschorten-instemming_tekst": "Akkoord met uitstel, J. Jansen",
            "opschorten-instemming_ontvangen_op": vandaag().isoformat(),
        },
    )
    assert response.status_code == 302
    html = _pagina(client, behandelaar, ingediend)
    assert (
        "(10 dagen; met schriftelijke instemming van de aanvrager, "
        "artikel 4:15, tweede lid, onder a, Awb)" in html
    )
    assert "met schriftelijke instemming van de aanvrager, van" in html  # the rule
    assert "Akkoord met uitstel, J. Jansen" in html
    ingediend.refresh_from_db()
    assert termijnen.datum_nl(ingediend.beslistermijn) in html


@pytest.mark.django_db
def test_opschorten_form_refusal_keeps_the_input(client, ingediend, behandelaar):
    inloggen(client, behandelaar)
    response = client.post(
        reverse("provincie:opschorten", args=[ingediend.pk]),
        {
            "opschorten-grond": "instemming",
            "opschorten-van": vandaag().isoformat(),
            "opschorten-tot": (vandaag() + timedelta(days=10)).isoformat(),
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Leg de schriftelijke instemming van de aanvrager vast" in html
    assert '<details class="actie" id="actie-opschorten" open>' in html
    assert not Opschorting.objects.filter(verzoek=ingediend).exists()
    assert Verzoek.objects.get(pk=ingediend.pk).status == Status.INGEDIEND


@pytest.mark.django_db
def test_opschorten_of_another_province_is_404(client, ingediend, vreemde_behandelaar):
    inloggen(client, vreemde_behandelaar)
    response = client.post(
        reverse("provincie:opschorten", args=[ingediend.pk]),
        {"opschorten-grond": "overmacht"},
    )
    assert response.status_code == 404


# ------------------------------------------- several offices: pure tables

SCHILDERWERK = kw.Feiten(
    ambt=kw.Ambt.RAADSLID, handeling=kw.Handeling.AANNEMING_VAN_WERK
)


@pytest.mark.parametrize(
    ("overige", "delen", "niet_verboden"),
    [
        pytest.param([], [("gedeputeerde_staten", ["raadslid"])], [], id="one office"),
        pytest.param(
            [kw.Ambtsopgave(kw.Ambt.STATENLID)],
            [("gedeputeerde_staten", ["raadslid"]), ("minister_bzk", ["statenlid"])],
            [],
            id="raadslid and Statenlid, both with their own body: split",
        ),
        pytest.param(
            [
                kw.Ambtsopgave(
                    kw.Ambt.STATENLID, wederpartij=kw.Wederpartij.ANDER_LICHAAM
                )
            ],
            [("gedeputeerde_staten", ["raadslid"])],
            ["statenlid"],
            id="Statenlid, agreement with the gemeente: nothing to ask the minister",
        ),
        pytest.param(
            [kw.Ambtsopgave(kw.Ambt.AB_LID_WATERSCHAP)],
            [("gedeputeerde_staten", ["raadslid", "ab_lid_waterschap"])],
            [],
            id="same authority: one case",
        ),
        pytest.param(
            [
                kw.Ambtsopgave(
                    kw.Ambt.RAADSLID, lichaam_in_provincie=False, provincie="PV26"
                ),
                kw.Ambtsopgave(
                    kw.Ambt.BESTUURSLID_GR, lichaam_in_provincie=False, provincie="PV27"
                ),
            ],
            [
                ("gedeputeerde_staten", ["raadslid"]),
                ("andere_provincie", ["raadslid"]),
                ("andere_provincie", ["bestuurslid_gr"]),
            ],
            [],
            id="two other provinces stay apart",
        ),
        pytest.param(
            [kw.Ambtsopgave(kw.Ambt.BURGEMEESTER)],
            [
                ("gedeputeerde_staten", ["raadslid"]),
                ("commissaris_van_de_koning", ["burgemeester"]),
            ],
            [],
            id="GS and the CdK are two authorities",
        ),
    ],
)
def test_verdeling_per_bevoegd_gezag(overige, delen, niet_verboden):
    verdeling = kw.verdeling(kw.kwalificeer_ambten(SCHILDERWERK, overige))
    assert [
        (d.bevoegd_gezag.value, [a.opgave.ambt.value for a in d.ambten])
        for d in verdeling.delen
    ] == delen
    assert [a.opgave.ambt.value for a in verdeling.niet_verboden] == niet_verboden
    assert not verdeling.delen[0].elders
    assert all(
        d.elders
        for d in verdeling.af_te_splitsen
        if d.bevoegd_gezag
        in (kw.BevoegdGezag.MINISTER_BZK, kw.BevoegdGezag.ANDERE_PROVINCIE)
    )


def test_each_office_is_qualified_on_its_own_facts():
    raadslid, statenlid = kw.kwalificeer_ambten(
        SCHILDERWERK, [kw.Ambtsopgave(kw.Ambt.STATENLID)]
    )
    assert raadslid.kwalificatie.uitkomst is kw.Uitkomst.VERBODEN_ONTHEFFBAAR
    assert "Gemeentewet" in raadslid.kwalificatie.grondslag
    assert statenlid.kwalificatie.uitkomst is kw.Uitkomst.ONBEVOEGD
    assert "Provinciewet" in statenlid.kwalificatie.grondslag
    assert statenlid.kwalificatie.bevoegd_gezag is kw.BevoegdGezag.MINISTER_BZK


def test_ambtsopgave_round_trips_through_its_data():
    opgave = kw.Ambtsopgave(
        kw.Ambt.STATENLID, kw.Wederpartij.ANDER_LICHAAM, None, "Gelderland", "PV25"
    )
    assert kw.Ambtsopgave.uit({**opgave.gegevens(), "gemeente": None}) == opgave


# -------------------------------------------- several offices: the services


def _met_statenlid(verzoek, **opgave):
    Verzoek.objects.filter(pk=verzoek.pk).update(
        overige_ambten=[{"ambt": "statenlid", **opgave}]
    )
    verzoek.refresh_from_db()
    return verzoek


@pytest.mark.django_db
def test_split_gives_a_linked_case_per_authority(
    ingediend, behandelaar, django_capture_on_commit_callbacks
):
    _met_statenlid(ingediend)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        (bzk,) = procedures.verzoek_splitsen(user=behandelaar, verzoek=ingediend)
    ingediend.refresh_from_db()
    assert ingediend.overige_ambten == []
    assert bzk.gesplitst_uit == ingediend
    assert bzk.behandelaar == behandelaar
    assert bzk.ambt == kw.Ambt.STATENLID
    assert bzk.status == Status.INGEDIEND
    assert bzk.ontvangen_op == ingediend.ontvangen_op
    assert bzk.kenmerk not in (None, "", ingediend.kenmerk)
    assert bzk.provincie == ingediend.provincie
    assert bzk.onderwerp == ingediend.onderwerp
    assert [b.sha256 for b in bzk.bijlagen.all()] == [
        b.sha256 for b in ingediend.bijlagen.all()
    ]
    # The part for the minister: the engine says forward it (Awb 2:3).
    assert kw.kwalificeer(bzk.feiten()).uitkomst is kw.Uitkomst.ONBEVOEGD
    assert Gebeurtenis.objects.filter(verzoek=ingediend, actie=Actie.SPLITSEN).exists()
    assert Gebeurtenis.objects.get(verzoek=bzk, actie=Actie.SPLITSEN).details[
        "uit"
    ] == (ingediend.kenmerk)
    assert permissions.mag(behandelaar, "doorzenden", bzk)
    bericht = mail.outbox[-1]
    assert bzk.kenmerk in bericht.body
    assert "artikel 2:3" in bericht.body
    from ontheffing.models import Staptelling

    assert Staptelling.herbereken() == 0


@pytest.mark.django_db
def test_split_keeps_offices_without_a_prohibition_on_the_case(ingediend, behandelaar):
    Verzoek.objects.filter(pk=ingediend.pk).update(
        overige_ambten=[
            {"ambt": "statenlid"},
            {"ambt": "gedeputeerde", "wederpartij": "ander_lichaam"},
        ]
    )
    ingediend.refresh_from_db()
    (bzk,) = procedures.verzoek_splitsen(user=behandelaar, verzoek=ingediend)
    ingediend.refresh_from_db()
    assert [g["ambt"] for g in ingediend.overige_ambten] == ["gedeputeerde"]
    assert bzk.overige_ambten == []


@pytest.mark.django_db
def test_split_with_a_gemeente_in_another_province(
    ingediend, behandelaar, andere_provincie
):
    from tests.factories import maak_gemeente

    utrecht = maak_gemeente(andere_provincie, "Utrecht")
    Verzoek.objects.filter(pk=ingediend.pk).update(
        overige_ambten=[{"ambt": "raadslid", "gemeente": utrecht.pk}]
    )
    ingediend.refresh_from_db()
    verdeling = procedures.ambten_verdeling(ingediend)
    assert verdeling.delen[1].bevoegd_gezag is kw.BevoegdGezag.ANDERE_PROVINCIE
    assert verdeling.delen[1].provincie == "PV26"
    (elders,) = procedures.verzoek_splitsen(user=behandelaar, verzoek=ingediend)
    assert elders.gemeente == utrecht
    assert kw.kwalificeer(elders.feiten()).bevoegd_gezag is (
        kw.BevoegdGezag.ANDERE_PROVINCIE
    )


@pytest.mark.django_db
def test_split_refusals(ingediend, behandelaar, vreemde_behandelaar):
    with pytest.raises(services.NietNu, match="één ambt"):
        procedures.verzoek_splitsen(user=behandelaar, verzoek=ingediend)
    Verzoek.objects.filter(pk=ingediend.pk).update(
        overige_ambten=[{"ambt": "wethouder"}]
    )
    ingediend.refresh_from_db()
    with pytest.raises(services.NietNu, match="hetzelfde bestuursorgaan"):
        procedures.verzoek_splitsen(user=behandelaar, verzoek=ingediend)
    _met_statenlid(ingediend)
    with pytest.raises(services.GeenToegang):
        procedures.verzoek_splitsen(user=vreemde_behandelaar, verzoek=ingediend)
    with pytest.raises(services.GeenToegang):
        procedures.verzoek_splitsen(user=ingediend.ingediend_door, verzoek=ingediend)
    assert not Verzoek.objects.filter(gesplitst_uit=ingediend).exists()


@pytest.mark.django_db
def test_split_only_before_the_qualification(ingediend, behandelaar):
    from tests.factories import naar_toetsing

    _met_statenlid(ingediend)
    naar_toetsing(ingediend, behandelaar)
    with pytest.raises(services.NietNu, match="vóór de kwalificatie"):
        procedures.verzoek_splitsen(user=behandelaar, verzoek=ingediend)


# --------------------------------------------- several offices: the pages


@pytest.mark.django_db
def test_applicant_names_a_second_office_in_the_form(client, aanvrager, gemeente):
    from tests.factories import formulier

    inloggen(client, aanvrager)
    client.post(
        reverse("aanvrager:nieuw"),
        formulier(
            gemeente,
            tweede_ambt="statenlid",
            tweede_ambt_wederpartij="eigen_lichaam",
        ),
    )
    verzoek = Verzoek.objects.get(ingediend_door=aanvrager)
    assert verzoek.overige_ambten == [
        {"ambt": "statenlid", "gemeente": None, "wederpartij": "eigen_lichaam"}
    ]
    html = client.get(reverse("aanvrager:bewerken", args=[verzoek.pk])).content.decode()
    assert '<option value="statenlid" selected>' in html


@pytest.mark.django_db
def test_case_page_shows_each_office_and_splits(client, ingediend, behandelaar):
    _met_statenlid(ingediend)
    html = _pagina(client, behandelaar, ingediend)
    assert "Kwalificatiehulp per ambt" in html
    assert "De minister van Binnenlandse Zaken en Koninkrijksrelaties" in html
    assert "Splitsen per bevoegd gezag" in html
    response = client.post(reverse("provincie:splitsen", args=[ingediend.pk]))
    assert response.status_code == 302
    bzk = Verzoek.objects.get(gesplitst_uit=ingediend)
    html = _pagina(client, behandelaar, ingediend)
    assert f">{bzk.kenmerk}</a> (statenlid)" in html
    assert "Splitsen per bevoegd gezag</button>" not in html
    html = _pagina(client, behandelaar, bzk)
    assert "Afgesplitst uit verzoek <a href=" in html
    assert "Doorzenden naar het bevoegde bestuursorgaan" in html


@pytest.mark.django_db
def test_fixing_a_late_buiten_behandeling_needs_the_beslissers_confirmation(
    client, ingediend, behandelaar, beslisser
):
    _hersteltermijn_verstreken(ingediend, behandelaar, 20)
    services.buiten_behandeling_voorstellen(
        user=behandelaar, verzoek=ingediend, motivering="Niet aangevuld."
    )
    # The beslisser takes it up after the four weeks have passed.
    Opschorting.objects.filter(verzoek=ingediend).update(
        hersteltermijn_einde=vandaag() - timedelta(days=35)
    )
    ingediend.refresh_from_db()
    inloggen(client, beslisser)
    html = client.get(reverse("provincie:voorstel", args=[ingediend.pk])).content
    assert "Vaststellen kan alleen als u dat bevestigt en motiveert." in html.decode()
    brieven = ingediend.besluiten.count()  # the letter asking for the aanvulling
    with pytest.raises(services.NietNu, match="artikel 4:5, vierde lid, Awb"):
        services.besluit_vaststellen(user=beslisser, verzoek=ingediend)
    assert ingediend.status == Status.TER_BESLUITVORMING
    assert ingediend.besluiten.count() == brieven
    services.besluit_vaststellen(
        user=beslisser,
        verzoek=ingediend,
        te_laat_bevestigd=True,
        te_laat_motivering="Het voorstel lag door vakantie stil.",
    )
    assert ingediend.uitkomst == Uitkomst.BUITEN_BEHANDELING
    gebeurtenis = Gebeurtenis.objects.get(verzoek=ingediend, actie="vaststellen")
    termijn = buiten_behandeling_termijn(vandaag() - timedelta(days=35))
    assert gebeurtenis.details["dagen_te_laat"] == termijn.dagen_te_laat(vandaag())
    assert gebeurtenis.details["dagen_te_laat"] > 0
    assert gebeurtenis.details["te_laat_motivering"].startswith("Het voorstel")
