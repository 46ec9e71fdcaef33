"""Every use case of the applicant, asked twice in the same words (a double
click, a form posted again), does it once: one event, one document, one mail."""

import uuid
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from ontheffing import services
from ontheffing.models import Bericht, Verzoek
from ontheffing.states import Status
from tests.factories import maak_gebruiker, naar_toetsing, pdf_upload

pytestmark = pytest.mark.django_db


def test_een_formulier_maakt_een_concept(aanvrager, gemeente):
    sleutel = uuid.uuid4()
    eerste = services.concept_aanmaken(
        user=aanvrager, provincie=gemeente.provincie, formulier_sleutel=sleutel
    )
    tweede = services.concept_aanmaken(
        user=aanvrager, provincie=gemeente.provincie, formulier_sleutel=sleutel
    )
    assert eerste.pk == tweede.pk
    anders = services.concept_aanmaken(
        user=aanvrager, provincie=gemeente.provincie, formulier_sleutel=uuid.uuid4()
    )
    assert anders.pk != eerste.pk
    # Another applicant's form with the same key is another form.
    ander = services.concept_aanmaken(
        user=maak_gebruiker(), provincie=gemeente.provincie, formulier_sleutel=sleutel
    )
    assert ander.pk != eerste.pk


def test_tweemaal_indienen_een_kenmerk_een_kopie_een_bericht(concept):
    services.verzoek_indienen(user=concept.ingediend_door, verzoek=concept)
    kenmerk = concept.kenmerk
    # The second click still holds the concept as it was loaded.
    herhaald = services.verzoek_indienen(
        user=concept.ingediend_door, verzoek=maak_oud(concept)
    )
    assert herhaald.kenmerk == kenmerk
    assert herhaald.status == Status.INGEDIEND
    assert concept.gebeurtenissen.filter(actie="indienen").count() == 1
    assert concept.bijlagen.filter(soort="verzoek").count() == 1
    assert Bericht.objects.filter(soort="ontvangstbevestiging").count() == 1


def maak_oud(verzoek):
    """The case as a request loaded it before the other request submitted it."""
    oud = Verzoek.objects.get(pk=verzoek.pk)
    oud.__dict__["status"] = Status.CONCEPT
    return oud


def test_bewerken_na_indienen_met_dezelfde_velden_is_geen_fout(concept):
    velden = {"onderwerp": concept.onderwerp, "verklaring": True}
    services.verzoek_indienen(user=concept.ingediend_door, verzoek=concept)
    services.concept_bijwerken(
        user=concept.ingediend_door, verzoek=maak_oud(concept), velden=velden
    )
    with pytest.raises(services.NietNu):
        services.concept_bijwerken(
            user=concept.ingediend_door,
            verzoek=maak_oud(concept),
            velden={"onderwerp": "Iets anders"},
        )


def test_hetzelfde_document_tweemaal_is_een_document(concept):
    eerste = services.bijlage_toevoegen(
        user=concept.ingediend_door,
        verzoek=concept,
        bestand=pdf_upload("brief.pdf"),
        soort="anders",
    )
    tweede = services.bijlage_toevoegen(
        user=concept.ingediend_door,
        verzoek=concept,
        bestand=pdf_upload("brief.pdf"),
        soort="anders",
    )
    assert eerste.pk == tweede.pk
    derde = services.bijlage_toevoegen(
        user=concept.ingediend_door,
        verzoek=concept,
        bestand=pdf_upload("brief.pdf"),
        soort="totstandkoming",
    )
    assert derde.pk != eerste.pk


def test_de_kopie_kan_niet_worden_geupload(concept):
    with pytest.raises(services.NietNu):
        services.bijlage_toevoegen(
            user=concept.ingediend_door,
            verzoek=concept,
            bestand=pdf_upload(),
            soort="verzoek",
        )


