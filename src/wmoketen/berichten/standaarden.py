"""Which standard a wet exchanges its messages in: the Wmo in iWmo, the Jeugdwet in iJw."""

from __future__ import annotations

from types import ModuleType

from django.core.exceptions import ValidationError

from istandaarden.opbouw import bindingen
from wmoketen.producten.constants import Wet

__all__ = ["STANDAARD", "WET", "modules"]

STANDAARD = {Wet.WMO: "iwmo", Wet.JEUGDWET: "ijw"}
# The wet of a message's standard (``Bericht.standaard``).
WET = {standaard: wet for wet, standaard in STANDAARD.items()}


def modules(wet: str, nummer: int) -> tuple[ModuleType, ModuleType]:
    """(basisschema, message module) of message ``nummer`` in the wet's standard."""
    if wet not in STANDAARD:
        raise ValidationError(f"Onbekende wet: {wet!r}.")
    return bindingen(STANDAARD[wet], nummer)
