"""Log-in lockout, password reset and passwords, as an attacker would try them."""

import re
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core import mail
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse

from ontheffing import beveiliging
from ontheffing.states import Rol
from tests.factories import maak_gebruiker

pytestmark = pytest.mark.django_db
WACHTWOORD = "geheim-wachtwoord-123"
NIEUW = "Kroket-met-mosterd-7"


def inloggen(client, email, wachtwoord, **meta):
    return client.post(
        reverse("login"), {"username": email, "password": wachtwoord}, **meta
    )


def blokkeer(client, email, **meta):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        inloggen(client, email, "fout", **meta)


@pytest.fixture
def slachtoffer(db):
    return maak_gebruiker(Rol.AANVRAGER)


@override_settings(AXES_ENABLED=True)
@pytest.mark.parametrize("variant", [str.upper, str.title, lambda e: f"  {e} "])
def test_every_spelling_of_the_address_shares_one_lockout(slachtoffer, variant):
    client = Client()
    blokkeer(client, slachtoffer.email)
    response = inloggen(client, variant(slachtoffer.email), WACHTWOORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@override_settings(AXES_ENABLED=True)
def test_case_variants_get_no_fresh_tries(slachtoffer):
    client = Client()
    varianten = [slachtoffer.email.upper(), slachtoffer.email.title()]
    for i in range(settings.AXES_FAILURE_LIMIT):
        inloggen(client, varianten[i % 2], "fout")
    assert inloggen(client, slachtoffer.email, WACHTWOORD).status_code == 429


@override_settings(AXES_ENABLED=True)
def test_failures_during_a_lockout_do_not_extend_it(slachtoffer):
    client = Client()
    blokkeer(client, slachtoffer.email)
    # 14 minutes into the quarter hour, the attacker tries again...
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=14)
    )
    assert inloggen(client, slachtoffer.email, "fout").status_code == 429
    # ...and two minutes later the quarter hour since the lockout is over.
    poging = AccessAttempt.objects.get()
    AccessAttempt.objects.update(
        attempt_time=poging.attempt_time - timedelta(minutes=2)
    )
    assert inloggen(client, slachtoffer.email, WACHTWOORD).status_code == 302


@override_settings(AXES_ENABLED=True, TRUSTED_PROXY_COUNT=0)
def test_a_forwarded_for_header_is_ignored_unless_configured(slachtoffer):
    """Without a configured proxy, a client cannot buy fresh tries by writing
    another X-Forwarded-For on every request."""
    client = Client()
    for i in range(settings.AXES_FAILURE_LIMIT):
        inloggen(client, slachtoffer.email, "fout", HTTP_X_FORWARDED_FOR=f"10.0.0.{i}")
    response = inloggen(
        client, slachtoffer.email, WACHTWOORD, HTTP_X_FORWARDED_FOR="10.0.0.99"
    )
    assert response.status_code == 429


@override_settings(AXES_ENABLED=True, TRUSTED_PROXY_COUNT=1)
def test_behind_a_configured_proxy_the_attacker_does_not_lock_out_the_owner(
    slachtoffer,
):
    """Every request comes from the load balancer's address; the client is the
    address the balancer appended, not what the client wrote before it."""
    balancer = {"REMOTE_ADDR": "10.1.1.1"}
    aanvaller = Client()
    blokkeer(
        aanvaller,
        slachtoffer.email,
        HTTP_X_FORWARDED_FOR="198.51.100.7, 203.0.113.66",
        **balancer,
    )
    assert (
        inloggen(
            aanvaller,
            slachtoffer.email,
            WACHTWOORD,
            HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.66",
            **balancer,
        ).status_code
        == 429
    )
    eigenaar = Client()
    response = inloggen(
        eigenaar,
        slachtoffer.email,
        WACHTWOORD,
        HTTP_X_FORWARDED_FOR="192.0.2.44",
        **balancer,
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("aantal", "keten", "verwacht"),
    [
        (0, "203.0.113.5", "10.1.1.1"),
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "1.2.3.4, 203.0.113.5", "203.0.113.5"),
        (2, "1.2.3.4, 203.0.113.5, 10.2.2.2", "203.0.113.5"),
        (2, "203.0.113.5", "10.1.1.1"),  # fewer hops than proxies: the peer
        (1, "geen-adres", "10.1.1.1"),
        (1, "", "10.1.1.1"),
    ],
)
def test_client_address(aantal, keten, verwacht):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.1.1.1", HTTP_X_FORWARDED_FOR=keten
    )
    with override_settings(TRUSTED_PROXY_COUNT=aantal):
        assert beveiliging.client_ip(request) == verwacht


