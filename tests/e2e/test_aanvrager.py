"""The applicant's journey in real Chromium: self-check, account, request,
answering a request for information, the moved deadline, the decision."""

import os
import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from ontheffing import services
from ontheffing.models import Opschorting, Verzoek
from ontheffing.states import Rol, Status
from tests.factories import (
    PDF,
    besluit_nemen,
    maak_gebruiker,
    maak_gemeente,
    maak_provincie,
)

pytestmark = pytest.mark.django_db(transaction=True)
SCHERMAFDRUKKEN = os.environ.get("SCHERMAFDRUKKEN")  # a folder, to look at the pages


def foto(page, naam):
    if SCHERMAFDRUKKEN:
        page.screenshot(path=f"{SCHERMAFDRUKKEN}/{naam}.png", full_page=True)


def geen_horizontale_scroll(page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def beantwoord(page, antwoorden: dict) -> list[str]:
    """Answer each question the self-check asks until the result page."""
    gevraagd = []
    while "/zelftest/vraag/" in page.url:
        sleutel = page.url.rstrip("/").rsplit("/", 1)[-1]
        gevraagd.append(sleutel)
        waarde = antwoorden[sleutel]
        keuzelijst = page.locator("select[name=antwoord]")
        if keuzelijst.count():
            keuzelijst.select_option(waarde)
        else:
            page.locator(f'input[name=antwoord][value="{waarde}"]').check()
        page.get_by_role("button", name="Volgende").click()
    return gevraagd


@pytest.fixture
def arnhem(db):
    return maak_gemeente(maak_provincie(), naam="Arnhem")


@pytest.mark.parametrize(
    ("antwoorden", "kop"),
    [
        ({"handeling": "aanneming_van_werk", "wederpartij": "eigen_lichaam",
          "relatie": "rechtstreeks", "om_niet": "nee", "aangegaan": "nog_niet"},
         "U heeft ontheffing nodig"),
        ({"handeling": "levering_roerende_zaken", "wederpartij": "particulier"},
         "U hoeft geen ontheffing aan te vragen"),
        ({"handeling": "advocaat_of_adviseur_in_geschil", "wederpartij": "eigen_lichaam",
          "relatie": "rechtstreeks"},
         "Deze handeling is verboden en ontheffing is niet mogelijk"),
    ],
)  # fmt: skip
def test_zelftest_uitkomsten(page, arnhem, antwoorden, kop):
    page.goto("/zelftest/")
    page.get_by_role("link", name="Start de check").click()
    beantwoord(page, {"ambt": "raadslid", "ambtsstatus": "in_functie",
                      "gemeente": str(arnhem.pk), **antwoorden})  # fmt: skip
    assert page.get_by_role("heading", level=1).inner_text().startswith(kop)
    # Back to the previous question: the answer is still chosen.
    page.get_by_role("link", name=re.compile("^Wijzig")).last.click()
    assert page.locator("input[name=antwoord]:checked").count() == 1


def test_zelftest_zonder_antwoord_meldt_de_fout(page, arnhem):
    page.goto("/zelftest/vraag/ambt/")
    page.get_by_role("button", name="Volgende").click()
    assert page.get_by_role("alert").filter(has_text="Kies een antwoord").is_visible()


def test_de_hele_reis(page, live_server, arnhem):
    behandelaar = maak_gebruiker(Rol.BEHANDELAAR, arnhem.provincie)
    beslisser = maak_gebruiker(Rol.BESLISSER, arnhem.provincie, mag_namens_cdk=True)

    # Register and verify the e-mail address.
    page.goto("/account/registreren/")
    page.get_by_label("Uw naam").fill("Riet Raadslid")
    page.get_by_label("E-mailadres").fill("riet@example.nl")
    page.get_by_label("Wachtwoord", exact=True).fill("Zeer-geheim-2026!")
    page.get_by_label("Herhaal het wachtwoord").fill("Zeer-geheim-2026!")
    page.get_by_role("button", name="Account aanmaken").click()
    assert "nog niet bevestigd" in page.content()
    link = re.search(
        r"https?://\S+/account/bevestigen/\S+", mail.outbox[-1].body
    ).group(0)
    page.goto(link.replace(settings.SITE_URL, live_server.url))
    assert "is bevestigd" in page.content()

    # The self-check, then "Vraag ontheffing aan" with the answers filled in.
    page.goto("/zelftest/")
    page.get_by_role("link", name="Start de check").click()
    beantwoord(page, {"ambt": "raadslid", "ambtsstatus": "in_functie",
                      "gemeente": str(arnhem.pk), "handeling": "aanneming_van_werk",
                      "wederpartij": "eigen_lichaam", "relatie": "rechtstreeks",
                      "om_niet": "nee", "aangegaan": "nog_niet"})  # fmt: skip
    foto(page, "zelftest-uitslag")
    page.get_by_role("link", name="Vraag ontheffing aan").click()
    assert page.locator("#id_ambt").input_value() == "raadslid"

    # Step by step; the self-check's answers are in the later steps too.
    page.get_by_label("Straat en huisnummer").fill("Dorpsstraat 1")
    page.get_by_label("Postcode").fill("6811 AA")
    page.get_by_label("Woonplaats").fill("Arnhem")
    page.get_by_role("button", name="Opslaan en verder").click()
    expect(
        page.get_by_role("heading", name="Stap 2 van 5: De handeling")
    ).to_be_visible()
    assert page.locator("#id_handeling").input_value() == "aanneming_van_werk"
    page.get_by_role("button", name="Opslaan en verder").click()
    expect(page.get_by_role("heading", name=re.compile("Stap 3 van 5"))).to_be_visible()

    # Save an incomplete concept with a wrong amount: nothing typed is lost.
    page.get_by_label("Onderwerp (kort)").fill("Schilderwerk gemeentehuis")
    page.get_by_label("Waarde in euro's").fill("twaalfduizend")
    page.get_by_role("button", name="Opslaan als concept").click()
    assert page.get_by_role("alert").filter(has_text="Waarde in euro").is_visible()
    assert page.get_by_label("Waarde in euro's").input_value() == "twaalfduizend"
    assert (
        page.get_by_label("Onderwerp (kort)").input_value()
        == "Schilderwerk gemeentehuis"
    )
    foto(page, "formulier-fout")

    # Complete it, add the quotation, check and submit.
    page.get_by_label("Waarde in euro's").fill("12.500")
    page.get_by_label("Wederpartij (met wie").fill("Gemeente Arnhem")
    page.get_by_label("Omschrijving van de overeenkomst").fill("Buitenschilderwerk.")
    page.get_by_label("Hoe komt de overeenkomst tot stand?").fill("Drie offertes.")
    page.get_by_role("button", name="Opslaan en verder").click()
    page.get_by_label("(Concept)overeenkomst of offerte").set_input_files(
        {"name": "offerte.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_role("button", name="Opslaan en controleren").click()
    expect(page.get_by_role("heading", name="Controleer uw gegevens")).to_be_visible()
    assert "offerte.pdf" in page.content()
    foto(page, "controleren")
    page.get_by_label("Ik verklaar").check()
    page.get_by_role("button", name="Indienen").click()
    expect(page.get_by_role("heading", name="Uw verzoek is ingediend")).to_be_visible()
    verzoek = Verzoek.objects.get(ingediend_door__email="riet@example.nl")
    assert verzoek.status == Status.INGEDIEND
    assert f"Kenmerk: {verzoek.kenmerk}" in page.content()
    assert "De provincie beslist uiterlijk op" in page.content()
    assert any("Ontvangstbevestiging" in m.subject for m in mail.outbox)
    page.get_by_role("link", name="Naar uw verzoek").click()

    # The province asks for more; received ten days ago, asked five days ago.
    services.aanvulling_vragen(
        user=behandelaar, verzoek=verzoek, ontbrekend=["De getekende offerte"],
        toelichting="", hersteltermijn_einde=timezone.localdate() + timedelta(days=14),
    )  # fmt: skip
    vandaag = timezone.localdate()
    Verzoek.objects.filter(pk=verzoek.pk).update(
        ontvangen_op=vandaag - timedelta(days=10)
    )
    Opschorting.objects.filter(verzoek=verzoek).update(van=vandaag - timedelta(days=5))
    page.reload()
    assert "De provincie vraagt om meer informatie" in page.content()
    assert "De getekende offerte" in page.content()
    page.get_by_label("Uw antwoord").fill("Hierbij de getekende offerte.")
    page.get_by_label("Document bij: De getekende offerte").set_input_files(
        {"name": "getekend.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_role("button", name="Aanvulling versturen").click()
    assert "Uw aanvulling is ontvangen" in page.content()
    assert "De termijn is 5 dagen opgeschort" in page.content()
    foto(page, "verzoek-desktop")

    # 320 px wide: no horizontal scrolling.
    page.set_viewport_size({"width": 320, "height": 800})
    assert geen_horizontale_scroll(page)
    foto(page, "verzoek-320")
    page.goto(f"/mijn/{verzoek.pk}/intrekken/")
    assert geen_horizontale_scroll(page)
    page.goto("/zelftest/vraag/handeling/")
    assert geen_horizontale_scroll(page)
    foto(page, "zelftest-320")
    page.set_viewport_size({"width": 1280, "height": 900})

    # Before deciding, the province asks for a view (Awb 4:7); the applicant gives it.
    verzoek.refresh_from_db()
    services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=verzoek)
    services.verzoek_kwalificeren(
        user=behandelaar, verzoek=verzoek, feiten=verzoek.feiten()
    )
    services.zienswijze_vragen(
        user=behandelaar, verzoek=verzoek, van="Jan Jansen",
        uiterlijk=timezone.localdate() + timedelta(days=14),
        toelichting="U lijkt aandeelhouder te zijn van de opdrachtnemer.",
    )  # fmt: skip
    page.goto(f"/mijn/{verzoek.pk}/")
    assert "De provincie vraagt om een zienswijze" in page.content()
    page.get_by_label("Uw zienswijze").fill("Die aandelen heb ik in 2025 verkocht.")
    page.get_by_role("button", name="Zienswijze versturen").click()
    assert "Uw zienswijze is ontvangen" in page.content()
    # The form is replaced by what was sent.
    assert "Die aandelen heb ik in 2025 verkocht." in page.content()
    assert page.get_by_role("button", name="Zienswijze versturen").count() == 0
    services.zienswijze_verwerken(
        user=behandelaar, verzoek=verzoek, samenvatting="Aandelen verkocht in 2025."
    )

    # The decision, downloaded from the case page.
    besluit_nemen(
        verzoek, behandelaar, beslisser,
        zienswijze_reactie="U verkocht de aandelen; er is geen belang meer.",
    )  # fmt: skip
    page.goto(f"/mijn/{verzoek.pk}/")
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Download het besluit")).click()
    assert download.value.suggested_filename == f"besluit-{verzoek.kenmerk}.pdf"
    with open(download.value.path(), "rb") as bestand:
        assert bestand.read(5) == b"%PDF-"


def test_inloggen_met_het_gedeelde_hulpmiddel(page, db):
    from tests.e2e.conftest import inloggen

    gebruiker = maak_gebruiker(Rol.AANVRAGER)
    inloggen(page, gebruiker.email)
    assert page.get_by_role("heading", name="Mijn verzoeken").is_visible()
    page.set_viewport_size({"width": 320, "height": 700})
    assert geen_horizontale_scroll(page)
    foto(page, "lijst-320")
