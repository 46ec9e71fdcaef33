"""The province's journey in real Chromium: from the worklist to a decision the
applicant can read; and the two decisions that need no assessment."""

import re

import pytest
from playwright.sync_api import expect

from ontheffing import services
from ontheffing.models import Verzoek
from ontheffing.states import Actie, Rol, Status, Uitkomst
from tests.e2e.conftest import inloggen, uitloggen
from tests.factories import (
    maak_gebruiker,
    maak_gemeente,
    maak_ingediend,
    maak_provincie,
    naar_toetsing,
)

pytestmark = pytest.mark.django_db(transaction=True)

SCREENSHOTS = "/tmp"


@pytest.fixture
def mensen():
    provincie = maak_provincie()
    return {
        "gemeente": maak_gemeente(provincie, "Arnhem"),
        "aanvrager": maak_gebruiker(Rol.AANVRAGER, naam="Jan Jansen"),
        "behandelaar": maak_gebruiker(
            Rol.BEHANDELAAR, provincie, naam="Bea Behandelaar"
        ),
        "beslisser": maak_gebruiker(Rol.BESLISSER, provincie, naam="Dirk Beslisser"),
    }


def test_from_worklist_to_decision(page, mensen):
    behandelaar, beslisser = mensen["behandelaar"], mensen["beslisser"]
    verzoek = maak_ingediend(aanvrager=mensen["aanvrager"], gemeente=mensen["gemeente"])

    # The behandelaar takes the case from the worklist.
    inloggen(page, behandelaar.email)
    page.goto("/provincie/")
    expect(page.get_by_role("heading", name="Werkvoorraad")).to_be_visible()
    rij = page.get_by_role("row").filter(has_text=verzoek.kenmerk)
    expect(rij).to_contain_text(re.compile(r"Nog \d+ werkdagen"))
    page.screenshot(path=f"{SCREENSHOTS}/provincie-werkvoorraad.png", full_page=True)
    rij.get_by_role("button", name=re.compile("Oppakken")).click()
    expect(page.get_by_role("status").or_(page.locator(".melding"))).to_contain_text(
        "U behandelt dit verzoek nu."
    )
    expect(
        page.get_by_role("heading", name=f"Verzoek {verzoek.kenmerk}")
    ).to_be_visible()

    # It lacks a document: ask for information.
    page.get_by_text("Aanvulling vragen (verzoek onvolledig)").click()
    page.get_by_label("Stukken over de totstandkoming").check()
    page.get_by_label("Toelichting voor de aanvrager", exact=True).fill(
        "Stuur de drie offertes mee."
    )
    page.screenshot(path=f"{SCREENSHOTS}/provincie-verzoek.png", full_page=True)
    page.get_by_role("button", name="Aanvulling vragen").click()
    expect(page.locator(".melding")).to_contain_text("de beslistermijn is opgeschort")
    expect(page.get_by_text("Opgeschort", exact=False).first).to_be_visible()

    # The applicant answers (through the service).
    verzoek.refresh_from_db()
    services.verzoek_aanvullen(
        user=mensen["aanvrager"], verzoek=verzoek, antwoord="De offertes zitten erbij."
    )

    # Complete now: on to the qualification, confirm the engine.
    page.reload()
    page.get_by_role("button", name="Volledig: in behandeling nemen").click()
    page.get_by_role("link", name="Kwalificeren").click()
    expect(
        page.get_by_role("heading", name="Uitkomst van de kwalificatiehulp")
    ).to_be_visible()
    expect(page.get_by_text("Opgave aanvrager: Raadslid")).to_be_visible()
    page.screenshot(path=f"{SCREENSHOTS}/provincie-kwalificatie.png", full_page=True)
    page.get_by_role("button", name="Kwalificatie vastleggen").click()

    # Assess against the beleidsregel and propose a grant.
    expect(
        page.get_by_role("heading", name=re.compile("Toetsing van verzoek"))
    ).to_be_visible()
    for criterium in page.locator("fieldset.criterium").all():
        criterium.get_by_label("Voldaan", exact=True).check()
        criterium.get_by_label("Motivering").fill(
            "Uit de stukken blijkt dat dit klopt."
        )
    page.get_by_label("Ontheffing verleend").check()
    page.get_by_label("Motivering van het besluit").fill(
        "Aan alle criteria van de beleidsregel is voldaan."
    )
    page.screenshot(path=f"{SCREENSHOTS}/provincie-toetsing.png", full_page=True)
    page.get_by_role("button", name="Voorstellen ter besluitvorming").click()
    expect(page.locator(".melding")).to_contain_text("Het besluit is voorgesteld")
    uitloggen(page)

    # The beslisser returns it once ...
    inloggen(page, beslisser.email)
    page.goto("/provincie/besluitvorming/")
    page.get_by_role("link", name=verzoek.kenmerk).click()
    expect(
        page.frame_locator("iframe.conceptbrief").get_by_text("CONCEPT")
    ).to_be_visible()
    page.screenshot(path=f"{SCREENSHOTS}/provincie-voorstel.png", full_page=True)
    brief = page.context.new_page()
    brief.goto(f"/provincie/verzoek/{verzoek.pk}/voorstel/brief/")
    brief.screenshot(path=f"{SCREENSHOTS}/provincie-conceptbrief.png")
    brief.close()
    page.get_by_text("Terugsturen naar de behandelaar").click()
    page.get_by_label("Reden").fill("Maak voorschrift 1 concreet: noem de wederpartij.")
    page.get_by_role("button", name="Terugsturen").click()
    expect(page.locator(".melding")).to_contain_text("teruggestuurd")
    uitloggen(page)

    # ... the behandelaar proposes again ...
    inloggen(page, behandelaar.email)
    page.goto(f"/provincie/verzoek/{verzoek.pk}/toetsing/")
    page.get_by_label("Motivering van het besluit").fill("Voldaan aan alle criteria.")
    page.get_by_label("Voorschriften").fill(
        "Deze ontheffing geldt alleen voor de overeenkomst met de gemeente Arnhem."
    )
    page.get_by_role("button", name="Voorstellen ter besluitvorming").click()
    expect(page.locator(".melding")).to_contain_text("Het besluit is voorgesteld")
    # The proposer never sees the button to decide.
    page.goto(f"/provincie/verzoek/{verzoek.pk}/voorstel/")
    expect(page.get_by_role("button", name=re.compile("vaststellen"))).to_have_count(0)
    uitloggen(page)

    # ... and the beslisser decides.
    inloggen(page, beslisser.email)
    page.goto(f"/provincie/verzoek/{verzoek.pk}/voorstel/")
    page.get_by_role("button", name="Besluit vaststellen en verzenden").click()
    page.get_by_role("button", name="Ja, vaststellen en verzenden").click()
    expect(page.locator(".melding")).to_contain_text("vastgesteld")
    verzoek.refresh_from_db()
    assert verzoek.status == Status.AFGEHANDELD
    assert verzoek.uitkomst == Uitkomst.VERLEEND
    uitloggen(page)

    # The applicant sees the letter.
    inloggen(page, mensen["aanvrager"].email)
    page.goto(f"/mijn/{verzoek.pk}/")
    besluit = verzoek.besluiten.get(soort="verleend")
    expect(
        page.locator(f"a[href='/verzoek/{verzoek.pk}/besluit/{besluit.pk}/']")
    ).to_have_count(1)


