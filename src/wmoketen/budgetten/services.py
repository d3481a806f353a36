"""State changes of taakgericht budgets. Each is one transaction with an audit row.

The steps, in order: the gemeente's contract manager lays down a budget for a taakgericht
contract line (``leg_vast``) and makes its monthly advances (``maak_voorschotten``); at the end
of the period the aanbieder reports what it delivered (``verantwoord``); the contract manager
settles (``reken_af``): the settlement is ``min(gerealiseerd, budget) − advances``, so an
underspend is paid back (a negative settlement) and delivery above the budget is not paid.
``acting_user=None`` is the system itself (the demo).
"""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.rechten import eis_rol
from wmoketen.audit import services as audit
from wmoketen.gedeeld.bedragen import euro
from wmoketen.gedeeld.maanden import maand_van, maanden
from wmoketen.organisaties.constants import Uitvoeringsvariant
from wmoketen.organisaties.models import Contractregel, Gemeente

from .models import Budgetafspraak, BudgetStatus, Voorschot, VoorschotSoort
from .perioden import verdeel

ALLEEN_CONTRACTMANAGER = "Alleen de contractmanager van de gemeente beheert budgetten."
ALLEEN_AANBIEDER = "Alleen de aanbieder van het budget verantwoordt de levering."


def _eis_contractmanager(gemeente_id: int, acting_user) -> None:
    if acting_user is None:  # the system itself (demo, data load)
        return
    eis_rol(acting_user, Rol.CONTRACTMANAGER, tekst=ALLEEN_CONTRACTMANAGER)
    if acting_user.organisatie_id != gemeente_id:
        raise PermissionDenied("Dit budget hoort niet bij uw gemeente.")


def _eis_aanbieder(budget: Budgetafspraak, acting_user) -> None:
    if acting_user is None:
        return
    eis_rol(acting_user, Rol.AANBIEDER, tekst=ALLEEN_AANBIEDER)
    if acting_user.organisatie_id != budget.aanbieder_id:
        raise PermissionDenied("Dit budget hoort niet bij uw organisatie.")


def _eis_lopend(budget: Budgetafspraak) -> None:
    if budget.status != BudgetStatus.LOPEND:
        raise ValidationError("Dit budget is al afgerekend; er verandert niets meer aan.")


def _vergrendeld(budget: Budgetafspraak) -> Budgetafspraak:
    return Budgetafspraak.objects.select_for_update().get(pk=budget.pk)


# Laying down a budget


def _eis_periode(begindatum: date | None, einddatum: date | None) -> None:
    if begindatum is None or einddatum is None:
        raise ValidationError("Vul de begin- en einddatum van de budgetperiode in.")
    if begindatum != maand_van(begindatum)[0]:
        raise ValidationError("Een budgetperiode begint op de eerste dag van een maand.")
    if einddatum != maand_van(einddatum)[1]:
        raise ValidationError("Een budgetperiode eindigt op de laatste dag van een maand.")
    if einddatum < begindatum:
        raise ValidationError("De einddatum ligt vóór de begindatum.")


def _eis_taakgerichte_regel(regel: Contractregel, gemeente: Gemeente, begin: date, eind: date):
    if regel.uitvoeringsvariant != Uitvoeringsvariant.TAAKGERICHT:
        raise ValidationError(
            f"Een budget hoort bij een taakgerichte contractregel; {regel.product} is "
            f"{regel.get_uitvoeringsvariant_display().lower()} gecontracteerd."
        )
    if gemeente.pk not in regel.contract.gemeente_ids():
        raise PermissionDenied("Deze contractregel hoort niet bij een contract van uw gemeente.")
    if not (regel.geldig_op(begin) and regel.geldig_op(eind)):
        tot = f"{regel.geldig_tot:%d-%m-%Y}" if regel.geldig_tot else "open einde"
        raise ValidationError(
            "De budgetperiode ligt buiten de looptijd van de contractregel "
            f"({regel.geldig_van:%d-%m-%Y} t/m {tot})."
        )


def _eis_geen_overlap(regel: Contractregel, gemeente: Gemeente, begin: date, eind: date):
    ander = Budgetafspraak.objects.filter(
        Q(begindatum__lte=eind) & Q(einddatum__gte=begin),
        gemeente_id=gemeente.pk,
        contractregel_id=regel.pk,
    ).first()
    if ander:
        raise ValidationError(
            f"Voor {regel.product} loopt al een budget van {ander.begindatum:%d-%m-%Y} t/m "
            f"{ander.einddatum:%d-%m-%Y}; budgetperioden van één contractregel overlappen niet."
        )


@transaction.atomic
def leg_vast(
    *,
    gemeente: Gemeente,
    contractregel: Contractregel,
    begindatum: date,
    einddatum: date,
    bedrag: int,
    omschrijving: str = "",
    acting_user,
) -> Budgetafspraak:
    """The contract manager agrees a budget (cent) with the aanbieder of a taakgericht contract
    line for a period of whole calendar months."""
    _eis_contractmanager(gemeente.pk, acting_user)
    if contractregel is None:
        raise ValidationError("Kies de taakgerichte contractregel van het budget.")
    # Locked: two budgets for one line are never laid down side by side.
    regel = (
        Contractregel.objects.select_for_update()
        .select_related("contract", "product")
        .get(pk=contractregel.pk)
    )
    _eis_periode(begindatum, einddatum)
    if bedrag is None or bedrag <= 0:
        raise ValidationError("Het budget moet groter zijn dan € 0,00.")
    _eis_taakgerichte_regel(regel, gemeente, begindatum, einddatum)
    _eis_geen_overlap(regel, gemeente, begindatum, einddatum)
    budget = Budgetafspraak(
        gemeente=gemeente,
        aanbieder_id=regel.contract.aanbieder_id,
        contractregel=regel,
        begindatum=begindatum,
        einddatum=einddatum,
        bedrag=bedrag,
        omschrijving=(omschrijving or "").strip(),
        vastgelegd_door=acting_user,
    )
    budget.full_clean()
    budget.save()
    audit.log(
        acting_user,
        "budget.vastgelegd",
        budget,
        omschrijving=f"{budget} {regel.product}: {euro(bedrag)}",
    )
    return budget


