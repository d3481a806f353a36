"""Closing days read once per request (#20): within ``kalender.per_verzoek`` (every request,
through ``KalenderMiddleware``) a gemeente's closing days are read once; saving or deleting
one empties the cache; outside a block every call reads them afresh, so nothing is stale
across requests, tasks or tests. And ``werkdagen_tussen`` counts without walking the days."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from hypothesis import given, settings
from hypothesis import strategies as st

from wmoketen.termijnen import kalender
from wmoketen.termijnen.middleware import KalenderMiddleware
from wmoketen.termijnen.models import Sluitingsdag

D = date.fromisoformat
pytestmark = pytest.mark.django_db


def _reken(gemeente) -> tuple:
    """A few computations of the kind a page makes many of."""
    return (
        kalender.plus_werkdagen(D("2026-12-24"), 3, gemeente),
        kalender.werkdagen_tussen(D("2026-12-01"), D("2026-12-31"), gemeente),
        kalender.is_werkdag(D("2026-12-29"), gemeente),
        kalender.volgende_werkdag(D("2026-12-28"), gemeente),
    )


def _gelezen(vastgelegd) -> int:
    return len([q for q in vastgelegd if "termijnen_sluitingsdag" in q["sql"]])


def test_binnen_een_blok_een_keer_gelezen(gemeente, andere_gemeente):
    Sluitingsdag.objects.create(gemeente=gemeente, datum=D("2026-12-28"))
    zonder_cache = _reken(gemeente), _reken(andere_gemeente)
    assert zonder_cache[0] == (D("2026-12-31"), 20, True, D("2026-12-29"))
    assert zonder_cache[1] == (D("2026-12-30"), 21, True, D("2026-12-28"))
    with CaptureQueriesContext(connection) as vastgelegd, kalender.per_verzoek():
        for _ in range(20):
            assert (_reken(gemeente), _reken(andere_gemeente)) == zonder_cache
    assert _gelezen(vastgelegd) == 2  # once per gemeente


def test_buiten_een_blok_elke_aanroep_vers(gemeente):
    with CaptureQueriesContext(connection) as vastgelegd:
        assert kalender.is_werkdag(D("2026-12-28"), gemeente) is True
        Sluitingsdag.objects.create(gemeente=gemeente, datum=D("2026-12-28"))
        assert kalender.is_werkdag(D("2026-12-28"), gemeente) is False
    assert _gelezen(vastgelegd) == 3  # two reads, one insert


def test_opslaan_en_verwijderen_legen_de_cache(gemeente):
    with kalender.per_verzoek():
        assert kalender.is_werkdag(D("2026-12-28"), gemeente) is True
        dag = Sluitingsdag.objects.create(gemeente=gemeente, datum=D("2026-12-28"))
        assert kalender.is_werkdag(D("2026-12-28"), gemeente) is False
        dag.datum = D("2026-12-29")
        dag.save()
        assert kalender.is_werkdag(D("2026-12-28"), gemeente) is True
        assert kalender.is_werkdag(D("2026-12-29"), gemeente) is False
        Sluitingsdag.objects.filter(gemeente=gemeente).delete()
        assert kalender.is_werkdag(D("2026-12-29"), gemeente) is True


def test_geneste_blokken_delen_de_cache(gemeente):
    with CaptureQueriesContext(connection) as vastgelegd, kalender.per_verzoek():
        _reken(gemeente)
        with kalender.per_verzoek():
            _reken(gemeente)
        _reken(gemeente)
    assert _gelezen(vastgelegd) == 1


def test_meerdere_gemeenten_in_een_keer(gemeente, andere_gemeente):
    Sluitingsdag.objects.create(gemeente=andere_gemeente, datum=D("2026-12-28"))
    with CaptureQueriesContext(connection) as vastgelegd, kalender.per_verzoek():
        kalender.laad_sluitingsdagen([gemeente, andere_gemeente.pk])
        assert kalender.is_werkdag(D("2026-12-28"), gemeente) is True
        assert kalender.is_werkdag(D("2026-12-28"), andere_gemeente) is False
    assert _gelezen(vastgelegd) == 1


def test_middleware_per_verzoek_en_niets_blijft_hangen(gemeente):
    uitkomsten = []

    def pagina(request):
        uitkomsten.append([_reken(gemeente) for _ in range(10)][-1])
        return HttpResponse()

    middleware = KalenderMiddleware(pagina)
    with CaptureQueriesContext(connection) as vastgelegd:
        middleware(RequestFactory().get("/"))
    assert _gelezen(vastgelegd) == 1
    # Between two requests a closing day is added (another process, a test): the next
    # request sees it, and no cache is left open after a request.
    Sluitingsdag.objects.create(gemeente=gemeente, datum=D("2026-12-28"))
    middleware(RequestFactory().get("/"))
    assert uitkomsten[0][0] == D("2026-12-30") and uitkomsten[1][0] == D("2026-12-31")
    assert kalender._gesloten.get() is None


def test_middleware_sluit_de_cache_ook_na_een_fout(gemeente):
    def kapot(request):
        _reken(gemeente)
        raise RuntimeError("kapot")

    with pytest.raises(RuntimeError):
        KalenderMiddleware(kapot)(RequestFactory().get("/"))
    assert kalender._gesloten.get() is None


def _wandel(van: date, tot: date, gesloten: frozenset) -> int:
    """The day-by-day count (the definition)."""
    if tot < van:
        return -_wandel(tot, van, gesloten)
    dagen = (van + timedelta(days=i) for i in range(1, (tot - van).days + 1))
    return sum(kalender.is_werkdag(d) and d not in gesloten for d in dagen)


datums = st.dates(min_value=D("2023-01-01"), max_value=D("2029-12-31"))


@settings(max_examples=300, deadline=None)
@given(van=datums, tot=datums, gesloten=st.frozensets(datums, max_size=8))
def test_werkdagen_tussen_telt_zoals_wandelen(van, tot, gesloten):
    with kalender.per_verzoek():
        kalender._gesloten.get()[-1] = gesloten  # a gemeente without a database row
        assert kalender.werkdagen_tussen(van, tot, -1) == _wandel(van, tot, gesloten)
        assert kalender.werkdagen_tussen(van, tot) == _wandel(van, tot, frozenset())
