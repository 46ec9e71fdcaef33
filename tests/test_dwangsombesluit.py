"""The decision on the dwangsom (artikel 4:18 Awb): when it may be taken and by
whom, the amount and its letter, and the recorded payment."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from ontheffing import services
from ontheffing.models import Bericht, Dwangsombesluit, Gebeurtenis, Verzoek
from ontheffing.states import Actie, Rol
from tests.factories import (
    besluit_nemen,
    inloggen,
    maak_gebruiker,
    maak_mandaat,
    vandaag,
)

pytestmark = pytest.mark.django_db


def laat(verzoek, behandelaar, *, ingebrekestelling_dagen_geleden):
    """A case received 200 days ago, so its beslistermijn passed long ago, with
    an ingebrekestelling received ``ingebrekestelling_dagen_geleden`` days ago."""
    ontvangen = vandaag() - timedelta(days=200)
    Verzoek.objects.filter(pk=verzoek.pk).update(ontvangen_op=ontvangen)
    verzoek.ontvangen_op = ontvangen
    services.ingebrekestelling_registreren(
        user=behandelaar,
        verzoek=verzoek,
        ontvangen_op=vandaag() - timedelta(days=ingebrekestelling_dagen_geleden),
    )
    return verzoek


@pytest.fixture
def besloten_na_16_dagen(ingediend, behandelaar, beslisser):
    """Decided today; the dwangsom ran from 16 days ago until yesterday."""
    laat(ingediend, behandelaar, ingebrekestelling_dagen_geleden=30)
    besluit_nemen(ingediend, behandelaar, beslisser)
    return ingediend


@pytest.fixture
def gs_lid(provincie):
    """A confirmed member of the college without a mandate: records the
    college's own decision with the date of its meeting."""
    return maak_gebruiker(Rol.BESLISSER, provincie, mandaat=False)


def test_the_dwangsom_is_fixed_with_its_amount_letter_and_event(
    besloten_na_16_dagen, gs_lid
):
    verzoek = besloten_na_16_dagen
    besluit = services.dwangsom_vaststellen(
        user=gs_lid, verzoek=verzoek, genomen_op=vandaag()
    )

    # 14 days at € 23 and 2 at € 35 (artikel 4:17, second paragraph, Awb)
    assert besluit.dagen == 16
    assert besluit.bedrag == Decimal("392.00")
    assert besluit.eerste_dag == vandaag() - timedelta(days=16)
    assert besluit.laatste_dag == vandaag() - timedelta(days=1)
    assert not besluit.te_laat
    brief = besluit.brief
    assert brief.soort == "dwangsom"
    assert brief.uitkomst == ""  # not an outcome of the request
    assert brief.genomen_op == vandaag()
    html = brief.html
    assert "Besluit over de dwangsom bij niet tijdig beslissen" in html
    assert "€ 392,00" in html
    assert "artikel 4:18 Algemene wet bestuursrecht" in html
    assert "artikel 4:17, tweede lid, Algemene wet bestuursrecht" in html
    assert "de eerste veertien dagen €\u00a023,00 per dag" in html
    assert "Geachte heer Jansen," in html
    assert "Bezwaar maken" in html  # a decision of its own
    assert "Aldus besloten in de vergadering van Gedeputeerde Staten" in html
    (gebeurtenis,) = Gebeurtenis.objects.filter(
        verzoek=verzoek, actie=Actie.DWANGSOM_VASTSTELLEN
    )
    assert gebeurtenis.actor == gs_lid
    assert gebeurtenis.details["bedrag"] == "392.00"
    (bericht,) = Bericht.objects.filter(verzoek=verzoek, soort="dwangsom_vastgesteld")
    assert bericht.besluit == brief
    assert bericht.bekendmaking
    assert verzoek.ingediend_door.email in bericht.aan


