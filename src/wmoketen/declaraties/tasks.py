"""Periodic jobs of the declaraties app. Scheduled by CELERY_BEAT_SCHEDULE (conf/base.py)."""

import logging

from celery import shared_task

from . import beantwoorden

logger = logging.getLogger(__name__)


@shared_task(name="wmoketen.declaraties.tasks.beantwoord_openstaande")
def beantwoord_openstaande() -> int:
    """Answer (325) the received declarations that waited long enough and are not held."""
    aantal = beantwoorden.beantwoord_openstaande()
    if aantal:
        logger.info("Declaraties automatisch beantwoord: %s.", aantal)
    return aantal
