"""Fixtures of the toegang tests.

The route's steps as fixtures (``melding``, ``onderzocht``, ``plan_deel_1``, ``opdracht``,
``gereed``, ``akkoord``, ``beschikt``), each walking the module's ``scenario``
(``wmoketen.scenario``) one step further. The default ``scenario`` is the page tests' route
of today; a module that walks another route overrides ``scenario`` (and ``plan_deel_1``
where its deel 1 includes the consent). The parties (``wmo_client``, ``backoffice``, ...)
are in the root conftest.
"""

import pytest

from wmoketen.factories import (
    ClientFactory,
    ContactFactory,
    ContractFactory,
    ContractregelFactory,
    ProductFactory,
)
from wmoketen.scenario import ACHTERAF, Scenario, Stap
from wmoketen.termijnen import services as termijnregels
from wmoketen.toegang.constants import Levensdomein
from wmoketen.toegang.services import DomeinInvoer, ResultaatgebiedInvoer

from .hulp import GEHEIM_VERSLAG


@pytest.fixture
def meldingen_achteraf(settings):
    """``MELDING_MAX_DAGEN_TERUG`` for a test that registers a melding of spring 2026 itself
    (``scenario.voorjaar`` does so on its own): a gemeente entering its old cases."""
    settings.MELDING_MAX_DAGEN_TERUG = ACHTERAF


# The page tests' parties and route, today ---------------------------------------------------


@pytest.fixture
def regels(db):
    termijnregels.laad_standaardregels(acting_user=None)


@pytest.fixture
def product(gemeente, aanbieder, regels):
    product = ProductFactory(productcategorie="02", productcode="02A01", naam="Begeleiding")
    contract = ContractFactory(gemeente=gemeente, aanbieder=aanbieder)
    ContractregelFactory(contract=contract, product=product, eenheid="04", frequentie="2")
    return product


@pytest.fixture
def inwoner(gemeente):
    client = ClientFactory(organisatie=gemeente, geslachtsnaam="Berg", voornamen="Anna")
    ContactFactory(client=client)
    return client


@pytest.fixture
def scenario(consulent, inwoner, aanbieder, product):
    """Today's route: a melding at the loket, an onderzoek with a secret verslag, a profile
    with a secret motivering; the medewerker and backoffice join at their steps."""
    return Scenario(
        client=inwoner,
        consulent=consulent,
        aanbieder=aanbieder,
        product=product,
        kanaal="loket",
        domeinen=[DomeinInvoer(d, 3, "Geheim probleem") for d in Levensdomein.values],
        verslag=GEHEIM_VERSLAG,
        resultaatgebieden=[ResultaatgebiedInvoer("tijdsbesteding", "Zinvolle dagbesteding")],
        profiel={"categorie": 2, "intensiteit": "basis", "motivering": "Geheime motivering"},
    )


# The route's steps --------------------------------------------------------------------------


@pytest.fixture
def melding(scenario):
    return scenario.tot(Stap.MELDING).melding


@pytest.fixture
def onderzocht(scenario, melding):
    return scenario.tot(Stap.ONDERZOEK).melding


@pytest.fixture
def plan_deel_1(scenario, onderzocht):
    """Deel 1 with its profile, before the consent."""
    return scenario.tot(Stap.PROFIEL).plan


@pytest.fixture
def opdracht(scenario, plan_deel_1):
    return scenario.tot(Stap.OPDRACHT).plan


@pytest.fixture
def gereed(scenario, opdracht, medewerker):
    scenario.medewerker = medewerker
    return scenario.tot(Stap.DEEL_2).plan


@pytest.fixture
def akkoord(scenario, gereed):
    return scenario.tot(Stap.AKKOORD).plan


@pytest.fixture
def beschikt(scenario, akkoord, backoffice):
    scenario.backoffice = backoffice
    return scenario.tot(Stap.BESCHIKKING).beschikking
