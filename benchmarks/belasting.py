"""Load test: the message API and the worklists on PostgreSQL, gunicorn, RabbitMQ and Celery.

    .venv/bin/python benchmarks/belasting.py                 # 60 s of locust, then the burst
    .venv/bin/python benchmarks/belasting.py --duur 20 --intern 300   # shorter
    make bench-belasting BELASTING_ARGS="--duur 30"          # `make bench` runs both benchmarks

Everything runs on this machine against 127.0.0.1 only, in a PostgreSQL database and a
RabbitMQ vhost of its own (both removed at the end), with the app under gunicorn (2 workers;
runserver when gunicorn is missing) and a Celery worker with 2 processes.

1. **API and worklists** (locust, bounded in time and in messages): ``Backofficesysteem``
   users post unique WMO301s to ``POST /api/v1/berichten/``, ``Medewerker`` users log in and
   read the worklists (``benchmarks/locustfile.py``). The API runs the pipeline inside the
   request, so a 201 is a message already in its final state.
2. **Internal delivery**: the gemeente sends WMO301s with ``services.verstuur`` (stored, the
   Bezorging queued on RabbitMQ), and the 2 Celery processes run the receiver's pipeline.

For each phase it prints messages per second accepted and processed end to end (first
message stored → last retour stored), p50/p95 latencies, the counts (sent, accepted, in a
final state, lost: must be 0, else exit status 1), the time per stage from the messages'
timestamps, the CPU seconds per process, what PostgreSQL's connections were doing, and per
request or task its wall and CPU time, queries and time in the database, measured inside
gunicorn and Celery (``bemonsteraar.py``). Results: docs/performance.md, "Load test".
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

HIER = Path(__file__).resolve().parent
PROJECT = HIER.parent
BIN = PROJECT / ".venv" / "bin"
sys.path[:0] = [str(HIER), str(PROJECT / "src")]

import belasting_cpu  # noqa: E402
import bemonsteraar  # noqa: E402
from belasting_opzet import (  # noqa: E402
    INTERN_VANAF,
    WACHTEND,
    Databasewachten,
    bezorgstappen,
    maak_opzet,
    open_van,
    opgeslagen_via_api,
    tel,
    verstuur_intern,
)

DOEL = 200  # messages per second end to end (issue #18)
TOP_FUNCTIES = 12
API, TAAK = "API: bericht versturen", "taak: interne bezorging"  # bemonsteraar.SOORTEN
PG = "postgres://postgres@127.0.0.1:5432"


def main(argv=None) -> int:
    args = _argumenten(argv)
    naam = f"wmoketen_bench_{os.getpid()}"
    tmp = Path(tempfile.mkdtemp(prefix="wmoketen-belasting-"))
    processen: dict[str, subprocess.Popen] = {}
    try:
        _psql(f"CREATE DATABASE {naam}")
        _rabbitmqctl("add_vhost", naam)
        _rabbitmqctl("set_permissions", "-p", naam, "guest", ".*", ".*", ".*")
        env = _omgeving(args, naam, tmp)
        os.environ.update({k: v for k, v in env.items() if not k.startswith(("BENCH", "PYTHON"))})
        subprocess.run([BIN / "python", "manage.py", "migrate", "-v0"], cwd=PROJECT, check=True)
        import django

        django.setup()
        opzet = maak_opzet()
        poort = _vrije_poort()
        processen["web"] = _start_web(args, poort, env, tmp)
        processen["celery"] = _start_celery(args, env, tmp)
        _wacht(lambda: _http_ok(f"http://127.0.0.1:{poort}/account/inloggen/"), 60, "web")
        _wacht(lambda: "ready." in (tmp / "celery.log").read_text(), 60, "Celery-worker")
        print(_kop(args), flush=True)
        fase1 = _fase_api(args, opzet, poort, env, tmp, processen)
        fase2 = _fase_intern(args, opzet, tmp, processen)
        verloren = fase1["verloren"] + fase2["verloren"]
        beste = max(fase1["eind_per_s"], fase2["eind_per_s"])
        print(
            f"\nDoel {DOEL} berichten/s eind-tot-eind: {'gehaald' if beste >= DOEL else 'niet'}"
            f" gehaald (API {fase1['eind_per_s']:.1f}/s, intern {fase2['eind_per_s']:.1f}/s); "
            f"verloren: {verloren}"
        )
        if args.json:
            args.json.write_text(json.dumps({"api": fase1, "intern": fase2}, default=str))
        return 1 if verloren else 0
    finally:
        for proces in processen.values():
            _stop(proces)
        if "django.db" in sys.modules:
            from django.db import connections

            connections.close_all()
        _psql(f"DROP DATABASE IF EXISTS {naam} WITH (FORCE)", check=False)
        _rabbitmqctl("delete_vhost", naam, check=False)
        shutil.rmtree(tmp, ignore_errors=True)


def _fase_api(args, opzet, poort: int, env: dict, tmp: Path, processen: dict) -> dict:
    print(f"\n== 1. API en werklijsten (locust, {args.duur} s) ==", flush=True)
    uitvoer = tmp / "locust.json"
    gebruikers = args.api_gebruikers + args.werklijst_gebruikers
    locust_env = env | {
        "BENCH_TOKEN": opzet.token,
        "BENCH_ORGANISATIE": str(opzet.organisatie_pk),
        "BENCH_MAX_BERICHTEN": str(args.max_berichten),
        "BENCH_WERKLIJST_GEBRUIKERS": str(args.werklijst_gebruikers),
        "BENCH_UITVOER": str(uitvoer),
    }
    locust_env.pop("PYTHONPATH")  # no sampler in locust
    cmd = [BIN / "locust", "-f", HIER / "locustfile.py", "--headless", "--only-summary",
           "-u", str(gebruikers), "-r", str(gebruikers), "-t", f"{args.duur}s",
           "--stop-timeout", "10", "--host", f"http://127.0.0.1:{poort}",
           "--loglevel", "WARNING", "--exit-code-on-error", "0"]  # fmt: skip
    processen["locust"] = locust = _start(cmd, locust_env, tmp / "locust.log")
    meting, wachten = _cpu_meting(processen), Databasewachten()
    belasting_cpu.wacht_op_einde(locust.pid, args.duur + 120)
    cpu, database = meting.stop(), wachten.stop()
    locust.wait()
    uitkomst = json.loads(uitvoer.read_text())
    ids = uitkomst["geaccepteerd"]
    _wacht(lambda: open_van(ids) == 0, 60, "verwerking van de API-berichten", fataal=False)
    telling = tel(ids)
    tijden = uitkomst["tijden"]
    venster = (tijden["laatste"] - tijden["eerste"]) if ids else 0
    resultaat = _resultaat(uitkomst["verstuurd"], ids, telling, venster)
    resultaat["antwoorden"] = uitkomst["antwoorden"]
    opgeslagen, open_ = opgeslagen_via_api(opzet)
    # Lost: accepted but not stored, or stored (with or without a 201) and not final.
    resultaat["verloren"] = telling.niet_gevonden + open_
    _print_telling(resultaat, telling, uitkomst["antwoorden"])
    print(f"  in de database: {opgeslagen} via de API opgeslagen, {open_} niet in eindstatus")
    print("  latentie (ms)                            aantal  fouten     p50     p95")
    for naam, lat in sorted(uitkomst["latenties"].items()):
        print(f"    {naam:<38}{lat['aantal']:>7}{lat['fouten']:>8}{lat['p50']:>8.0f}"
              f"{lat['p95']:>8.0f}")  # fmt: skip
    for fout in uitkomst["fouten"]:
        print(f"    fout: {fout['naam']}: {fout['fout']} ({fout['aantal']}×)")
    _print_stappen(telling.stappen)
    cpu = _print_cpu(cpu)
    _print_database(database)
    time.sleep(2.5)  # the processes write their measurements every 2 s
    per_stuk = _print_monsters("gunicorn", tmp / "monsters-web")
    if ids and API in per_stuk:
        resultaat["per_stuk"] = per_stuk
        resultaat["plafond_per_s"] = _print_plafond(
            {
                "gunicorn": per_stuk[API]["totaal_cpu"],
                "postgresql": cpu["postgresql"] * 1000 / len(ids),
            }
        )
    resultaat["latenties"] = uitkomst["latenties"]
    return resultaat


def _fase_intern(args, opzet, tmp: Path, processen: dict) -> dict:
    print(f"\n== 2. Interne bezorging (RabbitMQ, {args.celery_processen} Celery-processen) ==")
    meting, wachten = _cpu_meting(processen), Databasewachten()
    begin = time.monotonic()
    ids = verstuur_intern(INTERN_VANAF, args.intern, args.intern_duur, opzet)
    verstuurd_in = time.monotonic() - begin
    _wacht(lambda: open_van(ids) == 0, 180, "verwerking door de workers", fataal=False)
    cpu, database = meting.stop(), wachten.stop()
    telling = tel(ids)
    resultaat = _resultaat(len(ids), ids, telling, verstuurd_in)
    print(f"  verstuurd in {verstuurd_in:.1f} s ({len(ids) / verstuurd_in:.1f}/s, services."
          "verstuur: XSD en regels bij de afzender, opslaan, in de wachtrij)")  # fmt: skip
    _print_telling(resultaat, telling, None)
    _print_stappen(telling.stappen | bezorgstappen(ids))
    cpu = _print_cpu(cpu)
    _print_database(database)
    time.sleep(2.5)
    per_stuk = _print_monsters("Celery", tmp / "monsters-celery")
    if ids and TAAK in per_stuk:
        resultaat["per_stuk"] = per_stuk
        resultaat["plafond_per_s"] = _print_plafond(
            {
                "celery": per_stuk[TAAK]["totaal_cpu"],
                "afzender (dit script)": cpu["dit script"] * 1000 / len(ids),
                "postgresql": cpu["postgresql"] * 1000 / len(ids),
            }
        )
    return resultaat


def _resultaat(verstuurd: int, ids: list[int], telling, venster: float) -> dict:
    final = sum(n for status, n in telling.statussen.items() if status not in WACHTEND)
    eind = (
        (telling.laatste_klaar - telling.eerste_ontvangen).total_seconds()
        if telling.laatste_klaar
        else 0
    )
    return {
        "verstuurd": verstuurd,
        "geaccepteerd": len(ids),
        "eindstatus": final,
        "verloren": len(ids) - final,
        "geaccepteerd_per_s": len(ids) / venster if venster else 0.0,
        "eind_per_s": final / eind if eind else 0.0,
        "eind_seconden": eind,
        "statussen": telling.statussen,
    }


def _print_telling(r: dict, telling, antwoorden) -> None:
    codes = f" (HTTP: {', '.join(f'{k}×{v}' for k, v in antwoorden.items())})" if antwoorden else ""
    print(f"  verstuurd {r['verstuurd']}{codes}, geaccepteerd {r['geaccepteerd']}, "
          f"in eindstatus {r['eindstatus']}, verloren {r['verloren']}")  # fmt: skip
    print(f"  statussen: {', '.join(f'{k} {v}' for k, v in sorted(telling.statussen.items()))}")
    print(f"  geaccepteerd: {r['geaccepteerd_per_s']:.1f} berichten/s; verwerkt eind-tot-eind: "
          f"{r['eind_per_s']:.1f} berichten/s ({r['eindstatus']} in {r['eind_seconden']:.1f} s,"
          " eerste opgeslagen → laatste retour opgeslagen)")  # fmt: skip


def _print_stappen(stappen: dict) -> None:
    print("  stappen op de server (ms)                                  p50     p95")
    for naam, (p50, p95) in stappen.items():
        print(f"    {naam:<55}{p50:>7.1f}{p95:>8.1f}")


def _print_cpu(cpu: dict) -> dict[str, float]:
    """CPU seconds per process tree; returns them with the rest of the machine's."""
    cpu = dict(cpu)
    capaciteit, machine = cpu.pop("capaciteit"), cpu.pop("machine")
    kernen = os.cpu_count() or 1
    cpu["overig (andere processen op de machine)"] = machine - sum(cpu.values())
    delen = ", ".join(f"{k} {v:.1f} s ({v / capaciteit:.0%})" for k, v in cpu.items())
    bezet = machine / capaciteit
    print(f"  CPU in {capaciteit / kernen:.0f} s ({kernen} kernen, {bezet:.0%} bezet): {delen}")
    return cpu


