"""The applicant's journey as people live it, in real Chromium: the self-check's
answers surviving registration and confirmation (even in another browser), a
question counter that never jumps, the check page and the PDF copy, answering
with several documents, and a double click on every submit button giving one
result and the page that says so, with and without JavaScript."""

import io
import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from ontheffing import services
from ontheffing.models import Gebeurtenis, Gebruiker, Verzoek
from ontheffing.states import Rol, Status
from tests.factories import (
    PDF,
    maak_gebruiker,
    maak_gemeente,
    maak_provincie,
    naar_toetsing,
)

pytestmark = pytest.mark.django_db(transaction=True)
GELIJKTIJDIG = "Iemand anders heeft dit verzoek zojuist gewijzigd"
ANTWOORDEN = {
    "ambt": "raadslid",
    "ambtsstatus": "in_functie",
    "handeling": "aanneming_van_werk",
    "wederpartij": "eigen_lichaam",
    "relatie": "rechtstreeks",
    "om_niet": "nee",
    "aangegaan": "nog_niet",
}
VOORTGANG = re.compile(r"Vraag (\d+) van (hoogstens )?(\d+)")


@pytest.fixture
def arnhem(db):
    return maak_gemeente(maak_provincie(), naam="Arnhem")


def pdf(naam):
    return {"name": naam, "mimeType": "application/pdf", "buffer": PDF}


def zonder_fout(page):
    tekst = page.content()
    assert GELIJKTIJDIG not in tekst
    assert "Er ging iets mis" not in tekst


def klik(page, naam, dubbel):
    knop = page.get_by_role("button", name=naam, exact=True)
    if dubbel:
        knop.dblclick()
    else:
        knop.click()


def zelftest_doen(page, gemeente, dubbel=False) -> list[tuple[int, int]]:
    """Answer the self-check to its result; the counter as read on each page."""
    page.goto("/zelftest/")
    page.get_by_role("link", name="Start de check").click()
    gelezen = []
    antwoorden = {**ANTWOORDEN, "gemeente": str(gemeente.pk)}
    while "/zelftest/vraag/" in page.url:
        vorige_url = page.url
        teller = VOORTGANG.search(page.locator(".voortgang").inner_text())
        gelezen.append((int(teller.group(1)), int(teller.group(3))))
        sleutel = page.url.rstrip("/").rsplit("/", 1)[-1]
        keuzelijst = page.locator("select[name=antwoord]")
        if keuzelijst.count():
            keuzelijst.select_option(antwoorden[sleutel])
        else:
            page.locator(f'input[name=antwoord][value="{antwoorden[sleutel]}"]').check()
        klik(page, "Volgende", dubbel)
        page.wait_for_url(lambda url, vorige=vorige_url: url != vorige)
        page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1)).to_contain_text("ontheffing nodig")
    return gelezen


def registreren(page, dubbel=False):
    page.get_by_role("link", name="Vraag ontheffing aan").click()
    page.get_by_role("link", name="Account aanmaken").click()
    page.get_by_label("Uw naam").fill("Riet Raadslid")
    page.get_by_label("E-mailadres").fill("riet@example.nl")
    page.get_by_label("Wachtwoord", exact=True).fill("Zeer-geheim-2026!")
    page.get_by_label("Herhaal het wachtwoord").fill("Zeer-geheim-2026!")
    klik(page, "Account aanmaken", dubbel)
    expect(page.get_by_role("heading", name="Controleer uw e-mail")).to_be_visible()


def bevestigingslink(live_server) -> str:
    berichten = [m for m in mail.outbox if "/account/bevestigen/" in m.body]
    assert len(berichten) == 1
    link = re.search(r"https?://\S+/account/bevestigen/\S+", berichten[0].body)
    return link.group(0).replace(settings.SITE_URL, live_server.url)


