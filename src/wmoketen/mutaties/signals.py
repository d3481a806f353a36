"""A profielwijziging ends and allocates only when its new beschikking is taken (in
``toegang``): this receiver completes the Mutatie then with what that beschikking did."""

from datetime import timedelta

from django.db.models import Q

from wmoketen.audit import services as audit
from wmoketen.toegang.constants import Aanleiding
from wmoketen.toewijzingen.constants import Status as ToewijzingStatus
from wmoketen.toewijzingen.models import Toewijzing

from .constants import REDEN_VERWIJDERD, REDEN_WIJZIGING, Soort
from .models import Mutatie


def profiel_beschikt(sender, *, beschikking, acting_user, **kwargs) -> None:
    """``toegang.signals.beschikking_genomen``: the follow-up beschikking of a profielwijziging
    ended the previous allocations the day before its ingangsdatum (RedenWijziging 05) and
    allocated the new ones; record them, and the 301s, on the open profile Mutatie."""
    melding = beschikking.plan.melding
    vorige = melding.vorige_beschikking
    if melding.aanleiding != Aanleiding.PROFIELWIJZIGING or vorige is None:
        return
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
        return
    oud = list(
        Toewijzing.objects.filter(
            Q(einddatum=beschikking.ingangsdatum - timedelta(days=1))
            | Q(status=ToewijzingStatus.VERWIJDERD, ingangsdatum__gte=beschikking.ingangsdatum),
            gemeente_id=beschikking.gemeente_id,
            client_id=beschikking.client_id,
            beschikkingnummer=vorige.nummer,
            reden_wijziging__in=[REDEN_WIJZIGING[Soort.PROFIEL], REDEN_VERWIJDERD],
        )
    )
    nieuw = list(
        Toewijzing.objects.filter(
            gemeente_id=beschikking.gemeente_id, beschikkingnummer=beschikking.nummer
        )
    )
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
