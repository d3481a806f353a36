"""On PostgreSQL the database itself refuses to change or remove audit rows.

A row-level trigger raises on every UPDATE and DELETE of ``audit_auditregel``, whoever sends
it (the ORM, raw SQL, psql). TRUNCATE is left alone: Django's ``flush`` (transactional tests,
``manage.py flush``) empties all tables with it, and whoever may truncate a table may drop it
as well. SQLite has no such guard here; the model and queryset refuse there (``AlleenToevoegen``).
"""

from django.db import migrations

TABEL = "audit_auditregel"

AANMAKEN = f"""
CREATE OR REPLACE FUNCTION audit_alleen_toevoegen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'De audittrail kan alleen worden aangevuld: % op % is geweigerd.',
        TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
DROP TRIGGER IF EXISTS audit_alleen_toevoegen ON {TABEL};
CREATE TRIGGER audit_alleen_toevoegen
    BEFORE UPDATE OR DELETE ON {TABEL}
    FOR EACH ROW EXECUTE FUNCTION audit_alleen_toevoegen();
"""

VERWIJDEREN = f"""
DROP TRIGGER IF EXISTS audit_alleen_toevoegen ON {TABEL};
DROP FUNCTION IF EXISTS audit_alleen_toevoegen();
"""


def _alleen_postgresql(sql: str):
    def uitvoeren(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return uitvoeren


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_waarden_in_plaats_van_verwijzingen")]

    operations = [
        migrations.RunPython(_alleen_postgresql(AANMAKEN), _alleen_postgresql(VERWIJDEREN)),
    ]
