"""The backoffice's pages: the aanvragen to decide, the beschikking with its allocations and
letter, and the herindicatie started from it."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.decorators import rol_vereist
from wmoketen.berichten.rollen import LEZERS
from wmoketen.gedeeld.paginering import pagineer
from wmoketen.gedeeld.weigering import Poging
from wmoketen.organisaties.queries import contractregels
from wmoketen.stromen import beschikking as stromen
from wmoketen.toewijzingen.queries import afgekeurde_301, onder_beschikking

from .. import queries, services, vervolg
from ..constants import GEMEENTE_ROLLEN, PlanStatus
from ..forms import BeschikkingForm
from ..models import Beschikking
from ..services.vervolg import aansluitende_ingangsdatum


@rol_vereist(Rol.BACKOFFICE)
def aanvragen(request):
    organisatie = request.user.organisatie
    pagina = pagineer(
        request, queries.aanvragen_te_beslissen(organisatie).order_by("aanvraag_op", "pk")
    )
    termijnen = queries.lopende_termijn_per_plan(organisatie, list(pagina))
    context = {
        "pagina": pagina,
        "rijen": [(p, termijnen.get(p.pk)) for p in pagina],
        "beschikkingen": queries.beschikkingen_voor(organisatie)[:25],
        "afgekeurd": list(afgekeurde_301(organisatie)[:25]),
    }
    return render(request, "toegang/aanvragen.html", context)


@rol_vereist(Rol.BACKOFFICE)
def aanvraag(request, pk: int):
    plan = queries.lees_plan(request.user, pk)
    organisatie = request.user.organisatie
    if plan.melding.gemeente_id != organisatie.pk:
        raise Http404
    if plan.status != PlanStatus.AKKOORD:
        beschikking = queries.beschikking_van(plan, organisatie)
        if beschikking:
            return redirect("toegang:beschikking", pk=beschikking.pk)
        messages.error(request, "Op dit plan is (nog) geen akkoord: er is geen aanvraag.")
        return redirect("toegang:melding", pk=plan.melding_id)
    producten = list(plan.producten.all())
    regels = contractregels(plan.melding.gemeente, plan.aanbieder, producten)
    form = BeschikkingForm(request.POST or None, plan=plan, regels=regels)
    if request.method == "POST" and form.is_valid():
        with Poging(form) as poging:
            beschikking = _neem_beschikking(request, plan, form)
        if poging.gelukt:
            messages.success(request, _genomen(beschikking))
            return redirect("toegang:beschikking", pk=beschikking.pk)
    context = {
        "plan": plan,
        "melding": plan.melding,
        "form": form,
        "termijnen": queries.termijnen_van(organisatie, plan.melding, plan),
        "gebieden": plan.resultaatgebieden.all(),
    }
    return render(request, "toegang/aanvraag.html", context)


def _neem_beschikking(request, plan, form) -> Beschikking:
    data = form.cleaned_data
    # Through the flow, so what follows a beschikking (evaluations, mutation) runs too.
    return stromen.neem_beschikking(
        plan,
        producten=form.producten_invoer(),
        ingangsdatum=data["ingangsdatum"],
        duur=data["duur"],
        einddatum=data["einddatum"],
        motivering=data["motivering"],
        open_beschikking=data.get("open_beschikking", False),
        acting_user=request.user,
    )


def _genomen(beschikking: Beschikking) -> str:
    if beschikking.open:
        return (
            f"Open beschikking {beschikking.nummer} is genomen; de aanbieder die de cliënt "
            "kiest, vraagt de toewijzing aan."
        )
    return f"Beschikking {beschikking.nummer} is genomen en de toewijzing is verstuurd."


@require_GET
@rol_vereist(Rol.BACKOFFICE)
def einddatum_berekenen(request):
    """htmx: the einddatum a duration gives, or why it cannot be."""
    datum = forms.DateField(required=False)
    try:
        einddatum = services.bereken_einddatum(
            datum.clean(request.GET.get("ingangsdatum")),
            request.GET.get("duur", ""),
            datum.clean(request.GET.get("einddatum")),
        )
    except ValidationError as fout:
        return render(request, "toegang/_einddatum.html", {"fout": " ".join(fout.messages)})
    return render(request, "toegang/_einddatum.html", {"einddatum": einddatum})


@rol_vereist(*GEMEENTE_ROLLEN)
def beschikking(request, pk: int):
    beschikking = queries.lees_beschikking(request.user, pk)
    toewijzingen = list(
        onder_beschikking(request.user.organisatie, beschikking.gemeente_id, beschikking.nummer)
    )
    berichten = []
    for t in toewijzingen:
        if t.bericht_id and t.bericht not in berichten:
            berichten.append(t.bericht)
    context = {
        "beschikking": beschikking,
        "plan": beschikking.plan,
        "toewijzingen": toewijzingen,
        "berichten": berichten,
        "mag_berichten_lezen": request.user.heeft_rol(*LEZERS),
        "vervolgmelding": beschikking.vervolgmeldingen.first(),
        "mag_herindicatie": request.user.heeft_rol(Rol.TOEGANGSMEDEWERKER)
        and vervolg.mag_vervolg_starten(beschikking, request.user),
    }
    return render(request, "toegang/beschikking.html", context)


@require_POST
@rol_vereist(Rol.TOEGANGSMEDEWERKER)
def herindicatie_starten(request, pk: int):
    """The consulent starts the herindicatie: a new melding on the same traject."""
    beschikking = queries.lees_beschikking(request.user, pk)
    with Poging(request=request) as poging:
        melding = vervolg.start_herindicatie(beschikking, acting_user=request.user)
    if not poging.gelukt:
        return redirect("toegang:beschikking", pk=beschikking.pk)
    messages.success(
        request,
        f"Herindicatie gestart: de nieuwe melding loopt in hetzelfde traject; de nieuwe "
        f"beschikking sluit aan op {aansluitende_ingangsdatum(beschikking):%d-%m-%Y}.",
    )
    return redirect("toegang:melding", pk=melding.pk)


@rol_vereist(*GEMEENTE_ROLLEN)
def brief(request, pk: int):
    """The stored PDF letter, for gemeente staff only (never the aanbieder: 403/404)."""
    beschikking: Beschikking = queries.lees_beschikking(request.user, pk)
    if not beschikking.pdf:
        raise Http404("Er is geen brief bij deze beschikking.")
    antwoord = HttpResponse(bytes(beschikking.pdf), content_type="application/pdf")
    antwoord["Content-Disposition"] = f'inline; filename="beschikking-{beschikking.nummer}.pdf"'
    antwoord["X-Content-Type-Options"] = "nosniff"
    return antwoord
