"""Health check: the oldest message still waiting for its receiver's pipeline.

A message waits a moment between being stored and processed; the recovery job offers one
stuck longer than BERICHTEN_HERSTEL_NA_MINUTEN again. One still waiting after
BERICHTEN_ALARM_NA_MINUTEN means delivery is broken (no worker, broker unreachable, a recovery
that keeps failing): the health endpoint reports it. The report names an age, never a message.
"""

import dataclasses
from datetime import timedelta

from asgiref.sync import sync_to_async
from django.conf import settings
from django.utils import timezone
from health_check.base import HealthCheck
from health_check.exceptions import ServiceUnavailable

from .herstel import oudste_wachtend


@dataclasses.dataclass
class BerichtenWachten(HealthCheck):
    async def run(self) -> None:
        # In the request's thread (thread_sensitive), so its connection is closed with it.
        oudste = await sync_to_async(oudste_wachtend)()
        if oudste is None:
            return
        grens = timedelta(minutes=settings.BERICHTEN_ALARM_NA_MINUTEN)
        leeftijd = timezone.now() - oudste
        if leeftijd > grens:
            raise ServiceUnavailable(
                f"het oudste onverwerkte bericht wacht al {leeftijd // timedelta(minutes=1)} "
                f"minuten (grens: {settings.BERICHTEN_ALARM_NA_MINUTEN})"
            )
