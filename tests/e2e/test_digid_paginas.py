"""Accessibility in real Chromium (axe-core, WCAG 2.1 A and AA) of the pages of
a first DigiD log-in: choosing between linking an account and making one, both
forms in their error state, the "check your e-mail" page, the confirmation of
the e-mailed link, and a link opened in the wrong browser; and the log-in page
with DigiD and DigiD Machtigen offered."""

import pytest
from django.conf import settings as django_settings
from django.test import Client

from ontheffing.identiteit import digid, koppelen
from tests.e2e.conftest import controleer

pytestmark = pytest.mark.django_db(transaction=True)

SLEUTEL = digid.bsn_sleutel("123456782")


@pytest.fixture
def digid_sessie(page, live_server, settings):
    """A browser just back from DigiD for the first time."""
    settings.DIGID_ENTITY_ID = "https://ontheffing.test/digid"
    settings.DIGID_MACHTIGEN_CLIENT_ID = "broker-client"
    client = Client()
    sessie = client.session
    sessie[digid.NIEUW_SESSION_KEY] = SLEUTEL
    sessie.save()
    page.context.add_cookies(
        [
            {
                "name": django_settings.SESSION_COOKIE_NAME,
                "value": sessie.session_key,
                "url": live_server.url,
            }
        ]
    )
    return page


def test_the_first_digid_log_in_pages(digid_sessie):
    page = digid_sessie
    page.goto("/account/inloggen/")
    page.get_by_role("link", name="Inloggen met DigiD Machtigen").wait_for()
    controleer(page, "inloggen met DigiD en DigiD Machtigen")

    page.goto("/account/digid/account/")
    controleer(page, "eerste DigiD-inlog")
    page.get_by_role("button", name="Account koppelen").click()
    page.get_by_role("heading", name="Koppelen is niet gelukt").wait_for()
    controleer(page, "koppelen met foutmeldingen")
    page.get_by_role("button", name="E-mail sturen").click()
    page.get_by_role("heading", name="Er is iets niet goed ingevuld").wait_for()
    controleer(page, "aanmaken met foutmeldingen")

    page.get_by_label("Uw naam").fill("Bas Burger")
    page.get_by_label("E-mailadres").last.fill("burger@example.nl")
    page.get_by_role("button", name="E-mail sturen").click()
    page.get_by_role("heading", name="Controleer uw e-mail").wait_for()
    controleer(page, "e-mail verstuurd")

    aanvraag = koppelen.Aanvraag(SLEUTEL, "burger@example.nl", "Bas Burger")
    page.goto(f"/account/digid/bevestigen/{koppelen.token(aanvraag)}/")
    page.get_by_role("button", name="Account aanmaken").click()
    page.wait_for_url("**/mijn/")
    assert page.get_by_text("Uw account is aangemaakt").is_visible()


def test_a_link_in_another_browser(page, settings):
    settings.DIGID_ENTITY_ID = "https://ontheffing.test/digid"
    aanvraag = koppelen.Aanvraag(SLEUTEL, "burger@example.nl", "Bas Burger")
    page.goto(f"/account/digid/bevestigen/{koppelen.token(aanvraag)}/")
    page.get_by_role("heading", name="Deze link werkt hier niet").wait_for()
    controleer(page, "link in een andere browser")
