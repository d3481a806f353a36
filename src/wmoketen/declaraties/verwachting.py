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

from django.db.models import F, Q

from wmoketen.organisaties.models import Contractregel
from wmoketen.organisaties.queries import regels_bij_gemeenten
from wmoketen.toewijzingen.constants import REDEN_VERWIJDERD, LeveringStatus, Status
from wmoketen.toewijzingen.models import Levering

from .contractregels import geldende_regel
from .models import DebetCredit
from .perioden import maand_van, productperiode
from .regimes import (
    DAG,
    Situatie,
    andere_van,
    eenheid_en_tarief,
    per_client_en_product,
    regime_voor,
)

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

    @property
    def meer_gedeclareerd(self) -> bool:
        """More declared than expected (else less, when it differs)."""
        return self.verschil > 0

    @property
    def afwijking(self) -> int:
        """The size of the difference in cent, without its sign."""
        return abs(self.verschil)


def verwachtingen(declaratie, prestaties) -> dict[int, Verwachting]:
    """``{prestatie pk: Verwachting}`` for the received ``prestaties`` (with their
    ``toewijzing__product``) of ``declaratie``; three queries however many."""
    debet = [p for p in prestaties if p.toewijzing_id and p.debet_credit == DebetCredit.DEBET]
    if not debet:
        return {}
    groepen = per_client_en_product(_leveringen(declaratie, debet))
    leveringen = defaultdict(list)
    for groep in groepen.values():
        for toewijzing_id, geleverd in groep:
            leveringen[toewijzing_id].append(geleverd)
    regels = _contractregels(declaratie)
    uitkomst = {}
    for p in debet:
        andere = andere_van(groepen, p.toewijzing)
        verwachting = _verwachting(p, regels.get(p.toewijzing.product_id, ()), leveringen, andere)
        if verwachting is not None:
            uitkomst[p.pk] = verwachting
    return uitkomst


def _leveringen(declaratie, debet) -> list[tuple]:
    """Rows for ``regimes.per_client_en_product`` (one query): every delivery of the
    prestaties' allocations, and those of the same clients and products at this aanbieder under
    other allocations (not removed) that touch the product periods' months or the day before
    or after them, so that support continuing across allocations is seen."""
    toewijzingen = [p.toewijzing for p in debet]
    voor = min(p.periode_begin for p in debet).replace(day=1) - DAG
    na = maand_van(max(p.periode_eind for p in debet))[1] + DAG
    andere = (
        Q(
            toewijzing__gemeente_id=declaratie.gemeente_id,
            toewijzing__aanbieder_id=declaratie.aanbieder_id,
            toewijzing__client_id__in={t.client_id for t in toewijzingen},
            toewijzing__product_id__in={t.product_id for t in toewijzingen},
            toewijzing__ingangsdatum__lte=na,
            begindatum__lte=na,
        )
        & (Q(einddatum__isnull=True) | Q(einddatum__gte=voor))
        & (Q(toewijzing__einddatum__isnull=True) | Q(toewijzing__einddatum__gte=voor))
        & ~Q(toewijzing__status=Status.VERWIJDERD)
        & ~Q(
            toewijzing__einddatum=F("toewijzing__ingangsdatum"),
            toewijzing__reden_wijziging__in=sorted(REDEN_VERWIJDERD),
        )
    )
    eigen = {t.pk for t in toewijzingen}
    return list(
        Levering.objects.filter(Q(toewijzing_id__in=eigen) | andere)
        .exclude(status=LeveringStatus.VERWIJDERD)
        .values_list(
            "toewijzing_id",
            "toewijzing__client_id",
            "toewijzing__product_id",
            "begindatum",
            "einddatum",
            "reden_beeindiging",
            "toewijzing__einddatum",
        )
    )


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


def _verwachting(p, regels, leveringen, andere) -> Verwachting | None:
    toewijzing = p.toewijzing
    periode = productperiode(p.periode_begin, toewijzing.ingangsdatum, toewijzing.einddatum)
    regel = geldende_regel(regels, periode[0]) if periode else None
    tarief = regel.tarief_op(periode[0]) if regel else None
    if tarief is None:
        return None
    eenheid, tarief_cent = eenheid_en_tarief(toewijzing, regel, tarief)
    regime = regime_voor(regel)
    situatie = Situatie.van(
        toewijzing,
        productcategorie=toewijzing.product.productcategorie,
        variant=regel.uitvoeringsvariant,
        periode=periode,
        leveringen=leveringen.get(toewijzing.pk, ()),
        tarief=tarief_cent,
        andere_leveringen=andere,
    )
    volume = regime.volume(situatie)
    bedrag = None if volume is None else volume * tarief_cent
    return Verwachting(regime.label, volume, eenheid, bedrag, p.bedrag - (bedrag or 0))
