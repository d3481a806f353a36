"""Plain Python values from and for the generated bindings, shared by every reader and builder.

A binding holds a code list value as an enum member and a date as an ISO string; the apps
store codes as strings and dates as ``date``. No Django here.
"""

from __future__ import annotations

from datetime import date

__all__ = ["datum", "iso", "waarde"]


def waarde(veld):
    """A code list value as its code ("01"); any other value (or None) unchanged."""
    return getattr(veld, "value", veld)


def datum(veld) -> date | None:
    """A date element (an ISO string or an XmlDate) as a ``date``; None when absent."""
    return date.fromisoformat(str(veld)) if veld else None


def iso(dag: date | None) -> str | None:
    """A ``date`` for a date element; None (the element left out) when there is none."""
    return dag.isoformat() if dag else None
