"""A profielwijziging ends and allocates only when its new beschikking is taken (in
``toegang``): :func:`profiel_beschikt` then completes the Mutatie with what that beschikking
did. ``stromen.beschikking`` calls it after every beschikking."""

from datetime import timedelta

from django.db import transaction

from wmoketen.audit import services as audit
from wmoketen.toegang.constants import Aanleiding
from wmoketen.toewijzingen import queries as toewijzingen_queries

from .constants import REDEN_VERWIJDERD, REDEN_WIJZIGING, Soort
from .models import Mutatie


@transaction.atomic
def profiel_beschikt(beschikking, *, acting_user) -> Mutatie | None:
    """The follow-up beschikking of a profielwijziging ended the previous allocations the day
    before its ingangsdatum (RedenWijziging 05) and allocated the new ones; record them, and
    the 301s, on the open profile Mutatie. Any other beschikking changes nothing."""
    melding = beschikking.plan.melding
    vorige = melding.vorige_beschikking
    if melding.aanleiding != Aanleiding.PROFIELWIJZIGING or vorige is None:
        return None
    mutatie = (
        Mutatie.objects.filter(
            soort=Soort.PROFIEL,
            client_id=beschikking.client_id,
            traject_id=melding.traject_id,
            nieuw__isnull=True,
        )
        .order_by("-pk")
        .first()
    )
    if mutatie is None:
        return None
    oud = toewijzingen_queries.ingetrokken_onder(
        beschikking.gemeente_id,
        beschikking.client_id,
        vorige.nummer,
        laatste=beschikking.ingangsdatum - timedelta(days=1),
        redenen=[REDEN_WIJZIGING[Soort.PROFIEL], REDEN_VERWIJDERD],
    )
    nieuw = list(toewijzingen_queries.van_beschikking(beschikking.gemeente_id, beschikking.nummer))
    mutatie.datum = beschikking.ingangsdatum
    mutatie.save(update_fields=["datum"])
    mutatie.beeindigd.add(*oud)
    mutatie.nieuw.add(*nieuw)
    mutatie.berichten.add(*{t.bericht_id for t in oud + nieuw if t.bericht_id})
    audit.log(
        acting_user,
        "mutatie.profiel_beschikt",
        mutatie,
        client_id=beschikking.client_id,
        omschrijving=(
            f"{mutatie}: beschikking {beschikking.nummer}, {len(oud)} beëindigd, {len(nieuw)} nieuw"
        ),
    )
    return mutatie
