"""The footer on every page, and the pages behind it: contact, the privacy
statement and the accessibility statement, with the product's default texts
until the province writes its own in Beheer."""

import pytest
from django.urls import reverse

from ontheffing.models import Beheergebeurtenis
from tests.factories import inloggen

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("pad", ["/", "/zelftest/", "/account/inloggen/", "/contact/"])
def test_elke_pagina_heeft_de_voet(client, pad):
    html = client.get(pad).content.decode()
    voet = html[html.index('<footer class="voet">') :]
    for link in ("/contact/", "/privacy/", "/toegankelijkheid/"):
        assert f'href="{link}' in voet


def test_de_standaardteksten_noemen_wat_de_avg_vraagt(client):
    html = client.get(reverse("privacy")).content.decode()
    for kop in ("Welke gegevens", "Waarom", "Hoelang", "Uw rechten"):
        assert f">{kop}</h2>" in html
    assert "Autoriteit Persoonsgegevens" in html
    html = client.get(reverse("toegankelijkheid")).content.decode()
    assert "WCAG" in html


def test_de_provincie_schrijft_haar_eigen_teksten_in_beheer(
    client, beheerder, provincie
):
    inloggen(client, beheerder)
    client.post(
        reverse("provincie:beheer_provincie"),
        {
            "telefoon": "026 359 99 99",
            "email": "post@gelderland.nl",
            "privacyverklaring": "Gelderland verwerkt.\n\nTweede alinea.",
            "toegankelijkheidsverklaring": "Zie gelderland.nl/toegankelijkheid.",
        },
    )
    provincie.refresh_from_db()
    assert provincie.privacyverklaring.startswith("Gelderland verwerkt.")
    assert Beheergebeurtenis.objects.filter(provincie=provincie).exists()
    client.logout()
    html = client.get(reverse("privacy") + f"?provincie={provincie.code}").content
    html = html.decode()
    assert "<p>Gelderland verwerkt.</p>" in html
    assert "<p>Tweede alinea.</p>" in html
    assert "Welke gegevens" not in html  # the default gives way
    assert "026 359 99 99" in html  # the province's contact in the footer
    overzicht = client.get(reverse("privacy")).content.decode()
    assert "Welke gegevens" in overzicht
    assert f'href="?provincie={provincie.code}"' in overzicht
    html = client.get(reverse("contact")).content.decode()
    assert "post@gelderland.nl" in html


def test_de_zaakpagina_noemt_de_provincie_in_de_voet(client, ingediend):
    ingediend.provincie.telefoon = "026 359 99 99"
    ingediend.provincie.save()
    inloggen(client, ingediend.ingediend_door)
    html = client.get(reverse("aanvrager:verzoek", args=[ingediend.pk])).content
    voet = html.decode().split('<footer class="voet">')[1]
    assert "026 359 99 99" in voet
    assert f"?provincie={ingediend.provincie.code}" in voet
