"""Helpers shared by the allocation tests (the two-party chain has its own: ``keten.py``).

* ``INGANG``/``EINDE``: an allocation's period, moved along with today (``testdatum.dag``).
* ``gecontracteerd``: a product in the contract; ``toewijzen``/``per_week``: an allocation of
  products through the service.
* ``tekst``/``post``: the pages.
"""

from wmoketen.factories import ContractregelFactory, ProductFactory
from wmoketen.testdatum import dag
from wmoketen.toewijzingen.services import TeWijzenProduct, wijs_toe

INGANG = dag(2026, 3, 2)
EINDE = dag(2027, 3, 1)


def gecontracteerd(contract, **kwargs):
    product = ProductFactory(**kwargs)
    ContractregelFactory(
        contract=contract, product=product, eenheid=product.eenheid, frequentie=product.frequentie
    )
    return product


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


def tekst(antwoord) -> str:
    return antwoord.content.decode()


def post(web, url, capture, **data):
    """POST, deliver the messages it sent (on-commit), then follow the redirect."""
    with capture(execute=True):
        antwoord = web.post(url, data)
    return web.get(antwoord.url) if antwoord.status_code == 302 else antwoord
