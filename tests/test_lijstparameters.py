"""Query parameters of every list page: arbitrary text in any parameter never
gives a 500; a value the list cannot use is named in a Dutch message and the
rest of the filters still apply (hypothesis, on SQLite and PostgreSQL)."""

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ontheffing.states import Rol
from tests.factories import inloggen, maak_gebruiker, maak_ingediend

pytestmark = pytest.mark.django_db

# Each list page, who reads it, and the parameters its links and forms send.
LIJSTEN = {
    "provincie:werkvoorraad": (
        Rol.BEHANDELAAR,
        [
            "zoek",
            "stap",
            "behandelaar",
            "gemeente",
            "mijn",
            "verlopen",
            "opgeschort",
            "sortering",
            "pagina",
        ],
    ),
    "provincie:besluitvorming": (Rol.BESLISSER, ["pagina"]),
    "provincie:beheer_historie": (Rol.BEHEERDER, ["pagina"]),
    "aanvrager:lijst": (Rol.AANVRAGER, ["pagina"]),
}

TEKST = st.one_of(
    st.text(max_size=40),
    st.text(
        alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=8
    ),
    st.sampled_from(["\x00", "a\x00b", "²", "١٢", "9" * 40, "-1", "0", "geen", " "]),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)


@pytest.fixture
def lezers(gemeente):
    provincie = gemeente.provincie
    aanvrager = maak_gebruiker(Rol.AANVRAGER)
    maak_ingediend(gemeente=gemeente, aanvrager=aanvrager)
    return {
        Rol.BEHANDELAAR: maak_gebruiker(Rol.BEHANDELAAR, provincie),
        Rol.BESLISSER: maak_gebruiker(Rol.BESLISSER, provincie),
        Rol.BEHEERDER: maak_gebruiker(Rol.BEHEERDER, provincie),
        Rol.AANVRAGER: aanvrager,
    }


@pytest.mark.parametrize("naam", sorted(LIJSTEN))
def test_arbitrary_text_in_any_parameter_never_gives_a_500(naam, lezers):
    rol, parameters = LIJSTEN[naam]
    client = Client(raise_request_exception=False)
    inloggen(client, lezers[rol])
    url = reverse(naam)

    @settings(
        max_examples=40,
        deadline=None,
        database=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
        ],
    )
    @given(st.dictionaries(st.sampled_from(parameters), TEKST, min_size=1))
    def opvragen(data):
        response = client.get(url, data)
        assert response.status_code in (200, 302), (naam, data, response.status_code)

    opvragen()


@pytest.mark.parametrize(
    ("parameter", "waarde", "melding"),
    [
        ("zoek", "\x00", "Null-tekens zijn niet toegestaan."),
        ("behandelaar", "²", "Kies een behandelaar uit de lijst."),
        ("gemeente", "9" * 30, "Kies een gemeente uit de lijst."),
        ("stap", "afgehandeld", "Kies een stap uit de lijst."),
        ("sortering", "wachtwoord", "Kies een sortering uit de lijst."),
        ("zoek", "x" * 101, "Een zoekterm heeft hoogstens 100 tekens."),
    ],
)
def test_an_unusable_value_is_named_and_the_other_filters_still_apply(
    client, lezers, gemeente, parameter, waarde, melding
):
    inloggen(client, lezers[Rol.BEHANDELAAR])
    data = {parameter: waarde}
    if parameter != "stap":
        data["stap"] = "kwalificatie"  # a valid filter next to the broken one
    response = client.get(reverse("provincie:werkvoorraad"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert melding in html
    assert "niet gebruikt" in html
    if parameter != "stap":
        # The valid step filter still applies: the one case is ingediend.
        assert "0 verzoeken gevonden" in html