@pytest.mark.parametrize(
    ("handeling", "uitkomst"),
    [
        ("advocaat_of_adviseur_in_geschil", Uitkomst.GEWEIGERD),
        ("subsidie", Uitkomst.GEEN_ONTHEFFING_VEREIST),
    ],
)
def test_qualification_alone_decides(page, mensen, handeling, uitkomst):
    """A non-exemptable act is refused, and an act that is not forbidden gets
    "geen ontheffing vereist", without an assessment against the beleidsregel."""
    verzoek = maak_ingediend(
        aanvrager=mensen["aanvrager"], gemeente=mensen["gemeente"], handeling=handeling
    )
    services.verzoek_in_behandeling_nemen(user=mensen["behandelaar"], verzoek=verzoek)
    inloggen(page, mensen["behandelaar"].email)
    page.goto(f"/provincie/verzoek/{verzoek.pk}/kwalificatie/")
    page.get_by_label("Motivering").fill("De kwalificatiehulp klopt.")
    page.get_by_role("button", name="Kwalificatie vastleggen").click()
    expect(page.locator(".melding")).to_contain_text("ter besluitvorming")
    uitloggen(page)
    inloggen(page, mensen["beslisser"].email)
    page.goto(f"/provincie/verzoek/{verzoek.pk}/voorstel/")
    page.get_by_role("button", name="Besluit vaststellen en verzenden").click()
    page.get_by_role("button", name="Ja, vaststellen en verzenden").click()
    expect(page.locator(".melding")).to_contain_text("vastgesteld")
    verzoek = Verzoek.objects.get(pk=verzoek.pk)
    assert verzoek.uitkomst == uitkomst


def test_zienswijze_asked_from_the_assessment_page(page, mensen):
    """The Toetsing page posts the same form as the case page: what the
    behandelaar types arrives, the applicant is asked and the case waits."""
    verzoek = naar_toetsing(
        maak_ingediend(aanvrager=mensen["aanvrager"], gemeente=mensen["gemeente"]),
        mensen["behandelaar"],
    )
    inloggen(page, mensen["behandelaar"].email)
    page.goto(f"/provincie/verzoek/{verzoek.pk}/toetsing/")
    page.get_by_text("Zienswijze vragen (artikel 4:7 en 4:8 Awb)").click()
    expect(page.get_by_label("Aan wie")).to_have_value("Jan Jansen")
    page.get_by_label("Waarover").fill("Uw nevenfunctie bij de wederpartij.")
    page.get_by_role("button", name="Zienswijze vragen").click()
    expect(page.locator(".melding")).to_contain_text("De zienswijze is gevraagd.")
    verzoek.refresh_from_db()
    assert verzoek.status == Status.ZIENSWIJZE_GEVRAAGD
    assert verzoek.zienswijze_van == "Jan Jansen"
    gevraagd = verzoek.gebeurtenissen.get(actie=Actie.ZIENSWIJZE_VRAGEN)
    assert gevraagd.reden == "Uw nevenfunctie bij de wederpartij."
