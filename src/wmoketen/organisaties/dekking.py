"""Whether a change of contracts leaves a running toewijzing without a contract.

A toewijzing needs, on every day of its period, a valid contract line for its product with its
aanbieder for its gemeente. A change of a contract or a line may not take that cover away from
a toewijzing that still runs (not ended before today, not removed); another line, of a
follow-up contract for instance, may take over.

The toewijzingen live in a higher layer than contracts: that app registers how to find the
running ones (``registreer_afnemer``, from its AppConfig), so this module never imports it.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone

from .models import Contractregel
from .perioden import Periode, doorsnede, periode, zonder
from .queries import regels_bij_gemeenten

MAX_GENOEMD = 10


@dataclass(frozen=True)
class Afnemer:
    """What rests on contract lines, as the app that holds it finds and names it.
    ``lopend(gemeente_ids, aanbieder_id, product_id, op)`` gives the rows running on ``op``
    (each with gemeente_id, ingangsdatum, einddatum); ``noem(rij)`` names one for the user."""

    lopend: Callable[[list[int], int, int, date], Iterable]
    noem: Callable[[object], str]


AFNEMERS: list[Afnemer] = []


def registreer_afnemer(afnemer: Afnemer) -> None:
    if afnemer not in AFNEMERS:
        AFNEMERS.append(afnemer)


def geldig(regel: Contractregel) -> Periode | None:
    """The days the line counts: its own period within its contract's."""
    contract = regel.contract
    return doorsnede(
        periode(regel.begindatum, regel.einddatum),
        periode(contract.begindatum, contract.einddatum),
    )


def _regels_voor(gemeente_id: int, regel: Contractregel):
    """Every line of the same product and aanbieder that counts for the gemeente."""
    return (
        Contractregel.objects.filter(
            product_id=regel.product_id, contract__aanbieder_id=regel.contract.aanbieder_id
        )
        .filter(regels_bij_gemeenten([gemeente_id]))
        .select_related("contract")
        .distinct()
    )


def _verloren(gemeente_id: int, regel: Contractregel, nieuw: dict) -> list[Periode]:
    """The days of cover the gemeente loses when the lines get the periods in ``nieuw``."""
    regels = list(_regels_voor(gemeente_id, regel))
    oud = [p for p in map(geldig, regels) if p]
    na = [p for r in regels if (p := nieuw[r.pk] if r.pk in nieuw else geldig(r))]
    return zonder(oud, na)


def verweesd(
    regels: list[Contractregel], nieuw: dict[int, Periode | None]
) -> list[tuple[Afnemer, object]]:
    """Running rows (toewijzingen) that lose their cover when each line in ``nieuw`` (by pk)
    counts for its new period only, as (afnemer, row). ``regels`` are the changed lines, with
    their contract."""
    vandaag = timezone.localdate()
    gevonden = []
    for regel in regels:
        verloren = {}
        for afnemer in AFNEMERS:
            for rij in afnemer.lopend(
                regel.contract.gemeente_ids(),
                regel.contract.aanbieder_id,
                regel.product_id,
                vandaag,
            ):
                if rij.gemeente_id not in verloren:
                    verloren[rij.gemeente_id] = _verloren(rij.gemeente_id, regel, nieuw)
                eigen = periode(rij.ingangsdatum, rij.einddatum)
                if any(doorsnede(eigen, p) for p in verloren[rij.gemeente_id]):
                    gevonden.append((afnemer, rij))
    return gevonden


def eis_gedekt(regels: list[Contractregel], nieuw: dict[int, Periode | None]) -> None:
    """Refuse the change, naming the toewijzingen it would leave without a contract."""
    toewijzingen = verweesd(regels, nieuw)
    if not toewijzingen:
        return
    genoemd = ", ".join(afnemer.noem(rij) for afnemer, rij in toewijzingen[:MAX_GENOEMD])
    meer = len(toewijzingen) - MAX_GENOEMD
    raise ValidationError(
        "Deze wijziging laat lopende toewijzingen zonder contract: "
        + genoemd
        + (f" en nog {meer}" if meer > 0 else "")
        + ". Beëindig die toewijzingen eerst of leg een contract vast dat ze dekt."
    )
