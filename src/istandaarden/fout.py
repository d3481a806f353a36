"""The one error type every validation level reports (parse, XSD, rules)."""

from __future__ import annotations

from collections.abc import Iterable, Sized
from dataclasses import dataclass

from lxml import etree

__all__ = [
    "MAX_FOUTEN",
    "Fout",
    "Fouten",
    "ParseFout",
    "element_pad",
    "getal",
    "meldingen",
    "nog_meer",
    "totaal",
]

# Findings kept, stored and shown per message; the rest is only counted. A hostile message
# can carry hundreds of thousands (one XSD error per stray attribute).
MAX_FOUTEN = 100


@dataclass(frozen=True, slots=True)
class Fout:
    """One finding: a rule code, its retourcode, where it is, and a Dutch message.

    ``code`` is the rule code ("TR380", "CS003", "CD041") or "XSD" / "PARSE".
    ``retourcode`` is "0001" for single-message rules and ``None`` for XSD / PARSE.
    ``xpath`` is positional without namespace prefixes: ``/Bericht[1]/Client[1]/...``.
    """

    code: str
    retourcode: str | None
    xpath: str | None
    line: int | None
    message: str

    def as_dict(self) -> dict[str, str | int | None]:
        return {
            "code": self.code,
            "retourcode": self.retourcode,
            "xpath": self.xpath,
            "line": self.line,
            "message": self.message,
        }


class Fouten(list):
    """The first findings of a check, in report order, and ``totaal``: how many there were.

    A list, so callers that iterate, test or compare it work unchanged; ``len`` is how many
    were kept.
    """

    def __init__(self, fouten: Iterable[Fout] = (), totaal: int | None = None) -> None:
        super().__init__(fouten)
        self.totaal = max(len(self), totaal or 0)


def totaal(fouten: Sized) -> int:
    """How many findings ``fouten`` stands for: a ``Fouten``' total, else its length."""
    return max(getattr(fouten, "totaal", 0), len(fouten))


def getal(aantal: int) -> str:
    """A count the Dutch way: 200000 -> "200.000"."""
    return f"{aantal:,}".replace(",", ".")


def nog_meer(getoond: int, aantal: int) -> str:
    """The line under a list cut off after ``getoond`` of ``aantal`` findings."""
    rest = aantal - getoond
    return (
        f"… en nog {getal(rest)} {'fout' if rest == 1 else 'fouten'} ({getal(aantal)} in totaal)."
    )


def meldingen(fouten: list[Fout], maximum: int = MAX_FOUTEN) -> list[str]:
    """Per finding "CODE: message", at most ``maximum``, then how many more there are."""
    regels = [f"{f.code}: {f.message}" for f in fouten[:maximum]]
    if (aantal := totaal(fouten)) > len(regels):
        regels.append(nog_meer(len(regels), aantal))
    return regels


class ParseFout(Exception):
    """Raised when bytes cannot be accepted as an iWmo/iJw message (unsafe or not XML)."""

    def __init__(self, message: str, *, line: int | None = None) -> None:
        super().__init__(message)
        self.fout = Fout(code="PARSE", retourcode=None, xpath=None, line=line, message=message)


def element_pad(element: etree._Element) -> str:
    """Positional path without prefixes: /Bericht[1]/Client[1]/Naam[1]."""
    stappen = []
    huidig: etree._Element | None = element
    while huidig is not None:
        positie = 1 + sum(1 for _ in huidig.itersiblings(huidig.tag, preceding=True))
        stappen.append(f"{etree.QName(huidig).localname}[{positie}]")
        huidig = huidig.getparent()
    return "/" + "/".join(reversed(stappen))
