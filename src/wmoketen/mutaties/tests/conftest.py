"""Fixtures of the mutation tests: one Wmo and one Jeugdwet gemeente, two contracted
aanbieders and one without a contract, users, the gemeente's client records, a traject, a
running allocation with delivery started, and synchronous internal delivery of messages.

* ``p``: the parties of one wet (parametrized: ``jeugdwet`` with Almere, ``wmo`` with Weert).
* ``bezorg`` (root conftest): ``with bezorg(): ...`` delivers everything sent inside the block
  through the receiver's pipeline (and the retour back), as the eager Celery task does.
* ``lopend(p, ...)``: the gemeente allocates (301, delivered), the aanbieder starts (305);
  returns (the gemeente's ``Toewijzing``, the aanbieder's ``AanbiederToewijzing``).
"""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.core.management import call_command

from wmoketen.accounts.constants import Rol
from wmoketen.factories import (
    AanbiederFactory,
    ClientFactory,
    ContactFactory,
    ContractFactory,
    ContractregelFactory,
    GebruikerFactory,
    GemeenteFactory,
)
from wmoketen.producten.models import Product

from .hulp import EINDE, INGANG, VANDAAG


@dataclass
class Partijen:
    wet: str
    gemeente: object
    backoffice: object
    consulent: object
    aanbieder: object
    medewerker: object
    ander: object  # a second contracted aanbieder
    ander_medewerker: object
    zonder_contract: object
    client: object  # the gemeente's record
    product: object
    ander_product: object
    traject: object

    @property
    def standaard(self) -> str:
        return "ijw" if self.wet == "jeugdwet" else "iwmo"


def _contract(gemeente, aanbieder, producten):
    contract = ContractFactory(
        gemeente=gemeente, aanbieder=aanbieder, begindatum=VANDAAG - timedelta(days=400)
    )
    for product in producten:
        ContractregelFactory(
            contract=contract,
            product=product,
            eenheid=product.eenheid,
            frequentie=product.frequentie,
        )


@pytest.fixture(params=["jeugdwet", "wmo"])
def p(request, db, aanbieder, bezorg):
    from wmoketen.trajecten import services as trajecten

    wet = request.param
    call_command("loaddata", "producten", verbosity=0)
    if wet == "jeugdwet":
        gemeente = GemeenteFactory(naam="Almere", gemeentecode="0034")
        codes = ("45A10", "45A20")
        persoon = dict(
            bsn="999990019",
            geslachtsnaam="Bakker",
            voornamen="Lotte",
            voorletters="L",
            geslacht="2",
        )
    else:
        gemeente = GemeenteFactory(naam="Weert", gemeentecode="0988")
        codes = ("2701", "7701")
        persoon = dict(bsn="999990032", geslachtsnaam="Smits", voornamen="Piet", voorletters="P")
    product, ander_product = (Product.objects.get(wet=wet, productcode=c) for c in codes)
    ander = AanbiederFactory(naam="Zorg Anders", agb_code="87654321")
    zonder_contract = AanbiederFactory(naam="Los Zorg", agb_code="11223344")
    for a in (aanbieder, ander):
        _contract(gemeente, a, [product, ander_product])
    backoffice = GebruikerFactory(username="backoffice", organisatie=gemeente, rol=Rol.BACKOFFICE)
    client = ClientFactory(organisatie=gemeente, **persoon)
    ContactFactory(client=client)
    traject = trajecten.start_traject(
        client=client,
        onderwerp="Ondersteuning",
        wet=wet,
        startdatum=INGANG,
        acting_user=backoffice,
    )
    trajecten.voeg_aanbieder_toe(traject, aanbieder=aanbieder, acting_user=backoffice)
    return Partijen(
        wet=wet,
        gemeente=gemeente,
        backoffice=backoffice,
        consulent=GebruikerFactory(
            username="consulent-m", organisatie=gemeente, rol=Rol.TOEGANGSMEDEWERKER
        ),
        aanbieder=aanbieder,
        medewerker=GebruikerFactory(
            username="medewerker", organisatie=aanbieder, rol=Rol.AANBIEDER
        ),
        ander=ander,
        ander_medewerker=GebruikerFactory(
            username="medewerker-ander", organisatie=ander, rol=Rol.AANBIEDER
        ),
        zonder_contract=zonder_contract,
        client=client,
        product=product,
        ander_product=ander_product,
        traject=traject,
    )


@pytest.fixture
def lopend(bezorg):
    """Allocate ``product`` (default ``p.product``) to ``p.aanbieder`` and start delivery."""
    from wmoketen.toewijzingen.models import AanbiederToewijzing
    from wmoketen.toewijzingen.services import TeWijzenProduct, registreer_start, wijs_toe

    def toewijzen(
        p,
        product=None,
        *,
        aanbieder=None,
        medewerker=None,
        volume=3,
        frequentie=None,
        ingang=INGANG,
        einde=EINDE,
        start=True,
    ):
        product = product or p.product
        aanbieder = aanbieder or p.aanbieder
        with bezorg():
            [toewijzing] = wijs_toe(
                gemeente=p.gemeente,
                aanbieder=aanbieder,
                client=p.client,
                wet=p.wet,
                producten=[
                    TeWijzenProduct(
                        product,
                        ingang,
                        einde,
                        volume,
                        product.eenheid,
                        frequentie or product.frequentie,
                    )
                ],
                beschikkingnummer="",
                acting_user=p.backoffice,
            )
        ontvangen = AanbiederToewijzing.objects.get(
            aanbieder=aanbieder, gemeente=p.gemeente, toewijzingnummer=toewijzing.toewijzingnummer
        )
        if start:
            with bezorg():
                registreer_start(
                    ontvangen, startdatum=ingang, acting_user=medewerker or p.medewerker
                )
        return toewijzing, ontvangen

    return toewijzen
