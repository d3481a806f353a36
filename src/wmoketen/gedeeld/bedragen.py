"""Amounts in eurocent: from a euro Decimal, and written the Dutch way for pages and messages."""

from decimal import ROUND_HALF_UP, Decimal


def in_cent(bedrag: Decimal) -> int:
    """A euro amount (a contract tariff, a budget) in whole cents, half up."""
    return int((bedrag * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def euro(cent) -> str:
    """An amount in eurocent the Dutch way: 123456 -> "€ 1.234,56", -500 -> "€ -5,00",
    None -> "–"."""
    if cent is None or cent == "":
        return "–"
    cent = int(cent)
    hele, rest = divmod(abs(cent), 100)
    teken = "-" if cent < 0 else ""
    return f"€ {teken}{hele:,}".replace(",", ".") + f",{rest:02d}"
