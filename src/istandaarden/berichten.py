"""Registry of every iWmo and iJw message: namespace, root, BerichtCode, XSD, binding, retour.

One table drives the codec, the retour builder, the CLI and (for the other modules) the
namespace check. Bindings are imported lazily: importing every generated module costs time
that a CLI run over one file should not pay.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = [
    "BERICHTEN",
    "Bericht",
    "RELEASE",
    "ROOT",
    "SCHEMAS",
    "bericht",
    "bericht_voor",
    "berichten_van",
]

PACKAGE_DIR = Path(__file__).resolve().parent
RELEASE = "v3_2"
SCHEMAS = PACKAGE_DIR / "schemas" / RELEASE
ROOT = "Bericht"

STANDAARDEN = {
    # standard: (file prefix, namespace prefix, human name)
    "iwmo": ("WMO", "wmo", "iWmo"),
    "ijw": ("JW", "jw", "iJw"),
}

# number: (retour number or None, Dutch name)
SOORTEN: dict[int, tuple[int | None, str]] = {
    301: (302, "Toewijzing"),
    302: (None, "Toewijzing retour"),
    305: (306, "Start levering"),
    306: (None, "Start levering retour"),
    307: (308, "Stop levering"),
    308: (None, "Stop levering retour"),
    315: (316, "Verzoek om toewijzing"),
    316: (None, "Verzoek om toewijzing retour"),
    317: (318, "Verzoek om wijziging"),
    318: (None, "Verzoek om wijziging retour"),
    319: (320, "Antwoordbericht"),
    320: (None, "Antwoordbericht retour"),
    323: (None, "Declaratie"),
    325: (None, "Declaratie-antwoord"),
}

# VEKTIS BerichtCode (COD002) per standard, in the order of SOORTEN; fixed by each XSD's pattern.
BERICHTCODES = {
    "iwmo": (
        "414",
        "415",
        "418",
        "419",
        "420",
        "421",
        "444",
        "445",
        "480",
        "481",
        "482",
        "483",
        "484",
        "485",
    ),
    "ijw": (
        "436",
        "437",
        "438",
        "439",
        "440",
        "441",
        "446",
        "447",
        "486",
        "487",
        "488",
        "489",
        "490",
        "491",
    ),
}

# BerichtVersie / BerichtSubversie of release 3.2 (fixed by the XSD patterns).
BERICHT_VERSIE = 3
BERICHT_SUBVERSIE = 2
# The official 3.2 XSD version (the iJw copies' appinfo says 0.1.0, the release and its
# example messages say 1.0.0; see docs/istandaarden.md).
XSD_VERSIE = "1.0.0"


@dataclass(frozen=True, slots=True)
class Bericht:
    """One message type of one standard, e.g. iWmo 301 (WMO301)."""

    standaard: str
    nummer: int
    berichtcode: str
    naam_nl: str
    retour_nummer: int | None

    @property
    def naam(self) -> str:
        """The official short name, e.g. ``WMO301`` or ``JW301``."""
        return f"{STANDAARDEN[self.standaard][0]}{self.nummer}"

    @property
    def namespace(self) -> str:
        prefix = STANDAARDEN[self.standaard][1]
        return f"http://www.istandaarden.nl/{self.standaard}/3_2/{prefix}{self.nummer}/schema"

    @property
    def basis_namespace(self) -> str:
        return f"http://www.istandaarden.nl/{self.standaard}/3_2/basisschema/schema"

    @property
    def qname(self) -> str:
        """The root element in Clark notation, as lxml reports ``root.tag``."""
        return f"{{{self.namespace}}}{ROOT}"

    @property
    def xsd(self) -> Path:
        return SCHEMAS / self.standaard / f"{self.naam}.xsd"

    @property
    def module(self) -> str:
        return f"istandaarden.bindings.{RELEASE}.{self.standaard}.{self.naam.lower()}"

    @property
    def binding(self) -> type:
        """The generated root dataclass (``Bericht``) of this message."""
        return _binding(self.module)

    @property
    def is_retour(self) -> bool:
        return self.nummer in RETOUR_VAN

    @property
    def retour(self) -> Bericht | None:
        """The retour message type answering this heenbericht (301 → 302), if any."""
        if self.retour_nummer is None:
            return None
        return bericht(self.standaard, self.retour_nummer)

    @property
    def titel(self) -> str:
        """Dutch title for people, e.g. ``iWmo 301 Toewijzing``."""
        return f"{STANDAARDEN[self.standaard][2]} {self.nummer} {self.naam_nl}"


RETOUR_VAN = {retour: heen for heen, (retour, _) in SOORTEN.items() if retour}


@cache
def _binding(module: str) -> type:
    return importlib.import_module(module).Bericht


def _build() -> dict[tuple[str, int], Bericht]:
    return {
        (standaard, nummer): Bericht(standaard, nummer, code, naam, retour)
        for standaard, codes in BERICHTCODES.items()
        for (nummer, (retour, naam)), code in zip(SOORTEN.items(), codes, strict=True)
    }


BERICHTEN: dict[tuple[str, int], Bericht] = _build()
_BY_QNAME: dict[str, Bericht] = {b.qname: b for b in BERICHTEN.values()}


def bericht(standaard: str, nummer: int) -> Bericht:
    """The message type, e.g. ``bericht("iwmo", 301)``; KeyError when unknown."""
    return BERICHTEN[(standaard, nummer)]


def bericht_voor(qname: str) -> Bericht | None:
    """The message type for a root tag in Clark notation, or None when not an iWmo/iJw root."""
    return _BY_QNAME.get(qname)


def berichten_van(standaard: str) -> list[Bericht]:
    return [b for b in BERICHTEN.values() if b.standaard == standaard]
