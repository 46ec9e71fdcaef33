"""The staff pages through the test client: every step, and the refusals."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ontheffing import kwalificatie as kw
from ontheffing import services, toetsing
from ontheffing.models import (
    Besluit,
    Criteriumoordeel,
    Doorzendadres,
    Gebeurtenis,
    Opschorting,
    Orgaan,
    Verzoek,
)
from ontheffing.states import Actie, Bestuursorgaan, Rol, Status, Uitkomst
from tests.factories import (
    inloggen,
    kwalificatie_post,
    maak_gebruiker,
    maak_ingediend,
    maak_mandaat,
)


def url(naam, verzoek):
    return reverse(f"provincie:{naam}", args=[verzoek.pk])


def ingelogd(client, user):
    inloggen(client, user)
    return client


@pytest.fixture
def in_kwalificatie(ingediend, behandelaar):
    return services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=ingediend)


@pytest.fixture
def in_toetsing(in_kwalificatie, behandelaar):
    return services.verzoek_kwalificeren(
        user=behandelaar, verzoek=in_kwalificatie, feiten=in_kwalificatie.feiten()
    )


def alles_beoordelen(verzoek, user, oordeel="voldaan"):
    services.criteria_beoordelen(
        user=user,
        verzoek=verzoek,
        oordelen={c: (oordeel, "Onderbouwd.") for c in toetsing.criteria_voor(verzoek)},
    )


@pytest.fixture
def ter_besluitvorming(in_toetsing, behandelaar):
    alles_beoordelen(in_toetsing, behandelaar)
    return services.besluit_voorstellen(
        user=behandelaar,
        verzoek=in_toetsing,
        uitkomst=Uitkomst.VERLEEND,
        motivering="Aan alle criteria is voldaan.",
        voorschriften=["Voorschrift 1."],
    )


# ------------------------------------------------------------ access rules


@pytest.mark.parametrize("naam", ["werkvoorraad", "besluitvorming"])
def test_applicant_and_anonymous_cannot_open_staff_lists(client, aanvrager, naam):
    response = client.get(reverse(f"provincie:{naam}"))
    assert response.status_code == 302
    ingelogd(client, aanvrager)
    assert client.get(reverse(f"provincie:{naam}")).status_code == 403


def test_behandelaar_without_mandate_has_no_decision_list(client, behandelaar):
    ingelogd(client, behandelaar)
    assert client.get(reverse("provincie:besluitvorming")).status_code == 403


@pytest.mark.parametrize(
    "naam", ["verzoek", "kwalificatie", "toetsing", "voorstel", "concept"]
)
def test_case_of_another_province_is_404(client, ingediend, vreemde_behandelaar, naam):
    ingelogd(client, vreemde_behandelaar)
    assert client.get(url(naam, ingediend)).status_code == 404


@pytest.mark.parametrize(
    "naam",
    [
        "oppakken",
        "in_behandeling_nemen",
        "aanvulling_vragen",
        "notitie",
        "vaststellen",
        "terugsturen",
        "verdagen",
    ],
)
def test_posting_to_a_case_of_another_province_is_404(
    client, ingediend, vreemde_behandelaar, naam
):
    ingelogd(client, vreemde_behandelaar)
    assert client.post(url(naam, ingediend)).status_code == 404
    ingediend.refresh_from_db()
    assert ingediend.status == Status.INGEDIEND


def test_applicant_posting_staff_action_gets_403(client, ingediend, aanvrager):
    ingelogd(client, aanvrager)
    assert client.post(url("in_behandeling_nemen", ingediend)).status_code == 403


def test_beslisser_cannot_do_behandelaar_actions(client, ingediend, beslisser):
    ingelogd(client, beslisser)
    assert client.post(url("in_behandeling_nemen", ingediend)).status_code == 403
    ingediend.refresh_from_db()
    assert ingediend.status == Status.INGEDIEND


def test_beheerder_gets_403_on_case_pages(client, ingediend, beheerder):
    ingelogd(client, beheerder)
    assert client.get(url("verzoek", ingediend)).status_code == 403


# ---------------------------------------------------------------- worklist


def test_worklist_shows_case_with_signal_and_counts(client, ingediend, behandelaar):
    ingelogd(client, behandelaar)
    response = client.get(reverse("provincie:werkvoorraad"))
    assert response.status_code == 200
    html = response.content.decode()
    assert ingediend.kenmerk in html
    assert "Nog " in html
    assert "werkdagen" in html
    assert "Ingediend: <strong>1</strong>" in html


def test_worklist_survives_nonsense_parameters(client, ingediend, behandelaar):
    ingelogd(client, behandelaar)
    response = client.get(
        reverse("provincie:werkvoorraad"),
        {
            "stap": "x",
            "behandelaar": "';",
            "gemeente": "abc",
            "pagina": "999",
            "sortering": "drop",
        },
    )
    assert response.status_code == 200


def test_take_a_case_from_the_worklist(client, ingediend, behandelaar):
    ingelogd(client, behandelaar)
    response = client.post(url("oppakken", ingediend), {"terug": "werkvoorraad"})
    assert response.status_code == 302
    assert response["Location"] == reverse("provincie:werkvoorraad")
    ingediend.refresh_from_db()
    assert ingediend.behandelaar == behandelaar


def test_hand_to_a_colleague(client, ingediend, behandelaar, tweede_behandelaar):
    ingelogd(client, behandelaar)
    client.post(
        url("toewijzen", ingediend), {"toewijzen-behandelaar": tweede_behandelaar.pk}
    )
    ingediend.refresh_from_db()
    assert ingediend.behandelaar == tweede_behandelaar


def test_cannot_hand_to_staff_of_another_province(
    client, ingediend, behandelaar, vreemde_behandelaar
):
    ingelogd(client, behandelaar)
    response = client.post(
        url("toewijzen", ingediend), {"toewijzen-behandelaar": vreemde_behandelaar.pk}
    )
    assert response.status_code == 200
    assert "Kies een behandelaar van deze provincie." in response.content.decode()
    ingediend.refresh_from_db()
    assert ingediend.behandelaar is None


# --------------------------------------------------------------- case page


def test_case_page_shows_deadline_panel_and_only_allowed_actions(
    client, ingediend, behandelaar, beslisser
):
    ingelogd(client, behandelaar)
    html = client.get(url("verzoek", ingediend)).content.decode()
    assert "Fatale datum" in html
    assert "Volledig: in behandeling nemen" in html
    assert "Aanvulling vragen" in html
    assert "Besluit vaststellen" not in html
    ingelogd(client, beslisser)
    html = client.get(url("verzoek", ingediend)).content.decode()
    assert "Volledig: in behandeling nemen" not in html
    assert "Aanvulling vragen" not in html


def test_internal_note_is_on_the_staff_page(client, ingediend, behandelaar):
    ingelogd(client, behandelaar)
    response = client.post(
        url("notitie", ingediend), {"notitie-tekst": "Bel de griffier."}
    )
    assert response.status_code == 302
    html = client.get(url("verzoek", ingediend)).content.decode()
    assert "Bel de griffier." in html
    assert "Intern" in html
    assert Gebeurtenis.objects.get(actie=Actie.NOTITIE_TOEVOEGEN).intern


def test_empty_note_gets_a_message(client, ingediend, behandelaar):
    ingelogd(client, behandelaar)
    response = client.post(url("notitie", ingediend), {"notitie-tekst": "  "})
    assert response.status_code == 200
    assert "Een lege notitie wordt niet opgeslagen." in response.content.decode()


# ----------------------------------------------------------------- intake


def test_complete_goes_to_kwalificatie(client, ingediend, behandelaar):
    ingelogd(client, behandelaar)
    client.post(url("in_behandeling_nemen", ingediend))
    ingediend.refresh_from_db()
    assert ingediend.status == Status.KWALIFICATIE
    assert ingediend.behandelaar == behandelaar


def test_ask_for_information(client, ingediend, behandelaar):
    ingelogd(client, behandelaar)
    einde = timezone.localdate() + timedelta(days=14)
    response = client.post(
        url("aanvulling_vragen", ingediend),
        {
            "aanvulling_vragen-ontbrekend": ["totstandkoming"],
            "aanvulling_vragen-toelichting": "Stuur de offertes mee.",
            "aanvulling_vragen-hersteltermijn_einde": einde.isoformat(),
        },
    )
    assert response.status_code == 302
    ingediend.refresh_from_db()
    assert ingediend.status == Status.AANVULLING_GEVRAAGD
    opschorting = Opschorting.objects.get(verzoek=ingediend)
    assert opschorting.ontbrekend == ["Stukken over de totstandkoming"]
    assert opschorting.hersteltermijn_einde >= einde


def test_ask_for_information_with_nothing_ticked_keeps_the_text(
    client, ingediend, behandelaar
):
    ingelogd(client, behandelaar)
    response = client.post(
        url("aanvulling_vragen", ingediend),
        {
            "aanvulling_vragen-hersteltermijn_einde": "gisteren",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vink aan wat ontbreekt" in html
    assert "Vul een geldige datum in" in html
    ingediend.refresh_from_db()
    assert ingediend.status == Status.INGEDIEND


def test_buiten_behandeling_only_after_the_hersteltermijn(
    client, ingediend, behandelaar
):
    services.aanvulling_vragen(
        user=behandelaar,
        verzoek=ingediend,
        ontbrekend=["Offerte"],
        toelichting="",
        hersteltermijn_einde=timezone.localdate() + timedelta(days=14),
    )
    ingelogd(client, behandelaar)
    html = client.get(url("verzoek", ingediend)).content.decode()
    assert "Wacht op de aanvulling" in html
    response = client.post(
        url("buiten_behandeling_voorstellen", ingediend),
        {"buiten_behandeling_voorstellen-motivering": "Niet aangevuld."},
    )
    assert "De hersteltermijn is nog niet verstreken." in response.content.decode()
    # The hersteltermijn has passed.
    Opschorting.objects.filter(verzoek=ingediend).update(
        van=timezone.localdate() - timedelta(days=30),
        hersteltermijn_einde=timezone.localdate() - timedelta(days=2),
    )
    html = client.get(url("verzoek", ingediend)).content.decode()
    assert "bekend worden gemaakt (artikel 4:5, vierde lid, Awb)" in html
    response = client.post(
        url("buiten_behandeling_voorstellen", ingediend),
        {"buiten_behandeling_voorstellen-motivering": "Niet aangevuld."},
    )
    assert response.status_code == 302
    ingediend.refresh_from_db()
    assert ingediend.status == Status.TER_BESLUITVORMING
    assert ingediend.voorstel_uitkomst == Uitkomst.BUITEN_BEHANDELING


def test_doorzenden_proposes_the_authority_of_the_engine(
    client, aanvrager, behandelaar
):
    from tests.factories import maak_gemeente, maak_provincie

    elders = maak_gemeente(maak_provincie("PV26", "Utrecht"), "Utrecht")
    verzoek = maak_ingediend(aanvrager=aanvrager, gemeente=elders)
    Verzoek.objects.filter(pk=verzoek.pk).update(provincie=behandelaar.provincie)
    ingelogd(client, behandelaar)
    utrecht = Doorzendadres.objects.create(
        orgaan=Orgaan.GS, provincie=elders.provincie,
        postadres="Postbus 80300\n3508 TH Utrecht", email="post@utrecht.example",
    )  # fmt: skip
    html = client.get(url("verzoek", verzoek)).content.decode()
    assert "Doorzenden" in html
    assert "Gedeputeerde Staten van Utrecht" in html
    response = client.post(
        url("doorzenden", verzoek),
        {
            "doorzenden-aan": utrecht.pk,
            "doorzenden-toelichting": "De gemeente ligt in Utrecht.",
        },
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    verzoek.refresh_from_db()
    assert verzoek.status == Status.DOORGEZONDEN
    assert Besluit.objects.filter(verzoek=verzoek, soort="doorzending").exists()


# ----------------------------------------------------------- kwalificatie


def test_kwalificatie_page_shows_the_engine_in_full(
    client, in_kwalificatie, behandelaar
):
    ingelogd(client, behandelaar)
    response = client.get(url("kwalificatie", in_kwalificatie))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Uitkomst van de kwalificatiehulp" in html
    assert "Opgave aanvrager: Raadslid" in html
    assert "Grondslag" in html
    assert "Bevoegd gezag" in html


def test_confirm_the_engine_goes_to_toetsing(client, in_kwalificatie, behandelaar):
    ingelogd(client, behandelaar)
    response = client.post(
        url("kwalificatie", in_kwalificatie), kwalificatie_post(in_kwalificatie)
    )
    assert response.status_code == 302, response.content.decode()
    in_kwalificatie.refresh_from_db()
    assert in_kwalificatie.status == Status.TOETSING
    assert in_kwalificatie.kwalificatie == in_kwalificatie.kwalificatie_berekend


def test_deviation_without_motivation_is_refused(client, in_kwalificatie, behandelaar):
    ingelogd(client, behandelaar)
    data = kwalificatie_post(in_kwalificatie, uitkomst="niet_verboden")
    response = client.post(url("kwalificatie", in_kwalificatie), data)
    assert response.status_code == 200
    assert "Motiveer de kwalificatie" in response.content.decode()
    in_kwalificatie.refresh_from_db()
    assert in_kwalificatie.status == Status.KWALIFICATIE


def test_corrected_fact_needs_a_reason_and_is_recorded(
    client, in_kwalificatie, behandelaar
):
    ingelogd(client, behandelaar)
    data = kwalificatie_post(in_kwalificatie, om_niet="ja")
    # Without payment the engine is unsure; the behandelaar decides, with motivation.
    data.update(uitkomst="niet_verboden", onderdeel="", motivering="Geen aanneming.")
    response = client.post(url("kwalificatie", in_kwalificatie), data)
    assert "geef de reden van de correctie" in response.content.decode()
    data["reden_correctie"] = "Uit de offerte blijkt dat het om niet is."
    response = client.post(url("kwalificatie", in_kwalificatie), data)
    assert response.status_code == 302
    in_kwalificatie.refresh_from_db()
    assert in_kwalificatie.kwalificatie_feiten["om_niet"] is True
    gebeurtenis = Gebeurtenis.objects.get(actie=Actie.KWALIFICEREN)
    assert gebeurtenis.details["correcties"]["om_niet"] == {
        "aanvrager": False,
        "behandelaar": True,
    }
    assert "Uit de offerte" in in_kwalificatie.kwalificatie_motivering


def test_non_exemptable_goes_to_decision_as_refusal(
    client, behandelaar, aanvrager, gemeente
):
    verzoek = maak_ingediend(
        aanvrager=aanvrager,
        gemeente=gemeente,
        handeling="advocaat_of_adviseur_in_geschil",
    )
    services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=verzoek)
    engine = kw.kwalificeer(verzoek.feiten())
    assert engine.uitkomst == kw.Uitkomst.VERBODEN_NIET_ONTHEFFBAAR
    ingelogd(client, behandelaar)
    data = kwalificatie_post(
        verzoek,
        handeling="advocaat_of_adviseur_in_geschil",
        uitkomst=engine.uitkomst.value,
    )
    response = client.post(url("kwalificatie", verzoek), data)
    assert response.status_code == 302, response.content.decode()
    verzoek.refresh_from_db()
    assert verzoek.status == Status.TER_BESLUITVORMING
    assert verzoek.voorstel_uitkomst == Uitkomst.GEWEIGERD


def test_recalculate_keeps_input_and_updates_engine(
    client, in_kwalificatie, behandelaar
):
    ingelogd(client, behandelaar)
    data = kwalificatie_post(
        in_kwalificatie,
        handeling="subsidie",
        berekenen="1",
        reden_correctie="Het is een subsidie.",
    )
    del data["vastleggen"]
    response = client.post(url("kwalificatie", in_kwalificatie), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Het is een subsidie." in html
    assert "Geen ontheffing nodig" in html
    in_kwalificatie.refresh_from_db()
    assert in_kwalificatie.status == Status.KWALIFICATIE


# --------------------------------------------------------------- toetsing


def _voorstel_post(verzoek, oordeel="voldaan", **extra):
    data = {}
    for c in toetsing.criteria_voor(verzoek):
        data[f"c-{c.code}-oordeel"] = oordeel
        data[f"c-{c.code}-motivering"] = f"Motivering {c.code}."
    data.update(
        uitkomst="verleend",
        motivering="Aan alle criteria is voldaan.",
        voorschriften="Voorschrift een.\nVoorschrift twee.",
        voorstellen="1",
    )
    data.update(extra)
    return data


def test_toetsing_prefills_the_default_voorschriften(client, in_toetsing, behandelaar):
    ingelogd(client, behandelaar)
    html = client.get(url("toetsing", in_toetsing)).content.decode()
    assert "Deze ontheffing geldt uitsluitend" in html
    assert "Totstandkoming" in html
    assert "Marktconformiteit" in html


def test_propose_grant(client, in_toetsing, behandelaar):
    ingelogd(client, behandelaar)
    response = client.post(url("toetsing", in_toetsing), _voorstel_post(in_toetsing))
    assert response.status_code == 302, response.content.decode()
    in_toetsing.refresh_from_db()
    assert in_toetsing.status == Status.TER_BESLUITVORMING
    assert in_toetsing.voorstel_voorschriften == [
        "Voorschrift een.",
        "Voorschrift twee.",
    ]
    assert Criteriumoordeel.objects.filter(verzoek=in_toetsing).count() == 6


def test_criterion_left_unjudged_is_refused_and_input_kept(
    client, in_toetsing, behandelaar
):
    ingelogd(client, behandelaar)
    data = _voorstel_post(in_toetsing)
    del data["c-marktconformiteit-oordeel"]
    del data["c-marktconformiteit-motivering"]
    response = client.post(url("toetsing", in_toetsing), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Beoordeel eerst alle criteria: Marktconformiteit" in html
    assert "Aan alle criteria is voldaan." in html
    in_toetsing.refresh_from_db()
    assert in_toetsing.status == Status.TOETSING


def test_judgement_without_motivation_is_refused(client, in_toetsing, behandelaar):
    ingelogd(client, behandelaar)
    data = _voorstel_post(in_toetsing)
    data["c-marktconformiteit-motivering"] = ""
    response = client.post(url("toetsing", in_toetsing), data)
    assert "Motiveer uw oordeel over dit criterium." in response.content.decode()
    # The unmotivated judgement is not stored; the complete ones are, and the
    # case is not proposed.
    opgeslagen = Criteriumoordeel.objects.filter(verzoek=in_toetsing)
    assert not opgeslagen.filter(criterium__code="marktconformiteit").exists()
    assert opgeslagen.exists()
    in_toetsing.refresh_from_db()
    assert in_toetsing.status == Status.TOETSING


def test_deviation_from_judgements_needs_motivation(client, in_toetsing, behandelaar):
    ingelogd(client, behandelaar)
    data = _voorstel_post(in_toetsing, uitkomst="geweigerd")
    response = client.post(url("toetsing", in_toetsing), data)
    assert "motiveer de afwijking" in response.content.decode()
    in_toetsing.refresh_from_db()
    assert in_toetsing.status == Status.TOETSING
    data["afwijking"] = "Schijn van belangenverstrengeling weegt zwaarder."
    response = client.post(url("toetsing", in_toetsing), data)
    assert response.status_code == 302
    in_toetsing.refresh_from_db()
    assert in_toetsing.voorstel_uitkomst == Uitkomst.GEWEIGERD
    assert "Schijn van" in in_toetsing.voorstel_motivering


def test_letter_preview_is_sandboxed(client, in_toetsing, behandelaar):
    ingelogd(client, behandelaar)
    response = client.post(
        url("toetsing", in_toetsing),
        _voorstel_post(in_toetsing, voorbeeld="1", voorstellen=""),
    )
    assert response.status_code == 200
    assert response["Content-Security-Policy"].startswith("sandbox")
    assert "CONCEPT" in response.content.decode()
    in_toetsing.refresh_from_db()
    assert in_toetsing.status == Status.TOETSING


def test_zienswijze_round_trip(client, in_toetsing, behandelaar):
    ingelogd(client, behandelaar)
    uiterlijk = timezone.localdate() + timedelta(days=14)
    client.post(
        url("zienswijze_vragen", in_toetsing),
        {
            "zienswijze_vragen-van": "Jan Jansen",
            "zienswijze_vragen-uiterlijk": uiterlijk.isoformat(),
            "zienswijze_vragen-toelichting": "Over de betrokkenheid.",
        },
    )
    in_toetsing.refresh_from_db()
    assert in_toetsing.status == Status.ZIENSWIJZE_GEVRAAGD
    client.post(
        url("zienswijze_verwerken", in_toetsing),
        {"zienswijze_verwerken-samenvatting": "Geen zienswijze ontvangen."},
    )
    in_toetsing.refresh_from_db()
    assert in_toetsing.status == Status.TOETSING


# ---------------------------------------------------------- besluitvorming


def test_beslisser_list_and_proposal_page(client, ter_besluitvorming, beslisser):
    ingelogd(client, beslisser)
    html = client.get(reverse("provincie:besluitvorming")).content.decode()
    assert ter_besluitvorming.kenmerk in html
    html = client.get(url("voorstel", ter_besluitvorming)).content.decode()
    assert "Besluit vaststellen en verzenden" in html
    assert "sandbox" in html
    assert url("concept", ter_besluitvorming) in html
    response = client.get(url("concept", ter_besluitvorming))
    assert response.status_code == 200
    assert "CONCEPT" in response.content.decode()
    assert response["Content-Security-Policy"].startswith("sandbox")
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_proposer_never_sees_or_uses_vaststellen(
    client, ter_besluitvorming, behandelaar
):
    maak_mandaat(behandelaar)
    ingelogd(client, behandelaar)
    html = client.get(url("voorstel", ter_besluitvorming)).content.decode()
    assert "Besluit vaststellen" not in html
    assert "vier ogen" in html
    assert client.post(url("vaststellen", ter_besluitvorming)).status_code == 403
    ter_besluitvorming.refresh_from_db()
    assert ter_besluitvorming.status == Status.TER_BESLUITVORMING


def test_cdk_case_needs_a_beslisser_with_cdk_mandate(
    client, ter_besluitvorming, provincie
):
    Verzoek.objects.filter(pk=ter_besluitvorming.pk).update(
        bestuursorgaan=Bestuursorgaan.CDK
    )
    gewone = maak_gebruiker(Rol.BESLISSER, provincie, mag_namens_cdk=False)
    ingelogd(client, gewone)
    assert client.post(url("vaststellen", ter_besluitvorming)).status_code == 403


def test_vreemde_beslisser_gets_404(client, ter_besluitvorming, vreemde_beslisser):
    ingelogd(client, vreemde_beslisser)
    assert client.post(url("vaststellen", ter_besluitvorming)).status_code == 404


def test_return_then_decide(client, ter_besluitvorming, beslisser, behandelaar):
    ingelogd(client, beslisser)
    response = client.post(
        url("terugsturen", ter_besluitvorming), {"terugsturen-reden": ""}
    )
    assert response.status_code == 200
    assert "Geef de reden." in response.content.decode()
    client.post(
        url("terugsturen", ter_besluitvorming),
        {"terugsturen-reden": "Voorschrift 1 concreter maken."},
    )
    ter_besluitvorming.refresh_from_db()
    assert ter_besluitvorming.status == Status.TOETSING
    services.besluit_voorstellen(
        user=behandelaar,
        verzoek=ter_besluitvorming,
        uitkomst=Uitkomst.VERLEEND,
        motivering="Voldaan.",
        voorschriften=["Alleen de overeenkomst met Arnhem."],
    )
    response = client.post(url("vaststellen", ter_besluitvorming), {"bevestigd": "1"})
    assert response.status_code == 302
    ter_besluitvorming.refresh_from_db()
    assert ter_besluitvorming.status == Status.AFGEHANDELD
    assert ter_besluitvorming.uitkomst == Uitkomst.VERLEEND
    assert ter_besluitvorming.besluiten.count() == 1


# -------------------------------------------------- recorded actions


def test_verdaging_after_the_deadline_is_refused(client, ingediend, behandelaar):
    Verzoek.objects.filter(pk=ingediend.pk).update(
        ontvangen_op=timezone.localdate() - timedelta(weeks=10)
    )
    ingelogd(client, behandelaar)
    response = client.post(
        url("verdagen", ingediend),
        {
            "verdagen-nieuwe_datum": (
                timezone.localdate() + timedelta(weeks=4)
            ).isoformat(),
            "verdagen-reden": "Complex.",
        },
    )
    assert response.status_code == 200
    assert "De beslistermijn is al verstreken" in response.content.decode()
    ingediend.refresh_from_db()
    assert ingediend.verdaging_nieuwe_datum is None


def test_verdaging_in_time(client, ingediend, behandelaar):
    ingelogd(client, behandelaar)
    nieuwe = timezone.localdate() + timedelta(weeks=12)
    response = client.post(
        url("verdagen", ingediend),
        {
            "verdagen-nieuwe_datum": nieuwe.isoformat(),
            "verdagen-reden": "Advies nodig.",
        },
    )
    assert response.status_code == 302
    html = client.get(url("verzoek", ingediend)).content.decode()
    assert "Verdaagd" in html
    assert "Advies nodig." in html


def test_dwangsom_shown_after_ingebrekestelling(client, ingediend, behandelaar):
    Verzoek.objects.filter(pk=ingediend.pk).update(
        ontvangen_op=timezone.localdate() - timedelta(weeks=14)
    )
    ingelogd(client, behandelaar)
    ontvangen = timezone.localdate() - timedelta(weeks=4)
    response = client.post(
        url("ingebrekestelling", ingediend),
        {"ingebrekestelling-ontvangen_op": ontvangen.isoformat()},
    )
    assert response.status_code == 302
    html = client.get(url("verzoek", ingediend)).content.decode()
    assert "Verbeurd tot nu" in html
    assert "Maximum" in html
    # Awb 4:17: at most 42 days (14 x 23 + 14 x 35 + 14 x 45 euro).
    assert "<dt>Maximum</dt><dd>€ 1.442,00</dd>" in html


def test_ingebrekestelling_in_the_future_is_refused(client, ingediend, behandelaar):
    ingelogd(client, behandelaar)
    morgen = date.today() + timedelta(days=5)
    response = client.post(
        url("ingebrekestelling", ingediend),
        {"ingebrekestelling-ontvangen_op": morgen.isoformat()},
    )
    assert "kan niet in de toekomst liggen" in response.content.decode()
