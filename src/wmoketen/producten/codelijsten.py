"""The iWmo/iJw 3.2 codelists as data (data/codelijsten.json, built by bin/build-codelijsten).

Models store codes; these helpers give form choices, descriptions and validators, so no code
is ever invented in Python.
"""

import json
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible

DATA = Path(__file__).with_name("data") / "codelijsten.json"


@cache
def _lijsten() -> dict[str, dict[str, str]]:
    return {k: v["codes"] for k, v in json.loads(DATA.read_text(encoding="utf-8")).items()}


def codes(lijst: str) -> dict[str, str]:
    """Code -> official description for one codelist (e.g. ``codes("WMO020")``)."""
    return _lijsten()[lijst]


def choices(lijst: str) -> list[tuple[str, str]]:
    return [(code, f"{code} – {oms}") for code, oms in codes(lijst).items()]


def omschrijving(lijst: str, code: str) -> str:
    return codes(lijst).get(code, "")


@deconstructible
class InCodelijst:
    """Validator: the value must be a code of ``lijst``."""

    def __init__(self, lijst: str):
        self.lijst = lijst

    def __call__(self, waarde: str) -> None:
        if waarde not in codes(self.lijst):
            raise ValidationError(
                "%(waarde)s is geen geldige code uit codelijst %(lijst)s.",
                code="onbekende_code",
                params={"waarde": waarde, "lijst": self.lijst},
            )

    def __eq__(self, other) -> bool:
        return isinstance(other, InCodelijst) and other.lijst == self.lijst
