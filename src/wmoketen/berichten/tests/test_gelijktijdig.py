"""Two workers receive the same message at the same moment: one processes, the other replays.

Only PostgreSQL shows real concurrency (SQLite serialises every writer on one file lock):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wmoketen_h \\
        .venv/bin/pytest src/wmoketen/berichten/tests/test_gelijktijdig.py --create-db
"""

import threading
import time

import pytest
from django.conf import settings
from django.db import connection

from wmoketen.berichten import services
from wmoketen.berichten.constants import Status, Transport
from wmoketen.berichten.models import Bericht, Berichtkanaal

pytestmark = pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="gelijktijdigheid vraagt PostgreSQL: SQLite laat maar één schrijver tegelijk toe; "
    "zet DATABASE_URL op een PostgreSQL-database",
)


@pytest.mark.django_db(transaction=True)
def test_twee_gelijktijdige_ontvangsten_een_verwerkt_een_dubbel(partijen, wmo301, handlers):
    gemeente, aanbieder = partijen
    Berichtkanaal.objects.create(organisatie=gemeente, transport=Transport.API)
    aanroepen = []

    def traag(ontvangen):  # holds the claim while the other worker arrives
        aanroepen.append(ontvangen.bericht.pk)
        time.sleep(0.3)

    handlers[("iwmo", 301)] = traag
    start = threading.Barrier(2)
    uitkomst, fouten = [], []

    def werker():
        try:
            start.wait(timeout=10)
            uitkomst.append(
                services.ontvang(wmo301, afzender=gemeente, ontvanger=aanbieder, transport="api").pk
            )
        except Exception as exc:  # reported below: a thread's exception is otherwise lost
            fouten.append(exc)
        finally:
            connection.close()

    draden = [threading.Thread(target=werker) for _ in range(2)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(timeout=30)

    assert fouten == [] and len(uitkomst) == 2
    assert len(aanroepen) == 1  # the handler ran once
    berichten = {b.status: b for b in Bericht.objects.filter(pk__in=uitkomst)}
    assert set(berichten) == {Status.RETOUR_VERZONDEN, Status.DUBBEL}
    verwerkt, dubbel = berichten[Status.RETOUR_VERZONDEN], berichten[Status.DUBBEL]
    assert aanroepen == [verwerkt.pk]
    assert dubbel.origineel_id == verwerkt.pk and dubbel.sleutel is None
    assert dubbel.ontvangen_op < verwerkt.verwerkt_op  # it really arrived mid-processing
    retour = Bericht.objects.get(nummer=302)
    assert retour.heenbericht_id == verwerkt.pk
    assert Bericht.objects.count() == 3  # two copies as evidence, one retour
