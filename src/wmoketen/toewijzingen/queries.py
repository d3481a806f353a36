"""Reads of allocations for other apps and the worklists, always scoped."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from wmoketen.audit import services as audit

from .models import AanbiederToewijzing, Levering, Toewijzing


def eigen_voor(organisatie):
    """The gemeente's own allocations, with what the lists and pages show."""
    return (
        Toewijzing.objects.voor_organisatie(organisatie)
        .filter(gemeente_id=organisatie.pk)
        .select_related("client", "aanbieder", "product", "bericht")
        .prefetch_related(Prefetch("leveringen", queryset=Levering.objects.order_by("pk")))
    )


def ontvangen_voor(organisatie):
    """The allocations an aanbieder received, with what the lists and pages show."""
    return (
        AanbiederToewijzing.objects.voor_organisatie(organisatie)
        .distinct()
        .select_related("client", "gemeente", "product", "bericht")
        .prefetch_related("leveringen")
    )


def lees_toewijzing(gebruiker, pk: int) -> Toewijzing:
    """One allocation of the user's gemeente (404 otherwise); logs the read."""
    toewijzing = get_object_or_404(eigen_voor(gebruiker.organisatie), pk=pk)
    audit.log(gebruiker, "toewijzing.gelezen", toewijzing, client_id=toewijzing.client_id)
    return toewijzing


def lees_ontvangen(gebruiker, pk: int) -> AanbiederToewijzing:
    """One allocation the user's aanbieder received (404 otherwise); logs the read."""
    toewijzing = get_object_or_404(ontvangen_voor(gebruiker.organisatie), pk=pk)
    audit.log(gebruiker, "toewijzing.gelezen", toewijzing, client_id=toewijzing.client_id)
    return toewijzing


def ontvangen_bij(
    aanbieder_id: int, gemeente_id: int, toewijzingnummers
) -> AanbiederToewijzing | None:
    """The aanbieder's received allocation matching one of the gemeente's numbers (the XML
    is all that connects the two records), the earliest first."""
    return (
        AanbiederToewijzing.objects.filter(
            aanbieder_id=aanbieder_id,
            gemeente_id=gemeente_id,
            toewijzingnummer__in=list(toewijzingnummers),
        )
        .select_related("client")
        .order_by("ingangsdatum", "pk")
        .first()
    )


def nummers_van_beschikking(gemeente_id: int, beschikkingnummer: str) -> list[int]:
    """The numbers of the gemeente's allocations under one beschikking."""
    return list(
        Toewijzing.objects.filter(
            gemeente_id=gemeente_id, beschikkingnummer=beschikkingnummer
        ).values_list("toewijzingnummer", flat=True)
    )


def eigen_toewijzing(gemeente_id: int, toewijzingnummer: int) -> Toewijzing | None:
    """The gemeente's allocation with this number (its record of what an aanbieder got)."""
    return (
        Toewijzing.objects.filter(gemeente_id=gemeente_id, toewijzingnummer=toewijzingnummer)
        .select_related("client")
        .first()
    )
