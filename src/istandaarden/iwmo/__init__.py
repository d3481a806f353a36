"""iWmo 3.2 (Wmo 2015): this standard's message types and codec entry points.

The XSDs, bindings and examples live in the shared trees (``schemas/v3_2/iwmo``,
``bindings/v3_2/iwmo``, ``samples/v3_2/iwmo``); this module is the front door.
"""

from __future__ import annotations

from typing import Any

from istandaarden import codec
from istandaarden.berichten import Bericht, berichten_van

__all__ = ["BERICHTEN", "STANDAARD", "parse", "serialize"]

STANDAARD = "iwmo"
BERICHTEN: dict[int, Bericht] = {b.nummer: b for b in berichten_van(STANDAARD)}


def parse(data: bytes, *, max_bytes: int | None = None) -> Any:
    """Parse an iWmo message safely; ParseFout for anything else (also an other standard)."""
    return codec.parse(data, max_bytes=max_bytes, standaard=STANDAARD)


serialize = codec.serialize
