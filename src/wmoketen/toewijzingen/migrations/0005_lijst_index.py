"""The backoffice's allocation list pages in SQL: its own allocations, the latest first
(``queries.eigen_lijst``; chosen from EXPLAIN on 100,000 allocations, #20)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("toewijzingen", "0004_toewijzing_start_termijn"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="toewijzing",
            index=models.Index(
                fields=["gemeente", "-toewijzingsdatum", "-id"], name="toewijzing_lijst"
            ),
        ),
    ]
