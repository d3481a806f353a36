"""Query-count guard (#20) of the client search: as many queries with 100 matches as with 10
(one audit row per client shown, written in one statement), a page of 25."""

import re

import pytest

from wmoketen.factories import ClientFactory
from wmoketen.testhulp import aantal_queries

pytestmark = pytest.mark.django_db


def test_zoeken_evenveel_queries_bij_10_en_100(ingelogd, gemeente):
    ClientFactory.create_batch(10, organisatie=gemeente, geslachtsnaam="Vermeulen")
    bij_10 = aantal_queries(ingelogd, "/clienten/?q=vermeulen")
    ClientFactory.create_batch(90, organisatie=gemeente, geslachtsnaam="Vermeulen")
    assert aantal_queries(ingelogd, "/clienten/?q=vermeulen") == bij_10
    antwoord = ingelogd.get("/clienten/?q=vermeulen").content.decode()
    assert len(re.findall(r'href="/clienten/\d+/"', antwoord)) == 25
