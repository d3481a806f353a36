"""Contract management by the gemeente's contract manager (issue #17, item 6)."""

from datetime import date, time
from decimal import Decimal
from functools import partial

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from wmoketen.accounts.constants import Rol
from wmoketen.audit.models import AuditRegel
from wmoketen.factories import (
    AanbiederFactory,
    ClientFactory,
    ContractFactory,
    ContractregelFactory,
    GebruikerFactory,
    GemeenteFactory,
    ProductFactory,
)
from wmoketen.organisaties import contracten, queries, services
from wmoketen.organisaties.models import Contract, Contractregel, Tarief
from wmoketen.testhulp import geweigerd
from wmoketen.toewijzingen.models import Toewijzing

pytestmark = pytest.mark.usefixtures("vandaag_vast")  # today is 2026-12-04


@pytest.fixture
def weert(db):
    return GemeenteFactory(naam="Weert", gemeentecode="0988")


@pytest.fixture
def manager(weert):
    return GebruikerFactory(organisatie=weert, rol=Rol.CONTRACTMANAGER)


@pytest.fixture
def regel(weert):
    """Begeleiding at Maasland, from 2026 on, at € 65,00."""
    return ContractregelFactory(
        contract__kenmerk="WRT-1",
        contract__gemeente=weert,
        contract__aanbieder=AanbiederFactory(naam="Maasland"),
        contract__begindatum=date(2026, 1, 1),
        product=ProductFactory(productcode="02A01", naam="Begeleiding"),
    )


def toewijzing(regel, nummer, ingang, einde=None):
    return Toewijzing.objects.create(
        gemeente=regel.contract.gemeente,
        aanbieder=regel.contract.aanbieder,
        client=ClientFactory(organisatie=regel.contract.gemeente),
        wet="wmo",
        toewijzingnummer=nummer,
        product=regel.product,
        ingangsdatum=ingang,
        einddatum=einde,
        toewijzingsdatum=ingang,
        toewijzingstijd=time(9, 0),
    )


def staat(*objecten) -> list:
    """What a refusal must leave alone (``geweigerd``'s ``stand``): the rows as stored, the
    tariffs and the audit trail."""
    rijen = [type(o).objects.filter(pk=o.pk).values().get() for o in objecten]
    return [rijen, list(Tarief.objects.values()), AuditRegel.objects.count()]


# Contracts


def test_contractmanager_sluit_contract_met_looptijd(weert, manager):
    contract = contracten.sluit_contract(
        kenmerk="WRT-2",
        aanbieder=AanbiederFactory(),
        gemeente=weert,
        begindatum=date(2027, 1, 1),
        einddatum=date(2028, 12, 31),
        acting_user=manager,
    )

    assert (contract.begindatum, contract.einddatum) == (date(2027, 1, 1), date(2028, 12, 31))
    assert AuditRegel.objects.get(object_id=str(contract.pk)).actie == "contract.gesloten"


@pytest.mark.parametrize(
    ("rol", "eigen", "melding"),
    [
        (Rol.BACKOFFICE, True, "Alleen de contractmanager van de gemeente beheert contracten."),
        (Rol.CONTRACTMANAGER, False, "Dit contract hoort niet bij uw gemeente."),
    ],
)
def test_alleen_de_eigen_contractmanager_sluit_een_contract(weert, rol, eigen, melding):
    gebruiker = GebruikerFactory(organisatie=weert if eigen else GemeenteFactory(), rol=rol)

    with pytest.raises(PermissionDenied, match=melding):
        contracten.sluit_contract(
            kenmerk="X",
            aanbieder=AanbiederFactory(),
            gemeente=weert,
            begindatum=date(2027, 1, 1),
            acting_user=gebruiker,
        )

    assert not Contract.objects.exists() and not AuditRegel.objects.exists()


