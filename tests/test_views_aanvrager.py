"""The applicant's pages through the test client: the HTTP contract."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ontheffing import services
from ontheffing.models import Bijlage, Gebruiker, Verzoek
from ontheffing.states import Status
from tests.factories import (
    PDF,
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


def stap(verzoek, naam):
    return reverse("aanvrager:stap", args=[verzoek.pk, naam])


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


def test_nieuw_formulier_is_de_eerste_stap_met_de_stappenlijst(ingelogd):
    html = ingelogd.get(url("nieuw")).content.decode()
    assert '<label for="id_naam">' in html
    assert "Opslaan als concept" in html
    assert "Stap 1 van 5: Over de ambtsdrager" in html
    assert 'aria-label="Stappen van het verzoek"' in html
    assert "Controleren en indienen" in html
    assert 'name="formulier_sleutel"' in html
    assert 'id="id_onderwerp"' not in html  # a later step
    assert "Jan Jansen" in html  # the account's name as a start


def test_nieuw_opslaan_maakt_concept_en_gaat_naar_de_volgende_stap(
    ingelogd, aanvrager, gemeente
):
    response = ingelogd.post(url("nieuw"), formulier(gemeente, actie="verder"))
    verzoek = Verzoek.objects.get(ingediend_door=aanvrager)
    assert response.status_code == 302
    assert response["Location"] == stap(verzoek, "handeling")
    assert verzoek.status == Status.CONCEPT
    assert verzoek.adres == "Dorpsstraat 1"
    assert verzoek.onderwerp == ""  # not this step's field
    assert verzoek.provincie == gemeente.provincie


def test_dezelfde_nieuwe_post_tweemaal_maakt_een_concept(ingelogd, aanvrager, gemeente):
    data = formulier(gemeente, formulier_sleutel="6f1c0d5e-8d4b-4a57-9a43-1d1c8b8e1a01")
    eerste = ingelogd.post(url("nieuw"), data)
    tweede = ingelogd.post(url("nieuw"), data)
    verzoek = Verzoek.objects.get(ingediend_door=aanvrager)
    assert eerste["Location"] == tweede["Location"] == stap(verzoek, "ambtsdrager")


def test_stappen_bewaren_elk_hun_eigen_velden(ingelogd, concept):
    ingelogd.post(
        stap(concept, "overeenkomst"),
        formulier(concept.gemeente, onderwerp="Dakgoot", naam="Iemand Anders"),
    )
    concept.refresh_from_db()
    assert concept.onderwerp == "Dakgoot"
    assert concept.naam != "Iemand Anders"  # step 1's field, not posted here
    response = ingelogd.post(
        stap(concept, "overeenkomst"), formulier(concept.gemeente, actie="vorige")
    )
    assert response["Location"] == stap(concept, "handeling")
    response = ingelogd.post(
        stap(concept, "documenten"), {"actie": "verder"}, follow=True
    )
    assert response.redirect_chain[-1][0] == url("controleren", concept)


def test_ongeldige_invoer_bewaart_de_rest_en_de_ruwe_tekst(ingelogd, concept):
    data = formulier(
        concept.gemeente,
        onderwerp="Nieuw onderwerp",
        waarde="twaalf",
        looptijd_van="31-02-2027",
        email="geen-adres",
    )
    response = ingelogd.post(stap(concept, "overeenkomst"), data)
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
    html = ingelogd.get(stap(concept, "overeenkomst")).content.decode()
    assert 'value="twaalf"' in html
    assert "Vul een bedrag in euro" in html
    ingelogd.post(url("bewerken", concept), data)
    html = ingelogd.get(url("bewerken", concept)).content.decode()
    assert "geen-adres" in html


def test_verbeterde_invoer_wist_de_bewaarde_ruwe_tekst(ingelogd, concept):
    pagina = stap(concept, "overeenkomst")
    ingelogd.post(pagina, formulier(concept.gemeente, waarde="x"))
    ingelogd.post(pagina, formulier(concept.gemeente, waarde="99,50"))
    html = ingelogd.get(pagina).content.decode()
    assert 'value="x"' not in html
    concept.refresh_from_db()
    assert str(concept.waarde) == "99.50"


def test_controleren_toont_alles_met_wijziglinks_en_wat_ontbreekt(
    ingelogd, aanvrager, gemeente
):
    ingelogd.post(url("nieuw"), {"naam": "Jan", "postcode": "6811aa"})
    verzoek = Verzoek.objects.get(ingediend_door=aanvrager)
    html = ingelogd.get(url("controleren", verzoek)).content.decode()
    assert "Controleer uw gegevens" in html
    assert "6811 AA" in html  # as it will be in the letter
    assert f'href="{stap(verzoek, "ambtsdrager")}#id_naam"' in html
    assert f'href="{stap(verzoek, "overeenkomst")}#id_onderwerp"' in html
    assert "Vul eerst het volgende aan" in html
    assert "Document: (concept)overeenkomst of offerte" in html  # missing
    response = ingelogd.post(url("indienen", verzoek), {"verklaring": "ja"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Het verzoek is nog niet ingediend" in html
    # The refused submission stored nothing (one transaction), but the page
    # keeps the declaration as it was ticked.
    assert 'value="ja" id="id_verklaring" checked' in html
    verzoek.refresh_from_db()
    assert verzoek.status == Status.CONCEPT
    assert not verzoek.verklaring


def test_indienen_zonder_verklaring_zegt_wat_te_doen(ingelogd, concept):
    response = ingelogd.post(url("indienen", concept), {})
    html = response.content.decode()
    assert "Kruis de verklaring aan om het verzoek in te dienen." in html
    assert "Vul dit in" not in html
    concept.refresh_from_db()
    assert concept.status == Status.CONCEPT


def test_meerdere_documenten_tegelijk_elk_met_soort(ingelogd, concept):
    response = ingelogd.post(
        stap(concept, "documenten"),
        {
            "soort_totstandkoming": [
                pdf_upload("offerte-a.pdf"),
                pdf_upload("offerte-b.pdf"),
            ],
            "soort_niet_betrokken": pdf_upload("verklaring.pdf"),
            "actie": "opslaan",
        },
    )
    assert response.status_code == 302
    soorten = sorted(
        concept.bijlagen.exclude(soort="overeenkomst").values_list(
            "bestandsnaam", "soort"
        )
    )
    assert soorten == [
        ("offerte-a.pdf", "totstandkoming"),
        ("offerte-b.pdf", "totstandkoming"),
        ("verklaring.pdf", "niet_betrokken"),
    ]
    html = ingelogd.get(stap(concept, "documenten")).content.decode()
    assert f"(Stukken over de totstandkoming, {len(PDF)} bytes)" in html
    assert reverse("aanvrager:voorbeeld", args=["niet_betrokken"]) in html


def test_indienen_geeft_kenmerk_pdf_kopie_en_mail_met_die_kopie(
    ingelogd, concept, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = ingelogd.post(
            url("indienen", concept), {"verklaring": "ja"}, follow=True
        )
    concept.refresh_from_db()
    assert concept.status == Status.INGEDIEND
    assert response.redirect_chain[-1][0] == url("ingediend", concept)
    html = response.content.decode()
    assert concept.kenmerk in html
    assert "De provincie beslist uiterlijk op" in html
    kopie = concept.bijlagen.get(soort="verzoek")
    assert kopie.bestandsnaam == f"verzoek-{concept.kenmerk}.pdf"
    assert reverse("bijlage", args=[concept.pk, kopie.pk]) in html
    with kopie.bestand.open("rb") as bestand:
        pdf = bestand.read()
    assert pdf.startswith(b"%PDF-")
    assert len(mail.outbox) == 1
    bericht = mail.outbox[0]
    assert concept.kenmerk in bericht.subject
    assert [(n, t) for n, _, t in bericht.attachments] == [
        (kopie.bestandsnaam, "application/pdf")
    ]
    assert bericht.attachments[0][1] == pdf  # the very document in the file
    pagina = ingelogd.get(url("verzoek", concept)).content.decode()
    assert "Download uw verzoek zoals ingediend" in pagina


def test_tweemaal_indienen_is_een_indiening(
    ingelogd, concept, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        eerste = ingelogd.post(url("indienen", concept), {"verklaring": "ja"})
        tweede = ingelogd.post(url("indienen", concept), {"verklaring": "ja"})
    assert eerste["Location"] == tweede["Location"] == url("ingediend", concept)
    assert concept.gebeurtenissen.filter(actie="indienen").count() == 1
    assert concept.bijlagen.filter(soort="verzoek").count() == 1
    assert len(mail.outbox) == 1


def test_indienen_na_inloggen_met_wachtwoord_legt_geen_digid_niveau_vast(
    client, aanvrager, concept, behandelaar
):
    client.post(
        reverse("login"),
        {"username": aanvrager.email, "password": "geheim-wachtwoord-123"},
    )
    assert client.session["_auth_user_id"] == str(aanvrager.pk)
    client.post(url("indienen", concept), {"verklaring": "ja"})

    assert concept.gebeurtenissen.get(actie="indienen").details == {}
    staf = Client()
    inloggen(staf, behandelaar)
    html = staf.get(reverse("provincie:verzoek", args=[concept.pk])).content.decode()
    assert concept.naam in html
    assert "Ingelogd met DigiD" not in html
    assert "Inloggen bij het indienen" not in html


def test_geweigerde_upload_zegt_waarom_en_bewaart_de_rest(ingelogd, concept):
    response = ingelogd.post(
        stap(concept, "documenten"),
        {
            "soort_overeenkomst": pdf_upload("virus.exe", b"MZ\x90\x00 binary"),
            "soort_anders": pdf_upload("brief.pdf"),
            "actie": "verder",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "virus.exe is niet toegevoegd" in html
    assert "wordt niet geaccepteerd" in html
    assert concept.bijlagen.filter(bestandsnaam="brief.pdf").count() == 1


def test_onbevestigd_emailadres_kan_niet_indienen(client, gemeente):
    gebruiker = maak_gebruiker()
    Gebruiker.objects.filter(pk=gebruiker.pk).update(email_bevestigd=False)
    gebruiker.refresh_from_db()
    verzoek = maak_concept(aanvrager=gebruiker, gemeente=gemeente)
    inloggen(client, gebruiker)
    response = client.post(url("indienen", verzoek), {"verklaring": "ja"}, follow=True)
    assert "Bevestig eerst uw e-mailadres" in response.content.decode()
    verzoek.refresh_from_db()
    assert verzoek.status == Status.CONCEPT


def test_ingediend_verzoek_niet_meer_bewerken(ingelogd, ingediend):
    response = ingelogd.post(url("bewerken", ingediend), formulier(ingediend.gemeente))
    assert response.status_code == 302
    assert response["Location"] == url("verzoek", ingediend)
    assert ingelogd.get(url("controleren", ingediend))["Location"] == url(
        "verzoek", ingediend
    )
    response = ingelogd.post(url("indienen", ingediend), follow=True)
    assert response.status_code == 200


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
    assert f'<option value="{gemeente.pk}" selected>' in html
    assert 'name="uit" value="zelftest"' in html
    # The answers of later steps come along when the first step is saved.
    ingelogd.post(
        url("nieuw"),
        {
            "naam": "Wim",
            "ambt": "wethouder",
            "gemeente": gemeente.pk,
            "uit": "zelftest",
        },
    )
    verzoek = Verzoek.objects.get(naam="Wim")
    assert verzoek.handeling == "levering_roerende_zaken"
    assert verzoek.om_niet is False
    html = ingelogd.get(stap(verzoek, "handeling")).content.decode()
    assert '<option value="levering_roerende_zaken" selected>' in html


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
    assert "Document bij: De offerte met datum" in html
    response = ingelogd.post(
        url("aanvullen", ingediend),
        {
            "antwoord": "Hierbij",
            "punt_0": [pdf_upload(), pdf_upload("bijlage.pdf")],
            "bestand": pdf_upload("los.pdf"),
        },
    )
    assert response.status_code == 302
    punten = dict(
        ingediend.bijlagen.filter(soort="aanvulling").values_list(
            "bestandsnaam", "punt"
        )
    )
    assert punten == {
        "offerte.pdf": "De offerte met datum",
        "bijlage.pdf": "De offerte met datum",
        "los.pdf": "",
    }
    # The same answer posted again (a double click) is the same answer.
    response = ingelogd.post(
        url("aanvullen", ingediend),
        {"antwoord": "Hierbij", "punt_0": [pdf_upload()]},
        follow=True,
    )
    assert "Uw aanvulling is ontvangen" in response.content.decode()
    assert ingediend.gebeurtenissen.filter(actie="aanvullen").count() == 1
    ingediend.refresh_from_db()
    assert ingediend.status == Status.INGEDIEND
    assert Bijlage.objects.filter(verzoek=ingediend, soort="aanvulling").count() == 3
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
    assert "Er is niets verstuurd" in html
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
        stap(concept, "overeenkomst"), formulier(concept.gemeente, waarde=waarde)
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
    from ontheffing.forms.aanvrager import STAP_VAN_VELD

    response = ingelogd.post(
        stap(concept, STAP_VAN_VELD[veld]),
        formulier(concept.gemeente, **{veld: waarde}),
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
