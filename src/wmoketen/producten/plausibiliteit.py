"""Plausibility of a volume: no more time than the period holds, refused in Dutch.

A volume counts an eenheid (WJ756) per frequentie (WMO757): 200 uur per week cannot be, a week
has 168 hours. Units of time have a ceiling per day; stuks and euro's have none but the
message's own (LDT_Volume, 8 digits). One rule for every place a volume is entered: the
beschikking (``toegang``), the allocation (``toewijzingen.services.controleer_product``) and
the aanbieder's requests (``verzoeken``), in their forms and their services.
"""

from datetime import date

from istandaarden.fout import getal

MAX_VOLUME = 99_999_999  # LDT_Volume

# Per eenheid: how many fit in one day, and its name in the plural.
PER_DAG = {
    "01": (24 * 60, "minuten"),
    "04": (24, "uur"),
    "16": (6, "dagdelen"),  # a dagdeel is 4 hours
    "14": (1, "etmalen"),
}
# Per frequentie: the days of its longest period, and how the period is named.
DAGEN = {
    "1": (1, "per dag", "een dag"),
    "2": (7, "per week", "een week"),
    "4": (31, "per maand", "een maand"),
}
TOTAAL = "6"  # totaal binnen geldigheidsduur toewijzing


def _periode(frequentie: str, ingangsdatum: date | None, einddatum: date | None):
    """(days, "per …", name) of the frequentie's period; None when it has no known length."""
    if frequentie in DAGEN:
        return DAGEN[frequentie]
    if frequentie == TOTAAL and ingangsdatum and einddatum and einddatum >= ingangsdatum:
        dagen = (einddatum - ingangsdatum).days + 1
        return dagen, "in totaal", f"de periode van {dagen} dagen"
    return None


def max_volume(
    eenheid: str,
    frequentie: str,
    *,
    ingangsdatum: date | None = None,
    einddatum: date | None = None,
) -> int:
    """The largest volume that can be for this eenheid and frequentie (in the period)."""
    periode = _periode(frequentie, ingangsdatum, einddatum)
    if eenheid not in PER_DAG or periode is None:
        return MAX_VOLUME
    return min(PER_DAG[eenheid][0] * periode[0], MAX_VOLUME)


def volumefout(
    volume: int | None,
    eenheid: str,
    frequentie: str,
    *,
    ingangsdatum: date | None = None,
    einddatum: date | None = None,
) -> str:
    """The Dutch error for a volume that cannot be, or "". ``ingangsdatum`` and ``einddatum``
    bound a total (frequentie 6); an open period bounds it only by LDT_Volume."""
    if volume is None:
        return ""
    if volume > MAX_VOLUME:
        return f"Een volume is ten hoogste {getal(MAX_VOLUME)}."
    grens = max_volume(eenheid, frequentie, ingangsdatum=ingangsdatum, einddatum=einddatum)
    if volume <= grens:
        return ""
    naam = PER_DAG[eenheid][1]
    _, per, periode = _periode(frequentie, ingangsdatum, einddatum)
    return (
        f"{getal(volume)} {naam} {per} kan niet; {periode} heeft ten hoogste {getal(grens)} {naam}."
    )
