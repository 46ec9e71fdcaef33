"""Trigram indexes (pg_trgm, GIN) for the worklist's search on PostgreSQL.

The search is a case-insensitive "contains" on kenmerk, name, subject and
counterparty (Django's ``icontains``: ``UPPER(col::text) LIKE UPPER('%term%')``);
an index on ``UPPER(col)`` with ``gin_trgm_ops`` serves exactly that expression,
so the four conditions become a BitmapOr of index scans instead of a scan of
every case. Trigrams rather than full-text search: a person types part of a
kenmerk ("0042"), of a surname or of a company name, which full text (whole
lexemes, Dutch stemming of names) would not find; trigrams keep the meaning of
the search identical to SQLite's, where a plain scan is acceptable and this
migration does nothing.
"""

from django.db import migrations

KOLOMMEN = ("kenmerk", "naam", "onderwerp", "wederpartij_naam")


def _naam(kolom):
    return f"verzoek_{kolom}_trgm"


def aanmaken(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may
    # create it without superuser rights.
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm;", params=None)
    for kolom in KOLOMMEN:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {_naam(kolom)} ON ontheffing_verzoek "
            f"USING gin (UPPER({kolom}::text) gin_trgm_ops);",
            params=None,
        )


def verwijderen(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for kolom in KOLOMMEN:
        schema_editor.execute(f"DROP INDEX IF EXISTS {_naam(kolom)};", params=None)


class Migration(migrations.Migration):
    dependencies = [("ontheffing", "0015_berichtbijlage")]

    operations = [migrations.RunPython(aanmaken, verwijderen, elidable=False)]