def _print_plafond(per_bericht: dict[str, float]) -> float:
    """The rate this much CPU per message allows when the cores do nothing else."""
    kernen = os.cpu_count() or 1
    plafond = kernen * 1000 / sum(per_bericht.values())
    print("  CPU per bericht: " + ", ".join(f"{k} {v:.1f} ms" for k, v in per_bericht.items())
          + f" → plafond op {kernen} vrije kernen ≈ {plafond:.0f} berichten/s "
          "(postgresql: de hele server, ook databases van anderen)")  # fmt: skip
    return plafond


def _print_database(database: dict) -> None:
    print("  PostgreSQL, gemiddeld aantal bezige verbindingen (pg_stat_activity): "
          + "; ".join(f"{k} {v:.2f}" for k, v in database.items()))  # fmt: skip


def _print_monsters(titel: str, map_: Path) -> dict[str, dict[str, float]]:
    """The exact accounts per kind of work, then the sampled functions; returns, per kind,
    the milliseconds per request or task."""
    totaal = bemonsteraar.samenvatting(map_)
    print(f"  waar de tijd heen gaat in {titel} (gemeten in het proces, ms per stuk):")
    print("    soort                     aantal   wand    CPU  queries  in DB (CPU)  commit"
          "  verbinden")  # fmt: skip
    per_stuk = {}
    for soort, t in sorted(totaal["tellers"].items()):
        n = t.get("totaal_n", 0)
        if not n:
            continue
        ms = {k: v * 1000 / n for k, v in t.items() if not k.endswith("_n")}
        per_stuk[soort] = ms
        print(f"    {soort:<25}{n:>7}{ms['totaal_wand']:>7.0f}{ms['totaal_cpu']:>7.1f}"
              f"{t.get('query_n', 0) / n:>9.0f}{ms.get('query_wand', 0):>7.0f} "
              f"({ms.get('query_cpu', 0):>3.0f}){ms.get('commit_wand', 0):>8.1f}"
              f"{ms.get('verbinding_wand', 0):>11.1f}")  # fmt: skip
    if n := totaal["monsters"]:
        print(f"  stappen (bemonsterd, {n} monsters; aandeel in de wandtijd, inclusief; wachten "
              "op de database weegt zwaarder):")  # fmt: skip
        for functie, aantal in totaal["functies"].most_common(TOP_FUNCTIES):
            print(f"    {aantal / n:>5.0%}  {functie}")
    return per_stuk