def test_einddatum_voor_begindatum_wordt_geweigerd(regel, manager):
    with geweigerd(
        ValidationError,
        "De einddatum ligt vóór de begindatum.",
        stand=partial(staat, regel.contract),
    ):
        contracten.wijzig_contract(
            regel.contract,
            kenmerk="WRT-1",
            begindatum=date(2026, 1, 1),
            einddatum=date(2025, 12, 31),
            acting_user=manager,
        )


def test_contract_wijzigen_legt_de_wijzigingen_vast(regel, manager):
    contracten.wijzig_contract(
        regel.contract,
        kenmerk="WRT-1a",
        begindatum=date(2026, 1, 1),
        einddatum=date(2027, 12, 31),
        acting_user=manager,
    )

    auditregel = AuditRegel.objects.get(actie="contract.gewijzigd")
    assert auditregel.wijzigingen == {
        "kenmerk": ["WRT-1", "WRT-1a"],
        "einddatum": [None, "2027-12-31"],
    }


def test_contract_beeindigen_dat_een_lopende_toewijzing_wees_maakt_wordt_geweigerd(regel, manager):
    toewijzing(regel, 1001, date(2026, 11, 2))
    toewijzing(regel, 1002, date(2026, 3, 1), einde=date(2026, 6, 30))  # ended: no matter
    with geweigerd(
        ValidationError,
        "Deze wijziging laat lopende toewijzingen zonder contract: 1001 (Weert, 02A01 "
        "Begeleiding, 02-11-2026 – …). Beëindig die toewijzingen eerst of leg een contract "
        "vast dat ze dekt.",
        stand=partial(staat, regel.contract, regel),
    ):
        contracten.beeindig_contract(
            regel.contract, einddatum=date(2026, 12, 31), acting_user=manager
        )


def test_contract_beeindigen_mag_als_een_vervolgcontract_de_toewijzing_dekt(regel, manager):
    toewijzing(regel, 1001, date(2026, 11, 2))
    vervolg = ContractFactory(
        gemeente=regel.contract.gemeente,
        aanbieder=regel.contract.aanbieder,
        begindatum=date(2027, 1, 1),
    )
    contracten.voeg_contractregel_toe(
        vervolg,
        product=regel.product,
        uitvoeringsvariant="inspanningsgericht",
        tarief=Decimal("67.00"),
        declaratieregel="landelijk",
        acting_user=manager,
    )

    contracten.beeindig_contract(regel.contract, einddatum=date(2026, 12, 31), acting_user=manager)

    regel.contract.refresh_from_db()
    assert regel.contract.einddatum == date(2026, 12, 31)
    assert AuditRegel.objects.filter(actie="contract.beeindigd").count() == 1


def test_begin_van_contract_later_dan_een_lopende_toewijzing_wordt_geweigerd(regel, manager):
    toewijzing(regel, 1001, date(2026, 2, 1), einde=date(2027, 1, 31))

    with pytest.raises(ValidationError, match="1001 \\(Weert, 02A01 Begeleiding, 01-02-2026"):
        contracten.wijzig_contract(
            regel.contract,
            kenmerk="WRT-1",
            begindatum=date(2026, 3, 1),
            einddatum=None,
            acting_user=manager,
        )


# Contract lines


def test_product_toevoegen_met_periode_en_tarief(regel, manager):
    product = ProductFactory(productcode="01A01", naam="Huishouden", eenheid="14")

    nieuw = contracten.voeg_contractregel_toe(
        regel.contract,
        product=product,
        uitvoeringsvariant="outputgericht",
        tarief=Decimal("142.00"),
        declaratieregel="landelijk",
        begindatum=date(2026, 7, 1),
        acting_user=manager,
    )

    assert (nieuw.begindatum, nieuw.einddatum, nieuw.eenheid) == (date(2026, 7, 1), None, "14")
    assert nieuw.tarief_op(date(2026, 6, 30)) is None
    assert nieuw.tarief_op(date(2026, 7, 1)) == Decimal("142.00")
    assert AuditRegel.objects.get().actie == "contractregel.toegevoegd"


