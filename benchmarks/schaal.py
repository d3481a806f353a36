"""Scale benchmark: every page per role on one gemeente at 100,000 clients and 2,000,000 messages.

    .venv/bin/python benchmarks/schaal.py                      # fill (once), then time
    .venv/bin/python benchmarks/schaal.py --opnieuw            # refill from scratch
    .venv/bin/python benchmarks/schaal.py --schaal 0.1         # a tenth of the size
    .venv/bin/python benchmarks/schaal.py --pagina wachtlijst  # time the matching pages only
    make bench-schaal SCHAAL_ARGS="--runs 5"                   # or: make bench SCHAAL=1

1. **Fill** a PostgreSQL database of its own (``wmoketen_schaal`` on 127.0.0.1, or
   ``DATABASE_URL``): created fresh, the demo loaded into it (``manage.py demo``, which also
   migrates), then multiplied inside PostgreSQL (``schaal_vullen.py``). A database that holds
   a finished fill of the same ``--schaal`` is kept (only migrated): the fill is the slow part.
   It prints the rows per table and the disk used.
2. **Time** every page per role (``schaal_meten.py``) in-process with Django's test client,
   logged in as the demo users, with ``DEBUG=False`` and persistent connections: 2 warm-up
   requests, then p50/p95 over 20, with the query count and the size of the HTML. Pages over
   500 ms at p95 are marked.

Results and settings: docs/performance.md, "Schaalbenchmark".
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

HIER = Path(__file__).resolve().parent
PROJECT = HIER.parent
sys.path[:0] = [str(HIER), str(PROJECT / "src")]

STANDAARD_DB = "postgres://postgres@127.0.0.1:5432/wmoketen_schaal"
MARKERING = "schaal_vulling"  # a table of the benchmark's own: the finished fill's schaal


def main(argv=None) -> int:
    args = _argumenten(argv)
    url = os.environ.get("DATABASE_URL", STANDAARD_DB)
    env = _omgeving(url)
    os.environ.update(env)
    if args.opnieuw or _gevulde_schaal(url) != args.schaal:
        _vul(url, args.schaal, env)
    else:
        print(f"Database {_naam(url)} is al gevuld (schaal {args.schaal}); alleen migreren.")
        subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=PROJECT, check=True)
    import django

    django.setup()
    _toon_omvang()
    if args.alleen_vullen:
        return 0
    import schaal_meten

    return schaal_meten.meet(
        runs=args.runs, opwarmen=args.opwarmen, filter_=args.pagina, markdown_naar=args.markdown
    )


def _argumenten(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--schaal", type=float, default=1.0, help="1 = 100,000 cliënten en 2,000,000 berichten"
    )
    parser.add_argument("--opnieuw", action="store_true", help="de database opnieuw vullen")
    parser.add_argument("--alleen-vullen", action="store_true", help="niet meten")
    parser.add_argument(
        "--pagina", help="alleen pagina's waarvan het pad dit bevat (=PAD: precies dat pad)"
    )
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--opwarmen", type=int, default=2)
    parser.add_argument("--markdown", type=Path, help="de tabel ook als Markdown hierheen")
    return parser.parse_args(argv)


def _omgeving(url: str) -> dict:
    """Production-like settings: the dev settings (no HTTPS, no 2FA) with DEBUG off and
    persistent connections."""
    deel = urlparse(url)
    if "conn_max_age" not in deel.query:
        query = "&".join(q for q in (deel.query, "conn_max_age=600") if q)
        deel = deel._replace(query=query)
    return {
        "DJANGO_SETTINGS_MODULE": "wmoketen.conf.dev",
        "DEBUG": "False",
        "DATABASE_URL": urlunparse(deel),
        "ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",
        "LOG_LEVEL": "ERROR",
        "WMOKETEN_VAR_DIR": os.environ.get("WMOKETEN_VAR_DIR")
        or tempfile.mkdtemp(prefix="wmoketen-schaal-"),
    }


def _naam(url: str) -> str:
    return urlparse(url).path.lstrip("/")


def _beheer(url: str):
    """A psycopg connection to the server's ``postgres`` database (to create and drop)."""
    import psycopg

    deel = urlparse(url)._replace(path="/postgres", query="")
    return psycopg.connect(urlunparse(deel), autocommit=True)


def _gevulde_schaal(url: str) -> float | None:
    import psycopg

    try:
        with psycopg.connect(urlparse(url)._replace(query="").geturl()) as verbinding:
            rij = verbinding.execute(
                f"SELECT schaal FROM {MARKERING} ORDER BY klaar DESC LIMIT 1"
            ).fetchone()
            return rij[0] if rij else None
    except psycopg.Error:
        return None


def _vul(url: str, schaal: float, env: dict) -> None:
    naam = _naam(url)
    with _beheer(url) as beheer:
        beheer.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')
        beheer.execute(f'CREATE DATABASE "{naam}"')
    begin = time.monotonic()
    print(f"Database {naam}: demo laden (migreert eerst) …", flush=True)
    subprocess.run(
        [sys.executable, "manage.py", "demo"],
        cwd=PROJECT,
        check=True,
        stdout=subprocess.DEVNULL,
        env=os.environ | env,
    )
    print(f"  demo: {time.monotonic() - begin:.0f} s", flush=True)
    import django

    django.setup()
    import schaal_vullen
    from django.db import connection

    print(f"Vullen op schaal {schaal} …", flush=True)
    with connection.cursor() as cursor:
        connection.set_autocommit(False)
        schaal_vullen.vul(schaal, cursor)
        connection.set_autocommit(True)
        begin_analyse = time.monotonic()
        cursor.execute("VACUUM (ANALYZE)")
        print(f"  VACUUM ANALYZE: {time.monotonic() - begin_analyse:.0f} s")
        cursor.execute(f"CREATE TABLE IF NOT EXISTS {MARKERING} (schaal float, klaar timestamptz)")
        cursor.execute(f"INSERT INTO {MARKERING} VALUES (%s, now())", [schaal])
    connection.close()
    print(f"Vullen klaar in {time.monotonic() - begin:.0f} s (demo meegeteld).", flush=True)


def _toon_omvang() -> None:
    """Rows per table (exact counts) and the disk: the database and its largest tables."""
    from django.apps import apps
    from django.db import connection

    with connection.cursor() as cursor:
        rijen = []
        for model in apps.get_models(include_auto_created=True):
            tabel = model._meta.db_table
            cursor.execute(f'SELECT count(*) FROM "{tabel}"')
            aantal = cursor.fetchone()[0]
            cursor.execute(
                "SELECT pg_total_relation_size(%s), pg_relation_size(%s)", [tabel, tabel]
            )
            totaal, heap = cursor.fetchone()
            rijen.append((tabel, aantal, totaal, heap))
        cursor.execute("SELECT pg_database_size(current_database())")
        database = cursor.fetchone()[0]
    print(f"\n{'tabel':<45} {'rijen':>12} {'totaal':>10} {'heap':>10}")
    for tabel, aantal, totaal, heap in sorted(rijen, key=lambda r: -r[2]):
        if aantal:
            print(f"{tabel:<45} {aantal:>12,} {_mb(totaal):>10} {_mb(heap):>10}")
    print(f"Database: {_mb(database)} (pg_database_size)\n", flush=True)


def _mb(n: int) -> str:
    return f"{n / 2**20:,.0f} MB" if n >= 2**20 else f"{n / 1024:,.0f} kB"


if __name__ == "__main__":
    sys.exit(main())
