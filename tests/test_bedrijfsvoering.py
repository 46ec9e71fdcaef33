"""Operations: JSON log lines with the kenmerk and nothing personal, the health
endpoint, error reporting without personal data."""

import json
import logging
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.migrations.recorder import MigrationRecorder
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from ontheffing import bezorging, emails, foutmelding, gezondheid, logboek, services
from ontheffing.logboek import JsonFormatter
from ontheffing.models import Bericht, Gebeurtenis, Herstelpoging, Pogingresultaat
from tests.databaserollen import eigenaarscursor
from tests.factories import inloggen

pytestmark = pytest.mark.django_db


def json_regels(caplog) -> list[dict]:
    formatter = JsonFormatter()
    return [json.loads(formatter.format(r)) for r in caplog.records]


def test_a_log_line_is_one_json_object():
    record = logging.LogRecord(
        "ontheffing", logging.WARNING, "", 0, "actie %s", ("x",), None
    )
    record.kenmerk = "2026-0001"
    record.naam = "Jan Jansen"  # not a logged field
    regel = json.loads(JsonFormatter().format(record))
    assert regel["bericht"] == "actie x"
    assert regel["niveau"] == "WARNING"
    assert regel["kenmerk"] == "2026-0001"
    assert "naam" not in regel
    assert regel["tijd"].endswith("+00:00")


def test_a_refused_use_case_is_logged_with_the_kenmerk(caplog, ingediend, aanvrager):
    caplog.set_level(logging.WARNING, logger="ontheffing")
    with pytest.raises(services.GeenToegang):
        services.verzoek_in_behandeling_nemen(user=aanvrager, verzoek=ingediend)
    (regel,) = [r for r in json_regels(caplog) if r["bericht"] == "actie geweigerd"]
    assert regel["kenmerk"] == ingediend.kenmerk
    assert regel["actie"] == "in_behandeling_nemen"
    assert regel["soort"] == "GeenToegang"
    tekst = json.dumps(regel)
    assert ingediend.naam not in tekst
    assert ingediend.email not in tekst
    assert aanvrager.email not in tekst


def test_a_failed_mail_is_logged_without_the_address(caplog, ingediend, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens
    settings.EMAIL_TIMEOUT = 2
    caplog.set_level(logging.ERROR, logger="ontheffing")
    settings.BEZORGING_NA_COMMIT = False
    emails.ontvangstbevestiging(ingediend)  # queued; the worker's send fails
    bericht = Bericht.objects.filter(soort="ontvangstbevestiging").latest("pk")
    assert bezorging.versturen(bericht.pk) == Pogingresultaat.TIJDELIJK
    (regel,) = [
        r for r in json_regels(caplog) if r["bericht"] == "e-mail niet verzonden"
    ]
    assert regel["kenmerk"] == ingediend.kenmerk
    assert regel["sjabloon"] == "ontvangstbevestiging"
    assert ingediend.email not in json.dumps(regel)
    assert mail.outbox == []


def test_refused_access_is_logged(caplog, client, ingediend, vreemde_behandelaar):
    caplog.set_level(logging.WARNING, logger="ontheffing")
    inloggen(client, vreemde_behandelaar)
    response = client.get(reverse("provincie:verzoek", args=[ingediend.pk]))
    assert response.status_code == 404
    regels = [r for r in json_regels(caplog) if r["bericht"] == "toegang geweigerd"]
    assert regels[-1]["status"] == 404
    assert regels[-1]["pad"] == reverse("provincie:verzoek", args=[ingediend.pk])


def test_an_audit_finding_is_logged_with_the_kenmerk(caplog, ingediend):
    """A record slipped in behind the application's back (appending is the one
    change the database allows) breaks the chain."""
    caplog.set_level(logging.ERROR, logger="ontheffing")
    Gebeurtenis.objects.bulk_create(
        [Gebeurtenis(verzoek=ingediend, actie="notitie", hash="0" * 64)]
    )
    with pytest.raises(CommandError):
        call_command("audit_controleren")
    regels = [
        r for r in json_regels(caplog) if r["bericht"].startswith("auditcontrole")
    ]
    # The broken link, the changed content and the seal: each names the case.
    assert len(regels) == 3
    assert {r["kenmerk"] for r in regels} == {ingediend.kenmerk}


def test_health_is_ok_and_says_nothing_else(client):
    response = client.get(reverse("gezondheid"))
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "controles": {
            "database": {"status": "ok"},
            "migraties": {"status": "ok"},
            "berichten": {"status": "ok", "wachtend": 0, "oudste_seconden": 0},
        },
    }
    assert "no-cache" in response["Cache-Control"]


