"""Constraints (CS) of iWmo 3.2 and iJw 3.2: limits on the values of an element.

Persons, addresses, dates and the product classes of 301/315/317 live here; the declaratie
(323/325) constraints in ``cs_declaratie``. Each function gets one element that
``regel-scope.md`` lists for the rule and yields a ``Bevinding`` on that element.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from lxml import etree

from istandaarden.regels import cs_declaratie  # noqa: F401  (registers the 323/325 constraints)
from istandaarden.regels.cd_cs_hulp import (
    datum,
    einddatum_na_2020_of_leeg,
    namen,
    namespace_van,
)
from istandaarden.regels.registry import Bevinding, Context, regel

# Elfproef weights for the nine BSN digits (see jaapjunior-ijw-3.2/elfproef.md).
ELFPROEF_GEWICHTEN = (9, 8, 7, 6, 5, 4, 3, 2, -1)

# Codelist COD700 "Naamgebruik" (LDT_NaamGebruik).
NAAMGEBRUIK_MET_PARTNER = frozenset({"1", "2", "3", "4"})
NAAMGEBRUIK_ZONDER_PARTNER = frozenset({"1", "6"})  # 1 eigen naam, 6 niet-natuurlijk persoon
NAAMGEBRUIK_NIET_NATUURLIJK_PERSOON = "6"

# Codelist COD170 "Datumgebruik" (LDT_DatumGebruik) and the dates CS139 requires for them.
DATUMGEBRUIK_DAG_ONBEKEND = "1"  # only month and year known: day 01
DATUMGEBRUIK_DAG_MAAND_ONBEKEND = "2"  # only the year known: 01-01
DATUMGEBRUIK_ONBEKEND = "3"  # nothing known: 01-01-1900
ONBEKENDE_DATUM = date(1900, 1, 1)

# Codelist COD467 "Status aanlevering" (LDT_StatusAanlevering): 1 eerste aanlevering,
# 3 verwijderen aanlevering (2 gewijzigde aanlevering is not allowed in 305/307).
STATUS_AANLEVERING_TOEGESTAAN = frozenset({"1", "3"})

# Codelist COD032 "Land": NL; CS089's format of a Dutch postcode (iJw CS089 "Uitleg").
LANDCODE_NEDERLAND = "NL"
NEDERLANDSE_POSTCODE = re.compile(r"[1-9][0-9]{3}[a-zA-Z]{2}")

# Codelist WMO002 (iWmo) / JZ002 (iJw) "Reden wijziging toewijzing" (LDT_RedenWijziging).
REDEN_WIJZIGING_VERWIJDERD = "13"
REDEN_WIJZIGING_VERVALLEN = "01"  # administratieve correctie (vervallen)

# Codelists WJ756 "Eenheid" and WMO757 "Frequentie" for CS338/CS343:
# 14 etmaal, 16 dagdeel, 83 euro's, 84 stuks (inspanning) need frequentie 2 per week,
# 4 per maand or 6 totaal binnen geldigheidsduur toewijzing.
EENHEDEN_MET_PERIODE_FREQUENTIE = frozenset({"14", "16", "83", "84"})
FREQUENTIES_PERIODE = frozenset({"2", "4", "6"})

# CS003: the begin date that goes with an end date, by the end date's local name (siblings).
BEGIN_BIJ_EINDE = {
    "Einddatum": ("Begindatum", "Ingangsdatum", "GewensteIngangsdatum"),
    "ToewijzingEinddatum": ("ToewijzingIngangsdatum",),
}


# XPath prefilters (see registry): each selects a superset of the violations, so that in a
# valid message the Python function is rarely called. The functions stay the authority.
_EENHEID_FREQUENTIE_FILTER = (
    "(. = '14' or . = '16' or . = '83' or . = '84')"
    " and not(../b:Frequentie = '2' or ../b:Frequentie = '4' or ../b:Frequentie = '6')"
)


# ---------------------------------------------------------------- persons


def voldoet_aan_elfproef(bsn: str) -> bool:
    """Whether a nine-digit BSN passes the elfproef (weights 9..2 and -1, sum divisible by 11)."""
    if len(bsn) != 9 or not bsn.isascii() or not bsn.isdigit():
        return False
    c = bsn.encode("ascii")  # digit values: byte - 48 (the offset sums to 48 * 43)
    som = 9 * c[0] + 8 * c[1] + 7 * c[2] + 6 * c[3] + 5 * c[4] + 4 * c[5] + 3 * c[6]
    return (som + 2 * c[7] - c[8] - _ELFPROEF_NUL) % 11 == 0


_ELFPROEF_NUL = ord("0") * sum(ELFPROEF_GEWICHTEN)


@regel("CS002", titel="De waarde moet voldoen aan de 11-proef")
def cs002(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CS002: De waarde moet voldoen aan de 11-proef (Bsn)."""
    bsn = element.text or ""
    if not voldoet_aan_elfproef(bsn):
        yield Bevinding(element, f"Bsn {bsn} voldoet niet aan de elfproef.")


