"""The gemeente's expectation of a received prestatie: what the contract line's regime
(``regimes``) says the aanbieder would declare for that allocation and product period, from
the gemeente's own records (its ``Toewijzing``, the deliveries reported with 305/307, the
contract line), shown beside what was declared.

Read-only and never a reason to reject: the gemeente accepts or rejects a prestatie on the
standard's checks against the toewijzing (OP364); a start or stop date by itself is not one.
A difference is only shown for the backoffice to look at. Credits have no expectation (they
repeat an approved debit, IV091); neither has a prestatie without a known toewijzing, contract
line or tariff. The expected amount is volume x tariff (for minutes against an hourly line the
standard rounds differently, IV081: the difference shown is then a few cents at most).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from wmoketen.organisaties.models import Contractregel
from wmoketen.organisaties.queries import regels_bij_gemeenten
from wmoketen.toewijzingen.constants import LeveringStatus
from wmoketen.toewijzingen.models import Levering

from .constants import EENHEID_EUROS, in_cent
from .contractregels import geldende_regel
from .models import DebetCredit
from .perioden import productperiode
from .regimes import Situatie, regime_voor

__all__ = ["Verwachting", "verwachtingen"]


@dataclass(frozen=True)
class Verwachting:
    """``volume`` and ``bedrag`` (cent) None: no prestatie expected this month."""

    regime: str
    volume: int | None
    eenheid: str  # WJ756
    bedrag: int | None
    verschil: int  # declared minus expected, in cent

    @property
    def wijkt_af(self) -> bool:
        return self.verschil != 0


def verwachtingen(declaratie, prestaties) -> dict[int, Verwachting]:
    """``{prestatie pk: Verwachting}`` for the received ``prestaties`` (with their
    ``toewijzing__product``) of ``declaratie``; three queries however many."""
    debet = [p for p in prestaties if p.toewijzing_id and p.debet_credit == DebetCredit.DEBET]
    if not debet:
        return {}
    leveringen = defaultdict(list)
    for levering in Levering.objects.filter(
        toewijzing_id__in={p.toewijzing_id for p in debet}
    ).exclude(status=LeveringStatus.VERWIJDERD):
        leveringen[levering.toewijzing_id].append(levering)
    regels = _contractregels(declaratie)
    uitkomst = {}
    for p in debet:
        verwachting = _verwachting(p, regels.get(p.toewijzing.product_id, ()), leveringen)
        if verwachting is not None:
            uitkomst[p.pk] = verwachting
    return uitkomst


def _contractregels(declaratie) -> dict[int, list[Contractregel]]:
    """The aanbieder's contract lines with the gemeente (or its regio) per product."""
    per_product = defaultdict(list)
    for regel in (
        Contractregel.objects.filter(regels_bij_gemeenten([declaratie.gemeente_id]))
        .filter(contract__aanbieder_id=declaratie.aanbieder_id, product__wet=declaratie.wet)
        .select_related("contract")
        .prefetch_related("tarieven")
        .distinct()
    ):
        per_product[regel.product_id].append(regel)
    return per_product


def _verwachting(p, regels, leveringen) -> Verwachting | None:
    toewijzing = p.toewijzing
    periode = productperiode(p.periode_begin, toewijzing.ingangsdatum, toewijzing.einddatum)
    regel = geldende_regel(regels, periode[0]) if periode else None
    tarief = regel.tarief_op(periode[0]) if regel else None
    if tarief is None:
        return None
    eenheid = toewijzing.eenheid or regel.eenheid
    tarief_cent = 1 if eenheid == EENHEID_EUROS else in_cent(tarief)
    regime = regime_voor(regel)
    situatie = Situatie.van(
        toewijzing,
        productcategorie=toewijzing.product.productcategorie,
        variant=regel.uitvoeringsvariant,
        periode=periode,
        leveringen=leveringen.get(toewijzing.pk, ()),
        tarief=tarief_cent,
    )
    volume = regime.volume(situatie)
    bedrag = None if volume is None else volume * tarief_cent
    return Verwachting(regime.label, volume, eenheid, bedrag, p.bedrag - (bedrag or 0))
