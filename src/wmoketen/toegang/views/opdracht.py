"""The aanbieder's pages: its orders for plan deel 2, and the order itself (also the entry
point of notifications about a plan, which sends gemeente staff on to the case)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.decorators import rol_vereist
from wmoketen.gedeeld.paginering import pagineer
from wmoketen.gedeeld.weigering import Poging

from .. import queries, services
from ..constants import GEMEENTE_ROLLEN, PlanStatus
from ..forms import Deel2Form, GereedForm

OPEN = (PlanStatus.OPDRACHT_DEEL_2, PlanStatus.TERUGGESTUURD)


def plan(request, pk: int):
    """``toegang:plan``: the aanbieder's page for its order; gemeente staff go to the case."""
    plan = queries.lees_plan(request.user, pk)
    organisatie = request.user.organisatie
    if plan.melding.gemeente_id == organisatie.pk:
        if not request.user.heeft_rol(*GEMEENTE_ROLLEN):
            raise PermissionDenied("U hebt geen rol die deze pagina mag openen.")
        if plan.status == PlanStatus.AKKOORD and request.user.heeft_rol(Rol.BACKOFFICE):
            return redirect("toegang:aanvraag", pk=plan.pk)
        return redirect("toegang:melding", pk=plan.melding_id)
    if not request.user.heeft_rol(Rol.AANBIEDER):
        raise PermissionDenied("U hebt geen rol die deze pagina mag openen.")
    return _opdracht(request, plan)


def _opdracht(request, plan):
    open_ = plan.status in OPEN
    gebieden = list(plan.resultaatgebieden.all())
    actie = request.POST.get("actie", "") if request.method == "POST" else ""
    data = request.POST if actie == "deel2" else None
    deel2 = [Deel2Form(data, resultaatgebied=r, aanbieder=plan.aanbieder) for r in gebieden]
    gereed = GereedForm(request.POST if actie == "gereed" else None, prefix="gereed")
    if actie and not open_:
        messages.error(request, "Deze opdracht staat niet meer open.")
        return redirect("toegang:plan", pk=plan.pk)
    if actie == "deel2" and all(f.is_valid() for f in deel2):
        with Poging(deel2[0]) as poging:
            services.vul_deel_2_in(
                plan, resultaatgebieden=[f.invoer() for f in deel2], acting_user=request.user
            )
        if poging.gelukt:
            messages.success(request, "Deel 2 is opgeslagen.")
            return redirect("toegang:plan", pk=plan.pk)
    if actie == "gereed" and gereed.is_valid():
        with Poging(gereed) as poging:
            services.deel_2_gereed(plan, acting_user=request.user, **gereed.cleaned_data)
        if poging.gelukt:
            messages.success(request, "Deel 2 is gereed gemeld. De consulent beoordeelt het plan.")
            return redirect("toegang:plan", pk=plan.pk)
    termijn = plan.taak.termijn if plan.taak_id and plan.taak.termijn_id else None
    context = {
        "plan": plan,
        "melding": plan.melding,
        "client": plan.melding.client,
        "rijen": list(zip(gebieden, deel2, strict=True)),
        "gereed": gereed,
        "open": open_,
        "termijn": termijn,
        "deel_2_ingevuld": all(r.aard and r.activiteiten and r.startdatum for r in gebieden),
        "deel2_fouten": [e for f in deel2 for e in f.non_field_errors()],
    }
    return render(request, "toegang/opdracht.html", context)


@rol_vereist(Rol.AANBIEDER)
def opdrachten(request):
    organisatie = request.user.organisatie
    plannen = (
        queries.plannen_voor(organisatie)
        .filter(aanbieder_id=organisatie.pk)
        .select_related("melding__gemeente")
        .order_by("-opdracht_op", "-pk")
    )
    # Two lists, each cut in SQL with a page parameter of its own.
    context = {
        "open": pagineer(request, plannen.filter(status__in=OPEN)),
        "overig": pagineer(request, plannen.exclude(status__in=OPEN), parameter="p_overig"),
    }
    return render(request, "toegang/opdrachten.html", context)
