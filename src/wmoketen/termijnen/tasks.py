"""Periodic jobs. Scheduled by CELERY_BEAT_SCHEDULE (conf/base.py); without a broker, run
``manage.py termijnen_bewaken`` from cron."""

import logging

from celery import shared_task

from . import services

logger = logging.getLogger(__name__)


@shared_task(name="wmoketen.termijnen.tasks.bewaak_termijnen")
def bewaak_termijnen() -> int:
    """Mark open deadlines past their due date as verlopen."""
    aantal = services.markeer_verlopen()
    logger.info("Termijnen bewaakt: %s verlopen.", aantal)
    return aantal
