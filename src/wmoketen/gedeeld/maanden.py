"""Calendar months (pure date arithmetic, no database)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def maand_van(d: date) -> tuple[date, date]:
    """The first and last day of ``d``'s calendar month."""
    laatste_dag = calendar.monthrange(d.year, d.month)[1]
    return d.replace(day=1), d.replace(day=laatste_dag)


def volgende_maand(begin: date) -> date:
    """The first day of the calendar month after ``begin``'s month."""
    return maand_van(begin)[1] + timedelta(days=1)


def maanden(begindatum: date, einddatum: date) -> list[date]:
    """The first day of every calendar month from ``begindatum``'s to ``einddatum``'s."""
    maand, eind, lijst = maand_van(begindatum)[0], maand_van(einddatum)[0], []
    while maand <= eind:
        lijst.append(maand)
        maand = volgende_maand(maand)
    return lijst
