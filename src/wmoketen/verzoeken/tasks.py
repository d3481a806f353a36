"""Periodic jobs of the verzoeken app. Scheduled by CELERY_BEAT_SCHEDULE (conf/base.py)."""

import logging

from celery import shared_task

from . import herstel

logger = logging.getLogger(__name__)


@shared_task(name="wmoketen.verzoeken.tasks.herstel_afwijzingen")
def herstel_afwijzingen() -> int:
    """The automatic 319s a dying process left unsent (idempotent)."""
    aantal = herstel.herstel_afwijzingen()
    if aantal:
        logger.info("Automatische afwijzingen alsnog verstuurd: %s.", aantal)
    return aantal
