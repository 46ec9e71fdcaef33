"""The PostgreSQL suite runs as the application's restricted role, as
production does (README, "Audit en manipulatie"): with ``DATABASE_EIGENAAR_URL``
set beside ``DATABASE_URL``, the test database is created and migrated as the
owner, which grants the application role its rights after ``migrate``; then
every test connects as the application role. Emptying the tables between
transactional tests is the one thing done as the owner, on purpose past the
TRUNCATE guard. Without ``DATABASE_EIGENAAR_URL`` one role does everything."""

from __future__ import annotations

import os
from contextlib import contextmanager, nullcontext

import dj_database_url
import pytest
from django.conf import settings
from django.db import connections, transaction
from django.db.backends.postgresql.operations import DatabaseOperations


def eigenaar() -> dict | None:
    url = os.environ.get("DATABASE_EIGENAAR_URL")
    return dj_database_url.parse(url) if url else None


@contextmanager
def als_eigenaar():
    """Connect the default alias as the owner for the duration."""
    instellingen = settings.DATABASES["default"]
    app = {k: instellingen[k] for k in ("USER", "PASSWORD")}
    connections["default"].close()
    instellingen.update({k: eigenaar()[k] for k in ("USER", "PASSWORD")})
    vorige_rol = settings.DATABASE_APP_ROL
    settings.DATABASE_APP_ROL = app["USER"]
    try:
        yield
    finally:
        connections["default"].close()
        instellingen.update(app)
        settings.DATABASE_APP_ROL = vorige_rol


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_use_migrations,
    django_db_keepdb,
    django_db_createdb,
    django_db_modify_db_settings,
):
    """pytest-django's own set-up, run as the owner when the roles are separate."""
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.fixtures import _disable_migrations

    if not django_db_use_migrations:
        _disable_migrations()
    keepdb = django_db_keepdb and not django_db_createdb
    rol = als_eigenaar if eigenaar() is not None else nullcontext
    with django_db_blocker.unblock(), rol():
        db_cfg = setup_databases(verbosity=0, interactive=False, keepdb=keepdb)
    yield
    if not django_db_keepdb:
        with django_db_blocker.unblock(), rol():
            teardown_databases(db_cfg, verbosity=0)


_flush = DatabaseOperations.execute_sql_flush


def _leegmaken(self, sql_list):
    """Flush as the owner (the application role may not TRUNCATE), telling the
    TRUNCATE trigger that this emptying of a test database is meant."""
    if eigenaar() is None:
        with transaction.atomic(using=self.connection.alias):
            with self.connection.cursor() as cursor:
                cursor.execute("SET LOCAL ontheffing.leegmaken = 'ja'")
            return _flush(self, sql_list)
    import psycopg

    s, e = self.connection.settings_dict, eigenaar()
    with psycopg.connect(
        host=s["HOST"] or None,
        port=s["PORT"] or None,
        dbname=s["NAME"],
        user=e["USER"],
        password=e["PASSWORD"],
    ) as verbinding:
        verbinding.execute("SET LOCAL ontheffing.leegmaken = 'ja'")
        for sql in sql_list:
            verbinding.execute(sql)


DatabaseOperations.execute_sql_flush = _leegmaken


@contextmanager
def eigenaarscursor():
    """A cursor on the current (test) database as the owner role: the owner
    when the roles are separate, else the one role there is."""
    if eigenaar() is None:
        with connections["default"].cursor() as cursor:
            yield cursor
        return
    import psycopg

    s, e = connections["default"].settings_dict, eigenaar()
    with psycopg.connect(
        host=s["HOST"] or None,
        port=s["PORT"] or None,
        dbname=s["NAME"],
        user=e["USER"],
        password=e["PASSWORD"],
        autocommit=True,
    ) as verbinding:
        yield verbinding.cursor()
