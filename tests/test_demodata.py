"""`make run`'s demo data: made through the real services, every role can log
in, the cases cover the steps, the record is sound, and a second run is a no-op."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

from ontheffing.management.commands.demodata import AANVRAGERS, MEDEWERKERS, WACHTWOORD
from ontheffing.models import Gebruiker, Verzoek
from ontheffing.states import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("referentiedata_laden", stdout=StringIO())
    uit = StringIO()
    with override_settings(DEBUG=True):
        call_command("demodata", stdout=uit)
    assert "Demodata gemaakt." in uit.getvalue()


def test_every_demo_login_works(demo, client):
    for email, *_ in [*MEDEWERKERS, *AANVRAGERS]:
        assert client.login(username=email, password=WACHTWOORD), email
        client.logout()


def test_the_cases_cover_the_steps_and_the_record_is_sound(demo):
    statussen = set(Verzoek.objects.values_list("status", flat=True))
    assert {
        Status.CONCEPT,
        Status.INGEDIEND,
        Status.AANVULLING_GEVRAAGD,
        Status.KWALIFICATIE,
        Status.TOETSING,
        Status.ZIENSWIJZE_GEVRAAGD,
        Status.TER_BESLUITVORMING,
        Status.AFGEHANDELD,
    } <= statussen
    uit = StringIO()
    call_command("audit_controleren", stdout=uit)
    assert uit.getvalue().startswith("In orde"), uit.getvalue()


def test_a_second_run_changes_nothing(demo):
    aantallen = (Verzoek.objects.count(), Gebruiker.objects.count())
    uit = StringIO()
    with override_settings(DEBUG=True):
        call_command("demodata", stdout=uit)
    assert "Demodata staat er al." in uit.getvalue()
    assert (Verzoek.objects.count(), Gebruiker.objects.count()) == aantallen


def test_never_without_debug():
    from django.core.management.base import CommandError

    with override_settings(DEBUG=False), pytest.raises(CommandError, match="DEBUG"):
        call_command("demodata", stdout=StringIO())


def test_demo_staff_pass_the_second_factor_with_the_printed_code(demo, client):
    uit = StringIO()
    with override_settings(DEBUG=True):
        call_command("demodata", "--inlog", stdout=uit)
        assert "otpauth://totp/" in uit.getvalue()
        code = StringIO()
        call_command("demodata", "--code", stdout=code)
    email = MEDEWERKERS[0][0]
    client.post("/account/inloggen/", {"username": email, "password": WACHTWOORD})
    antwoord = client.post(
        "/account/tweede-factor/", {"code": code.getvalue().strip(), "next": "/"}
    )
    assert antwoord.status_code == 302
    assert client.get("/provincie/").status_code == 200


def test_the_demo_key_is_printed_only_with_debug(demo):
    uit = StringIO()
    with override_settings(DEBUG=False):
        call_command("demodata", "--inlog", stdout=uit)
    assert "otpauth" not in uit.getvalue()
