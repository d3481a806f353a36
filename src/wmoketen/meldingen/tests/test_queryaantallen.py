"""Query-count guard (#20) of the notifications: as many queries with 100 as with 10, and a
page of 100 with the older ones on the next page."""

import pytest

from wmoketen.meldingen.models import Notificatie
from wmoketen.testhulp import aantal_queries

pytestmark = pytest.mark.django_db


def _notificaties(gebruiker, aantal: int) -> None:
    Notificatie.objects.bulk_create(
        Notificatie(ontvanger=gebruiker, titel=f"Notificatie {i}") for i in range(aantal)
    )


def test_notificaties_evenveel_queries_bij_10_en_100(ingelogd, consulent):
    _notificaties(consulent, 10)
    bij_10 = aantal_queries(ingelogd, "/meldingen/")
    _notificaties(consulent, 90)
    assert aantal_queries(ingelogd, "/meldingen/") == bij_10


def test_notificaties_een_pagina_van_100_en_de_oudere_op_de_volgende(ingelogd, consulent):
    _notificaties(consulent, 105)
    eerste = ingelogd.get("/meldingen/").content.decode()
    assert eerste.count('<li class="ongelezen">') == 100
    assert 'href="/meldingen/?p=2"' in eerste
    assert ingelogd.get("/meldingen/?p=2").content.decode().count('<li class="ongelezen">') == 5
