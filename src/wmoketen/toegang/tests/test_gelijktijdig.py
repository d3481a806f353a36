"""Two consulenten register a melding for the same client at the same moment: one melding.

Only PostgreSQL shows real concurrency (SQLite serialises every writer on one file lock):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wmoketen_h \\
        .venv/bin/pytest src/wmoketen/toegang/tests/test_gelijktijdig.py --create-db
"""

import threading
import time
from datetime import date

import pytest
from django.conf import settings
from django.db import connection

from wmoketen.accounts.constants import Rol
from wmoketen.factories import ClientFactory, GebruikerFactory
from wmoketen.termijnen.services import laad_standaardregels
from wmoketen.toegang import services
from wmoketen.toegang.models import Melding
from wmoketen.trajecten import services as trajecten

pytestmark = pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="gelijktijdigheid vraagt PostgreSQL: SQLite laat maar één schrijver tegelijk toe; "
    "zet DATABASE_URL op een PostgreSQL-database",
)


@pytest.mark.django_db(transaction=True)
def test_twee_gelijktijdige_meldingen_een_geregistreerd_een_geweigerd(gemeente, monkeypatch):
    # A transactional test starts from an emptied database: the deadline rules too.
    laad_standaardregels(acting_user=None)
    client = ClientFactory(organisatie=gemeente)
    consulenten = [
        GebruikerFactory(username=f"c{i}", organisatie=gemeente, rol=Rol.TOEGANGSMEDEWERKER)
        for i in range(2)
    ]
    echte_start = trajecten.start_traject

    def trage_start(**kwargs):  # keeps the first transaction open while the other arrives
        traject = echte_start(**kwargs)
        time.sleep(0.5)
        return traject

    monkeypatch.setattr(trajecten, "start_traject", trage_start)
    start = threading.Barrier(2)
    gelukt, geweigerd, fouten = [], [], []

    def registreer(consulent):
        try:
            start.wait(timeout=10)
            gelukt.append(
                services.registreer_melding(
                    client=client,
                    wet="wmo",
                    ontvangen_op=date.today(),
                    kanaal="telefonisch",
                    acting_user=consulent,
                ).pk
            )
        except services.OpenMeldingBestaat as fout:
            geweigerd.append(fout.melding.pk)
        except Exception as exc:  # reported below: a thread's exception is otherwise lost
            fouten.append(exc)
        finally:
            connection.close()

    draden = [threading.Thread(target=registreer, args=(c,)) for c in consulenten]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(timeout=30)

    assert fouten == []
    assert len(gelukt) == 1 and geweigerd == gelukt
    assert Melding.objects.filter(client=client).count() == 1
