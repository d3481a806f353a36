"""Celery tasks of the message pipeline. Without a broker they run in-process (eagerly)."""

from celery import shared_task


@shared_task(acks_late=True, reject_on_worker_lost=True)
def verwerk_intern(pk: int) -> str:
    """Internal delivery: the receiver's pipeline for a message sent inside this installation.

    Acknowledged only when done, and requeued when its worker dies: a repeat is harmless,
    the pipeline processes a message once (``services.verwerk``).
    """
    from .models import Bericht
    from .services import verwerk

    return verwerk(Bericht.objects.get(pk=pk)).status


@shared_task(name="wmoketen.berichten.tasks.herstel_berichten")
def herstel_berichten() -> int:
    """Periodic: deliver or process again every message stuck past BERICHTEN_HERSTEL_NA_MINUTEN."""
    from .herstel import herstel

    return herstel().totaal
