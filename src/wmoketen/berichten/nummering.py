"""The Identificatie of the messages we send: one generator for every sender and message type."""

from __future__ import annotations

from collections.abc import Callable

from istandaarden.opbouw import MAX_IDENTIFICATIE

from .models import Bericht

__all__ = ["nieuwe_identificatie"]

CIJFERS = MAX_IDENTIFICATIE - 1  # after the one-letter voorvoegsel


def nieuwe_identificatie(
    afzender, standaard: str, nummer: int, *, voorvoegsel: str, teller: Callable[[object, str], int]
) -> str:
    """Unique per sender and message type (TR056): ``voorvoegsel`` (one letter: who sends what)
    and 11 digits from the sender's counter ``<standaard><nummer>``.

    ``teller(afzender, naam)`` gives the counter's next number and locks it until commit
    (``toewijzingen.nummering.volgend_nummer``: the counters live there with the other numbers
    an organisation gives out). Numbers already used by a message of this sender (e.g. sent
    outside this app) are skipped.
    """
    while True:
        identificatie = f"{voorvoegsel}{teller(afzender, f'{standaard}{nummer}'):0{CIJFERS}d}"
        assert len(identificatie) <= MAX_IDENTIFICATIE
        if not Bericht.objects.filter(
            afzender_id=afzender.pk, standaard=standaard, nummer=nummer, identificatie=identificatie
        ).exists():
            return identificatie
