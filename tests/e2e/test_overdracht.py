"""The hand-offs between behandelaar and beslisser in real Chromium: the
markers and e-mails, the kept proposal after a return, the per-criterion save,
the confirmation before a decision, the staff pages on a 390 px wide phone,
and axe on every page this added."""

import os
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from ontheffing import services
from ontheffing.models import Verzoek
from ontheffing.states import Rol, Status
from ontheffing.toetsing import criteria_voor
from tests.e2e.conftest import controleer, inloggen, uitloggen
from tests.factories import (
    maak_gebruiker,
    maak_gemeente,
    maak_ingediend,
    maak_provincie,
    naar_besluitvorming,
    naar_toetsing,
)

pytestmark = pytest.mark.django_db(transaction=True)
SCHERMAFDRUKKEN = os.environ.get("SCHERMAFDRUKKEN")  # a folder, to look at the pages

REDEN = "Voorschrift 1 is te ruim: noem de overeenkomst met de gemeente Arnhem."
MOTIVERING = "De opdracht is openbaar aanbesteed; aan alle criteria is voldaan."


def foto(page, naam):
    if SCHERMAFDRUKKEN:
        page.screenshot(path=f"{SCHERMAFDRUKKEN}/{naam}.png", full_page=True)


def breedte(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def te_breed(page) -> list[str]:
    """The innermost elements that stick out to the right (for the message)."""
    return page.evaluate(
        """() => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > 391
                && ![...e.children].some(
                    c => c.getBoundingClientRect().right > 391))
        .slice(0, 5)
        .map(e => e.tagName + '.' + e.className + ' ' + Math.round(
            e.getBoundingClientRect().right) + ': ' + e.textContent.slice(0, 40))"""
    )


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


def _mails_aan(adres):
    return [b for b in mail.outbox if adres in b.to]


def test_proposal_return_and_kept_motivation(page, mensen):
    behandelaar, beslisser = mensen["behandelaar"], mensen["beslisser"]
    verzoek = naar_toetsing(
        maak_ingediend(aanvrager=mensen["aanvrager"], gemeente=mensen["gemeente"]),
        behandelaar,
    )
    mail.outbox.clear()

    # The behandelaar judges and proposes through the page.
    inloggen(page, behandelaar.email)
    page.goto(f"/provincie/verzoek/{verzoek.pk}/toetsing/")
    for criterium in page.locator("fieldset.criterium").all():
        criterium.get_by_label("Voldaan", exact=True).check()
        criterium.get_by_label("Motivering").fill("Uit de offerte blijkt het.")
    page.get_by_label("Ontheffing verleend", exact=True).check()
    page.get_by_label("Motivering van het besluit").fill(MOTIVERING)
    page.get_by_label("Voorschriften").fill("Alleen de overeenkomst van 3 maart.")
    page.get_by_role("button", name="Voorstellen ter besluitvorming").click()
    expect(page.locator(".melding")).to_contain_text("Het besluit is voorgesteld")
    uitloggen(page)

    # The beslisser was told by e-mail, and the list marks the proposal.
    (bericht,) = _mails_aan(beslisser.email)
    assert "/voorstel/" in bericht.body
    inloggen(page, beslisser.email)
    page.goto("/provincie/besluitvorming/")
    rij = page.get_by_role("row").filter(has_text=verzoek.kenmerk)
    expect(rij.locator(".marker")).to_have_text("Wacht op besluit")
    controleer(page, "besluitvorming met marker")
    rij.get_by_role("link", name=verzoek.kenmerk).click()
    page.locator("summary", has_text="Terugsturen naar de behandelaar").click()
    page.get_by_label("Reden").fill(REDEN)
    page.get_by_role("button", name="Terugsturen", exact=True).click()
    expect(page.locator(".melding")).to_contain_text("teruggestuurd")
    page.goto("/provincie/besluitvorming/")
    expect(page.get_by_text(verzoek.kenmerk)).to_have_count(0)
    uitloggen(page)

    # The behandelaar: an e-mail with the reason, a marker, the reason on top.
    (terug,) = [
        b for b in _mails_aan(behandelaar.email) if "teruggestuurd" in b.subject
    ]
    assert REDEN in terug.body
    inloggen(page, behandelaar.email)
    page.goto("/provincie/")
    rij = page.get_by_role("row").filter(has_text=verzoek.kenmerk)
    expect(rij.locator(".marker")).to_have_text("Teruggestuurd")
    controleer(page, "werkvoorraad met marker")
    rij.get_by_role("link", name=verzoek.kenmerk).click()
    notitie = page.get_by_role("note")
    expect(notitie).to_contain_text(REDEN)
    expect(notitie).to_contain_text("Dirk Beslisser")
    controleer(page, "verzoek na terugsturen")
    page.goto("/provincie/")
    expect(
        page.get_by_role("row").filter(has_text=verzoek.kenmerk).locator(".marker")
    ).to_have_count(0)

    # The motivation and the voorschriften are kept.
    page.goto(f"/provincie/verzoek/{verzoek.pk}/toetsing/")
    expect(page.get_by_label("Motivering van het besluit")).to_have_value(MOTIVERING)
    expect(page.get_by_label("Voorschriften")).to_have_value(
        "Alleen de overeenkomst van 3 maart."
    )
    expect(page.get_by_label("Ontheffing verleend", exact=True)).to_be_checked()


def test_answer_and_zienswijze_markers(page, mensen):
    behandelaar, aanvrager = mensen["behandelaar"], mensen["aanvrager"]
    antwoord = maak_ingediend(aanvrager=aanvrager, gemeente=mensen["gemeente"])
    services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=antwoord)
    services.aanvulling_vragen(
        user=behandelaar,
        verzoek=antwoord,
        ontbrekend=["offerte"],
        toelichting="",
        hersteltermijn_einde=timezone.localdate() + timedelta(days=14),
    )
    zienswijze = naar_toetsing(
        maak_ingediend(aanvrager=aanvrager, gemeente=mensen["gemeente"]), behandelaar
    )
    services.zienswijze_vragen(
        user=behandelaar,
        verzoek=zienswijze,
        van="Jan Jansen",
        uiterlijk=timezone.localdate() + timedelta(days=14),
        toelichting="Over de aandelen.",
    )
    mail.outbox.clear()

    # The applicant answers and gives a view in the portal.
    inloggen(page, aanvrager.email)
    page.goto(f"/mijn/{antwoord.pk}/")
    page.get_by_label("Uw antwoord").fill("De offerte is bijgevoegd.")
    page.get_by_role("button", name=re.compile("Aanvulling versturen")).click()
    expect(page.locator(".melding")).to_be_visible()
    page.goto(f"/mijn/{zienswijze.pk}/")
    page.get_by_label("Uw zienswijze").fill("Verkocht in 2025.")
    page.get_by_role("button", name="Zienswijze versturen").click()
    expect(page.locator(".melding")).to_be_visible()
    uitloggen(page)

    onderwerpen = sorted(b.subject for b in _mails_aan(behandelaar.email))
    assert onderwerpen == [
        f"Aanvulling ontvangen ({antwoord.kenmerk})",
        f"Zienswijze ontvangen ({zienswijze.kenmerk})",
    ]
    inloggen(page, behandelaar.email)
    page.goto("/provincie/")
    for verzoek, tekst in (
        (antwoord, "Nieuw antwoord"),
        (zienswijze, "Zienswijze ontvangen"),
    ):
        rij = page.get_by_role("row").filter(has_text=verzoek.kenmerk)
        expect(rij.locator(".marker")).to_have_text(tekst)
    page.get_by_role("link", name=antwoord.kenmerk).click()
    page.goto("/provincie/")
    expect(
        page.get_by_role("row").filter(has_text=antwoord.kenmerk).locator(".marker")
    ).to_have_count(0)
    expect(
        page.get_by_role("row").filter(has_text=zienswijze.kenmerk).locator(".marker")
    ).to_have_text("Zienswijze ontvangen")


