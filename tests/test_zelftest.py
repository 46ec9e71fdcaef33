"""The self-check through the views: one question per page, answers kept in the
session, the engine's outcome with the next step the issue asks for."""

import pytest
from django.urls import reverse

from tests.factories import maak_gemeente, maak_provincie

pytestmark = pytest.mark.django_db


@pytest.fixture
def arnhem(db):
    return maak_gemeente(maak_provincie(), naam="Arnhem")


def doorloop(client, antwoorden: dict):
    """Answer every question the site asks, in its order; return the result page
    and the questions asked."""
    gevraagd = []
    response = client.get(reverse("zelftest:vraag", args=["ambt"]))
    while True:
        assert response.status_code == 200, response
        if "/uitslag/" in response.request["PATH_INFO"]:
            return response, gevraagd
        sleutel = response.request["PATH_INFO"].rstrip("/").rsplit("/", 1)[-1]
        gevraagd.append(sleutel)
        assert sleutel in antwoorden, f"onverwachte vraag: {sleutel}"
        response = client.post(
            reverse("zelftest:vraag", args=[sleutel]),
            {"antwoord": antwoorden[sleutel]},
            follow=True,
        )


RAADSLID = {"ambt": "raadslid", "ambtsstatus": "in_functie"}


@pytest.mark.parametrize(
    ("antwoorden", "kop", "tekst", "knop"),
    [
        pytest.param(
            {**RAADSLID, "handeling": "aanneming_van_werk", "wederpartij": "eigen_lichaam",
             "relatie": "rechtstreeks", "om_niet": "nee", "aangegaan": "nog_niet"},
            "U heeft ontheffing nodig", "Uw verzoek hoort bij Gedeputeerde Staten van",
            True, id="verboden-ontheffbaar",
        ),
        pytest.param(
            {**RAADSLID, "handeling": "aanneming_van_werk", "wederpartij": "particulier"},
            "U hoeft geen ontheffing aan te vragen", "artikel 28 Gemeentewet", False,
            id="niet-verboden",
        ),
        pytest.param(
            {**RAADSLID, "handeling": "advocaat_of_adviseur_in_geschil",
             "wederpartij": "eigen_lichaam", "relatie": "rechtstreeks"},
            "Deze handeling is verboden en ontheffing is niet mogelijk",
            "artikel X 8 Kieswet", False, id="niet-ontheffbaar",
        ),
        pytest.param(
            {**RAADSLID, "handeling": "levering_roerende_zaken",
             "wederpartij": "deelneming", "relatie": "rechtstreeks", "om_niet": "nee",
             "aangegaan": "nog_niet"},
            "Dit is niet zeker", "Deelneming als wederpartij", True, id="onzeker",
        ),
        pytest.param(
            {"ambt": "statenlid", "ambtsstatus": "in_functie",
             "handeling": "aanneming_van_werk", "wederpartij": "eigen_lichaam",
             "relatie": "rechtstreeks", "om_niet": "nee", "aangegaan": "nog_niet"},
            "Uw verzoek hoort bij de minister van Binnenlandse Zaken",
            "Koninkrijksrelaties", False, id="onbevoegd-bzk",
        ),
        pytest.param(
            {**RAADSLID, "handeling": "verwerving_onroerende_zaak",
             "wederpartij": "eigen_lichaam", "relatie": "rechtstreeks", "om_niet": "nee",
             "onderhands": "ja", "aangegaan": "nog_niet"},
            "U heeft ontheffing nodig", "Ook nodig: zonder goedkeuring", True,
            id="bw-3-43",
        ),
        pytest.param(
            {**RAADSLID, "handeling": "verwerving_onroerende_zaak",
             "wederpartij": "eigen_lichaam", "relatie": "rechtstreeks", "om_niet": "nee",
             "onderhands": "nee", "aangegaan": "nog_niet"},
            "U hoeft geen ontheffing aan te vragen", "openbare veiling", False,
            id="openbare-veiling",
        ),
        pytest.param(
            {**RAADSLID, "handeling": "huur_of_pacht_van_overheid",
             "wederpartij": "eigen_lichaam", "relatie": "rechtstreeks", "om_niet": "nee",
             "onderhands": "ja", "aangegaan": "voor_ambtsaanvaarding",
             "verlenging": "nee"},
            "U hoeft geen ontheffing aan te vragen", "vóór de ambtsaanvaarding", False,
            id="voor-ambtsaanvaarding",
        ),
        pytest.param(
            {"ambt": "raadslid", "ambtsstatus": "oud", "handeling": "aanneming_van_werk"},
            "U hoeft geen ontheffing aan te vragen", "niet meer", False, id="oud-raadslid",
        ),
        pytest.param(
            {"ambt": "commissielid"},
            "U hoeft geen ontheffing aan te vragen", "gedragscode", False,
            id="commissielid",
        ),
    ],
)  # fmt: skip
def test_uitkomsten(client, arnhem, antwoorden, kop, tekst, knop):
    antwoorden = {**antwoorden, "gemeente": str(arnhem.pk)}
    response, _ = doorloop(client, antwoorden)
    html = response.content.decode()
    assert kop in html
    assert tekst in html
    assert ("Vraag ontheffing aan</a>" in html) is knop
    assert "Wettelijke grondslag" in html
    assert "Wie beslist" in html


