"""A taakgericht contract line is paid by its budget: it never enters a 323 proposal."""

from datetime import date, time
from decimal import Decimal
from itertools import count

import pytest
from django.core.exceptions import ValidationError

from wmoketen.berichten.constants import Soort, Status, Transport
from wmoketen.berichten.models import Bericht
from wmoketen.budgetten import services
from wmoketen.declaraties.models import Declaratie, Prestatie
from wmoketen.declaraties.voorstel import stel_voor
from wmoketen.factories import ClientFactory, ContractregelFactory, ProductFactory
from wmoketen.toewijzingen.constants import LeveringStatus
from wmoketen.toewijzingen.models import AanbiederToewijzing, Levering

from .opzet import Opzet

pytestmark = pytest.mark.django_db
MAART = date(2025, 3, 1)
NUMMER = count(1)


def toewijzing(o: Opzet, product) -> AanbiederToewijzing:
    """The aanbieder's allocation of ``product`` from January, delivered since 10 January."""
    bericht = Bericht.objects.create(
        inhoud=b"<xml/>",
        sha256="0" * 64,
        grootte=6,
        afzender=o.gemeente,
        ontvanger=o.aanbieder,
        transport=Transport.INTERN,
        soort=Soort.HEENBERICHT,
        standaard="iwmo",
        nummer=301,
        identificatie=f"B{next(NUMMER)}",
        status=Status.VERWERKT,
    )
    toewijzing = AanbiederToewijzing.objects.create(
        aanbieder=o.aanbieder,
        gemeente=o.gemeente,
        client=ClientFactory(organisatie=o.aanbieder),
        wet="wmo",
        toewijzingnummer=next(NUMMER),
        productcategorie=product.productcategorie,
        productcode=product.productcode,
        product=product,
        ingangsdatum=date(2025, 1, 1),
        toewijzingsdatum=date(2025, 1, 1),
        toewijzingstijd=time(9, 0),
        bericht=bericht,
        ontvangen_op=date(2025, 1, 1),
        volume=2,
        eenheid="04",
        frequentie="2",
    )
    Levering.objects.create(
        aanbieder_toewijzing=toewijzing,
        begindatum=date(2025, 1, 10),
        status=LeveringStatus.GESTART,
    )
    return toewijzing


def budget_met_voorschotten(o: Opzet):
    budget = o.budget(begin=date(2025, 1, 1), eind=date(2025, 12, 31), bedrag=1_200_000)
    services.maak_voorschotten(budget, acting_user=o.contractmanager)
    return budget


def test_taakgerichte_regel_met_budget_komt_niet_in_het_voorstel():
    o = Opzet()
    o.regel.product.productcategorie = "07"
    o.regel.product.save()
    budget_met_voorschotten(o)
    taakgericht = toewijzing(o, o.regel.product)
    inspanning = ProductFactory(wet="wmo", productcategorie="02")
    ContractregelFactory(
        contract=o.regel.contract,
        product=inspanning,
        uitvoeringsvariant="inspanningsgericht",
        tarief=Decimal("50.00"),
    )
    gedeclareerd = toewijzing(o, inspanning)

    declaratie = stel_voor(
        aanbieder=o.aanbieder, gemeente=o.gemeente, wet="wmo", maand=MAART, acting_user=o.medewerker
    )

    toewijzingen = set(declaratie.prestaties.values_list("toewijzing", flat=True))
    assert toewijzingen == {gedeclareerd.pk}
    assert not Prestatie.objects.filter(toewijzing=taakgericht).exists()


def test_alleen_taakgericht_geeft_geen_declaratie():
    o = Opzet()
    budget_met_voorschotten(o)
    toewijzing(o, o.regel.product)
    with pytest.raises(ValidationError, match="niets te declareren"):
        stel_voor(
            aanbieder=o.aanbieder,
            gemeente=o.gemeente,
            wet="wmo",
            maand=MAART,
            acting_user=o.medewerker,
        )
    assert not Declaratie.objects.exists()
