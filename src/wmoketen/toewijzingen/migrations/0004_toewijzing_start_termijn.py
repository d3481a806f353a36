"""Toewijzing.start_termijn: the start_ondersteuning deadline that watches an allocation.

Existing allocations get the deadline that was opened for them before: their own, else the one
on a beschikking of their gemeente with their beschikkingnummer (the newest, running first)."""

import django.db.models.deletion
from django.db import migrations, models

REGEL = "start_ondersteuning"
LOPEND = ("open", "verlopen")


def koppel(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Termijn = apps.get_model("termijnen", "Termijn")
    Toewijzing = apps.get_model("toewijzingen", "Toewijzing")
    Beschikking = apps.get_model("toegang", "Beschikking")
    soort = {
        ct.model: ct.pk
        for ct in ContentType.objects.filter(
            app_label__in=["toewijzingen", "toegang"], model__in=["toewijzing", "beschikking"]
        )
    }
    termijnen = Termijn.objects.filter(regel__code=REGEL)
    for termijn in termijnen.filter(content_type_id=soort.get("toewijzing")).order_by("pk"):
        Toewijzing.objects.filter(pk=termijn.object_id).update(start_termijn=termijn)
    op_beschikking = termijnen.filter(content_type_id=soort.get("beschikking"))
    # Oldest first, running last: the latter wins for an allocation without its own deadline.
    eigen = set(Toewijzing.objects.filter(start_termijn__isnull=False).values_list("pk", flat=True))
    for termijn in sorted(op_beschikking, key=lambda t: (t.status in LOPEND, t.pk)):
        beschikking = Beschikking.objects.filter(pk=termijn.object_id).first()
        if beschikking is None or not beschikking.nummer:
            continue
        Toewijzing.objects.filter(
            gemeente_id=beschikking.gemeente_id, beschikkingnummer=beschikking.nummer
        ).exclude(pk__in=eigen).update(start_termijn=termijn)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("termijnen", "0003_bronnen_voluit"),
        ("toegang", "0004_afhandeling"),
        ("toewijzingen", "0003_omvang_validatoren"),
    ]

    operations = [
        migrations.AddField(
            model_name="toewijzing",
            name="start_termijn",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="termijnen.termijn",
                verbose_name="termijn start ondersteuning",
            ),
        ),
        migrations.RunPython(koppel, migrations.RunPython.noop),
    ]
