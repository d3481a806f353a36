"""Billing benchmark (issue #21): a month's proposal and a 323 checked and answered with its 325.

    .venv/bin/python benchmarks/declaraties.py     # SQLite and PostgreSQL, 60,000 allocations
    .venv/bin/python benchmarks/declaraties.py --toewijzingen 6000 --prestaties 1000   # smoke test
    make bench-declaraties

Per database, in a process of its own with a fresh database (SQLite in a temporary directory,
PostgreSQL ``wmoketen_bench_declaraties_<pid>`` on 127.0.0.1, dropped afterwards):

1. fill: one gemeente and one aanbieder with N running allocations on both sides
   (``declaraties_vullen``);
2. proposal: the aanbieder's ``voorstel.stel_voor`` for October: one prestatie per allocation;
3. answer: a 323 of P prestaties (taken from that proposal) is received by the gemeente
   (``berichten.services.ontvang``: XSD, single-message rules, the cross-message rules and the
   stored verdicts) and answered (``beantwoorden.beantwoord``: the 325 built, validated and
   sent); the same with P/10 prestaties, to show that the number of SQL queries does not grow
   with the prestaties.

Printed per phase: seconds, prestaties per second, SQL queries and peak memory (the process's
peak RSS over the phase: reset through /proc/self/clear_refs before it, VmHWM after it).
Target (issue #21): the P = 10,000 answer under 10 s, with the same query count as P/10.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HIER = Path(__file__).resolve().parent
PROJECT = HIER.parent
PG = "postgres://postgres@127.0.0.1:5432"
DOEL_SECONDEN = 10.0
MAAND = date(2026, 10, 1)


def main(argv=None) -> int:
    args = _argumenten(argv)
    if args.intern:
        print(json.dumps(_meet(args)), flush=True)
        return 0
    uitkomsten = {}
    for naam in args.databases:
        uitkomsten[naam] = _in_eigen_proces(naam, args)
    _druk_af(uitkomsten, args)
    antwoord = [u["antwoord"][-1]["seconden"] for u in uitkomsten.values()]
    return 0 if all(s < DOEL_SECONDEN for s in antwoord) else 1


def _in_eigen_proces(naam: str, args) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="wmoketen-bench-declaraties-"))
    db = f"wmoketen_bench_declaraties_{os.getpid()}"
    url = f"sqlite:///{tmp / 'bench.sqlite3'}" if naam == "sqlite" else f"{PG}/{db}"
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "wmoketen.conf.dev",
        "DEBUG": "False",
        "DATABASE_URL": url,
        "LOG_LEVEL": "ERROR",
        "WMOKETEN_VAR_DIR": str(tmp / "var"),
        "CELERY_BROKER_URL": "",
    }
    if naam == "postgresql":
        _psql(f"CREATE DATABASE {db}")
    try:
        uit = subprocess.run(
            [sys.executable, __file__, "--intern", *_doorgeven(args)],
            cwd=PROJECT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
    except subprocess.CalledProcessError as fout:
        sys.stderr.write(fout.stdout + fout.stderr)
        raise
    finally:
        if naam == "postgresql":
            _psql(f"DROP DATABASE IF EXISTS {db}")
    return json.loads(uit.stdout.strip().splitlines()[-1])


def _meet(args) -> dict:
    sys.path.insert(0, str(PROJECT / "src"))
    sys.path.insert(0, str(HIER))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from declaraties_vullen import vul

    uit = {}
    opzet, uit["vullen"] = _fase(lambda: vul(args.toewijzingen), args.toewijzingen)
    _api_kanaal(opzet.aanbieder)
    voorstel, uit["voorstel"] = _fase(lambda: _voorstel(opzet), args.toewijzingen)
    uit["antwoord"] = []
    for nummer, aantal in enumerate((args.prestaties // 10, args.prestaties)):
        data = _declaratie_323(voorstel, nummer, aantal)
        _, meting = _fase(lambda data=data: _ontvang_en_beantwoord(opzet, data), aantal)
        uit["antwoord"].append(meting)
    return uit


def _fase(functie, aantal: int):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _reset_piek()
    with CaptureQueriesContext(connection) as queries:
        begin = time.perf_counter()
        resultaat = functie()
        seconden = time.perf_counter() - begin
    return resultaat, {
        "aantal": aantal,
        "seconden": seconden,
        "per_seconde": aantal / seconden,
        "queries": len(queries),
        "piek_mb": _piek_mb(),
    }


def _voorstel(opzet):
    from wmoketen.declaraties.voorstel import stel_voor

    return stel_voor(
        aanbieder=opzet.aanbieder,
        gemeente=opzet.gemeente,
        wet="wmo",
        maand=MAAND,
        acting_user=opzet.medewerker,
    )


def _api_kanaal(aanbieder) -> None:
    """The aanbieder fetches its 325s over the API: the answer is measured without the
    aanbieder's own processing of it."""
    from wmoketen.berichten.constants import Transport
    from wmoketen.berichten.models import Berichtkanaal

    Berichtkanaal.objects.create(organisatie=aanbieder, transport=Transport.API)


