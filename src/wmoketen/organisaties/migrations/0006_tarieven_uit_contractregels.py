from django.db import migrations


def naar_perioden(apps, schema_editor):
    """Each existing line holds from its contract's start, at the tariff it had."""
    Contractregel = apps.get_model("organisaties", "Contractregel")
    Tarief = apps.get_model("organisaties", "Tarief")
    for regel in Contractregel.objects.select_related("contract"):
        regel.begindatum = regel.contract.begindatum
        regel.save(update_fields=["begindatum"])
        Tarief.objects.create(
            contractregel=regel, bedrag=regel.tarief, ingangsdatum=regel.begindatum
        )


def terug(apps, schema_editor):
    Tarief = apps.get_model("organisaties", "Tarief")
    for tarief in Tarief.objects.order_by("contractregel", "-ingangsdatum"):
        regel = tarief.contractregel
        regel.tarief = tarief.bedrag  # the latest, written last
        regel.save(update_fields=["tarief"])


class Migration(migrations.Migration):
    dependencies = [
        ("organisaties", "0005_contractregel_periode_tarieven"),
    ]

    operations = [migrations.RunPython(naar_perioden, terug)]
