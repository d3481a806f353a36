"""Helpers shared by the berichten tests: a message received through the pipeline and a row
stored without it."""

import hashlib

from wmoketen.berichten import services
from wmoketen.berichten.constants import Status
from wmoketen.berichten.models import Bericht


def ontvang(data, afzender, ontvanger):
    return services.ontvang(data, afzender=afzender, ontvanger=ontvanger, transport="api")


def kaal_bericht(afzender, ontvanger, **velden) -> Bericht:
    """A stored row without running the pipeline (for paging and counts)."""
    data = velden.pop("inhoud", b"<x/>")
    return Bericht.objects.create(
        inhoud=data,
        sha256=hashlib.sha256(data).hexdigest(),
        grootte=len(data),
        afzender=afzender,
        ontvanger=ontvanger,
        transport="api",
        **{"status": Status.ONTVANGEN, "standaard": "iwmo", "nummer": 301, **velden},
    )
