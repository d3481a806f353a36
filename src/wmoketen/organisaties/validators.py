"""Validators for the identifying codes of organisations, with Dutch messages."""

from django.core.exceptions import ValidationError


def _cijfers(waarde: str, lengte: int, omschrijving: str) -> None:
    if not (
        isinstance(waarde, str) and len(waarde) == lengte and waarde.isascii() and waarde.isdigit()
    ):
        raise ValidationError(
            f"{omschrijving} moet uit precies {lengte} cijfers bestaan.", code="ongeldig"
        )


def valideer_gemeentecode(waarde: str) -> None:
    """CBS gemeentecode: exactly 4 digits, leading zeros included (e.g. 0034 Almere)."""
    _cijfers(waarde, 4, "De CBS-gemeentecode")


def valideer_agb_code(waarde: str) -> None:
    """AGB-code of an aanbieder: exactly 8 digits (LDT_AgbCode)."""
    _cijfers(waarde, 8, "De AGB-code")


def valideer_kvk_nummer(waarde: str) -> None:
    """KvK-nummer: exactly 8 digits."""
    _cijfers(waarde, 8, "Het KvK-nummer")
