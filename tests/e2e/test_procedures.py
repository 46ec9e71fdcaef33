"""The deadline panel in real Chromium: a behandelaar registers a suspension
under Awb 4:15, second paragraph, and reads it in the ledger; the four weeks of
Awb 4:5, fourth paragraph, as their own deadline; axe on both."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from ontheffing import termijnen
from ontheffing.models import Opschorting, Verzoek
from ontheffing.states import Rol
from tests.e2e.conftest import controleer, inloggen
from tests.factories import (
    maak_gebruiker,
    maak_gemeente,
    maak_ingediend,
    maak_provincie,
    vandaag,
    vraag_offerte,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def behandelaar():
    return maak_gebruiker(Rol.BEHANDELAAR, maak_provincie(), naam="Bea Behandelaar")


def test_register_a_suspension_and_read_the_ledger(page, behandelaar):
    verzoek = maak_ingediend(gemeente=maak_gemeente(behandelaar.provincie))
    inloggen(page, behandelaar.email)
    page.goto(f"/provincie/verzoek/{verzoek.pk}/")

    page.get_by_text("Beslistermijn opschorten (artikel 4:15, tweede lid, Awb)").click()
    # Consent without the written statement: refused, input kept.
    page.get_by_label(re.compile("^Met schriftelijke instemming")).check()
    page.get_by_label("Opgeschort tot").fill(
        (vandaag() + timedelta(days=7)).isoformat()
    )
    page.get_by_role("button", name="Opschorting vastleggen").click()
    expect(page.locator("#actie-opschorten .foutoverzicht")).to_contain_text(
        "Leg de schriftelijke instemming van de aanvrager vast"
    )
    expect(page.get_by_label("Opgeschort tot")).to_have_value(
        (vandaag() + timedelta(days=7)).isoformat()
    )
    controleer(page, "zaakpagina met geweigerde opschorting")

    page.get_by_label("Instemming: tekst van de brief of e-mail van de aanvrager").fill(
        "Ik stem in met een week uitstel. J. Jansen"
    )
    page.get_by_label("Instemming ontvangen op").fill(vandaag().isoformat())
    page.get_by_role("button", name="Opschorting vastleggen").click()
    expect(page.locator(".melding").first).to_contain_text(
        "De opschorting is vastgelegd"
    )

    # The ledger: its own entry, with the ground and its article.
    paneel = page.locator("aside")
    expect(paneel).to_contain_text(
        "(7 dagen; met schriftelijke instemming van de aanvrager, "
        "artikel 4:15, tweede lid, onder a, Awb)"
    )
    paneel.get_by_text("Hoe deze termijn is berekend").click()
    uitleg = paneel.get_by_role("listitem").filter(
        has_text="met schriftelijke instemming van de aanvrager"
    )
    expect(uitleg).to_contain_text("artikel 4:15, tweede lid, onder a, Awb")
    verzoek = Verzoek.objects.get(pk=verzoek.pk)
    expect(paneel).to_contain_text(termijnen.datum_nl(verzoek.beslistermijn))
    expect(
        page.get_by_role(
            "heading", name="Opschortingen (artikel 4:15, tweede lid, Awb)"
        )
    ).to_be_visible()
    controleer(page, "zaakpagina met opschorting in het grootboek")


def test_the_four_weeks_of_article_4_5_are_their_own_deadline(page, behandelaar):
    verzoek = maak_ingediend(gemeente=maak_gemeente(behandelaar.provincie))
    vraag_offerte(verzoek, behandelaar)
    einde = vandaag() - timedelta(days=40)
    Opschorting.objects.filter(verzoek=verzoek).update(
        van=einde - timedelta(days=14), hersteltermijn_einde=einde
    )
    uiterlijk = termijnen.buiten_behandeling_termijn(einde).uiterlijk

    inloggen(page, behandelaar.email)
    page.goto(f"/provincie/verzoek/{verzoek.pk}/")
    paneel = page.locator("aside")
    expect(paneel).to_contain_text(
        f"bekendmaken uiterlijk {termijnen.datum_nl(uiterlijk)}"
    )
    expect(paneel).to_contain_text("deze termijn is verstreken")

    # Proposing it late without confirming: refused with the article.
    page.get_by_text("Buiten behandeling laten voorstellen").click()
    page.get_by_role("button", name="Voorstel ter besluitvorming").click()
    expect(page.locator(".melding").first).to_contain_text(
        "artikel 4:5, vierde lid, Awb"
    )
    controleer(page, "zaakpagina met te late buiten-behandeling")

    page.get_by_text("Buiten behandeling laten voorstellen").click()
    page.get_by_label(re.compile("^Ik bevestig dat het verzoek")).check()
    page.get_by_label("Waarom gebeurt dit na de vier weken?").fill(
        "Het dossier lag door ziekte van de behandelaar stil."
    )
    page.get_by_role("button", name="Voorstel ter besluitvorming").click()
    expect(page.locator(".melding").first).to_contain_text(
        "staat klaar voor besluitvorming"
    )
    expect(page.locator(".historie")).to_contain_text("ziekte van de behandelaar")


def test_a_request_for_two_offices_is_split_per_authority(page, behandelaar):
    verzoek = maak_ingediend(gemeente=maak_gemeente(behandelaar.provincie))
    Verzoek.objects.filter(pk=verzoek.pk).update(
        overige_ambten=[{"ambt": "statenlid", "wederpartij": "eigen_lichaam"}]
    )
    inloggen(page, behandelaar.email)
    page.goto(f"/provincie/verzoek/{verzoek.pk}/")
    tabel = page.get_by_role("table", name=re.compile("Kwalificatiehulp per ambt"))
    expect(tabel.get_by_role("row").filter(has_text="Statenlid")).to_contain_text(
        "De minister van Binnenlandse Zaken en Koninkrijksrelaties"
    )
    controleer(page, "zaakpagina met meer ambten")

    page.get_by_role("button", name="Splitsen per bevoegd gezag").click()
    expect(page.locator(".melding").first).to_contain_text(
        "gesplitst per bevoegd gezag"
    )
    deel = Verzoek.objects.get(gesplitst_uit=verzoek)
    page.get_by_role("link", name=deel.kenmerk).click()
    expect(page.get_by_role("heading", name=f"Verzoek {deel.kenmerk}")).to_be_visible()
    expect(page.locator("#ambten-kop + p")).to_contain_text(
        f"Afgesplitst uit verzoek {verzoek.kenmerk}."
    )
    # From here the part for the minister is forwarded like any request.
    expect(
        page.get_by_text(
            "Doorzenden naar het bevoegde bestuursorgaan (artikel 2:3 Awb)"
        )
    ).to_be_visible()
