"""Shared fixtures: the official examples as bytes, and a helper to mutate one.

``sample_bytes("WMO317")`` gives the example's bytes. ``bericht("WMO301")`` gives a
``Bewerking``: change it with XPaths that use the prefixes ``m`` (message namespace) and ``b``
(basisschema namespace), then ``.bytes()`` re-serializes it::

    def test_x(bericht):
        b = bericht("WMO317")
        b.zet("//m:NieuwProduct/m:GewensteIngangsdatum", "2030-01-01")
        b.verwijder("//m:TeWijzigenProducten")
        assert validate(b.bytes()) == []
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "v3_2"


def sample_pad(naam: str) -> Path:
    """``WMO301`` -> samples/v3_2/iwmo/WMO301.xml, ``JW301`` -> samples/v3_2/ijw/JW301.xml."""
    standaard = "iwmo" if naam.upper().startswith("WMO") else "ijw"
    return SAMPLES / standaard / f"{naam.upper()}.xml"


def lees_sample(naam: str) -> bytes:
    return sample_pad(naam).read_bytes()


class Bewerking:
    """An official example, parsed, to be changed with namespace-qualified XPaths."""

    def __init__(self, naam: str) -> None:
        self.naam = naam.upper()
        self.tree = etree.ElementTree(etree.fromstring(lees_sample(self.naam)))
        self.root = self.tree.getroot()
        standaard = "iwmo" if self.naam.startswith("WMO") else "ijw"
        self.ns = {
            "m": etree.QName(self.root).namespace,
            "b": f"http://www.istandaarden.nl/{standaard}/3_2/basisschema/schema",
        }

    def alle(self, xpath: str) -> list[etree._Element]:
        gevonden = self.root.xpath(xpath, namespaces=self.ns)
        assert gevonden, f"{xpath} selecteert niets in {self.naam}"
        return gevonden

    def een(self, xpath: str) -> etree._Element:
        gevonden = self.alle(xpath)
        assert len(gevonden) == 1, f"{xpath} selecteert {len(gevonden)} elementen"
        return gevonden[0]

    def zet(self, xpath: str, tekst: str) -> Bewerking:
        """Set the text of every element ``xpath`` selects."""
        for element in self.alle(xpath):
            element.text = tekst
        return self

    def verwijder(self, xpath: str) -> Bewerking:
        for element in self.alle(xpath):
            element.getparent().remove(element)
        return self

    def kopieer(self, xpath: str, aanpassing: Callable[[etree._Element], None] | None = None):
        """Insert a deep copy right after the one element ``xpath`` selects; return the copy."""
        origineel = self.een(xpath)
        kopie = copy.deepcopy(origineel)
        kopie.tail = origineel.tail
        origineel.addnext(kopie)
        if aanpassing is not None:
            aanpassing(kopie)
        return kopie

    def voeg_toe(self, xpath: str, naam: str, tekst: str | None = None, *, na: str | None = None):
        """Add child ``naam`` ("m:X" or "b:X") under the element ``xpath`` selects.

        ``na`` names the existing child (local XPath) after which it goes; default: last.
        """
        ouder = self.een(xpath)
        prefix, _, lokaal = naam.partition(":")
        kind = etree.Element(f"{{{self.ns[prefix]}}}{lokaal}")
        kind.text = tekst
        if na is None:
            ouder.append(kind)
        else:
            ouder.xpath(na, namespaces=self.ns)[0].addnext(kind)
        return kind

    def bytes(self) -> bytes:
        return etree.tostring(self.tree, xml_declaration=True, encoding="UTF-8")


@pytest.fixture
def sample_bytes() -> Callable[[str], bytes]:
    return lees_sample


@pytest.fixture
def bericht() -> Callable[[str], Bewerking]:
    return Bewerking