def test_each_criterion_is_saved_as_it_is_given(page, mensen):
    behandelaar = mensen["behandelaar"]
    verzoek = naar_toetsing(
        maak_ingediend(aanvrager=mensen["aanvrager"], gemeente=mensen["gemeente"]),
        behandelaar,
    )
    criteria = list(criteria_voor(verzoek))
    inloggen(page, behandelaar.email)
    page.goto(f"/provincie/verzoek/{verzoek.pk}/toetsing/")
    expect(page.get_by_role("link", name=re.compile(r"\.pdf"))).not_to_have_count(0)
    controleer(page, "toetsing met documenten")

    # One criterion with its own button; the half-filled second is not submitted.
    eerste = page.locator(f"#criterium-{criteria[0].code}")
    eerste.get_by_label("Voldaan", exact=True).check()
    eerste.get_by_label("Motivering").fill("Marktconform volgens twee offertes.")
    tweede = page.locator(f"#criterium-{criteria[1].code}")
    tweede.get_by_label("Voldaan", exact=True).check()
    eerste.get_by_role("button", name=re.compile("Oordeel opslaan")).click()
    expect(page.locator(".melding")).to_contain_text(criteria[0].titel)
    assert list(verzoek.oordelen.values_list("criterium__code", flat=True)) == [
        criteria[0].code
    ]
    expect(page.locator(".foutoverzicht")).to_have_count(0)

    # All at once: the unmotivated one comes back with its error, the rest are kept.
    for criterium in criteria[1:]:
        blok = page.locator(f"#criterium-{criterium.code}")
        blok.get_by_label("Voldaan", exact=True).check()
        blok.get_by_label("Motivering").fill(f"Gemotiveerd: {criterium.titel}.")
    page.locator(f"#criterium-{criteria[2].code}").get_by_label("Motivering").fill("")
    page.get_by_role("button", name="Alle oordelen opslaan").click()
    overzicht = page.locator(".foutoverzicht")
    expect(overzicht).to_contain_text(criteria[2].titel)
    expect(overzicht.locator("li")).to_have_count(1)  # not the proposal's errors
    controleer(page, "toetsing met een onvolledig oordeel")
    opgeslagen = set(verzoek.oordelen.values_list("criterium__code", flat=True))
    assert opgeslagen == {c.code for c in criteria} - {criteria[2].code}


