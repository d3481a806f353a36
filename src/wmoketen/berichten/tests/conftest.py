import pytest

from istandaarden.samples import lees
from wmoketen.berichten.handlers import HANDLERS
from wmoketen.factories import AanbiederFactory, GemeenteFactory


@pytest.fixture
def partijen(db):
    """The sender and receiver the official examples name: gemeente 0384, AGB 42420001."""
    return GemeenteFactory(naam="Voorbeeldgemeente", gemeentecode="0384"), AanbiederFactory(
        naam="Voorbeeldaanbieder", agb_code="42420001"
    )


@pytest.fixture
def wmo301():
    return lees("WMO301")


@pytest.fixture
def handlers():
    """Register test handlers; the registry is restored afterwards."""
    bewaard = dict(HANDLERS)
    yield HANDLERS
    HANDLERS.clear()
    HANDLERS.update(bewaard)
