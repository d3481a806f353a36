"""The 323's rules against an external source (TR135, TR346, TR378, TR381), run through the
registered rule objects on the standard's sample WMO323/JW323, changed with lxml."""

import copy
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone
from lxml import etree

from istandaarden.regels import crossmessage
from istandaarden.regels.crossmessage import OntvangenBericht
from wmoketen.declaraties.externe_bron import REGELS, controleer, per_minuut
from wmoketen.factories import (
    AanbiederFactory,
    ContractFactory,
    ContractregelFactory,
    GemeenteFactory,
    ProductFactory,
)
from wmoketen.organisaties.models import Regio
from wmoketen.producten.models import Product

SAMPLES = Path(__file__).resolve().parents[3] / "istandaarden" / "samples" / "v3_2"
WMO323 = SAMPLES / "iwmo" / "WMO323.xml"
JW323 = SAMPLES / "ijw" / "JW323.xml"


def lokaal(element) -> str:
    return etree.QName(element).localname


def lees(pad: Path):
    return etree.parse(str(pad)).getroot()


def ontvangen(root, standaard="iwmo") -> OntvangenBericht:
    kop = root.find("{*}Header")
    return OntvangenBericht(
        standaard=standaard,
        bericht=("WMO323" if standaard == "iwmo" else "JW323"),
        root=root,
        ns={"m": etree.QName(root).namespace, "b": ""},
        afzender=kop.findtext("{*}Afzender"),
        ontvanger=kop.findtext("{*}Ontvanger"),
        identificatie=kop.findtext("{*}BerichtIdentificatie/{*}Identificatie"),
        dagtekening=date.fromisoformat(kop.findtext("{*}BerichtIdentificatie/{*}Dagtekening")),
    )


def zet(element, pad: str, waarde: str) -> None:
    element.find(pad).text = waarde


def prestatie(root, nummer: int):
    return list(root.iter("{*}Prestatie"))[nummer]


@pytest.fixture
def register():
    """The rules by code, as the gemeente's handler runs them (``controleer``)."""
    return {regel.code: regel for regel in REGELS}


def overtredingen(code: str, root, standaard="iwmo"):
    """The findings of one rule (``controleer`` runs all four: see its own test)."""
    regel = next(r for r in REGELS if r.code == code)
    return list(regel.check(ontvangen(root, standaard), None))


def test_controleer_draait_de_vier_regels(partijen):
    root = lees(WMO323)
    root.find("{*}Header/{*}Ontvanger").text = "0999"
    assert [o.code for o in controleer(ontvangen(root, "iwmo"))] == ["TR378"]


@pytest.fixture
def partijen(db):
    """The sample's parties (0384, 65656055) and its products in the catalogue."""
    gemeente = GemeenteFactory(naam="Voorbeeldgemeente", gemeentecode="0384")
    aanbieder = AanbiederFactory(naam="Zorggroep Voorbeeld", agb_code="65656055")
    for wet, categorie in (("wmo", "01"), ("jeugdwet", "45")):
        for code in ("A03", "A04"):
            ProductFactory(
                wet=wet,
                productcategorie=categorie,
                productcode=f"{categorie}{code}",
                geldig_van=date(2020, 1, 1),
            )
    return gemeente, aanbieder


def test_registreert_de_vier_regels_voor_de_323(register):
    for code, retourcode in (
        ("TR135", "8848"),
        ("TR346", "9346"),
        ("TR378", "S300"),
        ("TR381", "S329"),
    ):
        regel = register[code]
        assert isinstance(regel, crossmessage.BerichtoverstijgendeRegel)
        assert regel.retourcode == retourcode
        assert regel.berichten == frozenset({"323"})
    # Not in the cross-message register: they run only in the 323's own handler.
    assert not set(register) & set(crossmessage.REGISTER)


# --- TR135 ---------------------------------------------------------------------------------


def test_tr135_voorbeeld_en_vandaag_zijn_goed(register):
    root = lees(WMO323)
    assert overtredingen("TR135", root) == []
    vandaag = timezone.localdate().isoformat()
    zet(root, "{*}Header/{*}BerichtIdentificatie/{*}Dagtekening", vandaag)
    zet(root, "{*}Declaratie/{*}DeclaratieDagtekening", vandaag)
    assert overtredingen("TR135", root) == []


def test_tr135_dagtekening_in_de_toekomst_is_een_fout_in_de_header(register):
    root = lees(WMO323)
    morgen = timezone.localdate() + timedelta(days=1)
    zet(root, "{*}Header/{*}BerichtIdentificatie/{*}Dagtekening", morgen.isoformat())
    [fout] = overtredingen("TR135", root)
    assert (fout.code, fout.retourcode, fout.element) == ("TR135", "8848", None)
    assert "systeemdatum" in fout.message


def test_tr135_declaratiedagtekening_in_de_toekomst_is_een_fout_in_de_declaratie(register):
    root = lees(JW323)
    morgen = timezone.localdate() + timedelta(days=1)
    zet(root, "{*}Declaratie/{*}DeclaratieDagtekening", morgen.isoformat())
    [fout] = overtredingen("TR135", root, "ijw")
    assert fout.retourcode == "8848"
    assert fout.element is root.find("{*}Declaratie")
    assert lokaal(fout.element) == "Declaratie"


