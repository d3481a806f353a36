"""Periods of days as ``(begin, eind)`` tuples, both inclusive; an open end is ``date.max``."""

from datetime import date, timedelta

Periode = tuple[date, date]
DAG = timedelta(days=1)


def periode(begin: date, eind: date | None) -> Periode | None:
    """None when the period holds no day (the end lies before the begin)."""
    eind = eind or date.max
    return (begin, eind) if begin <= eind else None


def doorsnede(a: Periode | None, b: Periode | None) -> Periode | None:
    if a is None or b is None:
        return None
    return periode(max(a[0], b[0]), min(a[1], b[1]))


def zonder(perioden: list[Periode], af: list[Periode]) -> list[Periode]:
    """The days of ``perioden`` that lie in none of ``af``."""
    rest = list(perioden)
    for af_begin, af_eind in af:
        over = []
        for begin, eind in rest:
            if af_eind < begin or af_begin > eind:
                over.append((begin, eind))
                continue
            if begin < af_begin:
                over.append((begin, af_begin - DAG))
            if af_eind < eind:
                over.append((af_eind + DAG, eind))
        rest = over
    return rest


def tekst(p: Periode) -> str:
    eind = "…" if p[1] == date.max else f"{p[1]:%d-%m-%Y}"
    return f"{p[0]:%d-%m-%Y} – {eind}"
