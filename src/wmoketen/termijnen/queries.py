"""Reads of rules and deadlines for other apps and the worklists."""

from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone

from .constants import LOPEND
from .models import Termijn, Termijnregel


def regel_voor(code: str, gemeente=None) -> Termijnregel:
    """The rule ``code`` as it applies to ``gemeente``: its own > its regio's > without scope.

    Raises a ``ValidationError`` with a Dutch message when no rule applies.
    """
    regels = Termijnregel.objects.filter(code=code).select_related("gemeente", "regio")
    if gemeente is not None:
        regels = regels.filter(
            Q(gemeente_id=gemeente.pk)
            | Q(regio__gemeenten__pk=gemeente.pk)
            | Q(gemeente__isnull=True, regio__isnull=True)
        )
    else:
        regels = regels.filter(gemeente__isnull=True, regio__isnull=True)
    regel = (
        regels.annotate(
            voorrang=Case(
                When(gemeente__isnull=False, then=Value(0)),
                When(regio__isnull=False, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        .order_by("voorrang", "regio__naam", "pk")
        .first()
    )
    if regel is None:
        raise ValidationError(f"Er is geen termijnregel met code '{code}'.")
    return regel


def open_termijnen(
    organisatie, *, binnen_dagen: int | None = None, vandaag: date | None = None
) -> QuerySet[Termijn]:
    """Running deadlines (open or verlopen) that ``organisatie`` sees, overdue first.

    Ordered by due date, so overdue deadlines (the earliest dates) come first, the most
    overdue at the top. ``binnen_dagen``: only those due within that many calendar days
    (overdue ones always included).
    """
    vandaag = vandaag or timezone.localdate()
    rijen = Termijn.objects.voor_organisatie(organisatie).filter(status__in=LOPEND)
    if binnen_dagen is not None:
        rijen = rijen.filter(vervaldatum__lte=vandaag + timedelta(days=binnen_dagen))
    return rijen.select_related("regel", "gemeente", "content_type").order_by("vervaldatum", "pk")


def termijnen_voor(onderwerp, organisatie, *, alleen_lopend: bool = False) -> QuerySet[Termijn]:
    """Deadlines on one object that ``organisatie`` sees, by due date."""
    rijen = Termijn.objects.voor_organisatie(organisatie).filter(
        content_type=ContentType.objects.get_for_model(onderwerp), object_id=onderwerp.pk
    )
    if alleen_lopend:
        rijen = rijen.filter(status__in=LOPEND)
    return rijen.select_related("regel").order_by("vervaldatum", "pk")


def eerste_lopende_per_onderwerp(
    model, pks, organisatie, *, regelcode: str | None = None
) -> dict[int, Termijn]:
    """Per subject pk of ``model``: its first running deadline by due date (of the rule
    ``regelcode``) that ``organisatie`` sees; one query for all ``pks`` (a worklist's rows)."""
    pks = list(pks)
    if not pks:
        return {}
    rijen = Termijn.objects.voor_organisatie(organisatie).filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id__in=pks,
        status__in=LOPEND,
    )
    if regelcode is not None:
        rijen = rijen.filter(regel__code=regelcode)
    eerste: dict[int, Termijn] = {}
    for termijn in rijen.select_related("regel").order_by("vervaldatum", "pk"):
        eerste.setdefault(termijn.object_id, termijn)
    return eerste
