"""Step 9 for a follow-up (``toegang.vervolg``: herindicatie, profielwijziging): the
beschikking continues the previous one. Its ingangsdatum joins the previous einddatum (or,
after a profielwijziging, the chosen date) and a profielwijziging's 301 ends the previous
allocations the day before the new ones start."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError

from wmoketen.toewijzingen import queries as toewijzingen_queries
from wmoketen.toewijzingen import services as toewijzingen

from ..constants import Aanleiding
from ..models import Beschikking, Melding
from .toewijzing import startnorm, te_wijzen_producten

# RedenWijziging (WMO002/JZ002) of a previous allocation shortened by a profielwijziging.
REDEN_VERKORTING = "05"

GEEN_OPEN_VERVOLG = (
    "Een herindicatie of profielwijziging zet de zorg voort bij de aanbieder van het plan: "
    "neem geen open beschikking."
)


def lopend_onder(beschikking: Beschikking, op: date):
    """The allocations under ``beschikking`` current on ``op``."""
    return toewijzingen_queries.lopende_toewijzingen(
        beschikking.gemeente_id, beschikking.client_id, op=op, beschikkingnummer=beschikking.nummer
    )


def aansluitende_ingangsdatum(vorige: Beschikking) -> date:
    return vorige.einddatum + timedelta(days=1)


def ingangsdatum_vervolg(melding: Melding, ingangsdatum: date | None) -> date:
    """The ingangsdatum of a follow-up's beschikking (called by ``neem_beschikking``).

    Herindicatie: the day after the previous einddatum (the default), never later (a gap)
    nor earlier (that is a profielwijziging). Profielwijziging: the chosen date, after the
    previous ingangsdatum and at the latest the day after its einddatum."""
    vorige = melding.vorige_beschikking
    aansluitend = aansluitende_ingangsdatum(vorige)
    gat = (
        f"Tussen beschikking {vorige.nummer} (tot en met {vorige.einddatum:%d-%m-%Y}) en de "
        f"nieuwe beschikking zit een gat: laat de nieuwe ingaan op {aansluitend:%d-%m-%Y}."
    )
    if melding.aanleiding == Aanleiding.HERINDICATIE:
        if ingangsdatum is None:
            return aansluitend
        if ingangsdatum > aansluitend:
            raise ValidationError(gat)
        if ingangsdatum < aansluitend:
            raise ValidationError(
                f"Bij een herindicatie gaat de nieuwe beschikking in op {aansluitend:%d-%m-%Y}, "
                f"de dag na de einddatum van beschikking {vorige.nummer}. Verandert de "
                "ondersteuning eerder, dan is het een profielwijziging."
            )
        return ingangsdatum
    if ingangsdatum is None:
        raise ValidationError("Vul de ingangsdatum in: vanaf die dag geldt het nieuwe profiel.")
    if ingangsdatum <= vorige.ingangsdatum:
        raise ValidationError(
            f"De nieuwe beschikking gaat in na de ingangsdatum van beschikking {vorige.nummer} "
            f"({vorige.ingangsdatum:%d-%m-%Y})."
        )
    if ingangsdatum > aansluitend:
        raise ValidationError(gat)
    return ingangsdatum


def wijs_toe_na_profielwijziging(beschikking: Beschikking, vorige: Beschikking, acting_user):
    """End the previous allocations the day before the new beschikking (RedenWijziging 05),
    create the new ones, and send each aanbieder concerned ONE 301 with both."""
    einde = beschikking.ingangsdatum - timedelta(days=1)
    oud = list(lopend_onder(vorige, beschikking.ingangsdatum).order_by("pk"))
    for toewijzing in oud:  # one that starts later than ``einde`` is removed (13)
        toewijzingen.trek_in(
            toewijzing, laatste=einde, reden_wijziging=REDEN_VERKORTING, acting_user=acting_user
        )
    nieuw = toewijzingen.maak_toewijzingen(
        gemeente=beschikking.gemeente,
        aanbieder=beschikking.aanbieder,
        client=beschikking.client,
        wet=beschikking.wet,
        producten=te_wijzen_producten(beschikking),
        beschikkingnummer=beschikking.nummer,
        acting_user=acting_user,
    )
    aanbieders = {beschikking.aanbieder_id: beschikking.aanbieder}
    aanbieders.update((t.aanbieder_id, t.aanbieder) for t in oud)
    for aanbieder_id, aanbieder in aanbieders.items():
        toewijzingen.verstuur_301(
            gemeente=beschikking.gemeente,
            aanbieder=aanbieder,
            client=beschikking.client,
            wet=beschikking.wet,
            acting_user=acting_user,
            gewijzigd=[t.pk for t in oud if t.aanbieder_id == aanbieder_id],
            startnorm=startnorm(beschikking),
        )
    for toewijzing in nieuw:
        toewijzing.refresh_from_db(fields=["bericht"])
    return nieuw