def test_health_reports_the_outbox_backlog_and_fails_when_it_is_stale(client, settings):
    from datetime import timedelta

    from django.utils import timezone

    from ontheffing import bezorging
    from ontheffing.models import Bericht

    settings.BEZORGING_NA_COMMIT = False  # nobody sends: the message waits
    bezorging.inplannen(
        soort="test", aan=["a@example.nl"], onderwerp="Test", tekst="Test"
    )
    response = client.get(reverse("gezondheid"))
    assert response.status_code == 200
    assert response.json()["controles"]["berichten"]["wachtend"] == 1
    Bericht.objects.update(aangemaakt_op=timezone.now() - timedelta(hours=31))
    response = client.get(reverse("gezondheid"))
    assert response.status_code == 503
    assert response.json()["controles"]["berichten"]["status"] == "fout"


def test_health_fails_with_an_unapplied_migration(client):
    """The application's role may only read the migration record, so the
    owner removes the newest entry, and puts it back afterwards."""
    laatste = (
        MigrationRecorder.Migration.objects.filter(app="ontheffing")
        .order_by("-id")
        .first()
    )
    with eigenaarscursor() as cursor:
        cursor.execute("DELETE FROM django_migrations WHERE id = %s", [laatste.id])
    try:
        response = client.get(reverse("gezondheid"))
        assert response.status_code == 503
        assert response.json()["controles"]["migraties"] == {"status": "fout"}
    finally:
        with eigenaarscursor() as cursor:
            cursor.execute(
                "INSERT INTO django_migrations (id, app, name, applied) "
                "VALUES (%s, %s, %s, %s)",
                [laatste.id, laatste.app, laatste.name, laatste.applied],
            )


def test_health_reports_a_queue_through_the_hook(client, monkeypatch):
    """The outbox is wired with ``registreer``; here a table of our own stands in."""
    monkeypatch.setattr(gezondheid, "_geregistreerd", {})
    oud = timezone.now() - timedelta(hours=2)
    Herstelpoging.objects.create(sleutel="a", tijdstip=oud)
    Herstelpoging.objects.create(sleutel="b", tijdstip=timezone.now())
    gezondheid.registreer(
        "uitgaande_post",
        lambda: gezondheid.wachtrij(
            Herstelpoging.objects.all(), "tijdstip", max_wachttijd=timedelta(hours=1)
        ),
    )
    response = client.get(reverse("gezondheid"))
    assert response.status_code == 503
    post = response.json()["controles"]["uitgaande_post"]
    assert post["status"] == "fout"
    assert post["wachtend"] == 2
    assert 7100 < post["oudste_seconden"] < 7300


@override_settings(SECURE_SSL_REDIRECT=True)
def test_health_is_reachable_over_plain_http(client):
    assert client.get(reverse("gezondheid")).status_code == 200
    assert client.get(reverse("start")).status_code == 301


def test_error_reports_carry_no_personal_data():
    """A real sentry-sdk client, its transport catching what would be sent."""
    import sentry_sdk
    from sentry_sdk.transport import Transport

    verzonden = []

    class Vanger(Transport):
        def capture_envelope(self, envelope):
            verzonden.extend(item.payload.json for item in envelope.items)

    foutmelding.start("https://sleutel@sentry.example/1", transport=Vanger)
    try:
        with sentry_sdk.new_scope() as scope:
            scope.set_user({"email": "jan@example.nl", "id": 7})
            scope.set_extra("aanvrager", "Jan Jansen")
            try:
                raise ValueError(
                    "Geen verzoek voor jan@example.nl, 6811 AA, 0612345678"
                )
            except ValueError:
                sentry_sdk.capture_exception()
        sentry_sdk.flush()
    finally:
        sentry_sdk.init()  # no DSN: reporting off again
    (event,) = [e for e in verzonden if e and "exception" in e]
    tekst = json.dumps(event)
    for persoonlijk in ("jan@example.nl", "6811 AA", "0612345678", "Jan Jansen"):
        assert persoonlijk not in tekst
    assert "user" not in event
    assert "[e-mailadres]" in event["exception"]["values"][0]["value"]


def test_logboek_names_a_concept_by_its_number(concept):
    assert logboek.kenmerk(concept) == f"concept {concept.pk}"
