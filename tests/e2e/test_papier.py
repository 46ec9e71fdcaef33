"""A request by post in real Chromium: registered with a receipt date in the
past, a fact corrected with a reason, back from toetsing to kwalificatie, to a
decision, and the day of posting recorded; axe on the new pages."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from ontheffing.models import Besluit, Verzoek
from ontheffing.states import Rol, Status, Uitkomst
from tests.e2e.conftest import controleer, inloggen, uitloggen
from tests.factories import (
    PDF,
    maak_gebruiker,
    maak_gemeente,
    maak_provincie,
    vandaag,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_paper_request_from_registration_to_a_posted_decision(page):
    provincie = maak_provincie()
    maak_gemeente(provincie, "Arnhem")
    behandelaar = maak_gebruiker(Rol.BEHANDELAAR, provincie, naam="Bea Behandelaar")
    beslisser = maak_gebruiker(Rol.BESLISSER, provincie, naam="Dirk Beslisser")
    ontvangen = vandaag() - timedelta(days=4)

    inloggen(page, behandelaar.email)
    page.goto("/provincie/")
    page.get_by_role("link", name="Verzoek per post of e-mail registreren").click()
    expect(
        page.get_by_role("heading", name="Verzoek per post of e-mail registreren")
    ).to_be_visible()
    controleer(page, "registratiepagina")

    # A receipt date in the future is refused, with a Dutch message.
    page.get_by_label("Datum van ontvangst", exact=True).fill(
        (vandaag() + timedelta(days=2)).isoformat()
    )
    page.get_by_label("Naam van de ambtsdrager").fill("Jan Jansen")
    page.get_by_role("button", name="Verzoek registreren").click()
    expect(page.locator(".melding")).to_contain_text("ligt in de toekomst")
    expect(page.get_by_label("Naam van de ambtsdrager")).to_have_value("Jan Jansen")
    controleer(page, "registratiepagina met melding")

    page.get_by_label("Datum van ontvangst", exact=True).fill(ontvangen.isoformat())
    page.get_by_label("Straat en huisnummer").fill("Dorpsstraat 1")
    page.get_by_label("Postcode", exact=True).fill("6811 AA")
    page.get_by_label("Woonplaats", exact=True).fill("Arnhem")
    page.get_by_label("Ambt", exact=True).select_option("raadslid")
    page.get_by_label("Gemeente", exact=True).select_option(label="Arnhem")
    page.get_by_label("Wat wil de ambtsdrager doen?").select_option(
        "aanneming_van_werk"
    )
    page.get_by_label("Wederpartij (met wie de overeenkomst wordt gesloten)").fill(
        "Gemeente Arnhem"
    )
    page.get_by_label("Onderwerp (kort)").fill("Schilderwerk gemeentehuis")
    page.get_by_label("Omschrijving van de overeenkomst").fill("Buitenschilderwerk.")
    page.get_by_label("Hoe komt de overeenkomst tot stand?").fill("Drie offertes.")
    page.get_by_label("Scan van de brief of de e-mail").set_input_files(
        {"name": "brief-jansen.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_label("(Concept)overeenkomst of offerte").set_input_files(
        {"name": "offerte.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_role("button", name="Verzoek registreren").click()
    expect(page.locator(".melding")).to_contain_text("geregistreerd als")

    verzoek = Verzoek.objects.get()
    assert verzoek.ontvangen_op == ontvangen
    assert verzoek.status == Status.INGEDIEND
    assert verzoek.bijlagen.count() == 2
    expect(page.get_by_role("heading", name="Per post ontvangen")).to_be_visible()
    expect(page.get_by_role("link", name="offerte.pdf")).to_be_visible()

    # Correct a fact: without a reason the form says so; with one it is kept.
    page.get_by_text("Gegevens van de overeenkomst corrigeren").click()
    correctie = page.locator("#actie-feiten_corrigeren")
    correctie.get_by_label("Onderwerp").fill("Binnenschilderwerk gemeentehuis")
    correctie.get_by_role("button", name="Correctie opslaan").click()
    expect(page.locator("#foutoverzicht")).to_contain_text("Geef de reden")
    correctie = page.locator("#actie-feiten_corrigeren")
    correctie.get_by_label("Reden van de correctie").fill("Volgens de offerte.")
    correctie.get_by_role("button", name="Correctie opslaan").click()
    expect(page.locator(".melding")).to_contain_text("gecorrigeerd")
    tabel = page.get_by_role("table", name=re.compile("gecorrigeerd"))
    expect(tabel).to_contain_text("Schilderwerk gemeentehuis")
    expect(tabel).to_contain_text("Binnenschilderwerk gemeentehuis")
    controleer(page, "zaakpagina van een verzoek per post")

    # Complete, qualified, then back from toetsing to kwalificatie.
    page.get_by_role("button", name="Volledig: in behandeling nemen").click()
    page.get_by_role("link", name="Kwalificeren").click()
    page.get_by_role("button", name="Kwalificatie vastleggen").click()
    expect(
        page.get_by_role("heading", name=re.compile("Toetsing van verzoek"))
    ).to_be_visible()
    page.get_by_role("link", name="pagina van het verzoek").click()
    page.get_by_text("Terug naar de kwalificatie", exact=True).click()
    page.get_by_label("Waarom terug naar de kwalificatie?").fill(
        "De offerte noemt een onderaannemer; de relatie nakijken."
    )
    controleer(page, "zaakpagina in de toetsing")
    page.get_by_role("button", name="Terug naar kwalificatie").click()
    expect(page.locator(".melding")).to_contain_text("weer in de stap kwalificatie")
    assert Verzoek.objects.get(pk=verzoek.pk).status == Status.KWALIFICATIE

    page.get_by_role("link", name="Kwalificeren").click()
    page.get_by_role("button", name="Kwalificatie vastleggen").click()
    for criterium in page.locator("fieldset.criterium").all():
        criterium.get_by_label("Voldaan", exact=True).check()
        criterium.get_by_label("Motivering").fill("Uit de offertes blijkt dit.")
    page.get_by_label("Ontheffing verleend").check()
    page.get_by_label("Motivering van het besluit").fill(
        "Aan alle criteria van de beleidsregel is voldaan."
    )
    page.get_by_role("button", name="Voorstellen ter besluitvorming").click()
    expect(page.locator(".melding")).to_contain_text("Het besluit is voorgesteld")
    uitloggen(page)

    # The beslisser decides; the letter waits to be posted.
    inloggen(page, beslisser.email)
    page.goto(f"/provincie/verzoek/{verzoek.pk}/voorstel/brief/")
    expect(page.get_by_text("Binnenschilderwerk gemeentehuis").first).to_be_visible()
    page.goto(f"/provincie/verzoek/{verzoek.pk}/voorstel/")
    page.get_by_role("button", name="Besluit vaststellen en verzenden").click()
    expect(page.locator("main")).to_contain_text("De aanvrager, per post")
    page.get_by_role("button", name="Ja, vaststellen en verzenden").click()
    expect(page.locator(".melding")).to_contain_text("ontvangt het per post")
    verzoek.refresh_from_db()
    assert verzoek.uitkomst == Uitkomst.VERLEEND
    besluit = Besluit.objects.get(verzoek=verzoek, soort="verleend")
    assert "Binnenschilderwerk gemeentehuis" in besluit.html
    assert besluit.verzonden_op is None

    page.goto(f"/provincie/verzoek/{verzoek.pk}/")
    expect(page.get_by_text("nog niet per post verzonden")).to_be_visible()
    stuk = page.locator("ul.poststukken > li").filter(has_text="Besluit op uw verzoek")
    expect(stuk.get_by_role("link", name=besluit.bestandsnaam)).to_be_visible()
    controleer(page, "zaakpagina met brieven per post")
    stuk.get_by_label(re.compile("Op de post gedaan op")).fill(vandaag().isoformat())
    stuk.get_by_role("button", name=re.compile("Verzending vastleggen")).click()
    expect(page.locator(".melding")).to_contain_text("is verzonden")
    expect(page.get_by_text(re.compile("per post verzonden op"))).to_be_visible()
    assert Besluit.objects.get(pk=besluit.pk).verzonden_op == vandaag()