def test_under_a_mandate_the_letter_is_signed_namens_deze(besloten_na_16_dagen):
    houder = maak_gebruiker(
        Rol.BESLISSER, besloten_na_16_dagen.provincie, naam="Mia Mandaat"
    )
    besluit = services.dwangsom_vaststellen(user=houder, verzoek=besloten_na_16_dagen)
    assert besluit.brief.mandaat is not None
    assert "namens deze" in besluit.brief.html
    assert "Mia Mandaat" in besluit.brief.html


def test_after_42_days_without_a_decision_the_maximum_is_fixed(
    ingediend, behandelaar, beslisser
):
    # The 42nd day was yesterday: start 42 days ago, two weeks after receipt.
    laat(ingediend, behandelaar, ingebrekestelling_dagen_geleden=56)
    besluit = services.dwangsom_vaststellen(user=beslisser, verzoek=ingediend)

    assert (besluit.dagen, besluit.bedrag) == (42, Decimal("1442.00"))
    html = besluit.brief.html
    assert "€ 1.442,00" in html
    assert "nog niet op uw aanvraag beslist" in html
    assert "Dat is het hoogste bedrag dat de wet toekent." in html


@pytest.mark.parametrize(
    ("dagen_geleden", "besluiten", "melding"),
    [
        pytest.param(20, False, "De dwangsom loopt nog", id="loopt-nog"),
        pytest.param(55, False, "De dwangsom loopt nog", id="42e-dag-is-vandaag"),
        pytest.param(10, False, "De dwangsom loopt pas vanaf", id="nog-niet-begonnen"),
        pytest.param(10, True, "Er is geen dwangsom verbeurd", id="op-tijd-beslist"),
    ],
)
def test_no_decision_before_the_dwangsom_ended_or_when_none_is_owed(
    ingediend, behandelaar, beslisser, dagen_geleden, besluiten, melding
):
    laat(ingediend, behandelaar, ingebrekestelling_dagen_geleden=dagen_geleden)
    if besluiten:
        besluit_nemen(ingediend, behandelaar, beslisser)
    beslisser_2 = maak_gebruiker(Rol.BESLISSER, ingediend.provincie)
    with pytest.raises(services.NietNu, match=melding):
        services.dwangsom_vaststellen(user=beslisser_2, verzoek=ingediend)
    assert not Dwangsombesluit.objects.exists()
    assert not ingediend.besluiten.filter(soort="dwangsom").exists()


def test_no_dwangsom_without_an_ingebrekestelling_after_the_term(
    ingediend, behandelaar, beslisser
):
    with pytest.raises(services.NietNu, match="geen ingebrekestelling"):
        services.dwangsom_vaststellen(user=beslisser, verzoek=ingediend)
    services.ingebrekestelling_registreren(
        user=behandelaar, verzoek=ingediend, ontvangen_op=vandaag()
    )  # the beslistermijn has not ended: no dwangsom (artikel 4:17 Awb)
    with pytest.raises(services.NietNu, match="geen dwangsom verbeurd"):
        services.dwangsom_vaststellen(user=beslisser, verzoek=ingediend)


def test_four_eyes_and_the_competent_authority(
    besloten_na_16_dagen, behandelaar, vreemde_beslisser
):
    verzoek = besloten_na_16_dagen
    maak_mandaat(behandelaar)  # even with a mandate: he prepared the case
    with pytest.raises(services.GeenToegang, match="vier ogen"):
        services.dwangsom_vaststellen(user=behandelaar, verzoek=verzoek)
    alleen_weigeren = maak_gebruiker(Rol.BEHANDELAAR, verzoek.provincie)
    maak_mandaat(alleen_weigeren, reikwijdte="weigeren")
    with pytest.raises(services.GeenToegang, match="geen geldend mandaat"):
        services.dwangsom_vaststellen(user=alleen_weigeren, verzoek=verzoek)
    with pytest.raises(services.GeenToegang):
        services.dwangsom_vaststellen(user=vreemde_beslisser, verzoek=verzoek)
    with pytest.raises(services.GeenToegang):
        services.dwangsom_vaststellen(user=verzoek.ingediend_door, verzoek=verzoek)
    assert not Dwangsombesluit.objects.exists()


