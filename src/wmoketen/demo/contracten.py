"""The demo's contracts: Midden-Limburg West and Almere with their aanbieders, a line per
product of the catalogue they cover."""

from datetime import date
from decimal import Decimal

from django.utils import timezone

from wmoketen.organisaties import services as organisaties
from wmoketen.organisaties.constants import Declaratieregel, Uitvoeringsvariant
from wmoketen.organisaties.models import Contract
from wmoketen.organisaties.regimes import weigerreden
from wmoketen.producten.models import Product

# Huishoudelijke ondersteuning (productcategorie 01) comes in two variants: Midden-Limburg West
# contracts the outputgericht one (a result per month), Almere the inspanningsgericht one
# (hours per week).
HO_INSPANNING, HO_OUTPUT = "01A01", "01A02"
# A line in stuks (output) or euro's is outputgericht (iWmo 3.2, uitvoeringsvarianten).
OUTPUT_EENHEDEN = {"82", "83"}
TARIEVEN = {HO_INSPANNING: Decimal("36.80"), HO_OUTPUT: Decimal("168.00")}


def laad_contracten(gemeenten, aanbieders, mlw) -> None:
    wmo = Product.objects.filter(wet="wmo")
    _contract(
        "MLW-2026-001",
        aanbieders[0],
        wmo.exclude(productcode=HO_INSPANNING),
        regio=mlw,
        regel=Declaratieregel.MIDDEN_LIMBURG_WEST,
    )
    _contract(
        "MLW-2026-002",
        aanbieders[1],
        wmo.filter(productcategorie="02"),
        regio=mlw,
        regel=Declaratieregel.MIDDEN_LIMBURG_WEST,
    )
    _contract(
        "ALM-2026-001",
        aanbieders[1],
        wmo.exclude(productcategorie="04").exclude(productcode=HO_OUTPUT),
        gemeente=gemeenten[3],
        regel=Declaratieregel.ALMERE,
    )
    _contract(
        "ALM-2026-J01",
        aanbieders[2],
        Product.objects.filter(wet="jeugdwet"),
        gemeente=gemeenten[3],
        regel=Declaratieregel.LANDELIJK,
    )


def _tarief(product) -> Decimal:
    if product.productcode in TARIEVEN:
        return TARIEVEN[product.productcode]
    return Decimal("68.50") if product.eenheid == "04" else Decimal("142.00")


def _contract(kenmerk, aanbieder, producten, *, regel, gemeente=None, regio=None):
    """The contract with a line per product; a line missing from an earlier run is added, so
    a database loaded before a product joined the catalogue gets it too."""
    contract = Contract.objects.filter(kenmerk=kenmerk).first() or organisaties.sluit_contract(
        kenmerk=kenmerk,
        aanbieder=aanbieder,
        gemeente=gemeente,
        regio=regio,
        # Around the demo's own dates, which run up to today: from 1 January of last year
        # to 31 December of next year.
        begindatum=date(timezone.localdate().year - 1, 1, 1),
        einddatum=date(timezone.localdate().year + 1, 12, 31),
        acting_user=None,
    )
    for product in producten.exclude(contractregels__contract=contract):
        variant = (
            Uitvoeringsvariant.OUTPUTGERICHT
            if product.eenheid in OUTPUT_EENHEDEN
            else Uitvoeringsvariant.INSPANNINGSGERICHT
        )
        organisaties.voeg_contractregel_toe(
            contract,
            product=product,
            uitvoeringsvariant=variant,
            tarief=_tarief(product),
            # The regional rule only where the regime matrix allows it (per maand lines).
            declaratieregel=regel
            if weigerreden(
                uitvoeringsvariant=variant, declaratieregel=regel, frequentie=product.frequentie
            )
            is None
            else Declaratieregel.LANDELIJK,
            acting_user=None,
        )