def test_zelftest_registreren_bevestigen_in_een_andere_browser_geeft_een_ingevuld_verzoek(
    page, browser, live_server, arnhem
):
    gelezen = zelftest_doen(page, arnhem)
    # The counter counts up one at a time, and the total never grows.
    assert [n for n, _ in gelezen] == list(range(1, len(gelezen) + 1))
    totalen = [t for _, t in gelezen]
    assert totalen == sorted(totalen, reverse=True)
    # Never fewer than were asked: the page never said something untrue.
    assert min(totalen) >= len(gelezen)
    registreren(page)

    # The link opened in another browser (a mail program's own, say).
    ander = browser.new_context(base_url=live_server.url, locale="nl-NL")
    try:
        tweede = ander.new_page()
        tweede.set_default_timeout(10_000)
        tweede.goto(bevestigingslink(live_server))
        expect(tweede.get_by_text("is bevestigd")).to_be_visible()
        assert "/mijn/nieuw/" in tweede.url
        assert tweede.locator("#id_ambt").input_value() == "raadslid"
        assert tweede.locator("#id_gemeente").input_value() == str(arnhem.pk)
        assert tweede.get_by_label("Naam van de ambtsdrager").input_value() == (
            "Riet Raadslid"
        )
        tweede.get_by_role("button", name="Opslaan en verder").click()
        expect(
            tweede.get_by_role("heading", name="Stap 2 van 5: De handeling")
        ).to_be_visible()
        assert tweede.locator("#id_handeling").input_value() == "aanneming_van_werk"
        assert tweede.locator(
            "input[name=wederpartij][value=eigen_lichaam]"
        ).is_checked()
    finally:
        ander.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["met-js", "zonder-js"])
