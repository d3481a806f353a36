"""Shared fixtures. Django is imported inside the fixtures, so the plain-Python istandaarden
tests also run without Django (``pytest src/istandaarden -p no:django``)."""

from contextlib import contextmanager

import pytest


def pytest_collection_modifyitems(items):
    """Browser tests last. The run's one Playwright (``tests/conftest.py``) keeps an event loop
    running in the main thread from its first use on, and Django's test client cannot run an
    async view (``/gezondheid/``) in such a thread."""
    items.sort(
        key=lambda item: (
            bool(item.get_closest_marker("browser"))
            or "browser" in getattr(item, "fixturenames", ())
        )
    )


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


# The toegang route's parties (Weert in regio Midden-Limburg West), shared by the toegang,
# evaluaties, mutaties and portaal tests; the route itself is ``wmoketen.scenario``.


@pytest.fixture
def regio(db, gemeente):
    """Weert (0988) in Midden-Limburg West, with the seeded regional rules attached."""
    from wmoketen.factories import GemeenteFactory
    from wmoketen.organisaties.models import Regio
    from wmoketen.termijnen import services as termijnregels

    mlw = Regio.objects.create(naam="Midden-Limburg West")
    mlw.gemeenten.set([gemeente, GemeenteFactory(naam="Nederweert", gemeentecode="0946")])
    termijnregels.laad_standaardregels(acting_user=None)
    return mlw


@pytest.fixture
def contract(regio, aanbieder):
    """A regio contract of the aanbieder (valid from 2026) for a Wmo and a Jeugd product."""
    from wmoketen.factories import ContractFactory

    return ContractFactory(regio=regio, gemeente=None, aanbieder=aanbieder)


@pytest.fixture
def wmo_product(contract):
    from wmoketen.factories import ContractregelFactory, ProductFactory

    product = ProductFactory(productcategorie="02", productcode="02A01", naam="Begeleiding")
    ContractregelFactory(contract=contract, product=product, eenheid="04", frequentie="2")
    return product


@pytest.fixture
def jeugd_product(contract):
    from wmoketen.factories import ContractregelFactory, ProductFactory

    product = ProductFactory(
        wet="jeugdwet", productcategorie="45", productcode="45A48", naam="Jeugdhulp", frequentie="2"
    )
    ContractregelFactory(contract=contract, product=product, eenheid="04", frequentie="2")
    return product


@pytest.fixture
def backoffice(gemeente):
    from wmoketen.accounts.constants import Rol

    return _gebruiker("backoffice", gemeente, Rol.BACKOFFICE)


@pytest.fixture
def medewerker(aanbieder):
    from wmoketen.accounts.constants import Rol

    return _gebruiker("medewerker", aanbieder, Rol.AANBIEDER)


@pytest.fixture
def wmo_client(gemeente):
    from wmoketen.factories import ClientFactory, ContactFactory

    client = ClientFactory(organisatie=gemeente, geslachtsnaam="Berg", voornamen="Anna")
    ContactFactory(client=client)
    return client


@pytest.fixture
def jeugd_client(gemeente):
    from datetime import date

    from wmoketen.clienten.models import Relatie
    from wmoketen.factories import ClientFactory, ContactFactory

    kind = ClientFactory(
        organisatie=gemeente,
        geboortedatum=date(2015, 6, 1),
        geslacht="2",
        voornamen="",
        voorletters="L",
        juridische_status="01",
        wettelijke_vertegenwoordiging="06",
        communicatievorm="1",
    )
    ContactFactory(client=kind)
    ouder = Relatie.objects.create(
        client=kind, soort="10", geslachtsnaam="Jansen", voorletters="P", volgorde=1
    )
    ContactFactory(client=kind, relatie=ouder, telefoonnummer="0471123456")
    return kind


@pytest.fixture
def beschikking(request, consulent, wmo_client, wmo_product, aanbieder):
    """The route of spring 2026 up to a beschikking of one year from 1 May 2026 (the toegang
    service tests' route), whose evaluations the evaluaties and mutaties tests follow. The
    aanbieder's medewerker and the backoffice join when their step comes."""
    from wmoketen.scenario import Stap
    from wmoketen.toegang.tests.routes import voorjaarsroute

    route = voorjaarsroute(wmo_client, consulent, aanbieder, wmo_product).tot(Stap.OPDRACHT)
    route.medewerker = request.getfixturevalue("medewerker")
    route.tot(Stap.AKKOORD)
    route.backoffice = request.getfixturevalue("backoffice")
    return route.tot(Stap.BESCHIKKING).beschikking


@pytest.fixture
def eerste(
    consulent,
    medewerker,
    backoffice,
    aanbieder,
    wmo_client,
    wmo_product,
    django_capture_on_commit_callbacks,
):
    """The first beschikking of the herindicatie tests: from about eight months ago to about ten
    months ahead (``toegang.tests.routes``), its 301 delivered."""
    from wmoketen.toegang.tests.routes import eerste_beschikking

    return eerste_beschikking(
        wmo_client,
        wmo_product,
        aanbieder,
        consulent,
        medewerker,
        backoffice,
        django_capture_on_commit_callbacks,
    )
