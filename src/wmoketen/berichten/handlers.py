"""The registry of message handlers: the domain apps say what a received message does.

    from wmoketen.berichten.handlers import handler

    @handler("iwmo", 301)
    def verwerk_toewijzing(ontvangen: Ontvangen) -> None:
        ...  # runs inside the message's transaction; raise to refuse processing

A handler runs in one transaction (a savepoint inside the pipeline's): it applies fully or not
at all. An exception marks the message "fout bij verwerking"; it can be reprocessed.
A valid heenbericht without a handler is not marked verwerkt but "geen verwerking ingericht",
for the functioneel beheerder; a retour without a handler is only linked to its heenbericht.

Two more registrations, per message type:

- ``zelf_beoordeeld(standaard, *nummers)``: the handler applies the cross-message rules itself
  (e.g. the 323, answered class by class in its 325); the pipeline then does not run them.
- ``@weigering(standaard, *nummers)``: ``functie(bericht, root, fouten)`` runs in the
  pipeline's transaction (a savepoint) when such a heenbericht is rejected on a single-message
  rule (controleniveau 2) or on TR056, after it was marked afgekeurd (e.g. a 323's Header-only
  325). Not for an XSD error (level 1) or an address error. When it raises, the rejection stands.
"""

import copy
from collections.abc import Callable
from typing import Any

from lxml import etree

from istandaarden.codec import parse_tree

HANDLERS: dict[tuple[str, int], Callable[["Ontvangen"], None]] = {}
ZELF_BEOORDEELD: set[tuple[str, int]] = set()
WEIGERINGEN: dict[tuple[str, int], Callable[[Any, etree._Element, list], None]] = {}


class Ontvangen:
    """What a handler gets: the stored row, the message's tree and its binding.

    The binding is made on first use: a handler that reads the tree only (the 323's, of up to
    tens of thousands of prestaties) never pays for it.
    """

    def __init__(self, bericht, inhoud=None, root: etree._Element | None = None) -> None:
        self.bericht = bericht  # berichten.models.Bericht
        self.root = root
        self._inhoud = inhoud

    @property
    def inhoud(self):
        """The xsdata binding of the message."""
        if self._inhoud is None:
            # parse_tree consumes (clears) the tree it binds: bind a copy, so the handler
            # keeps the whole tree as well.
            self._inhoud = parse_tree(copy.deepcopy(self.root).getroottree())
        return self._inhoud


def handler(standaard: str, *nummers: int):
    def registreer(functie):
        for nummer in nummers:
            HANDLERS[(standaard, nummer)] = functie
        return functie

    return registreer


def handler_voor(standaard: str, nummer: int) -> Callable[[Ontvangen], None] | None:
    return HANDLERS.get((standaard, nummer))


def zelf_beoordeeld(standaard: str, *nummers: int) -> None:
    """The handler of these messages applies their cross-message rules itself."""
    ZELF_BEOORDEELD.update((standaard, nummer) for nummer in nummers)


def is_zelf_beoordeeld(standaard: str, nummer: int) -> bool:
    return (standaard, nummer) in ZELF_BEOORDEELD


def weigering(standaard: str, *nummers: int):
    """Register ``functie(bericht, root, fouten)``: called when such a heenbericht is rejected
    on a single-message rule or on TR056 (see the module's docstring)."""

    def registreer(functie):
        for nummer in nummers:
            WEIGERINGEN[(standaard, nummer)] = functie
        return functie

    return registreer


def weigering_voor(
    standaard: str, nummer: int
) -> Callable[[Any, etree._Element, list], None] | None:
    return WEIGERINGEN.get((standaard, nummer))
