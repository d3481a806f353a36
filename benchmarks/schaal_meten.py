"""The scale benchmark's timing: every page per role, in-process with Django's test client.

Per role a demo user of the filled gemeente (Leudal) or of its big aanbieder logs in
(``force_login``). Its pages are the links in its navigation (read from its start page) plus
the pages a list leads to: filters, the CSV export, a detail page, the search. A page that
answers 403 or 404 for a role is left out for that role. Each page: ``opwarmen`` requests, then
``runs`` timed ones (fewer for a slow page: its runs stop after ``BUDGET`` seconds, at least
``MIN_RUNS``); the queries are counted on every request (``connection.execute_wrapper``).
"""

from __future__ import annotations

import math
import re
import statistics
import time
from dataclasses import dataclass

GRENS_MS = 500  # the target: every page under this at p95 (issue #20)
BUDGET = 60.0  # seconds of timed runs per page at most
MIN_RUNS = 3
ROLLEN = (
    ("consulent", "leudal.consulent"),
    ("backoffice", "leudal.backoffice"),
    ("contractmanager", "leudal.contractmanager"),
    ("beheerder", "leudal.beheerder"),
    ("aanbieder", "agb73730101.medewerker"),
)
NIET_METEN = ("/admin/", "/account/")
NAV = re.compile(r"<nav\b.*?</nav>", re.S)
HREF = re.compile(r'href="(/[^"#]*)"')


@dataclass
class Meting:
    rol: str
    pagina: str
    status: int
    ms: list[float]
    queries: int
    grootte: int

    @property
    def p50(self) -> float:
        return statistics.median(self.ms)

    @property
    def p95(self) -> float:
        """Nearest rank: the 19th of 20."""
        gesorteerd = sorted(self.ms)
        return gesorteerd[max(0, math.ceil(0.95 * len(gesorteerd)) - 1)]


class Teller:
    """Counts the queries of the requests in between (a ``connection.execute_wrapper``)."""

    def __init__(self) -> None:
        self.aantal = 0

    def __call__(self, execute, sql, params, many, context):
        self.aantal += 1
        return execute(sql, params, many, context)


def meet(runs: int = 20, opwarmen: int = 2, filter_: str | None = None, markdown_naar=None) -> int:
    from django.db import connection
    from django.test import Client

    from wmoketen.accounts.models import Gebruiker

    metingen: list[Meting] = []
    teller = Teller()
    print(_instellingen(connection))
    print(
        f"{'rol':<16} {'pagina':<44} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'HTML':>10}  runs"
    )
    with connection.execute_wrapper(teller):
        for rol, gebruikersnaam in ROLLEN:
            client = Client()
            gebruiker = Gebruiker.objects.get(username=gebruikersnaam)
            client.force_login(gebruiker)
            for pagina in paginas(client, gebruiker, filter_):
                meting = _meet_pagina(client, teller, rol, pagina, runs, opwarmen)
                if meting:
                    metingen.append(meting)
                    print(_regel(meting), flush=True)
    if markdown_naar:
        markdown_naar.write_text(markdown(metingen) + "\n")
    te_traag = [m for m in metingen if m.p95 > GRENS_MS]
    print(f"\n{len(metingen)} pagina's gemeten; {len(te_traag)} boven {GRENS_MS} ms (p95).")
    return 0


def _instellingen(connection) -> str:
    from django.conf import settings

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        versie = cursor.fetchone()[0]
    db = settings.DATABASES["default"]
    return (
        f"Instellingen: {settings.SETTINGS_MODULE}, DEBUG={settings.DEBUG}, "
        f"CONN_MAX_AGE={db['CONN_MAX_AGE']}, PostgreSQL {versie} ({db['NAME']}); "
        f"{runs_tekst()}\n"
    )


def runs_tekst() -> str:
    return (
        f"tijden over de runs na het opwarmen; een trage pagina stopt na {BUDGET:.0f} s "
        f"(minstens {MIN_RUNS} runs)"
    )


