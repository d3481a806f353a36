"""Onderaannemingen registered before consent existed keep working: they count as approved."""

from django.db import migrations


def keur_bestaande_goed(apps, schema_editor):
    Onderaanneming = apps.get_model("organisaties", "Onderaanneming")
    Onderaanneming.objects.all().update(status="goedgekeurd")


class Migration(migrations.Migration):
    dependencies = [("organisaties", "0003_onderaanneming_toestemming")]

    operations = [migrations.RunPython(keur_bestaande_goed, migrations.RunPython.noop)]
