"""Reads of the requests' list pages, scoped to the organisation and cut in SQL."""

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, OuterRef, Q, Subquery
from django.utils import timezone

from wmoketen.termijnen.constants import LOPEND
from wmoketen.termijnen.models import Termijn

from .constants import ONDERHANDEN, Status
from .models import Verzoek


def verzoeken_voor(organisatie, kant: str):
    """The organisation's requests on its side, with what a list row shows (not the message:
    a list never reads message bodies)."""
    return (
        Verzoek.objects.voor_organisatie(organisatie)
        .filter(kant=kant)
        .select_related("client", "gemeente", "aanbieder")
    )


def te_beantwoorden(verzoeken):
    """Requests with a product still undecided: open or in onderzoek, or partly allocated
    with a product back to open after a rejected 319 (320)."""
    return verzoeken.filter(
        Q(status__in=ONDERHANDEN) | Q(status=Status.DEELS, producten__status__in=ONDERHANDEN)
    ).distinct()


def werkvoorraad(organisatie, kant: str):
    """The requests waiting for an answer (``te_beantwoorden``), the first due date
    of their running deadlines (``eerste_vervaldatum``) first, those without one last."""
    verzoeken = verzoeken_voor(organisatie, kant)
    eerste = (
        Termijn.objects.voor_organisatie(organisatie)
        .filter(
            content_type=ContentType.objects.get_for_model(Verzoek),
            object_id=OuterRef("pk"),
            status__in=LOPEND,
        )
        .order_by("vervaldatum", "pk")
        .values("vervaldatum")[:1]
    )
    # The rule's DISTINCT over its join stays inside the subquery: the list itself is plain.
    return (
        verzoeken.filter(pk__in=te_beantwoorden(verzoeken).values("pk"))
        .annotate(eerste_vervaldatum=Subquery(eerste))
        .order_by(F("eerste_vervaldatum").asc(nulls_last=True), "pk")
    )


def te_laat(werkvoorraad, *, op: date | None = None) -> int:
    """How many of ``werkvoorraad`` have a running deadline past its due date (before ``op``,
    today)."""
    return werkvoorraad.filter(eerste_vervaldatum__lt=op or timezone.localdate()).count()
