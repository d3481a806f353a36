"""Constraints (CS) on the declaratie (323) and declaratie-antwoord (325).

A 323 can hold 10,000 prestaties, so these functions are on the hot path: each does a handful
of direct child lookups and no path parsing. DeclaratiePeriode, ProductPeriode and the amounts
(CDT_GeslotenPeriode, CDT_BedragMetDC, CDT_TotaalBedragMetDC) have basisschema children.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date

from lxml import etree

from istandaarden.regels.cd_cs_hulp import (
    datum,
    geheel_getal,
    kind,
    kind_achteraan,
    tekst,
)
from istandaarden.regels.registry import Bevinding, Context, regel

EERSTE_DECLARATIEDATUM = date(2021, 1, 1)  # CS100: declaring per month since 2021
EENHEID_EUROS = "83"  # codelist WJ756 "Eenheid": 83 = euro's
DEBET = "D"  # codelist COD043 "Indicatie debet/credit"


def _periode(element: etree._Element, ctx: Context) -> tuple[date | None, date | None]:
    """(Begindatum, Einddatum) of a CDT_GeslotenPeriode element."""
    b = ctx.b
    return datum(tekst(element, b.Begindatum)), datum(tekst(element, b.Einddatum))


# ``vooraf`` checks (see registry): whole-message columns, False = certainly no violation.


def _cs100_mogelijk(ctx: Context, tags: frozenset[str]) -> bool:
    """Some date before 2021 (XSD-valid dates are YYYY-MM-DD: they compare as text)."""
    grens = EERSTE_DECLARATIEDATUM.isoformat()
    return any(tekst.strip() < grens for tag in tags for tekst in ctx.teksten(tag))


@regel(
    "CS100",
    titel="Vullen met een datum groter dan of gelijk aan 01-01-2021",
    vooraf=_cs100_mogelijk,
)
def cs100(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CS100: Vullen met een datum die groter dan of gelijk is aan 01-01-2021
    (DeclaratiePeriode / ProductPeriode: Begindatum)."""
    begin = datum(element.text)
    if begin is not None and begin < EERSTE_DECLARATIEDATUM:
        yield Bevinding(
            element, f"Begindatum {begin.isoformat()} ligt voor 01-01-2021; dat mag niet."
        )


def _cs325_mogelijk(ctx: Context, tags: frozenset[str]) -> bool:
    """Only a DebetCredit other than D can break CS325."""
    return any(tekst != DEBET for tekst in ctx.teksten("b:DebetCredit"))


@regel(
    "CS325",
    titel="Indien (Totaal)Bedrag 0 is, dan DebetCredit vullen met D (Debet)",
    vooraf=_cs325_mogelijk,
)
def cs325(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CS325: Indien (Totaal)Bedrag de waarde 0 heeft, dan DebetCredit vullen met D (Debet).

    Checked on every amount with a DebetCredit (CDT_BedragMetDC, CDT_TotaalBedragMetDC).
    """
    b = ctx.b
    debet_credit = kind_achteraan(element, b.DebetCredit)
    if debet_credit is None or debet_credit.text == DEBET:
        return
    bedrag = kind_achteraan(element, b.Bedrag, b.TotaalBedrag)
    if bedrag is not None and geheel_getal(bedrag.text) == 0:
        yield Bevinding(element, f"Een bedrag van 0 moet debet (D) zijn, niet {debet_credit.text}.")


def _cs337_mogelijk(ctx: Context, tags: frozenset[str]) -> bool:
    """Not every Begindatum and Einddatum of the message in one and the same month."""
    maanden = {
        tekst.strip().rsplit("-", 1)[0]
        for naam in ("b:Begindatum", "b:Einddatum")
        for tekst in ctx.teksten(naam)
    }
    return len(maanden) > 1


@regel(
    "CS337",
    titel="Einddatum ProductPeriode in dezelfde kalendermaand en jaar als Begindatum",
    vooraf=_cs337_mogelijk,
)
def cs337(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CS337: Einddatum in de ProductPeriode vullen met een datum die valt in dezelfde
    kalendermaand en jaar als de Begindatum van de ProductPeriode. Checked on Prestatie."""
    periode = kind(element, ctx.m.ProductPeriode)
    if periode is None:
        return
    b = ctx.b
    begin, einde = tekst(periode, b.Begindatum), kind_achteraan(periode, b.Einddatum)
    if begin is None or einde is None:
        return
    # Compare the year-month part of the xs:date texts (no timezone, per the schemas).
    if begin.strip().rsplit("-", 1)[0] != (einde.text or "").strip().rsplit("-", 1)[0]:
        yield Bevinding(
            element,
            f"ProductPeriode loopt van {begin.strip()} tot {(einde.text or '').strip()}: "
            "Einddatum moet in dezelfde kalendermaand vallen als Begindatum.",
        )


def _cs339_mogelijk(ctx: Context, tags: frozenset[str]) -> bool:
    """Only a Prestatie with Eenheid 83 is in scope."""
    return EENHEID_EUROS in ctx.teksten("m:Eenheid")


@regel(
    "CS339",
    vooraf=_cs339_mogelijk,
    titel="Bij Eenheid 83 (euro's) moet IngediendBedrag gelijk zijn aan GeleverdVolume",
    filter="not(m:GeleverdVolume = m:IngediendBedrag/b:Bedrag)",
)
def cs339(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CS339: Indien Eenheid de waarde 83 (euro's) heeft, moet IngediendBedrag gelijk zijn aan
    GeleverdVolume. Checked on Prestatie with Eenheid 83."""
    m = ctx.m
    if tekst(element, m.Eenheid) != EENHEID_EUROS:
        return
    volume = geheel_getal(tekst(element, m.GeleverdVolume))
    ingediend = kind_achteraan(element, m.IngediendBedrag)
    if ingediend is None:
        return
    bedrag = geheel_getal(tekst(ingediend, ctx.b.Bedrag))
    if volume is not None and bedrag is not None and volume != bedrag:
        yield Bevinding(
            element,
            f"Bij Eenheid 83 (euro's) moet IngediendBedrag ({bedrag}) gelijk zijn aan "
            f"GeleverdVolume ({volume}).",
        )


@regel("CS340", titel="De periode is exact gelijk aan 1 hele kalendermaand")
def cs340(element: etree._Element, ctx: Context) -> Iterator[Bevinding]:
    """CS340: De periode is exact gelijk aan 1 hele kalendermaand (DeclaratiePeriode)."""
    begin, einde = _periode(element, ctx)
    if begin is None or einde is None:
        return
    laatste_dag = calendar.monthrange(begin.year, begin.month)[1]
    if begin.day != 1 or einde != begin.replace(day=laatste_dag):
        yield Bevinding(
            element,
            f"DeclaratiePeriode {begin.isoformat()} t/m {einde.isoformat()} is niet precies "
            "één hele kalendermaand.",
        )
