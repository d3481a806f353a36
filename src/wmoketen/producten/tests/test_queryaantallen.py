"""Query-count guard (#20) of the product catalogue: as many queries with 100 products as
with 10, a page of 50, the filter by wet kept in the page links."""

import pytest

from wmoketen.factories import ProductFactory
from wmoketen.producten.models import Product
from wmoketen.testhulp import aantal_queries

pytestmark = pytest.mark.django_db


def test_catalogus_evenveel_queries_bij_10_en_100(ingelogd):
    ProductFactory.create_batch(10)
    bij_10 = aantal_queries(ingelogd, "/producten/?wet=wmo")
    ProductFactory.create_batch(90)
    assert aantal_queries(ingelogd, "/producten/?wet=wmo") == bij_10


def test_catalogus_een_pagina_van_50(ingelogd):
    ProductFactory.create_batch(60)
    aantal = Product.objects.filter(wet="wmo").count()
    eerste = ingelogd.get("/producten/?wet=wmo").content.decode()
    assert eerste.count("<tr><td>") == 50
    assert 'href="/producten/?wet=wmo&amp;p=2"' in eerste
    tweede = ingelogd.get("/producten/?wet=wmo&p=2").content.decode()
    assert tweede.count("<tr><td>") == min(50, aantal - 50)