def test_product_buiten_de_looptijd_van_het_contract_wordt_geweigerd(regel, manager):
    with pytest.raises(ValidationError) as fout:
        contracten.voeg_contractregel_toe(
            regel.contract,
            product=ProductFactory(),
            uitvoeringsvariant="inspanningsgericht",
            tarief=Decimal("10"),
            declaratieregel="landelijk",
            begindatum=date(2025, 12, 1),
            acting_user=manager,
        )

    assert fout.value.messages == [
        "De periode van de contractregel ligt buiten de looptijd van het contract (01-01-2026 – …)."
    ]
    assert Contractregel.objects.count() == 1


def test_overlappende_contractregels_die_op_dezelfde_dag_beginnen_worden_geweigerd(regel, manager):
    """Also through a regio contract that binds the same gemeente."""
    regio = services.registreer_regio(
        naam="MLW", gemeenten=[regel.contract.gemeente], acting_user=None
    )
    tweede = ContractFactory(
        kenmerk="MLW-9",
        gemeente=None,
        regio=regio,
        aanbieder=regel.contract.aanbieder,
        begindatum=date(2026, 1, 1),
        einddatum=date(2026, 12, 31),
    )

    with pytest.raises(ValidationError) as fout:
        contracten.voeg_contractregel_toe(
            tweede,
            product=regel.product,
            uitvoeringsvariant="inspanningsgericht",
            tarief=Decimal("70"),
            declaratieregel="landelijk",
            acting_user=manager,
        )

    assert fout.value.messages == [
        "02A01 Begeleiding is vanaf 01-01-2026 al gecontracteerd met Maasland in contract "
        "WRT-1; overlappende contractregels van hetzelfde product beginnen niet op dezelfde "
        "dag (de latere neemt het over)."
    ]
    assert not tweede.regels.exists()


def test_een_vervolgcontract_neemt_het_product_over(regel, manager):
    vervolg = ContractFactory(
        gemeente=regel.contract.gemeente,
        aanbieder=regel.contract.aanbieder,
        begindatum=date(2027, 1, 1),
    )
    nieuw = contracten.voeg_contractregel_toe(
        vervolg,
        product=regel.product,
        uitvoeringsvariant="inspanningsgericht",
        tarief=Decimal("67.00"),
        declaratieregel="landelijk",
        acting_user=manager,
    )

    gemeente, aanbieder = regel.contract.gemeente, regel.contract.aanbieder
    assert queries.contractregels(gemeente, aanbieder, [regel.product], op=date(2026, 12, 31)) == {
        regel.product.pk: regel
    }
    assert queries.contractregels(gemeente, aanbieder, [regel.product], op=date(2027, 1, 1)) == {
        regel.product.pk: nieuw
    }


def test_contractregel_beeindigen_met_lopende_toewijzing_wordt_geweigerd(regel, manager):
    toewijzing(regel, 1001, date(2026, 11, 2), einde=date(2027, 3, 31))
    with geweigerd(
        ValidationError, "zonder contract: 1001 ", deel=True, stand=partial(staat, regel)
    ):
        contracten.beeindig_contractregel(regel, einddatum=date(2026, 12, 31), acting_user=manager)


def test_contractregel_beeindigen_na_de_laatste_toewijzing(regel, manager):
    toewijzing(regel, 1001, date(2026, 11, 2), einde=date(2027, 3, 31))

    contracten.beeindig_contractregel(regel, einddatum=date(2027, 3, 31), acting_user=manager)

    regel.refresh_from_db()
    assert regel.einddatum == date(2027, 3, 31)
    assert AuditRegel.objects.get().wijzigingen == {"einddatum": [None, "2027-03-31"]}
    # An ended line no longer counts where products are chosen.
    gemeente, aanbieder = regel.contract.gemeente, regel.contract.aanbieder
    assert queries.contractregels(gemeente, aanbieder, [regel.product], op=date(2027, 3, 31))
    assert not queries.contractregels(gemeente, aanbieder, [regel.product], op=date(2027, 4, 1))