def _declaratie_323(voorstel, nummer: int, aantal: int) -> bytes:
    """A 323 of ``aantal`` prestaties of the proposal, disjoint from the other measurement's.

    One declaration per month (TR318): the first over October, the second over November
    with October's prestaties in it (declared late: allowed, TR319)."""
    from wmoketen.declaraties import perioden
    from wmoketen.declaraties.bericht323 import bouw_323
    from wmoketen.declaraties.models import Declaratie

    begin, eind = voorstel.periode_begin, voorstel.periode_eind
    if nummer:
        begin, eind = perioden.maand_van(perioden.volgende_maand(begin))
    declaratie = Declaratie.objects.create(
        aanbieder=voorstel.aanbieder,
        gemeente=voorstel.gemeente,
        wet=voorstel.wet,
        declaratienummer=f"BENCH{nummer}",
        periode_begin=begin,
        periode_eind=eind,
    )
    pks = list(voorstel.prestaties.order_by("pk").values_list("pk", flat=True)[:aantal])
    voorstel.prestaties.filter(pk__in=pks).update(declaratie=declaratie)
    return bouw_323(declaratie, identificatie=f"BENCH{nummer}", dagtekening=date(2026, 12, 3))


def _ontvang_en_beantwoord(opzet, data: bytes):
    from wmoketen.berichten import services
    from wmoketen.declaraties.beantwoorden import beantwoord
    from wmoketen.declaraties.models import OntvangenDeclaratie

    bericht = services.ontvang(
        data, afzender=opzet.aanbieder, ontvanger=opzet.gemeente, transport="api"
    )
    declaratie = OntvangenDeclaratie.objects.get(bericht=bericht)
    if declaratie.header_retourcodes or declaratie.retourcodes:  # the bench's data is wrong
        raise RuntimeError(
            f"323 geweigerd: {declaratie.header_retourcodes} {declaratie.retourcodes}"
        )
    return beantwoord(declaratie, acting_user=opzet.backoffice)


def _reset_piek() -> None:
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def _piek_mb() -> float:
    for regel in Path("/proc/self/status").read_text().splitlines():
        if regel.startswith("VmHWM:"):
            return int(regel.split()[1]) / 1024
    return float("nan")


def _druk_af(uitkomsten: dict, args) -> None:
    print(
        f"Declaraties: {args.toewijzingen:,} toewijzingen, 323 van {args.prestaties:,} prestaties"
    )
    print(f"{'database':<11} {'fase':<22} {'s':>8} {'per s':>10} {'queries':>8} {'piek MB':>8}")
    for naam, uit in uitkomsten.items():
        regels = [("vullen", uit["vullen"]), ("voorstel", uit["voorstel"])]
        regels += [(f"323→325 ({m['aantal']:,})", m) for m in uit["antwoord"]]
        for fase, m in regels:
            print(
                f"{naam:<11} {fase:<22} {m['seconden']:>8.2f} {m['per_seconde']:>10,.0f} "
                f"{m['queries']:>8} {m['piek_mb']:>8.0f}"
            )
    if len(uitkomsten) == 2:
        sq, pg = (uitkomsten[n]["antwoord"][-1]["seconden"] for n in ("sqlite", "postgresql"))
        print(f"PostgreSQL/SQLite (323→325, {args.prestaties:,}): {pg / sq:.2f}×")
    for naam, uit in uitkomsten.items():
        klein, groot = uit["antwoord"]
        print(
            f"{naam}: {groot['seconden']:.2f} s voor {groot['aantal']:,} prestaties (doel < "
            f"{DOEL_SECONDEN:.0f} s: {_gehaald(groot['seconden'])}); "
            f"queries {klein['queries']} bij {klein['aantal']:,} en {groot['queries']} bij "
            f"{groot['aantal']:,} prestaties"
        )


def _gehaald(seconden: float) -> str:
    return "gehaald" if seconden < DOEL_SECONDEN else "niet gehaald"


def _doorgeven(args) -> list[str]:
    return ["--toewijzingen", str(args.toewijzingen), "--prestaties", str(args.prestaties)]


def _psql(sql: str) -> None:
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", sql], check=True)


def _argumenten(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--toewijzingen", type=int, default=60_000)
    parser.add_argument("--prestaties", type=int, default=10_000)
    parser.add_argument(
        "--databases", nargs="+", default=["sqlite", "postgresql"], choices=["sqlite", "postgresql"]
    )
    parser.add_argument("--intern", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(main())
