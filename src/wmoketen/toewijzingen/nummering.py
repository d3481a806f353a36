"""An organisation's counters: toewijzingnummers, message Identificaties, ReferentieAanbieder."""

from __future__ import annotations

from django.db.models import F

from .models import Nummerreeks

__all__ = ["volgend_nummer"]


def volgend_nummer(organisatie, naam: str) -> int:
    """The next number of the organisation's counter ``naam``; locks it until commit.

    In use: an UPDATE (it locks the row) and a read. The first use inserts the row with ON
    CONFLICT DO NOTHING: a second process doing the same waits for the first's commit and counts
    on from there, with no unique-constraint error and no savepoint."""
    reeks = Nummerreeks.objects.filter(organisatie_id=organisatie.pk, naam=naam)
    if not reeks.update(laatste=F("laatste") + 1):
        nieuw = Nummerreeks(organisatie_id=organisatie.pk, naam=naam)
        Nummerreeks.objects.bulk_create([nieuw], ignore_conflicts=True)
        reeks.update(laatste=F("laatste") + 1)
    return reeks.select_for_update().values_list("laatste", flat=True).get()