# Advances


@transaction.atomic
def maak_voorschotten(budget: Budgetafspraak, *, acting_user) -> list[Voorschot]:
    """One advance per calendar month of the period: the budget divided by the months, the
    remainder cents on the last month so the advances add up to the budget exactly."""
    _eis_contractmanager(budget.gemeente_id, acting_user)
    budget = _vergrendeld(budget)
    _eis_lopend(budget)
    if budget.voorschotten.filter(soort=VoorschotSoort.VOORSCHOT).exists():
        raise ValidationError("De voorschotten van dit budget zijn al gemaakt.")
    reeks = maanden(budget.begindatum, budget.einddatum)
    voorschotten = Voorschot.objects.bulk_create(
        Voorschot(budget=budget, maand=maand, soort=VoorschotSoort.VOORSCHOT, bedrag=bedrag)
        for maand, bedrag in zip(reeks, verdeel(budget.bedrag, len(reeks)), strict=True)
    )
    audit.log(
        acting_user,
        "budget.voorschotten_gemaakt",
        budget,
        omschrijving=f"{budget}: {len(voorschotten)} voorschotten, samen {euro(budget.bedrag)}",
    )
    return voorschotten


# Reporting and settling


def verantwoording_mogelijk_vanaf(budget: Budgetafspraak) -> date:
    """The aanbieder reports from the first day of the period's last month."""
    return maand_van(budget.einddatum)[0]


@transaction.atomic
def verantwoord(budget: Budgetafspraak, *, gerealiseerd: int, acting_user) -> Budgetafspraak:
    """The aanbieder reports the value (cent) of what it delivered in the period; until the
    settlement it may report again (the last report counts, each one is audited)."""
    _eis_aanbieder(budget, acting_user)
    budget = _vergrendeld(budget)
    _eis_lopend(budget)
    if gerealiseerd is None or gerealiseerd < 0:
        raise ValidationError("De gerealiseerde levering is € 0,00 of meer.")
    vanaf = verantwoording_mogelijk_vanaf(budget)
    if timezone.localdate() < vanaf:
        raise ValidationError(
            "De levering wordt verantwoord aan het einde van de budgetperiode: vanaf "
            f"{vanaf:%d-%m-%Y}."
        )
    oud = budget.gerealiseerd
    budget.gerealiseerd = gerealiseerd
    budget.verantwoord_op = timezone.now()
    budget.verantwoord_door = acting_user
    budget.save(update_fields=["gerealiseerd", "verantwoord_op", "verantwoord_door"])
    audit.log(
        acting_user,
        "budget.verantwoord",
        budget,
        omschrijving=f"{budget}: gerealiseerd {euro(gerealiseerd)}",
        wijzigingen=audit.wijzigingen({"gerealiseerd": oud}, {"gerealiseerd": gerealiseerd}),
    )
    return budget


def afrekenbedrag(budget: int, gerealiseerd: int, voorschotten: int) -> int:
    """What the settlement pays (positive) or claims back (negative): delivery up to the
    budget, minus the advances."""
    return min(gerealiseerd, budget) - voorschotten


@transaction.atomic
def reken_af(budget: Budgetafspraak, *, acting_user) -> Voorschot:
    """The contract manager settles the budget against the reported delivery: one
    ``Voorschot`` of soort afrekening (in the month of settling), the budget afgerekend."""
    _eis_contractmanager(budget.gemeente_id, acting_user)
    budget = _vergrendeld(budget)
    _eis_lopend(budget)
    voorschotten = budget.voorschotten.filter(soort=VoorschotSoort.VOORSCHOT)
    betaald = voorschotten.aggregate(som=Sum("bedrag"))["som"]  # None: no advances
    if betaald is None:
        raise ValidationError("Maak eerst de voorschotten van dit budget.")
    if budget.gerealiseerd is None:
        raise ValidationError("De aanbieder heeft de levering nog niet verantwoord.")
    afrekening = Voorschot.objects.create(
        budget=budget,
        maand=maand_van(timezone.localdate())[0],
        soort=VoorschotSoort.AFREKENING,
        bedrag=afrekenbedrag(budget.bedrag, budget.gerealiseerd, betaald),
    )
    budget.status = BudgetStatus.AFGEREKEND
    budget.afgerekend_op = timezone.now()
    budget.save(update_fields=["status", "afgerekend_op"])
    audit.log(
        acting_user,
        "budget.afgerekend",
        budget,
        omschrijving=f"{budget}: gerealiseerd {euro(budget.gerealiseerd)}, voorschotten "
        f"{euro(betaald)}, afrekening {euro(afrekening.bedrag)}",
        wijzigingen={"status": [BudgetStatus.LOPEND.value, BudgetStatus.AFGEREKEND.value]},
    )
    return afrekening
