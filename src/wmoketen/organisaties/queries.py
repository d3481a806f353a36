from datetime import date

from django.db.models import Q
from django.utils import timezone

from .constants import OnderaannemingStatus
from .models import Contract, Contractregel, Onderaanneming, Organisatie


def contracten_voor(organisatie):
    return (
        Contract.objects.voor_organisatie(organisatie)
        .select_related("gemeente", "regio", "aanbieder")
        .prefetch_related("regels__product", "regels__tarieven")
    )


def onderaannemingen(contract):
    """The contract's onderaannemingen, requests and decisions included."""
    return contract.onderaannemingen.select_related(
        "onderaannemer", "aangevraagd_door", "beoordeeld_door"
    )


def onderaannemingen_te_beoordelen(gemeente):
    """Open requests under contracts of the gemeente or one of its regio's, oldest first."""
    return (
        Onderaanneming.objects.filter(status=OnderaannemingStatus.AANGEVRAAGD)
        .filter(
            Q(contract__gemeente_id=gemeente.pk) | Q(contract__regio__gemeenten__pk=gemeente.pk)
        )
        .select_related("contract", "contract__aanbieder", "onderaannemer")
        .distinct()
        .order_by("aangevraagd_op", "pk")
    )


def organisaties():
    """The directory of parties in the chain: public reference data for every user."""
    return Organisatie.objects.select_related("gemeente", "aanbieder").order_by("soort", "naam")


def regels_bij_gemeenten(gemeente_ids) -> Q:
    """Contract lines of contracts with one of the gemeenten, or with a regio of one of them."""
    return Q(contract__gemeente_id__in=gemeente_ids) | Q(
        contract__regio__gemeenten__pk__in=gemeente_ids
    )


def geldige_contractregels(gemeente, op: date) -> Q:
    """Contract lines of contracts for the gemeente or one of its regio's, valid on ``op``:
    the line's own period and its contract's both hold."""
    return (
        regels_bij_gemeenten([gemeente.pk])
        & Q(contract__begindatum__lte=op)
        & (Q(contract__einddatum__isnull=True) | Q(contract__einddatum__gte=op))
        & Q(begindatum__lte=op)
        & (Q(einddatum__isnull=True) | Q(einddatum__gte=op))
    )


def contractregels(gemeente, aanbieder, producten, *, op: date | None = None) -> dict:
    """``{product pk: Contractregel}`` for the products ``aanbieder`` holds a valid contract for."""
    op = op or timezone.localdate()
    regels = (
        Contractregel.objects.filter(geldige_contractregels(gemeente, op))
        .filter(contract__aanbieder_id=aanbieder.pk, product__in=[p.pk for p in producten])
        .select_related("contract", "product")
        .order_by("begindatum", "contract__begindatum", "pk")
    )
    # Overlapping lines are a succession (``contracten``): the one that began last applies.
    return {regel.product_id: regel for regel in regels}


def met_code(code: str) -> Organisatie | None:
    """The organisation the chain knows by ``code``: a gemeentecode or an AGB-code."""
    return (
        Organisatie.objects.select_related("gemeente", "aanbieder")
        .filter(Q(gemeente__gemeentecode=code) | Q(aanbieder__agb_code=code))
        .first()
    )
