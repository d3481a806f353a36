"""Query-count guards (#20) of the directory and the contracts: as many queries with 100 rows
as with 10, one page of rows."""

import re

import pytest

from wmoketen.factories import AanbiederFactory, ContractFactory
from wmoketen.testhulp import aantal_queries

pytestmark = pytest.mark.django_db


def test_organisaties_evenveel_queries_bij_10_en_100(ingelogd):
    AanbiederFactory.create_batch(10)
    bij_10 = aantal_queries(ingelogd, "/organisaties/")
    AanbiederFactory.create_batch(90)
    assert aantal_queries(ingelogd, "/organisaties/") == bij_10
    antwoord = ingelogd.get("/organisaties/").content.decode()
    assert len(re.findall(r'href="/organisaties/\d+/"', antwoord)) == 50
    assert 'href="/organisaties/?p=2"' in antwoord


def test_contracten_evenveel_queries_bij_10_en_100(ingelogd, gemeente):
    ContractFactory.create_batch(10, gemeente=gemeente)
    bij_10 = aantal_queries(ingelogd, "/organisaties/contracten/")
    ContractFactory.create_batch(90, gemeente=gemeente)
    assert aantal_queries(ingelogd, "/organisaties/contracten/") == bij_10
    antwoord = ingelogd.get("/organisaties/contracten/").content.decode()
    assert len(re.findall(r'href="/organisaties/contracten/\d+/"', antwoord)) == 25