def test_tweemaal_dezelfde_aanvulling_is_een_aanvulling(
    ingediend, behandelaar, django_capture_on_commit_callbacks
):
    services.aanvulling_vragen(
        user=behandelaar,
        verzoek=ingediend,
        ontbrekend=["De offerte"],
        toelichting="",
        hersteltermijn_einde=timezone.localdate() + timedelta(days=14),
    )
    aanvrager = ingediend.ingediend_door
    services.verzoek_aanvullen(
        user=aanvrager,
        verzoek=ingediend,
        antwoord="Hierbij.",
        bestanden=[(pdf_upload(), "De offerte")],
    )
    oud = Verzoek.objects.get(pk=ingediend.pk)
    oud.__dict__["status"] = Status.AANVULLING_GEVRAAGD
    services.verzoek_aanvullen(
        user=aanvrager,
        verzoek=oud,
        antwoord="Hierbij.",
        bestanden=[(pdf_upload(), "De offerte")],
    )
    assert ingediend.gebeurtenissen.filter(actie="aanvullen").count() == 1
    assert ingediend.bijlagen.filter(soort="aanvulling").count() == 1
    assert ingediend.bijlagen.get(soort="aanvulling").punt == "De offerte"
    # A different answer when nothing is asked is still refused.
    with pytest.raises(services.NietNu):
        services.verzoek_aanvullen(user=aanvrager, verzoek=oud, antwoord="Nog iets.")


def test_tweemaal_dezelfde_zienswijze_is_een_zienswijze(ingediend, behandelaar):
    naar_toetsing(ingediend, behandelaar)
    services.zienswijze_vragen(
        user=behandelaar,
        verzoek=ingediend,
        van="Jan Jansen",
        uiterlijk=timezone.localdate() + timedelta(days=14),
        toelichting="Over uw aandelen.",
    )
    aanvrager = ingediend.ingediend_door
    for _ in range(2):
        services.zienswijze_geven(user=aanvrager, verzoek=ingediend, tekst="Verkocht.")
    assert ingediend.gebeurtenissen.filter(actie="zienswijze_geven").count() == 1
    services.zienswijze_geven(user=aanvrager, verzoek=ingediend, tekst="Nog iets.")
    assert ingediend.gebeurtenissen.filter(actie="zienswijze_geven").count() == 2


def test_tweemaal_intrekken_is_een_intrekking(
    ingediend, django_capture_on_commit_callbacks
):
    aanvrager = ingediend.ingediend_door
    with django_capture_on_commit_callbacks(execute=True):
        services.verzoek_intrekken(user=aanvrager, verzoek=ingediend, reden="Weg.")
        oud = Verzoek.objects.get(pk=ingediend.pk)
        oud.__dict__["status"] = Status.INGEDIEND
        services.verzoek_intrekken(user=aanvrager, verzoek=oud, reden="Weg.")
    assert ingediend.gebeurtenissen.filter(actie="intrekken").count() == 1
    assert sum("ingetrokken" in m.subject for m in mail.outbox) == 1


def test_een_ander_kan_niet_meeliften_op_een_herhaling(ingediend):
    """Idempotence is for the one who did it: anyone else is refused as before."""
    ander = maak_gebruiker()
    with pytest.raises(services.Weigering):
        services.verzoek_indienen(user=ander, verzoek=maak_oud(ingediend))


def test_een_gelijktijdige_registratie_van_hetzelfde_adres_is_een_herhaling(
    monkeypatch,
):
    """Two registrations at the same moment (a double click without JavaScript):
    the second finds no account, then loses the race on the unique address. It
    is answered as the repeat it is: one account, one confirmation mail, no 500.
    The other request's insert is played by creating the account just before
    this one's."""
    from ontheffing.models import Gebruiker

    gegevens = {
        "email": "gelijktijdig@example.nl",
        "wachtwoord": "een-lang-wachtwoord-2026",
        "naam": "A. Jansen",
    }
    origineel = Gebruiker.objects.create_user
    eerste = []

    def ander_verzoek_was_eerder(**velden):
        if not eerste:
            eerste.append(True)
            services.account_registreren(**gegevens)
        return origineel(**velden)

    monkeypatch.setattr(Gebruiker.objects, "create_user", ander_verzoek_was_eerder)
    services.account_registreren(**gegevens)

    assert Gebruiker.objects.filter(email=gegevens["email"]).count() == 1
    assert Bericht.objects.filter(soort="email_bevestigen").count() == 1
