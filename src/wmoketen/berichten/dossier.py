"""The client's messages on his page (``clienten.dossier``).

A message names no client record: the records that sent or received it do (a toewijzing's 301,
a levering's 305/307, a verzoek's 315/317, an answer's 319). Those apps say which of their
messages belong to a client with ``@koppeling`` in their own ``dossier.py``; this section
shows them, with their retours, in one query::

    @koppeling
    def berichten_van_verzoeken(organisatie, client):
        yield Verzoek.objects.voor_organisatie(organisatie).filter(client_id=client.pk).values(
            "bericht_id"
        )
"""

from collections.abc import Callable, Iterable

from django.db.models import QuerySet
from django.urls import reverse

from wmoketen.clienten.dossier import Dossierregel, onderdeel

from . import queries
from .models import Bericht
from .rollen import LEZERS

# Functions (organisatie, client) -> querysets of one column: pks of the client's messages.
KOPPELINGEN: list[Callable[..., Iterable[QuerySet]]] = []


def koppeling(functie):
    """Register where an app links messages to a client's records."""
    KOPPELINGEN.append(functie)
    return functie


def berichten_van(organisatie, client) -> QuerySet:
    """The organisation's messages about ``client`` (and their retours), newest first.

    One query whose filter is a single ``id IN (… UNION …)``: the linked pks, and the pks of
    their retours (``heenbericht_id IN`` the same union). Each part reads an index (the
    client's records, the ``heenbericht`` unique index, the primary key). An OR of several
    ``IN`` subqueries instead makes PostgreSQL test every message (docs/performance.md).
    """
    gekoppeld = [pks for functie in KOPPELINGEN for pks in functie(organisatie, client)]
    if not gekoppeld:
        return queries.berichten_voor(organisatie).none()
    pks = _samen(gekoppeld)
    retouren = Bericht.objects.filter(heenbericht_id__in=pks).values("pk")
    return (
        queries.berichten_voor(organisatie)
        .filter(pk__in=_samen([pks, retouren]))
        .order_by("-ontvangen_op", "-pk")
    )


def _samen(kolommen: list[QuerySet]) -> QuerySet:
    """The union of querysets of one column (duplicates removed, no order)."""
    eerste, *rest = [qs.order_by() for qs in kolommen]
    return eerste.union(*rest) if rest else eerste


@onderdeel("Berichten", *LEZERS, volgorde=60)
def berichten(gebruiker, client):
    organisatie = gebruiker.organisatie
    for bericht in berichten_van(organisatie, client):
        partij = bericht.afzender if bericht.inkomend else bericht.ontvanger
        richting = "van" if bericht.inkomend else "aan"
        titel = bericht.naam + (f" {bericht.identificatie}" if bericht.identificatie else "")
        yield Dossierregel(
            bericht.ontvangen_op,
            titel,
            bericht.status_voor(organisatie).label,
            reverse("berichten:detail", args=[bericht.pk]),
            f"{'Ontvangen' if bericht.inkomend else 'Verzonden'} {richting} {partij}",
        )
