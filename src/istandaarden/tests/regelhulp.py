"""Helpers shared by the CD and CS rule tests (``test_regels_cd.py``, ``test_regels_cs.py``).

``Bericht`` loads an official iWmo or iJw example with its known findings repaired, so the
base message is clean; ``controleer`` applies one mutation and asserts that the message is
still XSD-valid and that exactly the expected rule codes are reported.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from istandaarden.regels import REGELS, Context
from istandaarden.regels.scope import berichtmodel, scope_regels, xpath_voor
from istandaarden.validation import validate

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "v3_2"
PREFIX = {"iwmo": "WMO", "ijw": "JW"}
BEIDE = pytest.mark.parametrize("standaard", ["iwmo", "ijw"])

# Known findings of the official examples, repaired before a mutation is applied.
REPARATIES: dict[str, dict[str, str]] = {
    "WMO317": {"BerichtIdentificatie/Dagtekening": "2023-04-01"},  # TR380
    "JW317": {"NieuwProduct/Einddatum": "2027-02-28"},  # CS003
    "JW315": {"AangevraagdProduct/ToewijzingEinddatum": "2027-06-30"},  # XSD: 2027-06-31
}


class Bericht:
    """An official example as an lxml tree, with small mutation helpers on local-name paths.

    A path like ``"Relatie/Contact"`` matches an element whose local names end with those steps,
    like an XSLT match pattern; ``nr`` picks the n-th match (0-based) in document order.
    """

    def __init__(self, standaard: str, nummer: str) -> None:
        self.standaard = standaard
        self.naam = f"{PREFIX[standaard]}{nummer}"
        self.root = etree.fromstring((SAMPLES / standaard / f"{self.naam}.xml").read_bytes())
        for pad, waarde in REPARATIES.get(self.naam, {}).items():
            for element in self.alle(pad):
                element.text = waarde
        if self.naam == "JW323":  # TR101: a repeated ReferentieNummer under one Client
            self.alle("Prestatie/ProductReferentie/ReferentieNummer")[-1].text = "RN005"

    def alle(self, pad: str) -> list[etree._Element]:
        stappen = pad.split("/")
        return [el for el in self.root.iter(etree.Element) if _past(el, stappen)]

    def vind(self, pad: str, nr: int = 0) -> etree._Element:
        gevonden = self.alle(pad)
        assert len(gevonden) > nr, f"{pad} niet in {self.naam}"
        return gevonden[nr]

    def enkel(self, pad: str) -> Bericht:
        """Keep only the first ``pad`` element (a product without code is compared on its
        category with the others: TR302/TR386 overlap)."""
        for element in self.alle(pad)[1:]:
            element.getparent().remove(element)
        return self

    def zet(self, pad: str, waarde: str, nr: int = 0) -> Bericht:
        self.vind(pad, nr).text = waarde
        return self

    def weg(self, pad: str, nr: int = 0) -> Bericht:
        element = self.vind(pad, nr)
        element.getparent().remove(element)
        return self

    def voeg_toe(
        self,
        ouder: str,
        naam: str,
        waarde: str | None = None,
        *,
        na: str | None = None,
        ns: str | None = None,
        nr: int = 0,
    ) -> etree._Element:
        """Add child ``naam`` to ``ouder``: after child ``na`` (same namespace), else at the end
        (in namespace ``ns``: "m" message, "b" basisschema; default the parent's)."""
        parent = self.vind(ouder, nr)
        if na is not None:
            vorige = next(c for c in parent if etree.QName(c).localname == na)
            uri = etree.QName(vorige).namespace
        else:
            vorige = None
            uri = self.ns(ns) if ns else etree.QName(parent).namespace
        nieuw = etree.Element(f"{{{uri}}}{naam}")
        nieuw.text = waarde
        if vorige is not None:
            vorige.addnext(nieuw)
        else:
            parent.append(nieuw)
        return nieuw

    def ns(self, prefix: str) -> str:
        if prefix == "m":
            return etree.QName(self.root).namespace
        return f"http://www.istandaarden.nl/{self.standaard}/3_2/basisschema/schema"

    def codes(self) -> list[str]:
        """The rule codes ``validate`` reports; fails when the mutation broke the XSD.

        Also checks that the CD/CS rules' XPath prefilters hide no violation: running every
        CD/CS function on its unfiltered scope must give the same codes.
        """
        fouten = validate(etree.tostring(self.root, xml_declaration=True, encoding="UTF-8"))
        assert not [f for f in fouten if f.code in ("XSD", "PARSE")], fouten
        codes = sorted({f.code for f in fouten})
        assert [c for c in codes if c[:2] in ("CD", "CS")] == self.cd_cs_zonder_filter()
        return codes

    def cd_cs_zonder_filter(self) -> list[str]:
        model = berichtmodel(self.standaard, self.naam)
        ctx = Context(self.standaard, self.naam, model.ns, self.root, None)
        codes = set()
        for code, patronen in scope_regels(self.standaard, self.naam).items():
            xpath = xpath_voor(model, patronen) if code[:2] in ("CD", "CS") else None
            if xpath is None:
                continue
            for element in etree.XPath(xpath, namespaces=model.ns)(self.root):
                if list(REGELS[code].functie(element, ctx)):
                    codes.add(code)
        return sorted(codes)


def _past(element: etree._Element, stappen: list[str]) -> bool:
    for naam in reversed(stappen):
        if element is None or etree.QName(element).localname != naam:
            return False
        element = element.getparent()
    return True


Mutatie = Callable[[Bericht], object]


def controleer(standaard: str, nummer: str, mutatie: Mutatie, verwacht: list[str]) -> None:
    bericht = Bericht(standaard, nummer)
    mutatie(bericht)
    assert bericht.codes() == verwacht


# ---------------------------------------------------------------- official examples
