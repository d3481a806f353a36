"""Werkdagen as the Algemene termijnenwet (Atw) counts them.

Not a werkdag: Saturday, Sunday, the algemeen erkende feestdagen of Atw art. 3 lid 1
(Nieuwjaarsdag, Tweede Paas- en Pinksterdag, both Kerstdagen, Hemelvaartsdag, Koningsdag and
5 mei, every year), Goede Vrijdag (art. 3 lid 2), the days equated by Koninklijk Besluit
(art. 3 lid 3, data in ``data/gelijkgestelde_dagen.json``) and, when a gemeente is given, that
gemeente's own closing days (``Sluitingsdag``).

The national calendar is cached per year. A gemeente's closing days are read from the
database once per request (``termijnen.middleware.KalenderMiddleware`` opens
:func:`per_verzoek`; a task or a long list may open it too) and otherwise once per call;
saving or deleting a ``Sluitingsdag`` empties the cache, so a gemeente may add one at any
moment.
"""

import calendar
import json
import logging
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import holidays
from django.db.models.signals import post_delete, post_save

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


# The closing days per gemeente id, while a request (or a :func:`per_verzoek` block) runs.
_gesloten: ContextVar[dict[int, frozenset[date]] | None] = ContextVar(
    "sluitingsdagen", default=None
)


@contextmanager
def per_verzoek() -> Iterator[None]:
    """Within the block each gemeente's closing days are read once (a request, a task, a list
    of rows); an inner block shares the outer one's cache."""
    if _gesloten.get() is not None:
        yield
        return
    token = _gesloten.set({})
    try:
        yield
    finally:
        _gesloten.reset(token)


def _lees(gemeente_ids: Iterable[int]) -> dict[int, frozenset[date]]:
    from .models import Sluitingsdag

    ids = sorted(set(gemeente_ids))
    dagen: dict[int, set[date]] = {pk: set() for pk in ids}
    for gemeente_id, datum in Sluitingsdag.objects.filter(gemeente_id__in=ids).values_list(
        "gemeente_id", "datum"
    ):
        dagen[gemeente_id].add(datum)
    return {pk: frozenset(d) for pk, d in dagen.items()}


def laad_sluitingsdagen(gemeenten: Iterable) -> None:
    """Read the closing days of several gemeenten (objects or ids) in one query into the
    open :func:`per_verzoek` cache (nothing happens outside one)."""
    cache = _gesloten.get()
    if cache is None:
        return
    nieuw = [pk for pk in map(_gemeente_id, gemeenten) if pk is not None and pk not in cache]
    if nieuw:
        cache.update(_lees(nieuw))


def sluitingsdagen(gemeente) -> frozenset[date]:
    """Every closing day of ``gemeente`` (object or id; none without one)."""
    gemeente_id = _gemeente_id(gemeente)
    if gemeente_id is None:
        return frozenset()
    cache = _gesloten.get()
    if cache is not None and gemeente_id in cache:
        return cache[gemeente_id]
    dagen = _lees([gemeente_id])[gemeente_id]
    if cache is not None:
        cache[gemeente_id] = dagen
    return dagen


def _vergeet(**kwargs) -> None:
    """A closing day was saved or deleted: read them all again (a rare change)."""
    cache = _gesloten.get()
    if cache is not None:
        cache.clear()


post_save.connect(_vergeet, sender="termijnen.Sluitingsdag", dispatch_uid="kalender_vergeet")
post_delete.connect(_vergeet, sender="termijnen.Sluitingsdag", dispatch_uid="kalender_weg")


class _Teller:
    """Walks day by day with a gemeente's closing days, read when first needed."""

    def __init__(self, gemeente):
        self.gemeente = gemeente
        self._gesloten: frozenset[date] | None = None

    def is_werkdag(self, datum: date) -> bool:
        if datum.weekday() >= 5 or datum in feestdagen(datum.year):
            return False
        if self._gesloten is None:
            self._gesloten = sluitingsdagen(self.gemeente)
        return datum not in self._gesloten

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
    Counted without walking the days: the weekdays, less the holidays and closing days among
    them.
    """
    if tot < van:
        return -werkdagen_tussen(tot, van, gemeente)
    weken, rest = divmod((tot - van).days, 7)
    doordeweeks = weken * 5 + sum(
        (van + timedelta(days=i)).weekday() < 5 for i in range(1, rest + 1)
    )
    vrij = _vrije_weekdagen(van.year, tot.year, sluitingsdagen(gemeente))
    return doordeweeks - (bisect_right(vrij, tot) - bisect_right(vrij, van))


@lru_cache(maxsize=256)
def _vrije_weekdagen(van_jaar: int, tot_jaar: int, gesloten: frozenset[date]) -> tuple[date, ...]:
    """The holidays and closing days of those years that fall on a weekday, in order (keyed
    by the closing days themselves, so a changed set is a new entry)."""
    vrij = set(gesloten)
    for jaar in range(van_jaar, tot_jaar + 1):
        vrij.update(feestdagen(jaar))
    return tuple(sorted(d for d in vrij if d.weekday() < 5))


def plus_maanden(datum: date, aantal: int) -> date:
    """Calendar months later (or earlier); a day the month lacks becomes its last day."""
    jaar, maand = divmod(datum.year * 12 + datum.month - 1 + aantal, 12)
    laatste = calendar.monthrange(jaar, maand + 1)[1]
    return date(jaar, maand + 1, min(datum.day, laatste))
