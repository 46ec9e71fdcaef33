"""On PostgreSQL the database itself refuses UPDATE and DELETE on the audit trail
and on issued letters, whoever connects. (SQLite has no such guard; there the
hash chain of ``audit_controleren`` shows any change.)"""

from django.db import migrations

TABELLEN = ("ontheffing_gebeurtenis", "ontheffing_besluit")

FUNCTIE = """
CREATE OR REPLACE FUNCTION ontheffing_weiger_wijziging() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'De tabel % mag alleen worden aangevuld (geen %).', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
"""


def aanmaken(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTIE, params=None)
    for tabel in TABELLEN:
        schema_editor.execute(
            f"CREATE TRIGGER {tabel}_alleen_toevoegen BEFORE UPDATE OR DELETE ON {tabel} "
            "FOR EACH ROW EXECUTE FUNCTION ontheffing_weiger_wijziging();"
        )


def verwijderen(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for tabel in TABELLEN:
        schema_editor.execute(
            f"DROP TRIGGER IF EXISTS {tabel}_alleen_toevoegen ON {tabel};"
        )
    schema_editor.execute("DROP FUNCTION IF EXISTS ontheffing_weiger_wijziging();")


class Migration(migrations.Migration):
    dependencies = [("ontheffing", "0001_initial")]
    operations = [migrations.RunPython(aanmaken, verwijderen)]
