"""The generated bindings: reproducible, complete, and matching the registry and the XSDs."""

from __future__ import annotations

import dataclasses
import enum
import filecmp
import importlib
import inspect
import subprocess
import sys
import typing
from pathlib import Path

import pytest
from lxml import etree
from xsdata.exceptions import ParserError
from xsdata.formats.dataclass.parsers import XmlParser

from istandaarden import samples
from istandaarden.berichten import BERICHTEN, RETOUR_VAN, SCHEMAS, bericht, bericht_voor

REPO = Path(__file__).resolve().parents[3]
BINDINGS = REPO / "src" / "istandaarden" / "bindings"
XS = {"xs": "http://www.w3.org/2001/XMLSchema"}


def _tree(root: Path) -> dict[str, Path]:
    return {
        str(p.relative_to(root)): p
        for p in sorted(root.rglob("*.py"))
        if "__pycache__" not in p.parts
    }


def test_regenerating_the_bindings_changes_nothing(tmp_path: Path) -> None:
    script = REPO / "bin" / "generate-bindings"
    subprocess.run([sys.executable, str(script), "--target", str(tmp_path)], check=True)
    fresh, committed = _tree(tmp_path), _tree(BINDINGS)
    assert sorted(fresh) == sorted(committed)
    changed = [name for name in fresh if not filecmp.cmp(fresh[name], committed[name], False)]
    assert changed == [], "run: .venv/bin/python bin/generate-bindings"


def test_bindings_package_per_standard_has_basisschema_and_14_messages() -> None:
    for standaard, prefix in (("iwmo", "wmo"), ("ijw", "jw")):
        names = sorted(p.stem for p in (BINDINGS / "v3_2" / standaard).glob("*.py"))
        numbers = ["301", "302", "305", "306", "307", "308", "315", "316", "317", "318"]
        numbers += ["319", "320", "323", "325"]
        assert names == ["__init__", "basisschema", *(f"{prefix}{n}" for n in numbers)]


def _modules() -> list[str]:
    found = []
    for standaard in ("iwmo", "ijw"):
        folder = BINDINGS / "v3_2" / standaard
        for path in sorted(folder.glob("*.py")):
            if path.stem != "__init__":
                found.append(f"istandaarden.bindings.v3_2.{standaard}.{path.stem}")
    return found


def _classes(module_name: str) -> list[type]:
    module = importlib.import_module(module_name)
    return [
        c for _, c in inspect.getmembers(module, inspect.isclass) if c.__module__ == module_name
    ]


def _waarde(tp: typing.Any) -> typing.Any:
    """A value of annotation ``tp`` (required fields only need something of the right type)."""
    origin = typing.get_origin(tp)
    if origin is list:
        return [_waarde(typing.get_args(tp)[0])]
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        return _waarde(next(a for a in typing.get_args(tp) if a is not type(None)))
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return next(iter(tp))
    if dataclasses.is_dataclass(tp):
        return _maak(tp)
    return {str: "x", int: 1, bool: True, float: 1.0}[tp]


def _maak(cls: type) -> typing.Any:
    hints = typing.get_type_hints(cls)
    required = {
        f.name: _waarde(hints[f.name])
        for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    }
    instance = cls(**required)
    for name, value in required.items():
        assert getattr(instance, name) == value
    return instance


def test_every_generated_class_can_be_instantiated() -> None:
    counts = {"dataclass": 0, "enum": 0}
    for module_name in _modules():
        for cls in _classes(module_name):
            if dataclasses.is_dataclass(cls):
                assert isinstance(_maak(cls), cls)
                counts["dataclass"] += 1
            elif issubclass(cls, enum.Enum):
                members = list(cls)
                assert members and all(cls(m.value) is m for m in members)
                counts["enum"] += 1
    # Both standards together: 23 codelists each, and every complex type of the 30 XSDs.
    assert counts == {"dataclass": 258, "enum": 46}


def test_registry_matches_each_binding_and_xsd() -> None:
    assert len(BERICHTEN) == 28
    for soort in BERICHTEN.values():
        assert soort.binding.Meta.namespace == soort.namespace
        assert soort.xsd.is_file()
        xsd = etree.parse(str(soort.xsd))
        assert xsd.getroot().get("targetNamespace") == soort.namespace
        pattern = xsd.find(".//xs:element[@name='BerichtCode']//xs:pattern", XS).get("value")
        assert pattern == soort.berichtcode
        header = soort.binding.__dataclass_fields__["header"].type
        assert isinstance(header, str)  # generated with postponed annotations
        assert bericht_voor(soort.qname) is soort


def test_retour_pairs() -> None:
    assert RETOUR_VAN == {302: 301, 306: 305, 308: 307, 316: 315, 318: 317, 320: 319}
    assert bericht("iwmo", 301).retour is bericht("iwmo", 302)
    assert bericht("ijw", 319).retour is bericht("ijw", 320)
    assert bericht("iwmo", 323).retour is None
    assert bericht("ijw", 325).retour is None
    assert bericht("ijw", 302).is_retour and not bericht("ijw", 301).is_retour
    assert bericht("iwmo", 301).naam == "WMO301" and bericht("ijw", 301).naam == "JW301"
    assert bericht("ijw", 317).namespace == "http://www.istandaarden.nl/ijw/3_2/jw317/schema"


def test_xsd_versions_in_appinfo() -> None:
    def versie(path: Path) -> set[str]:
        return {e.text for e in etree.parse(str(path)).iter() if str(e.tag).endswith("XsdVersie")}

    assert set().union(*(versie(p) for p in (SCHEMAS / "iwmo").glob("*.xsd"))) == {"1.0.0"}
    # The iJw copies say 0.1.0 although release 3.2 and its examples say 1.0.0 (documented).
    assert set().union(*(versie(p) for p in (SCHEMAS / "ijw").glob("*.xsd"))) == {"0.1.0"}


@pytest.mark.parametrize("path", samples.paden(), ids=lambda p: p.stem)
def test_plain_bindings_parse_the_official_examples(path: Path) -> None:
    soort = bericht_voor(etree.parse(str(path)).getroot().tag)
    parser = XmlParser()
    if path.stem == "JW318":  # RetourCode without its RetourCodes wrapper: not in the binding
        with pytest.raises(ParserError, match=r"Unknown property .*Verzoek:.*RetourCode"):
            parser.from_bytes(path.read_bytes(), soort.binding)
        return
    message = parser.from_bytes(path.read_bytes(), soort.binding)
    assert message.header.bericht_code == soort.berichtcode
    if path.stem == "JW315":  # dates are strings in the binding: the impossible date is kept
        product = message.client.aangevraagde_producten.aangevraagd_product[0]
        assert product.toewijzing_einddatum == "2027-06-31"


def test_samples_are_the_28_official_examples() -> None:
    assert [p.name for p in samples.paden("ijw")][:3] == ["JW301.xml", "JW302.xml", "JW305.xml"]
    assert len(samples.paden("iwmo")) == len(samples.paden("ijw")) == 14
    assert samples.lees("WMO301").startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
