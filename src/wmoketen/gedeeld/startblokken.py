"""Count blocks on the start page, fed by the apps like the worklist (see ``werklijst.py``).

An app adds a block in its own ``startblokken.py`` (``portaal`` finds these modules at
start-up):

    from wmoketen.gedeeld.startblokken import Telling, blok

    @blok("Berichtenverkeer", Rol.BACKOFFICE, Rol.AANBIEDER, leeg="Nog geen berichten.")
    def berichten_per_status(gebruiker):
        yield Telling("Afgekeurd", 3, "/berichten/?status=afgekeurd")

The start page shows each user the blocks for his roles, in registration order.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple


class Telling(NamedTuple):
    label: str
    aantal: int
    url: str
    css: str = ""  # e.g. "tegel--fout"


@dataclass(frozen=True)
class Blok:
    titel: str
    rollen: frozenset[str]
    tellingen: Callable[..., Iterable[Telling]]
    leeg: str = ""  # shown when the block has no rows


BLOKKEN: dict[str, Blok] = {}


def blok(titel: str, *rollen, leeg: str = ""):
    """Register a block of counts for users with one of ``rollen``."""

    def registreer(functie):
        BLOKKEN[titel] = Blok(titel, frozenset(str(r) for r in rollen), functie, leeg)
        return functie

    return registreer


def blokken_voor(gebruiker) -> list[tuple[Blok, list[Telling]]]:
    """The user's blocks with their rows."""
    return [
        (b, list(b.tellingen(gebruiker))) for b in BLOKKEN.values() if b.rollen & gebruiker.rollen
    ]
