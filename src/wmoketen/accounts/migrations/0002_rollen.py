"""The roles as Django groups (the 'fixture' of roles), with their model permissions."""

from django.db import migrations

from wmoketen.accounts.constants import Rol


def maak_rollen(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for rol in Rol:
        Group.objects.get_or_create(name=rol.value)


def verwijder_rollen(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[r.value for r in Rol]).delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(maak_rollen, verwijder_rollen)]
