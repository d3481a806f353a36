"""Shared fixtures. Django is imported inside the fixtures, so the plain-Python istandaarden
tests also run without Django (``pytest src/istandaarden -p no:django``)."""

from contextlib import contextmanager

import pytest


@pytest.fixture
def gemeente(db):
    from wmoketen.factories import GemeenteFactory

    return GemeenteFactory(naam="Weert", gemeentecode="0988")


@pytest.fixture
def andere_gemeente(db):
    from wmoketen.factories import GemeenteFactory

    return GemeenteFactory(naam="Leudal", gemeentecode="1640")


@pytest.fixture
def aanbieder(db):
    from wmoketen.factories import AanbiederFactory

    return AanbiederFactory(naam="Zorggroep Test", agb_code="12345678")


def _gebruiker(username, organisatie, rol):
    from wmoketen.factories import GebruikerFactory

    return GebruikerFactory(username=username, organisatie=organisatie, rol=rol)


@pytest.fixture
def consulent(gemeente):
    from wmoketen.accounts.constants import Rol

    return _gebruiker("consulent", gemeente, Rol.TOEGANGSMEDEWERKER)


@pytest.fixture
def beheerder(gemeente):
    from wmoketen.accounts.constants import Rol

    return _gebruiker("beheerder", gemeente, Rol.FUNCTIONEEL_BEHEERDER)


@pytest.fixture
def ingelogd(client, consulent):
    client.force_login(consulent)
    return client


@pytest.fixture
def bezorg(django_capture_on_commit_callbacks):
    """``with bezorg(): ...`` delivers every message sent inside the block through the
    receiver's pipeline (and the retour back), as the eager Celery task does after commit: the
    on-commit callbacks run synchronously. Yields the captured callbacks."""

    @contextmanager
    def bezorgen():
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            yield callbacks

    return bezorgen


@pytest.fixture
def vandaag_vast(monkeypatch):
    """Today is the day the test was written (``wmoketen.testdatum.GESCHREVEN_OP``, at noon):
    for scenarios whose fixed dates are chosen around named holidays, so they stay valid.
    ``timezone.now`` drives ``localtime`` and ``localdate`` too."""
    from datetime import datetime, time

    from django.utils import timezone

    from wmoketen.testdatum import GESCHREVEN_OP

    middag = timezone.make_aware(datetime.combine(GESCHREVEN_OP, time(12)))
    monkeypatch.setattr(timezone, "now", lambda: middag)
    return GESCHREVEN_OP
