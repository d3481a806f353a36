"""The regional norm ``start_ondersteuning``: care starts within 10 werkdagen (seeds) after the
301. This module is its one owner: :func:`open_voor` opens it when allocations are sent for the
first time (``services.verstuur_301``), :func:`sluit_voor` closes it at their first start (the
305, ``ontvangst.verwerk_305``).

The deadline hangs on what the sender of the 301 names (a :class:`Startnorm`: the beschikking,
one deadline for all its allocations, counted from its dagtekening), else on each allocation,
counted from the day the 301 is sent. ``Toewijzing.start_termijn`` keeps which deadline watches
an allocation, so the 305 closes that one without knowing what it hangs on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import models

from wmoketen.termijnen import services as termijnen
from wmoketen.termijnen.constants import LOPEND, Regelcode

from .models import Toewijzing

REGEL = Regelcode.START_ONDERSTEUNING


@dataclass(frozen=True)
class Startnorm:
    """Where the deadline of the allocations a 301 sends first hangs, and the day it counts
    from (given by the sender: e.g. a beschikking and its dagtekening)."""

    onderwerp: models.Model
    startdatum: date


def open_voor(
    toewijzingen, *, gemeente, aanbieder, op: date, startnorm: Startnorm | None, acting_user
) -> None:
    """Give each allocation sent for the first time its deadline: the running one another
    allocation of its beschikking shares, else the sender's (``startnorm``, opened once),
    else one of its own from ``op``."""
    for toewijzing in toewijzingen:
        termijn = _gedeeld(toewijzing)
        if termijn is None and startnorm is not None:
            termijn = termijnen.open_termijn(
                REGEL,
                onderwerp=startnorm.onderwerp,
                gemeente=gemeente,
                startdatum=startnorm.startdatum,
                organisaties=[aanbieder],
                acting_user=acting_user,
                omschrijving=REGEL.label,
            )
        elif termijn is None:
            termijn = termijnen.open_termijn(
                REGEL,
                onderwerp=toewijzing,
                gemeente=gemeente,
                startdatum=op,
                organisaties=[aanbieder],
                acting_user=None,
            )
        Toewijzing.objects.filter(pk=toewijzing.pk).update(start_termijn=termijn)
        toewijzing.start_termijn = termijn


def _gedeeld(toewijzing: Toewijzing):
    """The running deadline on the sender's subject (not on an allocation of its own) that an
    allocation with the same beschikkingnummer already has."""
    if not toewijzing.beschikkingnummer:
        return None
    ander = (
        Toewijzing.objects.filter(
            gemeente_id=toewijzing.gemeente_id,
            beschikkingnummer=toewijzing.beschikkingnummer,
            start_termijn__status__in=LOPEND,
        )
        .exclude(start_termijn__content_type=ContentType.objects.get_for_model(Toewijzing))
        .select_related("start_termijn")
        .first()
    )
    return ander.start_termijn if ander else None


def sluit_voor(toewijzing: Toewijzing, *, op: date) -> None:
    """The first start of ``toewijzing`` (its 305) meets the deadline that watches it."""
    termijn = toewijzing.start_termijn
    if termijn is not None and termijn.is_lopend:
        termijnen.sluit_termijn(termijn, op=op, acting_user=None)
