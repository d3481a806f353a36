"""The official example messages, per release and standard (``v3_2/iwmo/WMO301.xml``)."""

from __future__ import annotations

from pathlib import Path

from istandaarden.berichten import RELEASE

SAMPLES = Path(__file__).resolve().parent / RELEASE

# Examples that are XSD-invalid on purpose upstream (see v3_2/SOURCE.md).
XSD_ONGELDIG = frozenset({"JW315", "JW318"})


def paden(standaard: str | None = None) -> list[Path]:
    """All example files, sorted; only one standard's when given."""
    pattern = f"{standaard}/*.xml" if standaard else "*/*.xml"
    return sorted(SAMPLES.glob(pattern))


def pad(naam: str) -> Path:
    """The example of a message, e.g. ``pad("WMO301")`` or ``pad("JW323")``."""
    standaard = "ijw" if naam.startswith("JW") else "iwmo"
    return SAMPLES / standaard / f"{naam}.xml"


def lees(naam: str) -> bytes:
    return pad(naam).read_bytes()
