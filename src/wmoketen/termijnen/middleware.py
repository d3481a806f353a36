"""Calendar data once per request: every werkdag computation of one request shares the
closing days it read (``kalender.per_verzoek``); the next request reads them again."""

from . import kalender


class KalenderMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with kalender.per_verzoek():
            return self.get_response(request)