def _cpu_meting(processen: dict) -> belasting_cpu.Meting:
    bomen = {naam: p.pid for naam, p in processen.items() if p.poll() is None}
    bomen["postgresql"] = belasting_cpu.oudste("postgres")
    bomen["rabbitmq"] = belasting_cpu.oudste("beam.smp")
    return belasting_cpu.Meting(bomen, {"dit script": os.getpid()})


def _omgeving(args, naam: str, tmp: Path) -> dict:
    (tmp / "sitecustomize.py").write_text("import bemonsteraar\n\nbemonsteraar.installeer()\n")
    database = f"{args.database}/{naam}" + (
        f"?conn_max_age={args.conn_max_age}" if args.conn_max_age else ""
    )
    return os.environ | {
        "DJANGO_SETTINGS_MODULE": "wmoketen.conf.dev",
        "DEBUG": "False",
        "DATABASE_URL": database,
        "CELERY_BROKER_URL": f"amqp://guest:guest@127.0.0.1:5672/{naam}",
        "LOG_LEVEL": "WARNING",
        "WMOKETEN_VAR_DIR": str(tmp / "var"),
        "PYTHONPATH": f"{tmp}:{HIER}",
    }


def _start_web(args, poort: int, env: dict, tmp: Path) -> subprocess.Popen:
    monsters = tmp / "monsters-web"
    monsters.mkdir()
    if (BIN / "gunicorn").exists():
        cmd = [BIN / "gunicorn", "wmoketen.wsgi:application", "-w", str(args.web_workers),
               "-b", f"127.0.0.1:{poort}", "--timeout", "120"]  # fmt: skip
    else:
        cmd = [BIN / "python", "manage.py", "runserver", "--noreload", f"127.0.0.1:{poort}"]
    return _start(cmd, env | {"BENCH_BEMONSTER_DIR": str(monsters)}, tmp / "web.log")


