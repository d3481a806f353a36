"""The worklist on the start page, fed by the apps through one registration mechanism.

An app adds items by defining a source in its own ``werklijst.py`` (``portaal`` finds these
modules at start-up):

    from wmoketen.gedeeld.werklijst import Werkitem, bron

    @bron("Taken", Rol.AANBIEDER, Rol.TOEGANGSMEDEWERKER)
    def open_taken(gebruiker):
        for taak in ...:
            yield Werkitem("Taken", taak.naam, url, vervaldatum=..., termijn_label=...)

The worklist shows each user the items of the sources for his roles, overdue first. Items
about one piece of work (the same ``sleutels``) become one row (see ``samenvoegen.py``).
Every item names its client (``client``), or says why it has none (``geen_client``).

A source reads in a fixed number of queries whatever the backlog: its rows with their
relations in one, what the rows need besides in one more for all of them, never a query per
row. Deadlines link to where their work is done (``werkplek``): registered per subject model
with the relations it reads (``select_related``), or, when it needs other rows, as one
function for all subjects at once (``werkplekken``).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import IntEnum

from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.utils import timezone

from .samenvoegen import voeg_samen

# A source whose rows grow with the backlog (all running deadlines of a large gemeente, every
# rejected 301 ever) reads only this many, the most urgent first, in SQL: the worklist is the
# work to do now; the rest is on the apps' own (paged) lists. Building 20,000 rows in Python
# took 10 s at the scale of docs/performance.md.
MAX_PER_BRON = 200


class Rang(IntEnum):
    """Which item leads when items about one piece of work merge (lowest first)."""

    ACTIE = 0  # the step to take, on the page where it is taken
    OVERZICHT = 1  # a case in the caseload
    TAAK = 2
    TERMIJN = 3


def sleutel(obj) -> str:
    """The identity of an object in the worklist, e.g. ``toegang.melding:12``."""
    return f"{obj._meta.label_lower}:{obj.pk}"


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
    client: str = ""
    geen_client: str = ""  # why the row names no client
    sleutels: frozenset[str] = frozenset()  # the objects the work is about
    rang: Rang = Rang.ACTIE
    termijn_titel: str = ""  # which deadline the date is, once rows merged
    taakstatus: str = ""
    soorten: frozenset[str] = field(default=frozenset(), compare=False)  # set when merged

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
    """The user's rows, merged per piece of work; ``soort`` keeps the rows with an item of
    that source (so a filter shows the same row as "Alles")."""
    items = [item for b in bronnen_voor(gebruiker) for item in b.items(gebruiker)]
    rijen = [r for r in voeg_samen(items) if not soort or soort in r.soorten]
    return sorted(rijen, key=_volgorde)


@dataclass(frozen=True)
class Werkplek:
    """Where the work on a deadline's subject is done, for one user."""

    url: str
    client: str
    sleutels: frozenset[str]


@dataclass(frozen=True)
class Werkplekregel:
    """How the werkplekken of deadlines on one model are found: ``werkplekken(onderwerpen,
    gebruiker) -> {pk: Werkplek | None}`` for all the subjects at once, read with
    ``select_related`` (the relations the function reads)."""

    model: type
    werkplekken: Callable[[list, object], dict]
    select_related: tuple[str, ...] = ()


WERKPLEKKEN: dict[str, Werkplekregel] = {}


def werkplekken(model, *, select_related: Iterable[str] = ()):
    """Register ``functie(onderwerpen, gebruiker) -> {pk: Werkplek | None}`` for deadlines on
    ``model``: for a werkplek that needs rows beyond the subject's relations, which the
    function then reads for all subjects in a fixed number of queries."""

    def registreer(functie):
        WERKPLEKKEN[model._meta.label_lower] = Werkplekregel(model, functie, tuple(select_related))
        return functie

    return registreer


def werkplek(model, *, select_related: Iterable[str] = ()):
    """Register ``functie(onderwerp, gebruiker) -> Werkplek | None`` for deadlines on
    ``model``; None: not this user's work (the deadline stays off his list). The function
    reads only the subject and its relations in ``select_related`` (no query of its own)."""

    def registreer(functie):
        def per_onderwerp(onderwerpen, gebruiker) -> dict:
            return {o.pk: functie(o, gebruiker) for o in onderwerpen}

        werkplekken(model, select_related=select_related)(per_onderwerp)
        return functie

    return registreer


def werkplek_modellen() -> list[type]:
    return [r.model for r in WERKPLEKKEN.values()]


def onderwerpen_prefetch(lookup: str = "onderwerp") -> GenericPrefetch:
    """Prefetches deadlines' subjects (a ``GenericForeignKey``): one query per registered
    model, with the relations its werkplek reads."""
    return GenericPrefetch(
        lookup,
        [r.model._default_manager.select_related(*r.select_related) for r in WERKPLEKKEN.values()],
    )


def werkplekken_voor(onderwerpen: Iterable, gebruiker) -> dict[str, Werkplek]:
    """Per subject (its ``sleutel``): where ``gebruiker`` works on it; subjects that are not
    his work are left out. One call per model, whatever the number of subjects."""
    per_model: dict[str, dict] = {}
    for onderwerp in onderwerpen:
        if onderwerp is not None:
            per_model.setdefault(onderwerp._meta.label_lower, {})[onderwerp.pk] = onderwerp
    plekken = {}
    for label, lijst in per_model.items():
        regel = WERKPLEKKEN.get(label)
        if regel is None:
            continue
        for pk, plek in regel.werkplekken(list(lijst.values()), gebruiker).items():
            if plek is not None:
                plekken[f"{label}:{pk}"] = plek
    return plekken
