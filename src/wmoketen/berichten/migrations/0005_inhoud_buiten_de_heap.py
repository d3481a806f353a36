"""On PostgreSQL, keep a message's body (and a long list of errors) out of the table's main heap.

PostgreSQL toasts (compresses, then moves out of line) a row only when it is longer than
about 2 kB, and then only until it is shorter than ``toast_tuple_target`` (2,032 bytes by
default). A message of 7 kB compresses to 1.7 kB, so it stayed inline: the heap held every
body (762 MB for 490,000 messages, nothing in TOAST), and every scan or join of
``berichten_bericht`` read them all.

With ``toast_tuple_target = 128`` the toaster goes on until the row is 128 bytes or nothing is
left to move: the compressed body goes to the TOAST table, and so do ``fouten`` (100 errors,
21 kB, compress to 1 kB). Measured on PostgreSQL 15 with 100,000 rows of the official examples
(WMO301, 302, 305, 317, 319):

    storage                            heap     TOAST   total   count(*) by seq scan
    default (EXTENDED, target 2032)    156 MB   0       158 MB  59 ms
    EXTENDED, toast_tuple_target 128    31 MB   104 MB  139 MB  17 ms
    EXTERNAL, toast_tuple_target 128    31 MB   469 MB  508 MB  26 ms

``SET STORAGE EXTERNAL`` (out of line, never compressed) empties the heap just as well but
stores the XML uncompressed, 4.5 times the TOAST; so the column keeps EXTENDED and only the
table's target changes. A row that is shorter than about 2 kB as a whole (a body under
1.9 kB, e.g. a WMO319) is never toasted and keeps its body inline: rows stay under 2 kB.

The setting applies to rows written from now on. Existing rows move when their body is
written anew, e.g. in batches: ``UPDATE berichten_bericht SET inhoud = inhoud || ''::bytea
WHERE id BETWEEN ...`` followed by ``VACUUM berichten_bericht`` (docs/berichten.md).
SQLite has no such setting: nothing happens there.
"""

from django.db import migrations

TABEL = "berichten_bericht"


def zet(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABEL} SET (toast_tuple_target = 128)")


def terug(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABEL} RESET (toast_tuple_target)")


class Migration(migrations.Migration):
    dependencies = [("berichten", "0004_lijstindexen")]

    operations = [migrations.RunPython(zet, terug, elidable=False)]
