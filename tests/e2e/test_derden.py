"""A third party's view in real Chromium: the behandelaar asks it (a letter by
e-mail), records the answer with its document, and sees it on the case; the
page passes axe."""

import re

import pytest
from playwright.sync_api import expect

from ontheffing.formatting import datum
from ontheffing.models import Bericht, Derde
from ontheffing.states import Rol, Status
from tests.e2e.conftest import controleer, inloggen
from tests.factories import (
    PDF,
    maak_gebruiker,
    maak_gemeente,
    maak_ingediend,
    maak_provincie,
    naar_toetsing,
    vandaag,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_ask_a_third_party_record_the_answer_and_see_it_on_the_case(page, tmp_path):
    provincie = maak_provincie()
    behandelaar = maak_gebruiker(Rol.BEHANDELAAR, provincie, naam="Bea Behandelaar")
    verzoek = maak_ingediend(
        aanvrager=maak_gebruiker(Rol.AANVRAGER, naam="Jan Jansen"),
        gemeente=maak_gemeente(provincie, "Arnhem"),
    )
    naar_toetsing(verzoek, behandelaar)

    inloggen(page, behandelaar.email)
    page.goto(f"/provincie/verzoek/{verzoek.pk}/")
    page.get_by_text("Zienswijze van een derde vragen (artikel 4:8 Awb)").click()
    formulier = page.locator("#actie-zienswijze_derde_vragen")
    formulier.get_by_label("Naam van de derde").fill("P. de Boer")
    formulier.get_by_label("Aanhef").select_option("heer")
    # Without an address the letter cannot go anywhere: refused, nothing lost.
    formulier.get_by_label("Waarover").fill(
        "U pacht het weiland; volgens de aanvraag heeft u de pacht opgezegd."
    )
    formulier.get_by_role("button", name="Brief aan de derde maken").click()
    expect(page.locator("#actie-zienswijze_derde_vragen")).to_contain_text(
        "Vul een e-mailadres of een postadres in"
    )
    formulier = page.locator("#actie-zienswijze_derde_vragen")
    expect(formulier.get_by_label("Naam van de derde")).to_have_value("P. de Boer")
    formulier.get_by_label("E-mailadres").fill("p.deboer@example.nl")
    formulier.get_by_role("button", name="Brief aan de derde maken").click()
    expect(page.locator(".melding")).to_contain_text("De zienswijze is gevraagd")

    derden = page.locator("section[aria-labelledby=derden-kop]")
    expect(derden).to_contain_text("P. de Boer")
    expect(derden).to_contain_text("Per e-mail aan p.deboer@example.nl")
    expect(derden).to_contain_text("Nog niet ontvangen.")
    expect(
        derden.get_by_role("link", name=re.compile("verzoek-om-zienswijze"))
    ).to_be_visible()
    controleer(page, "zaakpagina na het vragen aan een derde")

    # The answer came by post: the behandelaar records its text and the scan.
    scan = tmp_path / "zienswijze-de-boer.pdf"
    scan.write_bytes(PDF)
    page.get_by_text("Zienswijze van een derde vastleggen").click()
    vastleggen = page.locator("#actie-zienswijze_derde_vastleggen")
    vastleggen.get_by_label("Van wie").select_option(label="P. de Boer")
    vastleggen.get_by_label("Ontvangen op").fill(vandaag().isoformat())
    vastleggen.get_by_label(re.compile("^De zienswijze")).fill(
        "Ik heb de pacht niet opgezegd."
    )
    vastleggen.get_by_label(re.compile("^Document")).set_input_files(str(scan))
    vastleggen.get_by_role("button", name="Zienswijze vastleggen").click()
    expect(page.locator(".melding")).to_contain_text(
        "De zienswijze van P. de Boer is vastgelegd"
    )

    derden = page.locator("section[aria-labelledby=derden-kop]")
    expect(derden).to_contain_text(f"Ontvangen op {datum(vandaag())}")
    expect(derden).to_contain_text("Ik heb de pacht niet opgezegd.")
    expect(derden.get_by_role("link", name="zienswijze-de-boer.pdf")).to_be_visible()
    documenten = page.locator("section[aria-labelledby=documenten-kop]")
    expect(documenten).to_contain_text("zienswijze-de-boer.pdf")
    expect(page.locator("ol.historie")).to_contain_text(
        "Zienswijze van een derde vastgelegd"
    )
    controleer(page, "zaakpagina met de zienswijze van een derde")

    verzoek.refresh_from_db()
    assert verzoek.status == Status.ZIENSWIJZE_GEVRAAGD
    derde = Derde.objects.get(verzoek=verzoek)
    assert derde.ontvangen_op == vandaag()
    assert derde.bijlage.bestandsnaam == "zienswijze-de-boer.pdf"
    assert Bericht.objects.get(soort="zienswijze_derde").aan == ["p.deboer@example.nl"]
