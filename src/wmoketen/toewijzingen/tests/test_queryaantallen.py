"""Query-count guards (#20): each list page makes as many queries with 100 allocations behind
it as with 10, shows one page of rows, and never reads a message's XML."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wmoketen.testhulp import aantal_queries
from wmoketen.toewijzingen.constants import LeveringStatus
from wmoketen.toewijzingen.views import PER_PAGINA

from .lijsten import Opzet

pytestmark = pytest.mark.django_db


@pytest.fixture
def opzet():
    return Opzet()


def _gelijk(opzet, web, url, **vul):
    opzet.vul(10, **vul)
    bij_10 = aantal_queries(web, url)
    opzet.vul(90, **vul)
    assert aantal_queries(web, url) == bij_10, url


@pytest.mark.parametrize("toestand", ["", "?toestand=gestart", "?toestand=nog_niet_gestart"])
def test_backoffice_lijst(opzet, toestand):
    _gelijk(opzet, opzet.backoffice, f"/toewijzingen/{toestand}")


@pytest.mark.parametrize("toestand", ["", "?toestand=gepauzeerd", "?toestand=nog_niet_gestart"])
def test_aanbieder_lijst(opzet, toestand):
    _gelijk(opzet, opzet.medewerker, f"/toewijzingen/ontvangen/{toestand}")


@pytest.mark.parametrize("rol", ["backoffice", "manager"])
@pytest.mark.parametrize(
    "url", ["/toewijzingen/wachtlijst/", "/toewijzingen/wachtlijst/?per=product&p=2"]
)
def test_wachtlijst(opzet, rol, url):
    _gelijk(opzet, getattr(opzet, rol), url, status=LeveringStatus.VERWIJDERD)


def _sql(web, url) -> list[str]:
    with CaptureQueriesContext(connection) as vastgelegd:
        assert web.get(url).status_code == 200
    return [q["sql"] for q in vastgelegd]


@pytest.mark.parametrize("rol", ["backoffice", "manager"])
def test_wachtlijst_csv(opzet, rol):
    """Every row is exported; the audit trail gets one row per client, written in batches
    (the database's batch size), so those inserts are not counted."""
    url = "/toewijzingen/wachtlijst/wachtlijst.csv"

    def gelezen():
        return len([q for q in _sql(getattr(opzet, rol), url) if "audit_" not in q])

    opzet.vul(10, status=LeveringStatus.VERWIJDERD)
    bij_10 = gelezen()
    opzet.vul(90, status=LeveringStatus.VERWIJDERD)
    assert gelezen() == bij_10
    assert getattr(opzet, rol).get(url).content.decode().count("\r\n") == 101


@pytest.mark.parametrize(
    "rol, url",
    [
        ("backoffice", "/toewijzingen/"),
        ("medewerker", "/toewijzingen/ontvangen/"),
        ("backoffice", "/toewijzingen/wachtlijst/"),
        ("backoffice", "/toewijzingen/wachtlijst/wachtlijst.csv"),
    ],
)
def test_lijsten_lezen_geen_xml(opzet, rol, url):
    opzet.vul(5)
    sql = _sql(getattr(opzet, rol), url)
    assert not [q for q in sql if '"inhoud"' in q]


@pytest.mark.parametrize(
    "url", ["/toewijzingen/wachtlijst/", "/toewijzingen/wachtlijst/wachtlijst.csv"]
)
def test_wachtlijst_leest_de_sluitingsdagen_een_keer(opzet, url):
    opzet.vul(40, status=LeveringStatus.VERWIJDERD)
    sql = _sql(opzet.backoffice, url)
    assert len([q for q in sql if '"termijnen_sluitingsdag"' in q]) == 1


@pytest.mark.parametrize(
    "rol, url", [("backoffice", "/toewijzingen/"), ("medewerker", "/toewijzingen/ontvangen/")]
)
def test_een_pagina_per_keer(opzet, rol, url):
    opzet.vul(PER_PAGINA + 5)
    web = getattr(opzet, rol)
    eerste = web.get(url).content.decode()
    tweede = web.get(f"{url}?p=2").content.decode()
    detail = re.compile(r'href="/toewijzingen/(ontvangen/)?\d+/"')
    assert len(detail.findall(eerste)) == PER_PAGINA
    assert len(detail.findall(tweede)) == 5
    assert "Pagina 1 van 2" in eerste and "?p=2" in eerste
    assert "Pagina 2 van 2" in tweede and "?p=1" in tweede
