"""The lock order of the payment actions: the gemeente's row first, then the batch.

*Maak betaalbatches* locks the gemeente and then its batches; *vaststellen*, *exporteren* and
*betaald* lock the same gemeente row before the batch and read the batch's state only then. So
building and fixing are one after the other: a line never joins a batch just fixed (the real
race is in ``test_gelijktijdig.py``, PostgreSQL only). Here the order of the reads, on any
database; on one that locks rows, also that each read locks (``FOR UPDATE``).
"""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wmoketen.betalingen import services

from . import hulp
from .hulp import declaratie, in_maart_beantwoord

D = date.fromisoformat
TABEL = re.compile(r'FROM "(organisaties_gemeente|betalingen_betaalbatch)"')
SLOTEN = connection.features.has_select_for_update
EERST_GEMEENTE = [("organisaties_gemeente", True), ("betalingen_betaalbatch", True)]


@pytest.fixture
def opzet(db):
    weert, maasland, backoffice = hulp.opzet()
    in_maart_beantwoord(weert, maasland)
    return weert, backoffice


def _sloten(vastgelegd) -> list[tuple[str, bool]]:
    """The first two reads of the gemeente's or a batch's row: (table, locked). A database
    without row locks (SQLite) locks by file: there every read counts as locked."""
    gelezen = []
    for query in vastgelegd.captured_queries:
        if gevonden := TABEL.search(query["sql"]):
            vergrendeld = "FOR UPDATE" in query["sql"]
            gelezen.append((gevonden.group(1), vergrendeld or not SLOTEN))
    return gelezen[:2]


ACTIES = {
    "stel_vast": lambda batch, wie: services.stel_vast(batch, acting_user=wie),
    "exporteer": lambda batch, wie: services.exporteer(batch, soort="csv", acting_user=wie),
    "markeer_betaald": lambda batch, wie: services.markeer_betaald(
        batch, betaald_op=timezone.localdate(), acting_user=wie
    ),
}


@pytest.mark.parametrize("naam", list(ACTIES))
def test_eerst_de_gemeente_dan_de_batch(opzet, naam):
    weert, backoffice = opzet
    [batch] = services.maak_batches(weert, acting_user=backoffice)
    if naam != "stel_vast":
        services.stel_vast(batch, acting_user=backoffice)

    with CaptureQueriesContext(connection) as vastgelegd:
        ACTIES[naam](batch, backoffice)

    assert _sloten(vastgelegd) == EERST_GEMEENTE


def test_maak_batches_eerst_de_gemeente_dan_de_batches(opzet):
    weert, backoffice = opzet
    [batch] = services.maak_batches(weert, acting_user=backoffice)
    declaratie(weert, batch.aanbieder, ontvangen=D("2026-03-16"), beantwoord=D("2026-03-20"))

    with CaptureQueriesContext(connection) as vastgelegd:
        assert services.maak_batches(weert, acting_user=backoffice) == [batch]

    assert _sloten(vastgelegd) == EERST_GEMEENTE
