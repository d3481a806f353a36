"""Query-count guards (#20) of the toegang lists: the caseload, the backoffice's aanvragen and
the aanbieder's orders make as many queries with 100 rows behind them as with 10, and show one
page of rows; the caseload's overdue count covers the whole list, not just the page."""

import re
from datetime import timedelta
from itertools import count

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client as Web

from wmoketen.accounts.constants import Rol
from wmoketen.factories import ClientFactory, GebruikerFactory
from wmoketen.gedeeld.paginering import PER_PAGINA
from wmoketen.termijnen.constants import Status as TermijnStatus
from wmoketen.termijnen.models import Termijn
from wmoketen.testhulp import aantal_queries
from wmoketen.toegang.constants import MeldingStatus, PlanStatus
from wmoketen.toegang.models import Melding, Ondersteuningsplan

from .hulp import vandaag

pytestmark = pytest.mark.django_db

NUMMER = count(1)


def _web(gebruiker) -> Web:
    web = Web()
    web.force_login(gebruiker)
    return web


def _termijn(onderwerp, gemeente, *, dagen: int):
    """A running deadline on ``onderwerp``, due ``dagen`` from today (negative: overdue)."""
    return Termijn.objects.create(
        gemeente=gemeente,
        content_type=ContentType.objects.get_for_model(onderwerp),
        object_id=onderwerp.pk,
        omschrijving="Termijn",
        startdatum=vandaag() - timedelta(days=30),
        vervaldatum=vandaag() + timedelta(days=dagen),
        status=TermijnStatus.OPEN,
    )


def _meldingen(gemeente, consulent, aanbieder, aantal: int, *, plan_status=None) -> list:
    """``aantal`` open meldingen of ``consulent``, each with a plan at ``aanbieder`` (in
    ``plan_status``, deel 1 by default) and a running deadline; every third one overdue, on
    the melding or on its plan by turns."""
    meldingen = []
    for i in range(aantal):
        n = next(NUMMER)
        melding = Melding.objects.create(
            gemeente=gemeente,
            client=ClientFactory(organisatie=gemeente, geslachtsnaam=f"K{n}"),
            wet="wmo",
            ontvangen_op=vandaag() - timedelta(days=n % 50),
            kanaal="loket",
            consulent=consulent,
            status=MeldingStatus.PLAN_DEEL_1,
        )
        plan = Ondersteuningsplan.objects.create(
            melding=melding,
            status=plan_status or PlanStatus.DEEL_1,
            aanbieder=aanbieder,
            toestemming_delen=True,
            opdracht_op=vandaag() - timedelta(days=n % 40),
            aanvraag_op=vandaag() - timedelta(days=n % 30),
        )
        dagen = -2 if i % 3 == 0 else 10
        _termijn(melding if i % 2 else plan, gemeente, dagen=dagen)
        meldingen.append(melding)
    return meldingen


def _rijen(antwoord, patroon: str) -> int:
    return len(set(re.findall(patroon, antwoord.content.decode())))


@pytest.mark.parametrize("query", ["", "?afgerond=1", "?wie=alle", "?wie=alle&afgerond=1"])
def test_caseload_evenveel_queries_bij_10_en_100_meldingen(query, gemeente, consulent, aanbieder):
    web = _web(consulent)
    _meldingen(gemeente, consulent, aanbieder, 10)
    bij_10 = aantal_queries(web, f"/toegang/{query}")
    _meldingen(gemeente, consulent, aanbieder, 90)
    assert aantal_queries(web, f"/toegang/{query}") == bij_10


def test_caseload_toont_een_pagina_en_telt_alle_verlopen_termijnen(gemeente, consulent, aanbieder):
    meldingen = _meldingen(gemeente, consulent, aanbieder, 30)
    web = _web(consulent)
    eerste = web.get("/toegang/")
    assert _rijen(eerste, r'href="/toegang/(\d+)/"') == PER_PAGINA
    # 30 meldingen, every third overdue (i = 0, 3, ..., 27): 10, most of them past page 1.
    assert "30 meldingen, waarvan" in eerste.content.decode()
    assert "10 met een verlopen termijn" in eerste.content.decode()
    assert "Pagina 1 van 2" in eerste.content.decode()
    tweede = web.get("/toegang/?p=2")
    # The oldest first: page 2 holds the five newest, and the filter stays in the links.
    nieuwste = sorted(meldingen, key=lambda m: (m.ontvangen_op, m.pk))[PER_PAGINA:]
    assert set(re.findall(r'href="/toegang/(\d+)/"', tweede.content.decode())) == {
        str(m.pk) for m in nieuwste
    }
    assert _rijen(_web(consulent).get("/toegang/?wie=alle&p=2"), r"wie=alle&amp;p=1") == 1


def test_aanvragen_evenveel_queries_bij_10_en_100(gemeente, consulent, aanbieder):
    web = _web(GebruikerFactory(organisatie=gemeente, rol=Rol.BACKOFFICE))
    _meldingen(gemeente, consulent, aanbieder, 10, plan_status=PlanStatus.AKKOORD)
    bij_10 = aantal_queries(web, "/toegang/aanvragen/")
    _meldingen(gemeente, consulent, aanbieder, 90, plan_status=PlanStatus.AKKOORD)
    assert aantal_queries(web, "/toegang/aanvragen/") == bij_10
    rijen = _rijen(web.get("/toegang/aanvragen/"), r'href="/toegang/aanvragen/(\d+)/"')
    assert rijen == PER_PAGINA


@pytest.mark.parametrize("status", [PlanStatus.OPDRACHT_DEEL_2, PlanStatus.DEEL_2_GEREED])
def test_opdrachten_evenveel_queries_bij_10_en_100(status, gemeente, consulent, aanbieder):
    web = _web(GebruikerFactory(organisatie=aanbieder, rol=Rol.AANBIEDER))
    _meldingen(gemeente, consulent, aanbieder, 10, plan_status=status)
    bij_10 = aantal_queries(web, "/toegang/opdrachten/")
    _meldingen(gemeente, consulent, aanbieder, 90, plan_status=status)
    assert aantal_queries(web, "/toegang/opdrachten/") == bij_10
    antwoord = web.get("/toegang/opdrachten/")
    assert _rijen(antwoord, r'href="/toegang/plannen/(\d+)/"') == PER_PAGINA
    # Each of the two lists pages with its own parameter.
    parameter = "p" if status == PlanStatus.OPDRACHT_DEEL_2 else "p_overig"
    assert f"?{parameter}=2" in antwoord.content.decode()
