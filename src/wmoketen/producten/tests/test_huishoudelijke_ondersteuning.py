"""Huishoudelijke ondersteuning (productcategorie 01) in the catalogue, in both variants, and
a WMO301 for each that the standard accepts."""

import pytest
from django.core.management import call_command

from istandaarden.codec import parse
from istandaarden.validation import validate
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
from wmoketen.testdatum import dag
from wmoketen.toewijzingen.services import TeWijzenProduct, wijs_toe


@pytest.fixture
def catalogus(db):
    call_command("loaddata", "producten", verbosity=0)


def test_catalogus_heeft_huishoudelijke_ondersteuning_in_beide_varianten(catalogus):
    producten = Product.objects.filter(productcategorie="01").order_by("productcode")

    assert [(p.wet, p.productcode, p.naam) for p in producten] == [
        ("wmo", "01A01", "Huishoudelijke ondersteuning (inspanningsgericht)"),
        ("wmo", "01A02", "Huishoudelijke ondersteuning (outputgericht)"),
    ]
    assert [(p.eenheid, p.eenheid_omschrijving, p.frequentie_omschrijving) for p in producten] == [
        ("04", "Uur", "Per week"),
        ("82", "Stuks (output)", "Per maand"),
    ]
    assert {p.categorie_omschrijving for p in producten} == {"Hulp bij het huishouden"}
    for product in producten:
        product.full_clean()


def test_catalogus_pagina_toont_huishoudelijke_ondersteuning(catalogus, ingelogd):
    html = ingelogd.get("/producten/", {"wet": "wmo"}).content.decode()

    assert "Huishoudelijke ondersteuning (inspanningsgericht)" in html
    assert "Huishoudelijke ondersteuning (outputgericht)" in html


@pytest.mark.parametrize(
    ("productcode", "variant", "volume", "eenheid", "frequentie"),
    [
        ("01A01", "inspanningsgericht", 3, "04", "2"),  # three hours a week
        ("01A02", "outputgericht", 1, "82", "4"),  # one result a month
    ],
)
def test_301_voor_huishoudelijke_ondersteuning_voldoet_aan_de_standaard(
    catalogus, productcode, variant, volume, eenheid, frequentie
):
    gemeente = GemeenteFactory(naam="Nederweert", gemeentecode="0946")
    aanbieder = AanbiederFactory(naam="Zorggroep Maasland", agb_code="73730101")
    product = Product.objects.get(wet="wmo", productcode=productcode)
    contract = ContractFactory(gemeente=gemeente, aanbieder=aanbieder, begindatum=dag(2026, 1, 1))
    ContractregelFactory(
        contract=contract,
        product=product,
        uitvoeringsvariant=variant,
        eenheid=product.eenheid,
        frequentie=product.frequentie,
    )
    client = ClientFactory(organisatie=gemeente)
    ContactFactory(client=client)

    [toewijzing] = wijs_toe(
        gemeente=gemeente,
        aanbieder=aanbieder,
        client=client,
        wet="wmo",
        producten=[
            TeWijzenProduct(
                product=product,
                ingangsdatum=dag(2026, 3, 2),
                einddatum=dag(2027, 3, 1),
                volume=volume,
                eenheid=None,  # the product's
                frequentie=None,
            )
        ],
        beschikkingnummer="B-2026-101",
        acting_user=GebruikerFactory(organisatie=gemeente),
    )

    data = toewijzing.bericht.bytes
    assert validate(data) == []  # XSD and the single-message rules
    [tp] = parse(data).client.toegewezen_producten.toegewezen_product
    assert (tp.product.categorie.value, tp.product.code) == ("01", productcode)
    assert (tp.omvang.volume, tp.omvang.eenheid.value, tp.omvang.frequentie.value) == (
        volume,
        eenheid,
        frequentie,
    )
