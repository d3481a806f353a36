import pytest

from wmoketen.accounts.constants import Rol
from wmoketen.factories import AanbiederFactory, GebruikerFactory, GemeenteFactory


@pytest.fixture
def gemeente(db):
    return GemeenteFactory(naam="Weert", gemeentecode="0988")


@pytest.fixture
def andere_gemeente(db):
    return GemeenteFactory(naam="Leudal", gemeentecode="1640")


@pytest.fixture
def aanbieder(db):
    return AanbiederFactory(naam="Zorggroep Test", agb_code="12345678")


@pytest.fixture
def consulent(gemeente):
    return GebruikerFactory(username="consulent", organisatie=gemeente, rol=Rol.TOEGANGSMEDEWERKER)


@pytest.fixture
def beheerder(gemeente):
    return GebruikerFactory(
        username="beheerder", organisatie=gemeente, rol=Rol.FUNCTIONEEL_BEHEERDER
    )


@pytest.fixture
def ingelogd(client, consulent):
    client.force_login(consulent)
    return client
