"""Shared fixtures: the toegang route of the toegang tests (Weert, regio Midden-Limburg West)
up to a beschikking of one year from 1 May 2026, whose signal plans the evaluations.

Planned for it: driemaandscheck 31-07-2026 (1 August is a Saturday), tussentijds 30-10-2026
(1 November is a Sunday), eindevaluatie 05-03-2027 (8 weeks before 30-04-2027).
"""

# ruff: noqa: F401, F811 - fixtures re-exported from the toegang tests

from datetime import date

import pytest

from wmoketen.accounts.constants import Rol
from wmoketen.factories import AanbiederFactory, GebruikerFactory
from wmoketen.toegang.tests.test_scenario import (
    backoffice,
    contract,
    medewerker,
    regio,
    wmo_client,
    wmo_product,
)
from wmoketen.toegang.tests.test_services import akkoord, beschik, gereed, opdracht, plan_deel_1

from ..constants import Soort
from ..models import Evaluatie

CHECK = date(2026, 7, 31)
TUSSENTIJDS = date(2026, 10, 30)
EIND = date(2027, 3, 5)


@pytest.fixture(autouse=True)
def _vandaag(vandaag_vast):
    """The fixed dates above hold as on the day they were written (root conftest)."""


@pytest.fixture
def beschikking(akkoord, wmo_product, backoffice):
    return beschik(akkoord, wmo_product, backoffice)


@pytest.fixture
def evaluatie(beschikking):
    """The tussentijdse evaluatie (with outcomes per resultaatgebied)."""
    return Evaluatie.objects.get(beschikking=beschikking, soort=Soort.TUSSENTIJDS)


@pytest.fixture
def check(beschikking):
    return Evaluatie.objects.get(beschikking=beschikking, soort=Soort.DRIEMAANDSCHECK)


@pytest.fixture
def buitenstaander(db):
    """A medewerker of an aanbieder that takes no part in the traject."""
    return GebruikerFactory(
        username="buiten",
        organisatie=AanbiederFactory(naam="Buiten Zorg", agb_code="99990000"),
        rol=Rol.AANBIEDER,
    )


@pytest.fixture
def op(monkeypatch):
    """``op(datum)``: make ``datum`` today for the services, queries and worklist."""
    from django.utils import timezone

    def zet(datum):
        monkeypatch.setattr(timezone, "localdate", lambda *a, **k: datum)

    return zet
