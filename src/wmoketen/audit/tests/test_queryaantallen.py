"""Query-count guard (#20) of the audit trail: as many queries with 100 rows as with 10, one
page of 50, and no count of the whole trail (it only grows): a next page while rows follow."""

import pytest
from django.test import Client as Web

from wmoketen.accounts.constants import Rol
from wmoketen.audit.models import AuditRegel
from wmoketen.factories import GebruikerFactory
from wmoketen.testhulp import aantal_queries

pytestmark = pytest.mark.django_db


def _regels(gemeente, aantal: int, gebruikersnaam: str = "consulent") -> None:
    AuditRegel.objects.bulk_create(
        AuditRegel(
            gebruikersnaam=gebruikersnaam,
            organisatie=gemeente,
            actie="client.gelezen",
            object_type="clienten.client",
            object_id=str(i),
            omschrijving=f"Regel {i}",
        )
        for i in range(aantal)
    )


@pytest.fixture
def web(gemeente):
    web = Web()
    web.force_login(GebruikerFactory(organisatie=gemeente, rol=Rol.FUNCTIONEEL_BEHEERDER))
    return web


@pytest.mark.parametrize("query", ["", "?gebruiker=consulent"])
def test_audittrail_evenveel_queries_bij_10_en_100(query, gemeente, web):
    _regels(gemeente, 10)
    bij_10 = aantal_queries(web, f"/audit/{query}")
    _regels(gemeente, 90)
    assert aantal_queries(web, f"/audit/{query}") == bij_10


def test_audittrail_bladert_zonder_alles_te_tellen(gemeente, web):
    _regels(gemeente, 120, gebruikersnaam="jansen")
    eerste = web.get("/audit/?gebruiker=jansen").content.decode()
    assert eerste.count("<td>client.gelezen</td>") == 50
    assert "<span>Pagina 1</span>" in eerste
    assert 'href="/audit/?gebruiker=jansen&amp;p=2"' in eerste
    # The last page: the 20 left, no next page; the search stays in the links.
    derde = web.get("/audit/?gebruiker=jansen&p=3").content.decode()
    assert derde.count("<td>client.gelezen</td>") == 20
    assert 'href="/audit/?gebruiker=jansen&amp;p=2">Vorige</a>' in derde
    assert "Volgende" not in derde
