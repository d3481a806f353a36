"""Query-count guards (#20) of the requests' lists: the aanbieder's requests and the
backoffice's queue make as many queries with 100 requests behind them as with 10 and show one
page; the queue keeps its order (the first due date first) and counts every overdue request."""

import re
from datetime import timedelta
from itertools import count

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client as Web
from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.factories import ClientFactory, GebruikerFactory
from wmoketen.gedeeld.paginering import PER_PAGINA
from wmoketen.termijnen.constants import Status as TermijnStatus
from wmoketen.termijnen.models import Termijn
from wmoketen.testhulp import aantal_queries
from wmoketen.verzoeken.constants import Kant, Soort, Status
from wmoketen.verzoeken.models import Verzoek

pytestmark = pytest.mark.django_db

NUMMER = count(1)
STATUSSEN = [Status.OPEN, Status.IN_ONDERZOEK, Status.TOEGEWEZEN, Status.AFGEWEZEN]


def _web(organisatie, rol) -> Web:
    web = Web()
    web.force_login(GebruikerFactory(organisatie=organisatie, rol=rol))
    return web


def _verzoeken(gemeente, aanbieder, aantal: int, *, kant: str, status=None) -> list[Verzoek]:
    """``aantal`` requests on ``kant``, the states rotating unless ``status`` is given; on the
    gemeente's side each with a running answer deadline, some overdue, some without one."""
    vandaag = timezone.localdate()
    verzoeken = []
    for i in range(aantal):
        n = next(NUMMER)
        organisatie = gemeente if kant == Kant.GEMEENTE else aanbieder
        verzoek = Verzoek.objects.create(
            organisatie=organisatie,
            kant=kant,
            gemeente=gemeente,
            aanbieder=aanbieder,
            client=ClientFactory(organisatie=organisatie, geslachtsnaam=f"K{n}"),
            wet="wmo",
            soort=Soort.TOEWIJZING,
            dagtekening=vandaag - timedelta(days=n % 30),
            status=status or STATUSSEN[i % len(STATUSSEN)],
        )
        if kant == Kant.GEMEENTE and i % 5:
            Termijn.objects.create(
                gemeente=gemeente,
                content_type=ContentType.objects.get_for_model(Verzoek),
                object_id=verzoek.pk,
                omschrijving="Antwoorden",
                startdatum=verzoek.dagtekening,
                vervaldatum=vandaag + timedelta(days=(n * 7) % 23 - 5),
                status=TermijnStatus.OPEN,
            )
        verzoeken.append(verzoek)
    return verzoeken


def _getoond(antwoord, naam: str) -> list[int]:
    return [
        int(pk) for pk in re.findall(rf'href="/verzoeken/{naam}(\d+)/"', antwoord.content.decode())
    ]


@pytest.fixture
def aanbiederweb(aanbieder):
    return _web(aanbieder, Rol.AANBIEDER)


@pytest.fixture
def backoffice_web(gemeente):
    return _web(gemeente, Rol.BACKOFFICE)


def test_lijst_evenveel_queries_bij_10_en_100(gemeente, aanbieder, aanbiederweb):
    _verzoeken(gemeente, aanbieder, 10, kant=Kant.AANBIEDER)
    bij_10 = aantal_queries(aanbiederweb, "/verzoeken/")
    _verzoeken(gemeente, aanbieder, 90, kant=Kant.AANBIEDER)
    assert aantal_queries(aanbiederweb, "/verzoeken/") == bij_10
    # Two lists of 50 each: a page of each, each with its own page parameter.
    antwoord = aanbiederweb.get("/verzoeken/")
    assert len(_getoond(antwoord, "")) == 2 * PER_PAGINA
    assert "?p=2" in antwoord.content.decode()
    assert "?p_beantwoord=2" in antwoord.content.decode()


def test_lijst_bladert_naar_de_oudste(gemeente, aanbieder, aanbiederweb):
    verzoeken = _verzoeken(gemeente, aanbieder, 30, kant=Kant.AANBIEDER, status=Status.OPEN)
    oudste = sorted(verzoeken, key=lambda v: (v.dagtekening, v.pk))[:5]
    tweede = aanbiederweb.get("/verzoeken/?p=2")
    assert set(_getoond(tweede, "")) == {v.pk for v in oudste}


def test_werkvoorraad_evenveel_queries_bij_10_en_100(gemeente, aanbieder, backoffice_web):
    _verzoeken(gemeente, aanbieder, 10, kant=Kant.GEMEENTE)
    bij_10 = aantal_queries(backoffice_web, "/verzoeken/ontvangen/")
    _verzoeken(gemeente, aanbieder, 90, kant=Kant.GEMEENTE)
    assert aantal_queries(backoffice_web, "/verzoeken/ontvangen/") == bij_10


def test_werkvoorraad_eerste_termijn_bovenaan_en_alle_te_late_geteld(
    gemeente, aanbieder, backoffice_web
):
    verzoeken = _verzoeken(gemeente, aanbieder, 40, kant=Kant.GEMEENTE, status=Status.OPEN)
    termijnen = {
        t.object_id: t.vervaldatum for t in Termijn.objects.filter(content_type__model="verzoek")
    }
    # The first due date first, those without a deadline last, then by pk.
    volgorde = sorted(
        verzoeken,
        key=lambda v: (v.pk not in termijnen, termijnen.get(v.pk), v.pk),
    )
    eerste = backoffice_web.get("/verzoeken/ontvangen/")
    assert _getoond(eerste, "ontvangen/")[:PER_PAGINA] == [v.pk for v in volgorde[:PER_PAGINA]]
    tweede = backoffice_web.get("/verzoeken/ontvangen/?p=2")
    assert _getoond(tweede, "ontvangen/")[: 40 - PER_PAGINA] == [
        v.pk for v in volgorde[PER_PAGINA:]
    ]
    te_laat = sum(1 for d in termijnen.values() if d < timezone.localdate())
    assert te_laat > 0
    assert f"<strong>{te_laat} te laat.</strong>" in eerste.content.decode()
