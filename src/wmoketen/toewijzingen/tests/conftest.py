"""Fixtures of the allocation tests: a gemeente and an aanbieder with a contract, the
gemeente's client record (``client``: a ``Client``, not Django's test client) and consulent,
and an allocation made and delivered (``toegewezen``: Wmo and Jeugdwet; ``toegewezen_wmo``:
Begeleiding under the standard deadline rules, as the pages show it)."""

import pytest

from wmoketen.accounts.constants import Rol
from wmoketen.factories import (
    AanbiederFactory,
    ClientFactory,
    ContactFactory,
    ContractFactory,
    GebruikerFactory,
    GemeenteFactory,
)
from wmoketen.termijnen.services import laad_standaardregels
from wmoketen.testdatum import dag
from wmoketen.toewijzingen.services import TeWijzenProduct, wijs_toe

from .hulp import EINDE, INGANG, gecontracteerd


@pytest.fixture
def partijen(db):
    gemeente = GemeenteFactory(naam="Voorbeeldgemeente", gemeentecode="0384")
    aanbieder = AanbiederFactory(naam="Zorggroep Voorbeeld", agb_code="42420001")
    return gemeente, aanbieder


@pytest.fixture
def contract(partijen):
    gemeente, aanbieder = partijen
    return ContractFactory(gemeente=gemeente, aanbieder=aanbieder, begindatum=dag(2026, 1, 1))


@pytest.fixture
def client(partijen):
    gemeente, _ = partijen
    client = ClientFactory(
        organisatie=gemeente, geslachtsnaam="Berg", voorvoegsel="van den", voornamen="Anna Maria"
    )
    ContactFactory(client=client, telefoonnummer="0612345678", emailadres="anna@example.org")
    return client


@pytest.fixture
def consulent(partijen):
    return GebruikerFactory(organisatie=partijen[0])


@pytest.fixture
def medewerker(partijen):
    return GebruikerFactory(organisatie=partijen[1], rol=Rol.AANBIEDER)


@pytest.fixture
def backoffice(partijen):
    return GebruikerFactory(organisatie=partijen[0], rol=Rol.BACKOFFICE)


@pytest.fixture(params=["wmo", "jeugdwet"])
def toegewezen(request, partijen, client, consulent, contract, django_capture_on_commit_callbacks):
    gemeente, aanbieder = partijen
    extra = {"productcategorie": "45"} if request.param == "jeugdwet" else {}
    product = gecontracteerd(contract, wet=request.param, **extra)
    with django_capture_on_commit_callbacks(execute=True):
        [toewijzing] = wijs_toe(
            gemeente=gemeente,
            aanbieder=aanbieder,
            client=client,
            wet=request.param,
            producten=[TeWijzenProduct(product, INGANG, EINDE, 4, None, None)],
            beschikkingnummer="B-1",
            acting_user=consulent,
        )
    return toewijzing


@pytest.fixture
def toegewezen_wmo(partijen, client, consulent, contract, django_capture_on_commit_callbacks):
    laad_standaardregels(acting_user=None)
    gemeente, aanbieder = partijen
    product = gecontracteerd(contract, wet="wmo", productcode="02A01", naam="Begeleiding")
    with django_capture_on_commit_callbacks(execute=True):
        [toewijzing] = wijs_toe(
            gemeente=gemeente,
            aanbieder=aanbieder,
            client=client,
            wet="wmo",
            producten=[TeWijzenProduct(product, INGANG, EINDE, 4, None, None)],
            beschikkingnummer="B-1",
            acting_user=consulent,
        )
    return toewijzing
