"""The largest GeleverdVolume a toewijzing's Omvang allows: per ProductPeriode (TR321 with
IV076, IV077, IV078) and over the whole toewijzing (TR322).

Pure date arithmetic, no database. ``volume`` and ``frequentie`` (WMO757, the same codes in
iJw) come from the ToegewezenProduct's Omvang, ``variant`` from the contract line
(organisaties.constants.Uitvoeringsvariant). A result is a number in the Omvang's eenheid
(eurocent for eenheid 83). None means the Omvang sets no such cap: no Omvang (a budget), an
open-ended toewijzing for the total, or frequentie 6 for a single period.

Assumption (not in the texts): outputgericht per week for a toewijzing without any Sunday (a
few days inside one week) counts that one broken week in the ProductPeriode that holds the
toewijzing's Einddatum, since there is no "laatste zondag van de toewijzing" (IV077).
"""

from __future__ import annotations

from datetime import date, timedelta

from wmoketen.organisaties.constants import Uitvoeringsvariant
from wmoketen.toewijzingen.constants import FREQUENTIE_PER_WEEK

# WMO757 Frequentie (iWmo and iJw 3.2).
PER_DAG = "1"
PER_WEEK = FREQUENTIE_PER_WEEK  # "2"
PER_MAAND = "4"
TOTAAL_BINNEN_GELDIGHEIDSDUUR = "6"

HUISHOUDELIJKE_ONDERSTEUNING = "01"  # Wmo productcategorie 01 (TR321, IV077)
WEKEN_HUISHOUDELIJKE_ONDERSTEUNING = 6  # TR321: at most 6 x the weekly volume per period
ZONDAG = 6  # date.weekday()


def max_in_periode(
    *,
    volume: int | None,
    frequentie: str,
    productcategorie: str,
    variant: str,
    begin: date,
    eind: date,
    toewijzing_ingang: date,
    toewijzing_eind: date | None,
) -> int | None:
    """TR321: the largest GeleverdVolume of one Prestatie with ProductPeriode ``begin`` ..
    ``eind`` for a toewijzing of ``volume`` per ``frequentie``; only the part of the period
    within the toewijzing counts (0 when none). None without a per-period cap: no Omvang or
    frequentie 6 (only the total applies, TR322). Raises ValueError for an unknown frequentie,
    and for frequentie per week with a variant that is neither inspanningsgericht nor
    outputgericht (IV077 step 1 knows only those two; taakgericht is not declared with a 323)
    unless productcategorie 01 makes the variant irrelevant."""
    if volume is None or not frequentie or frequentie == TOTAAL_BINNEN_GELDIGHEIDSDUUR:
        return None
    deel = _binnen(begin, eind, toewijzing_ingang, toewijzing_eind)
    if deel is None:
        return 0
    if frequentie == PER_DAG:
        return _dagen(*deel) * volume
    if frequentie == PER_MAAND:
        return _maanden(*deel) * volume  # IV078: a broken month may hold the whole volume
    if frequentie == PER_WEEK:
        weken = _weken_in_periode(
            productcategorie, variant, deel, toewijzing_ingang, toewijzing_eind
        )
        return weken * volume
    raise ValueError(f"Onbekende frequentie {frequentie!r} (WMO757).")


