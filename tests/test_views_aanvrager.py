"""The applicant's pages through the test client: the HTTP contract."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from ontheffing import services
from ontheffing.models import Bijlage, Gebruiker, Verzoek
from ontheffing.states import Status
from tests.factories import (
    besluit_nemen,
    formulier,
    inloggen,
    maak_concept,
    maak_gebruiker,
    pdf_upload,
)

pytestmark = pytest.mark.django_db


def url(naam, verzoek=None):
    return reverse(f"aanvrager:{naam}", args=[verzoek.pk] if verzoek else [])


@pytest.fixture
def ingelogd(client, aanvrager):
    inloggen(client, aanvrager)
    return client


def aanvulling(verzoek, behandelaar, dagen=14):
    return services.aanvulling_vragen(
        user=behandelaar,
        verzoek=verzoek,
        ontbrekend=["De offerte met datum"],
        toelichting="Stuur de getekende offerte.",
        hersteltermijn_einde=timezone.localdate() + timedelta(days=dagen),
    )


# ------------------------------------------------------------- access


@pytest.mark.parametrize("naam", ["lijst", "nieuw"])
def test_anoniem_gaat_naar_inloggen(client, naam):
    response = client.get(url(naam))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("naam", ["verzoek", "bewerken", "intrekken"])
def test_anoniem_op_verzoekpagina_gaat_naar_inloggen(client, concept, naam):
    response = client.get(url(naam, concept))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    ("naam", "methode"),
    [
        ("verzoek", "get"),
        ("bewerken", "get"),
        ("bewerken", "post"),
        ("indienen", "post"),
        ("aanvullen", "post"),
        ("intrekken", "get"),
        ("intrekken", "post"),
    ],
)
def test_verzoek_van_een_ander_geeft_404(
    client, ingediend, andere_aanvrager, naam, methode
):
    inloggen(client, andere_aanvrager)
    response = getattr(client, methode)(url(naam, ingediend))
    assert response.status_code == 404


def test_medewerker_krijgt_403(client, behandelaar, ingediend):
    inloggen(client, behandelaar)
    assert client.get(url("lijst")).status_code == 403
    assert client.get(url("verzoek", ingediend)).status_code == 403


def test_wijzigingen_alleen_met_post(ingelogd, ingediend):
    assert ingelogd.get(url("indienen", ingediend)).status_code == 405
    assert ingelogd.get(url("aanvullen", ingediend)).status_code == 405


# ---------------------------------------------------------------- list


def test_lijst_toont_kenmerk_status_en_termijn(ingelogd, ingediend):
    html = ingelogd.get(url("lijst")).content.decode()
    assert ingediend.kenmerk in html
    assert "Ontvangen, wordt gecontroleerd op volledigheid" in html
    assert "Besluit uiterlijk" in html


def test_lijst_toont_geen_verzoeken_van_anderen(ingelogd, andere_aanvrager, gemeente):
    maak_concept(aanvrager=andere_aanvrager, gemeente=gemeente, onderwerp="Geheim")
    assert "Geheim" not in ingelogd.get(url("lijst")).content.decode()


# ------------------------------------------------------- request form


def test_nieuw_formulier_heeft_labels_en_secties(ingelogd):
    html = ingelogd.get(url("nieuw")).content.decode()
    assert '<label for="id_naam">' in html
    assert "Opslaan als concept" in html
    assert "Indienen" in html
    assert "Jan Jansen" in html  # the account's name as a start


def test_nieuw_opslaan_maakt_concept(ingelogd, aanvrager, gemeente):
    response = ingelogd.post(url("nieuw"), formulier(gemeente))
    verzoek = Verzoek.objects.get(ingediend_door=aanvrager)
    assert response.status_code == 302
    assert response["Location"] == url("bewerken", verzoek)
    assert verzoek.status == Status.CONCEPT
    assert verzoek.onderwerp == "Schilderwerk"
    assert str(verzoek.waarde) == "12500.00"
    assert verzoek.provincie == gemeente.provincie


def test_ongeldige_invoer_bewaart_de_rest_en_de_ruwe_tekst(ingelogd, concept):
    data = formulier(
        concept.gemeente,
        onderwerp="Nieuw onderwerp",
        waarde="twaalf",
        looptijd_van="31-02-2027",
        email="geen-adres",
    )
    response = ingelogd.post(url("bewerken", concept), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="foutoverzicht"' in html
    assert 'href="#id_waarde"' in html
    assert 'href="#id_looptijd_van"' in html
    assert 'aria-invalid="true"' in html
    concept.refresh_from_db()
    assert concept.onderwerp == "Nieuw onderwerp"  # valid fields are saved
    assert str(concept.waarde) == "12500.00"  # the invalid one keeps its old value
    # Coming back later: what was typed is still there, with its error.
    html = ingelogd.get(url("bewerken", concept)).content.decode()
    assert 'value="twaalf"' in html
    assert "geen-adres" in html
    assert "Vul een bedrag in euro" in html


def test_verbeterde_invoer_wist_de_bewaarde_ruwe_tekst(ingelogd, concept):
    ingelogd.post(url("bewerken", concept), formulier(concept.gemeente, waarde="x"))
    ingelogd.post(url("bewerken", concept), formulier(concept.gemeente, waarde="99,50"))
    html = ingelogd.get(url("bewerken", concept)).content.decode()
    assert 'value="x"' not in html
    concept.refresh_from_db()
    assert str(concept.waarde) == "99.50"


def test_indienen_van_onvolledig_verzoek_toont_alle_fouten(
    ingelogd, aanvrager, gemeente
):
    response = ingelogd.post(
        url("nieuw"), {"naam": "Jan", "actie": "indienen", "waarde": "abc"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Het verzoek is nog niet ingediend" in html
    for anker in (
        "id_adres",
        "id_ambt",
        "id_handeling",
        "id_onderwerp",
        "id_gemeente",
        "id_verklaring",
        "id_bestand",
        "id_waarde",
    ):
        assert f'href="#{anker}"' in html, anker
    verzoek = Verzoek.objects.get(ingediend_door=aanvrager)
    assert verzoek.status == Status.CONCEPT
    assert verzoek.naam == "Jan"


def test_indienen_met_upload_geeft_kenmerk_en_mail(
    ingelogd, aanvrager, gemeente, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ingelogd.post(url("nieuw"), formulier(gemeente))
        verzoek = Verzoek.objects.get(ingediend_door=aanvrager)
        data = formulier(
            gemeente,
            actie="indienen",
            bestand_soort="overeenkomst",
            bestand=pdf_upload(),
        )
        response = ingelogd.post(url("bewerken", verzoek), data, follow=True)
    verzoek.refresh_from_db()
    assert verzoek.status == Status.INGEDIEND
    html = response.content.decode()
    assert verzoek.kenmerk in html
    assert "Ontvangen op" in html
    assert "De provincie beslist uiterlijk op" in html
    assert len(mail.outbox) == 1
    assert verzoek.kenmerk in mail.outbox[0].subject


def test_geweigerde_upload_zegt_waarom_en_bewaart_de_rest(ingelogd, concept):
    data = formulier(
        concept.gemeente,
        onderwerp="Anders",
        bestand_soort="overeenkomst",
        bestand=pdf_upload("virus.exe", b"MZ\x90\x00 binary"),
    )
    response = ingelogd.post(url("bewerken", concept), data)
    assert response.status_code == 200
    assert "wordt niet geaccepteerd" in response.content.decode()
    concept.refresh_from_db()
    assert concept.onderwerp == "Anders"
    assert concept.bijlagen.count() == 1


def test_upload_zonder_soort_vraagt_de_soort(ingelogd, concept):
    data = formulier(concept.gemeente, bestand=pdf_upload())
    response = ingelogd.post(url("bewerken", concept), data)
    assert "Kies wat voor document het is" in response.content.decode()


def test_onbevestigd_emailadres_kan_niet_indienen(client, gemeente):
    gebruiker = maak_gebruiker()
    Gebruiker.objects.filter(pk=gebruiker.pk).update(email_bevestigd=False)
    gebruiker.refresh_from_db()
    verzoek = maak_concept(aanvrager=gebruiker, gemeente=gemeente)
    inloggen(client, gebruiker)
    response = client.post(url("indienen", verzoek), follow=True)
    assert "Bevestig eerst uw e-mailadres" in response.content.decode()
    verzoek.refresh_from_db()
    assert verzoek.status == Status.CONCEPT


def test_indienen_endpoint(ingelogd, concept):
    response = ingelogd.post(url("indienen", concept))
    concept.refresh_from_db()
    assert concept.status == Status.INGEDIEND
    assert response["Location"] == url("verzoek", concept)


def test_ingediend_verzoek_niet_meer_bewerken(ingelogd, ingediend):
    response = ingelogd.post(url("bewerken", ingediend), formulier(ingediend.gemeente))
    assert response.status_code == 302
    assert response["Location"] == url("verzoek", ingediend)
    assert ingelogd.post(url("indienen", ingediend), follow=True).status_code == 200


def test_nieuw_uit_zelftest_neemt_antwoorden_over(ingelogd, gemeente):
    sessie = ingelogd.session
    sessie["zelftest"] = {
        "ambt": "wethouder",
        "ambtsstatus": "in_functie",
        "gemeente": str(gemeente.pk),
        "handeling": "levering_roerende_zaken",
        "wederpartij": "eigen_lichaam",
        "relatie": "rechtstreeks",
        "om_niet": "nee",
        "aangegaan": "nog_niet",
    }
    sessie.save()
    html = ingelogd.get(url("nieuw") + "?uit=zelftest").content.decode()
    assert '<option value="wethouder" selected>' in html
    assert '<option value="levering_roerende_zaken" selected>' in html
    assert f'<option value="{gemeente.pk}" selected>' in html


# ----------------------------------------------------------- case page


def test_verzoekpagina_toont_stappen_termijn_en_historie(
    ingelogd, ingediend, behandelaar
):
    services.notitie_toevoegen(
        user=behandelaar,
        verzoek=ingediend,
        tekst="Interne notitie: bellen met griffie",
    )
    html = ingelogd.get(url("verzoek", ingediend)).content.decode()
    assert 'aria-current="step"' in html
    assert "De beslistermijn eindigt dus op" in html
    assert "Verzoek ingediend" in html
    assert "Interne notitie" not in html
    assert "Verzoek intrekken" in html


def test_aanvulling_beantwoorden_met_upload(ingelogd, ingediend, behandelaar):
    aanvulling(ingediend, behandelaar)
    html = ingelogd.get(url("verzoek", ingediend)).content.decode()
    assert "De provincie vraagt om meer informatie" in html
    assert "De offerte met datum" in html
    response = ingelogd.post(
        url("aanvullen", ingediend), {"antwoord": "Hierbij", "bestand": pdf_upload()}
    )
    assert response.status_code == 302
    ingediend.refresh_from_db()
    assert ingediend.status == Status.INGEDIEND
    assert Bijlage.objects.filter(verzoek=ingediend, soort="aanvulling").count() == 1
    html = ingelogd.get(url("verzoek", ingediend)).content.decode()
    # The suspension has ended: its days are in the build-up, the question is gone.
    assert "opgeschort, van" in html
    assert "(artikel 4:15 Awb)" in html
    assert "De provincie vraagt om meer informatie" not in html


def test_lege_aanvulling_geeft_foutmelding(ingelogd, ingediend, behandelaar):
    aanvulling(ingediend, behandelaar)
    response = ingelogd.post(url("aanvullen", ingediend), {"antwoord": "  "})
    assert response.status_code == 200
    assert "Geef een antwoord of voeg een document toe" in response.content.decode()
    ingediend.refresh_from_db()
    assert ingediend.status == Status.AANVULLING_GEVRAAGD


def test_aanvulling_met_ongeldig_bestand_verliest_het_antwoord_niet(
    ingelogd, ingediend, behandelaar
):
    aanvulling(ingediend, behandelaar)
    response = ingelogd.post(
        url("aanvullen", ingediend),
        {"antwoord": "Mijn uitleg", "bestand": pdf_upload("a.zip", b"PK\x03\x04xx")},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Mijn uitleg" in html
    assert "niet toegevoegd" in html
    ingediend.refresh_from_db()
    assert ingediend.status == Status.AANVULLING_GEVRAAGD


def test_aanvullen_zonder_open_vraag_geeft_melding(ingelogd, ingediend):
    response = ingelogd.post(
        url("aanvullen", ingediend), {"antwoord": "x"}, follow=True
    )
    assert "Er staat geen vraag om aanvulling open" in response.content.decode()


def test_intrekken_vraagt_bevestiging_en_trekt_in(
    ingelogd, ingediend, django_capture_on_commit_callbacks
):
    html = ingelogd.get(url("intrekken", ingediend)).content.decode()
    assert "Wat betekent intrekken?" in html
    ingediend.refresh_from_db()
    assert ingediend.status == Status.INGEDIEND
    with django_capture_on_commit_callbacks(execute=True):
        response = ingelogd.post(
            url("intrekken", ingediend), {"reden": "Niet meer nodig"}
        )
    ingediend.refresh_from_db()
    assert ingediend.status == Status.INGETROKKEN
    assert response["Location"] == url("verzoek", ingediend)
    assert any("ingetrokken" in m.subject for m in mail.outbox)


def test_intrekken_in_verkeerde_stap_geeft_melding(ingelogd, concept):
    response = ingelogd.post(url("intrekken", concept), follow=True)
    assert "kan niet (meer) worden ingetrokken" in response.content.decode()
    concept.refresh_from_db()
    assert concept.status == Status.CONCEPT


def test_besluit_downloaden_zodra_genomen(ingelogd, ingediend, behandelaar, beslisser):
    besluit = besluit_nemen(ingediend, behandelaar, beslisser)
    html = ingelogd.get(url("verzoek", ingediend)).content.decode()
    link = reverse("besluit", args=[ingediend.pk, besluit.pk])
    assert link in html
    response = ingelogd.get(link)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


@pytest.mark.parametrize("waarde", ["NaN", "Infinity", "-5", "1e400", "12,34,56", "🙂"])
def test_vreemde_bedragen_geven_een_nette_fout(ingelogd, concept, waarde):
    response = ingelogd.post(
        url("bewerken", concept), formulier(concept.gemeente, waarde=waarde)
    )
    assert response.status_code == 200
    assert 'href="#id_waarde"' in response.content.decode()
    concept.refresh_from_db()
    assert str(concept.waarde) == "12500.00"


@pytest.mark.parametrize(
    ("veld", "waarde"),
    [
        ("gemeente", "999999"),
        ("gemeente", "abc"),
        ("ambt", "koning"),
        ("looptijd_van", "2027-13-45"),
        ("handeling", "x" * 5000),
        ("onderhands", "misschien"),
    ],
)
def test_onzin_invoer_geeft_geen_500(ingelogd, concept, veld, waarde):
    response = ingelogd.post(
        url("bewerken", concept), formulier(concept.gemeente, **{veld: waarde})
    )
    assert response.status_code == 200
    assert 'class="foutoverzicht"' in response.content.decode()


def test_concept_van_een_ander_als_ambtsdrager_niet_bewerken(client, concept, gemeente):
    griffier = maak_gebruiker()
    namens = maak_concept(aanvrager=griffier, gemeente=gemeente, namens=True)
    Verzoek.objects.filter(pk=namens.pk).update(ambtsdrager=concept.ingediend_door)
    inloggen(client, concept.ingediend_door)
    response = client.get(url("bewerken", namens), follow=True)
    assert "Alleen wie het verzoek invult" in response.content.decode()
