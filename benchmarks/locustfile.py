"""Locust users of the load test (``belasting.py`` starts locust with this file).

* ``Backofficesysteem``: the gemeente's own software posting WMO301s to the API, one after
  another without pause, each message unique (``belasting_opzet.wmo301``); it stops at
  ``BENCH_MAX_BERICHTEN`` messages in all.
* ``Medewerker``: an aanbieder's employee who logs in once and reads the worklists (the start
  page's werklijst, the received toewijzingen, the messages), with a pause of 1–3 s between
  pages, as a person does.

At the end the ids of the accepted messages, the counts and the latencies go to
``BENCH_UITVOER`` (JSON), which ``belasting.py`` reads.
"""

import itertools
import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

from locust import FastHttpUser, between, constant, events, task
from locust.exception import StopUser

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from belasting_opzet import AANBIEDER, GEBRUIKER, WACHTWOORD, wmo301  # noqa: E402

POST = "API: POST /api/v1/berichten/"
PAGINAS = {
    "werklijst: /": "/",
    "werklijst: /toewijzingen/ontvangen/": "/toewijzingen/ontvangen/",
    "werklijst: /berichten/": "/berichten/",
}
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')

TELLER = itertools.count(1)
MAX_BERICHTEN = int(os.environ.get("BENCH_MAX_BERICHTEN", "20000"))
GEACCEPTEERD: list[int] = []
ANTWOORDEN: Counter[str] = Counter()
TIJDEN: dict[str, float] = {}


class Backofficesysteem(FastHttpUser):
    wait_time = constant(0)

    @task
    def verstuur(self) -> None:
        nummer = next(TELLER)
        if nummer > MAX_BERICHTEN:
            raise StopUser()
        TIJDEN.setdefault("eerste", time.time())
        with self.client.post(
            f"/api/v1/berichten/?ontvanger={AANBIEDER}",
            data=wmo301(nummer),
            headers={
                "Authorization": f"Token {os.environ['BENCH_TOKEN']}",
                "Content-Type": "application/xml",
            },
            name=POST,
            catch_response=True,
        ) as antwoord:
            ANTWOORDEN[str(antwoord.status_code)] += 1
            if antwoord.status_code == 201:
                GEACCEPTEERD.append(antwoord.json()["id"])
                TIJDEN["laatste"] = time.time()
                antwoord.success()
            else:
                antwoord.failure(f"HTTP {antwoord.status_code}: {antwoord.text[:200]}")


class Medewerker(FastHttpUser):
    fixed_count = int(os.environ.get("BENCH_WERKLIJST_GEBRUIKERS", "2"))
    wait_time = between(1, 3)

    def on_start(self) -> None:
        pagina = self.client.get("/account/inloggen/", name="inloggen (formulier)")
        token = CSRF.search(pagina.content)
        antwoord = self.client.post(
            "/account/inloggen/",
            data={
                "csrfmiddlewaretoken": token.group(1).decode() if token else "",
                "organisatie": os.environ["BENCH_ORGANISATIE"],
                "username": GEBRUIKER,
                "password": WACHTWOORD,
            },
            headers={"Referer": f"{self.host}/account/inloggen/"},
            name="inloggen",
        )
        if "inloggen" in antwoord.url:
            raise StopUser()  # the failure shows in the counts: no worklist requests

    def lees(self, naam: str) -> None:
        with self.client.get(PAGINAS[naam], name=naam, catch_response=True) as antwoord:
            if antwoord.status_code != 200 or "inloggen" in (antwoord.url or ""):
                antwoord.failure(f"HTTP {antwoord.status_code} {antwoord.url}")

    @task(3)
    def werklijst(self) -> None:
        self.lees("werklijst: /")

    @task(2)
    def toewijzingen(self) -> None:
        self.lees("werklijst: /toewijzingen/ontvangen/")

    @task(1)
    def berichten(self) -> None:
        self.lees("werklijst: /berichten/")


@events.test_stop.add_listener
def schrijf_uitkomst(environment, **kwargs) -> None:
    latenties = {}
    for (naam, _methode), stat in environment.stats.entries.items():
        latenties[naam] = {
            "aantal": stat.num_requests,
            "fouten": stat.num_failures,
            "p50": stat.get_response_time_percentile(0.5),
            "p95": stat.get_response_time_percentile(0.95),
            "gemiddeld": stat.avg_response_time,
        }
    uitkomst = {
        "verstuurd": sum(ANTWOORDEN.values()),
        "antwoorden": ANTWOORDEN,
        "geaccepteerd": GEACCEPTEERD,
        "tijden": TIJDEN,
        "latenties": latenties,
        "fouten": [
            {"naam": f.name, "fout": str(f.error)[:300], "aantal": f.occurrences}
            for f in environment.stats.errors.values()
        ][:10],
    }
    Path(os.environ["BENCH_UITVOER"]).write_text(json.dumps(uitkomst))
