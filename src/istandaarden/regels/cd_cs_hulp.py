"""Small, fast helpers shared by the conditie (CD) and constraint (CS) rules.

Rules run once per matched element, often 10,000 times per message, so lookups here avoid
path parsing and lxml iterators: children are found by walking siblings (``getnext`` /
``getprevious``) and comparing Clark names that are built once per namespace (``Namen``).
Which end a helper starts from only changes the speed (the XSD sequence order), never the
result. The XSD has already passed, so a present element is a filled element (the schemas
forbid empty values) and values have their XSD type.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from lxml import etree

if TYPE_CHECKING:
    from istandaarden.regels.registry import Context

__all__ = [
    "EINDE_2020",
    "Namen",
    "datum",
    "einddatum_na_2020_of_leeg",
    "einddatum_van_product",
    "geheel_getal",
    "heeft",
    "kind",
    "kind_achteraan",
    "namen",
    "namespace_van",
    "tekst",
    "volgende",
    "vorige",
]

# Rules that ask whether an Einddatum is "groter dan 31-12-2020 of leeg" compare with this date.
EINDE_2020 = date(2020, 12, 31)


class Namen:
    """Clark names (``{uri}Local``) in one namespace, built on first use: ``namen.Einddatum``."""

    def __init__(self, uri: str) -> None:
        self._open = "{" + uri + "}"

    def __getattr__(self, local: str) -> str:
        if local.startswith("_"):
            raise AttributeError(local)
        tag = self._open + local
        setattr(self, local, tag)  # later lookups are plain attribute reads
        return tag


_NAMEN: dict[str, Namen] = {}


def namen(uri: str) -> Namen:
    """The (cached) ``Namen`` of namespace ``uri``."""
    gevonden = _NAMEN.get(uri)
    if gevonden is None:
        gevonden = _NAMEN[uri] = Namen(uri)
    return gevonden


def namespace_van(element: etree._Element) -> str:
    """The namespace URI of ``element`` (siblings declared in one type share it)."""
    tag = element.tag
    return tag[1 : tag.index("}")] if tag[0] == "{" else ""


def kind(element: etree._Element, tag: str) -> etree._Element | None:
    """The first direct child with Clark name ``tag``, or None.

    Scans siblings from the first child with ``getnext()``: far cheaper in lxml than
    ``iterchildren(tag)``/``find`` (which build a matcher or parse a path per call). Use it
    for children early in the XSD sequence, ``kind_achteraan`` for late ones.
    """
    try:
        gevonden: etree._Element | None = element[0]
    except IndexError:
        return None
    while gevonden is not None:
        if gevonden.tag == tag:
            return gevonden
        gevonden = gevonden.getnext()
    return None


def kind_achteraan(element: etree._Element, *tags: str) -> etree._Element | None:
    """The last direct child whose Clark name is one of ``tags``, scanning from the end."""
    try:
        gevonden: etree._Element | None = element[-1]
    except IndexError:
        return None
    while gevonden is not None:
        if gevonden.tag in tags:
            return gevonden
        gevonden = gevonden.getprevious()
    return None


def volgende(element: etree._Element, *tags: str) -> etree._Element | None:
    """The nearest following sibling whose Clark name is one of ``tags``, or None."""
    gevonden = element.getnext()
    while gevonden is not None:
        if gevonden.tag in tags:
            return gevonden
        gevonden = gevonden.getnext()
    return None


def vorige(element: etree._Element, *tags: str) -> etree._Element | None:
    """The nearest preceding sibling whose Clark name is one of ``tags``, or None."""
    gevonden = element.getprevious()
    while gevonden is not None:
        if gevonden.tag in tags:
            return gevonden
        gevonden = gevonden.getprevious()
    return None


def heeft(element: etree._Element, tag: str) -> bool:
    """Whether ``element`` has a direct child ``tag`` (present means filled after the XSD)."""
    return kind(element, tag) is not None


def tekst(element: etree._Element, tag: str) -> str | None:
    """The text of the first direct child ``tag`` ("" when empty), None when it is absent."""
    gevonden = kind(element, tag)
    return None if gevonden is None else (gevonden.text or "")


def datum(waarde: str | None) -> date | None:
    """An xs:date text (no timezone, per the schemas' pattern) as a date; None if not one."""
    if waarde is None:
        return None
    try:
        return date.fromisoformat(waarde.strip())
    except ValueError:
        return None


def geheel_getal(waarde: str | None) -> int | None:
    """An xs:integer text as int (leading sign and zeros allowed); None if not one."""
    if waarde is None:
        return None
    try:
        return int(waarde.strip())
    except ValueError:
        return None


def einddatum_van_product(
    product: etree._Element, ctx: Context | None = None
) -> etree._Element | None:
    """The end date of a product class: ``Einddatum``, or ``ToewijzingEinddatum`` (315).

    ToegewezenProduct, NieuwProduct and TeWijzigenProduct carry ``Einddatum``;
    AangevraagdProduct carries ``ToewijzingEinddatum``. Both are in the message namespace.
    With ``ctx`` read from the product's child map (no type has both, each at most once).
    """
    m = namen(namespace_van(product))
    if ctx is None:
        return kind_achteraan(product, m.Einddatum, m.ToewijzingEinddatum)
    kaart = ctx.kaart(product)
    einde = kaart.get(m.Einddatum)
    return kaart.get(m.ToewijzingEinddatum) if einde is None else einde


def einddatum_na_2020_of_leeg(product: etree._Element, ctx: Context | None = None) -> bool:
    """Whether the product's end date is after 31-12-2020 or absent (CD080/095/096, CS338/343)."""
    einde = einddatum_van_product(product, ctx)
    if einde is None:
        return True
    waarde = datum(einde.text)
    return waarde is None or waarde > EINDE_2020
