"""Fixtures: the seed regions (Midden-Limburg West, Almere) with their rules attached."""

import pytest

from wmoketen.factories import ClientFactory, GemeenteFactory
from wmoketen.organisaties.models import Regio
from wmoketen.termijnen import services


@pytest.fixture
def regio_gemeenten(db, gemeente, andere_gemeente):
    """Weert (the root fixture ``gemeente``), Leudal, Nederweert, Almere and Heusden."""
    nederweert = GemeenteFactory(naam="Nederweert", gemeentecode="0946")
    mlw = Regio.objects.create(naam="Midden-Limburg West")
    mlw.gemeenten.set([gemeente, andere_gemeente, nederweert])
    gemeenten = {
        "0988": gemeente,
        "1640": andere_gemeente,
        "0946": nederweert,
        "0034": GemeenteFactory(naam="Almere", gemeentecode="0034"),
        "0797": GemeenteFactory(naam="Heusden", gemeentecode="0797"),
    }
    services.laad_standaardregels(acting_user=None)
    return gemeenten


@pytest.fixture
def onderwerp(gemeente):
    """Any saved object serves as the subject of a deadline; a client record here."""
    return ClientFactory(organisatie=gemeente)
