# Four eyes in full: who qualified the case and who judged its criteria are
# recorded on it; the engine's stored answer is named in Dutch.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("ontheffing", "0016_snelheid"),
    ]

    operations = [
        migrations.RenameField(
            model_name="verzoek",
            old_name="kwalificatie_engine",
            new_name="kwalificatie_berekend",
        ),
        migrations.AddField(
            model_name="verzoek",
            name="criteria_beoordeeld_door",
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AddField(
            model_name="verzoek",
            name="gekwalificeerd_door",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
    ]
