"""Every log record written while a request runs carries its request id and user id.

The reverse proxy sends its own id (nginx ``$request_id``) as ``X-Request-ID``, so a line of
its access log and the application's lines of one request are found together; without one a
new id is made. The id goes back in the response's ``X-Request-ID``. Only the user's
primary key is logged, never a name: logs hold no personal data.
"""

import logging
import re
import uuid
from contextvars import ContextVar

_verzoek = ContextVar("verzoek", default=None)
GELDIG_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        kop = request.headers.get("X-Request-ID", "")
        request.request_id = kop if GELDIG_ID.fullmatch(kop) else uuid.uuid4().hex
        token = _verzoek.set(request)
        try:
            response = self.get_response(request)
        finally:
            _verzoek.reset(token)
        response["X-Request-ID"] = request.request_id
        return response


class VerzoekFilter(logging.Filter):
    """Adds ``request_id`` and ``gebruiker_id`` (None outside a request or when anonymous)."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = _verzoek.get()
        record.request_id = getattr(request, "request_id", None)
        # Only a user the request has loaded already: a log call never queries the database.
        gebruiker = getattr(request, "_cached_user", None)
        record.gebruiker_id = (
            gebruiker.pk if getattr(gebruiker, "is_authenticated", False) else None
        )
        return True
