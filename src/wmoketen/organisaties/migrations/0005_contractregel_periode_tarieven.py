import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Contract lines get a period; tariffs become a history of periods (step 1: schema)."""

    dependencies = [
        ("organisaties", "0004_bestaande_onderaannemingen_goedgekeurd"),
    ]

    operations = [
        # Nullable until it goes in 0007, so that migrating back can refill it (0006).
        migrations.AlterField(
            model_name="contractregel",
            name="tarief",
            field=models.DecimalField(
                decimal_places=2, max_digits=10, null=True, verbose_name="tarief per eenheid (€)"
            ),
        ),
        migrations.AddField(
            model_name="contractregel",
            name="begindatum",
            field=models.DateField(null=True, verbose_name="begindatum"),
        ),
        migrations.AddField(
            model_name="contractregel",
            name="einddatum",
            field=models.DateField(blank=True, null=True, verbose_name="einddatum"),
        ),
        migrations.CreateModel(
            name="Tarief",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "bedrag",
                    models.DecimalField(
                        decimal_places=2, max_digits=10, verbose_name="tarief per eenheid (€)"
                    ),
                ),
                ("ingangsdatum", models.DateField(verbose_name="ingangsdatum")),
                (
                    "contractregel",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="tarieven",
                        to="organisaties.contractregel",
                    ),
                ),
            ],
            options={
                "verbose_name": "tarief",
                "verbose_name_plural": "tarieven",
                "ordering": ["contractregel", "ingangsdatum"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("contractregel", "ingangsdatum"),
                        name="tarief_uniek_per_ingangsdatum",
                        violation_error_message="Op deze datum gaat al een tarief in.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("bedrag__gte", 0)),
                        name="tarief_niet_negatief",
                        violation_error_message="Een tarief is niet negatief.",
                    ),
                ],
            },
        ),
    ]
