"""Fault injection: internal delivery over a real RabbitMQ and a real Celery worker.

Sends a burst of WMO301s from a gemeente to an aanbieder (each answered by a WMO302), and
meanwhile kills a worker child with SIGKILL, then the whole worker, starts a new one, and
stops the broker while more messages are sent. Then the recovery job runs until everything
has arrived. Asserts that every message reached a final state exactly once: one retour per
301, one toewijzing per 301 at the aanbieder, no open outbox row, within a time limit.

Run by .ci/run against a fresh PostgreSQL database, in a RabbitMQ vhost of its own:
    .venv/bin/python .ci/foutinjectie.py --database-url postgres://postgres@127.0.0.1/db
"""

import argparse
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
BIN = PROJECT / ".venv" / "bin"
GRENS_SECONDEN = 180  # everything must have arrived within this time after the last send


def main() -> int:
    args = _argumenten()
    vhost = f"wmoketen_fi_{os.getpid()}"
    _rabbitmqctl("add_vhost", vhost)
    _rabbitmqctl("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*")
    os.environ.update(
        DJANGO_SETTINGS_MODULE="wmoketen.conf.dev",
        DATABASE_URL=args.database_url,
        CELERY_BROKER_URL=f"amqp://guest:guest@127.0.0.1:5672/{vhost}",
        LOG_LEVEL="ERROR",  # the script reports what happens itself
    )
    workers: list[subprocess.Popen] = []
    try:
        subprocess.run([BIN / "python", "manage.py", "migrate", "-v0"], cwd=PROJECT, check=True)
        sys.path.insert(0, str(PROJECT / "src"))
        import django

        django.setup()
        proef = Proef(args.aantal, workers)
        proef.draai()
        return proef.controleer()
    finally:
        for worker in workers:
            _stop(worker)
        _rabbitmqctl("start_app")  # a no-op when it runs: never leave the machine's broker down
        _rabbitmqctl("delete_vhost", vhost)


