"""Berichtoverstijgende regels: checks that need stored state, registered by the domain apps.

The single-message rules (``regels.tr``, ``cd``, ``cs``) see one message. Rules such as TR056
(Identificatie unique per sender and message type), TR063 (removing an earlier aanlevering) or
the OP bedrijfsregels (OP259 stapeling) need what was received or sent before. They are
implemented in the domain apps, which own that state; this module is only the contract, with no
Django import:

* a rule is any object satisfying ``BerichtoverstijgendeRegel`` (code, retourcode, niveau,
  berichten, ``check(bericht, store)``);
* an app registers it with ``registreer(regel)`` when it starts (e.g. in ``AppConfig.ready``);
* the berichten pipeline (issue 5) calls ``controleer(bericht, store)`` after ``validate()``
  returned no errors, with the store object that the apps agreed on (typically a facade over
  their models). Each ``Overtreding`` names the element of the message class it concerns, so
  the retour can copy that class with the rule's retourcode (IV028).

``BERICHTOVERSTIJGENDE_REGELS`` lists every berichtoverstijgende TR of iWmo/iJw 3.2 with the app
that is to implement it; ``docs/regels.md`` is generated from it and from ``REGELS``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from lxml import etree

__all__ = [
    "BERICHTOVERSTIJGENDE_REGELS",
    "REGISTER",
    "Beschrijving",
    "BerichtoverstijgendeRegel",
    "Niveau",
    "OntvangenBericht",
    "Overtreding",
    "controleer",
    "registreer",
    "regels_voor",
]


class Niveau(StrEnum):
    """Where a cross-message rule's retourcode goes in the retour (IV028)."""

    HEADER = "header"  # the whole message is refused
    CLIENT = "client"  # the client's message classes are copied with the retourcode


@dataclass(frozen=True, slots=True)
class OntvangenBericht:
    """A message that passed ``validate()``, as cross-message rules see it."""

    standaard: str  # "iwmo" | "ijw"
    bericht: str  # "WMO301", "JW323", ...
    root: etree._Element
    ns: dict[str, str]  # "m" message namespace, "b" basisschema namespace
    afzender: str
    ontvanger: str
    identificatie: str
    dagtekening: date

    @property
    def nummer(self) -> str:
        return self.bericht[-3:]


@dataclass(frozen=True, slots=True)
class Overtreding:
    """One violation of a cross-message rule, on the message class it concerns."""

    code: str
    retourcode: str | None
    element: etree._Element | None  # None: the message as a whole (niveau header)
    message: str  # Dutch


@runtime_checkable
class BerichtoverstijgendeRegel(Protocol):
    code: str
    retourcode: str | None
    niveau: Niveau
    berichten: frozenset[str]  # message numbers it applies to: {"305", "307"}

    def check(self, bericht: OntvangenBericht, store: Any) -> Iterable[Overtreding]:
        """Violations of this rule by ``bericht`` given what ``store`` holds."""
        ...


REGISTER: dict[str, BerichtoverstijgendeRegel] = {}


def registreer(regel: BerichtoverstijgendeRegel) -> BerichtoverstijgendeRegel:
    """Register an implementation (once per code); returns it, so it works as a decorator."""
    if not isinstance(regel, BerichtoverstijgendeRegel):
        raise TypeError(f"{regel!r} is geen BerichtoverstijgendeRegel")
    bestaand = REGISTER.get(regel.code)
    if bestaand is not None and bestaand is not regel:
        raise ValueError(f"berichtoverstijgende regel {regel.code} is al geregistreerd")
    REGISTER[regel.code] = regel
    return regel


def regels_voor(bericht: str) -> list[BerichtoverstijgendeRegel]:
    """Registered rules for a message ("WMO305", "JW305" or "305"), in code order."""
    nummer = bericht[-3:]
    return [REGISTER[code] for code in sorted(REGISTER) if nummer in REGISTER[code].berichten]


def controleer(bericht: OntvangenBericht, store: Any) -> list[Overtreding]:
    """Run every registered cross-message rule for ``bericht``."""
    return [
        overtreding
        for regel in regels_voor(bericht.bericht)
        for overtreding in regel.check(bericht, store)
    ]


@dataclass(frozen=True, slots=True)
class Beschrijving:
    """A berichtoverstijgende rule of the standard and where it is to be implemented."""

    code: str
    titel: str
    retourcode: str | None  # None where the standard says "n.v.t."
    niveau: Niveau
    berichten: tuple[str, ...]
    app: str
    issue: str | None  # None: the issue is not filed yet


_DATA = Path(__file__).with_name("berichtoverstijgend.json")


def _laad() -> tuple[Beschrijving, ...]:
    """The 54 berichtoverstijgende TRs of iWmo/iJw 3.2 (the same in both), from
    regels/technische-regels/berichtoverstijgend/, with the app that is to implement each.
    App "declaraties" (323/325) implements its own in issue 21."""
    rijen = json.loads(_DATA.read_text(encoding="utf-8"))
    return tuple(
        Beschrijving(
            rij["code"],
            rij["titel"],
            rij["retourcode"],
            Niveau(rij["niveau"]),
            tuple(rij["berichten"]),
            rij["app"],
            rij["issue"],
        )
        for rij in rijen
    )


BERICHTOVERSTIJGENDE_REGELS = _laad()
