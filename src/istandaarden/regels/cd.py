"""Condities (CD) of iWmo 3.2 and iJw 3.2: when an element must or may be filled.

Addresses, contacts, verwijzers, the 319 antwoord and the 323/325 prestaties live here; the
product classes (Omvang, Budget, Product, Einddatum) in ``cd_product``. Each function gets one
element that ``regel-scope.md`` lists for the rule and yields a ``Bevinding`` on that element.
The texts are the same in both standards; "gevuld" means present, since the XSD forbids empty
values.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from istandaarden.regels import cd_product  # noqa: F401  (registers the product conditions)
from istandaarden.regels.cd_cs_hulp import (
    kind,
    kind_achteraan,
    namen,
    namespace_van,
    volgende,
)
from istandaarden.regels.registry import Bevinding, Context, regel

# Codelist COD757 "Soort adres" (LDT_AdresSoort): addresses that need a postcode.
ADRESSOORT_MET_POSTCODE = frozenset({"01", "03"})  # 01 BRP-adres, 03 verblijfadres
ADRESSOORT_TIJDELIJK = "04"  # tijdelijk verblijfadres
LANDCODE_NEDERLAND = "NL"  # codelist COD032 Land

# Codelist COD327 "Code verwijzer" (LDT_TypeVerwijzer): 02 huisarts, 03 jeugdarts,
# 04 gecertificeerde instelling, 05 medisch specialist.
VERWIJZERS_MET_ZORGVERLENERCODE = frozenset({"02", "03", "04", "05"})

# Codelist WJ760 "Verzoek antwoord" (LDT_VerzoekAntwoord).
VERZOEK_AFGEWEZEN = "1"
AANVRAAG_IN_ONDERZOEK = "2"

EENHEID_EUROS = "83"  # codelist WJ756 "Eenheid": 83 = euro's
CREDIT = "C"  # codelist COD043 "Indicatie debet/credit"


# ---------------------------------------------------------------- Adres and Contact


@regel(
    "CD005",
    titel="Als Postcode gevuld is, dan LandCode verplicht vullen, anders leeg laten",
    filter="not(../b:Postcode and ../b:LandCode)",
)
def cd005(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CD005: Als Postcode gevuld is, dan verplicht vullen, anders leeg laten (LandCode).

    Checked on LandCode (needs a Postcode) and on Postcode (needs a LandCode).
    """
    b, adres = namen(namespace_van(element)), ctx.kaart(element.getparent())
    # In CDT_Adres, Postcode comes before LandCode (each at most once).
    if element.tag == b.Postcode:
        if b.LandCode not in adres:
            yield Bevinding(element, "LandCode is verplicht als Postcode gevuld is.")
    elif b.Postcode not in adres:
        yield Bevinding(element, "LandCode moet leeg blijven als Postcode leeg is.")


