"""Reads of allocations for other apps and the worklists, always scoped."""

from .models import AanbiederToewijzing, Toewijzing


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