def max_totaal(
    *,
    volume: int | None,
    frequentie: str,
    productcategorie: str,
    variant: str,
    ingang: date,
    eind: date | None,
) -> int | None:
    """TR322: the largest sum of GeleverdVolume over every Prestatie of a toewijzing from
    ``ingang`` to ``eind``: its Omvang over its whole duration. Frequentie 6 allows ``volume``
    itself; per dag the days, per week the ISO calendar weeks the toewijzing touches, broken
    weeks included (IV077's "maximaal volume over de toewijzingsperiode", for both variants:
    for outputgericht its Sundays plus the broken last week are those same weeks), per maand
    the calendar months it touches (IV078: a broken month may hold the whole volume). The
    productcategorie 01 allowance (6 x per period) is per period only: IV077 checks the total
    against this same maximum. None without an Omvang or, for frequenties 1, 2 and 4, without
    an Einddatum. ``productcategorie`` and ``variant`` do not change the total."""
    if volume is None or not frequentie:
        return None
    if frequentie == TOTAAL_BINNEN_GELDIGHEIDSDUUR:
        return volume
    if frequentie not in (PER_DAG, PER_WEEK, PER_MAAND):
        raise ValueError(f"Onbekende frequentie {frequentie!r} (WMO757).")
    if eind is None:
        return None
    if eind < ingang:
        return 0
    tellers = {PER_DAG: _dagen, PER_WEEK: _kalenderweken, PER_MAAND: _maanden}
    return tellers[frequentie](ingang, eind) * volume


def _binnen(
    begin: date, eind: date, ingang: date, toewijzing_eind: date | None
) -> tuple[date, date] | None:
    """The part of ``begin`` .. ``eind`` within the toewijzing, None when empty."""
    van = max(begin, ingang)
    tot = eind if toewijzing_eind is None else min(eind, toewijzing_eind)
    return (van, tot) if van <= tot else None


def _weken_in_periode(
    productcategorie: str,
    variant: str,
    deel: tuple[date, date],
    ingang: date,
    toewijzing_eind: date | None,
) -> int:
    """How many weekly volumes fit in the ProductPeriode ``deel`` (already within the
    toewijzing) for frequentie per week: one of IV077's three methods."""
    if productcategorie == HUISHOUDELIJKE_ONDERSTEUNING:
        return WEKEN_HUISHOUDELIJKE_ONDERSTEUNING  # TR321, IV077: always 6 x, any period
    if variant == Uitvoeringsvariant.INSPANNINGSGERICHT:
        return _kalenderweken(*deel)
    if variant == Uitvoeringsvariant.OUTPUTGERICHT:
        return _zondagen(*deel) + _laatste_gebroken_week(deel, ingang, toewijzing_eind)
    raise ValueError(
        f"Geen rekenmethode voor frequentie per week bij uitvoeringsvariant {variant!r} (IV077)."
    )


def _dagen(begin: date, eind: date) -> int:
    """The days from ``begin`` to ``eind`` inclusive."""
    return (eind - begin).days + 1


def _maanden(begin: date, eind: date) -> int:
    """The calendar months that ``begin`` .. ``eind`` touches."""
    return (eind.year - begin.year) * 12 + eind.month - begin.month + 1


def _kalenderweken(begin: date, eind: date) -> int:
    """IV077 inspanningsgericht: the ISO-8601 calendar weeks (Monday to Sunday) that
    ``begin`` .. ``eind`` touches, broken weeks included ("de weeknummers tellen"). Counting
    Mondays handles week 53 and a week across 31 December / 1 January."""
    eerste_maandag = begin - timedelta(days=begin.weekday())
    laatste_maandag = eind - timedelta(days=eind.weekday())
    return (laatste_maandag - eerste_maandag).days // 7 + 1


def _zondagen(begin: date, eind: date) -> int:
    """IV076/IV077 outputgericht: the Sundays from ``begin`` to ``eind`` inclusive."""
    eerste_zondag = begin + timedelta(days=(ZONDAG - begin.weekday()) % 7)
    if eerste_zondag > eind:
        return 0
    return (eind - eerste_zondag).days // 7 + 1


def _laatste_gebroken_week(deel: tuple[date, date], ingang: date, eind: date | None) -> int:
    """IV077 outputgericht: 1 when the toewijzing does not end on a Sunday and its last Sunday
    lies in ``deel`` (IV076: the broken last week goes with the period of that Sunday)."""
    if eind is None or eind.weekday() == ZONDAG:
        return 0
    laatste_zondag = eind - timedelta(days=eind.weekday() + 1)
    if laatste_zondag < ingang:
        laatste_zondag = eind  # no Sunday at all: see the module docstring
    return int(deel[0] <= laatste_zondag <= deel[1])
