"""Pages of the taakgericht budgets.

* the gemeente's contract manager: the budgets, a new one (``leg_vast``), a budget with its
  advances (*Voorschotten maken*) and its settlement (*Afrekenen*);
* the aanbieder: the budgets agreed with it, and reporting the delivery (*Verantwoorden*).

Views only collect input and call the services; every read is scoped to the user's
organisation (404 for anything else).
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.decorators import rol_vereist
from wmoketen.gedeeld.bedragen import euro
from wmoketen.gedeeld.paginering import pagineer
from wmoketen.gedeeld.weigering import Poging

from . import queries, services
from .forms import BudgetForm, VerantwoordingForm
from .models import BudgetStatus, VoorschotSoort

PER_PAGINA = 50
LEZERS = (Rol.CONTRACTMANAGER, Rol.AANBIEDER)


@rol_vereist(*LEZERS)
def lijst(request):
    keuze = request.GET.get("status", "")
    keuze = keuze if keuze in BudgetStatus.values else ""
    budgetten = queries.budgetten_voor(request.user.organisatie, status=keuze)
    context = {
        "pagina": pagineer(request, budgetten, per_pagina=PER_PAGINA),
        "filters": queries.FILTERS,
        "keuze": keuze,
        "contractmanager": request.user.heeft_rol(Rol.CONTRACTMANAGER),
    }
    return render(request, "budgetten/lijst.html", context)


@rol_vereist(Rol.CONTRACTMANAGER)
def nieuw(request):
    gemeente = request.user.organisatie.specifiek
    form = BudgetForm(
        request.POST if request.method == "POST" else None,
        regels=queries.taakgerichte_regels(gemeente),
    )
    if request.method == "POST" and form.is_valid():
        with Poging(form) as poging:
            budget = services.leg_vast(
                gemeente=gemeente, acting_user=request.user, **form.service_argumenten()
            )
        if poging.gelukt:
            messages.success(request, f"Het budget van {euro(budget.bedrag)} is vastgelegd.")
            return redirect("budgetten:detail", pk=budget.pk)
    return render(request, "budgetten/nieuw.html", {"form": form})


def _toon(request, budget, *, verantwoording_form=None):
    gebruiker = request.user
    aanbieder = gebruiker.heeft_rol(Rol.AANBIEDER)
    lopend = budget.status == BudgetStatus.LOPEND
    voorschotten = queries.voorschotten_van(budget)
    heeft_voorschotten = any(v.soort == VoorschotSoort.VOORSCHOT for v in voorschotten)
    if verantwoording_form is None and aanbieder and lopend:
        begin = {"gerealiseerd": f"{budget.gerealiseerd / 100:.2f}"} if budget.gerealiseerd else {}
        verantwoording_form = VerantwoordingForm(initial=begin)
    context = {
        "budget": budget,
        "voorschotten": voorschotten,
        "totalen": queries.totalen(budget),
        "contractmanager": gebruiker.heeft_rol(Rol.CONTRACTMANAGER),
        "aanbieder": aanbieder,
        "lopend": lopend,
        "heeft_voorschotten": heeft_voorschotten,
        "verantwoording_form": verantwoording_form,
        "verantwoorden_vanaf": services.verantwoording_mogelijk_vanaf(budget),
    }
    return render(request, "budgetten/detail.html", context)


@rol_vereist(*LEZERS)
def detail(request, pk: int):
    return _toon(request, queries.lees_budget(request.user, pk))


@require_POST
@rol_vereist(Rol.CONTRACTMANAGER)
def voorschotten(request, pk: int):
    budget = queries.lees_budget(request.user, pk)
    with Poging(request=request) as poging:
        gemaakt = services.maak_voorschotten(budget, acting_user=request.user)
    if poging.gelukt:
        messages.success(request, f"{len(gemaakt)} maandelijkse voorschotten gemaakt.")
    return redirect("budgetten:detail", pk=budget.pk)


@require_POST
@rol_vereist(Rol.AANBIEDER)
def verantwoorden(request, pk: int):
    budget = queries.lees_budget(request.user, pk)
    form = VerantwoordingForm(request.POST)
    if form.is_valid():
        with Poging(form) as poging:
            services.verantwoord(
                budget, gerealiseerd=form.gerealiseerd_cent(), acting_user=request.user
            )
        if poging.gelukt:
            messages.success(
                request,
                f"De levering van {euro(form.gerealiseerd_cent())} is verantwoord; de gemeente "
                "rekent het budget af.",
            )
            return redirect("budgetten:detail", pk=budget.pk)
    return _toon(request, budget, verantwoording_form=form)


@require_POST
@rol_vereist(Rol.CONTRACTMANAGER)
def afrekenen(request, pk: int):
    budget = queries.lees_budget(request.user, pk)
    with Poging(request=request) as poging:
        afrekening = services.reken_af(budget, acting_user=request.user)
    if poging.gelukt:
        messages.success(request, f"Het budget is afgerekend: {_uitkomst(afrekening.bedrag)}.")
    return redirect("budgetten:detail", pk=budget.pk)


def _uitkomst(bedrag: int) -> str:
    if bedrag > 0:
        return f"de gemeente betaalt nog {euro(bedrag)}"
    if bedrag < 0:
        return f"de aanbieder betaalt {euro(-bedrag)} terug"
    return "de voorschotten waren precies genoeg"