def test_a_cdk_case_needs_a_mandate_of_the_commissaris(
    ingediend, behandelaar, beslisser
):
    laat(ingediend, behandelaar, ingebrekestelling_dagen_geleden=56)
    Verzoek.objects.filter(pk=ingediend.pk).update(bestuursorgaan="cdk")
    ingediend.bestuursorgaan = "cdk"
    alleen_gs = maak_gebruiker(Rol.BESLISSER, ingediend.provincie)
    with pytest.raises(services.GeenToegang, match="Commissaris"):
        services.dwangsom_vaststellen(user=alleen_gs, verzoek=ingediend)
    besluit = services.dwangsom_vaststellen(user=beslisser, verzoek=ingediend)
    assert "De Commissaris van de Koning in Gelderland," in besluit.brief.html
    assert "Ik betaal het bedrag" in besluit.brief.html


def test_the_dwangsom_is_fixed_once(besloten_na_16_dagen, beslisser):
    services.dwangsom_vaststellen(user=beslisser, verzoek=besloten_na_16_dagen)
    with pytest.raises(services.NietNu, match="al vastgesteld"):
        services.dwangsom_vaststellen(user=beslisser, verzoek=besloten_na_16_dagen)
    verouderd = Verzoek.objects.get(pk=besloten_na_16_dagen.pk)
    with pytest.raises(services.NietNu, match="al vastgesteld"):
        services.dwangsom_vaststellen(user=beslisser, verzoek=verouderd)
    assert Dwangsombesluit.objects.count() == 1


def test_a_meeting_before_the_last_day_or_in_the_future_is_refused(
    besloten_na_16_dagen, gs_lid
):
    for dag, melding in (
        (vandaag() - timedelta(days=2), "na de laatste dag"),
        (vandaag() + timedelta(days=1), "toekomst"),
    ):
        with pytest.raises(services.NietNu, match=melding):
            services.dwangsom_vaststellen(
                user=gs_lid, verzoek=besloten_na_16_dagen, genomen_op=dag
            )
    with pytest.raises(services.NietNu, match="geen mandaat"):
        services.dwangsom_vaststellen(user=gs_lid, verzoek=besloten_na_16_dagen)
    assert not Dwangsombesluit.objects.exists()


# --- payment ---------------------------------------------------------------


@pytest.fixture
def vastgesteld(besloten_na_16_dagen, beslisser):
    services.dwangsom_vaststellen(user=beslisser, verzoek=besloten_na_16_dagen)
    return besloten_na_16_dagen


def test_the_payment_is_recorded_with_date_amount_and_event(vastgesteld, behandelaar):
    besluit = services.dwangsom_betaling_vastleggen(
        user=behandelaar, verzoek=vastgesteld, betaald_op=vandaag(), bedrag="392.00"
    )
    assert besluit.betaald_op == vandaag()
    assert besluit.betaald_bedrag == Decimal("392.00")
    assert besluit.betaling_vastgelegd_door == behandelaar
    (gebeurtenis,) = Gebeurtenis.objects.filter(
        verzoek=vastgesteld, actie=Actie.DWANGSOM_BETAALD
    )
    assert gebeurtenis.details == {"bedrag": "392.00", "betaald_op": str(vandaag())}
    with pytest.raises(services.NietNu, match="al vastgelegd"):
        services.dwangsom_betaling_vastleggen(
            user=behandelaar, verzoek=vastgesteld, betaald_op=vandaag(), bedrag=392
        )