def test_dubbelklik_op_elke_knop_geeft_een_resultaat(
    browser, live_server, arnhem, javascript
):
    """A double click on every submit button of the journey: one account, one
    case, one submission, one answer, one view, one withdrawal, and each time
    the page that says it worked. With JavaScript the second click is held
    back; without it the server sees both posts and treats them as one."""
    behandelaar = maak_gebruiker(Rol.BEHANDELAAR, arnhem.provincie)
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", java_script_enabled=javascript
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        zelftest_doen(page, arnhem, dubbel=True)
        registreren(page, dubbel=True)
        assert Gebruiker.objects.filter(email="riet@example.nl").count() == 1
        page.goto(bevestigingslink(live_server))
        expect(page.get_by_text("is bevestigd")).to_be_visible()

        page.get_by_label("Straat en huisnummer").fill("Dorpsstraat 1")
        page.get_by_label("Postcode").fill("6811 AA")
        page.get_by_label("Woonplaats").fill("Arnhem")
        klik(page, "Opslaan en verder", dubbel=True)
        expect(
            page.get_by_role("heading", name=re.compile("Stap 2 van 5"))
        ).to_be_visible()
        zonder_fout(page)
        assert Verzoek.objects.count() == 1
        klik(page, "Opslaan en verder", dubbel=True)
        expect(
            page.get_by_role("heading", name=re.compile("Stap 3 van 5"))
        ).to_be_visible()
        page.get_by_label("Wederpartij (met wie").fill("Gemeente Arnhem")
        page.get_by_label("Onderwerp (kort)").fill("Schilderwerk gemeentehuis")
        page.get_by_label("Omschrijving van de overeenkomst").fill(
            "Buitenschilderwerk."
        )
        page.get_by_label("Hoe komt de overeenkomst tot stand?").fill("Drie offertes.")
        klik(page, "Opslaan en verder", dubbel=True)
        expect(
            page.get_by_role("heading", name=re.compile("Stap 4 van 5"))
        ).to_be_visible()
        page.get_by_label("(Concept)overeenkomst of offerte").set_input_files(
            [pdf("offerte.pdf"), pdf("offerte-bijlage.pdf")]
        )
        page.get_by_label("Ander document").set_input_files([pdf("toelichting.pdf")])
        klik(page, "Opslaan en controleren", dubbel=True)
        expect(
            page.get_by_role("heading", name="Controleer uw gegevens")
        ).to_be_visible()
        zonder_fout(page)
        verzoek = Verzoek.objects.get()
        assert sorted(verzoek.bijlagen.values_list("bestandsnaam", "soort")) == [
            ("offerte-bijlage.pdf", "overeenkomst"),
            ("offerte.pdf", "overeenkomst"),
            ("toelichting.pdf", "anders"),
        ]

        page.get_by_label("Ik verklaar").check()
        klik(page, "Indienen", dubbel=True)
        expect(
            page.get_by_role("heading", name="Uw verzoek is ingediend")
        ).to_be_visible()
        zonder_fout(page)
        verzoek.refresh_from_db()
        assert verzoek.status == Status.INGEDIEND
        assert Verzoek.objects.count() == 1
        assert verzoek.gebeurtenissen.filter(actie="indienen").count() == 1
        ontvangst = [m for m in mail.outbox if "Ontvangstbevestiging" in m.subject]
        assert len(ontvangst) == 1

        # A request for information with two items; the answer ties documents
        # to each, several at once.
        services.aanvulling_vragen(
            user=behandelaar,
            verzoek=verzoek,
            ontbrekend=["De getekende offerte", "Verklaring van niet-betrokkenheid"],
            toelichting="",
            hersteltermijn_einde=timezone.localdate() + timedelta(days=14),
        )
        page.goto(f"/mijn/{verzoek.pk}/")
        expect(
            page.get_by_text("De provincie vraagt om meer informatie")
        ).to_be_visible()
        expect(
            page.get_by_text("niet betrokken was bij de voorbereiding").first
        ).to_be_visible()
        page.get_by_label("Uw antwoord").fill("Hierbij de stukken.")
        page.get_by_label("Document bij: De getekende offerte").set_input_files(
            [pdf("getekend.pdf"), pdf("getekend-bijlage.pdf")]
        )
        page.get_by_label(
            "Document bij: Verklaring van niet-betrokkenheid"
        ).set_input_files([pdf("verklaring.pdf")])
        klik(page, "Aanvulling versturen", dubbel=True)
        expect(page.get_by_text("Uw aanvulling is ontvangen")).to_be_visible()
        zonder_fout(page)
        assert verzoek.gebeurtenissen.filter(actie="aanvullen").count() == 1
        assert dict(
            verzoek.bijlagen.filter(soort="aanvulling").values_list(
                "bestandsnaam", "punt"
            )
        ) == {
            "getekend.pdf": "De getekende offerte",
            "getekend-bijlage.pdf": "De getekende offerte",
            "verklaring.pdf": "Verklaring van niet-betrokkenheid",
        }
        assert "bij: Verklaring van niet-betrokkenheid" in page.content()
        # The step indicator stays at completeness, not back at receipt.
        huidig = page.locator(".stappen [aria-current=step]")
        expect(huidig).to_contain_text("Volledigheid")

        # A view (Awb 4:7), then withdrawing.
        verzoek.refresh_from_db()
        naar_toetsing(verzoek, behandelaar)
        services.zienswijze_vragen(
            user=behandelaar,
            verzoek=verzoek,
            van="Riet Raadslid",
            uiterlijk=timezone.localdate() + timedelta(days=14),
            toelichting="Over uw aandelen.",
        )
        page.goto(f"/mijn/{verzoek.pk}/")
        page.get_by_label("Uw zienswijze").fill("Die aandelen zijn verkocht.")
        klik(page, "Zienswijze versturen", dubbel=True)
        expect(page.get_by_text("Uw zienswijze is ontvangen")).to_be_visible()
        zonder_fout(page)
        assert verzoek.gebeurtenissen.filter(actie="zienswijze_geven").count() == 1
        expect(page.get_by_role("heading", name="Wat u stuurde")).to_be_visible()
        assert page.get_by_role("button", name="Zienswijze versturen").count() == 0

        page.goto(f"/mijn/{verzoek.pk}/intrekken/")
        klik(page, "Ja, trek mijn verzoek in", dubbel=True)
        expect(page.get_by_text("U heeft uw verzoek ingetrokken")).to_be_visible()
        zonder_fout(page)
        assert verzoek.gebeurtenissen.filter(actie="intrekken").count() == 1
        assert (
            Gebeurtenis.objects.filter(verzoek=verzoek, actie="intrekken").count() == 1
        )
    finally:
        context.close()


