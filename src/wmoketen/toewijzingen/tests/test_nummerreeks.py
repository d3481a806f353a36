"""The counters behind toewijzingnummers and message Identificaties (``volgend_nummer``)."""

import threading
import time

import pytest
from django.conf import settings
from django.db import connection, transaction

from wmoketen.toewijzingen.models import Nummerreeks
from wmoketen.toewijzingen.services import volgend_nummer

POSTGRESQL = "postgresql" in settings.DATABASES["default"]["ENGINE"]


def test_telt_op_per_organisatie_en_naam(gemeente, andere_gemeente, django_assert_num_queries):
    assert [volgend_nummer(gemeente, "toewijzingnummer") for _ in range(3)] == [1, 2, 3]
    assert volgend_nummer(gemeente, "iwmo301") == 1
    assert volgend_nummer(andere_gemeente, "toewijzingnummer") == 1
    with django_assert_num_queries(2):  # a counter in use: an update and a read
        assert volgend_nummer(gemeente, "toewijzingnummer") == 4
    assert Nummerreeks.objects.get(organisatie=gemeente, naam="toewijzingnummer").laatste == 4


@pytest.mark.skipif(not POSTGRESQL, reason="gelijktijdigheid vraagt PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_eerste_gebruik_door_twee_processen_tegelijk(gemeente):
    start = threading.Barrier(2)
    nummers, fouten = [], []

    def werker():
        try:
            start.wait(timeout=10)
            with transaction.atomic():
                nummers.append(volgend_nummer(gemeente, "toewijzingnummer"))
                time.sleep(0.3)  # the counter stays new (uncommitted) while the other arrives
        except Exception as exc:  # reported below: a thread's exception is otherwise lost
            fouten.append(exc)
        finally:
            connection.close()

    draden = [threading.Thread(target=werker) for _ in range(2)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(timeout=30)

    assert fouten == []
    assert sorted(nummers) == [1, 2]
    assert Nummerreeks.objects.get(organisatie=gemeente).laatste == 2