@pytest.mark.parametrize(
    ("bedrag", "dag", "melding"),
    [
        pytest.param("390.00", 0, "niet het vastgestelde bedrag", id="ander-bedrag"),
        pytest.param("1442", 0, "niet het vastgestelde bedrag", id="maximum"),
        pytest.param("vierhonderd", 0, "Vul het betaalde bedrag in", id="geen-getal"),
        pytest.param("392", 1, "toekomst", id="in-de-toekomst"),
        pytest.param("392", -1, "vóór het besluit", id="voor-het-besluit"),
    ],
)
def test_a_payment_that_does_not_match_is_refused(
    vastgesteld, behandelaar, bedrag, dag, melding
):
    with pytest.raises(services.NietNu, match=melding):
        services.dwangsom_betaling_vastleggen(
            user=behandelaar,
            verzoek=vastgesteld,
            betaald_op=vandaag() + timedelta(days=dag),
            bedrag=bedrag,
        )
    assert not Dwangsombesluit.objects.get().betaald
    assert not Gebeurtenis.objects.filter(actie=Actie.DWANGSOM_BETAALD).exists()


def test_no_payment_before_the_decision_nor_by_others(
    besloten_na_16_dagen, behandelaar, vreemde_behandelaar
):
    with pytest.raises(services.NietNu, match="nog niet vastgesteld"):
        services.dwangsom_betaling_vastleggen(
            user=behandelaar,
            verzoek=besloten_na_16_dagen,
            betaald_op=vandaag(),
            bedrag="392",
        )
    for user in (vreemde_behandelaar, besloten_na_16_dagen.ingediend_door):
        with pytest.raises(services.GeenToegang):
            services.dwangsom_betaling_vastleggen(
                user=user,
                verzoek=besloten_na_16_dagen,
                betaald_op=vandaag(),
                bedrag="392",
            )


# --- from the case page -------------------------------------------------------


def test_from_the_case_page_fix_and_record_the_payment(
    client, besloten_na_16_dagen, beslisser, behandelaar
):
    verzoek = besloten_na_16_dagen
    pagina = reverse("provincie:verzoek", args=[verzoek.pk])
    inloggen(client, beslisser)
    html = client.get(pagina).content.decode()
    assert "Dwangsom vaststellen (artikel 4:18 Awb)" in html
    response = client.post(
        reverse("provincie:dwangsom_vaststellen", args=[verzoek.pk]),
        {"dwangsom_vaststellen-genomen_op": ""},
        follow=True,
    )
    assert "De dwangsom is vastgesteld" in response.content.decode()
    assert "€ 392,00" in response.content.decode()
    assert "Dwangsom vaststellen (artikel 4:18 Awb)" not in response.content.decode()

    inloggen(client, behandelaar)
    betaling = reverse("provincie:dwangsom_betaling", args=[verzoek.pk])
    fout = client.post(
        betaling,
        {
            "dwangsom_betaling-betaald_op": vandaag(),
            "dwangsom_betaling-bedrag": "39,20",
        },
    )
    assert fout.status_code == 200
    assert "niet het vastgestelde bedrag" in fout.content.decode()
    assert not Dwangsombesluit.objects.get().betaald
    goed = client.post(
        betaling,
        {
            "dwangsom_betaling-betaald_op": vandaag(),
            "dwangsom_betaling-bedrag": "392,00",
        },
        follow=True,
    )
    assert "De betaling is vastgelegd" in goed.content.decode()
    assert Dwangsombesluit.objects.get().betaald_bedrag == Decimal("392.00")


def test_the_case_page_says_why_it_cannot_be_fixed_yet(
    client, ingediend, behandelaar, beslisser
):
    laat(ingediend, behandelaar, ingebrekestelling_dagen_geleden=20)
    inloggen(client, beslisser)
    html = client.get(
        reverse("provincie:verzoek", args=[ingediend.pk])
    ).content.decode()
    assert "Dwangsom vaststellen (artikel 4:18 Awb)" not in html
    assert "De dwangsom loopt nog" in html
    response = client.post(
        reverse("provincie:dwangsom_vaststellen", args=[ingediend.pk]),
        {"dwangsom_vaststellen-genomen_op": ""},
        follow=True,
    )
    assert "De dwangsom loopt nog" in response.content.decode()
    assert not Dwangsombesluit.objects.exists()