def _start_celery(args, env: dict, tmp: Path) -> subprocess.Popen:
    monsters = tmp / "monsters-celery"
    monsters.mkdir()
    cmd = [BIN / "celery", "-A", "wmoketen", "worker", "-c", str(args.celery_processen),
           "-l", "INFO", "-n", "bench@%h", "--without-gossip", "--without-mingle"]  # fmt: skip
    return _start(cmd, env | {"BENCH_BEMONSTER_DIR": str(monsters)}, tmp / "celery.log")


def _start(cmd: list, env: dict, log: Path) -> subprocess.Popen:
    with open(log, "w") as uit:
        return subprocess.Popen(
            cmd, cwd=PROJECT, env=env, stdout=uit, stderr=subprocess.STDOUT, start_new_session=True
        )


def _stop(proces: subprocess.Popen) -> None:
    if proces.poll() is not None:
        return
    os.killpg(proces.pid, signal.SIGTERM)
    try:
        proces.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(proces.pid, signal.SIGKILL)
        proces.wait()


def _kop(args) -> str:
    web = f"gunicorn, {args.web_workers} workers" if (BIN / "gunicorn").exists() else "runserver"
    return (
        f"Belastingtest op 127.0.0.1: {web}; Celery-worker met {args.celery_processen} "
        f"processen; PostgreSQL; RabbitMQ; {os.cpu_count()} kernen (ook voor database, broker "
        f"en locust); CONN_MAX_AGE={args.conn_max_age}"
    )