def _regel(m: Meting) -> str:
    teken = "  > 500 ms" if m.p95 > GRENS_MS else ""
    status = "" if m.status == 200 else f" [{m.status}]"
    return (
        f"{m.rol:<16} {m.pagina[:44]:<44} {m.p50:>8.0f} {m.p95:>8.0f} {m.queries:>8,} "
        f"{m.grootte:>10,}  {len(m.ms):>4}{status}{teken}"
    )


def markdown(metingen: list[Meting]) -> str:
    regels = [
        "| role | page | p50 ms | p95 ms | queries | HTML bytes | runs |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for m in metingen:
        p95 = f"**{m.p95:,.0f}**" if m.p95 > GRENS_MS else f"{m.p95:,.0f}"
        regels.append(
            f"| {m.rol} | `{m.pagina}` | {m.p50:,.0f} | {p95} | {m.queries:,} | {m.grootte:,} "
            f"| {len(m.ms)} |"
        )
    return "\n".join(regels)


def _meet_pagina(client, teller: Teller, rol, pagina, runs, opwarmen) -> Meting | None:
    ms, queries = [], []
    eerste = _vraag(client, pagina)
    if eerste[0] in (403, 404, 405):
        return None
    for _ in range(max(0, opwarmen - 1)):
        _vraag(client, pagina)
    begin = time.monotonic()
    for _ in range(runs):
        teller.aantal = 0
        start = time.perf_counter()
        status, grootte = _vraag(client, pagina)
        ms.append((time.perf_counter() - start) * 1000)
        queries.append(teller.aantal)
        if len(ms) >= MIN_RUNS and time.monotonic() - begin > BUDGET:
            break
    return Meting(rol, pagina, status, ms, int(statistics.median(queries)), grootte)


def _vraag(client, pagina: str) -> tuple[int, int]:
    """GET the page and read it whole (a streamed CSV too): (status, bytes)."""
    antwoord = client.get(pagina)
    if getattr(antwoord, "streaming", False):
        inhoud = b"".join(antwoord.streaming_content)
    else:
        inhoud = antwoord.content
    return antwoord.status_code, len(inhoud)


def paginas(client, gebruiker, filter_: str | None) -> list[str]:
    """The start page, the navigation's links and the pages behind the lists."""
    start = client.get("/").content.decode()
    nav = NAV.search(start)
    gevonden = ["/"] + (HREF.findall(nav.group(0)) if nav else [])
    lijst = [p for p in dict.fromkeys(gevonden + _extra(gebruiker)) if not p.startswith(NIET_METEN)]
    if filter_ and filter_.startswith("="):  # "=/": exactly that path (the start page)
        lijst = [p for p in lijst if p == filter_[1:]]
    elif filter_:
        lijst = [p for p in lijst if filter_ in p]
    return lijst


def _extra(gebruiker) -> list[str]:
    """Pages behind the lists: filters, exports, a detail page, a search."""
    from wmoketen.berichten.models import Bericht
    from wmoketen.clienten.models import Client

    org = gebruiker.organisatie
    extra = [
        "/toewijzingen/",
        "/toewijzingen/ontvangen/",
        "/toewijzingen/wachtlijst/",
        "/toewijzingen/wachtlijst/wachtlijst.csv",
        "/berichten/",
        "/berichten/vastgelopen/",
        "/berichten/?status=afgekeurd",
        "/toegang/",
        "/toegang/opdrachten/",
        "/toegang/aanvragen/",
        "/verzoeken/",
        "/verzoeken/ontvangen/",
        "/audit/",
    ]
    tegenpartij = (
        Bericht.objects.filter(afzender_id=org.pk).values_list("ontvanger_id", flat=True).first()
    )
    if tegenpartij:
        extra.append(f"/berichten/?tegenpartij={tegenpartij}")
    laatste = Bericht.objects.filter(ontvanger_id=org.pk).order_by("-pk").values("pk").first()
    if laatste:
        extra.append(f"/berichten/{laatste['pk']}/")
    client = Client.objects.filter(organisatie_id=org.pk).order_by("-pk").first()
    if client:
        extra += [
            f"/clienten/?q={client.bsn}",
            f"/clienten/?q={client.geslachtsnaam}",
            f"/clienten/{client.pk}/",
        ]
    return extra