class Proef:
    def __init__(self, aantal: int, workers: list):
        from wmoketen.factories import AanbiederFactory, GemeenteFactory

        self.aantal = aantal
        self.workers = workers
        self.gemeente = GemeenteFactory(naam="Foutgemeente", gemeentecode="0384")
        self.aanbieder = AanbiederFactory(naam="Foutzorg", agb_code="42420001")
        self.verstuurd = 0

    def draai(self) -> None:
        eerste, tweede = self.aantal * 2 // 3, self.aantal - self.aantal * 2 // 3
        worker = self._start_worker(1)
        self._verstuur(eerste)
        self._wacht_tot_verwerkt(eerste // 5)
        kind = _kinderen(worker.pid)[0]
        print(f"kill -9 werkerkind {kind} bij {self._stand()}", flush=True)
        os.kill(kind, signal.SIGKILL)
        self._wacht_tot_verwerkt(eerste // 2)
        print(f"kill -9 hele worker {worker.pid} (groep) bij {self._stand()}", flush=True)
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait()
        self._start_worker(2)

        print("broker gestopt (rabbitmqctl stop_app)", flush=True)
        _rabbitmqctl("stop_app")
        begin = time.monotonic()
        self._verstuur(tweede)
        _rabbitmqctl("start_app")
        _rabbitmqctl("await_startup")
        print(
            f"broker weer gestart na {time.monotonic() - begin:.1f} s; "
            f"{self._geweigerd()} verzendingen door de wachtrij geweigerd",
            flush=True,
        )
        self._herstel_tot_alles_binnen()

    def controleer(self) -> int:
        from django.db.models import Count, Sum

        from wmoketen.berichten.constants import Status
        from wmoketen.berichten.models import Bericht, Bezorging
        from wmoketen.toewijzingen.models import AanbiederToewijzing

        heen = Bericht.objects.filter(nummer=301)
        retouren = Bericht.objects.filter(nummer=302)
        tellingen = {
            "301 verstuurd": self.verstuurd,
            "301 met retour verzonden": heen.filter(status=Status.RETOUR_VERZONDEN).count(),
            "302 (retouren)": retouren.count(),
            "302 verwerkt door de gemeente": retouren.filter(status=Status.VERWERKT).count(),
            "heenberichten met meer dan 1 retour": heen.annotate(n=Count("retour"))
            .filter(n__gt=1)
            .count(),
            "toewijzingen bij de aanbieder": AanbiederToewijzing.objects.count(),
            "berichten in totaal": Bericht.objects.count(),
            "open bezorgingen": Bezorging.objects.filter(afgerond_op__isnull=True).count(),
            "bezorgpogingen": Bezorging.objects.aggregate(n=Sum("pogingen"))["n"],
        }
        for naam, waarde in tellingen.items():
            print(f"  {naam}: {waarde}")
        n = self.verstuurd
        verwacht = {
            "301 met retour verzonden": n,
            "302 (retouren)": n,
            "302 verwerkt door de gemeente": n,
            "heenberichten met meer dan 1 retour": 0,
            "toewijzingen bij de aanbieder": n,
            "berichten in totaal": 2 * n,
            "open bezorgingen": 0,
        }
        fout = {k: (tellingen[k], v) for k, v in verwacht.items() if tellingen[k] != v}
        if fout:
            print(f"FOUT: (gekregen, verwacht) {fout}")
            return 1
        print(f"foutinjectie geslaagd: {n} berichten, elk precies één keer verwerkt")
        return 0

    def _start_worker(self, nummer: int) -> subprocess.Popen:
        log = open(PROJECT / "var" / f"foutinjectie-worker{nummer}.log", "w")  # noqa: SIM115
        worker = subprocess.Popen(
            [BIN / "celery", "-A", "wmoketen", "worker", "-c", "2", "-l", "INFO",
             "-n", f"fi{nummer}@%h", "--without-gossip", "--without-mingle"],
            cwd=PROJECT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        self.workers.append(worker)
        _wacht(lambda: "ready." in Path(log.name).read_text(), 60, f"worker {nummer} start")
        print(f"worker {nummer} gestart (pid {worker.pid})", flush=True)
        return worker

    def _verstuur(self, aantal: int) -> None:
        from istandaarden.samples import lees
        from wmoketen.berichten import services

        for _ in range(aantal):
            i = self.verstuurd
            data = (
                lees("WMO301")
                .replace(b">123456789012<", f">{700000000000 + i}<".encode())
                .replace(b"ToewijzingNummer>101<", f"ToewijzingNummer>{1000 + i}<".encode())
            )
            services.verstuur(data, afzender=self.gemeente, ontvanger=self.aanbieder)
            self.verstuurd += 1

    def _verwerkt(self) -> int:
        from wmoketen.berichten.models import Bericht

        return Bericht.objects.filter(nummer=302).count()

    def _stand(self) -> str:
        return f"{self._verwerkt()} van {self.verstuurd} verwerkt"

    def _geweigerd(self) -> int:
        from wmoketen.berichten.models import Bezorging

        return Bezorging.objects.exclude(laatste_fout="").count()

    def _wacht_tot_verwerkt(self, aantal: int) -> None:
        _wacht(lambda: self._verwerkt() >= aantal, 60, f"{aantal} verwerkt")

    def _herstel_tot_alles_binnen(self) -> None:
        from wmoketen.berichten import herstel
        from wmoketen.berichten.models import Bezorging

        begin = time.monotonic()
        rondes = 0
        while Bezorging.objects.filter(afgerond_op__isnull=True).exists():
            if time.monotonic() - begin > GRENS_SECONDEN:
                raise SystemExit(f"FOUT: na {GRENS_SECONDEN} s nog niet alles aangekomen")
            verslag = herstel.herstel(timedelta(seconds=5))
            rondes += 1
            if verslag.totaal:
                print(f"herstel: {verslag}", flush=True)
            time.sleep(2)
        print(f"alles aangekomen {time.monotonic() - begin:.1f} s na de laatste verzending "
              f"({rondes} herstelrondes)")  # fmt: skip


def _kinderen(pid: int) -> list[int]:
    _wacht(lambda: _pgrep(pid), 30, "werkerkinderen")
    return _pgrep(pid)


def _pgrep(pid: int) -> list[int]:
    uit = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(regel) for regel in uit.split()]


def _wacht(voorwaarde, seconden: float, wat: str) -> None:
    einde = time.monotonic() + seconden
    while not voorwaarde():
        if time.monotonic() > einde:
            raise SystemExit(f"FOUT: wachten op {wat} duurde langer dan {seconden} s")
        time.sleep(0.1)


def _stop(worker: subprocess.Popen) -> None:
    if worker.poll() is None:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait()


def _rabbitmqctl(*args: str) -> None:
    subprocess.run(["rabbitmqctl", "-q", *args], check=True, stdout=subprocess.DEVNULL)


def _argumenten():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--aantal", type=int, default=60, help="aantal WMO301-berichten")
    return parser.parse_args()


if __name__ == "__main__":
    sys.exit(main())
