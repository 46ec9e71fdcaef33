"""Security settings that hold in production: headers, cookies, CSRF, rate limiting."""

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse

from ontheffing.middleware import CONTENT_SECURITY_POLICY
from ontheffing.states import Rol
from tests.factories import inloggen, maak_gebruiker

pytestmark = pytest.mark.django_db


def test_security_headers_on_every_page(client):
    response = client.get(reverse("start"))
    assert response["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    script_src = next(
        d
        for d in CONTENT_SECURITY_POLICY.split(";")
        if d.strip().startswith("script-src")
    )
    assert "unsafe-inline" not in script_src
    assert "unsafe-eval" not in script_src
    assert "frame-ancestors 'none'" in CONTENT_SECURITY_POLICY
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_production_cookie_and_https_settings():
    assert settings.DEBUG is False
    assert settings.SESSION_COOKIE_SECURE
    assert settings.SESSION_COOKIE_HTTPONLY
    assert settings.CSRF_COOKIE_SECURE
    assert settings.SECURE_HSTS_SECONDS >= 31_536_000


def test_post_without_csrf_token_is_refused(aanvrager):
    client = Client(enforce_csrf_checks=True)
    inloggen(client, aanvrager)
    response = client.post(reverse("aanvrager:nieuw"), {"onderwerp": "x"})
    assert response.status_code == 403


def test_logged_in_pages_are_not_cached(aanvrager, client):
    inloggen(client, aanvrager)
    response = client.get(reverse("aanvrager:lijst"))
    assert "no-store" in response["Cache-Control"]


def test_downloads_are_attachments_and_not_sniffed(ingediend, client):
    inloggen(client, ingediend.ingediend_door)
    bijlage = ingediend.bijlagen.first()
    response = client.get(reverse("bijlage", args=[ingediend.pk, bijlage.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert not bijlage.bestand.name.endswith(
        bijlage.bestandsnaam
    )  # stored under a random name


@override_settings(AXES_ENABLED=True)
def test_login_is_locked_after_five_failures(db):
    gebruiker = maak_gebruiker(Rol.AANVRAGER)
    client = Client()
    url = reverse("login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": gebruiker.email, "password": "fout"})
    response = client.post(
        url, {"username": gebruiker.email, "password": "geheim-wachtwoord-123"}
    )
    assert response.status_code == 429
    assert "geblokkeerd" in response.content.decode().lower()
    assert "_auth_user_id" not in client.session


class Stroom:
    """A request body that records whether anyone read it."""

    def __init__(self):
        self.gelezen = 0

    def read(self, *args):
        self.gelezen += 1
        return b""

    def readline(self, *args):
        return self.read()


def test_an_oversized_request_is_refused_before_its_body_is_read(aanvrager, client):
    inloggen(client, aanvrager)
    stroom = Stroom()
    response = client.generic(
        "POST",
        reverse("aanvrager:nieuw"),
        b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(60 * 1024 * 1024),
        **{"wsgi.input": stroom},
    )
    assert response.status_code == 413
    assert "hoogstens 10 MB" in response.content.decode()
    assert stroom.gelezen == 0
    assert response["Content-Security-Policy"] == CONTENT_SECURITY_POLICY


def test_a_request_within_the_limit_is_handled(aanvrager, client):
    inloggen(client, aanvrager)
    response = client.post(reverse("aanvrager:nieuw"), {"onderwerp": "x"})
    assert response.status_code != 413


def test_static_files_get_the_same_security_headers_as_pages(client):
    response = client.get("/static/ontheffing/style.css")
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "Permissions-Policy" in response
