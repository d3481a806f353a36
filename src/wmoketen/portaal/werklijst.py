"""The worklist on the start page, fed by the apps through one registration mechanism.

An app adds items by defining a source in its own ``werklijst.py`` (found at start-up):

    from wmoketen.portaal.werklijst import Werkitem, bron

    @bron("Taken", Rol.AANBIEDER, Rol.TOEGANGSMEDEWERKER)
    def open_taken(gebruiker):
        for taak in ...:
            yield Werkitem("Taken", taak.naam, url, vervaldatum=..., termijn_label=...)

The worklist shows each user the items of the sources for his roles, overdue first.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from django.utils import timezone


@dataclass(frozen=True)
class Werkitem:
    soort: str
    titel: str
    url: str
    vervaldatum: date | None = None
    termijn_label: str = ""  # e.g. "Nog 3 dagen", "2 dagen te laat"
    termijn_css: str = ""  # e.g. "termijn--verlopen"
    prioriteit: str = ""
    toelichting: str = ""

    @property
    def te_laat(self) -> bool:
        return self.vervaldatum is not None and self.vervaldatum < timezone.localdate()


@dataclass(frozen=True)
class Bron:
    naam: str
    rollen: frozenset[str]
    items: Callable[..., Iterable[Werkitem]]


BRONNEN: dict[str, Bron] = {}


def bron(naam: str, *rollen):
    """Register a worklist source for users with one of ``rollen``."""

    def registreer(functie):
        BRONNEN[naam] = Bron(naam, frozenset(str(r) for r in rollen), functie)
        return functie

    return registreer


def bronnen_voor(gebruiker) -> list[Bron]:
    return [b for b in BRONNEN.values() if b.rollen & gebruiker.rollen]


def _volgorde(item: Werkitem) -> tuple:
    # Overdue first, then the nearest due date; items without a date last.
    return (not item.te_laat, item.vervaldatum is None, item.vervaldatum or date.max, item.titel)


def werklijst(gebruiker, soort: str | None = None) -> list[Werkitem]:
    items = [
        item
        for b in bronnen_voor(gebruiker)
        if soort in (None, "", b.naam)
        for item in b.items(gebruiker)
    ]
    return sorted(items, key=_volgorde)