@regel(
    "CD009",
    titel="Periode alleen vullen als Soort adres 04 (tijdelijk adres) is",
    filter="not(../m:Soort = '04')",
)
def cd009(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CD009: Alleen als Soort adres de waarde 04 (tijdelijk adres) heeft, is vullen toegestaan."""
    contact = element.getparent()
    soort = ctx.kaart(contact).get(namen(namespace_van(contact)).Soort)
    if soort is None or soort.text != ADRESSOORT_TIJDELIJK:
        yield Bevinding(
            element,
            "Periode mag alleen gevuld zijn als Soort adres 04 (tijdelijk verblijfadres) is.",
        )


@regel(
    "CD025",
    titel="Als LandCode NL is, dan Huis verplicht vullen",
    filter=". = 'NL' and not(../b:Huis)",
)
def cd025(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CD025: Als Adres / LandCode de waarde NL (Nederland) heeft, dan verplicht vullen (Huis)."""
    if element.text == LANDCODE_NEDERLAND:  # Huis precedes LandCode in CDT_Adres
        if namen(namespace_van(element)).Huis not in ctx.kaart(element.getparent()):
            yield Bevinding(element, "Huis (huisnummer) is verplicht bij LandCode NL (Nederland).")


@regel(
    "CD034",
    titel="Postcode verplicht als Soort adres 1 (BRP-adres) of 3 (verblijfadres) is",
    filter="(m:Soort = '01' or m:Soort = '03') and not(m:Adres/b:Postcode)",
)
def cd034(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CD034: Als Soort adres de waarde 1 (BRP-adres) of 3 (verblijfadres) heeft, dan verplicht
    vullen (Adres / Postcode)."""
    m, kaart = ctx.m, ctx.kaart(element)
    soort = kaart.get(m.Soort)
    if soort is None or soort.text not in ADRESSOORT_MET_POSTCODE:
        return
    adres = kaart.get(m.Adres)
    if adres is None or ctx.b.Postcode not in ctx.kaart(adres):
        yield Bevinding(
            element,
            f"Postcode is verplicht bij Soort adres {soort.text} (BRP-adres of verblijfadres).",
        )


# ---------------------------------------------------------------- Verwijzer (315)


def _verwijzer(element: etree._Element, ctx: Context) -> tuple[str | None, bool, bool]:
    """(Type, ZorgverlenerCode gevuld, Naam gevuld) of a Verwijzer (basisschema children)."""
    b, kaart = ctx.b, ctx.kaart(element)
    type_ = kaart.get(b.Type)
    return (None if type_ is None else type_.text, b.ZorgverlenerCode in kaart, b.Naam in kaart)


@regel(
    "CD066",
    titel="Naam verwijzer leeg als type 02-05 en ZorgverlenerCode gevuld",
    filter="b:ZorgverlenerCode and b:Naam",
)
def cd066(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CD066: Als type verwijzer gelijk is aan 02, 03, 04 of 05 en ZorgverlenerCode is gevuld,
    dan is Naamverwijzer leeg."""
    type_, met_code, met_naam = _verwijzer(element, ctx)
    if type_ in VERWIJZERS_MET_ZORGVERLENERCODE and met_code and met_naam:
        yield Bevinding(
            element,
            f"Naam verwijzer moet leeg zijn bij type verwijzer {type_} met een ZorgverlenerCode.",
        )


@regel(
    "CD067",
    titel="Naam verwijzer gevuld als type 02-05 en ZorgverlenerCode leeg",
    filter="not(b:ZorgverlenerCode or b:Naam)",
)
def cd067(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CD067: Als type verwijzer gelijk is aan 02, 03, 04 of 05 en ZorgverlenerCode is leeg,
    dan is Naamverwijzer gevuld."""
    type_, met_code, met_naam = _verwijzer(element, ctx)
    if type_ in VERWIJZERS_MET_ZORGVERLENERCODE and not met_code and not met_naam:
        yield Bevinding(
            element,
            f"Naam verwijzer is verplicht bij type verwijzer {type_} zonder ZorgverlenerCode.",
        )


@regel(
    "CD068",
    titel="ZorgverlenerCode leeg als type verwijzer niet 02-05 is",
    filter="b:ZorgverlenerCode"
    " and not(b:Type = '02' or b:Type = '03' or b:Type = '04' or b:Type = '05')",
)
def cd068(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CD068: Als type verwijzer ongelijk is aan 02, 03, 04 of 05, dan is ZorgverlenerCode leeg."""
    type_, met_code, _ = _verwijzer(element, ctx)
    if type_ not in VERWIJZERS_MET_ZORGVERLENERCODE and met_code:
        yield Bevinding(
            element,
            f"ZorgverlenerCode moet leeg zijn bij type verwijzer {type_} "
            "(alleen toegestaan bij 02, 03, 04 of 05).",
        )


# ---------------------------------------------------------------- Antwoord (319)


@regel(
    "CD085",
    titel="RedenAfwijzingVerzoek vullen als VerzoekAntwoord 1 (verzoek afgewezen) is",
    filter=". = '1' and not(../m:RedenAfwijzingVerzoek)",
)
def cd085(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CD085: Als VerzoekAntwoord de waarde 1 (Verzoek afgewezen) heeft, dan vullen
    (RedenAfwijzingVerzoek)."""
    if element.text == VERZOEK_AFGEWEZEN:
        if volgende(element, namen(namespace_van(element)).RedenAfwijzingVerzoek) is None:
            yield Bevinding(
                element,
                "RedenAfwijzingVerzoek is verplicht als VerzoekAntwoord 1 (verzoek afgewezen) is.",
            )


@regel(
    "CD086",
    titel="RedenAfwijzingVerzoek leeg als VerzoekAntwoord 2 (aanvraag in onderzoek) is",
    filter=". = '2' and ../m:RedenAfwijzingVerzoek",
)
def cd086(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CD086: Als VerzoekAntwoord de waarde 2 (Aanvraag in onderzoek) heeft, dan leeg laten
    (RedenAfwijzingVerzoek)."""
    if element.text == AANVRAAG_IN_ONDERZOEK:
        if volgende(element, namen(namespace_van(element)).RedenAfwijzingVerzoek) is not None:
            yield Bevinding(
                element,
                "RedenAfwijzingVerzoek moet leeg zijn als VerzoekAntwoord 2 "
                "(aanvraag in onderzoek) is.",
            )


# ---------------------------------------------------------------- Prestatie (323, 325)


def _cd060_mogelijk(ctx: Context, tags: frozenset[str]) -> bool:
    """Only a credit amount or a VorigReferentieNummer somewhere can break CD060."""
    return CREDIT in ctx.teksten("b:DebetCredit") or bool(ctx.teksten("b:VorigReferentieNummer"))


@regel(
    "CD060",
    vooraf=_cd060_mogelijk,
    titel="VorigReferentieNummer vullen bij een creditprestatie, anders leeg laten",
    filter="(m:IngediendBedrag/b:DebetCredit = 'C')"
    " != boolean(m:ProductReferentie/b:VorigReferentieNummer)",
)
def cd060(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CD060: Verplicht vullen indien DebetCredit bij het ingediende bedrag de waarde C (credit)
    heeft, anders leeg laten (ProductReferentie / VorigReferentieNummer)."""
    m, b = ctx.m, ctx.b
    # ProductReferentie opens a Prestatie, IngediendBedrag closes it (before RetourCodes).
    referentie = kind(element, m.ProductReferentie)
    bedrag = kind_achteraan(element, m.IngediendBedrag)
    if bedrag is None or referentie is None:
        return
    credit = kind_achteraan(bedrag, b.DebetCredit)
    is_credit = credit is not None and credit.text == CREDIT
    met_vorig = kind_achteraan(referentie, b.VorigReferentieNummer) is not None
    if is_credit and not met_vorig:
        yield Bevinding(element, "VorigReferentieNummer is verplicht bij een creditprestatie (C).")
    elif met_vorig and not is_credit:
        yield Bevinding(
            element, "VorigReferentieNummer moet leeg zijn als het ingediende bedrag debet (D) is."
        )


def _cd087_mogelijk(ctx: Context, tags: frozenset[str]) -> bool:
    """Some Eenheid 83, or some Eenheid not directly followed by its ProductTarief."""
    for tag in tags:
        product_tarief = namen(tag[1 : tag.index("}")]).ProductTarief
        for eenheid in ctx.root.iter(tag):
            if eenheid.text == EENHEID_EUROS:
                return True
            volgend = eenheid.getnext()
            if volgend is None or volgend.tag != product_tarief:
                return True
    return False


@regel(
    "CD087",
    vooraf=_cd087_mogelijk,
    titel="ProductTarief vullen als Eenheid niet 83 (euro's) is, anders leeg laten",
    filter="(. = '83') = boolean(../m:ProductTarief)",
)
def cd087(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CD087: Als eenheid ongelijk is aan 83 (euro's) dan verplicht vullen, anders leeg laten
    (ProductTarief)."""
    # ProductTarief directly follows Eenheid in the Prestatie sequence.
    met_tarief = volgende(element, namen(namespace_van(element)).ProductTarief) is not None
    if element.text != EENHEID_EUROS and not met_tarief:
        yield Bevinding(
            element, f"ProductTarief is verplicht bij Eenheid {element.text} (niet euro's)."
        )
    elif element.text == EENHEID_EUROS and met_tarief:
        yield Bevinding(element, "ProductTarief moet leeg zijn bij Eenheid 83 (euro's).")
