"""Registration, e-mail verification, log-in by e-mail address, password reset."""

import re

import pytest
from django.core import mail, signing
from django.test import Client
from django.urls import reverse

from ontheffing.models import Gebruiker
from ontheffing.services.accounts import SALT, bevestigingstoken
from ontheffing.states import Rol
from tests.factories import inloggen

pytestmark = pytest.mark.django_db

GOED = "Zeer-geheim-2026!"


def registratie(**extra):
    return {"naam": "Riet Raadslid", "email": "Riet@Example.nl", "password1": GOED,
            "password2": GOED, **extra}  # fmt: skip


def link_uit(bericht) -> str:
    return re.search(r"https?://\S+", bericht.body).group(0)


def pad_uit(bericht) -> str:
    return re.search(r"https?://[^/\s]+(/\S+)", bericht.body).group(1)


def test_registreren_maakt_aanvrager_en_stuurt_bevestiging(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("registreren"), registratie())
    gebruiker = Gebruiker.objects.get(email="riet@example.nl")
    assert gebruiker.rol == Rol.AANVRAGER
    assert not gebruiker.email_bevestigd
    assert response.status_code == 200
    assert "Controleer uw e-mail" in response.content.decode()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["riet@example.nl"]
    assert "/account/bevestigen/" in mail.outbox[0].body
    assert mail.outbox[0].alternatives  # HTML alternative
    # Not logged in until the link is used: an existing address is answered
    # the same way, without a log-in.
    assert "_auth_user_id" not in client.session


def test_bevestigingslink_bevestigt(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("registreren"), registratie())
    pad = pad_uit(mail.outbox[0])
    response = client.get(pad)
    assert response.status_code == 200
    assert "is bevestigd" in response.content.decode()
    gebruiker = Gebruiker.objects.get(email="riet@example.nl")
    assert gebruiker.email_bevestigd
    # The first use logs the new user in; a second use does not log in again.
    assert client.session["_auth_user_id"] == str(gebruiker.pk)
    client.logout()
    client.get(pad)
    assert "_auth_user_id" not in client.session


def test_vervalste_bevestigingslink(client, aanvrager):
    token = bevestigingstoken(aanvrager)[:-2] + "xx"
    response = client.get(reverse("bevestigen", args=[token]))
    assert response.status_code == 404
    assert "niet (meer) geldig" in response.content.decode()


def test_verlopen_bevestigingslink(client, aanvrager, monkeypatch):
    token = bevestigingstoken(aanvrager)
    monkeypatch.setattr("ontheffing.services.accounts.GELDIG_SECONDEN", -1)
    response = client.get(reverse("bevestigen", args=[token]))
    assert "verlopen" in response.content.decode()


def test_token_met_ander_salt_werkt_niet(client, aanvrager):
    token = signing.dumps(
        {"pk": aanvrager.pk, "email": aanvrager.email}, salt=SALT + "x"
    )
    assert client.get(reverse("bevestigen", args=[token])).status_code == 404


def test_bevestiging_opnieuw(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("registreren"), registratie())
        assert client.login(username="riet@example.nl", password=GOED)
        client.post(reverse("bevestiging_opnieuw"))
    assert len(mail.outbox) == 2


@pytest.mark.parametrize(
    ("extra", "fout"),
    [
        ({"password2": "iets-anders-2026"}, "niet gelijk"),
        ({"password1": "kort", "password2": "kort"}, "te kort"),
        (
            {"password1": "12345678901", "password2": "12345678901"},
            "niet alleen uit cijfers",
        ),
        ({"email": "geen-adres"}, "geldig e-mailadres"),
        ({"naam": ""}, "verplicht"),
    ],
)
def test_registreren_ongeldig(client, extra, fout):
    response = client.post(reverse("registreren"), registratie(**extra))
    html = response.content.decode()
    assert response.status_code == 200
    assert fout in html
    assert 'class="foutoverzicht"' in html
    assert 'value="Riet Raadslid"' in html or extra.get("naam") == ""
    assert not Gebruiker.objects.exists()


def test_registreren_met_bestaand_adres_verraadt_niets(
    client, aanvrager, django_capture_on_commit_callbacks
):
    """The same answer as for a new address; the owner gets a mail instead."""
    with django_capture_on_commit_callbacks(execute=True):
        nieuw = client.post(reverse("registreren"), registratie())
    with django_capture_on_commit_callbacks(execute=True):
        bestaand = Client().post(
            reverse("registreren"), registratie(email=aanvrager.email.upper())
        )
    assert bestaand.status_code == nieuw.status_code == 200
    assert bestaand.content == nieuw.content
    assert Gebruiker.objects.filter(email__iexact=aanvrager.email).count() == 1
    assert mail.outbox[-1].to == [aanvrager.email]
    assert "al een account" in mail.outbox[-1].body
    assert "/account/wachtwoord-vergeten/" in mail.outbox[-1].body
    aanvrager.refresh_from_db()
    assert aanvrager.check_password("geheim-wachtwoord-123")


