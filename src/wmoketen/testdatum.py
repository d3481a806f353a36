"""Test dates that move along with the real today.

Tests written on 4 December 2026 used fixed dates around then, while the code under test asks
for the real today (``date.today()``, ``timezone.localdate()``): current allocations, deadlines,
worklists. ``dag(2026, 3, 9)`` is 9 March 2026 moved on by the whole weeks between 4 December
2026 and today, so it keeps its weekday and (within six days) its distance to today.
"""

from datetime import date, timedelta

GESCHREVEN_OP = date(2026, 12, 4)


def verschuiving() -> timedelta:
    """The whole weeks from the day the tests were written to today."""
    return timedelta(weeks=(date.today() - GESCHREVEN_OP).days // 7)


def dag(jaar: int, maand: int, dag_: int) -> date:
    """``date(jaar, maand, dag_)`` moved on to today's week, on the same weekday."""
    return date(jaar, maand, dag_) + verschuiving()