def test_tr135_een_niet_bestaande_datum(register):
    root = lees(WMO323)
    zet(root, "{*}Declaratie/{*}DeclaratieDagtekening", "2023-02-30")
    [fout] = overtredingen("TR135", root)
    assert (fout.retourcode, lokaal(fout.element)) == ("8848", "Declaratie")
    assert "geen bestaande datum" in fout.message


# --- TR346 ---------------------------------------------------------------------------------


def test_tr346_voorbeeld_is_goed(register, partijen):
    assert overtredingen("TR346", lees(WMO323)) == []
    assert overtredingen("TR346", lees(JW323), "ijw") == []


@pytest.mark.parametrize(("pad", "standaard"), [(WMO323, "iwmo"), (JW323, "ijw")])
def test_tr346_bedrag_niet_volume_maal_tarief(register, partijen, pad, standaard):
    root = lees(pad)
    fout_prestatie = prestatie(root, 1)
    zet(fout_prestatie, "{*}IngediendBedrag/{*}Bedrag", "24001")  # 16 x 1500 = 24000
    [fout] = overtredingen("TR346", root, standaard)
    assert (fout.code, fout.retourcode) == ("TR346", "9346")
    assert fout.element is fout_prestatie
    assert lokaal(fout.element) == "Prestatie"
    assert "€ 240,01" in fout.message


def test_tr346_eenheid_euro_telt_niet(register, partijen):
    root = lees(WMO323)
    p = prestatie(root, 0)
    zet(p, "{*}Eenheid", "83")
    p.remove(p.find("{*}ProductTarief"))
    zet(p, "{*}GeleverdVolume", "1234")
    zet(p, "{*}IngediendBedrag/{*}Bedrag", "1234")
    assert overtredingen("TR346", root) == []


def in_minuten(root, *, minuten: int, tarief: int, bedrag: int):
    p = prestatie(root, 0)  # 01A03, April 2023
    zet(p, "{*}Eenheid", "01")
    zet(p, "{*}GeleverdVolume", str(minuten))
    zet(p, "{*}ProductTarief", str(tarief))
    zet(p, "{*}IngediendBedrag/{*}Bedrag", str(bedrag))
    return p


def contractregel(partijen, eenheid: str, tarief: Decimal, wet="wmo", productcode="01A03"):
    gemeente, aanbieder = partijen
    contract = ContractFactory(gemeente=gemeente, aanbieder=aanbieder, begindatum=date(2023, 1, 1))
    product = Product.objects.get(wet=wet, productcode=productcode)
    return ContractregelFactory(contract=contract, product=product, eenheid=eenheid, tarief=tarief)


# € 61,25 per hour for 95 minutes: 6125 x 95 / 60 = 9698,4 -> € 96,98 (IV081); the per-minute
# ProductTarief 6125 / 60 = 102,08 -> 102 cent, and 95 x 102 = 9690 is not the amount.
UURTARIEF = Decimal("61.25")
IV081_BEDRAG = per_minuut(6125, 95)


def test_per_minuut_rondt_rekenkundig_af():
    assert IV081_BEDRAG == 9698
    assert per_minuut(6126, 95) == 9700  # 9699,5 -> up
    assert per_minuut(6000, 95) == 95 * 100


def test_tr346_minuten_bij_een_uurtarief_volgens_iv081(register, partijen):
    contractregel(partijen, "04", UURTARIEF)
    root = lees(WMO323)
    in_minuten(root, minuten=95, tarief=102, bedrag=IV081_BEDRAG)
    assert overtredingen("TR346", root) == []


def test_tr346_minuten_bij_een_uurtarief_niet_met_het_afgeronde_minuuttarief(register, partijen):
    contractregel(partijen, "04", UURTARIEF)
    root = lees(WMO323)
    p = in_minuten(root, minuten=95, tarief=102, bedrag=95 * 102)
    [fout] = overtredingen("TR346", root)
    assert (fout.retourcode, fout.element) == ("9346", p)
    assert "€ 96,98" in fout.message and "IV081" in fout.message


def test_tr346_minuten_bij_een_minuuttarief_is_volume_maal_tarief(register, partijen):
    contractregel(partijen, "01", Decimal("1.02"))
    root = lees(WMO323)
    in_minuten(root, minuten=95, tarief=102, bedrag=95 * 102)
    assert overtredingen("TR346", root) == []
    p = in_minuten(root, minuten=95, tarief=102, bedrag=IV081_BEDRAG)
    [fout] = overtredingen("TR346", root)
    assert fout.element is p


def test_tr346_minuten_zonder_contracttarief(register, partijen):
    """No contract line held: an amount some hourly tariff rounding to the ProductTarief
    explains passes, any other does not."""
    root = lees(WMO323)
    in_minuten(root, minuten=95, tarief=102, bedrag=IV081_BEDRAG)
    assert overtredingen("TR346", root) == []
    in_minuten(root, minuten=95, tarief=102, bedrag=95 * 102)
    assert overtredingen("TR346", root) == []
    p = in_minuten(root, minuten=95, tarief=102, bedrag=9800)
    [fout] = overtredingen("TR346", root)
    assert (fout.retourcode, fout.element) == ("9346", p)


