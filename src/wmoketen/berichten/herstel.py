"""Recovery: every message stuck on its way is delivered or processed again.

What can be stuck after a crash, a killed worker or a broker outage:

- an internal message whose Bezorging (outbox row) is still open: the task was never queued
  (broker down), or was lost with its worker. It is queued again (or, with ``direct``,
  processed in this process).
- a message received over the API or the mailbox still *ontvangen*: the process was killed
  between storing the bytes and the pipeline's commit. It is processed again.

A message in none of these states is left alone: a valid message of a type without a handler
(*geen verwerking ingericht*) waits for the functioneel beheerder, not for this job.

Both are safe to repeat: the pipeline locks the message row and processes only a message
still waiting (``services.verwerk``), so a copy that arrives twice is processed once.
Run by the periodic task ``herstel_berichten`` and by ``manage.py berichten_herstel``.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Min, Q, QuerySet
from django.utils import timezone

from . import services
from .constants import Status
from .models import AANDACHT, WACHTEND, Bericht, Bezorging

logger = logging.getLogger(__name__)


@dataclass
class Herstelverslag:
    opnieuw_bezorgd: int = 0  # queued for the receiver's pipeline again
    niet_bezorgd: int = 0  # the broker refused again
    opnieuw_verwerkt: int = 0  # processed in this process
    afgerond: int = 0  # the pipeline had it already: only the outbox row was still open

    @property
    def totaal(self) -> int:
        return self.opnieuw_bezorgd + self.niet_bezorgd + self.opnieuw_verwerkt + self.afgerond


def standaard_leeftijd() -> timedelta:
    return timedelta(minutes=settings.BERICHTEN_HERSTEL_NA_MINUTEN)


def open_bezorgingen(ouder_dan: timedelta) -> QuerySet[Bezorging]:
    """Open outbox rows whose last attempt (or creation) is older than ``ouder_dan``."""
    grens = timezone.now() - ouder_dan
    return (
        Bezorging.objects.filter(afgerond_op__isnull=True)
        .filter(
            Q(laatste_poging_op__lte=grens)
            | Q(laatste_poging_op__isnull=True, aangemaakt_op__lte=grens)
        )
        .select_related("bericht")
        .defer("bericht__inhoud")
        .order_by("aangemaakt_op", "pk")
    )


def onverwerkt_ontvangen(ouder_dan: timedelta) -> QuerySet[Bericht]:
    """Received messages still waiting for the pipeline, stored longer ago than ``ouder_dan``."""
    grens = timezone.now() - ouder_dan
    return (
        Bericht.objects.filter(status=Status.ONTVANGEN, ontvangen_op__lte=grens)
        .defer("inhoud")
        .order_by("ontvangen_op", "pk")
    )


def oudste_wachtend() -> datetime | None:
    """When the oldest message still waiting for the receiver's pipeline was stored."""
    return Bericht.objects.filter(WACHTEND).aggregate(m=Min("ontvangen_op"))["m"]


def herstel(ouder_dan: timedelta | None = None, *, direct: bool = False) -> Herstelverslag:
    """Deliver or process again everything stuck longer than ``ouder_dan``."""
    ouder_dan = standaard_leeftijd() if ouder_dan is None else ouder_dan
    verslag = Herstelverslag()
    for bezorging in open_bezorgingen(ouder_dan).iterator(chunk_size=500):
        _bezorg_opnieuw(bezorging, verslag, direct=direct)
    for bericht in onverwerkt_ontvangen(ouder_dan).iterator(chunk_size=500):
        services.verwerk(bericht)
        verslag.opnieuw_verwerkt += 1
    if verslag.totaal:
        logger.warning("herstel: %s", verslag)
    return verslag


def _bezorg_opnieuw(bezorging: Bezorging, verslag: Herstelverslag, *, direct: bool) -> None:
    bericht = bezorging.bericht
    if not services.wacht_op_verwerking(bericht):
        bezorging.afgerond_op = timezone.now()
        bezorging.save(update_fields=["afgerond_op"])
        verslag.afgerond += 1
    elif direct:
        services.verwerk(bericht)
        verslag.opnieuw_verwerkt += 1
    elif services.bezorg(bericht.pk):
        verslag.opnieuw_bezorgd += 1
    else:
        verslag.niet_bezorgd += 1


def voor_beheer(organisatie) -> QuerySet[Bericht]:
    """The organisation's messages (sent or received) waiting for the pipeline, failed in it,
    or valid but of a type nothing processes (``models.AANDACHT``), oldest first, with their
    outbox row: the functioneel beheerder's list."""
    return (
        Bericht.objects.voor_organisatie(organisatie)
        .filter(AANDACHT)
        .select_related("afzender", "ontvanger", "bezorging")
        .defer("inhoud")
        .order_by("ontvangen_op", "pk")
    )