def _http_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as antwoord:
            return antwoord.status == 200
    except OSError:
        return False


def _wacht(voorwaarde, seconden: float, wat: str, fataal: bool = True) -> None:
    einde = time.monotonic() + seconden
    while not voorwaarde():
        if time.monotonic() > einde:
            if fataal:
                raise SystemExit(f"FOUT: wachten op {wat} duurde langer dan {seconden} s")
            print(f"  let op: {wat} na {seconden} s nog niet klaar")
            return
        time.sleep(0.2)


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _psql(sql: str, check: bool = True) -> None:
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", sql], check=check)


def _rabbitmqctl(*args: str, check: bool = True) -> None:
    subprocess.run(["rabbitmqctl", "-q", *args], check=check, stdout=subprocess.DEVNULL)


def _argumenten(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--duur", type=int, default=60, help="seconden locust (standaard 60)")
    p.add_argument("--api-gebruikers", type=int, default=6, help="locust-gebruikers op de API")
    p.add_argument("--werklijst-gebruikers", type=int, default=2)
    p.add_argument("--max-berichten", type=int, default=20_000, help="grens aan API-berichten")
    p.add_argument("--web-workers", type=int, default=2, help="gunicorn-workers")
    p.add_argument("--celery-processen", type=int, default=2)
    p.add_argument("--intern", type=int, default=1_000, help="berichten in fase 2")
    p.add_argument("--intern-duur", type=int, default=15, help="grens aan verzendtijd fase 2")
    p.add_argument("--conn-max-age", type=int, default=0, help="CONN_MAX_AGE (s) van Django")
    p.add_argument("--database", default=PG, help="PostgreSQL-server (zonder databasenaam)")
    p.add_argument("--json", type=Path, help="schrijf de uitkomsten ook als JSON hierheen")
    opties = p.parse_args(argv)
    if urlparse(opties.database).hostname != "127.0.0.1":
        p.error("alleen een PostgreSQL-server op 127.0.0.1")
    return opties


if __name__ == "__main__":
    raise SystemExit(main())
