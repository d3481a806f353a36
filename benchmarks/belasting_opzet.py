"""The load test's data and counts: organisations, token, users, messages, final states.

``wmo301`` is plain Python (the locustfile imports it); everything else runs in the
orchestrator (``belasting.py``) after ``django.setup()``, on the benchmark's own database.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from functools import cache

from istandaarden.codec import serialize
from istandaarden.samples.genereer import AANBIEDER, GEMEENTE, bsn, wmo301_bericht

WACHTWOORD = "Bench-wachtwoord-2026"
GEBRUIKER = "bench.medewerker"
# API messages are numbered from 1, the internal burst from here (bsn() is unique below ~900k).
INTERN_VANAF = 500_000


@cache
def _sjabloon() -> bytes:
    return serialize(wmo301_bericht(1))


def wmo301(nummer: int) -> bytes:
    """A valid WMO301 from gemeente 0384 to aanbieder 42420001, unique per ``nummer``: its
    own Identificatie, client (BSN) and ToewijzingNummer. A byte replacement on one message
    built through the bindings, so that generating costs the load generator nothing."""
    return (
        _sjabloon()
        .replace(b">ID0000000001<", f">ID{nummer:010d}<".encode())
        .replace(f">{bsn(1)}<".encode(), f">{bsn(nummer)}<".encode())
        .replace(b"ToewijzingNummer>100<", f"ToewijzingNummer>{nummer * 100}<".encode())
    )


@dataclass
class Opzet:
    token: str
    organisatie_pk: int  # the aanbieder, whose users log in for the worklists
    gemeente_pk: int
    aanbieder_pk: int


def maak_opzet(aantal_clienten: int = 20) -> Opzet:
    """A gemeente on the API (its own backoffice software posts 301s), an aanbieder in this
    installation with a contract, a medewerker, some existing clients and a token."""
    from wmoketen.accounts.constants import Rol
    from wmoketen.berichten.api.authenticatie import nieuwe_token
    from wmoketen.berichten.constants import Transport
    from wmoketen.berichten.models import Berichtkanaal
    from wmoketen.factories import (
        AanbiederFactory,
        ClientFactory,
        ContractFactory,
        GebruikerFactory,
        GemeenteFactory,
    )

    gemeente = GemeenteFactory(naam="Bankgemeente", gemeentecode=GEMEENTE)
    aanbieder = AanbiederFactory(naam="Bankzorg", agb_code=AANBIEDER)
    AanbiederFactory(naam="Tweede Bankzorg")  # another aanbieder: scoping has work to do
    ContractFactory(gemeente=gemeente, aanbieder=aanbieder)
    Berichtkanaal.objects.create(organisatie=gemeente, transport=Transport.API)
    GebruikerFactory(
        username=GEBRUIKER, organisatie=aanbieder, password=WACHTWOORD, rol=Rol.AANBIEDER
    )
    for i in range(aantal_clienten):
        ClientFactory(organisatie=gemeente, bsn=bsn(900_000 + i))
    _, sleutel = nieuwe_token(organisatie=gemeente, naam="belastingtest")
    return Opzet(sleutel, aanbieder.pk, gemeente.pk, aanbieder.pk)


def verstuur_intern(van: int, aantal: int, seconden: float, opzet: Opzet) -> list[int]:
    """Send up to ``aantal`` WMO301s internally (gemeente → aanbieder, over the broker to the
    Celery workers) within ``seconden``; returns the ids of the messages sent."""
    import time

    from wmoketen.berichten import services
    from wmoketen.organisaties.models import Aanbieder, Gemeente

    gemeente = Gemeente.objects.get(pk=opzet.gemeente_pk)
    aanbieder = Aanbieder.objects.get(pk=opzet.aanbieder_pk)
    einde = time.monotonic() + seconden
    ids: list[int] = []
    while len(ids) < aantal and time.monotonic() < einde:
        data = wmo301(van + len(ids))
        ids.append(services.verstuur(data, afzender=gemeente, ontvanger=aanbieder).pk)
    return ids


WACHTEND = ("ontvangen", "verzonden", "geaccepteerd")


def open_van(ids: list[int]) -> int:
    """How many of these messages are not in a final state yet."""
    from wmoketen.berichten.models import Bericht

    return sum(
        Bericht.objects.filter(pk__in=ids[i : i + 5000], status__in=WACHTEND).count()
        for i in range(0, len(ids), 5000)
    )


def opgeslagen_via_api(opzet: Opzet) -> tuple[int, int]:
    """(stored, not in a final state) of every message the gemeente posted: also one whose
    answer never reached locust (a timeout, a 5xx) is stored evidence and must be final."""
    from wmoketen.berichten.models import Bericht

    berichten = Bericht.objects.filter(afzender_id=opzet.gemeente_pk, transport="api")
    return berichten.count(), berichten.filter(status__in=WACHTEND).count()


@dataclass
class Telling:
    statussen: dict[str, int]
    niet_gevonden: int
    eerste_ontvangen: object
    laatste_klaar: object
    stappen: dict[str, tuple[float, float]]  # stage: (p50, p95) in ms


def tel(ids: list[int]) -> Telling:
    """Statuses of these heenberichten, and per-stage times from their timestamps.

    stored (``ontvangen_op``) → handled (``verwerkt_op``) → retour stored (the retour's
    ``ontvangen_op``): the end of the message's processing.
    """
    from collections import Counter

    from wmoketen.berichten.models import Bericht

    statussen: Counter[str] = Counter()
    rijen = []
    for i in range(0, len(ids), 5000):
        deel = Bericht.objects.filter(pk__in=ids[i : i + 5000]).values_list(
            "status", "ontvangen_op", "verwerkt_op", "retour__ontvangen_op"
        )
        for status, ontvangen, verwerkt, retour in deel:
            statussen[status] += 1
            rijen.append((ontvangen, verwerkt, retour))
    klaar = [r[2] or r[1] for r in rijen if (r[2] or r[1])]
    stappen = {
        "opgeslagen → verwerkt (parse, XSD, regels, slot, handler)": _ms(
            [r[1] - r[0] for r in rijen if r[1]]
        ),
        "verwerkt → retour opgeslagen": _ms([r[2] - r[1] for r in rijen if r[1] and r[2]]),
    }
    return Telling(
        statussen=dict(statussen),
        niet_gevonden=len(ids) - sum(statussen.values()),
        eerste_ontvangen=min((r[0] for r in rijen), default=None),
        laatste_klaar=max(klaar, default=None),
        stappen=stappen,
    )


def bezorgstappen(ids: list[int]) -> dict[str, tuple[float, float]]:
    """Internal delivery: stored → queued (after commit) → handled by a worker."""
    from wmoketen.berichten.models import Bezorging

    rijen = list(
        Bezorging.objects.filter(bericht_id__in=ids).values_list(
            "bericht__ontvangen_op", "laatste_poging_op", "bericht__verwerkt_op"
        )
    )
    return {
        "opgeslagen → in de wachtrij": _ms([q - o for o, q, _ in rijen if q]),
        "in de wachtrij → verwerkt (wachten op een worker, verwerking)": _ms(
            [v - q for _, q, v in rijen if q and v]
        ),
    }


def _ms(duren: list) -> tuple[float, float]:
    if not duren:
        return (float("nan"), float("nan"))
    ms = sorted(d.total_seconds() * 1000 for d in duren)
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    return (statistics.median(ms), p95)


class Databasewachten:
    """What the benchmark database's busy connections are doing, sampled 5 times a second
    from pg_stat_activity: running (on a CPU or waiting for one), waiting for a lock, for
    the WAL flush of a commit (IO: WalSync), or idle in a transaction (the app is working)."""

    def __init__(self) -> None:
        import threading
        from collections import Counter

        self.tellingen: Counter[str] = Counter()
        self.monsters = 0
        self._stop = threading.Event()
        self._draad = threading.Thread(target=self._draai, daemon=True)
        self._draad.start()

    def _draai(self) -> None:
        from django.db import connection

        sql = (
            "SELECT state, wait_event_type, wait_event FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid() "
            "AND state <> 'idle'"
        )
        try:
            with connection.cursor() as cursor:
                while not self._stop.wait(0.2):
                    cursor.execute(sql)
                    self.monsters += 1
                    for state, soort, gebeurtenis in cursor.fetchall():
                        self.tellingen[_wachtnaam(state, soort, gebeurtenis)] += 1
        finally:
            connection.close()

    def stop(self) -> dict[str, float]:
        """Average number of connections per kind of activity."""
        self._stop.set()
        self._draad.join()
        return {k: v / max(self.monsters, 1) for k, v in self.tellingen.most_common(8)}


def _wachtnaam(state: str, soort: str | None, gebeurtenis: str | None) -> str:
    if state == "idle in transaction":
        return "in transactie, wacht op de applicatie"
    if soort is None:
        return "query loopt (CPU, of wacht op een CPU)"
    if soort == "Lock":
        return f"wacht op een slot ({gebeurtenis})"
    return f"wacht: {soort}/{gebeurtenis}"
