"""Choices and the fixed rules of the eigen-bijdrage register (see docs/eigenbijdrage.md)."""

from django.db import models

# The client pays an eigen bijdrage from his 18th birthday (adults only).
MEERDERJARIG = 18

# A pause (307 reden 20) followed by a restart (a new 305) within this many days does not end
# the Wmo support: the period runs on. Longer, and the period ends on the last delivered day
# before the pause; the restart begins a new one. Four weeks: the regional threshold above
# which a pause must be reported at all, and the length of the CAK's own periods.
ONDERBREKING_DAGEN = 28


class Soort(models.TextChoices):
    """What a melding tells the CAK: the content of an iEb WMO405 (start) or WMO406 (stop), or
    a correction of a date reported before."""

    START = "start", "Start"
    STOP = "stop", "Stop"
    CORRECTIE = "correctie", "Correctie"


class Betreft(models.TextChoices):
    """Which date a melding carries (for a correctie: which reported date it corrects)."""

    START = "start", "Startdatum"
    STOP = "stop", "Stopdatum"


class MeldingStatus(models.TextChoices):
    TE_MELDEN = "te_melden", "Te melden"
    GEMELD = "gemeld", "Gemeld"
    VERVALLEN = "vervallen", "Vervallen (niet meer nodig)"
