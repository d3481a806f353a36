"""The client page as one place to see a case: the apps above ``clienten`` add its sections.

``clienten`` is a base app: it imports none of the apps that hold a client's meldingen,
plans, beschikkingen, toewijzingen, verzoeken, berichten and evaluaties. Each of them defines
its sections in its own ``dossier.py`` (found at start-up by ``ClientenConfig.ready``)::

    from wmoketen.clienten.dossier import Dossierregel, onderdeel

    @onderdeel("Meldingen", Rol.TOEGANGSMEDEWERKER, Rol.BACKOFFICE, volgorde=10)
    def meldingen(gebruiker, client):
        for melding in queries.meldingen_voor(gebruiker.organisatie).filter(client=client):
            yield Dossierregel(melding.ontvangen_op, "Melding Wmo", melding.get_status_display(),
                               reverse("toegang:melding", args=[melding.pk]))

A section reads through its app's scoped querysets (``voor_organisatie``): the viewer sees only
his organisation's records, in one query per section. Its rows are shown newest first; a section
may offer actions (``acties``: (label, url) pairs, e.g. "Nieuwe melding").
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import timezone

# The page shows at most this many rows per section (newest first), with the number left off.
MAX_REGELS = 25


@dataclass(frozen=True)
class Dossierregel:
    datum: date | datetime | None
    titel: str
    status: str = ""
    url: str = ""
    toelichting: str = ""

    @property
    def dag(self) -> date | None:
        if isinstance(self.datum, datetime):
            aware = timezone.is_aware(self.datum)
            return timezone.localdate(self.datum) if aware else self.datum.date()
        return self.datum


@dataclass(frozen=True)
class Onderdeel:
    naam: str
    rollen: frozenset[str]
    volgorde: int
    regels: Callable[..., Iterable[Dossierregel]]
    acties: Callable[..., Iterable[tuple[str, str]]] | None = None


@dataclass
class Sectie:
    """One section as the page shows it."""

    naam: str
    regels: list[Dossierregel]
    weggelaten: int = 0
    acties: list[tuple[str, str]] = field(default_factory=list)

    @property
    def anker(self) -> str:
        return "dossier-" + "".join(c if c.isalnum() else "-" for c in self.naam.lower())


ONDERDELEN: dict[str, Onderdeel] = {}


def periode(begin: date | None, eind: date | None) -> str:
    """ "01-05-2026 t/m 30-04-2027" for a row's toelichting; "…" for an open end."""
    if begin is None:
        return ""
    return f"{begin:%d-%m-%Y} t/m {f'{eind:%d-%m-%Y}' if eind else '…'}"


def onderdeel(naam: str, *rollen, volgorde: int = 50, acties=None):
    """Register a section of the client page for users with one of ``rollen``.

    The function takes (gebruiker, client) and yields ``Dossierregel``s; ``acties`` takes the
    same and yields (label, url) links shown with the section."""

    def registreer(functie):
        ONDERDELEN[naam] = Onderdeel(
            naam, frozenset(str(r) for r in rollen), volgorde, functie, acties
        )
        return functie

    return registreer


def _nieuwste_eerst(regel: Dossierregel) -> tuple:
    # Newest first; rows without a date last.
    dag = regel.dag
    return (dag is None, -(dag.toordinal() if dag else 0))


def dossier(gebruiker, client) -> list[Sectie]:
    """The sections of ``client``'s page for ``gebruiker``: the ones for his roles, in their
    order, each with its rows newest first."""
    secties = []
    for o in sorted(ONDERDELEN.values(), key=lambda o: (o.volgorde, o.naam)):
        if not o.rollen & gebruiker.rollen:
            continue
        regels = sorted(o.regels(gebruiker, client), key=_nieuwste_eerst)
        acties = list(o.acties(gebruiker, client)) if o.acties else []
        secties.append(
            Sectie(o.naam, regels[:MAX_REGELS], max(0, len(regels) - MAX_REGELS), acties)
        )
    return secties
