"""The seeded rules cite their sources by name, not by internal document number ("002 §4" →
"Werkafspraken Midden-Limburg West §4"); deadlines opened from them follow."""

from django.db import migrations


def voluit(apps, schema_editor):
    from wmoketen.termijnen import standaardregels

    standaardregels.noem_bronnen_voluit(
        apps.get_model("termijnen", "Termijnregel"), apps.get_model("termijnen", "Termijn")
    )


def terug(apps, schema_editor):
    from wmoketen.termijnen import standaardregels

    standaardregels.noem_bronnen_voluit(
        apps.get_model("termijnen", "Termijnregel"),
        apps.get_model("termijnen", "Termijn"),
        {nieuw: oud for oud, nieuw in standaardregels.BRONNEN_VOLUIT.items()},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("termijnen", "0002_standaardregels"),
    ]

    operations = [migrations.RunPython(voluit, terug)]
