# The in-app notification is called Notificatie in code: Melding is toegang's report of need.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("meldingen", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameModel(old_name="Melding", new_name="Notificatie"),
        migrations.AlterField(
            model_name="notificatie",
            name="ontvanger",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="notificaties",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.RenameIndex(
            model_name="notificatie",
            new_name="meldingen_n_ontvang_ce212b_idx",
            old_name="meldingen_m_ontvang_8e3a45_idx",
        ),
    ]
