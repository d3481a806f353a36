"""Query-count guard (#20) of the trajecten list: as many queries with 100 as with 10, one
page of 25."""

import re
from datetime import date
from itertools import count

import pytest

from wmoketen.factories import ClientFactory
from wmoketen.gedeeld.paginering import PER_PAGINA
from wmoketen.testhulp import aantal_queries
from wmoketen.trajecten.constants import Deelnemersrol
from wmoketen.trajecten.models import Deelname, Traject

pytestmark = pytest.mark.django_db

NUMMER = count(1)


def _trajecten(gemeente, aantal: int) -> None:
    for _ in range(aantal):
        n = next(NUMMER)
        traject = Traject.objects.create(
            gemeente=gemeente,
            client=ClientFactory(organisatie=gemeente, geslachtsnaam=f"K{n}"),
            nummer=f"T{n:05d}",
            onderwerp="Begeleiding",
            startdatum=date(2026, 1, 1 + n % 28),
        )
        Deelname.objects.create(traject=traject, organisatie=gemeente, rol=Deelnemersrol.GEMEENTE)


def test_trajecten_evenveel_queries_bij_10_en_100(ingelogd, gemeente):
    _trajecten(gemeente, 10)
    bij_10 = aantal_queries(ingelogd, "/trajecten/")
    _trajecten(gemeente, 90)
    assert aantal_queries(ingelogd, "/trajecten/") == bij_10
    eerste = ingelogd.get("/trajecten/").content.decode()
    assert len(set(re.findall(r'href="/trajecten/(\d+)/"', eerste))) == PER_PAGINA
    assert 'href="/trajecten/?p=2"' in eerste
