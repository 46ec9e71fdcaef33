"""Accessibility in real Chromium: axe-core (WCAG 2.1 A and AA rules) on every
page type, for every role, with forms in their error state too; and a
keyboard-only walk through the start of the applicant's journey."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from ontheffing import services
from ontheffing.states import Rol
from tests.e2e.conftest import controleer
from tests.factories import (
    inloggen,
    maak_concept,
    maak_gebruiker,
    maak_gemeente,
    maak_provincie,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def zaken(db):
    from tests.factories import naar_besluitvorming, naar_toetsing

    provincie = maak_provincie()
    gemeente = maak_gemeente(provincie)
    aanvrager = maak_gebruiker(Rol.AANVRAGER, naam="Jan Jansen")
    behandelaar = maak_gebruiker(Rol.BEHANDELAAR, provincie)
    beslisser = maak_gebruiker(Rol.BESLISSER, provincie, mag_namens_cdk=True)
    beheerder = maak_gebruiker(Rol.BEHEERDER, provincie)

    def ingediend():
        verzoek = maak_concept(aanvrager=aanvrager, gemeente=gemeente)
        return services.verzoek_indienen(user=aanvrager, verzoek=verzoek)

    concept = maak_concept(aanvrager=aanvrager, gemeente=gemeente)
    gevraagd = ingediend()
    services.aanvulling_vragen(
        user=behandelaar,
        verzoek=gevraagd,
        ontbrekend=["KvK-uittreksel"],
        toelichting="Graag het uittreksel.",
        hersteltermijn_einde=timezone.localdate() + timedelta(days=14),
    )
    kwalificatie = ingediend()
    services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=kwalificatie)
    toetsing = naar_toetsing(ingediend(), behandelaar)
    zienswijze = naar_toetsing(ingediend(), behandelaar)
    services.zienswijze_vragen(
        user=behandelaar,
        verzoek=zienswijze,
        van="Jan Jansen",
        uiterlijk=timezone.localdate() + timedelta(days=14),
        toelichting="Over uw aandelen in het bouwbedrijf.",
    )
    services.zienswijze_geven(user=aanvrager, verzoek=zienswijze, tekst="Verkocht.")
    voorstel = naar_besluitvorming(ingediend(), behandelaar)
    besloten = naar_besluitvorming(ingediend(), behandelaar)
    services.besluit_vaststellen(user=beslisser, verzoek=besloten)
    return {
        "aanvrager": aanvrager,
        "behandelaar": behandelaar,
        "beslisser": beslisser,
        "beheerder": beheerder,
        "concept": concept,
        "gevraagd": gevraagd,
        "kwalificatie": kwalificatie,
        "toetsing": toetsing,
        "zienswijze": zienswijze,
        "voorstel": voorstel,
        "besloten": besloten,
    }


def inloggen_als(page, live_server, user):
    client = Client()
    inloggen(client, user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def test_public_pages(page):
    for url in (
        "/",
        "/zelftest/",
        "/account/inloggen/",
        "/account/registreren/",
        "/account/wachtwoord-vergeten/",
    ):
        page.goto(url)
        controleer(page, url)
    page.goto("/zelftest/")
    page.get_by_role("link", name="Start de check").click()
    controleer(page, "zelftest, eerste vraag")
    page.get_by_role("button", name="Volgende").click()  # nothing chosen: error state
    controleer(page, "zelftest, vraag met foutmelding")
    page.goto("/account/inloggen/")
    page.get_by_label("E-mailadres").fill("niemand@example.nl")
    page.get_by_label("Wachtwoord").fill("fout")
    page.get_by_role("button", name="Inloggen").click()
    controleer(page, "inloggen met foutmelding")
    page.goto("/account/registreren/")
    page.get_by_role("button", name="Account aanmaken").click()
    controleer(page, "registreren met foutmeldingen")


def test_applicant_pages(page, live_server, zaken):
    inloggen_als(page, live_server, zaken["aanvrager"])
    for naam, url in [
        ("mijn verzoeken", reverse("aanvrager:lijst")),
        ("nieuw verzoek", reverse("aanvrager:nieuw")),
        ("concept bewerken", reverse("aanvrager:bewerken", args=[zaken["concept"].pk])),
        (
            "aanvulling gevraagd",
            reverse("aanvrager:verzoek", args=[zaken["gevraagd"].pk]),
        ),
        ("in behandeling", reverse("aanvrager:verzoek", args=[zaken["toetsing"].pk])),
        (
            "zienswijze gevraagd",
            reverse("aanvrager:verzoek", args=[zaken["zienswijze"].pk]),
        ),
        ("besloten", reverse("aanvrager:verzoek", args=[zaken["besloten"].pk])),
        ("intrekken", reverse("aanvrager:intrekken", args=[zaken["toetsing"].pk])),
    ]:
        page.goto(url)
        controleer(page, naam)
    concept = zaken["concept"].pk
    for stap in ("handeling", "overeenkomst", "documenten"):
        page.goto(reverse("aanvrager:stap", args=[concept, stap]))
        controleer(page, f"stap {stap}")
    page.goto(reverse("aanvrager:controleren", args=[concept]))
    controleer(page, "controleer uw gegevens")
    page.get_by_label("Ik verklaar").uncheck()
    page.get_by_role("button", name="Indienen").click()  # without the declaration
    expect(page.get_by_text("Kruis de verklaring aan")).to_be_visible()
    controleer(page, "controleer uw gegevens met foutmelding")
    page.goto(reverse("aanvrager:stap", args=[concept, "overeenkomst"]))
    page.get_by_label("Waarde in euro's").fill("twaalf")
    page.get_by_label("Looptijd: vanaf").fill("2020-01-01")
    page.get_by_role("button", name="Opslaan en verder").click()
    controleer(page, "aanvraagformulier met foutmeldingen")
    page.goto(reverse("aanvrager:ingediend", args=[zaken["gevraagd"].pk]))
    controleer(page, "ingediend")
    for url in ("/contact/", "/privacy/", "/toegankelijkheid/"):
        page.goto(url)
        controleer(page, url)
    page.goto(reverse("aanvrager:verzoek", args=[zaken["zienswijze"].pk]))
    page.get_by_role("link", name="Nog iets toevoegen aan uw zienswijze").click()
    page.get_by_role("button", name="Zienswijze versturen").click()
    controleer(page, "zienswijze met foutmelding")


def test_staff_pages(page, live_server, zaken):
    inloggen_als(page, live_server, zaken["behandelaar"])
    for naam, url in [
        ("werkvoorraad", reverse("provincie:werkvoorraad")),
        (
            "ingediend, aanvulling",
            reverse("provincie:verzoek", args=[zaken["gevraagd"].pk]),
        ),
        ("kwalificatie", reverse("provincie:verzoek", args=[zaken["kwalificatie"].pk])),
        (
            "kwalificatieformulier",
            reverse("provincie:kwalificatie", args=[zaken["kwalificatie"].pk]),
        ),
        ("toetsing", reverse("provincie:toetsing", args=[zaken["toetsing"].pk])),
        (
            "zienswijze verwerken",
            reverse("provincie:verzoek", args=[zaken["zienswijze"].pk]),
        ),
        ("voorstel", reverse("provincie:voorstel", args=[zaken["toetsing"].pk])),
        ("besloten", reverse("provincie:verzoek", args=[zaken["besloten"].pk])),
    ]:
        page.goto(url)
        controleer(page, f"behandelaar: {naam}")
    page.goto(reverse("provincie:kwalificatie", args=[zaken["kwalificatie"].pk]))
    knoppen = page.locator("main form button[type=submit]")
    knoppen.last.click()
    controleer(page, "kwalificatieformulier na versturen")


def test_beslisser_pages(page, live_server, zaken):
    inloggen_als(page, live_server, zaken["beslisser"])
    for naam, url in [
        ("besluitvorming", reverse("provincie:besluitvorming")),
        ("voorstel", reverse("provincie:verzoek", args=[zaken["voorstel"].pk])),
    ]:
        page.goto(url)
        controleer(page, f"beslisser: {naam}")


def test_beheer_pages(page, live_server, zaken):
    inloggen_als(page, live_server, zaken["beheerder"])
    for url in (
        reverse("provincie:beheer"),
        reverse("provincie:beheer_uitnodigen"),
        reverse("provincie:beheer_provincie"),
        reverse("provincie:beheer_afschriften"),
        reverse("provincie:beheer_doorzendadressen"),
        reverse("provincie:beheer_lichamen"),
        reverse("provincie:beheer_beleidsregels"),
        reverse("provincie:beheer_historie"),
    ):
        page.goto(url)
        controleer(page, f"beheer: {url}")
    # the error summaries of the configuration screens
    page.goto(reverse("provincie:beheer_afschriften"))
    page.get_by_label("Ontheffing verleend", exact=True).check()
    page.get_by_role("button", name="Opslaan").click()
    page.locator("#foutoverzicht").wait_for()
    controleer(page, "beheer: afschriften met fouten")
    page.goto(reverse("provincie:beheer_doorzendadressen"))
    page.locator("#id_cdk-postadres").fill("Postbus 1")
    page.get_by_role("button", name="Opslaan").click()
    page.locator("#foutoverzicht").wait_for()
    controleer(page, "beheer: doorzendadressen met fouten")


def test_keyboard_only_self_check(page):
    """The self-check can be done with the keyboard alone; focus stays visible."""
    page.goto("/zelftest/")
    for _ in range(40):
        page.keyboard.press("Tab")
        if (
            page.evaluate("document.activeElement.textContent.trim()")
            == "Start de check"
        ):
            break
    page.keyboard.press("Enter")
    page.wait_for_url("**/zelftest/vraag/**")
    eerste_vraag = page.url
    # Tab to the first option, choose it with the space bar, submit with Enter.
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "antwoord":
            break
    assert page.evaluate("document.activeElement.name") == "antwoord"
    zichtbaar = page.evaluate(
        "getComputedStyle(document.activeElement).outlineStyle !== 'none'"
        " || getComputedStyle(document.activeElement).boxShadow !== 'none'"
    )
    assert zichtbaar
    if page.evaluate("document.activeElement.tagName") == "SELECT":
        page.keyboard.press("ArrowDown")
    else:
        page.keyboard.press("Space")
    page.keyboard.press("Enter")
    page.wait_for_function(f"location.href !== {eerste_vraag!r}")
    assert page.url != eerste_vraag
