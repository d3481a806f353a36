"""A taakgericht contract and its budgets (``wmoketen.budgetten``): Almere contracts Zorggroep
Maasland for begeleiding groepsverband (dagbesteding) taakgericht, with

* last year's budget of € 60.000,00, reported (€ 57.250,00 delivered) and settled: the
  aanbieder pays back € 2.750,00;
* this year's budget of € 100.000,00 in twelve advances (€ 8.333,33 a month, € 8.333,37 in
  December), running.

Everything is looked up first, so a second run changes nothing.
"""

from datetime import date
from decimal import Decimal

from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.budgetten import services as budgetten
from wmoketen.budgetten.models import Budgetafspraak, BudgetStatus
from wmoketen.organisaties import services as organisaties
from wmoketen.organisaties.constants import Declaratieregel, Uitvoeringsvariant
from wmoketen.organisaties.models import Aanbieder, Contract, Gemeente
from wmoketen.producten.models import Product

from .gebruikers import gebruiker

KENMERK = "ALM-2026-T01"
PRODUCTCODE = "7701"  # Begeleiding groepsverband somatiek
VORIG_JAAR = (6_000_000, 5_725_000)  # budget, gerealiseerd (cent)
DIT_JAAR = 10_000_000


def laad_budgetten() -> None:
    gemeente = Gemeente.objects.get(gemeentecode="0034")  # Almere
    aanbieder = Aanbieder.objects.get(agb_code="73730101")  # Zorggroep Maasland
    contractmanager = gebruiker(gemeente, Rol.CONTRACTMANAGER)
    regel = _taakgerichte_regel(gemeente, aanbieder, contractmanager)
    jaar = timezone.localdate().year
    vorig = _budget(gemeente, regel, jaar - 1, VORIG_JAAR[0], contractmanager)
    if vorig.status == BudgetStatus.LOPEND:
        if vorig.gerealiseerd is None:
            budgetten.verantwoord(
                vorig,
                gerealiseerd=VORIG_JAAR[1],
                acting_user=gebruiker(aanbieder, Rol.AANBIEDER),
            )
        budgetten.reken_af(vorig, acting_user=contractmanager)
    _budget(gemeente, regel, jaar, DIT_JAAR, contractmanager)


def _taakgerichte_regel(gemeente, aanbieder, contractmanager):
    jaar = timezone.localdate().year
    contract = Contract.objects.filter(kenmerk=KENMERK).first() or organisaties.sluit_contract(
        kenmerk=KENMERK,
        aanbieder=aanbieder,
        gemeente=gemeente,
        begindatum=date(jaar - 1, 1, 1),
        einddatum=date(jaar + 1, 12, 31),
        acting_user=contractmanager,
    )
    regel = contract.regels.filter(product__productcode=PRODUCTCODE).first()
    if regel is None:
        product = Product.objects.filter(wet="wmo", productcode=PRODUCTCODE).latest("geldig_van")
        regel = organisaties.voeg_contractregel_toe(
            contract,
            product=product,
            uitvoeringsvariant=Uitvoeringsvariant.TAAKGERICHT,
            tarief=Decimal("0.00"),  # paid by budget, never by tariff
            declaratieregel=Declaratieregel.LANDELIJK,
            acting_user=contractmanager,
        )
    return regel


def _budget(gemeente, regel, jaar: int, bedrag: int, contractmanager) -> Budgetafspraak:
    budget = Budgetafspraak.objects.filter(
        gemeente=gemeente, contractregel=regel, begindatum=date(jaar, 1, 1)
    ).first() or budgetten.leg_vast(
        gemeente=gemeente,
        contractregel=regel,
        begindatum=date(jaar, 1, 1),
        einddatum=date(jaar, 12, 31),
        bedrag=bedrag,
        omschrijving=f"Dagbesteding {jaar}",
        acting_user=contractmanager,
    )
    if not budget.voorschotten.exists():
        budgetten.maak_voorschotten(budget, acting_user=contractmanager)
    return budget
