"""No silent hand-offs between the applicant, the behandelaar and the
beslisser: each is told by e-mail and by a marker in the list, which stays
until the person it is meant for opens the case; the e-mails link to the
address the site is served on."""

import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from ontheffing import emails, services
from ontheffing.models import Verzoek
from ontheffing.states import Melding, Rol, Status, Uitkomst
from tests.factories import (
    inloggen,
    kwalificeer,
    maak_concept,
    maak_gebruiker,
    naar_besluitvorming,
    naar_toetsing,
    vandaag,
    vraag_offerte,
)

pytestmark = pytest.mark.django_db

REDEN = "Voorschrift 1 is te ruim: noem de overeenkomst met Arnhem."


def url(naam, verzoek):
    return reverse(f"provincie:{naam}", args=[verzoek.pk])


def html_deel(bericht) -> str:
    ((html, soort),) = bericht.alternatives
    assert soort == "text/html"
    return html


def melding(verzoek) -> str:
    return Verzoek.objects.values_list("melding", flat=True).get(pk=verzoek.pk)


@pytest.fixture
def voorgesteld(ingediend, behandelaar, beslisser, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        naar_besluitvorming(ingediend, behandelaar)
    return ingediend


# ------------------------------------------------------------------ e-mail


def test_html_part_has_a_real_link_and_a_button_for_the_applicant(
    ingediend, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        emails.ontvangstbevestiging(ingediend)
    (bericht,) = mail.outbox
    link = "http://127.0.0.1:8000" + reverse("aanvrager:verzoek", args=[ingediend.pk])
    html = html_deel(bericht)
    assert f'<a href="{link}"' in html
    assert "Bekijk uw verzoek</a>" in html
    assert link in bericht.body


@override_settings(SITE_URL="http://192.0.2.7:8080")
def test_every_link_starts_with_the_site_url(
    voorgesteld, beslisser, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.voorstel_terugsturen(user=beslisser, verzoek=voorgesteld, reden=REDEN)
    (bericht,) = mail.outbox
    link = "http://192.0.2.7:8080" + url("verzoek", voorgesteld)
    assert link in bericht.body
    assert f'<a href="{link}"' in html_deel(bericht)


def test_staff_mail_does_not_say_bekijk_uw_verzoek(
    voorgesteld, beslisser, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.voorstel_terugsturen(user=beslisser, verzoek=voorgesteld, reden=REDEN)
    html = html_deel(mail.outbox[-1])
    assert "Bekijk uw verzoek" not in html
    assert "Open het verzoek</a>" in html


@override_settings(SITE_URL="http://10.0.0.5:8080")
def test_the_run_banner_names_the_site_url():
    uit = StringIO()
    call_command("demodata", inlog=True, stdout=uit)
    assert "Ontheffing draait op http://10.0.0.5:8080" in uit.getvalue()
    assert ":8000" not in uit.getvalue()


def test_make_run_serves_and_links_the_same_host():
    root = Path(__file__).resolve().parent.parent
    uit = subprocess.run(
        ["make", "-n", "run", "HOST=10.0.0.5:8080"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "/usr/bin:/bin"},
    ).stdout
    regels = [r for r in uit.splitlines() if "manage.py runserver" in r]
    assert regels
    assert "SITE_URL=http://10.0.0.5:8080" in regels[0]
    assert regels[0].rstrip().endswith("runserver 10.0.0.5:8080")
    assert "SITE_URL=http://10.0.0.5:8080" in next(
        r for r in uit.splitlines() if "demodata --inlog" in r
    )


# ----------------------------------------------------------- the beslisser


def test_a_waiting_proposal_mails_the_beslissers_who_may_decide(
    voorgesteld, behandelaar, beslisser
):
    naar_beslisser = [b for b in mail.outbox if b.to == [beslisser.email]]
    (bericht,) = naar_beslisser
    assert bericht.subject == f"Voorstel wacht op uw besluit ({voorgesteld.kenmerk})"
    assert url("voorstel", voorgesteld) in bericht.body
    assert "Bekijk het voorstel</a>" in html_deel(bericht)
    # Four eyes: who prepared it is not asked to decide.
    assert not [b for b in mail.outbox if behandelaar.email in b.to]
    assert melding(voorgesteld) == Melding.NIEUW_VOORSTEL


def test_the_list_marks_a_waiting_proposal_until_a_beslisser_opens_it(
    client, voorgesteld, beslisser, behandelaar
):
    inloggen(client, beslisser)
    lijst = client.get(reverse("provincie:besluitvorming")).content.decode()
    assert '<span class="marker">Wacht op besluit</span>' in lijst
    # The behandelaar opening the case does not clear the beslisser's marker.
    inloggen(client, behandelaar)
    client.get(url("verzoek", voorgesteld))
    assert melding(voorgesteld) == Melding.NIEUW_VOORSTEL
    inloggen(client, beslisser)
    client.get(url("voorstel", voorgesteld))
    assert melding(voorgesteld) == ""
    lijst = client.get(reverse("provincie:besluitvorming")).content.decode()
    assert "Wacht op besluit" not in lijst


# ----------------------------------------------------------- the behandelaar


def test_a_return_mails_the_behandelaar_with_the_reason(
    voorgesteld, behandelaar, beslisser, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.voorstel_terugsturen(user=beslisser, verzoek=voorgesteld, reden=REDEN)
    (bericht,) = mail.outbox
    assert bericht.to == [behandelaar.email]
    assert bericht.subject == f"Voorstel teruggestuurd ({voorgesteld.kenmerk})"
    assert REDEN in bericht.body
    assert melding(voorgesteld) == Melding.TERUGGESTUURD


def test_after_a_return_the_reason_is_on_top_and_the_proposal_is_kept(
    client, voorgesteld, behandelaar, beslisser
):
    services.voorstel_terugsturen(user=beslisser, verzoek=voorgesteld, reden=REDEN)
    inloggen(client, behandelaar)
    lijst = client.get(reverse("provincie:werkvoorraad")).content.decode()
    assert '<span class="marker">Teruggestuurd</span>' in lijst
    pagina = client.get(url("verzoek", voorgesteld)).content.decode()
    kop = pagina.index("Voorstel teruggestuurd</h2>")
    assert kop < pagina.index("Wat kunt u nu doen?")
    assert REDEN in pagina[kop:]
    assert melding(voorgesteld) == ""  # opened: the marker is gone
    lijst = client.get(reverse("provincie:werkvoorraad")).content.decode()
    assert '<span class="marker">' not in lijst

    toetsing = client.get(url("toetsing", voorgesteld))
    voorstel = toetsing.context["voorstel"]
    assert voorstel["motivering"].value() == "Aan alle criteria is voldaan."
    assert voorstel["voorschriften"].value() == "Alleen deze opdracht."
    assert voorstel["uitkomst"].value() == Uitkomst.VERLEEND


def test_a_new_proposal_ends_the_notice_of_the_return(
    client, voorgesteld, behandelaar, beslisser
):
    services.voorstel_terugsturen(user=beslisser, verzoek=voorgesteld, reden=REDEN)
    services.besluit_voorstellen(
        user=behandelaar,
        verzoek=voorgesteld,
        uitkomst=Uitkomst.VERLEEND,
        motivering="Opnieuw.",
        voorschriften=["Alleen de overeenkomst met Arnhem."],
    )
    inloggen(client, behandelaar)
    pagina = client.get(url("verzoek", voorgesteld)).content.decode()
    assert "Voorstel teruggestuurd</h2>" not in pagina


def test_an_answer_marks_the_case_until_its_behandelaar_opens_it(
    client, ingediend, behandelaar, tweede_behandelaar
):
    services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=ingediend)
    vraag_offerte(ingediend, behandelaar)
    services.verzoek_aanvullen(
        user=ingediend.ingediend_door, verzoek=ingediend, antwoord="Bijgevoegd."
    )
    assert melding(ingediend) == Melding.NIEUW_ANTWOORD
    inloggen(client, tweede_behandelaar)
    lijst = client.get(reverse("provincie:werkvoorraad")).content.decode()
    assert '<span class="marker">Nieuw antwoord</span>' in lijst
    client.get(url("verzoek", ingediend))  # a colleague: the marker stays
    assert melding(ingediend) == Melding.NIEUW_ANTWOORD
    inloggen(client, behandelaar)
    client.get(url("verzoek", ingediend))
    assert melding(ingediend) == ""


def test_a_zienswijze_marks_the_case(client, ingediend, behandelaar):
    naar_toetsing(ingediend, behandelaar)
    services.zienswijze_vragen(
        user=behandelaar,
        verzoek=ingediend,
        van="Jan Jansen",
        uiterlijk=vandaag().replace(year=vandaag().year + 1),
        toelichting="Over de aandelen.",
    )
    services.zienswijze_geven(
        user=ingediend.ingediend_door, verzoek=ingediend, tekst="Verkocht."
    )
    assert melding(ingediend) == Melding.ZIENSWIJZE_ONTVANGEN
    inloggen(client, behandelaar)
    lijst = client.get(reverse("provincie:werkvoorraad")).content.decode()
    assert '<span class="marker">Zienswijze ontvangen</span>' in lijst


def test_a_withdrawal_mails_the_behandelaar(
    ingediend, behandelaar, django_capture_on_commit_callbacks
):
    services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=ingediend)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.verzoek_intrekken(user=ingediend.ingediend_door, verzoek=ingediend)
    (bericht,) = [b for b in mail.outbox if b.to == [behandelaar.email]]
    assert bericht.subject == f"Verzoek ingetrokken ({ingediend.kenmerk})"
    assert "Open het verzoek</a>" in html_deel(bericht)


# ------------------------------------------------------------ the toetsing


def _criteria_post(verzoek, **extra):
    from ontheffing.toetsing import criteria_voor

    data = {}
    for c in criteria_voor(verzoek):
        data[f"c-{c.code}-oordeel"] = "voldaan"
        data[f"c-{c.code}-motivering"] = f"Motivering {c.code}."
    data.update(extra)
    return data


def test_one_missing_motivation_keeps_the_other_judgements(
    client, ingediend, behandelaar
):
    naar_toetsing(ingediend, behandelaar)
    inloggen(client, behandelaar)
    data = _criteria_post(ingediend, opslaan="1")
    data["c-marktconformiteit-motivering"] = ""
    response = client.post(url("toetsing", ingediend), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Motiveer uw oordeel over dit criterium." in html
    # The proposal was not submitted: none of its errors.
    assert "Geef een motivering voor het voorgestelde besluit." not in html
    opgeslagen = set(ingediend.oordelen.values_list("criterium__code", flat=True))
    assert "marktconformiteit" not in opgeslagen
    assert len(opgeslagen) == len(data) // 2 - 1


def test_one_criterion_saved_with_its_own_button(client, ingediend, behandelaar):
    naar_toetsing(ingediend, behandelaar)
    inloggen(client, behandelaar)
    # Another criterion is half filled in: no error for it, and not lost.
    data = {
        "c-marktconformiteit-oordeel": "voldaan",
        "c-marktconformiteit-motivering": "Marktconform volgens de offerte.",
        "c-totstandkoming-oordeel": "voldaan",
        "opslaan_criterium": "marktconformiteit",
    }
    response = client.post(url("toetsing", ingediend), data)
    html = response.content.decode()
    assert response.status_code == 200  # the half-filled one is kept as typed
    assert "Opgeslagen: " in html
    assert "Motiveer uw oordeel over dit criterium." not in html
    (totstandkoming,) = [
        f for f in response.context["criteria"] if f.criterium.code == "totstandkoming"
    ]
    assert totstandkoming["oordeel"].value() == "voldaan"
    (oordeel,) = ingediend.oordelen.all()
    assert oordeel.criterium.code == "marktconformiteit"
    assert oordeel.motivering == "Marktconform volgens de offerte."


def test_the_toetsing_page_shows_the_documents(client, ingediend, behandelaar):
    naar_toetsing(ingediend, behandelaar)
    inloggen(client, behandelaar)
    html = client.get(url("toetsing", ingediend)).content.decode()
    bijlage = ingediend.bijlagen.first()
    assert reverse("bijlage", args=[ingediend.pk, bijlage.pk]) in html
    assert bijlage.bestandsnaam in html


# ------------------------------------------------------------ vaststellen


def test_deciding_asks_for_confirmation_naming_what_goes_to_whom(
    client, voorgesteld, beslisser
):
    inloggen(client, beslisser)
    response = client.post(url("vaststellen", voorgesteld), {})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ja, vaststellen en verzenden" in html
    assert voorgesteld.ingediend_door.email in html
    assert "Ontheffing verleend" in html
    voorgesteld.refresh_from_db()
    assert voorgesteld.status == Status.TER_BESLUITVORMING  # nothing sent yet
    response = client.post(url("vaststellen", voorgesteld), {"bevestigd": "1"})
    assert response.status_code == 302
    voorgesteld.refresh_from_db()
    assert voorgesteld.status == Status.AFGEHANDELD


def test_confirmation_names_the_copy_when_one_is_sent(client, voorgesteld, beslisser):
    provincie = voorgesteld.provincie
    provincie.afschrift_uitkomsten = [Uitkomst.VERLEEND]
    provincie.afschrift_emails = "griffie@example.nl"
    provincie.afschrift_aan = "De griffier van de gemeenteraad"
    provincie.save()
    inloggen(client, beslisser)
    html = client.post(url("vaststellen", voorgesteld), {}).content.decode()
    assert "Afschrift: griffie@example.nl" in html


def test_beslissers_voor_leaves_out_who_prepared_it(voorgesteld, behandelaar):
    ander = maak_gebruiker(Rol.BESLISSER, voorgesteld.provincie)
    onbevestigd = maak_gebruiker(
        Rol.BESLISSER, voorgesteld.provincie, beslisser_bevestigd=False
    )
    adressen = emails.beslissers_voor(voorgesteld)
    assert ander.email in adressen
    assert onbevestigd.email not in adressen
    assert behandelaar.email not in adressen


def test_a_qualification_that_is_the_proposal_tells_the_beslisser(
    aanvrager, gemeente, behandelaar, beslisser, django_capture_on_commit_callbacks
):
    verzoek = maak_concept(
        aanvrager=aanvrager,
        gemeente=gemeente,
        handeling="verkoop_onroerende_zaak_aan_overheid",
    )
    services.verzoek_indienen(user=aanvrager, verzoek=verzoek)
    services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=verzoek)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        kwalificeer(verzoek, behandelaar)
    assert verzoek.status == Status.TER_BESLUITVORMING
    assert [b.to for b in mail.outbox] == [[beslisser.email]]
    assert melding(verzoek) == Melding.NIEUW_VOORSTEL


def test_a_qualification_to_the_assessment_tells_no_beslisser(
    ingediend, behandelaar, beslisser, django_capture_on_commit_callbacks
):
    services.verzoek_in_behandeling_nemen(user=behandelaar, verzoek=ingediend)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        kwalificeer(ingediend, behandelaar)
    assert ingediend.status == Status.TOETSING
    assert mail.outbox == []
    assert melding(ingediend) == ""


def test_a_criterion_saved_alone_redirects_when_nothing_else_is_typed(
    client, ingediend, behandelaar
):
    naar_toetsing(ingediend, behandelaar)
    inloggen(client, behandelaar)
    data = {
        "c-marktconformiteit-oordeel": "voldaan",
        "c-marktconformiteit-motivering": "Marktconform volgens de offerte.",
        "opslaan_criterium": "marktconformiteit",
    }
    response = client.post(url("toetsing", ingediend), data)
    assert response.status_code == 302
    assert ingediend.oordelen.count() == 1


def test_account_mails_have_a_button_that_says_what_it_does(
    aanvrager, django_capture_on_commit_callbacks
):
    link = "http://127.0.0.1:8000/account/bevestigen/abc/"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        emails.email_bevestigen(aanvrager, link, 7)
        emails.wachtwoord_herstellen(aanvrager, link)
    bevestigen, herstellen = (html_deel(b) for b in mail.outbox)
    assert f'<a href="{link}"' in bevestigen
    assert "E-mailadres bevestigen</a>" in bevestigen
    assert "Nieuw wachtwoord kiezen</a>" in herstellen
    assert "Bekijk uw verzoek" not in bevestigen + herstellen
