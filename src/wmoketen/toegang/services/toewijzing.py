"""Step 10: the beschikking's products allocated to the aanbieder of the plan
(``toewijzingen.services``: the allocations and the WMO301/JW301)."""

from wmoketen.toewijzingen import services as toewijzingen
from wmoketen.toewijzingen.services import Startnorm, TeWijzenProduct

from ..models import Beschikking


def te_wijzen_producten(beschikking: Beschikking) -> list[TeWijzenProduct]:
    """The beschikking's products as ``toewijzingen.services.TeWijzenProduct``."""
    return [
        TeWijzenProduct(
            product=bp.product,
            volume=bp.volume,
            eenheid=bp.eenheid,
            frequentie=bp.frequentie,
            ingangsdatum=beschikking.ingangsdatum,
            einddatum=beschikking.einddatum,
        )
        for bp in beschikking.producten.select_related("product")
    ]


def startnorm(beschikking: Beschikking) -> Startnorm:
    """start_ondersteuning (opened with the 301 by ``toewijzingen``) hangs on the beschikking,
    one for all its allocations, counted from the dagtekening; a follow-up's care starts on its
    ingangsdatum (the previous one runs until then)."""
    start = beschikking.dagtekening
    if beschikking.plan.melding.vorige_beschikking_id is not None:
        start = max(start, beschikking.ingangsdatum)
    return Startnorm(beschikking, start)


def wijs_beschikking_toe(beschikking: Beschikking, acting_user) -> list:
    """Allocate the beschikking's products to its aanbieder and send the 301."""
    return toewijzingen.wijs_toe(
        gemeente=beschikking.gemeente,
        aanbieder=beschikking.aanbieder,
        client=beschikking.client,
        wet=beschikking.wet,
        producten=te_wijzen_producten(beschikking),
        beschikkingnummer=beschikking.nummer,
        acting_user=acting_user,
        startnorm=startnorm(beschikking),
    )
