"""Names and address blocks without invisible or direction-changing characters;
a homoglyph in a name is shown to staff."""

import pytest
from django.urls import reverse

from ontheffing import services, tekst
from ontheffing.models import Verzoek
from tests.factories import formulier, inloggen

CYRILLISCHE_A = "\u0430"


@pytest.mark.parametrize(
    ("invoer", "verwacht"),
    [
        ("Jan Jansen", "Jan Jansen"),
        ("Jan \u202eNESNAJ\u202c", "Jan NESNAJ"),  # right-to-left override
        ("Jan\u200b Jansen", "Jan Jansen"),  # zero-width space
        ("\ufeffJan\u2066 Jansen\u2069", "Jan Jansen"),  # BOM, isolates
        ("Jan\u200e\u200f\u061c Jansen", "Jan Jansen"),  # direction marks
        ("Jan\u00adsen\u2060", "Jansen"),  # soft hyphen, word joiner
        ("Dorpsstraat 1\r\nBus 2", "Dorpsstraat 1\nBus 2"),  # address lines stay
        ("Jan\tJansen\x07", "Jan Jansen"),
        ("Jose\u0301", "Jos\u00e9"),  # NFC
        ("Zoë Ünal-Çelik", "Zoë Ünal-Çelik"),
    ],
)
def test_invisible_and_bidi_characters_are_removed(invoer, verwacht):
    assert tekst.schoon(invoer) == verwacht


@pytest.mark.parametrize(
    ("naam", "waarschuwing"),
    [
        ("Jan Jansen", False),
        ("Zoë Ünal-Çelik", False),
        ("Александр Пушкин", False),  # one script, no mix
        (f"J{CYRILLISCHE_A}n Jansen", True),
        ("Jan Jans\u03b5n", True),  # Greek epsilon
    ],
)
def test_homoglyph_warning(naam, waarschuwing):
    assert bool(tekst.homoglyfwaarschuwing(naam)) is waarschuwing


@pytest.mark.django_db
def test_the_request_form_cleans_name_and_address(client, aanvrager, gemeente):
    inloggen(client, aanvrager)
    client.post(
        reverse("aanvrager:nieuw"),
        formulier(
            gemeente,
            naam="Jan \u202eNESNAJ\u202c",
            adres="Dorpsstraat\u200b 1",
            woonplaats="Arn\u2066hem",
            wederpartij_naam="Gemeente\u200d Arnhem",
        ),
    )
    verzoek = Verzoek.objects.get(ingediend_door=aanvrager)
    client.post(
        reverse("aanvrager:stap", args=[verzoek.pk, "overeenkomst"]),
        formulier(gemeente, wederpartij_naam="Gemeente\u200d Arnhem"),
    )
    verzoek.refresh_from_db()
    assert verzoek.naam == "Jan NESNAJ"
    assert verzoek.adres == "Dorpsstraat 1"
    assert verzoek.woonplaats == "Arnhem"
    assert verzoek.wederpartij_naam == "Gemeente Arnhem"


@pytest.mark.django_db
def test_registration_cleans_the_name(client, django_capture_on_commit_callbacks):
    from ontheffing.models import Gebruiker

    client.post(
        reverse("registreren"),
        {"naam": "Riet\u200b \u202eRaadslid", "email": "riet@example.nl",
         "password1": "Kroket-met-mosterd-7", "password2": "Kroket-met-mosterd-7"},
    )  # fmt: skip
    assert Gebruiker.objects.get(email="riet@example.nl").naam == "Riet Raadslid"


@pytest.mark.django_db
def test_staff_see_a_homoglyph_warning(client, concept, behandelaar):
    Verzoek.objects.filter(pk=concept.pk).update(naam=f"J{CYRILLISCHE_A}n Jansen")
    concept.refresh_from_db()
    verzoek = services.verzoek_indienen(user=concept.ingediend_door, verzoek=concept)
    inloggen(client, behandelaar)
    html = client.get(reverse("provincie:verzoek", args=[verzoek.pk])).content.decode()
    assert "Cyrillisch" in html
    assert "op Latijnse letters lijken" in html