def test_alleen_vragen_die_ertoe_doen(client, arnhem):
    antwoorden = {**RAADSLID, "gemeente": str(arnhem.pk),
                  "handeling": "aanneming_van_werk", "wederpartij": "particulier"}  # fmt: skip
    _, gevraagd = doorloop(client, antwoorden)
    assert gevraagd == ["ambt", "ambtsstatus", "gemeente", "handeling", "wederpartij"]


def test_terug_en_verder_zonder_antwoorden_te_verliezen(client, arnhem):
    client.post(reverse("zelftest:vraag", args=["ambt"]), {"antwoord": "wethouder"})
    client.post(
        reverse("zelftest:vraag", args=["ambtsstatus"]), {"antwoord": "in_functie"}
    )
    html = client.get(reverse("zelftest:vraag", args=["ambt"])).content.decode()
    assert 'value="wethouder" id="id_antwoord_1" checked' in html or (
        'value="wethouder"' in html and "checked" in html
    )
    assert 'href="/zelftest/"' in html  # back from the first question
    html = client.get(reverse("zelftest:vraag", args=["ambtsstatus"])).content.decode()
    assert 'href="/zelftest/vraag/ambt/"' in html  # "Vorige vraag"
    assert "Vraag 2 van" in html


def test_geen_antwoord_geeft_foutmelding(client):
    response = client.post(reverse("zelftest:vraag", args=["ambt"]), {})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kies een antwoord." in html
    assert 'class="foutoverzicht"' in html


def test_onzin_antwoord_geeft_foutmelding(client):
    response = client.post(
        reverse("zelftest:vraag", args=["ambt"]), {"antwoord": "koning"}
    )
    assert "Kies een van de antwoorden." in response.content.decode()


def test_onbekende_vraag_geeft_404(client):
    assert client.get(reverse("zelftest:vraag", args=["schoenmaat"])).status_code == 404


def test_vraag_overslaan_kan_niet(client):
    response = client.get(reverse("zelftest:vraag", args=["handeling"]))
    assert response.status_code == 302
    assert response["Location"] == reverse("zelftest:vraag", args=["ambt"])


def test_uitslag_zonder_antwoorden_begint_bij_de_eerste_vraag(client):
    response = client.get(reverse("zelftest:uitslag"))
    assert response["Location"] == reverse("zelftest:vraag", args=["ambt"])


def test_opnieuw_wist_de_antwoorden(client):
    client.post(reverse("zelftest:vraag", args=["ambt"]), {"antwoord": "wethouder"})
    client.post(reverse("zelftest:opnieuw"))
    assert "zelftest" not in client.session
    assert "Start de check" in client.get(reverse("zelftest:start")).content.decode()


def test_aanvragen_na_inloggen_met_antwoorden(client, arnhem, aanvrager):
    antwoorden = {**RAADSLID, "gemeente": str(arnhem.pk),
                  "handeling": "aanneming_van_werk", "wederpartij": "eigen_lichaam",
                  "relatie": "rechtstreeks", "om_niet": "nee", "aangegaan": "nog_niet"}  # fmt: skip
    doorloop(client, antwoorden)
    aanvragen = reverse("aanvrager:nieuw") + "?uit=zelftest"
    response = client.get(aanvragen)
    assert response.status_code == 302
    assert response["Location"].startswith("/account/")
    response = client.post(
        reverse("login"),
        {
            "username": aanvrager.email,
            "password": "geheim-wachtwoord-123",
            "next": aanvragen,
        },
    )
    assert response["Location"] == aanvragen
    html = client.get(aanvragen).content.decode()
    assert '<option value="raadslid" selected>' in html
    assert 'name="uit" value="zelftest"' in html  # later steps come along
