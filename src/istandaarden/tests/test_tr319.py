"""TR319: a 323 only holds prestaties whose ProductPeriode lies within the current or an
earlier declaratieperiode, checked by the real validation on the official 323 examples."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from istandaarden.validation import validate

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "v3_2"
EERSTE_PRESTATIE = "//m:Client[1]/m:Prestaties/m:Prestatie[1]"
PRESTATIE_XPATH = "/Bericht[1]/Declaratie[1]/Clienten[1]/Client[1]/Prestaties[1]/Prestatie[1]"
VOORBEELDEN = pytest.mark.parametrize(
    "pad", ["iwmo/WMO323.xml", "ijw/JW323.xml"], ids=["WMO323", "JW323"]
)


class Bericht323:
    """An official 323 example, made valid first (JW323 repeats a ReferentieNummer: TR101)."""

    def __init__(self, pad: str) -> None:
        self.root = etree.fromstring((SAMPLES / pad).read_bytes())
        self.ns = {"m": self.root.nsmap[self.root.prefix], "b": _basis(self.root)}
        if pad.startswith("ijw"):
            self.zet(
                "//m:Client[2]/m:Prestaties/m:Prestatie[3]/m:ProductReferentie/b:ReferentieNummer",
                "RN005",
            )

    def tekst(self, xpath: str) -> str:
        [element] = self.root.xpath(xpath, namespaces=self.ns)
        return element.text

    def zet(self, xpath: str, waarde: str) -> None:
        [element] = self.root.xpath(xpath, namespaces=self.ns)
        element.text = waarde

    def productperiode(self, begin: str, eind: str) -> None:
        self.zet(f"{EERSTE_PRESTATIE}/m:ProductPeriode/b:Begindatum", begin)
        self.zet(f"{EERSTE_PRESTATIE}/m:ProductPeriode/b:Einddatum", eind)

    def tr319(self) -> list:
        fouten = validate(etree.tostring(self.root))
        return [fout for fout in fouten if fout.code == "TR319"]


def _basis(root: etree._Element) -> str:
    return next(uri for prefix, uri in root.nsmap.items() if prefix != root.prefix)


def _declaratieperiode(b: Bericht323) -> tuple[str, str]:
    periode = "//m:Declaratie/m:DeclaratiePeriode"
    return b.tekst(f"{periode}/b:Begindatum"), b.tekst(f"{periode}/b:Einddatum")


@VOORBEELDEN
def test_voorbeeld_is_geldig(pad):
    assert validate(etree.tostring(Bericht323(pad).root)) == []


@VOORBEELDEN
def test_begindatum_na_declaratieperiode_met_einddatum_gelijk_aan_einde(pad):
    """The Einddatum does not lie after the declaratieperiode, the Begindatum does: the
    ProductPeriode does not fall within it (before the fix only the Einddatum was read)."""
    b = Bericht323(pad)
    begin, eind = _declaratieperiode(b)
    volgende_dag = f"{eind[:5]}{int(eind[5:7]) + 1:02d}-01"  # April: 30 -> 1 May
    b.productperiode(volgende_dag, eind)
    [fout] = b.tr319()
    assert fout.xpath == PRESTATIE_XPATH
    assert fout.retourcode == "0001"
    assert volgende_dag[8:] + "-" + volgende_dag[5:7] in fout.message


@VOORBEELDEN
def test_begindatum_na_declaratieperiode_met_einddatum_ervoor(pad):
    b = Bericht323(pad)
    begin, eind = _declaratieperiode(b)
    b.productperiode(f"{eind[:5]}{int(eind[5:7]) + 1:02d}-05", begin)
    [fout] = b.tr319()
    assert fout.xpath == PRESTATIE_XPATH


@VOORBEELDEN
def test_einddatum_na_declaratieperiode_blijft_gemeld(pad):
    b = Bericht323(pad)
    begin, eind = _declaratieperiode(b)
    b.productperiode(begin, f"{eind[:5]}{int(eind[5:7]) + 1:02d}-02")
    [fout] = b.tr319()
    assert fout.xpath == PRESTATIE_XPATH


@VOORBEELDEN
def test_huidige_en_voorgaande_declaratieperiode_zijn_toegestaan(pad):
    b = Bericht323(pad)
    begin, eind = _declaratieperiode(b)
    b.productperiode(begin, eind)
    assert b.tr319() == []
    vorige_maand = f"{begin[:5]}{int(begin[5:7]) - 1:02d}"  # April -> March
    b.productperiode(f"{vorige_maand}-01", f"{vorige_maand}-31")
    assert b.tr319() == []