def test_registreren_bewaart_veilige_next(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("registreren"), registratie(next="/mijn/nieuw/?uit=zelftest")
        )
        client.post(
            reverse("registreren"),
            registratie(email="b@example.nl", next="https://kwaad.example/"),
        )
    # Confirming leads straight on to where the new applicant was going.
    veilig = client.get(pad_uit(mail.outbox[0]))
    assert veilig["Location"] == "/mijn/nieuw/?uit=zelftest"
    client.logout()
    kwaad = client.get(pad_uit(mail.outbox[1]))
    assert kwaad["Location"] == reverse("aanvrager:lijst")


def test_zelftest_overleeft_registratie_en_bevestiging_ook_in_een_andere_browser(
    client, django_capture_on_commit_callbacks
):
    from django.test import Client

    sessie = client.session
    sessie["zelftest"] = {"ambt": "raadslid", "handeling": "aanneming_van_werk"}
    sessie.save()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("registreren"), registratie())
        client.post(reverse("registreren"), registratie())  # a double click
    assert len(mail.outbox) == 1  # no "you already have an account" mail
    andere_browser = Client()
    response = andere_browser.get(pad_uit(mail.outbox[0]), follow=True)
    assert response.redirect_chain[0][0] == "/mijn/nieuw/?uit=zelftest"
    html = response.content.decode()
    assert "is bevestigd" in html
    assert '<option value="raadslid" selected>' in html


def test_inlogpagina_labels(client):
    html = client.get(reverse("login")).content.decode()
    assert '<label for="id_username">E-mailadres</label>' in html
    assert '<label for="id_password">Wachtwoord</label>' in html
    assert "Wachtwoord vergeten?" in html


def test_inloggen_met_emailadres_in_andere_hoofdletters(client, aanvrager):
    response = client.post(
        reverse("login"),
        {"username": aanvrager.email.upper(), "password": "geheim-wachtwoord-123"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("start")


def test_verkeerd_wachtwoord(client, aanvrager):
    response = client.post(
        reverse("login"), {"username": aanvrager.email, "password": "x"}
    )
    assert response.status_code == 200
    assert "klopt niet" in response.content.decode()


def test_uitloggen(client, aanvrager):
    inloggen(client, aanvrager)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("aanvrager:lijst")).status_code == 302


def test_wachtwoord_herstellen(client, aanvrager, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # queued, sent on commit
        response = client.post(reverse("password_reset"), {"email": aanvrager.email})
    assert response["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    bericht = mail.outbox[0]
    assert bericht.subject == "Nieuw wachtwoord kiezen"
    pad = re.search(r"https?://[^/\s]+(/\S+)", bericht.body).group(1)
    response = client.get(pad, follow=True)
    assert "Nieuw wachtwoord kiezen" in response.content.decode()
    formulier_pad = response.redirect_chain[-1][0]
    response = client.post(
        formulier_pad, {"new_password1": GOED, "new_password2": GOED}
    )
    assert response["Location"] == reverse("password_reset_complete")
    assert client.session["_auth_user_id"] == str(aanvrager.pk)
    client.logout()
    assert client.login(username=aanvrager.email, password=GOED)


def test_nieuw_wachtwoord_te_kort_in_het_nederlands(
    client, aanvrager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("password_reset"), {"email": aanvrager.email})
    pad = re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[0].body).group(1)
    formulier_pad = client.get(pad, follow=True).redirect_chain[-1][0]
    response = client.post(
        formulier_pad, {"new_password1": "kort", "new_password2": "kort"}
    )
    assert "Dit wachtwoord is te kort" in response.content.decode()


def test_wachtwoord_herstellen_onbekend_adres_verraadt_niets(client):
    response = client.post(reverse("password_reset"), {"email": "niemand@example.nl"})
    assert response["Location"] == reverse("password_reset_done")
    assert mail.outbox == []


def test_ongeldige_herstellink(client):
    response = client.get(reverse("password_reset_confirm", args=["MQ", "fout-token"]))
    assert "niet meer geldig" in response.content.decode()


def test_geblokkeerd_pagina_is_nederlands(client):
    from django.template.loader import render_to_string

    html = render_to_string("registration/geblokkeerd.html")
    assert "tijdelijk geblokkeerd" in html
