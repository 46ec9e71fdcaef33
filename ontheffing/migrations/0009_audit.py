"""The keyed seals, and on PostgreSQL: no TRUNCATE of what may only be added,
no deleting a seal, no changing a letter's seal (README, "Audit en
manipulatie")."""

import django.utils.timezone
from django.db import migrations, models

from ontheffing import zegels

ALLEEN_TOEVOEGEN = (
    "ontheffing_gebeurtenis",
    "ontheffing_besluit",
    "ontheffing_beheergebeurtenis",
    "ontheffing_zegel",
)

# As in 0002, plus one way for the owner (who may drop triggers anyway) to empty
# the tables of a test database on purpose; the application's role has no
# TRUNCATE right at all.
FUNCTIE = """
CREATE OR REPLACE FUNCTION ontheffing_weiger_wijziging() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'TRUNCATE'
       AND current_setting('ontheffing.leegmaken', true) = 'ja'
       AND pg_has_role(session_user,
                       (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER')
    THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'De tabel % mag alleen worden aangevuld (geen %).', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
"""

OUDE_FUNCTIE = """
CREATE OR REPLACE FUNCTION ontheffing_weiger_wijziging() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'De tabel % mag alleen worden aangevuld (geen %).', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
"""


def triggers_aanmaken(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTIE, params=None)
    for tabel in ALLEEN_TOEVOEGEN:
        schema_editor.execute(
            f"CREATE TRIGGER {tabel}_niet_leegmaken BEFORE TRUNCATE ON {tabel} "
            "FOR EACH STATEMENT EXECUTE FUNCTION ontheffing_weiger_wijziging();",
            params=None,
        )
    schema_editor.execute(
        "CREATE TRIGGER ontheffing_zegel_niet_verwijderen BEFORE DELETE ON ontheffing_zegel "
        "FOR EACH ROW EXECUTE FUNCTION ontheffing_weiger_wijziging();",
        params=None,
    )
    schema_editor.execute(
        "CREATE TRIGGER ontheffing_zegel_brief_vast BEFORE UPDATE ON ontheffing_zegel "
        "FOR EACH ROW WHEN (OLD.soort = 'besluit') "
        "EXECUTE FUNCTION ontheffing_weiger_wijziging();",
        params=None,
    )


def triggers_verwijderen(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for tabel in ALLEEN_TOEVOEGEN:
        schema_editor.execute(
            f"DROP TRIGGER IF EXISTS {tabel}_niet_leegmaken ON {tabel};", params=None
        )
    for naam in ("ontheffing_zegel_niet_verwijderen", "ontheffing_zegel_brief_vast"):
        schema_editor.execute(
            f"DROP TRIGGER IF EXISTS {naam} ON ontheffing_zegel;", params=None
        )
    schema_editor.execute(OUDE_FUNCTIE, params=None)


def bestaande_verzegelen(apps, schema_editor):
    """Seal what was recorded before the seals existed: each chain's head and
    each issued letter, as they stand now."""
    Zegel = apps.get_model("ontheffing", "Zegel")
    ketens = (
        (apps.get_model("ontheffing", "Gebeurtenis"), "verzoek"),
        (apps.get_model("ontheffing", "Beheergebeurtenis"), "provincie"),
    )
    for model, soort in ketens:
        sleutels = (
            model.objects.order_by().values_list(f"{soort}_id", flat=True).distinct()
        )
        for sleutel in sleutels:
            keten = model.objects.filter(**{f"{soort}_id": sleutel})
            aantal = keten.count()
            kop = keten.order_by("-pk").values_list("hash", flat=True).first()
            Zegel.objects.create(
                soort=soort,
                sleutel=sleutel,
                verzoek_pk=sleutel if soort == "verzoek" else None,
                aantal=aantal,
                kop=kop,
                zegel=zegels.zegel(zegels.ketenbericht(soort, sleutel, aantal, kop)),
            )
    for besluit in apps.get_model("ontheffing", "Besluit").objects.iterator():
        Zegel.objects.create(
            soort="besluit",
            sleutel=besluit.pk,
            verzoek_pk=besluit.verzoek_id,
            aantal=1,
            kop=besluit.sha256,
            zegel=zegels.zegel(
                zegels.briefbericht(
                    besluit_id=besluit.pk,
                    verzoek_id=besluit.verzoek_id,
                    soort=besluit.soort,
                    uitkomst=besluit.uitkomst,
                    datum=besluit.datum,
                    kenmerk=besluit.kenmerk,
                    pdf=besluit.pdf,
                    html=besluit.html,
                )
            ),
        )


class Migration(migrations.Migration):

    dependencies = [
        ('ontheffing', '0008_zienswijze_geven'),
    ]

    operations = [
        migrations.CreateModel(
            name='Zegel',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('soort', models.CharField(max_length=20)),
                ('sleutel', models.BigIntegerField()),
                ('verzoek_pk', models.BigIntegerField(blank=True, help_text='Het verzoek waartoe het behoort.', null=True)),
                ('aantal', models.PositiveIntegerField(default=0)),
                ('kop', models.CharField(blank=True, max_length=64)),
                ('zegel', models.CharField(max_length=64)),
                ('bijgewerkt_op', models.DateTimeField(default=django.utils.timezone.now)),
            ],
            options={
                'verbose_name_plural': 'zegels',
                'constraints': [models.UniqueConstraint(fields=('soort', 'sleutel'), name='uniek_zegel')],
            },
        ),
        migrations.RunPython(bestaande_verzegelen, migrations.RunPython.noop),
        migrations.RunPython(triggers_aanmaken, triggers_verwijderen),
    ]
