"""Delivery inside the installation, now instead of after the commit."""

from wmoketen.berichten.constants import Status, Transport
from wmoketen.berichten.models import Bericht
from wmoketen.berichten.services import verwerk


def bezorg_intern() -> None:
    """Run the receiving side's pipeline now for every message sent inside the installation.

    Normally that happens after the commit (Celery); the demo runs in one transaction and
    needs the 301 received before the aanbieder can start. A later delivery of the same
    message is a no-op (only a message still *verzonden* is processed).
    """
    while True:
        wachtend = list(
            Bericht.objects.filter(transport=Transport.INTERN, status=Status.VERZONDEN).order_by(
                "pk"
            )
        )
        if not wachtend:
            return
        for bericht in wachtend:
            verwerk(bericht)
