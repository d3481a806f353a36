from celery import shared_task


@shared_task(acks_late=True)
def verwerk_intern(pk: int) -> str:
    """Internal delivery: the receiver's pipeline for a message sent inside this installation."""
    from .models import Bericht
    from .services import verwerk

    return verwerk(Bericht.objects.get(pk=pk)).status