def test_contractregel_wijzigen_neemt_het_eerste_tarief_mee(regel, manager):
    contracten.wijzig_contractregel(
        regel,
        uitvoeringsvariant="outputgericht",
        eenheid="14",
        frequentie="4",
        declaratieregel="almere",
        begindatum=date(2026, 2, 1),
        einddatum=None,
        acting_user=manager,
    )

    regel.refresh_from_db()
    assert (regel.uitvoeringsvariant, regel.eenheid, regel.begindatum) == (
        "outputgericht",
        "14",
        date(2026, 2, 1),
    )
    assert list(regel.tarieven.values_list("ingangsdatum", flat=True)) == [date(2026, 2, 1)]


def test_einde_van_contractregel_voor_een_later_tarief_wordt_geweigerd(regel, manager):
    contracten.wijzig_tarief(
        regel, bedrag=Decimal("70.00"), ingangsdatum=date(2027, 1, 1), acting_user=manager
    )
    with geweigerd(
        ValidationError,
        "Vanaf 01-01-2027 geldt een nieuw tarief; de einddatum kan niet daarvóór liggen.",
        stand=partial(staat, regel),
    ):
        contracten.beeindig_contractregel(regel, einddatum=date(2026, 12, 31), acting_user=manager)


# Tariffs


def test_tariefwijziging_is_een_nieuwe_periode(regel, manager):
    contracten.wijzig_tarief(
        regel, bedrag=Decimal("67.50"), ingangsdatum=date(2027, 1, 1), acting_user=manager
    )

    regel = Contractregel.objects.get(pk=regel.pk)
    perioden = [(t.bedrag, van, tot) for t, van, tot in regel.tariefperioden()]
    assert perioden == [
        (Decimal("65.00"), date(2026, 1, 1), date(2026, 12, 31)),
        (Decimal("67.50"), date(2027, 1, 1), None),
    ]
    assert regel.tarief_op(date(2026, 12, 31)) == Decimal("65.00")
    assert regel.tarief_op(date(2027, 1, 1)) == Decimal("67.50")
    auditregel = AuditRegel.objects.get()
    assert auditregel.actie == "contractregel.tarief_gewijzigd"
    assert auditregel.wijzigingen == {"tarief": ["65.00", "67.50"]}


@pytest.mark.parametrize("ingang", [date(2026, 1, 1), date(2025, 6, 1)])
def test_tarief_overschrijven_of_ervoor_zetten_wordt_geweigerd(regel, manager, ingang):
    with geweigerd(
        ValidationError,
        "Het huidige tarief geldt vanaf 01-01-2026; een nieuw tarief gaat later in (een "
        "tarief wordt niet overschreven).",
        stand=partial(staat, regel),
    ):
        contracten.wijzig_tarief(
            regel, bedrag=Decimal("80.00"), ingangsdatum=ingang, acting_user=manager
        )


def test_tarief_na_het_einde_van_de_contractregel_wordt_geweigerd(regel, manager):
    contracten.beeindig_contract(regel.contract, einddatum=date(2026, 12, 31), acting_user=manager)

    with pytest.raises(ValidationError) as fout:
        contracten.wijzig_tarief(
            regel, bedrag=Decimal("80.00"), ingangsdatum=date(2027, 1, 1), acting_user=manager
        )

    assert fout.value.messages == [
        "De ingangsdatum ligt buiten de periode waarin de contractregel geldt "
        "(01-01-2026 – 31-12-2026)."
    ]
    assert regel.tarieven.count() == 1


def test_aanbieder_wijzigt_geen_tarief(regel):
    gebruiker = GebruikerFactory(organisatie=regel.contract.aanbieder, rol=Rol.AANBIEDER)

    with pytest.raises(PermissionDenied):
        contracten.wijzig_tarief(
            regel, bedrag=Decimal("99"), ingangsdatum=date(2027, 1, 1), acting_user=gebruiker
        )

    assert regel.tarieven.count() == 1 and not AuditRegel.objects.exists()