@override_settings(AXES_ENABLED=True)
def test_the_owner_gets_in_through_the_password_reset(
    slachtoffer, django_capture_on_commit_callbacks
):
    client = Client()
    blokkeer(client, slachtoffer.email)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("password_reset"), {"email": slachtoffer.email})
    pad = re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[-1].body).group(1)
    formulier = client.get(pad, follow=True).redirect_chain[-1][0]
    client.post(formulier, {"new_password1": NIEUW, "new_password2": NIEUW})
    assert client.session["_auth_user_id"] == str(slachtoffer.pk)
    client.logout()
    assert inloggen(client, slachtoffer.email, NIEUW).status_code == 302


def test_reset_answers_the_same_for_known_and_unknown_addresses(
    slachtoffer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        bekend = Client().post(reverse("password_reset"), {"email": slachtoffer.email})
    with django_capture_on_commit_callbacks(execute=True):
        onbekend = Client().post(
            reverse("password_reset"), {"email": "niemand@example.nl"}
        )
    assert bekend.status_code == onbekend.status_code == 302
    assert bekend["Location"] == onbekend["Location"]
    assert bekend.content == onbekend.content
    assert [m.to for m in mail.outbox] == [[slachtoffer.email]]


@pytest.mark.parametrize("bestaat", [True, False])
def test_reset_is_limited_per_address(slachtoffer, bestaat):
    email = slachtoffer.email if bestaat else "niemand@example.nl"
    antwoorden = [
        Client(REMOTE_ADDR=f"192.0.2.{i}")
        .post(reverse("password_reset"), {"email": email.upper()})
        .status_code
        for i in range(beveiliging.HERSTEL_PER_ADRES + 1)
    ]
    assert antwoorden == [302] * beveiliging.HERSTEL_PER_ADRES + [429]


def test_reset_is_limited_per_client(db):
    client = Client(REMOTE_ADDR="192.0.2.9")
    antwoorden = [
        client.post(
            reverse("password_reset"), {"email": f"iemand{i}@example.nl"}
        ).status_code
        for i in range(beveiliging.HERSTEL_PER_CLIENT + 1)
    ]
    assert antwoorden[-1] == 429
    assert set(antwoorden[:-1]) == {302}
    assert (
        "te vaak"
        in client.post(
            reverse("password_reset"), {"email": "x@example.nl"}
        ).content.decode()
    )
    # Another client is not held back.
    andere = Client(REMOTE_ADDR="192.0.2.10")
    response = andere.post(reverse("password_reset"), {"email": "y@example.nl"})
    assert response.status_code == 302


@pytest.mark.parametrize(
    "wachtwoord",
    ["Welkom2026", "Provincie1", "wachtwoord1", "W3lkom2026!", "Gelderland2027",
     "Zomer2026!!", "Password123!"],
)  # fmt: skip
def test_common_dutch_passwords_are_refused(client, wachtwoord):
    response = client.post(
        reverse("registreren"),
        {"naam": "Riet", "email": "riet@example.nl", "password1": wachtwoord,
         "password2": wachtwoord},
    )  # fmt: skip
    assert response.status_code == 200
    assert "te vaak gebruikt" in response.content.decode()


@pytest.mark.parametrize("wachtwoord", ["Kroket-met-mosterd-7", "Zeer-geheim-2026!"])
def test_a_good_password_passes(wachtwoord):
    from ontheffing.forms.account import wachtwoord_controleren
    from ontheffing.models import Gebruiker

    assert wachtwoord_controleren(wachtwoord, Gebruiker(email="a@b.nl")) == []


def test_the_forwarded_proto_header_is_not_trusted_by_default():
    assert settings.SECURE_PROXY_SSL_HEADER is None
    request = RequestFactory().get("/", HTTP_X_FORWARDED_PROTO="https")
    assert not request.is_secure()
