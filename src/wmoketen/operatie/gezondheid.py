"""/gezondheid/: is this installation able to work? For monitoring, without a login.

Checks the database, the broker with a worker behind it (only when CELERY_BROKER_URL is set:
without one, tasks run in the web process) and the age of the oldest waiting message. 200 when
all pass, 500 when one fails; ``?format=json`` or ``Accept: application/json`` for machines.
The answer names the checks and their verdicts only: no data of any organisation or client.
"""

from datetime import timedelta

from csp.constants import UNSAFE_INLINE
from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from health_check.checks import Database
from health_check.contrib.celery import Ping
from health_check.views import HealthCheckView

from wmoketen.berichten.gezondheid import BerichtenWachten
from wmoketen.celery import app


class GezondheidView(HealthCheckView):
    def get_checks(self):
        yield Database()
        yield BerichtenWachten()
        if settings.CELERY_BROKER_URL:
            # limit=1: answer as soon as one worker replied, instead of waiting the timeout.
            yield Ping(app=app, timeout=timedelta(seconds=3), limit=1)

    async def dispatch(self, request, *args, **kwargs):
        antwoord = await super().dispatch(request, *args, **kwargs)
        # The library's HTML page styles itself inline; it holds no data worth protecting.
        # (django-csp's csp_update decorator does not wrap async views, so set what it sets.)
        antwoord._csp_update = {"style-src": [UNSAFE_INLINE]}
        return antwoord


gezondheid = login_not_required(GezondheidView.as_view())
