"""Bytes ⇄ binding dataclasses for every iWmo/iJw 3.2 message.

``parse`` always goes through :mod:`istandaarden.safe_xml` (no DTD, entities, network,
XInclude; size and encoding limits) and then lets xsdata walk the already-built lxml tree,
so the bytes are parsed by libxml2 exactly once. ``parse`` does not validate: an
XSD-invalid value that still fits the binding (JW315's date 2027-06-31 is kept as the text
it is) parses; run :func:`istandaarden.validation.validate` to judge a message.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from lxml import etree
from xsdata.exceptions import ConverterError, ParserError
from xsdata.formats.dataclass.context import XmlContext
from xsdata.formats.dataclass.parsers import XmlParser
from xsdata.formats.dataclass.parsers.config import ParserConfig
from xsdata.formats.dataclass.parsers.handlers import LxmlEventHandler
from xsdata.formats.dataclass.serializers import XmlSerializer
from xsdata.formats.dataclass.serializers.config import SerializerConfig

from istandaarden import safe_xml
from istandaarden.berichten import STANDAARDEN, Bericht, bericht_voor
from istandaarden.fout import ParseFout

__all__ = ["parse", "parse_tree", "serialize", "soort_van", "soort_van_tree"]

INDENT = "\t"  # the official examples are indented with tabs


@cache
def _context() -> XmlContext:
    return XmlContext()


@cache
def _parser() -> XmlParser:
    # Unknown elements and unconvertible values raise instead of being dropped silently.
    config = ParserConfig(fail_on_unknown_properties=True, fail_on_converter_warnings=True)
    return XmlParser(config=config, context=_context(), handler=LxmlEventHandler)


@cache
def _serializer() -> XmlSerializer:
    config = SerializerConfig(encoding="UTF-8", xml_declaration=True, indent=INDENT)
    return XmlSerializer(config=config, context=_context())


def soort_van_tree(tree: etree._ElementTree) -> Bericht:
    """The message type of a parsed tree, from its root's namespace and name."""
    tag = tree.getroot().tag
    soort = bericht_voor(tag) if isinstance(tag, str) else None
    if soort is None:
        raise ParseFout(f"Onbekend bericht: het root-element {tag} is geen iWmo- of iJw-bericht.")
    return soort


def parse(data: bytes, *, max_bytes: int | None = None, standaard: str | None = None) -> Any:
    """Parse ``data`` safely into the binding of its message (e.g. ``wmo301.Bericht``).

    Raises :class:`ParseFout` (Dutch message) when the bytes are refused, belong to another
    standard than ``standaard`` ("iwmo"/"ijw") when given, or do not fit the binding.
    """
    return parse_tree(safe_xml.parse_bytes(data, max_bytes=max_bytes), standaard=standaard)


def parse_tree(tree: etree._ElementTree, *, standaard: str | None = None) -> Any:
    """Bind a tree from :func:`safe_xml.parse_bytes`. The tree is consumed (cleared)."""
    soort = soort_van_tree(tree)
    if standaard is not None and soort.standaard != standaard:
        verwacht = STANDAARDEN[standaard][2]
        raise ParseFout(f"Dit is geen {verwacht}-bericht maar een {soort.naam}-bericht.")
    try:
        return _parser().parse(tree, soort.binding)
    except (ParserError, ConverterError, ValueError, TypeError) as exc:
        raise ParseFout(f"Het bericht past niet in {soort.naam}: {exc}") from exc


def soort_van(message: Any) -> Bericht:
    """The message type of a binding instance (its root class carries the namespace)."""
    meta = getattr(type(message), "Meta", None)
    namespace = getattr(meta, "namespace", None)
    soort = bericht_voor(f"{{{namespace}}}Bericht") if namespace else None
    if soort is None or not isinstance(message, soort.binding):
        raise TypeError(f"Geen iWmo- of iJw-bericht: {type(message).__name__}.")
    return soort


def serialize(message: Any) -> bytes:
    """UTF-8 bytes with XML declaration, the official namespace and root element.

    Prefixes follow the official examples: ``wmo301:``/``jw301:`` for the message and
    ``iwmo:``/``ijw:`` for the basisschema.
    """
    soort = soort_van(message)
    ns_map = {
        soort.naam.lower(): soort.namespace,
        soort.standaard: soort.basis_namespace,
    }
    return _serializer().render(message, ns_map=ns_map).encode("utf-8")