def test_tr346_uurtarief_uit_het_contract_van_een_regio(register, partijen):
    gemeente, aanbieder = partijen
    regio = Regio.objects.create(naam="Regio Voorbeeld")
    regio.gemeenten.add(gemeente)
    contract = ContractFactory(
        gemeente=None, regio=regio, aanbieder=aanbieder, begindatum=date(2023, 1, 1)
    )
    ContractregelFactory(
        contract=contract,
        product=Product.objects.get(wet="wmo", productcode="01A03"),
        eenheid="04",
        tarief=UURTARIEF,
    )
    root = lees(WMO323)
    in_minuten(root, minuten=95, tarief=102, bedrag=95 * 102)
    [fout] = overtredingen("TR346", root)
    assert fout.retourcode == "9346"


# --- TR378 ---------------------------------------------------------------------------------


def test_tr378_bekende_gemeente_is_goed(register, partijen):
    assert overtredingen("TR378", lees(WMO323)) == []
    assert overtredingen("TR378", lees(JW323), "ijw") == []


@pytest.mark.parametrize(("pad", "standaard"), [(WMO323, "iwmo"), (JW323, "ijw")])
def test_tr378_onbekende_gemeentecode_is_een_fout_in_de_header(register, partijen, pad, standaard):
    root = lees(pad)
    zet(root, "{*}Header/{*}Ontvanger", "0999")
    [fout] = overtredingen("TR378", root, standaard)
    assert (fout.code, fout.retourcode, fout.element) == ("TR378", "S300", None)
    assert "0999" in fout.message


# --- TR381 ---------------------------------------------------------------------------------


def test_tr381_voorbeeld_is_goed(register, partijen):
    assert overtredingen("TR381", lees(WMO323)) == []
    assert overtredingen("TR381", lees(JW323), "ijw") == []


@pytest.mark.parametrize(
    ("pad", "standaard", "categorie"), [(WMO323, "iwmo", "02"), (JW323, "ijw", "46")]
)
def test_tr381_productcode_hoort_niet_bij_de_categorie(
    register, partijen, pad, standaard, categorie
):
    root = lees(pad)
    p = prestatie(root, 2)
    zet(p, "{*}ProductCategorie", categorie)
    [fout] = overtredingen("TR381", root, standaard)
    assert (fout.code, fout.retourcode) == ("TR381", "S329")
    assert fout.element is p
    assert lokaal(fout.element) == "Prestatie"


def test_tr381_productcode_van_de_andere_wet(register, partijen):
    root = lees(WMO323)
    p = prestatie(root, 0)
    zet(p, "{*}ProductCategorie", "45")
    zet(p, "{*}ProductCode", "45A03")  # in the Jeugdwet's list, not the Wmo's
    [fout] = overtredingen("TR381", root)
    assert (fout.retourcode, fout.element) == ("S329", p)


def test_tr381_oude_productcode_blijft_goed_nieuwe_nog_niet(register, partijen):
    # 01A03 left the list before April 2023: old codes are still billed (protocol, 2.3).
    Product.objects.filter(productcode="01A03").update(geldig_tot=date(2022, 12, 31))
    # 01A04 only enters the list after the ProductPeriode.
    Product.objects.filter(productcode="01A04").update(geldig_van=date(2023, 5, 1))
    root = lees(WMO323)
    fouten = overtredingen("TR381", root)
    assert {lokaal(f.element) for f in fouten} == {"Prestatie"}
    assert [f.element.findtext("{*}ProductCode") for f in fouten] == ["01A04", "01A04"]
    assert all(f.retourcode == "S329" for f in fouten)


def test_tr381_zonder_productcodelijst_geen_controle(register, db):
    GemeenteFactory(gemeentecode="0384")
    root = lees(WMO323)
    zet(prestatie(root, 0), "{*}ProductCategorie", "02")
    assert overtredingen("TR381", root) == []


# --- query count ---------------------------------------------------------------------------


def vermenigvuldigd(root, keer: int):
    """The 323 with every Client's prestaties copied ``keer`` times."""
    groot = copy.deepcopy(root)
    for prestaties in groot.iter("{*}Prestaties"):
        for p in list(prestaties):
            for _ in range(keer - 1):
                prestaties.append(copy.deepcopy(p))
    return groot


def test_vast_aantal_queries_per_bericht(register, partijen, django_assert_max_num_queries):
    contractregel(partijen, "04", UURTARIEF)
    klein = lees(WMO323)
    in_minuten(klein, minuten=95, tarief=102, bedrag=IV081_BEDRAG)
    groot = vermenigvuldigd(klein, 50)
    assert len(list(groot.iter("{*}Prestatie"))) == 200
    for code, maximum in (("TR135", 0), ("TR346", 2), ("TR378", 1), ("TR381", 2)):
        with django_assert_max_num_queries(maximum):
            assert overtredingen(code, groot) == []
