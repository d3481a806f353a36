"""Shared fixtures of the verzoeken tests: two gemeenten, one aanbieder with contracts, users,
both sides' client records and synchronous internal delivery of sent messages.

* ``almere`` (0034): Jeugdwet gemeente, no open beschikkingen.
* ``weert`` (0988): Wmo gemeente working with open beschikkingen.
* ``aanbieder`` (root conftest, AGB 12345678) has a contract with both for the products in
  ``producten`` except ``*_buiten`` (catalogue products, ``loaddata producten``).
* ``bezorg`` (root conftest): ``with bezorg(): ...`` delivers everything sent inside the block
  through the receiver's pipeline (and the retour back), as the eager Celery task does.
* ``toegewezen(gemeente, client, [product, ...], wet=...)``: the gemeente allocates (301) and
  the aanbieder receives it; returns the aanbieder's ``AanbiederToewijzing`` records.
"""

from datetime import date
from types import SimpleNamespace

import pytest
from django.core.management import call_command

from wmoketen.accounts.constants import Rol
from wmoketen.factories import (
    ClientFactory,
    ContactFactory,
    ContractFactory,
    ContractregelFactory,
    GebruikerFactory,
    GemeenteFactory,
)
from wmoketen.producten.models import Product
from wmoketen.testdatum import dag

from .hulp import BSN_KIND, BSN_VOLWASSENE, EINDE, INGANG


def _open_beschikkingen(gemeente, waarde: bool) -> None:
    """Set Gemeente.open_beschikkingen where the field exists (added by organisaties)."""
    if any(f.name == "open_beschikkingen" for f in type(gemeente)._meta.get_fields()):
        type(gemeente).objects.filter(pk=gemeente.pk).update(open_beschikkingen=waarde)
        gemeente.open_beschikkingen = waarde


@pytest.fixture
def almere(db):
    return GemeenteFactory(naam="Almere", gemeentecode="0034")


@pytest.fixture
def weert(db):
    gemeente = GemeenteFactory(naam="Weert", gemeentecode="0988")
    _open_beschikkingen(gemeente, True)
    return gemeente


@pytest.fixture
def producten(db):
    """Catalogue products by role in the tests; ``*_buiten`` are in no contract."""
    call_command("loaddata", "producten", verbosity=0)

    def p(wet, code):
        return Product.objects.get(wet=wet, productcode=code)

    return SimpleNamespace(
        jw_ambulant=p("jeugdwet", "45A10"),
        jw_gezin=p("jeugdwet", "45A20"),
        jw_buiten=p("jeugdwet", "43A10"),
        wmo_begeleiding=p("wmo", "2701"),
        wmo_groep=p("wmo", "7701"),
        wmo_buiten=p("wmo", "4701"),
    )


def _contract(gemeente, aanbieder, producten):
    contract = ContractFactory(gemeente=gemeente, aanbieder=aanbieder, begindatum=dag(2026, 1, 1))
    for product in producten:
        ContractregelFactory(
            contract=contract,
            product=product,
            eenheid=product.eenheid,
            frequentie=product.frequentie,
        )
    return contract


@pytest.fixture
def contracten(almere, weert, aanbieder, producten):
    gecontracteerd = [
        producten.jw_ambulant,
        producten.jw_gezin,
        producten.wmo_begeleiding,
        producten.wmo_groep,
    ]
    return SimpleNamespace(
        almere=_contract(almere, aanbieder, gecontracteerd),
        weert=_contract(weert, aanbieder, gecontracteerd),
    )


@pytest.fixture
def backoffice_almere(almere):
    return GebruikerFactory(username="backoffice-almere", organisatie=almere, rol=Rol.BACKOFFICE)


@pytest.fixture
def backoffice_weert(weert):
    return GebruikerFactory(username="backoffice-weert", organisatie=weert, rol=Rol.BACKOFFICE)


@pytest.fixture
def medewerker(aanbieder):
    return GebruikerFactory(username="medewerker", organisatie=aanbieder, rol=Rol.AANBIEDER)


def _client(organisatie, bsn, **velden):
    client = ClientFactory(organisatie=organisatie, bsn=bsn, **velden)
    ContactFactory(client=client)
    return client


@pytest.fixture
def kind(aanbieder):
    """The aanbieder's own record of a child (Jeugdwet requests)."""
    return _client(
        aanbieder,
        BSN_KIND,
        geslachtsnaam="Bakker",
        voornamen="Lotte",
        voorletters="L",
        geslacht="2",
        geboortedatum=date(2015, 6, 1),
    )


@pytest.fixture
def volwassene(aanbieder):
    """The aanbieder's own record of an adult (Wmo requests)."""
    return _client(aanbieder, BSN_VOLWASSENE, geslachtsnaam="Smits", voornamen="Piet")


@pytest.fixture
def kind_almere(almere, kind):
    """Almere's record of the same child."""
    return _client(
        almere,
        kind.bsn,
        geslachtsnaam=kind.geslachtsnaam,
        voornamen=kind.voornamen,
        voorletters=kind.voorletters,
        geslacht=kind.geslacht,
        geboortedatum=kind.geboortedatum,
    )


@pytest.fixture
def volwassene_weert(weert, volwassene):
    """Weert's record of the same adult."""
    return _client(weert, volwassene.bsn, geslachtsnaam=volwassene.geslachtsnaam, voornamen="Piet")


@pytest.fixture
def toegewezen(aanbieder, contracten, bezorg):
    """Allocate products to the aanbieder (gemeente side) and deliver the 301."""
    from wmoketen.toewijzingen.models import AanbiederToewijzing
    from wmoketen.toewijzingen.services import TeWijzenProduct, wijs_toe

    def toewijzen(gemeente, client, producten, *, wet, ingang=INGANG, einde=EINDE, volume=3):
        with bezorg():
            toewijzingen = wijs_toe(
                gemeente=gemeente,
                aanbieder=aanbieder,
                client=client,
                wet=wet,
                producten=[
                    TeWijzenProduct(p, ingang, einde, volume, p.eenheid, p.frequentie)
                    for p in producten
                ],
                beschikkingnummer="B-2026-001",
                acting_user=None,
            )
        return [
            AanbiederToewijzing.objects.get(
                aanbieder=aanbieder, gemeente=gemeente, toewijzingnummer=t.toewijzingnummer
            )
            for t in toewijzingen
        ]

    return toewijzen


@pytest.fixture
def lopend(aanbieder, almere, contracten, producten, kind, kind_almere, toegewezen):
    """Kind's Jeugdwet allocations at Almere (ambulant and gezin), delivered: what a 317
    changes."""
    return toegewezen(
        almere, kind_almere, [producten.jw_ambulant, producten.jw_gezin], wet="jeugdwet"
    )
