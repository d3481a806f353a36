"""Plausibility of a person's data: what no real client can have, refused in Dutch.

One place for the rule, used by ``Persoon.clean`` (so every service that validates a record
refuses it) and by the forms that ask for a birth date outside a client record (the 315
route). A received message is not checked here: the standard validated it.
"""

from datetime import date

from django.utils import timezone

from istandaarden.regels.cs import DATUMGEBRUIK_ONBEKEND

MAX_LEEFTIJD = 120  # years; older than anyone alive, so a typo in the year

GEBOORTEDATUM_TOEKOMST = "De geboortedatum ligt in de toekomst."
GEBOORTEDATUM_TE_OUD = (
    f"Een geboortedatum van meer dan {MAX_LEEFTIJD} jaar geleden kan niet: controleer het jaar."
)


def leeftijd(geboortedatum: date, op: date) -> int:
    """Whole years between ``geboortedatum`` and ``op``."""
    voor_verjaardag = (op.month, op.day) < (geboortedatum.month, geboortedatum.day)
    return op.year - geboortedatum.year - voor_verjaardag


def geboortedatumfout(datum: date | None, datumgebruik: str = "") -> str:
    """The Dutch error for an impossible birth date, or "" (an empty or unknown date passes:
    datumgebruik 3 stores a placeholder, not a birth date)."""
    if datum is None or datumgebruik == DATUMGEBRUIK_ONBEKEND:
        return ""
    vandaag = timezone.localdate()
    if datum > vandaag:
        return GEBOORTEDATUM_TOEKOMST
    if leeftijd(datum, vandaag) > MAX_LEEFTIJD:
        return GEBOORTEDATUM_TE_OUD
    return ""