def test_controlepagina_en_de_pdf_kopie(page, live_server, arnhem):
    from pypdf import PdfReader

    from tests.e2e.conftest import inloggen

    aanvrager = maak_gebruiker(Rol.AANVRAGER, naam="Jan Jansen")
    inloggen(page, aanvrager.email)
    page.goto("/mijn/nieuw/")
    page.get_by_label("Straat en huisnummer").fill("Dorpsstraat 1")
    page.get_by_label("Postcode").fill("6811aa")
    page.get_by_label("Woonplaats").fill("Arnhem")
    page.locator("#id_ambt").select_option("raadslid")
    page.locator("#id_gemeente").select_option(str(arnhem.pk))
    page.get_by_role("button", name="Opslaan en verder").click()
    page.locator("#id_handeling").select_option("aanneming_van_werk")
    page.get_by_role("button", name="Opslaan en verder").click()
    page.get_by_label("Wederpartij (met wie").fill("Gemeente Arnhem")
    page.get_by_label("Onderwerp (kort)").fill("Schilderwerk gemeentehuis")
    page.get_by_label("Omschrijving van de overeenkomst").fill("Buitenschilderwerk.")
    page.get_by_label("Hoe komt de overeenkomst tot stand?").fill("Drie offertes.")
    page.get_by_role("button", name="Opslaan en verder").click()
    page.get_by_role("button", name="Opslaan en controleren").click()

    # Every answer, a link to change each, and what is still missing.
    expect(page.get_by_role("heading", name="Controleer uw gegevens")).to_be_visible()
    assert "6811 AA" in page.content()  # the postcode as the letter will have it
    expect(page.get_by_role("alert")).to_contain_text("(concept)overeenkomst")
    page.get_by_role("link", name="Wijzig het antwoord op: Onderwerp (kort)").click()
    assert "/bewerken/overeenkomst/" in page.url
    page.get_by_label("Onderwerp (kort)").fill("Schilderwerk raadhuis")
    page.get_by_role("button", name="Opslaan en verder").click()
    page.get_by_label("(Concept)overeenkomst of offerte").set_input_files(
        [pdf("offerte.pdf")]
    )
    page.get_by_role("button", name="Opslaan en controleren").click()
    assert "Schilderwerk raadhuis" in page.content()
    assert page.get_by_role("alert").count() == 0
    page.get_by_label("Ik verklaar").check()
    page.get_by_role("button", name="Indienen").click()
    expect(page.get_by_role("heading", name="Uw verzoek is ingediend")).to_be_visible()

    verzoek = Verzoek.objects.get(ingediend_door=aanvrager)
    with page.expect_download() as download:
        page.get_by_role(
            "link", name=re.compile("Download uw verzoek zoals ingediend")
        ).click()
    assert download.value.suggested_filename == f"verzoek-{verzoek.kenmerk}.pdf"
    with open(download.value.path(), "rb") as bestand:
        gedownload = bestand.read()
    tekst = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(gedownload)).pages)
    assert verzoek.kenmerk in tekst
    assert "Schilderwerk raadhuis" in tekst
    assert "offerte.pdf" in tekst
    # The same document is in the receipt and in the province's file.
    ontvangst = next(m for m in mail.outbox if "Ontvangstbevestiging" in m.subject)
    assert ontvangst.attachments[0][1] == gedownload
    with verzoek.bijlagen.get(soort="verzoek").bestand.open("rb") as bestand:
        assert bestand.read() == gedownload
    page.get_by_role("link", name="Naar uw verzoek").click()
    expect(page.get_by_role("link", name=re.compile("zoals ingediend"))).to_be_visible()


def test_datums_en_postcode_met_een_nederlandse_melding(page, live_server, arnhem):
    from tests.e2e.conftest import inloggen

    aanvrager = maak_gebruiker(Rol.AANVRAGER)
    inloggen(page, aanvrager.email)
    page.goto("/mijn/nieuw/")
    page.get_by_label("Postcode").fill("123")
    page.get_by_label("In functie sinds").fill("2031-01-01")
    page.get_by_role("button", name="Opslaan en verder").click()
    overzicht = page.get_by_role("alert").filter(has_text="Er is iets niet goed")
    expect(overzicht).to_contain_text("Vul een Nederlandse postcode in")
    expect(overzicht).to_contain_text("Deze datum ligt in de toekomst")
    assert page.get_by_label("Postcode").input_value() == "123"  # nothing lost
    verzoek = Verzoek.objects.get(ingediend_door=aanvrager)
    assert verzoek.postcode == ""  # never into a letter while invalid
    page.goto(f"/mijn/{verzoek.pk}/bewerken/overeenkomst/")
    gisteren = timezone.localdate() - timedelta(days=1)
    page.get_by_label("Looptijd: vanaf").fill(gisteren.isoformat())
    page.get_by_role("button", name="Opslaan en verder").click()
    expect(
        page.get_by_role("alert").filter(has_text="Er is iets niet goed")
    ).to_contain_text("ontheffing geldt niet met terugwerkende kracht")
