"""Periodic job of the eigen-bijdrage register. Scheduled by CELERY_BEAT_SCHEDULE (conf/base.py)."""

import logging

from celery import shared_task

from wmoketen.organisaties.models import Gemeente

from . import services

logger = logging.getLogger(__name__)


@shared_task(name="wmoketen.eigenbijdrage.tasks.werk_registers_bij")
def werk_registers_bij() -> int:
    """``werk_bij`` for every gemeente (each in its own transaction); the number of new
    meldingen to report."""
    nieuw = 0
    for gemeente in Gemeente.objects.order_by("pk"):
        uitkomst = services.werk_bij(gemeente, acting_user=None)
        nieuw += uitkomst.nieuwe_meldingen
        if uitkomst.zonder_geboortedatum:
            logger.warning(
                "Eigen bijdrage %s: %s cliënt(en) zonder geboortedatum overgeslagen.",
                gemeente.gemeentecode,
                len(uitkomst.zonder_geboortedatum),
            )
    if nieuw:
        logger.info("Eigen bijdrage: %s nieuwe melding(en) te melden aan het CAK.", nieuw)
    return nieuw
