"""Every retourcode of WJ001 (iWmo 3.2 and iJw 3.2) with its Dutch explanation.

The data lives in ``retourcodes.json`` beside this module: the WJ001 codelists of both
standards merged, plus 9355, which the basisschema's LDT_RetourCode enumerates and the WJ001
Markdown lacks. A test keeps the set equal to the XSD enumeration.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = [
    "AFGEKEURD",
    "GEEN_OPMERKING",
    "NIET_BEOORDEELD",
    "Retourcode",
    "alle",
    "omschrijving",
    "retourcode",
]

DATA = Path(__file__).with_name("retourcodes.json")

AFGEKEURD = "0001"  # a single-message (XSLT level) rule is broken
GEEN_OPMERKING = "0200"  # this message class has no remarks
NIET_BEOORDEELD = "0233"  # this message class was not assessed


@dataclass(frozen=True, slots=True)
class Retourcode:
    code: str
    omschrijving: str
    regel: str | None  # the technical rule that gives this code, e.g. "TR056"
    iwmo: tuple[str, ...]  # messages it is used for, e.g. ("WMO301", ...)
    ijw: tuple[str, ...]


@cache
def alle() -> dict[str, Retourcode]:
    """All retourcodes by code, in code order."""
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    return {
        item["code"]: Retourcode(
            code=item["code"],
            omschrijving=item["omschrijving"],
            regel=item["regel"],
            iwmo=tuple(item["iwmo"]),
            ijw=tuple(item["ijw"]),
        )
        for item in raw["codes"]
    }


def retourcode(code: str) -> Retourcode:
    """The retourcode; KeyError for a code outside WJ001."""
    return alle()[code]


def omschrijving(code: str) -> str:
    """The Dutch explanation, or a Dutch 'unknown' text for a code outside WJ001."""
    found = alle().get(code)
    return found.omschrijving if found else f"Onbekende retourcode {code}."
