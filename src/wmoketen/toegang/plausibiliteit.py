"""Plausibility of the toegang's dates: refuse what cannot be, warn about what is unusual.

A date of year 1 or 9999 is a typo, and the day before or a year after it is outside Python's
calendar (an OverflowError): ``datumfout`` refuses dates outside ``EERSTE_DATUM`` and
``LAATSTE_DATUM`` (a year's margin); the mutations' forms and services use it.

A melding dated years back opens a traject of that year and deadlines long overdue, so it is
refused past ``settings.MELDING_MAX_DAGEN_TERUG`` days (a consulent enters a melding days or
weeks afterwards, not months). A date in the weekend or on a feestdag can be right (a digital
melding, an urgent visit), so it only gives a warning. The services refuse with
``meldingdatumfout``; the forms use the same function and show the warnings.
"""

from datetime import date

from django.conf import settings
from django.utils import timezone

from wmoketen.termijnen.kalender import feestdagen

from .constants import Kanaal

EERSTE_DATUM = date(1900, 1, 1)
LAATSTE_DATUM = date(9998, 12, 31)
# Older than this, a melding gets a warning: its deadlines may have passed already.
WAARSCHUW_NA_DAGEN = 14
WEEKDAGEN = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]


def _dag(datum: date) -> str:
    return f"{datum.day:02d}-{datum.month:02d}-{datum.year:04d}"  # strftime drops year 1's zeros


def datumfout(datum: date) -> str:
    """The Dutch error for a date no real situation can have, or ""."""
    if EERSTE_DATUM <= datum <= LAATSTE_DATUM:
        return ""
    return (
        f"De datum {_dag(datum)} kan niet kloppen: kies een datum tussen "
        f"{_dag(EERSTE_DATUM)} en {_dag(LAATSTE_DATUM)}."
    )


def meldingdatumfout(ontvangen_op: date) -> str:
    """The Dutch error for a melding received too long ago, or ""."""
    grens = settings.MELDING_MAX_DAGEN_TERUG
    dagen = (timezone.localdate() - ontvangen_op).days
    if dagen <= grens:
        return ""
    return (
        f"De melding is {dagen} dagen geleden ontvangen; een melding registreert u binnen "
        f"{grens} dagen na ontvangst. Controleer de datum."
    )


def vrije_dag(datum: date) -> str:
    """ "een zondag", "Tweede Kerstdag" …: why nobody works on ``datum``, or ""."""
    if datum.weekday() >= 5:
        return f"een {WEEKDAGEN[datum.weekday()]}"
    return feestdagen(datum.year).get(datum, "")


def meldingwaarschuwingen(ontvangen_op: date, kanaal: str) -> list[str]:
    """What is unusual about a melding's date: received on a day off (other than digitally,
    which comes in any day) or long ago."""
    waarschuwingen = []
    dag = vrije_dag(ontvangen_op)
    if dag and kanaal != Kanaal.DIGITAAL:
        waarschuwingen.append(
            f"Let op: de melding is ontvangen op {dag} ({ontvangen_op:%d-%m-%Y}), terwijl ze "
            f"{Kanaal(kanaal).label.lower()} binnenkwam. Klopt de datum?"
        )
    dagen = (timezone.localdate() - ontvangen_op).days
    if dagen > WAARSCHUW_NA_DAGEN:
        waarschuwingen.append(
            f"Let op: de melding is {dagen} dagen geleden ontvangen. De termijnen lopen vanaf "
            "die datum en kunnen al (bijna) verlopen zijn."
        )
    return waarschuwingen


def huisbezoekwaarschuwingen(datum: date) -> list[str]:
    """A home visit on a day off is unusual."""
    if dag := vrije_dag(datum):
        return [f"Let op: het huisbezoek valt op {dag} ({datum:%d-%m-%Y}). Klopt de datum?"]
    return []
