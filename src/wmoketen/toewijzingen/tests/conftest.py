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
    ContractregelFactory,
    GebruikerFactory,
    GemeenteFactory,
    ProductFactory,
)
from wmoketen.termijnen.services import laad_standaardregels
from wmoketen.testdatum import dag
from wmoketen.toewijzingen.services import TeWijzenProduct, wijs_toe

INGANG = dag(2026, 3, 2)
EINDE = dag(2027, 3, 1)


@pytest.fixture
def partijen(db):
    gemeente = GemeenteFactory(naam="Voorbeeldgemeente", gemeentecode="0384")
    aanbieder = AanbiederFactory(naam="Zorggroep Voorbeeld", agb_code="42420001")
    return gemeente, aanbieder


@pytest.fixture
def contract(partijen):
    gemeente, aanbieder = partijen
    return ContractFactory(gemeente=gemeente, aanbieder=aanbieder, begindatum=dag(2026, 1, 1))


def gecontracteerd(contract, **kwargs):
    product = ProductFactory(**kwargs)
    ContractregelFactory(
        contract=contract, product=product, eenheid=product.eenheid, frequentie=product.frequentie
    )
    return product


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


def toewijzen(partijen, client, consulent, producten, wet="wmo", beschikking="B-2026-001"):
    gemeente, aanbieder = partijen
    return wijs_toe(
        gemeente=gemeente,
        aanbieder=aanbieder,
        client=client,
        wet=wet,
        producten=producten,
        beschikkingnummer=beschikking,
        acting_user=consulent,
    )


def per_week(product, volume=3, ingang=INGANG, einde=EINDE):
    return TeWijzenProduct(
        product=product,
        ingangsdatum=ingang,
        einddatum=einde,
        volume=volume,
        eenheid="04",
        frequentie="2",
    )


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


def tekst(antwoord) -> str:
    return antwoord.content.decode()


def post(web, url, capture, **data):
    """POST, deliver the messages it sent (on-commit), then follow the redirect."""
    with capture(execute=True):
        antwoord = web.post(url, data)
    return web.get(antwoord.url) if antwoord.status_code == 302 else antwoord
