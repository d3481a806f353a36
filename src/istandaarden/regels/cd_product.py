"""Condities (CD) on the product classes of 301, 315 and 317: Product, Omvang, Budget, Einddatum.

A product class is ToegewezenProduct (301), AangevraagdProduct (315), NieuwProduct or
TeWijzigenProduct (317). Its end date is ``Einddatum``, in AangevraagdProduct
``ToewijzingEinddatum``. Omvang, Budget and the end date are children of the product class in the
message namespace; Product/Code and Omvang/Frequentie are in the basisschema namespace.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from istandaarden.regels.cd_cs_hulp import (
    einddatum_na_2020_of_leeg,
    heeft,
    namen,
    namespace_van,
)
from istandaarden.regels.registry import Bevinding, Context, regel

FREQUENTIE_PER_WEEK = "2"  # codelist WMO757 "Frequentie" (LDT_Frequentie): 2 = per week


def _heeft_productcode(product: etree._Element, ctx: Context) -> bool:
    """Whether Product / Code of a product class is filled."""
    code_product = ctx.kaart(product).get(ctx.m.Product)
    return code_product is not None and ctx.b.Code in ctx.kaart(code_product)


def _heeft_einddatum(product: etree._Element, ctx: Context) -> bool:
    """Whether the product class has its end date (``einddatum_van_product``)."""
    kaart, m = ctx.kaart(product), ctx.m
    return m.Einddatum in kaart or m.ToewijzingEinddatum in kaart


def _einddatum_naam(product: etree._Element) -> str:
    """The name of the product class's end date element, for messages."""
    return "ToewijzingEinddatum" if product.tag.endswith("}AangevraagdProduct") else "Einddatum"


@regel(
    "CD041",
    titel="Omvang verplicht vullen als Code in Product gevuld is",
    filter="m:Product/b:Code and not(m:Omvang)",
)
def cd041(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CD041: Indien Code in Product gevuld is, verplicht vullen (Omvang)."""
    if _heeft_productcode(element, ctx) and ctx.m.Omvang not in ctx.kaart(element):
        yield Bevinding(element, "Omvang is verplicht als een productcode gevuld is.")


@regel(
    "CD043",
    titel="BeschikkingIngangsdatum vullen als BeschikkingNummer gevuld is",
    filter="boolean(m:BeschikkingNummer) != boolean(m:BeschikkingIngangsdatum)",
)
def cd043(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CD043: Indien Beschikkingnummer gevuld is, verplicht vullen, anders leeg laten
    (BeschikkingIngangsdatum)."""
    m = ctx.m
    met_nummer = heeft(element, m.BeschikkingNummer)
    met_datum = heeft(element, m.BeschikkingIngangsdatum)
    if met_nummer and not met_datum:
        yield Bevinding(
            element, "BeschikkingIngangsdatum is verplicht als BeschikkingNummer gevuld is."
        )
    elif met_datum and not met_nummer:
        yield Bevinding(
            element, "BeschikkingIngangsdatum moet leeg zijn als BeschikkingNummer leeg is."
        )


@regel(
    "CD075",
    titel="Einddatum verplicht vullen als Budget gevuld is",
    filter="not(../m:Einddatum or ../m:ToewijzingEinddatum)",
)
def cd075(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CD075: Verplicht vullen indien Budget gevuld is (Einddatum / ToewijzingEinddatum).

    Checked on Budget; the end date belongs to the product class around it.
    """
    product = element.getparent()
    if not _heeft_einddatum(product, ctx):
        yield Bevinding(element, f"{_einddatum_naam(product)} is verplicht als Budget gevuld is.")


@regel(
    "CD076",
    titel="Einddatum verplicht vullen als Frequentie 2 (per week) is",
    filter=". = '2' and not(../../m:Einddatum or ../../m:ToewijzingEinddatum)",
)
def cd076(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CD076: Verplicht vullen indien Frequentie waarde 2 (per week) (Einddatum /
    ToewijzingEinddatum).

    Checked on Omvang / Frequentie; the end date belongs to the product class of the Omvang.
    """
    if element.text != FREQUENTIE_PER_WEEK:
        return
    product = element.getparent().getparent()
    if not _heeft_einddatum(product, ctx):
        yield Bevinding(
            element,
            f"{_einddatum_naam(product)} is verplicht als Frequentie 2 (per week) is.",
        )


@regel("CD077", titel="Omvang leeg laten als Budget gevuld is", filter="../m:Omvang")
def cd077(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CD077: Indien Budget gevuld is, dan leeg laten (Omvang). Checked on Budget.

    Omvang precedes Budget in every product class (XSD sequence), so "a preceding Omvang"
    is "an Omvang in the product class"."""
    if namen(namespace_van(element)).Omvang in ctx.kaart(element.getparent()):
        yield Bevinding(element, "Omvang moet leeg zijn als Budget gevuld is.")


@regel("CD078", titel="Budget leeg laten als Omvang gevuld is", filter="../m:Budget")
def cd078(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CD078: Indien Omvang gevuld is, dan leeg laten (Budget). Checked on Omvang (which
    precedes Budget in every product class)."""
    if namen(namespace_van(element)).Budget in ctx.kaart(element.getparent()):
        yield Bevinding(element, "Budget moet leeg zijn als Omvang gevuld is.")


@regel(
    "CD079",
    titel="Product verplicht vullen als Budget leeg is",
    filter="not(m:Budget or m:Product)",
)
def cd079(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CD079: Indien Budget leeg is, dan verplicht vullen (Product)."""
    m, kaart = ctx.m, ctx.kaart(element)
    if m.Budget not in kaart and m.Product not in kaart:
        yield Bevinding(element, "Product is verplicht als Budget leeg is.")


def _omvang_zonder_productcode(omvang: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """Omvang must be empty when the product has no Code and ends after 2020 or is open."""
    product = omvang.getparent()
    if not _heeft_productcode(product, ctx) and einddatum_na_2020_of_leeg(product, ctx):
        yield Bevinding(
            omvang,
            "Omvang moet leeg zijn als er geen productcode is en "
            f"{_einddatum_naam(product)} na 31-12-2020 ligt of leeg is.",
        )


@regel(
    "CD080",
    titel="Omvang leeg laten zonder productcode (Einddatum na 2020 of leeg)",
    filter="not(../m:Product/b:Code)",
)
def cd080(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CD080: Indien Code in Product leeg is en Einddatum van het ToegewezenProduct groter dan
    31-12-2020 of leeg is, dan leeg laten (Omvang)."""
    return _omvang_zonder_productcode(element, ctx)


@regel(
    "CD095",
    titel="Omvang leeg laten zonder productcode (ToewijzingEinddatum na 2020 of leeg)",
    filter="not(../m:Product/b:Code)",
)
def cd095(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CD095: Indien Code in AangevraagdProduct leeg is en ToewijzingEinddatum van het
    AangevraagdProduct groter dan 31-12-2020 of leeg is, dan leeg laten (Omvang)."""
    return _omvang_zonder_productcode(element, ctx)


@regel(
    "CD096",
    titel="Omvang leeg laten zonder productcode (Einddatum na 2020 of leeg)",
    filter="not(../m:Product/b:Code)",
)
def cd096(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CD096: Indien Code in NieuwProduct leeg is en Einddatum groter dan 31-12-2020 of leeg
    is, dan leeg laten (Omvang)."""
    return _omvang_zonder_productcode(element, ctx)
