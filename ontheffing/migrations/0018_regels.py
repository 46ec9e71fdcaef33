# One rule, one place: the engine's stored answer is named in Dutch, and who
# prepared the decision (four eyes) is recorded on the case, filled here from
# the audit trail of the cases that exist.

from django.db import migrations, models

VOORBEREIDING = ("kwalificeren", "toetsen", "voorstellen", "buiten_behandeling_voorstellen")


def voorbereiders_uit_audittrail(apps, schema_editor):
    Verzoek = apps.get_model("ontheffing", "Verzoek")
    Gebeurtenis = apps.get_model("ontheffing", "Gebeurtenis")
    per_verzoek: dict[int, list[int]] = {}
    for verzoek_id, actor_id in (
        Gebeurtenis.objects.filter(actie__in=VOORBEREIDING, actor__isnull=False)
        .order_by("pk")
        .values_list("verzoek_id", "actor_id")
    ):
        ids = per_verzoek.setdefault(verzoek_id, [])
        if actor_id not in ids:
            ids.append(actor_id)
    for verzoek_id, ids in per_verzoek.items():
        Verzoek.objects.filter(pk=verzoek_id).update(voorbereiders=ids)


class Migration(migrations.Migration):
    dependencies = [
        ("ontheffing", "0017_uitgenodigd_door"),
    ]

    operations = [
        migrations.RenameField(
            model_name="verzoek",
            old_name="kwalificatie_engine",
            new_name="kwalificatie_berekend",
        ),
        migrations.AddField(
            model_name="verzoek",
            name="voorbereiders",
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.RunPython(voorbereiders_uit_audittrail, migrations.RunPython.noop),
    ]
