"""A budget spread over its months (pure function, no database); the months themselves
come from ``wmoketen.gedeeld.maanden``."""


def verdeel(bedrag: int, aantal: int) -> list[int]:
    """``bedrag`` cent in ``aantal`` equal parts; the remainder cents go to the last part, so
    the parts add up to ``bedrag`` exactly (10000 over 3 → 3333, 3333, 3334)."""
    if aantal < 1:
        raise ValueError("at least one part")
    deel = bedrag // aantal
    return [deel] * (aantal - 1) + [bedrag - deel * (aantal - 1)]
