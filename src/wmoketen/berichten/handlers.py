"""The registry of message handlers: the domain apps say what a received message does.

    from wmoketen.berichten.handlers import handler

    @handler("iwmo", 301)
    def verwerk_toewijzing(ontvangen: Ontvangen) -> None:
        ...  # runs inside the message's transaction; raise to refuse processing

A handler runs in one transaction (a savepoint inside the pipeline's): it applies fully or not
at all. An exception marks the message "fout bij verwerking"; it can be reprocessed.
Messages without a handler are accepted and marked verwerkt.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from lxml import etree

HANDLERS: dict[tuple[str, int], Callable[["Ontvangen"], None]] = {}


@dataclass(frozen=True)
class Ontvangen:
    """What a handler gets: the stored row, the parsed message and its tree."""

    bericht: Any  # berichten.models.Bericht
    inhoud: Any  # the xsdata binding of the message
    root: etree._Element


def handler(standaard: str, *nummers: int):
    def registreer(functie):
        for nummer in nummers:
            HANDLERS[(standaard, nummer)] = functie
        return functie

    return registreer


def handler_voor(standaard: str, nummer: int) -> Callable[[Ontvangen], None] | None:
    return HANDLERS.get((standaard, nummer))
