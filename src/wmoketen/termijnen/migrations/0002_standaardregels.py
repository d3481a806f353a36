"""The national and standaard deadline rules (and regional ones whose regio/gemeente exists).

The data lives in termijnen/data/standaardregels.json; services.laad_standaardregels() loads
the same file again later (idempotent) to attach the regional rules."""

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
        ("termijnen", "0001_initial"),
    ]

    operations = [migrations.RunPython(laad, migrations.RunPython.noop)]
