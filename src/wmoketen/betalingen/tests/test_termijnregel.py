"""The ``betaling`` rule exists on a fresh database (termijnen 0002 reads the data file) and
is added to an existing one by betalingen 0002 (the same idempotent loader)."""

import importlib

from django.apps import apps

from wmoketen.factories import GemeenteFactory
from wmoketen.organisaties.models import Regio
from wmoketen.termijnen.models import Termijnregel

migratie = importlib.import_module("wmoketen.betalingen.migrations.0002_termijnregel_betaling")


def test_regel_na_migrate(db):
    regel = Termijnregel.objects.get(code="betaling", gemeente=None, regio=None)
    assert (regel.soort, regel.aantal, regel.eenheid) == ("standaard", 30, "kalenderdagen")


def test_bestaande_database_krijgt_de_regel_er_een_keer_bij(db):
    mlw = Regio.objects.create(naam="Midden-Limburg West")
    mlw.gemeenten.add(GemeenteFactory(gemeentecode="0988"))
    Termijnregel.objects.filter(code="betaling").delete()  # as before this release

    migratie.laad(apps, None)
    na_eerste = Termijnregel.objects.count()
    migratie.laad(apps, None)

    assert sorted(Termijnregel.objects.filter(code="betaling").values_list("soort", flat=True)) == [
        "regionaal",
        "standaard",
    ]
    assert Termijnregel.objects.count() == na_eerste
