"""Amounts in eurocent, written the Dutch way (services' messages and the pages share it)."""


def euro(cent) -> str:
    """123456 -> "€ 1.234,56", -500 -> "€ -5,00", None -> "–"."""
    if cent is None or cent == "":
        return "–"
    cent = int(cent)
    hele, rest = divmod(abs(cent), 100)
    teken = "-" if cent < 0 else ""
    return f"€ {teken}{hele:,}".replace(",", ".") + f",{rest:02d}"
