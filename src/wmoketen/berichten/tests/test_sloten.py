"""berichten.sloten: what a message locks, how many locks, in how many statements.

The scenarios that show the rules holding under concurrency (ten 315s at once, TR374/TR347)
are in ``verzoeken/tests/test_gelijktijdig.py``; here the locks themselves.
"""

import copy
import threading
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.db.transaction import TransactionManagementError
from django.test.utils import CaptureQueriesContext

from istandaarden.safe_xml import parse_bytes
from istandaarden.samples import lees
from wmoketen.berichten import services, sloten
from wmoketen.berichten.constants import Status
from wmoketen.factories import geldig_bsn

POSTGRESQL = connection.vendor == "postgresql"
alleen_postgresql = pytest.mark.skipif(not POSTGRESQL, reason="advisory locks vragen PostgreSQL")
alleen_sqlite = pytest.mark.skipif(POSTGRESQL, reason="de SQLite-instelling")


def _root(naam: str):
    return parse_bytes(lees(naam), compact=True).getroot()


def _vergrendelingen(sql: list[str]) -> list[str]:
    return [q for q in sql if "pg_advisory_xact_lock" in q]


# -- the subjects and keys (no database) -------------------------------------------------------


@pytest.mark.parametrize(
    "naam, bsns",
    [
        ("WMO301", {"999900006"}),
        ("WMO315", {"999900006"}),
        ("JW317", {"999900006"}),
        ("WMO319", set()),  # an answer names only the ReferentieAanbieder
        ("WMO323", {"999900006", "999900018"}),  # a declaratie names many clients
        ("JW325", {"999900006", "999900018"}),
    ],
)
def test_elke_client_bsn_in_het_bericht(naam, bsns):
    assert sloten.bsns(_root(naam)) == bsns


def test_referenties_per_wederpartij():
    assert sloten.referenties(_root("WMO315")) == {"42420001", "42420002"}
    assert sloten.onderwerpen(_root("WMO319"), afzender_id=3) == {"referentie:3:9003"}
    assert sloten.onderwerpen(_root("WMO305"), afzender_id=3) == {"bsn:999900006"}


def test_sleutel_is_stabiel_over_processen():
    """crc32, not Python's hash(): every worker process must compute the same key."""
    assert sloten.sleutel(7, "bsn:999900006") == (1 << 48) | (7 << 10) | 954


def test_sleutels_begrensd_per_ontvanger_gesorteerd_en_uniek():
    bsns = [f"bsn:{geldig_bsn(n)}" for n in range(10_000)]
    sleutels = sloten.sleutels(7, bsns + bsns)

    assert sleutels == sorted(set(sleutels))
    assert len(sleutels) <= sloten.SLOTEN_PER_ONTVANGER == 1024
    assert {s >> 10 for s in sleutels} == {(1 << 38) | 7}  # all of receiver 7
    assert not set(sleutels) & set(sloten.sleutels(8, bsns))  # none of receiver 8's


# -- PostgreSQL: one statement, bounded, held until the transaction ends ----------------------


def _eigen_advisory_locks() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()"
        )
        return cursor.fetchone()[0]


@alleen_postgresql
@pytest.mark.django_db
@pytest.mark.parametrize("aantal", [1, 5_000])
def test_een_statement_hoeveel_clienten_ook(aantal):
    bsns = [geldig_bsn(n) for n in range(aantal)]
    with CaptureQueriesContext(connection) as queries:
        sloten.vergrendel_clienten(7, bsns)

    assert len(queries) == 1 and len(_vergrendelingen([q["sql"] for q in queries])) == 1
    assert _eigen_advisory_locks() == len(sloten.sleutels(7, (f"bsn:{b}" for b in bsns)))
    assert _eigen_advisory_locks() <= 1024


@alleen_postgresql
@pytest.mark.django_db
def test_grote_declaratie_een_statement_begrensd():
    """A 323 naming 5,000 clients: one statement, at most 1,024 locks of its receiver."""
    root = _root("WMO323")
    clienten = root.find(".//{*}Clienten")
    voorbeeld = clienten.find("{*}Client")
    for n in range(5_000):
        client = copy.deepcopy(voorbeeld)
        client.find("{*}Bsn").text = geldig_bsn(n)
        clienten.append(client)
    bericht = SimpleNamespace(ontvanger_id=7, afzender_id=3)

    with CaptureQueriesContext(connection) as queries:
        sloten.vergrendel_bericht(bericht, root)

    assert len(queries) == 1 and len(_vergrendelingen([q["sql"] for q in queries])) == 1
    assert 1000 < _eigen_advisory_locks() <= 1024  # nearly every slot: it waits for all


@alleen_postgresql
@pytest.mark.django_db(transaction=True)
def test_vergrendeld_tot_het_einde_van_de_transactie():
    sleutel = sloten.sleutel(7, "bsn:999900006")
    ander = sloten.sleutel(8, "bsn:999900006")  # the same client at another receiver
    uitkomst = {}

    def probeer():  # another connection, as another worker would
        try:
            with connection.cursor() as cursor:
                for naam, s in (("zelfde", sleutel), ("ander", ander)):
                    cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [s])
                    uitkomst[naam] = cursor.fetchone()[0]
        finally:
            connection.close()

    with pytest.raises(TransactionManagementError):
        sloten.vergrendel_clienten(7, ["999900006"])  # outside a transaction it would not hold
    with transaction.atomic():
        sloten.vergrendel_clienten(7, ["999900006"])
        draad = threading.Thread(target=probeer)
        draad.start()
        draad.join(timeout=10)
    assert uitkomst == {"zelfde": False, "ander": True}
    assert _eigen_advisory_locks() == 0  # released at commit


# -- the pipeline: a heenbericht locks before its rules, a retour does not --------------------


@pytest.mark.django_db
def test_heenbericht_vergrendelt_in_een_statement(partijen, wmo301, handlers):
    gemeente, aanbieder = partijen
    with CaptureQueriesContext(connection) as queries:
        bericht = services.ontvang(wmo301, afzender=gemeente, ontvanger=aanbieder, transport="api")

    assert bericht.status == Status.RETOUR_VERZONDEN
    sql = [q["sql"] for q in queries]
    assert len(_vergrendelingen(sql)) == (1 if POSTGRESQL else 0)


# -- SQLite: IMMEDIATE transactions ------------------------------------------------------------


@alleen_sqlite
def test_sqlite_instelling():
    opties = settings.DATABASES["default"]["OPTIONS"]
    assert opties["transaction_mode"] == "IMMEDIATE"
    assert opties["timeout"] >= 1  # seconds a writer waits for the other (SQLITE_TIMEOUT_SECONDS)


@alleen_sqlite
@pytest.mark.django_db(transaction=True)
def test_sqlite_transactie_neemt_schrijfslot_bij_begin():
    """Two can no longer both pass a check before either writes: the second waits at BEGIN."""
    with CaptureQueriesContext(connection) as queries, transaction.atomic():
        pass
    assert queries[0]["sql"] == "BEGIN IMMEDIATE"
