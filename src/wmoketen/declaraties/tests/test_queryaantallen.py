"""Query-count guards (#21): each declaration page and worklist source makes as many queries
with 100 rows behind it as with 10, and the lists never read a message's XML."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wmoketen.declaraties.constants import BeoordelingStatus, DeclaratieStatus, Oordeel
from wmoketen.declaraties.models import Declaratie, OntvangenDeclaratie, OntvangenPrestatie
from wmoketen.declaraties.werklijst import afgewezen_prestaties, te_beantwoorden_declaraties
from wmoketen.testhulp import aantal_queries

from .schermen_opzet import Opzet

pytestmark = pytest.mark.django_db


@pytest.fixture
def opzet():
    return Opzet()


def _aanbieder_rijen(opzet, aantal: int) -> None:
    """``aantal`` declarations (answered, one prestatie rejected each) and ``aantal``
    prestaties in the first one."""
    for _ in range(aantal):
        declaratie = opzet.declaratie(
            1,
            status=DeclaratieStatus.BEANTWOORD,
            toegekend_bedrag=0,
            bericht=opzet.bericht(opzet.aanbieder, opzet.gemeente),
        )
        declaratie.prestaties.update(oordeel=Oordeel.AFGEWEZEN, retourcodes=["9321"])
    eerste = Declaratie.objects.order_by("pk").first()
    opzet.prestaties(eerste, aantal, oordeel=Oordeel.AFGEWEZEN, retourcodes=["9307"])


def _gemeente_rijen(opzet, aantal: int) -> None:
    for i in range(aantal):
        status = BeoordelingStatus.BEANTWOORD if i % 3 == 0 else BeoordelingStatus.TE_BEOORDELEN
        declaratie = opzet.ontvangen(1, status=status, dagen=i % 12)
        declaratie.prestaties.update(oordeel=Oordeel.AFGEWEZEN, retourcodes=["9321"])
    eerste = OntvangenDeclaratie.objects.order_by("pk").first()
    opzet.ontvangen_prestaties(eerste, aantal, oordeel=Oordeel.AFGEWEZEN, retourcodes=["9307"])


AANBIEDER_URLS = ["/declaraties/", "/declaraties/?status=beantwoord", "/declaraties/afgewezen/"]
GEMEENTE_URLS = [
    "/declaraties/ontvangen/",
    "/declaraties/ontvangen/?status=alle",
    "/declaraties/ontvangen/?status=beantwoord",
    "/declaraties/ontvangen/afgewezen/",
]


def _detail_aanbieder(opzet) -> str:
    return f"/declaraties/{Declaratie.objects.order_by('pk').first().pk}/"


def _detail_gemeente(opzet) -> str:
    return f"/declaraties/ontvangen/{OntvangenDeclaratie.objects.order_by('pk').first().pk}/"


@pytest.mark.parametrize("url", [*AANBIEDER_URLS, _detail_aanbieder])
def test_aanbieder_paginas(opzet, url):
    _aanbieder_rijen(opzet, 10)
    url = url(opzet) if callable(url) else url
    bij_10 = aantal_queries(opzet.medewerker, url)
    _aanbieder_rijen(opzet, 90)
    assert aantal_queries(opzet.medewerker, url) == bij_10, url


@pytest.mark.parametrize("url", [*GEMEENTE_URLS, _detail_gemeente])
def test_gemeente_paginas(opzet, url):
    _gemeente_rijen(opzet, 10)
    url = url(opzet) if callable(url) else url
    bij_10 = aantal_queries(opzet.backoffice, url)
    _gemeente_rijen(opzet, 90)
    assert aantal_queries(opzet.backoffice, url) == bij_10, url


def test_concept_pagina(opzet):
    """The concept's page with its volume forms: the same with 10 and 100 prestaties."""
    declaratie = opzet.declaratie(10)
    url = f"/declaraties/{declaratie.pk}/"
    bij_10 = aantal_queries(opzet.medewerker, url)
    opzet.prestaties(declaratie, 90)
    assert aantal_queries(opzet.medewerker, url) == bij_10


def _sql(web, url) -> list[str]:
    with CaptureQueriesContext(connection) as vastgelegd:
        assert web.get(url).status_code == 200
    return [q["sql"] for q in vastgelegd]


def test_lijsten_lezen_geen_xml(opzet):
    _aanbieder_rijen(opzet, 3)
    _gemeente_rijen(opzet, 3)
    for web, urls in ((opzet.medewerker, AANBIEDER_URLS), (opzet.backoffice, GEMEENTE_URLS)):
        for url in urls:
            assert not [q for q in _sql(web, url) if '"inhoud"' in q], url


def _queries(functie, gebruiker) -> int:
    with CaptureQueriesContext(connection) as vastgelegd:
        list(functie(gebruiker))
    return len(vastgelegd)


def test_werklijstbronnen_in_een_vast_aantal_queries(opzet):
    _aanbieder_rijen(opzet, 10)
    _gemeente_rijen(opzet, 10)
    medewerker, backoffice = opzet.medewerker_gebruiker, opzet.backoffice_gebruiker
    bij_10 = (
        _queries(afgewezen_prestaties, medewerker),
        _queries(te_beantwoorden_declaraties, backoffice),
    )
    assert bij_10 == (1, 1)
    _aanbieder_rijen(opzet, 90)
    _gemeente_rijen(opzet, 90)
    assert len(list(afgewezen_prestaties(medewerker))) == 100
    assert len(list(te_beantwoorden_declaraties(backoffice))) == 66
    assert (
        _queries(afgewezen_prestaties, medewerker),
        _queries(te_beantwoorden_declaraties, backoffice),
    ) == bij_10


def test_werklijstbron_is_begrensd(opzet, monkeypatch):
    monkeypatch.setattr("wmoketen.declaraties.werklijst.MAX_PER_BRON", 3)
    _gemeente_rijen(opzet, 9)
    _aanbieder_rijen(opzet, 5)
    items = list(te_beantwoorden_declaraties(opzet.backoffice_gebruiker))
    assert len(items) == 3
    # The nearest deadlines first.
    eerste = sorted(
        OntvangenDeclaratie.objects.exclude(status=BeoordelingStatus.BEANTWOORD).select_related(
            "termijn"
        ),
        key=lambda d: (d.termijn.vervaldatum, d.ontvangen_op, d.pk),
    )[:3]
    assert [i.url for i in items] == [f"/declaraties/ontvangen/{d.pk}/" for d in eerste]
    assert len(list(afgewezen_prestaties(opzet.medewerker_gebruiker))) == 3
    assert OntvangenPrestatie.objects.exists()
