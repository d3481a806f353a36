"""The one error type every validation level reports (parse, XSD, rules)."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

__all__ = ["Fout", "ParseFout", "element_pad"]


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
