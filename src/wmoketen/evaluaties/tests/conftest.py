"""Shared fixtures. ``beschikking`` (root conftest): the toegang route of the toegang tests
(Weert, regio Midden-Limburg West) up to a beschikking of one year from 1 May 2026, which
planned the evaluations.

Planned for it: driemaandscheck 31-07-2026 (1 August is a Saturday), tussentijds 30-10-2026
(1 November is a Sunday), eindevaluatie 05-03-2027 (8 weeks before 30-04-2027).
"""

from datetime import date

import pytest

from wmoketen.accounts.constants import Rol
from wmoketen.factories import AanbiederFactory, GebruikerFactory

from ..constants import Soort
from ..models import Evaluatie

CHECK = date(2026, 7, 31)
TUSSENTIJDS = date(2026, 10, 30)
EIND = date(2027, 3, 5)


@pytest.fixture(autouse=True)
def _vandaag(vandaag_vast):
    """The fixed dates above hold as on the day they were written (root conftest)."""


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
