"""The request body of a message: raw bytes, never parsed here, with the size limit enforced."""

from django.conf import settings
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.parsers import BaseParser


class TeGroot(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "te_groot"

    def __init__(self, grootte: int | None = None):
        grens = settings.BERICHT_MAX_BYTES
        omvang = f" ({grootte} bytes)" if grootte is not None else ""
        super().__init__(
            f"Het bericht is te groot{omvang}: de grens is {grens} bytes "
            f"({grens / 1024 / 1024:g} MB). Er is niets opgeslagen."
        )


def controleer_lengte(request) -> None:
    """Refuse before reading when the Content-Length already says it is too large."""
    try:
        lengte = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        lengte = 0
    if lengte > settings.BERICHT_MAX_BYTES:
        raise TeGroot(lengte)


class RuweXmlParser(BaseParser):
    """``application/xml`` (or ``text/xml``): the body as bytes, untouched.

    The message is stored verbatim as evidence, so nothing here decodes or parses it; the
    pipeline's safe parser does. At most BERICHT_MAX_BYTES are read.
    """

    media_type = "application/xml"

    def parse(self, stream, media_type=None, parser_context=None) -> bytes:
        grens = settings.BERICHT_MAX_BYTES
        data = stream.read(grens + 1) if stream is not None else b""
        if len(data) > grens:
            raise TeGroot()
        return data


class RuweTekstXmlParser(RuweXmlParser):
    media_type = "text/xml"
