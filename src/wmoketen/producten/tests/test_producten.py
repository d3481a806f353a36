import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from lxml import etree

from wmoketen.factories import ProductFactory
from wmoketen.producten import codelijsten
from wmoketen.producten.models import Product

ROOT = Path(__file__).resolve().parents[4]
XS = "{http://www.w3.org/2001/XMLSchema}"


def enumeratie(standaard: str, ldt: str) -> set[str]:
    xsd = ROOT / f"src/istandaarden/schemas/v3_2/{standaard}/basisschema.xsd"
    tree = etree.parse(str(xsd))
    return {
        e.get("value") for e in tree.find(f"{XS}simpleType[@name='{ldt}']").iter(f"{XS}enumeration")
    }


@pytest.mark.parametrize(
    ("lijst", "standaard", "ldt"),
    [
        ("WMO020", "iwmo", "LDT_ProductCategorie"),
        ("JZ020", "ijw", "LDT_ProductCategorie"),
        ("WJ756", "iwmo", "LDT_Eenheid"),
        ("WMO757", "iwmo", "LDT_Frequentie"),
        ("WMO588", "iwmo", "LDT_RedenBeeindiging"),
        ("JZ588", "ijw", "LDT_RedenBeeindiging"),
        ("WMO002", "iwmo", "LDT_RedenWijziging"),
        ("JZ002", "ijw", "LDT_RedenWijziging"),
    ],
)
def test_codelijsten_zijn_de_enumeraties_van_het_basisschema(lijst, standaard, ldt):
    assert set(codelijsten.codes(lijst)) == enumeratie(standaard, ldt)


def test_codelijsten_json_is_actueel(tmp_path):
    """bin/build-codelijsten regenerates the committed JSON without differences."""
    data = Path(codelijsten.DATA)
    voor = data.read_text()
    subprocess.run(
        [sys.executable, str(ROOT / "bin/build-codelijsten")], check=True, capture_output=True
    )
    assert data.read_text() == voor


def test_gemeentecodes_uit_de_cbs_lijst():
    cbs = codelijsten.codes("CBS")
    assert len(cbs) == 342
    assert (cbs["0034"], cbs["1640"], cbs["0946"], cbs["0988"]) == (
        "Almere",
        "Leudal",
        "Nederweert",
        "Weert",
    )


def test_productcatalogus_uit_de_seeds(db):
    call_command("loaddata", "producten", verbosity=0)
    call_command("loaddata", "producten", verbosity=0)  # natural keys: no duplicates

    producten = {p.productcode: p for p in Product.objects.all()}
    assert len(producten) == 26
    assert (producten["2701"].productcategorie, producten["2701"].cak_code) == ("02", "405")
    assert (producten["7707"].productcategorie, producten["7707"].cak_code) == ("07", "411")
    assert (producten["4707"].eenheid, producten["4707"].frequentie) == ("14", "4")
    assert producten["45A10"].wet == "jeugdwet"
    assert producten["4701"].categorie_omschrijving == "Kortdurend verblijf"
    for product in producten.values():
        product.full_clean()


def test_categorie_moet_bij_de_wet_horen(db):
    product = ProductFactory.build(wet="jeugdwet", productcategorie="02")
    with pytest.raises(ValidationError) as fout:
        product.full_clean()
    assert fout.value.message_dict["productcategorie"] == [
        "02 is geen productcategorie uit codelijst JZ020 (Jeugdwet)."
    ]


def test_onbekende_eenheid_wordt_geweigerd(db):
    with pytest.raises(ValidationError) as fout:
        ProductFactory.build(eenheid="99").full_clean()
    assert fout.value.message_dict["eenheid"] == ["99 is geen geldige code uit codelijst WJ756."]


def test_catalogus_pagina_filtert_op_wet(ingelogd):
    call_command("loaddata", "producten", verbosity=0)

    html = ingelogd.get("/producten/", {"wet": "jeugdwet"}).content.decode()

    assert "Jeugdhulp ambulant individueel" in html
    assert "Individuele begeleiding somatiek" not in html


def test_fixture_bevat_alleen_bestaande_codes():
    fixture = json.loads((ROOT / "src/wmoketen/producten/fixtures/producten.json").read_text())
    for rij in fixture:
        velden = rij["fields"]
        lijst = "WMO020" if velden["wet"] == "wmo" else "JZ020"
        assert velden["productcategorie"] in codelijsten.codes(lijst)
