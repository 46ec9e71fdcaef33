"""Requests by post or e-mail, corrections of the facts, and the way back from
the assessment: the use cases with the database."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ontheffing import kwalificatie as kw
from ontheffing import permissions, services, termijnen
from ontheffing.brieven import inhoud
from ontheffing.models import Besluit, Gebeurtenis, Poststuk, Verzoek
from ontheffing.states import Actie, Rol, Status, Uitkomst
from tests.factories import (
    beoordeel_alles,
    inloggen,
    maak_gebruiker,
    maak_gemeente,
    maak_provincie,
    naar_besluitvorming,
    naar_toetsing,
    papier_velden,
    pdf_upload,
    vandaag,
    vraag_offerte,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def behandelaar():
    return maak_gebruiker(Rol.BEHANDELAAR, maak_provincie())


def registreer(behandelaar, **extra):
    args = dict(
        user=behandelaar,
        ontvangen_op=vandaag() - timedelta(days=3),
        ontvangen_via="post",
        berichten_per="post",
        velden=papier_velden(maak_gemeente(behandelaar.provincie)),
        documenten=[("overeenkomst", pdf_upload("scan.pdf"))],
    )
    args.update(extra)
    return services.papieren_verzoek_registreren(**args)


# ------------------------------------------------------------ intake


def test_a_paper_request_is_submitted_with_its_real_date_of_receipt(behandelaar):
    ontvangen = vandaag() - timedelta(days=5)
    verzoek = registreer(behandelaar, ontvangen_op=ontvangen)

    assert verzoek.status == Status.INGEDIEND
    assert verzoek.ontvangen_op == ontvangen
    assert verzoek.kenmerk.startswith(f"{vandaag().year}-PV25-")
    assert verzoek.provincie == behandelaar.provincie
    assert verzoek.ambtsdrager is None  # no applicant account
    assert verzoek.geregistreerd
    assert verzoek.per_post
    # The decision term runs from the receipt, not from the registration.
    vanaf_ontvangst = termijnen.beslistermijn_opbouw(
        ontvangen, [], None, peildatum=vandaag()
    ).einde
    vanaf_registratie = termijnen.beslistermijn_opbouw(
        vandaag(), [], None, peildatum=vandaag()
    ).einde
    assert verzoek.beslistermijn == vanaf_ontvangst
    assert verzoek.beslistermijn != vanaf_registratie
    assert verzoek.bijlagen.get().geupload_door == behandelaar
    # Who typed the facts prepared the decision: four eyes.
    assert behandelaar.pk in verzoek.voorbereiders
    gebeurtenis = Gebeurtenis.objects.get(verzoek=verzoek, actie=Actie.REGISTREREN)
    assert gebeurtenis.actor == behandelaar
    assert gebeurtenis.details["ontvangen_op"] == ontvangen.isoformat()
    assert gebeurtenis.details["documenten"] == ["scan.pdf"]


def test_a_receipt_date_in_the_future_is_refused_and_nothing_is_stored(behandelaar):
    with pytest.raises(services.NietNu, match="in de toekomst"):
        registreer(behandelaar, ontvangen_op=vandaag() + timedelta(days=1))
    assert not Verzoek.objects.exists()


def test_a_receipt_before_the_date_of_the_letter_is_refused(behandelaar):
    with pytest.raises(services.NietNu, match="vóór de datum van de brief"):
        registreer(
            behandelaar,
            ontvangen_op=vandaag() - timedelta(days=5),
            gedagtekend_op=vandaag() - timedelta(days=2),
        )
    assert not Verzoek.objects.exists()


def test_a_receipt_long_ago_needs_an_explanation(behandelaar):
    lang_geleden = vandaag() - timedelta(days=30)
    with pytest.raises(services.NietNu, match="meer dan twee weken terug"):
        registreer(behandelaar, ontvangen_op=lang_geleden)
    verzoek = registreer(
        behandelaar,
        ontvangen_op=lang_geleden,
        toelichting_ontvangst="Lag bij de afdeling financiën.",
    )
    assert verzoek.ontvangen_op == lang_geleden
    gebeurtenis = verzoek.gebeurtenissen.get(actie=Actie.REGISTREREN)
    assert gebeurtenis.reden == "Lag bij de afdeling financiën."


def test_the_chosen_channel_needs_its_address(behandelaar):
    gemeente = maak_gemeente(behandelaar.provincie)
    with pytest.raises(services.NietNu, match="e-mailadres"):
        registreer(
            behandelaar, berichten_per="email", velden=papier_velden(gemeente, email="")
        )
    with pytest.raises(services.NietNu, match="postadres"):
        registreer(behandelaar, velden=papier_velden(gemeente, adres=""))
    assert not Verzoek.objects.exists()


def test_a_refused_scan_stores_nothing(behandelaar):
    html = SimpleUploadedFile("brief.pdf", b"<html><script>x</script></html>")
    with pytest.raises(services.NietNu, match="brief.pdf"):
        registreer(behandelaar, documenten=[("overeenkomst", html)])
    assert not Verzoek.objects.exists()


@pytest.mark.parametrize("rol", [Rol.BESLISSER, Rol.BEHEERDER, Rol.AANVRAGER])
def test_only_a_behandelaar_registers(rol):
    provincie = maak_provincie()
    gebruiker = maak_gebruiker(rol, provincie if rol != Rol.AANVRAGER else None)
    with pytest.raises(services.GeenToegang):
        registreer(gebruiker)


def test_by_post_the_acknowledgement_waits_to_be_posted_and_no_mail_goes(
    behandelaar, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        verzoek = registreer(behandelaar)
    assert mail.outbox == []
    poststuk = Poststuk.objects.get(verzoek=verzoek)
    assert poststuk.soort == "ontvangstbevestiging"
    assert poststuk.gepost_op is None
    assert poststuk.adres == ["Jan Jansen", "Dorpsstraat 1", "6811 AA  Arnhem"]
    assert "http" not in poststuk.tekst  # no portal link for an applicant without one
    assert verzoek.kenmerk in poststuk.tekst


def test_by_email_the_applicant_gets_mail_without_a_portal_link(
    behandelaar, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        verzoek = registreer(behandelaar, ontvangen_via="email", berichten_per="email")
    assert not Poststuk.objects.exists()
    (bericht,) = mail.outbox
    assert bericht.to == ["jan.jansen@example.nl"]
    assert behandelaar.email not in bericht.to
    assert "/mijn/" not in bericht.body
    assert verzoek.ontvangen_op.strftime("%Y") in bericht.body


# ------------------------------------------------- the decision by post


def beslis(verzoek, behandelaar):
    beslisser = maak_gebruiker(Rol.BESLISSER, verzoek.provincie)
    naar_toetsing(verzoek, behandelaar)
    beoordeel_alles(verzoek, behandelaar)
    services.besluit_voorstellen(
        user=behandelaar,
        verzoek=verzoek,
        uitkomst=Uitkomst.VERLEEND,
        motivering="Voldoet.",
        voorschriften=["Alleen deze opdracht."],
    )
    services.besluit_vaststellen(user=beslisser, verzoek=verzoek)
    return Besluit.objects.get(verzoek=verzoek, soort="verleend")


def test_a_decision_by_post_is_not_sent_until_its_posting_is_recorded(
    behandelaar, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        verzoek = registreer(behandelaar)
        besluit = beslis(verzoek, behandelaar)
    # Nothing by e-mail to the applicant; only the beslisser heard of the proposal.
    assert [b.subject for b in mail.outbox] == [
        f"Voorstel wacht op uw besluit ({verzoek.kenmerk})"
    ]
    assert all(verzoek.email not in b.to for b in mail.outbox)
    poststuk = Poststuk.objects.get(besluit=besluit)
    assert poststuk.bekendmaking
    assert besluit.verzonden_op is None
    assert besluit.bezwaartermijn_einde is None

    with pytest.raises(services.NietNu, match="toekomst"):
        services.post_verzonden(
            user=behandelaar,
            verzoek=verzoek,
            poststuk=poststuk,
            op=vandaag() + timedelta(days=1),
        )
    services.post_verzonden(
        user=behandelaar, verzoek=verzoek, poststuk=poststuk, op=vandaag()
    )

    besluit = Besluit.objects.get(pk=besluit.pk)
    assert besluit.verzonden_op == vandaag()
    assert besluit.bezwaartermijn_einde is not None
    assert besluit.verzendwijze == "per post"
    gebeurtenis = verzoek.gebeurtenissen.get(actie=Actie.POST_VERZONDEN)
    assert gebeurtenis.details["brief"] == besluit.bestandsnaam
    with pytest.raises(services.NietNu, match="al verzonden"):
        services.post_verzonden(
            user=behandelaar, verzoek=verzoek, poststuk=poststuk, op=vandaag()
        )


def test_posting_is_recorded_only_by_staff_of_the_province(behandelaar):
    verzoek = registreer(behandelaar)
    poststuk = verzoek.poststukken.get()
    ander = maak_gebruiker(Rol.BEHANDELAAR, maak_provincie("PV26", "Utrecht"))
    with pytest.raises(services.GeenToegang):
        services.post_verzonden(
            user=ander, verzoek=verzoek, poststuk=poststuk, op=vandaag()
        )
    assert Poststuk.objects.get(pk=poststuk.pk).gepost_op is None


def test_the_applicant_of_a_paper_request_answers_through_the_behandelaar(
    behandelaar,
):
    verzoek = registreer(behandelaar)
    vraag_offerte(verzoek, behandelaar)
    assert verzoek.poststukken.filter(soort="aanvulling_gevraagd").exists()
    opschorting = verzoek.lopende_opschorting
    with pytest.raises(services.NietNu, match="toekomst"):
        services.aanvulling_registreren(
            user=behandelaar,
            verzoek=verzoek,
            ontvangen_op=vandaag() + timedelta(days=1),
            antwoord="Offerte bijgevoegd.",
        )
    services.aanvulling_registreren(
        user=behandelaar,
        verzoek=verzoek,
        ontvangen_op=vandaag(),
        antwoord="Nieuwe offerte: het bedrag is lager.",
        documenten=[("aanvulling", pdf_upload("offerte-2.pdf"))],
        wijzigingen={"waarde": Decimal("11000.00")},
    )
    verzoek.refresh_from_db()
    opschorting.refresh_from_db()
    assert verzoek.status == Status.INGEDIEND
    assert opschorting.tot == vandaag()
    assert verzoek.waarde == Decimal("11000.00")
    assert verzoek.oorspronkelijke_feiten == {"waarde": "12500.00"}
    assert verzoek.bijlagen.filter(soort="aanvulling", opschorting=opschorting).exists()


def test_a_portal_applicant_answers_themselves():
    from tests.factories import maak_ingediend

    verzoek = maak_ingediend()
    behandelaar = maak_gebruiker(Rol.BEHANDELAAR, verzoek.provincie)
    vraag_offerte(verzoek, behandelaar)
    assert not permissions.mag(behandelaar, "aanvullen", verzoek)
    with pytest.raises(services.GeenToegang):
        services.aanvulling_registreren(
            user=behandelaar, verzoek=verzoek, ontvangen_op=vandaag(), antwoord="x"
        )


# ------------------------------------------------------------ corrections


def test_a_correction_needs_a_reason_and_changes_nothing_without_one(behandelaar):
    verzoek = registreer(behandelaar)
    with pytest.raises(services.NietNu, match="reden"):
        services.feiten_corrigeren(
            user=behandelaar,
            verzoek=verzoek,
            wijzigingen={"onderwerp": "Binnenschilderwerk"},
            reden="  ",
        )
    verzoek.refresh_from_db()
    assert verzoek.onderwerp == "Schilderwerk gemeentehuis"
    assert verzoek.oorspronkelijke_feiten == {}
    assert not verzoek.gebeurtenissen.filter(actie=Actie.FEITEN_CORRIGEREN).exists()


def test_a_correction_keeps_the_original_and_the_letter_uses_the_new_facts(
    behandelaar,
):
    verzoek = registreer(behandelaar)
    naar_toetsing(verzoek, behandelaar)
    services.feiten_corrigeren(
        user=behandelaar,
        verzoek=verzoek,
        wijzigingen={
            "onderwerp": "Binnenschilderwerk gemeentehuis",
            "waarde": Decimal("9800.00"),
            "wederpartij_naam": "Gemeente Arnhem",  # unchanged: not recorded
        },
        reden="Volgens de offerte bij de brief.",
    )
    verzoek.refresh_from_db()
    assert verzoek.onderwerp == "Binnenschilderwerk gemeentehuis"
    assert verzoek.oorspronkelijke_feiten == {
        "onderwerp": "Schilderwerk gemeentehuis",
        "waarde": "12500.00",
    }
    gebeurtenis = verzoek.gebeurtenissen.get(actie=Actie.FEITEN_CORRIGEREN)
    assert gebeurtenis.reden == "Volgens de offerte bij de brief."
    assert behandelaar.pk in verzoek.voorbereiders
    assert not gebeurtenis.intern
    assert gebeurtenis.details["wijzigingen"]["waarde"] == {
        "van": "12500.00",
        "naar": "9800.00",
    }
    # A second correction keeps the applicant's value, not the first correction.
    services.feiten_corrigeren(
        user=behandelaar,
        verzoek=verzoek,
        wijzigingen={"onderwerp": "Binnenschilderwerk raadzaal"},
        reden="Telefonisch bevestigd.",
    )
    verzoek.refresh_from_db()
    assert verzoek.oorspronkelijke_feiten["onderwerp"] == "Schilderwerk gemeentehuis"

    beoordeel_alles(verzoek, behandelaar)
    services.besluit_voorstellen(
        user=behandelaar,
        verzoek=verzoek,
        uitkomst=Uitkomst.VERLEEND,
        motivering="Voldoet.",
        voorschriften=[],
    )
    html = inhoud.concept(verzoek)
    assert "Binnenschilderwerk raadzaal" in html
    assert "9.800" in html
    assert "Schilderwerk gemeentehuis" not in html


def test_a_correction_without_changes_or_of_other_facts_is_refused(behandelaar):
    verzoek = registreer(behandelaar)
    with pytest.raises(services.NietNu, match="geen gegevens gewijzigd"):
        services.feiten_corrigeren(
            user=behandelaar,
            verzoek=verzoek,
            wijzigingen={"onderwerp": verzoek.onderwerp},
            reden="Niets.",
        )
    with pytest.raises(services.NietNu, match="niet worden gecorrigeerd"):
        services.feiten_corrigeren(
            user=behandelaar,
            verzoek=verzoek,
            wijzigingen={"naam": "Iemand anders"},
            reden="Niet hier.",
        )


def test_no_correction_while_the_beslisser_has_the_proposal(behandelaar):
    verzoek = registreer(behandelaar)
    naar_besluitvorming(verzoek, behandelaar)
    toestemming = permissions.mag(behandelaar, "feiten_corrigeren", verzoek)
    assert not toestemming
    assert toestemming.voor_u
    with pytest.raises(services.NietNu, match="beslisser"):
        services.feiten_corrigeren(
            user=behandelaar,
            verzoek=verzoek,
            wijzigingen={"onderwerp": "Anders"},
            reden="Te laat.",
        )


def test_a_beslisser_does_not_correct(behandelaar):
    verzoek = registreer(behandelaar)
    beslisser = maak_gebruiker(Rol.BESLISSER, verzoek.provincie)
    with pytest.raises(services.GeenToegang):
        services.feiten_corrigeren(
            user=beslisser,
            verzoek=verzoek,
            wijzigingen={"onderwerp": "Anders"},
            reden="Mag niet.",
        )


# ------------------------------------------------------------ the way back


def test_back_from_toetsing_to_kwalificatie_needs_a_reason(behandelaar):
    verzoek = registreer(behandelaar)
    naar_toetsing(verzoek, behandelaar)
    with pytest.raises(services.NietNu, match="reden"):
        services.terug_naar_kwalificatie(user=behandelaar, verzoek=verzoek, reden="")
    assert Verzoek.objects.get(pk=verzoek.pk).status == Status.TOETSING

    services.terug_naar_kwalificatie(
        user=behandelaar, verzoek=verzoek, reden="De offerte noemt een andere partij."
    )
    assert Verzoek.objects.get(pk=verzoek.pk).status == Status.KWALIFICATIE
    gebeurtenis = verzoek.gebeurtenissen.get(actie=Actie.TERUG_NAAR_KWALIFICATIE)
    assert (gebeurtenis.van_status, gebeurtenis.naar_status) == (
        Status.TOETSING,
        Status.KWALIFICATIE,
    )


def test_back_to_kwalificatie_only_from_toetsing_and_only_for_a_behandelaar(
    behandelaar,
):
    verzoek = registreer(behandelaar)
    with pytest.raises(services.NietNu):
        services.terug_naar_kwalificatie(user=behandelaar, verzoek=verzoek, reden="x")
    naar_toetsing(verzoek, behandelaar)
    beslisser = maak_gebruiker(Rol.BESLISSER, verzoek.provincie)
    with pytest.raises(services.GeenToegang):
        services.terug_naar_kwalificatie(user=beslisser, verzoek=verzoek, reden="x")


def test_geen_ontheffing_vereist_from_toetsing_to_a_decision(behandelaar):
    verzoek = registreer(behandelaar)
    naar_toetsing(verzoek, behandelaar)
    with pytest.raises(services.NietNu, match="Motiveer"):
        services.geen_ontheffing_voorstellen(
            user=behandelaar, verzoek=verzoek, motivering=""
        )
    services.geen_ontheffing_voorstellen(
        user=behandelaar,
        verzoek=verzoek,
        motivering="De opdracht komt van een stichting, niet van de gemeente.",
    )
    assert verzoek.status == Status.TER_BESLUITVORMING
    assert verzoek.voorstel_uitkomst == Uitkomst.GEEN_ONTHEFFING_VEREIST
    assert verzoek.kwalificatie["uitkomst"] == kw.Uitkomst.NIET_VERBODEN
    assert behandelaar.pk in verzoek.voorbereiders

    beslisser = maak_gebruiker(Rol.BESLISSER, verzoek.provincie)
    services.besluit_vaststellen(user=beslisser, verzoek=verzoek)
    besluit = Besluit.objects.get(verzoek=verzoek)
    assert besluit.soort == "geen_ontheffing_vereist"
    assert "niet van de gemeente" in besluit.html
    assert besluit.html.count("niet van de gemeente") == 1


def test_a_returned_geen_ontheffing_proposal_goes_back_to_toetsing(behandelaar):
    verzoek = registreer(behandelaar)
    naar_toetsing(verzoek, behandelaar)
    services.geen_ontheffing_voorstellen(
        user=behandelaar, verzoek=verzoek, motivering="Geen verbod."
    )
    beslisser = maak_gebruiker(Rol.BESLISSER, verzoek.provincie)
    services.voorstel_terugsturen(user=beslisser, verzoek=verzoek, reden="Onjuist.")
    assert verzoek.status == Status.TOETSING


# ------------------------------------------------------------ the screens


def test_the_registration_page_registers_and_refuses_a_future_date(client, behandelaar):
    gemeente = maak_gemeente(behandelaar.provincie)
    inloggen(client, behandelaar)
    url = reverse("provincie:papier_registreren")
    assert client.get(url).status_code == 200
    data = {
        "ontvangen_via": "post",
        "berichten_per": "post",
        "ontvangen_op": (vandaag() + timedelta(days=1)).isoformat(),
        "naam": "Jan Jansen",
        "aanspreekvorm": "heer",
        "adres": "Dorpsstraat 1",
        "postcode": "6811 AA",
        "woonplaats": "Arnhem",
        "ambt": "raadslid",
        "ambtsstatus": "in_functie",
        "gemeente": str(gemeente.pk),
        "handeling": "aanneming_van_werk",
        "wederpartij": "eigen_lichaam",
        "relatie": "rechtstreeks",
        "aangegaan": "nog_niet",
        "onderwerp": "Schilderwerk",
    }
    pagina = client.post(url, data)
    assert pagina.status_code == 200
    assert "ligt in de toekomst" in pagina.content.decode()
    assert 'value="Jan Jansen"' in pagina.content.decode()
    assert not Verzoek.objects.exists()

    data["ontvangen_op"] = (vandaag() - timedelta(days=2)).isoformat()
    data["scan_verzoek"] = pdf_upload("brief.pdf")
    antwoord = client.post(url, data)
    verzoek = Verzoek.objects.get()
    assert antwoord.status_code == 302
    assert antwoord.url == reverse("provincie:verzoek", args=[verzoek.pk])
    assert verzoek.ontvangen_op == vandaag() - timedelta(days=2)
    assert verzoek.bijlagen.get().bestandsnaam == "brief.pdf"
    pagina = client.get(antwoord.url).content.decode()
    assert "Per post ontvangen" in pagina
    assert "Brieven per post" in pagina


def test_a_beslisser_cannot_open_the_registration_page(client):
    inloggen(client, maak_gebruiker(Rol.BESLISSER, maak_provincie()))
    assert client.get(reverse("provincie:papier_registreren")).status_code == 403


def test_the_correction_form_without_a_reason_changes_nothing(client, behandelaar):
    verzoek = registreer(behandelaar)
    inloggen(client, behandelaar)
    url = reverse("provincie:feiten_corrigeren", args=[verzoek.pk])
    pagina = client.post(url, {"feiten_corrigeren-onderwerp": "Anders"})
    assert pagina.status_code == 200
    assert "Geef de reden van de correctie." in pagina.content.decode()
    assert Verzoek.objects.get(pk=verzoek.pk).onderwerp == "Schilderwerk gemeentehuis"

    velden = {
        f"feiten_corrigeren-{veld}": getattr(verzoek, veld) or ""
        for veld in ("wederpartij_naam", "via_wie", "omschrijving", "totstandkoming")
    }
    antwoord = client.post(
        url,
        {
            **velden,
            "feiten_corrigeren-onderwerp": "Binnenschilderwerk",
            "feiten_corrigeren-waarde": "12.500",
            "feiten_corrigeren-looptijd_van": verzoek.looptijd_van.isoformat(),
            "feiten_corrigeren-looptijd_tot": verzoek.looptijd_tot.isoformat(),
            "feiten_corrigeren-reden": "Volgens de offerte.",
        },
    )
    assert antwoord.status_code == 302
    verzoek.refresh_from_db()
    assert verzoek.onderwerp == "Binnenschilderwerk"
    assert verzoek.oorspronkelijke_feiten == {"onderwerp": "Schilderwerk gemeentehuis"}
    pagina = client.get(antwoord.url).content.decode()
    assert "Gecorrigeerde gegevens" in pagina


def test_posting_and_the_way_back_through_the_case_page(client, behandelaar):
    verzoek = registreer(behandelaar)
    poststuk = verzoek.poststukken.get()
    inloggen(client, behandelaar)
    client.post(
        reverse("provincie:post_verzonden", args=[verzoek.pk]),
        {"post_verzonden-poststuk": poststuk.pk, "post_verzonden-op": vandaag()},
    )
    assert Poststuk.objects.get(pk=poststuk.pk).gepost_op == vandaag()

    naar_toetsing(verzoek, behandelaar)
    url = reverse("provincie:terug_naar_kwalificatie", args=[verzoek.pk])
    assert client.post(url, {}).status_code == 200  # the reason is missing
    assert Verzoek.objects.get(pk=verzoek.pk).status == Status.TOETSING
    client.post(url, {"terug_naar_kwalificatie-reden": "Relatie nakijken."})
    assert Verzoek.objects.get(pk=verzoek.pk).status == Status.KWALIFICATIE


def test_a_poststuk_of_another_case_is_not_found(client, behandelaar):
    verzoek = registreer(behandelaar)
    ander = registreer(behandelaar)
    inloggen(client, behandelaar)
    antwoord = client.post(
        reverse("provincie:post_verzonden", args=[verzoek.pk]),
        {
            "post_verzonden-poststuk": ander.poststukken.get().pk,
            "post_verzonden-op": vandaag(),
        },
    )
    assert antwoord.status_code == 404
    assert ander.poststukken.get().gepost_op is None


def test_a_withdrawal_by_letter_is_recorded_by_the_behandelaar(client, behandelaar):
    verzoek = registreer(behandelaar)
    inloggen(client, behandelaar)
    pagina = client.get(reverse("provincie:verzoek", args=[verzoek.pk]))
    assert "Intrekking vastleggen" in pagina.content.decode()
    url = reverse("provincie:intrekking_registreren", args=[verzoek.pk])
    assert client.post(url, {}).status_code == 200  # what the applicant wrote
    assert Verzoek.objects.get(pk=verzoek.pk).status == Status.INGEDIEND
    client.post(
        url, {"intrekking_registreren-reden": "Brief van 1 december: ingetrokken."}
    )
    verzoek.refresh_from_db()
    assert verzoek.status == Status.INGETROKKEN
    assert verzoek.poststukken.filter(soort="ingetrokken").exists()


def test_a_portal_case_offers_staff_no_withdrawal(client):
    from tests.factories import maak_ingediend

    verzoek = maak_ingediend()
    behandelaar = maak_gebruiker(Rol.BEHANDELAAR, verzoek.provincie)
    inloggen(client, behandelaar)
    pagina = client.get(reverse("provincie:verzoek", args=[verzoek.pk]))
    assert "Intrekking vastleggen" not in pagina.content.decode()
    antwoord = client.post(
        reverse("provincie:intrekking_registreren", args=[verzoek.pk]),
        {"intrekking_registreren-reden": "x"},
    )
    assert antwoord.status_code == 403
    assert Verzoek.objects.get(pk=verzoek.pk).status == Status.INGEDIEND


def test_who_corrected_the_facts_does_not_decide(behandelaar):
    """Four eyes: a behandelaar with a mandate who corrected the facts of a
    portal request prepared its decision."""
    from tests.factories import maak_ingediend

    verzoek = maak_ingediend(gemeente=maak_gemeente(behandelaar.provincie))
    corrector = maak_gebruiker(Rol.BEHANDELAAR, verzoek.provincie, mandaat=True)
    naar_toetsing(verzoek, behandelaar)
    services.feiten_corrigeren(
        user=corrector,
        verzoek=verzoek,
        wijzigingen={"onderwerp": "Binnenschilderwerk"},
        reden="Volgens de offerte.",
    )
    beoordeel_alles(verzoek, behandelaar)
    services.besluit_voorstellen(
        user=behandelaar,
        verzoek=verzoek,
        uitkomst=Uitkomst.VERLEEND,
        motivering="Voldoet.",
        voorschriften=[],
    )
    with pytest.raises(services.GeenToegang, match="vier ogen"):
        services.besluit_vaststellen(user=corrector, verzoek=verzoek)


def test_the_applicant_sees_the_correction_and_what_they_gave(client):
    from tests.factories import maak_ingediend

    verzoek = maak_ingediend()
    behandelaar = maak_gebruiker(Rol.BEHANDELAAR, verzoek.provincie)
    services.feiten_corrigeren(
        user=behandelaar,
        verzoek=verzoek,
        wijzigingen={"waarde": Decimal("9800.00")},
        reden="Volgens de offerte van 3 maart.",
    )
    inloggen(client, verzoek.ingediend_door)
    pagina = client.get(
        reverse("aanvrager:verzoek", args=[verzoek.pk])
    ).content.decode()
    assert (
        "Gegevens van de overeenkomst gecorrigeerd: Volgens de offerte van 3 maart."
        in (pagina)
    )
    assert "Waarde: € 12.500,00 (nu: € 9.800,00)" in pagina
