"""A request to a partial decision in real Chromium, and the letter read back."""

import re

import pytest
from playwright.sync_api import expect

from ontheffing import services
from ontheffing.models import Besluit
from ontheffing.states import Rol, Status, Uitkomst
from tests.e2e.conftest import inloggen, uitloggen
from tests.factories import (
    kwalificeer,
    maak_gebruiker,
    maak_gemeente,
    maak_ingediend,
    maak_provincie,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_request_to_a_partial_decision_and_its_letter(page):
    provincie = maak_provincie()
    behandelaar = maak_gebruiker(Rol.BEHANDELAAR, provincie, naam="Bea Behandelaar")
    beslisser = maak_gebruiker(Rol.BESLISSER, provincie, naam="Dirk Beslisser")
    verzoek = maak_ingediend(
        aanvrager=maak_gebruiker(Rol.AANVRAGER, naam="Jan Jansen"),
        gemeente=maak_gemeente(provincie, "Arnhem"),
        onderwerp="Schilderwerk gemeentehuis en toekomstige opdrachten",
    )
    services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=verzoek)
    kwalificeer(verzoek, behandelaar)

    inloggen(page, behandelaar.email)
    page.goto(f"/provincie/verzoek/{verzoek.pk}/toetsing/")
    for criterium in page.locator("fieldset.criterium").all():
        criterium.get_by_label("Voldaan", exact=True).check()
        criterium.get_by_label("Motivering").fill("Uit de offertes blijkt dit.")
    page.get_by_label("Ontheffing gedeeltelijk verleend").check()
    page.get_by_label("Motivering van het besluit").fill(
        "Wij beslissen per onderdeel van uw aanvraag."
    )
    # One part only: the service refuses and nothing typed is lost.
    page.get_by_label("Onderdeel 1: waarvoor").fill(
        "de opdracht voor het schilderwerk van het gemeentehuis"
    )
    page.get_by_role("group", name="Onderdeel 1: besluit").get_by_label(
        "Verlenen"
    ).check()
    page.get_by_label("Onderdeel 1: motivering").fill("Drie offertes, de laagste.")
    page.get_by_role("button", name="Voorstellen ter besluitvorming").click()
    expect(page.locator(".melding")).to_contain_text("ten minste twee onderdelen")
    expect(page.get_by_label("Onderdeel 1: waarvoor")).to_have_value(
        "de opdracht voor het schilderwerk van het gemeentehuis"
    )

    page.get_by_label("Onderdeel 2: waarvoor").fill(
        "alle toekomstige opdrachten van de gemeente Arnhem"
    )
    page.get_by_role("group", name="Onderdeel 2: besluit").get_by_label(
        "Weigeren"
    ).check()
    page.get_by_label("Onderdeel 2: motivering").fill(
        "Van toekomstige opdrachten staat nog niets vast."
    )
    page.get_by_role("button", name="Voorstellen ter besluitvorming").click()
    expect(page.locator(".melding")).to_contain_text("Het besluit is voorgesteld")
    uitloggen(page)

    # The beslisser reads the draft letter, then decides.
    inloggen(page, beslisser.email)
    page.goto(f"/provincie/verzoek/{verzoek.pk}/voorstel/brief/")
    dictum = page.locator("ol.dictum > li")
    expect(dictum).to_have_count(3)
    expect(dictum.nth(0)).to_contain_text(
        "u ontheffing te verlenen van het verbod van artikel 15, eerste lid, onder "
        "d, 1°, van de Gemeentewet voor de opdracht voor het schilderwerk"
    )
    expect(dictum.nth(1)).to_contain_text(
        "te weigeren voor alle toekomstige opdrachten van de gemeente Arnhem"
    )
    expect(page.get_by_role("heading", name=re.compile("Onderdeel 2"))).to_be_visible()
    page.goto(f"/provincie/verzoek/{verzoek.pk}/voorstel/")
    page.get_by_role("button", name="Besluit vaststellen en verzenden").click()
    page.get_by_role("button", name="Ja, vaststellen en verzenden").click()
    expect(page.locator(".melding")).to_contain_text("vastgesteld")

    verzoek.refresh_from_db()
    assert verzoek.status == Status.AFGEHANDELD
    assert verzoek.uitkomst == Uitkomst.GEDEELTELIJK_VERLEEND
    besluit = Besluit.objects.get(verzoek=verzoek, soort="gedeeltelijk_verleend")
    assert "Van toekomstige opdrachten staat nog niets vast." in besluit.html
