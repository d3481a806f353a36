"""Periodic jobs of the toegang app. Scheduled by CELERY_BEAT_SCHEDULE (conf/base.py)."""

import logging

from celery import shared_task

from . import vervolg

logger = logging.getLogger(__name__)


@shared_task(name="wmoketen.toegang.tasks.signaleer_herindicaties")
def signaleer_herindicaties() -> int:
    """The herindicatie tasks due today (idempotent: each beschikking is signalled once)."""
    aantal = vervolg.signaleer_herindicaties()
    logger.info("Herindicaties gesignaleerd: %s beschikking(en).", aantal)
    return aantal
