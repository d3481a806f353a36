"""The regime matrix on a contract line (organisaties.regimes): a refused combination is
refused when the line is saved, by the service and on the form's field; docs/regimes.md holds
the same table as ``MATRIX``."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from wmoketen.accounts.constants import Rol
from wmoketen.audit.models import AuditRegel
from wmoketen.factories import (
    AanbiederFactory,
    ContractFactory,
    ContractregelFactory,
    GebruikerFactory,
    GemeenteFactory,
    ProductFactory,
)
from wmoketen.organisaties import contracten
from wmoketen.organisaties.forms import ContractregelForm, NieuweContractregelForm
from wmoketen.organisaties.models import Contractregel, Tarief
from wmoketen.organisaties.regimes import MATRIX, tabel, weigerreden
from wmoketen.testhulp import geweigerd

pytestmark = pytest.mark.usefixtures("vandaag_vast")  # today is 2026-12-04

DOC = Path(__file__).resolve().parents[4] / "docs" / "regimes.md"
GEWEIGERD = [c for c in MATRIX if c.reden]


def test_de_matrix_heeft_elke_combinatie_en_weigert_er_26():
    assert len(MATRIX) == 3 * 3 * 5
    assert len(GEWEIGERD) == 26
    # Allowed: the national rule everywhere, a regional rule only per maand and not taakgericht.
    for cel in MATRIX:
        regionaal = cel.declaratieregel != "landelijk"
        toegestaan = not regionaal or (
            cel.frequentie == "4" and cel.uitvoeringsvariant != "taakgericht"
        )
        assert (cel.reden is None) == toegestaan, cel


def test_redenen_in_het_nederlands():
    assert weigerreden(
        uitvoeringsvariant="inspanningsgericht", declaratieregel="almere", frequentie="2"
    ) == (
        "De declaratieregel Almere betaalt een hele kalendermaand, maar bij frequentie per "
        "week is het maximum van een maand die door de toewijzing wordt afgebroken kleiner dan "
        "een hele maand (TR321, IV077). Deze regel kan alleen bij frequentie per maand; kies "
        "anders Landelijk."
    )
    assert "taakgericht product" in weigerreden(
        uitvoeringsvariant="taakgericht", declaratieregel="midden_limburg_west", frequentie="4"
    )


def test_de_tabel_in_docs_is_de_matrix():
    tekst = DOC.read_text(encoding="utf-8")
    regels = tabel()
    begin = tekst.index(regels[0])
    assert tekst[begin:].splitlines()[: len(regels)] == regels


@pytest.fixture
def contract(db):
    return ContractFactory(
        kenmerk="WRT-1",
        gemeente=GemeenteFactory(naam="Weert", gemeentecode="0988"),
        aanbieder=AanbiederFactory(naam="Maasland"),
        begindatum=date(2026, 1, 1),
    )


@pytest.mark.parametrize(
    "cel", GEWEIGERD, ids=lambda c: f"{c.uitvoeringsvariant}-{c.declaratieregel}-{c.frequentie}"
)
def test_geweigerde_cel_wordt_bij_toevoegen_geweigerd(contract, cel):
    # The line's own frequentie counts; a budget line has none, nor has its product.
    product = ProductFactory(frequentie="4" if cel.frequentie else "")
    with geweigerd(
        ValidationError, cel.reden, contract, modellen=(Contractregel, Tarief, AuditRegel)
    ):
        contracten.voeg_contractregel_toe(
            contract,
            product=product,
            uitvoeringsvariant=cel.uitvoeringsvariant,
            tarief=Decimal("50.00"),
            declaratieregel=cel.declaratieregel,
            eenheid="83" if cel.frequentie == "" else "04",
            frequentie=cel.frequentie or None,
            acting_user=None,
        )


def test_lege_frequentie_neemt_die_van_het_product(contract):
    with pytest.raises(ValidationError) as fout:
        contracten.voeg_contractregel_toe(
            contract,
            product=ProductFactory(frequentie="2"),
            uitvoeringsvariant="outputgericht",
            tarief=Decimal("50.00"),
            declaratieregel="almere",
            acting_user=None,
        )
    assert list(fout.value.message_dict) == ["declaratieregel"]
    regel = contracten.voeg_contractregel_toe(
        contract,
        product=ProductFactory(frequentie="4"),
        uitvoeringsvariant="outputgericht",
        tarief=Decimal("50.00"),
        declaratieregel="almere",
        acting_user=None,
    )
    assert (regel.frequentie, regel.declaratieregel) == ("4", "almere")


@pytest.mark.parametrize(
    "cel", GEWEIGERD, ids=lambda c: f"{c.uitvoeringsvariant}-{c.declaratieregel}-{c.frequentie}"
)
def test_geweigerde_cel_wordt_bij_wijzigen_geweigerd(contract, cel):
    regel = ContractregelFactory(contract=contract, frequentie="4", declaratieregel="landelijk")
    manager = GebruikerFactory(organisatie=contract.gemeente, rol=Rol.CONTRACTMANAGER)
    with geweigerd(ValidationError, cel.reden, regel, modellen=(AuditRegel,)):
        contracten.wijzig_contractregel(
            regel,
            uitvoeringsvariant=cel.uitvoeringsvariant,
            eenheid="04",
            frequentie=cel.frequentie,
            declaratieregel=cel.declaratieregel,
            begindatum=regel.begindatum,
            einddatum=None,
            acting_user=manager,
        )


def test_een_oude_geweigerde_regel_kan_nog_worden_beeindigd(contract):
    """A line saved before the matrix: ending it is not a change of its regime."""
    regel = ContractregelFactory(contract=contract, frequentie="2", declaratieregel="almere")
    manager = GebruikerFactory(organisatie=contract.gemeente, rol=Rol.CONTRACTMANAGER)
    contracten.beeindig_contractregel(regel, einddatum=date(2026, 6, 30), acting_user=manager)
    regel.refresh_from_db()
    assert regel.einddatum == date(2026, 6, 30)


def _gegevens(**velden):
    return {
        "uitvoeringsvariant": "inspanningsgericht",
        "eenheid": "04",
        "frequentie": "2",
        "declaratieregel": "midden_limburg_west",
        "begindatum": "2026-01-01",
        **velden,
    }


def test_formulier_toont_de_reden_bij_de_declaratieregel(db):
    form = ContractregelForm(_gegevens())
    assert not form.is_valid()
    assert form.errors["declaratieregel"] == [
        weigerreden(
            uitvoeringsvariant="inspanningsgericht",
            declaratieregel="midden_limburg_west",
            frequentie="2",
        )
    ]
    assert ContractregelForm(_gegevens(frequentie="4")).is_valid()


def test_nieuw_formulier_neemt_de_frequentie_van_het_product(contract):
    per_week, per_maand = ProductFactory(frequentie="2"), ProductFactory(frequentie="4")
    leeg = {"frequentie": "", "eenheid": "", "tarief": "50.00"}

    fout = NieuweContractregelForm(_gegevens(product=per_week.pk, **leeg), contract=contract)
    goed = NieuweContractregelForm(_gegevens(product=per_maand.pk, **leeg), contract=contract)

    assert list(fout.errors) == ["declaratieregel"]
    assert goed.is_valid(), goed.errors


def test_scherm_weigert_op_het_veld(client, contract):
    manager = GebruikerFactory(organisatie=contract.gemeente, rol=Rol.CONTRACTMANAGER)
    client.force_login(manager)
    product = ProductFactory(frequentie="2")

    antwoord = client.post(
        f"/organisaties/contracten/{contract.pk}/producten/nieuw/",
        _gegevens(product=product.pk, frequentie="", eenheid="", tarief="50.00"),
    )

    assert antwoord.status_code == 400
    assert "betaalt een hele kalendermaand" in antwoord.content.decode()
    assert not Contractregel.objects.exists()
