"""Fixtures of the eigen-bijdrage tests: Weert, its backoffice, and Jan Aalbers, whose support
ran from 200 to 100 days ago (``BEGIN``, ``EINDE`` in ``hulp.py``)."""

import pytest

from wmoketen.factories import GemeenteFactory

from .hulp import BEGIN, EINDE, backoffice, client, levering, toewijzing


@pytest.fixture
def gemeente():
    return GemeenteFactory(naam="Weert", gemeentecode="0988")


@pytest.fixture
def medewerker(gemeente):
    return backoffice(gemeente)


@pytest.fixture
def aalbers(gemeente):
    c = client(gemeente, bsn="999993653", geslachtsnaam="Aalbers")
    levering(toewijzing(gemeente, c, ingang=BEGIN), BEGIN, EINDE)
    return c
