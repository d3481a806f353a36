"""Werkdagen as the Algemene termijnenwet (Atw) counts them.

Not a werkdag: Saturday, Sunday, the algemeen erkende feestdagen of Atw art. 3 lid 1
(Nieuwjaarsdag, Tweede Paas- en Pinksterdag, both Kerstdagen, Hemelvaartsdag, Koningsdag and
5 mei, every year), Goede Vrijdag (art. 3 lid 2), the days equated by Koninklijk Besluit
(art. 3 lid 3, data in ``data/gelijkgestelde_dagen.json``) and, when a gemeente is given, that
gemeente's own closing days (``Sluitingsdag``).

The national calendar is cached per year; closing days are read from the database on each
call (a gemeente may add one at any moment).
"""

import calendar
import json
import logging
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import holidays

logger = logging.getLogger(__name__)

DATA = Path(__file__).parent / "data" / "gelijkgestelde_dagen.json"

# Atw art. 3: Eerste Paas- and Pinksterdag are Sundays; the library's public calendar has the
# rest, except 5 mei outside lustrum years (added below).
BEVRIJDINGSDAG = "Bevrijdingsdag"


@lru_cache(maxsize=1)
def _gelijkgestelde_dagen() -> dict[int, dict[date, str]]:
    with DATA.open(encoding="utf-8") as bestand:
        jaren = json.load(bestand)["jaren"]
    return {
        int(jaar): {date.fromisoformat(d["datum"]): d["omschrijving"] for d in dagen}
        for jaar, dagen in jaren.items()
    }


def jaren_met_besluit() -> list[int]:
    """Years for which the equated days (KB) are known."""
    return sorted(_gelijkgestelde_dagen())


@lru_cache(maxsize=64)
def feestdagen(jaar: int) -> dict[date, str]:
    """Every day of ``jaar`` that the Atw does not count as a werkdag (weekends aside)."""
    dagen = dict(holidays.NL(years=jaar, language="nl"))
    dagen.setdefault(date(jaar, 5, 5), BEVRIJDINGSDAG)
    gelijkgesteld = _gelijkgestelde_dagen()
    if jaar not in gelijkgesteld:
        logger.warning(
            "Geen gelijkgestelde dagen (KB) bekend voor %s: termijnen in dat jaar tellen alleen "
            "de feestdagen uit de wet. Voeg het jaar toe aan %s.",
            jaar,
            DATA.name,
        )
    dagen.update(gelijkgesteld.get(jaar, {}))
    return dict(sorted(dagen.items()))


def _gemeente_id(gemeente) -> int | None:
    return getattr(gemeente, "pk", gemeente)


def _sluitingsdagen(gemeente_id: int | None, van: date, tot: date) -> set[date]:
    if gemeente_id is None:
        return set()
    from .models import Sluitingsdag

    return set(
        Sluitingsdag.objects.filter(gemeente_id=gemeente_id, datum__range=(van, tot)).values_list(
            "datum", flat=True
        )
    )


class _Teller:
    """Walks day by day, fetching a gemeente's closing days one year at a time."""

    def __init__(self, gemeente):
        self.gemeente_id = _gemeente_id(gemeente)
        self._gesloten: dict[int, set[date]] = {}

    def is_werkdag(self, datum: date) -> bool:
        if datum.weekday() >= 5 or datum in feestdagen(datum.year):
            return False
        if self.gemeente_id is None:
            return True
        if datum.year not in self._gesloten:
            self._gesloten[datum.year] = _sluitingsdagen(
                self.gemeente_id, date(datum.year, 1, 1), date(datum.year, 12, 31)
            )
        return datum not in self._gesloten[datum.year]

    def verschuif(self, datum: date, aantal: int) -> date:
        """The ``aantal``-th werkdag after (positive) or before (negative) ``datum``."""
        stap = timedelta(days=1 if aantal >= 0 else -1)
        over = abs(aantal)
        while over:
            datum += stap
            if self.is_werkdag(datum):
                over -= 1
        return datum

    def eerste_werkdag(self, datum: date, *, terug: bool = False) -> date:
        """``datum`` itself when a werkdag, else the next (or previous) werkdag."""
        stap = timedelta(days=-1 if terug else 1)
        while not self.is_werkdag(datum):
            datum += stap
        return datum


def is_werkdag(datum: date, gemeente=None) -> bool:
    """Whether ``datum`` is a werkdag (Atw), and not a closing day of ``gemeente``."""
    return _Teller(gemeente).is_werkdag(datum)


def plus_werkdagen(datum: date, aantal: int, gemeente=None) -> date:
    """The ``aantal``-th werkdag after ``datum`` (the start day itself never counts).

    ``plus_werkdagen(date(2026, 12, 24), 3)`` is 2026-12-30: 25 and 26 December and the
    weekend do not count. A negative ``aantal`` counts back.
    """
    return _Teller(gemeente).verschuif(datum, aantal)


def min_werkdagen(datum: date, aantal: int, gemeente=None) -> date:
    """The ``aantal``-th werkdag before ``datum``."""
    return _Teller(gemeente).verschuif(datum, -aantal)


def volgende_werkdag(datum: date, gemeente=None) -> date:
    """``datum`` when it is a werkdag, else the first werkdag after it (Atw art. 1)."""
    return _Teller(gemeente).eerste_werkdag(datum)


def vorige_werkdag(datum: date, gemeente=None) -> date:
    """``datum`` when it is a werkdag, else the last werkdag before it."""
    return _Teller(gemeente).eerste_werkdag(datum, terug=True)


def werkdagen_tussen(van: date, tot: date, gemeente=None) -> int:
    """Werkdagen after ``van`` up to and including ``tot`` (negative when ``tot`` < ``van``).

    The inverse of :func:`plus_werkdagen`: ``werkdagen_tussen(d, plus_werkdagen(d, n)) == n``.
    """
    if tot < van:
        return -werkdagen_tussen(tot, van, gemeente)
    teller = _Teller(gemeente)
    return sum(teller.is_werkdag(van + timedelta(days=i)) for i in range(1, (tot - van).days + 1))


def plus_maanden(datum: date, aantal: int) -> date:
    """Calendar months later (or earlier); a day the month lacks becomes its last day."""
    jaar, maand = divmod(datum.year * 12 + datum.month - 1 + aantal, 12)
    laatste = calendar.monthrange(jaar, maand + 1)[1]
    return date(jaar, maand + 1, min(datum.day, laatste))
