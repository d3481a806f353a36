"""Declaratieperiode and ProductPeriode (CS340, TR318, IV089, OP367, OP368, TR387, TR388).

Pure date arithmetic, no database. A declaratieperiode is always one calendar month; a
ProductPeriode is that month cut only at the toewijzing's Ingangsdatum and Einddatum, never
at the start or stop of the delivered care.
"""

from __future__ import annotations

from datetime import date

# A declaratieperiode is ``maand_van`` a day (CS340); ``volgende_maand`` of it is the next one
# while care continues (TR318). After months without care the next one simply starts on day 1
# of the month in which care resumes (TR318 toelichting): ``maand_van`` of that day.
from wmoketen.gedeeld.maanden import maand_van, volgende_maand

__all__ = ["maand_van", "productperiode", "volgende_maand"]


def productperiode(maand_begin: date, ingang: date, eind: date | None) -> tuple[date, date] | None:
    """The ProductPeriode of a toewijzing (``ingang`` .. ``eind``, None: open) in the month of
    ``maand_begin`` (any day of it): the calendar month, starting at the Ingangsdatum when that
    lies later in the month (IV089, TR387) and ending at the Einddatum when that lies earlier
    (IV089, TR388). So it lies within one calendar month (OP367) and within the toewijzing
    (OP368). None when the toewijzing has no day in that month."""
    maand_eerste, maand_laatste = maand_van(maand_begin)
    begin = max(maand_eerste, ingang)
    einde = maand_laatste if eind is None else min(maand_laatste, eind)
    if begin > einde:
        return None
    return begin, einde
