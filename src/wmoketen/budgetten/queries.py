"""Reads of taakgericht budgets for the pages and for other apps (betalingen).

Every read is scoped to the organisation (``voor_organisatie``): a gemeente sees its own
budgets, an aanbieder the budgets agreed with it. A list shows its totals as annotations in the
same query. Budgets hold no client data, so reading them writes no audit row.
"""

from datetime import date

from django.db.models import BigIntegerField, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from wmoketen.organisaties.constants import Uitvoeringsvariant
from wmoketen.organisaties.models import Contractregel
from wmoketen.organisaties.queries import regels_bij_gemeenten

from .models import Budgetafspraak, BudgetStatus, Voorschot, VoorschotSoort

FILTERS = {"": "Alle", **dict(BudgetStatus.choices)}


def _som(soort: str):
    return Coalesce(
        Sum("voorschotten__bedrag", filter=Q(voorschotten__soort=soort)),
        Value(0),
        output_field=BigIntegerField(),
    )


def budgetten_voor(organisatie, *, status: str = ""):
    """The organisation's budgets, newest period first, each with ``voorschotten`` (the sum of
    its advances, cent) and ``afrekening`` (the settlement, 0 without one)."""
    budgetten = (
        Budgetafspraak.objects.voor_organisatie(organisatie)
        .select_related("gemeente", "aanbieder", "contractregel__product")
        .annotate(
            voorschotten_totaal=_som(VoorschotSoort.VOORSCHOT),
            afrekening_totaal=_som(VoorschotSoort.AFREKENING),
        )
        .order_by("-begindatum", "aanbieder__naam", "pk")  # a grouped query drops Meta.ordering
    )
    if status in BudgetStatus.values:
        budgetten = budgetten.filter(status=status)
    return budgetten


def lees_budget(gebruiker, pk: int) -> Budgetafspraak:
    """One budget of the user's organisation; 404 for any other (no hint that it exists)."""
    return get_object_or_404(
        Budgetafspraak.objects.voor_organisatie(gebruiker.organisatie).select_related(
            "gemeente",
            "aanbieder",
            "contractregel__product",
            "contractregel__contract",
            "vastgelegd_door",
            "verantwoord_door",
        ),
        pk=pk,
    )


def voorschotten_van(budget: Budgetafspraak) -> list[Voorschot]:
    """The budget's advances by month, the settlement last."""
    return sorted(budget.voorschotten.all(), key=lambda v: (v.soort != "voorschot", v.maand))


def totalen(budget: Budgetafspraak) -> dict:
    """The sums (cent) a budget's page shows, in one aggregate query."""
    sommen = budget.voorschotten.aggregate(
        voorschotten=Coalesce(
            Sum("bedrag", filter=Q(soort=VoorschotSoort.VOORSCHOT)),
            Value(0),
            output_field=BigIntegerField(),
        ),
        afrekening=Sum("bedrag", filter=Q(soort=VoorschotSoort.AFREKENING)),
    )
    betaald = sommen["voorschotten"] + (sommen["afrekening"] or 0)
    return {**sommen, "totaal": betaald}


def taakgerichte_regels(gemeente):
    """The taakgerichte contract lines of the gemeente's contracts (its own or its regio's),
    the choices for a new budget."""
    return (
        Contractregel.objects.filter(regels_bij_gemeenten([gemeente.pk]))
        .filter(uitvoeringsvariant=Uitvoeringsvariant.TAAKGERICHT)
        .select_related("contract__aanbieder", "product")
        .distinct()
        .order_by("contract__aanbieder__naam", "product__productcode", "pk")
    )


def voorschotten_voor(gemeente, aanbieder=None, *, tot_en_met: date | None = None):
    """Advances and settlements of the gemeente's budgets (with one aanbieder when given) for
    payment, up to and including the month ``tot_en_met`` when given; amounts of 0 (a
    settlement that exactly matches, an advance of a tiny budget) are left out: nothing to
    pay."""
    rijen = Voorschot.objects.filter(budget__gemeente_id=gemeente.pk).exclude(bedrag=0)
    if aanbieder is not None:
        rijen = rijen.filter(budget__aanbieder_id=aanbieder.pk)
    if tot_en_met is not None:
        rijen = rijen.filter(maand__lte=tot_en_met)
    return rijen.select_related("budget__contractregel__product").order_by("maand", "pk")
