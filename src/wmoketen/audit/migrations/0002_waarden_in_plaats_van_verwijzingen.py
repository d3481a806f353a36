"""Who and which organisation as values: no foreign key constraint, no SET_NULL (an UPDATE of
the trail), and the organisation's name kept on the row, filled in for existing rows."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce


def organisatienamen(apps, schema_editor):
    """Existing rows keep their organisation's name (before the trail becomes append-only)."""
    AuditRegel = apps.get_model("audit", "AuditRegel")
    Organisatie = apps.get_model("organisaties", "Organisatie")
    naam = Organisatie.objects.filter(pk=OuterRef("organisatie_id")).values("naam")[:1]
    AuditRegel.objects.filter(organisatie_id__isnull=False).update(
        organisatienaam=Coalesce(Subquery(naam), models.Value(""))
    )


def verweesde_verwijzingen_leeg(apps, schema_editor):
    """Backwards, the foreign keys get their constraint again: a row of a user or organisation
    deleted since then keeps its name but loses the id (SET_NULL, as before this migration)."""
    AuditRegel = apps.get_model("audit", "AuditRegel")
    Gebruiker = apps.get_model(settings.AUTH_USER_MODEL)
    Organisatie = apps.get_model("organisaties", "Organisatie")
    AuditRegel.objects.exclude(gebruiker_id__in=Gebruiker.objects.values("pk")).exclude(
        gebruiker_id__isnull=True
    ).update(gebruiker_id=None)
    AuditRegel.objects.exclude(organisatie_id__in=Organisatie.objects.values("pk")).exclude(
        organisatie_id__isnull=True
    ).update(organisatie_id=None)


class Migration(migrations.Migration):

    dependencies = [
        ('audit', '0001_initial'),
        ('organisaties', '0007_contractregel_tarief_als_perioden'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='auditregel',
            name='organisatienaam',
            field=models.CharField(blank=True, max_length=200, verbose_name='organisatie'),
        ),
        migrations.AlterField(
            model_name='auditregel',
            name='gebruiker',
            field=models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AlterField(
            model_name='auditregel',
            name='organisatie',
            field=models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='organisaties.organisatie'),
        ),
        migrations.RunPython(organisatienamen, verweesde_verwijzingen_leeg, elidable=True),
    ]