@regel(
    "CS050", titel="NaamGebruik 1-4 als Partnernaam gevuld is, anders 1 of 6", filter="not(. = '1')"
)
def cs050(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CS050: Als Partnernaam gevuld is, dan NaamGebruik vullen met waarde 1, 2, 3 of 4.
    Anders waarde 1 of 6 vullen."""
    waarde = element.text  # Partnernaam precedes NaamGebruik in CDT_Naam
    if namen(namespace_van(element)).Partnernaam in ctx.kaart(element.getparent()):
        if waarde not in NAAMGEBRUIK_MET_PARTNER:
            yield Bevinding(
                element,
                f"NaamGebruik {waarde} is niet toegestaan: met Partnernaam 1, 2, 3 of 4 vullen.",
            )
    elif waarde not in NAAMGEBRUIK_ZONDER_PARTNER:
        yield Bevinding(
            element,
            f"NaamGebruik {waarde} is niet toegestaan: zonder Partnernaam 1 of 6 vullen.",
        )


@regel("CS318", titel="NaamGebruik 6 (Niet-natuurlijk persoon) niet vullen", filter=". = '6'")
def cs318(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CS318: NaamGebruik 6 (Niet-natuurlijk persoon) niet vullen (Client / Naam)."""
    if element.text == NAAMGEBRUIK_NIET_NATUURLIJK_PERSOON:
        yield Bevinding(
            element, "NaamGebruik 6 (niet-natuurlijk persoon) is niet toegestaan voor de client."
        )


@regel("CS139", titel="DatumGebruik en Datum moeten met elkaar in overeenstemming zijn")
def cs139(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CS139: Voor Geboortedatum geldt dat DatumGebruik en Datum met elkaar in overeenstemming
    moeten zijn: DatumGebruik 3 -> Datum 01-01-1900; 2 -> 01-01-EEJJ; 1 -> 01-MM-EEJJ."""
    b, kaart = ctx.b, ctx.kaart(element)
    gebruik_element, datum_element = kaart.get(b.DatumGebruik), kaart.get(b.Datum)
    gebruik = None if gebruik_element is None else (gebruik_element.text or "")
    waarde = None if datum_element is None else datum(datum_element.text or "")
    if gebruik is None or waarde is None:
        return
    if gebruik == DATUMGEBRUIK_ONBEKEND:
        goed, verwacht = waarde == ONBEKENDE_DATUM, "1900-01-01"
    elif gebruik == DATUMGEBRUIK_DAG_MAAND_ONBEKEND:
        goed, verwacht = waarde.month == 1 and waarde.day == 1, "1 januari (EEJJ-01-01)"
    elif gebruik == DATUMGEBRUIK_DAG_ONBEKEND:
        goed, verwacht = waarde.day == 1, "de eerste van de maand (EEJJ-MM-01)"
    else:
        return
    if not goed:
        yield Bevinding(
            element,
            f"Datum {waarde.isoformat()} past niet bij DatumGebruik {gebruik}: "
            f"verwacht {verwacht}.",
        )


# ---------------------------------------------------------------- addresses and dates


@regel(
    "CS089",
    titel="Bij LandCode NL moet Postcode het formaat van een Nederlandse postcode hebben",
    filter=". = 'NL'",
)
def cs089(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CS089: Als LandCode de waarde NL (Nederland) heeft, dan moet het formaat overeenkomen met
    dat van een Nederlandse postcode ([1-9][0-9]{3}[a-zA-Z]{2}). Checked on LandCode."""
    if element.text != LANDCODE_NEDERLAND:
        return
    # Postcode precedes LandCode in CDT_Adres.
    postcode_element = ctx.kaart(element.getparent()).get(namen(namespace_van(element)).Postcode)
    if postcode_element is None:
        return
    postcode = postcode_element.text or ""
    if NEDERLANDSE_POSTCODE.fullmatch(postcode) is None:
        yield Bevinding(
            element,
            f"Postcode {postcode!r} is geen Nederlandse postcode (1234AB) bij LandCode NL.",
        )


@regel("CS003", titel="Einddatum groter dan of gelijk aan de begindatum van de periode")
def cs003(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CS003: Indien van toepassing vullen met een waarde die groter is dan, of gelijk is aan de
    Begindatum (of Ingangsdatum) van de aangeduide periode.

    The begin date is a preceding sibling of the end date: Begindatum (Periode), Ingangsdatum
    (ToegewezenProduct), GewensteIngangsdatum (317) or ToewijzingIngangsdatum (315); no type
    has two of them, and it precedes the end date (XSD sequence).
    """
    kaart = ctx.kaart(element.getparent())
    for tag in _begin_tags(element.tag):
        begin_element = kaart.get(tag)
        if begin_element is not None:
            break
    if begin_element is None:
        return
    einde, begin = datum(element.text), datum(begin_element.text)
    if einde is not None and begin is not None and einde < begin:
        yield Bevinding(
            element,
            f"{etree.QName(element).localname} {einde.isoformat()} ligt voor "
            f"{etree.QName(begin_element).localname} {begin.isoformat()}.",
        )


_BEGIN_TAGS: dict[str, tuple[str, ...]] = {}


def _begin_tags(eind_tag: str) -> tuple[str, ...]:
    """Clark names of the begin dates that go with end date ``eind_tag`` (cached)."""
    tags = _BEGIN_TAGS.get(eind_tag)
    if tags is None:
        uri, _, lokaal = eind_tag[1:].partition("}")
        n = namen(uri)
        tags = _BEGIN_TAGS[eind_tag] = tuple(getattr(n, naam) for naam in BEGIN_BIJ_EINDE[lokaal])
    return tags


# ---------------------------------------------------------------- 305/307 and products


@regel(
    "CS058",
    titel="StatusAanlevering 1 (eerste aanlevering) of 3 (verwijderen) vullen",
    filter="not(. = '1' or . = '3')",
)
def cs058(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CS058: 1 (eerste aanlevering) of 3 (verwijderen aanlevering) vullen (StatusAanlevering)."""
    if element.text not in STATUS_AANLEVERING_TOEGESTAAN:
        yield Bevinding(
            element,
            f"StatusAanlevering {element.text} is niet toegestaan: "
            "1 (eerste aanlevering) of 3 (verwijderen aanlevering) vullen.",
        )


@regel(
    "CS335",
    titel="RedenWijziging 13 (verwijderd) alleen als ingangsdatum gelijk is aan einddatum",
    filter="not(m:Einddatum = m:Ingangsdatum)",
)
def cs335(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CS335: RedenWijziging 13 (verwijderd) mag alleen gebruikt worden indien de ingangsdatum
    gelijk is aan de einddatum. Checked on ToegewezenProduct with RedenWijziging 13."""
    m, kaart = ctx.m, ctx.kaart(element)
    reden = kaart.get(m.RedenWijziging)
    if reden is None or (reden.text or "") != REDEN_WIJZIGING_VERWIJDERD:
        return
    ingang_element, eind_element = kaart.get(m.Ingangsdatum), kaart.get(m.Einddatum)
    ingang = None if ingang_element is None else datum(ingang_element.text or "")
    einde = None if eind_element is None else datum(eind_element.text or "")
    if einde is None or ingang != einde:
        yield Bevinding(
            element,
            "RedenWijziging 13 (verwijderd) mag alleen als Einddatum gelijk is aan Ingangsdatum.",
        )


@regel(
    "CS336",
    titel="RedenWijziging 01 (administratieve correctie (vervallen)) niet gebruiken",
    filter=". = '01'",
)
def cs336(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CS336: 01 (Administratieve correctie (vervallen)) niet gebruiken (RedenWijziging)."""
    if element.text == REDEN_WIJZIGING_VERVALLEN:
        yield Bevinding(
            element,
            "RedenWijziging 01 (administratieve correctie, vervallen) mag niet meer gebruikt "
            "worden.",
        )


def _frequentie_bij_eenheid(eenheid: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """Eenheid 14/16/83/84 with an end date after 2020 or none needs Frequentie 2, 4 or 6."""
    if eenheid.text not in EENHEDEN_MET_PERIODE_FREQUENTIE:
        return
    omvang = eenheid.getparent()
    if not einddatum_na_2020_of_leeg(omvang.getparent(), ctx):
        return
    # Frequentie follows Eenheid in CDT_Omvang.
    frequentie_element = ctx.kaart(omvang).get(namen(namespace_van(eenheid)).Frequentie)
    frequentie = None if frequentie_element is None else frequentie_element.text
    if frequentie not in FREQUENTIES_PERIODE:
        yield Bevinding(
            eenheid,
            f"Bij Eenheid {eenheid.text} moet Frequentie 2 (per week), 4 (per maand) of "
            f"6 (totaal binnen geldigheidsduur toewijzing) zijn, niet {frequentie}.",
        )


@regel(
    "CS338",
    titel="Bij eenheid 14, 16, 83 of 84 (Einddatum na 2020 of leeg) Frequentie 2, 4, 6",
    filter=_EENHEID_FREQUENTIE_FILTER,
)
def cs338(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CS338: Indien eenheid de waarde 14, 16, 83 of 84 heeft en Einddatum groter dan 31-12-2020
    of leeg is, dan Frequentie vullen met de waarde 2, 4 of 6. Checked on Omvang / Eenheid."""
    return _frequentie_bij_eenheid(element, ctx)


@regel(
    "CS343",
    titel="Bij eenheid 14, 16, 83 of 84 (ToewijzingEinddatum na 2020 of leeg) 2, 4, 6",
    filter=_EENHEID_FREQUENTIE_FILTER,
)
def cs343(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CS343: Indien eenheid de waarde 14, 16, 83 of 84 heeft en ToewijzingEinddatum is groter
    dan 31-12-2020 of leeg, dan Frequentie vullen met waarde 2, 4 of 6. Checked on Eenheid."""
    return _frequentie_bij_eenheid(element, ctx)