def test_confirmation_before_deciding(page, mensen):
    beslisser = mensen["beslisser"]
    verzoek = naar_besluitvorming(
        maak_ingediend(aanvrager=mensen["aanvrager"], gemeente=mensen["gemeente"]),
        mensen["behandelaar"],
    )
    inloggen(page, beslisser.email)
    page.goto(f"/provincie/verzoek/{verzoek.pk}/voorstel/")
    page.get_by_role("button", name="Besluit vaststellen en verzenden").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Weet u het zeker?")
    expect(page.locator("main")).to_contain_text(mensen["aanvrager"].email)
    controleer(page, "bevestigen")
    page.get_by_role("link", name="Nee, terug naar het voorstel").click()
    assert Verzoek.objects.get(pk=verzoek.pk).status == Status.TER_BESLUITVORMING
    page.get_by_role("button", name="Besluit vaststellen en verzenden").click()
    page.get_by_role("button", name="Ja, vaststellen en verzenden").click()
    expect(page.locator(".melding")).to_contain_text("vastgesteld")
    assert Verzoek.objects.get(pk=verzoek.pk).status == Status.AFGEHANDELD


def test_staff_pages_at_390_px(browser, live_server, mensen):
    behandelaar, beslisser = mensen["behandelaar"], mensen["beslisser"]
    lang = maak_ingediend(
        aanvrager=mensen["aanvrager"],
        gemeente=mensen["gemeente"],
        onderwerp="Onderhoudswerkzaamheden aan het gemeentelijke zwembadcomplex",
        wederpartij_naam="Aannemingsmaatschappij Noordoostpolderbouw B.V.",
    )
    toetsing = naar_toetsing(
        maak_ingediend(aanvrager=mensen["aanvrager"], gemeente=mensen["gemeente"]),
        behandelaar,
    )
    voorstel = naar_besluitvorming(
        maak_ingediend(aanvrager=mensen["aanvrager"], gemeente=mensen["gemeente"]),
        behandelaar,
    )
    context = browser.new_context(
        base_url=live_server.url,
        locale="nl-NL",
        viewport={"width": 390, "height": 844},
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        inloggen(page, behandelaar.email)
        for naam, url in (
            ("werkvoorraad", "/provincie/"),
            ("termijnen", "/provincie/termijnen/"),
            ("verzoek", f"/provincie/verzoek/{lang.pk}/"),
            ("toetsing", f"/provincie/verzoek/{toetsing.pk}/toetsing/"),
        ):
            page.goto(url)
            foto(page, f"390-{naam}")
            assert breedte(page) <= 390, (
                f"{naam}: {breedte(page)} px breed: {te_breed(page)}"
            )
            controleer(page, f"390 px: {naam}")
        uitloggen(page)
        inloggen(page, beslisser.email)
        for naam, url in (
            ("besluitvorming", "/provincie/besluitvorming/"),
            ("voorstel", f"/provincie/verzoek/{voorstel.pk}/voorstel/"),
            ("verzoek ter besluitvorming", f"/provincie/verzoek/{voorstel.pk}/"),
        ):
            page.goto(url)
            foto(page, f"390-{naam}")
            assert breedte(page) <= 390, (
                f"{naam}: {breedte(page)} px breed: {te_breed(page)}"
            )
            controleer(page, f"390 px: {naam}")
        page.goto(f"/provincie/verzoek/{voorstel.pk}/voorstel/")
        page.get_by_role("button", name="Besluit vaststellen en verzenden").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text(
            "Weet u het zeker?"
        )
        assert breedte(page) <= 390, f"bevestigen: {breedte(page)} px: {te_breed(page)}"
    finally:
        context.close()
