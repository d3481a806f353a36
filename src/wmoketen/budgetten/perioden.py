"""Calendar-month arithmetic of a budget period (pure functions, no database)."""

import calendar
from datetime import date


def eerste_dag(datum: date) -> date:
    return datum.replace(day=1)


def laatste_dag(datum: date) -> date:
    return datum.replace(day=calendar.monthrange(datum.year, datum.month)[1])


def volgende_maand(maand: date) -> date:
    """The first day of the month after ``maand``'s."""
    if maand.month == 12:
        return date(maand.year + 1, 1, 1)
    return date(maand.year, maand.month + 1, 1)


def maanden(begindatum: date, einddatum: date) -> list[date]:
    """The first day of every calendar month from ``begindatum`` to ``einddatum``."""
    maand, eind, lijst = eerste_dag(begindatum), eerste_dag(einddatum), []
    while maand <= eind:
        lijst.append(maand)
        maand = volgende_maand(maand)
    return lijst


def verdeel(bedrag: int, aantal: int) -> list[int]:
    """``bedrag`` cent in ``aantal`` equal parts; the remainder cents go to the last part, so
    the parts add up to ``bedrag`` exactly (10000 over 3 → 3333, 3333, 3334)."""
    if aantal < 1:
        raise ValueError("at least one part")
    deel = bedrag // aantal
    return [deel] * (aantal - 1) + [bedrag - deel * (aantal - 1)]
