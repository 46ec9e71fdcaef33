"""Browser tests: Playwright for Python driving Debian's Chromium.

Without /usr/bin/chromium these tests are skipped with a message, unless
REQUIRE_BROWSER=1 (CI on PostgreSQL), where a missing browser is a failure.
"""

import base64
import os
import re
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

# Playwright's sync API runs an event loop in the test thread; Django's ORM
# refuses that unless told it is safe (it is: one thread uses the connection).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "e2e" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"Chromium ontbreekt ({CHROMIUM}) en REQUIRE_BROWSER=1.")
        pytest.skip(f"Chromium ontbreekt ({CHROMIUM}): browsertests overgeslagen.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def inloggen(page, email, wachtwoord="geheim-wachtwoord-123"):
    """Log in through the real form (label texts are part of the contract).

    Staff then give the second factor as a person would: the first time by
    reading the key from the set-up page, later with their device's current code.
    """
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.factories import ongebruikte_code, totp_code

    page.goto("/account/inloggen/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(wachtwoord)
    with page.expect_navigation():
        page.get_by_role("button", name="Inloggen").click()
    if "/tweede-factor/instellen/" in page.url:
        sleutel = page.locator("code.sleutel").inner_text()
        apparaat = TOTPDevice(
            key=base64.b32decode(sleutel + "=" * (-len(sleutel) % 8)).hex()
        )
        page.get_by_label("Code").fill(totp_code(apparaat))
        page.get_by_role("button", name="Tweede factor inschakelen").click()
        with page.expect_navigation():
            page.get_by_role("link", name="Verder").click()
    elif "/tweede-factor/" in page.url:
        apparaat = TOTPDevice.objects.get(user__email=email, confirmed=True)
        page.get_by_label("Code").fill(ongebruikte_code(apparaat))
        with page.expect_navigation():
            page.get_by_role("button", name="Controleren").click()


# The level every page is checked against: WCAG 2.1 AA (README).
WCAG = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
}


def controleer(page, beschrijving):
    """axe on the page as it is now: no WCAG 2.1 AA violation, or each named
    with the first elements it concerns."""
    from axe_playwright_python.sync_playwright import Axe

    resultaat = Axe().run(page, options=WCAG)
    schendingen = [
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(n["target"][0] for n in v["nodes"][:3])
        for v in resultaat.response["violations"]
    ]
    assert not schendingen, f"{beschrijving}:\n" + "\n".join(schendingen)


def uitloggen(page):
    page.get_by_role("button", name=re.compile("Uitloggen")).click()
