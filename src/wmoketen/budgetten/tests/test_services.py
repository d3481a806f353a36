"""The budget services: laying down, advances, reporting and settling, with exact cents."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from wmoketen.audit.models import AuditRegel
from wmoketen.budgetten import services
from wmoketen.budgetten.models import Budgetafspraak, BudgetStatus, Voorschot
from wmoketen.budgetten.perioden import verdeel
from wmoketen.factories import ContractregelFactory
from wmoketen.gedeeld.maanden import maanden
from wmoketen.organisaties.models import Regio

from .opzet import Opzet

pytestmark = pytest.mark.django_db


def bedragen(budget, soort="voorschot"):
    return list(
        budget.voorschotten.filter(soort=soort).order_by("maand").values_list("maand", "bedrag")
    )


# Pure arithmetic


@pytest.mark.parametrize(
    ("bedrag", "aantal", "delen"),
    [
        (100_000, 3, [33_333, 33_333, 33_334]),
        (12_345, 1, [12_345]),
        (1_000_000, 12, [83_333] * 11 + [83_337]),
        (5, 7, [0, 0, 0, 0, 0, 0, 5]),
        (60_000, 12, [5_000] * 12),
    ],
)
def test_verdeel_de_rest_op_de_laatste_maand(bedrag, aantal, delen):
    assert verdeel(bedrag, aantal) == delen
    assert sum(delen) == bedrag


def test_maanden_over_de_jaargrens():
    assert maanden(date(2025, 11, 1), date(2026, 2, 28)) == [
        date(2025, 11, 1),
        date(2025, 12, 1),
        date(2026, 1, 1),
        date(2026, 2, 1),
    ]


# Laying down


def test_leg_vast_neemt_aanbieder_van_de_contractregel_en_logt():
    o = Opzet()
    budget = o.budget(bedrag=1_200_000, omschrijving=" Dagbesteding ")
    assert (budget.gemeente, budget.aanbieder, budget.contractregel) == (
        o.gemeente,
        o.aanbieder,
        o.regel,
    )
    assert (budget.bedrag, budget.status, budget.omschrijving) == (
        1_200_000,
        BudgetStatus.LOPEND,
        "Dagbesteding",
    )
    regel = AuditRegel.objects.get(actie="budget.vastgelegd")
    assert regel.object_id == str(budget.pk)
    assert "€ 12.000,00" in regel.omschrijving


@pytest.mark.parametrize(
    ("begin", "eind", "bedrag", "fout"),
    [
        (date(2025, 1, 2), date(2025, 12, 31), 100, "eerste dag van een maand"),
        (date(2025, 1, 1), date(2025, 12, 30), 100, "laatste dag van een maand"),
        (date(2025, 3, 1), date(2025, 2, 28), 100, "vóór de begindatum"),
        (date(2025, 1, 1), date(2025, 12, 31), 0, "groter zijn dan € 0,00"),
        (date(2025, 1, 1), date(2025, 12, 31), -5, "groter zijn dan € 0,00"),
        (date(2024, 12, 1), date(2025, 12, 31), 100, "buiten de looptijd van de contractregel"),
    ],
)
def test_leg_vast_weigert_een_ongeldige_periode_of_bedrag(begin, eind, bedrag, fout):
    o = Opzet()
    with pytest.raises(ValidationError, match=fout):
        o.budget(begin=begin, eind=eind, bedrag=bedrag)
    assert not Budgetafspraak.objects.exists()
    assert not AuditRegel.objects.filter(actie="budget.vastgelegd").exists()


@pytest.mark.parametrize("variant", ["inspanningsgericht", "outputgericht"])
def test_leg_vast_alleen_voor_een_taakgerichte_contractregel(variant):
    o = Opzet(variant=variant)
    with pytest.raises(ValidationError, match="taakgerichte contractregel"):
        o.budget()
    assert not Budgetafspraak.objects.exists()


def test_leg_vast_weigert_overlap_op_dezelfde_contractregel():
    o = Opzet()
    o.budget(begin=date(2025, 1, 1), eind=date(2025, 6, 30))
    with pytest.raises(ValidationError, match="loopt al een budget"):
        o.budget(begin=date(2025, 6, 1), eind=date(2025, 12, 31))
    o.budget(begin=date(2025, 7, 1), eind=date(2025, 12, 31))  # adjoining is fine
    assert Budgetafspraak.objects.count() == 2


def test_leg_vast_alleen_door_de_contractmanager_van_de_gemeente():
    o = Opzet()
    ander = Opzet(gemeentecode="0363", agb="87654321")
    with pytest.raises(PermissionDenied, match="contractmanager"):
        o.budget(acting_user=o.backoffice)
    with pytest.raises(PermissionDenied, match="contractmanager"):
        o.budget(acting_user=o.medewerker)
    with pytest.raises(PermissionDenied, match="niet bij uw gemeente"):
        o.budget(acting_user=ander.contractmanager)
    # Our contract manager cannot lay down a budget on another gemeente's contract line.
    with pytest.raises(PermissionDenied, match="contract van uw gemeente"):
        o.budget(contractregel=ander.regel)
    assert not Budgetafspraak.objects.exists()


def test_leg_vast_op_een_regiocontract_per_gemeente():
    o = Opzet()
    regio = Regio.objects.create(naam="Regio")
    regio.gemeenten.add(o.gemeente)
    regel = ContractregelFactory(
        contract__gemeente=None,
        contract__regio=regio,
        contract__aanbieder=o.aanbieder,
        contract__begindatum=date(2025, 1, 1),
        uitvoeringsvariant="taakgericht",
    )
    budget = o.budget(contractregel=regel)
    assert budget.aanbieder == o.aanbieder


# Advances


@pytest.mark.parametrize(
    ("begin", "eind", "bedrag", "verwacht"),
    [
        # Uneven: 3 months, the remainder cent on the last.
        (
            date(2025, 1, 1),
            date(2025, 3, 31),
            100_000,
            [(date(2025, 1, 1), 33_333), (date(2025, 2, 1), 33_333), (date(2025, 3, 1), 33_334)],
        ),
        # A period of one month: the whole budget at once.
        (date(2025, 2, 1), date(2025, 2, 28), 12_345, [(date(2025, 2, 1), 12_345)]),
        # A year: 11 × € 8.333,33 and € 8.333,37 in December.
        (
            date(2025, 1, 1),
            date(2025, 12, 31),
            10_000_000,
            [(date(2025, m, 1), 833_333) for m in range(1, 12)] + [(date(2025, 12, 1), 833_337)],
        ),
    ],
)
def test_maak_voorschotten_per_maand_exact(begin, eind, bedrag, verwacht):
    o = Opzet()
    budget = o.budget(begin=begin, eind=eind, bedrag=bedrag)
    gemaakt = services.maak_voorschotten(budget, acting_user=o.contractmanager)
    assert len(gemaakt) == len(verwacht)
    assert bedragen(budget) == verwacht
    assert sum(b for _, b in verwacht) == bedrag
    assert AuditRegel.objects.filter(actie="budget.voorschotten_gemaakt").count() == 1


def test_maak_voorschotten_eenmaal_en_alleen_door_de_contractmanager():
    o = Opzet()
    budget = o.budget(begin=date(2025, 1, 1), eind=date(2025, 3, 31), bedrag=300)
    with pytest.raises(PermissionDenied):
        services.maak_voorschotten(budget, acting_user=o.medewerker)
    with pytest.raises(PermissionDenied, match="niet bij uw gemeente"):
        services.maak_voorschotten(
            budget, acting_user=Opzet(gemeentecode="0363", agb="87654321").contractmanager
        )
    assert not Voorschot.objects.exists()
    services.maak_voorschotten(budget, acting_user=o.contractmanager)
    with pytest.raises(ValidationError, match="al gemaakt"):
        services.maak_voorschotten(budget, acting_user=o.contractmanager)
    assert Voorschot.objects.count() == 3


# Reporting and settling


def _verantwoord_en_reken_af(bedrag, gerealiseerd, maanden_=(date(2025, 1, 1), date(2025, 3, 31))):
    o = Opzet()
    budget = o.budget(begin=maanden_[0], eind=maanden_[1], bedrag=bedrag)
    services.maak_voorschotten(budget, acting_user=o.contractmanager)
    services.verantwoord(budget, gerealiseerd=gerealiseerd, acting_user=o.medewerker)
    afrekening = services.reken_af(budget, acting_user=o.contractmanager)
    budget.refresh_from_db()
    return budget, afrekening


@pytest.mark.parametrize(
    ("bedrag", "gerealiseerd", "afrekening"),
    [
        (100_000, 80_000, -20_000),  # underspend: paid back
        (100_000, 99_999, -1),  # one cent under
        (100_000, 100_000, 0),  # exact
        (100_000, 130_000, 0),  # overspend: not paid above the budget
        (100_000, 0, -100_000),  # nothing delivered: every advance back
    ],
)
def test_reken_af_tegen_de_verantwoorde_levering(bedrag, gerealiseerd, afrekening):
    budget, regel = _verantwoord_en_reken_af(bedrag, gerealiseerd)
    assert (regel.soort, regel.bedrag) == ("afrekening", afrekening)
    assert regel.maand == timezone.localdate().replace(day=1)
    assert budget.status == BudgetStatus.AFGEREKEND
    assert budget.afgerekend_op is not None
    betaald = sum(budget.voorschotten.values_list("bedrag", flat=True))
    assert betaald == min(gerealiseerd, bedrag)
    assert AuditRegel.objects.filter(actie="budget.afgerekend").count() == 1


def test_reken_af_een_maand_met_onderbesteding():
    budget, regel = _verantwoord_en_reken_af(12_345, 10_000, (date(2025, 2, 1), date(2025, 2, 28)))
    assert bedragen(budget) == [(date(2025, 2, 1), 12_345)]
    assert regel.bedrag == -2_345


def test_verantwoord_kan_opnieuw_tot_de_afrekening_en_logt_oud_en_nieuw():
    o = Opzet()
    budget = o.budget(begin=date(2025, 1, 1), eind=date(2025, 3, 31), bedrag=100_000)
    services.maak_voorschotten(budget, acting_user=o.contractmanager)
    services.verantwoord(budget, gerealiseerd=90_000, acting_user=o.medewerker)
    services.verantwoord(budget, gerealiseerd=95_000, acting_user=o.medewerker)
    budget.refresh_from_db()
    assert (budget.gerealiseerd, budget.verantwoord_door) == (95_000, o.medewerker)
    laatste = AuditRegel.objects.filter(actie="budget.verantwoord").order_by("pk").last()
    assert laatste.wijzigingen == {"gerealiseerd": ["90000", "95000"]}
    assert services.reken_af(budget, acting_user=o.contractmanager).bedrag == -5_000
    with pytest.raises(ValidationError, match="al afgerekend"):
        services.verantwoord(budget, gerealiseerd=100_000, acting_user=o.medewerker)
    with pytest.raises(ValidationError, match="al afgerekend"):
        services.reken_af(budget, acting_user=o.contractmanager)
    budget.refresh_from_db()
    assert budget.gerealiseerd == 95_000
    assert budget.voorschotten.filter(soort="afrekening").count() == 1


def test_verantwoord_pas_aan_het_einde_van_de_periode():
    o = Opzet()
    vandaag = timezone.localdate()
    eind = date(vandaag.year + 1, 12, 31)
    budget = o.budget(begin=vandaag.replace(day=1), eind=eind, bedrag=100_000)
    with pytest.raises(ValidationError, match="vanaf 01-12-"):
        services.verantwoord(budget, gerealiseerd=100, acting_user=o.medewerker)
    budget.refresh_from_db()
    assert budget.gerealiseerd is None


def test_verantwoord_alleen_door_de_eigen_aanbieder_en_niet_negatief():
    o = Opzet()
    ander = Opzet(gemeentecode="0363", agb="87654321")
    budget = o.budget()
    with pytest.raises(PermissionDenied, match="aanbieder van het budget"):
        services.verantwoord(budget, gerealiseerd=100, acting_user=o.contractmanager)
    with pytest.raises(PermissionDenied, match="niet bij uw organisatie"):
        services.verantwoord(budget, gerealiseerd=100, acting_user=ander.medewerker)
    with pytest.raises(ValidationError, match="€ 0,00 of meer"):
        services.verantwoord(budget, gerealiseerd=-1, acting_user=o.medewerker)
    budget.refresh_from_db()
    assert budget.gerealiseerd is None
    assert not AuditRegel.objects.filter(actie="budget.verantwoord").exists()


def test_reken_af_vraagt_voorschotten_en_verantwoording():
    o = Opzet()
    budget = o.budget(begin=date(2025, 1, 1), eind=date(2025, 3, 31))
    with pytest.raises(ValidationError, match="Maak eerst de voorschotten"):
        services.reken_af(budget, acting_user=o.contractmanager)
    services.maak_voorschotten(budget, acting_user=o.contractmanager)
    with pytest.raises(ValidationError, match="nog niet verantwoord"):
        services.reken_af(budget, acting_user=o.contractmanager)
    services.verantwoord(budget, gerealiseerd=100, acting_user=o.medewerker)
    with pytest.raises(PermissionDenied):
        services.reken_af(budget, acting_user=o.medewerker)
    budget.refresh_from_db()
    assert budget.status == BudgetStatus.LOPEND
    assert not budget.voorschotten.filter(soort="afrekening").exists()


def test_voorschot_maand_is_de_eerste_dag():
    o = Opzet()
    budget = o.budget(begin=date(2025, 1, 1), eind=date(2025, 2, 28), bedrag=2)
    services.maak_voorschotten(budget, acting_user=o.contractmanager)
    assert [m for m, _ in bedragen(budget)] == [date(2025, 1, 1), date(2025, 2, 1)]
    assert [b for _, b in bedragen(budget)] == [1, 1]
