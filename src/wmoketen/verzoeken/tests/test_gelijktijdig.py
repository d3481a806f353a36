"""Ten requests (315) of one aanbieder at once: the cross-message rules hold as one by one.

One after the other, the first request for a client is accepted and every later one refused
(TR374, 9374: the first is still onderhanden); the first use of a ReferentieAanbieder is
accepted and every reuse refused (TR347, 9347). Received at the same moment, the same must
hold: ``berichten.sloten`` serialises messages about the same clients of one receiver.

PostgreSQL in-process:
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wmoketen_c3 \\
        .venv/bin/pytest src/wmoketen/verzoeken/tests/test_gelijktijdig.py --create-db
SQLite: the same scenarios in a subprocess on a database file (see ``gelijktijdig``).
"""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

from wmoketen.berichten.constants import Status

from . import gelijktijdig

POSTGRESQL = "postgresql" in settings.DATABASES["default"]["ENGINE"]

# One accepted (processed, retour sent), nine refused by the rule, no failure, one record.
VERWACHT = {
    "een_client": ("TR374", "9374"),
    "een_referentie": ("TR347", "9347"),
    "nieuwe_client": ("TR374", "9374"),
}


def _zoals_na_elkaar(uitkomst: dict, scenario: str) -> None:
    regel, retourcode = VERWACHT[scenario]
    assert uitkomst["foutmeldingen"] == []
    assert uitkomst["statussen"] == {Status.RETOUR_VERZONDEN: 1, Status.AFGEKEURD: 9}
    assert uitkomst["regels"] == {"": 1, regel: 9}
    assert uitkomst["retourcodes"] == {"": 1, retourcode: 9}
    assert uitkomst["clienten"] == (10 if scenario == "een_referentie" else 1)


@pytest.mark.skipif(not POSTGRESQL, reason="in-process gelijktijdigheid vraagt PostgreSQL")
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("scenario", list(VERWACHT))
def test_postgresql_tien_verzoeken_tegelijk(scenario):
    aanbieder = gelijktijdig.opzet()  # a transactional test starts from an emptied database
    _zoals_na_elkaar(gelijktijdig.SCENARIOS[scenario](aanbieder), scenario)


@pytest.fixture(scope="module")
def sqlite_uitkomsten(tmp_path_factory):
    """Every scenario once, in a subprocess on a fresh SQLite file with the project settings."""
    bestand = tmp_path_factory.mktemp("sqlite") / "gelijktijdig.sqlite3"
    omgeving = {**os.environ, "DATABASE_URL": f"sqlite:///{bestand}"}
    omgeving.setdefault("DJANGO_SETTINGS_MODULE", "wmoketen.conf.ci")
    code = (
        "import django; django.setup(); "
        "from wmoketen.verzoeken.tests.gelijktijdig import main; main()"
    )
    proces = subprocess.run(
        [sys.executable, "-c", code], env=omgeving, capture_output=True, text=True, timeout=300
    )
    assert proces.returncode == 0, proces.stderr[-3000:]
    return json.loads(proces.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(POSTGRESQL, reason="de SQLite-variant draait bij een SQLite-instelling")
@pytest.mark.parametrize("scenario", list(VERWACHT))
def test_sqlite_tien_verzoeken_tegelijk(sqlite_uitkomsten, scenario):
    _zoals_na_elkaar(sqlite_uitkomsten[scenario], scenario)
