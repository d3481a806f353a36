"""The payment deadline rule (``betaling``: 30 kalenderdagen) on a database migrated before it
existed. A fresh database gets it from termijnen's 0002 already (it reads the same file);
``laad`` is idempotent, so running it again there creates nothing."""

from django.db import migrations


def laad(apps, schema_editor):
    from wmoketen.termijnen import standaardregels

    standaardregels.laad(
        apps.get_model("termijnen", "Termijnregel"),
        apps.get_model("organisaties", "Gemeente"),
        apps.get_model("organisaties", "Regio"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("betalingen", "0001_initial"),
        ("termijnen", "0003_bronnen_voluit"),
    ]

    operations = [migrations.RunPython(laad, migrations.RunPython.noop)]
