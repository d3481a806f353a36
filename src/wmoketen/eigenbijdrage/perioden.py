"""The periods of Wmo support of one person, from the deliveries of all his provisions.

Pure functions, no database (``queries.leveringen`` reads the rows, ``services.werk_bij``
writes the register). The rules (docs/eigenbijdrage.md):

* a delivery runs from its start (305) to its stop (307), or to the allocation's einddatum
  while no stop was reported;
* deliveries that overlap or adjoin (the next starts at most the day after) are one period:
  the CAK hears one start and one stop per person, not per provision;
* a pause (307 reden 20) followed within ``ONDERBREKING_DAGEN`` by a restart is bridged; a
  pause without a restart yet is bridged while that many days have not passed;
* an end on or after ``op`` (today) has not happened yet: the period is still running;
* support before the 18th birthday does not count: a period that spans it starts on it (and
  not before that day has come).
"""

import calendar
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date

from istandaarden.regels.cs import (
    DATUMGEBRUIK_DAG_MAAND_ONBEKEND,
    DATUMGEBRUIK_DAG_ONBEKEND,
    DATUMGEBRUIK_ONBEKEND,
)

from .constants import MEERDERJARIG, ONDERBREKING_DAGEN


@dataclass(frozen=True)
class Levering:
    """One delivery of one provision: its first and last day, and whether it ended in a pause."""

    begindatum: date
    einddatum: date | None = None
    pauze: bool = False


@dataclass(frozen=True)
class Periode:
    begindatum: date
    einddatum: date | None = None


def achttien_op(geboortedatum: date | None, datumgebruik: str = "") -> date | None:
    """The first day on which the person is certainly 18, or None when the birth date is
    unknown. A partly unknown date counts from the latest day it can be (day unknown: the
    month's last day; day and month unknown: 31 December). Born on 29 February: 1 March in a
    year without one (as ``clienten.plausibiliteit.leeftijd`` counts)."""
    if geboortedatum is None or datumgebruik == DATUMGEBRUIK_ONBEKEND:
        return None
    jaar = geboortedatum.year + MEERDERJARIG
    if datumgebruik == DATUMGEBRUIK_DAG_MAAND_ONBEKEND:
        return date(jaar, 12, 31)
    if datumgebruik == DATUMGEBRUIK_DAG_ONBEKEND:
        maand = geboortedatum.month
        return date(jaar, maand, calendar.monthrange(jaar, maand)[1])
    try:
        return geboortedatum.replace(year=jaar)
    except ValueError:  # 29 February
        return date(jaar, 3, 1)


def perioden(leveringen: Iterable[Levering], *, meerderjarig_op: date, op: date) -> list[Periode]:
    """The person's periods of support from ``meerderjarig_op`` on, as known on ``op``."""
    gestart = [lev for lev in leveringen if lev.begindatum <= op]
    uitkomst = []
    for samen in _samengevoegd(gestart):
        periode = _afgesloten(samen, op)
        begin = max(periode.begindatum, meerderjarig_op)
        if begin > op or (periode.einddatum is not None and periode.einddatum < begin):
            continue  # adult only after it ended, or not yet
        uitkomst.append(replace(periode, begindatum=begin))
    return uitkomst


def _samengevoegd(leveringen: list[Levering]) -> Iterator[Levering]:
    huidige = None
    for levering in sorted(leveringen, key=lambda lev: lev.begindatum):
        if huidige is not None and _sluit_aan(huidige, levering):
            huidige = _verleng(huidige, levering)
            continue
        if huidige is not None:
            yield huidige
        huidige = levering
    if huidige is not None:
        yield huidige


def _onderbreking(einde: date, hervat: date) -> int:
    """The days without support between a last day and a first day again."""
    return (hervat - einde).days - 1


def _sluit_aan(huidige: Levering, volgende: Levering) -> bool:
    if huidige.einddatum is None:
        return True
    toegestaan = ONDERBREKING_DAGEN if huidige.pauze else 0
    return _onderbreking(huidige.einddatum, volgende.begindatum) <= toegestaan


def _verleng(huidige: Levering, volgende: Levering) -> Levering:
    if huidige.einddatum is None or volgende.einddatum is None:
        return replace(huidige, einddatum=None, pauze=False)
    if volgende.einddatum > huidige.einddatum:
        return replace(huidige, einddatum=volgende.einddatum, pauze=volgende.pauze)
    if volgende.einddatum == huidige.einddatum:
        return replace(huidige, pauze=huidige.pauze or volgende.pauze)
    return huidige


def _afgesloten(levering: Levering, op: date) -> Periode:
    """The period, open while its end has not passed or a pause may still be bridged."""
    einde = levering.einddatum
    if einde is None or einde >= op:
        return Periode(levering.begindatum)
    if levering.pauze and _onderbreking(einde, op) <= ONDERBREKING_DAGEN:
        return Periode(levering.begindatum)
    return Periode(levering.begindatum, einde)
