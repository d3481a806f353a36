from django.db import migrations, models


class Migration(migrations.Migration):
    """Step 3: the line's begindatum is required and its single tariff field is gone."""

    dependencies = [
        ("organisaties", "0006_tarieven_uit_contractregels"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="contractregel",
            name="contractregel_tarief_positief",
        ),
        migrations.RemoveField(
            model_name="contractregel",
            name="tarief",
        ),
        migrations.AlterField(
            model_name="contractregel",
            name="begindatum",
            field=models.DateField(verbose_name="begindatum"),
        ),
        migrations.AddConstraint(
            model_name="contractregel",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("einddatum__isnull", True),
                    ("einddatum__gte", models.F("begindatum")),
                    _connector="OR",
                ),
                name="contractregel_einde_na_begin",
                violation_error_message="De einddatum ligt vóór de begindatum.",
            ),
        ),
    ]
