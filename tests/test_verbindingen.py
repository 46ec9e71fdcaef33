"""Persistent database connections survive PostgreSQL closing them: the
backend of the app's connection is terminated (``pg_terminate_backend``, what
a restart does to every connection) between requests and in the middle of a
request's transaction. Nothing is half-written and the next request succeeds."""

import psycopg
import pytest
from django.conf import settings
from django.db import close_old_connections, connection
from django.test import Client
from django.urls import reverse

from ontheffing.models import Gebeurtenis, Verzoek
from ontheffing.states import Rol
from tests.factories import inloggen, maak_gebruiker, maak_ingediend

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="pg_terminate_backend: PostgreSQL"
    ),
    pytest.mark.django_db(transaction=True),
]


def test_production_keeps_connections_with_a_health_check():
    # The defaults without DEBUG; DEBUG (tests, runserver) opens one per request.
    import importlib
    import os

    import ontheffing.settings as instellingen

    oud = {k: os.environ.get(k) for k in ("DEBUG", "CONN_MAX_AGE", "SECRET_KEY")}
    try:
        os.environ.pop("CONN_MAX_AGE", None)
        os.environ["DEBUG"] = "0"
        os.environ["SECRET_KEY"] = "p" * 60 + "roductie-sleutel-voor-de-test"
        db = importlib.reload(instellingen).DATABASES["default"]
        assert (db["CONN_MAX_AGE"], db["CONN_HEALTH_CHECKS"]) == (60, True)
    finally:
        for k, v in oud.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        importlib.reload(instellingen)


def _beheerverbinding():
    s = settings.DATABASES["default"]
    return psycopg.connect(
        host=s["HOST"],
        port=s["PORT"] or 5432,
        user=s["USER"],
        password=s["PASSWORD"],
        dbname=connection.settings_dict["NAME"],
        autocommit=True,
    )


def _beeindigen(pid):
    with _beheerverbinding() as beheer:
        beheer.execute("SELECT pg_terminate_backend(%s, 5000)", [pid])


@pytest.fixture
def blijvend():
    """The app's connection as production configures it."""
    connection.close()
    oud = {
        k: connection.settings_dict[k] for k in ("CONN_MAX_AGE", "CONN_HEALTH_CHECKS")
    }
    connection.settings_dict.update(CONN_MAX_AGE=60, CONN_HEALTH_CHECKS=True)
    yield
    connection.close()
    connection.settings_dict.update(oud)


def _verzoek(client, methode, url):
    """A request as a WSGI server makes it: Django's test client disconnects
    ``close_old_connections`` from the request signals, so call it where the
    real handler does (request started and finished)."""
    close_old_connections()
    response = getattr(client, methode)(url)
    close_old_connections()
    return response


def _pid():
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def test_a_terminated_connection_is_replaced_before_the_next_request(blijvend):
    client = Client(raise_request_exception=False)
    inloggen(client, maak_gebruiker(Rol.AANVRAGER))
    url = reverse("gegevens")
    assert _verzoek(client, "get", url).status_code == 200
    eerste = _pid()
    assert _verzoek(client, "get", url).status_code == 200
    assert _pid() == eerste, "the connection is kept between requests"
    close_old_connections()
    _beeindigen(eerste)
    assert _verzoek(client, "get", url).status_code == 200
    assert _pid() != eerste


def test_a_connection_lost_mid_transaction_writes_nothing(blijvend, gemeente):
    verzoek = maak_ingediend(gemeente=gemeente)
    behandelaar = maak_gebruiker(Rol.BEHANDELAAR, gemeente.provincie)
    gebeurtenissen = Gebeurtenis.objects.filter(verzoek=verzoek).count()
    client = Client(raise_request_exception=False)
    inloggen(client, behandelaar)
    _verzoek(client, "get", reverse("provincie:werkvoorraad"))
    pid = _pid()
    gezien = []

    def onderbreken(execute, sql, params, many, context):
        # The case's row is written first, then its audit event: the server
        # goes away between the two, inside the transaction.
        if sql.startswith('INSERT INTO "ontheffing_gebeurtenis"') and not gezien:
            gezien.append(sql)
            _beeindigen(pid)
        return execute(sql, params, many, context)

    url = reverse("provincie:oppakken", args=[verzoek.pk])
    with connection.execute_wrapper(onderbreken):
        response = _verzoek(client, "post", url)
    assert gezien, "the request reached the audit event"
    assert response.status_code == 500  # the one request that was cut off
    # Read from another connection: the app's own is broken until the next
    # request replaces it.
    with _beheerverbinding() as beheer:
        assert beheer.execute(
            "SELECT behandelaar_id FROM ontheffing_verzoek WHERE id = %s", [verzoek.pk]
        ).fetchone() == (None,)
        assert beheer.execute(
            "SELECT count(*) FROM ontheffing_gebeurtenis WHERE verzoek_id = %s",
            [verzoek.pk],
        ).fetchone() == (gebeurtenissen,)
    # The next request gets a fresh connection and does the work once.
    response = _verzoek(client, "post", url)
    assert response.status_code == 302
    assert Verzoek.objects.get(pk=verzoek.pk).behandelaar_id == behandelaar.pk
    assert Gebeurtenis.objects.filter(verzoek=verzoek).count() == gebeurtenissen + 1
