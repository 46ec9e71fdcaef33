"""Least privilege on PostgreSQL: the owner role runs ``migrate``; the login role
the application runs as (``DATABASE_APP_ROL``) owns nothing and gets only what
it needs. After every ``migrate`` the owner grants it, on every table there is
then, SELECT, INSERT, UPDATE and DELETE, except on what may only be added to:
there SELECT and INSERT (a chain's seal may be replaced, never removed). Never
TRUNCATE, ALTER or REFERENCES, nor any right on the schema but USAGE
(README, "Audit en manipulatie")."""

from django.conf import settings
from django.db import connections, transaction

# Table -> the rights beyond SELECT and INSERT that the application needs.
ALLEEN_TOEVOEGEN = {
    "ontheffing_gebeurtenis": "",
    "ontheffing_beheergebeurtenis": "",
    "ontheffing_besluit": "",
    "ontheffing_zegel": ", UPDATE",
    "django_migrations": None,  # only read (``migrate --check``)
}


def rechten_toekennen(*, using: str = "default", rol: str | None = None) -> bool:
    """Grant the application role its rights; False when there is nothing to
    do (not PostgreSQL, no role configured, or connected as that role)."""
    connection = connections[using]
    rol = rol if rol is not None else settings.DATABASE_APP_ROL
    if connection.vendor != "postgresql" or not rol:
        return False
    # One transaction: a running application never sees its rights half revoked.
    with transaction.atomic(using=using), connection.cursor() as cursor:
        cursor.execute("SELECT current_user, current_schema()")
        gebruiker, schema = cursor.fetchone()
        if gebruiker == rol:
            return False
        q = connection.ops.quote_name
        r, s = q(rol), q(schema)
        cursor.execute(f"REVOKE ALL ON SCHEMA {s} FROM {r}")
        cursor.execute(f"GRANT USAGE ON SCHEMA {s} TO {r}")
        cursor.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA {s} FROM {r}")
        cursor.execute(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {s} FROM {r}")
        cursor.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = %s ORDER BY 1",
            [schema],
        )
        for (tabel,) in cursor.fetchall():
            if tabel in ALLEEN_TOEVOEGEN:
                extra = ALLEEN_TOEVOEGEN[tabel]
                rechten = "SELECT" if extra is None else f"SELECT, INSERT{extra}"
            else:
                rechten = "SELECT, INSERT, UPDATE, DELETE"
            cursor.execute(f"GRANT {rechten} ON {s}.{q(tabel)} TO {r}")
        cursor.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {r}")
    return True


def na_migreren(sender, using="default", **kwargs):
    rechten_toekennen(using=using)
