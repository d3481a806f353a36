"""Measurements inside gunicorn and Celery for the load test: where a request's time goes.

Loaded into those processes through a ``sitecustomize`` that ``belasting.py`` writes into
its temporary directory (only there, only when ``BENCH_BEMONSTER_DIR`` is set), in the
process and, after every fork, in each worker.

* **Exact accounts** per kind of work (API post, page, login, task): how many, their wall
  and CPU seconds, and of those the database calls (queries, commits, connections opened),
  by wrapping Django's request handler, its cursor and connection, and Celery's task
  signals.
* **A sampler**: a daemon thread looks at the serving thread's stack 100 times a second and
  counts every function of ours on it (inclusive share of wall time). It can only look when
  the serving thread lets go of the GIL, mostly while it waits for the database, so calls
  that wait weigh heavier than pure Python work: read it as "which steps", not "how much".

Every two seconds both go to ``<dir>/<pid>.json``. (py-spy cannot read this Python's version;
cProfile would slow every call it measures.)
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from collections import Counter
from pathlib import Path

INTERVAL = 0.01
# A sample counts only when the main thread is serving a request or running a task.
BEZIG = ("handle_request", "get_response", "trace_task")
EIGEN = ("/src/wmoketen/", "/src/istandaarden/")


class Bemonsteraar:
    def __init__(self, map_: Path, thread_id: int):
        self.map = map_
        self.thread_id = thread_id
        self.monsters = 0
        self.functies: Counter[str] = Counter()

    def draai(self) -> None:
        volgende_schrijf = time.monotonic() + 2
        while True:
            time.sleep(INTERVAL)
            frame = sys._current_frames().get(self.thread_id)
            if frame is not None:
                self.neem(frame)
            if time.monotonic() >= volgende_schrijf:
                self.schrijf()
                volgende_schrijf = time.monotonic() + 2

    def neem(self, frame) -> None:
        stapel = []
        while frame is not None:
            stapel.append(frame.f_code)
            frame = frame.f_back
        if not any(code.co_name in BEZIG for code in stapel):
            return
        self.monsters += 1
        eigen = {_naam(code) for code in stapel if any(e in code.co_filename for e in EIGEN)}
        self.functies.update(eigen)

    def schrijf(self) -> None:
        uitkomst = {
            "monsters": self.monsters,
            "functies": dict(self.functies.most_common(60)),
            "tellers": TELLERS,
        }
        tijdelijk = self.map / f".{os.getpid()}.json"
        tijdelijk.write_text(json.dumps(uitkomst))
        tijdelijk.replace(self.map / f"{os.getpid()}.json")


def _naam(code) -> str:
    pad = code.co_filename.split("/src/", 1)[-1]
    return f"{pad}:{code.co_qualname}"


# Exact accounts per kind of work (API post, page, login, task): how many, wall and CPU
# seconds in all, and of those in database calls (queries, commits, opening connections).
TELLERS: dict[str, Counter] = {}
_lokaal = threading.local()


def _boek(soort: str, veld: str, wand: float, cpu: float) -> None:
    teller = TELLERS.setdefault(soort, Counter())
    teller[f"{veld}_n"] += 1
    teller[f"{veld}_wand"] += wand
    teller[f"{veld}_cpu"] += cpu


def _gemeten(functie, veld: str, soort_van=None):
    def meet(*args, **kwargs):
        vorige = getattr(_lokaal, "soort", None)
        soort = soort_van(*args) if soort_van else vorige
        _lokaal.soort = soort
        wand, cpu = time.perf_counter(), time.thread_time()
        try:
            return functie(*args, **kwargs)
        finally:
            if soort:
                _boek(soort, veld, time.perf_counter() - wand, time.thread_time() - cpu)
            _lokaal.soort = vorige if soort_van else soort

    return meet


def _request_soort(handler, environ, *args) -> str:
    pad, methode = environ.get("PATH_INFO", ""), environ.get("REQUEST_METHOD")
    if methode == "POST" and pad == "/api/v1/berichten/":
        return "API: bericht versturen"
    if methode == "POST" and pad.startswith("/account/inloggen"):
        return "inloggen"
    return "pagina (werklijst)"


def _instrumenteer() -> None:
    """Wrap Django's request handler, Celery's task runner and the database calls, once
    Django is imported (gunicorn imports the app in each worker after the fork)."""
    while "django.db.backends.utils" not in sys.modules or (
        "django.core.handlers.wsgi" not in sys.modules and "celery.app.trace" not in sys.modules
    ):
        time.sleep(0.05)
    from django.core.handlers.wsgi import WSGIHandler
    from django.db.backends.base.base import BaseDatabaseWrapper
    from django.db.backends.utils import CursorWrapper

    global _INGESTELD
    if _INGESTELD:  # done in the parent before the fork (Celery's master imports Django)
        return
    _INGESTELD = True
    WSGIHandler.__call__ = _gemeten(WSGIHandler.__call__, "totaal", _request_soort)
    CursorWrapper._execute = _gemeten(CursorWrapper._execute, "query")
    CursorWrapper._executemany = _gemeten(CursorWrapper._executemany, "query")
    BaseDatabaseWrapper.commit = _gemeten(BaseDatabaseWrapper.commit, "commit")
    BaseDatabaseWrapper.connect = _gemeten(BaseDatabaseWrapper.connect, "verbinding")
    if "celery.app.trace" in sys.modules:
        from celery import signals

        signals.task_prerun.connect(_taak_begint, weak=False)
        signals.task_postrun.connect(_taak_eindigt, weak=False)


TAAK = "taak: interne bezorging"
_INGESTELD = False


def _taak_begint(**kwargs) -> None:
    _lokaal.soort = TAAK
    _lokaal.taak = (time.perf_counter(), time.thread_time())


def _taak_eindigt(**kwargs) -> None:
    wand, cpu = _lokaal.taak
    _boek(TAAK, "totaal", time.perf_counter() - wand, time.thread_time() - cpu)
    _lokaal.soort = None


def start() -> None:
    map_ = os.environ.get("BENCH_BEMONSTER_DIR")
    if not map_:
        return
    # Called in the thread that serves (the only one right after a fork).
    bemonsteraar = Bemonsteraar(Path(map_), threading.get_ident())
    threading.Thread(target=bemonsteraar.draai, daemon=True, name="bemonsteraar").start()
    threading.Thread(target=_instrumenteer, daemon=True, name="instrumenteer").start()


def installeer() -> None:
    """Sample in this process and, after every fork (gunicorn and Celery workers), in the child."""
    start()
    os.register_at_fork(after_in_child=start)


def samenvatting(map_: Path) -> dict:
    """All processes' counts added up."""
    totaal = {"monsters": 0, "functies": Counter(), "tellers": {}}
    for pad in map_.glob("*.json"):
        try:
            deel = json.loads(pad.read_text())
        except (OSError, ValueError):
            continue
        totaal["monsters"] += deel["monsters"]
        totaal["functies"].update(deel["functies"])
        for soort, teller in deel["tellers"].items():
            totaal["tellers"].setdefault(soort, Counter()).update(teller)
    return totaal
