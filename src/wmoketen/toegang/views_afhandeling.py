"""Pages of the negative and administrative outcomes: refusing or returning an aanvraag
(backoffice) and ending a melding without a decision (consulent or backoffice). Each is a
page of its own that says what follows before the user confirms; ``afhandeling`` decides."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.decorators import rol_vereist

from . import afhandeling, queries
from .constants import MeldingStatus, PlanStatus
from .forms_afhandeling import AanvraagTerugForm, AfsluitenForm, AfwijzingForm
from .views import FOUTEN, GEMEENTE, _fout


def _open_aanvraag(request, pk: int):
    plan = queries.lees_plan(request.user, pk)
    if plan.melding.gemeente_id != request.user.organisatie_id:
        raise Http404
    return plan


def _pagina(request, form, *, titel: str, intro: str, knop: str, melding, terug: str):
    context = {
        "form": form,
        "titel": titel,
        "intro": intro,
        "knop": knop,
        "melding": melding,
        "terug": terug,
    }
    return render(request, "toegang/afhandeling.html", context)


@rol_vereist(Rol.BACKOFFICE)
def afwijzen(request, pk: int):
    plan = _open_aanvraag(request, pk)
    if plan.status != PlanStatus.AKKOORD:
        messages.error(request, "Dit plan is geen openstaande aanvraag (meer).")
        return redirect("toegang:melding", pk=plan.melding_id)
    form = AfwijzingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            beschikking = afhandeling.wijs_af(plan, acting_user=request.user, **form.cleaned_data)
        except FOUTEN as fout:
            _fout(form, fout)
        else:
            messages.success(
                request,
                f"De aanvraag is afgewezen met beschikking {beschikking.nummer}; er gaat geen "
                "toewijzing naar de aanbieder.",
            )
            return redirect("toegang:beschikking", pk=beschikking.pk)
    return _pagina(
        request,
        form,
        titel=f"Aanvraag afwijzen: {plan.melding.client.volledige_naam}",
        intro=(
            "U neemt een beschikking van afwijzing. De cliënt krijgt een brief (PDF) met uw "
            "motivering en de bezwaarclausule. Er gaat geen toewijzing naar de aanbieder; de "
            "opdracht voor deel 2 vervalt en de aanbieder krijgt daarvan bericht, zonder de reden."
        ),
        knop="Aanvraag afwijzen",
        melding=plan.melding,
        terug=reverse("toegang:aanvraag", args=[plan.pk]),
    )


@rol_vereist(Rol.BACKOFFICE)
def aanvraag_terugsturen(request, pk: int):
    plan = _open_aanvraag(request, pk)
    if plan.status != PlanStatus.AKKOORD:
        messages.error(request, "Dit plan is geen openstaande aanvraag (meer).")
        return redirect("toegang:melding", pk=plan.melding_id)
    form = AanvraagTerugForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            afhandeling.stuur_aanvraag_terug(plan, acting_user=request.user, **form.cleaned_data)
        except FOUTEN as fout:
            _fout(form, fout)
        else:
            messages.success(request, "De aanvraag is teruggestuurd naar de consulent.")
            return redirect("toegang:aanvragen")
    return _pagina(
        request,
        form,
        titel=f"Aanvraag terugsturen: {plan.melding.client.volledige_naam}",
        intro=(
            "Het akkoord van de consulent vervalt: het plan wacht weer op de beoordeling van de "
            "consulent, die uw reden ziet en bericht krijgt. De termijn voor de beschikking "
            "wordt ingetrokken; de doorlooptijd van de melding loopt door."
        ),
        knop="Terugsturen naar de consulent",
        melding=plan.melding,
        terug=reverse("toegang:aanvraag", args=[plan.pk]),
    )


@rol_vereist(*GEMEENTE)
def afsluiten(request, pk: int):
    melding = queries.lees_melding(request.user, pk)
    if not melding.is_open:
        messages.error(request, "Deze melding is al afgehandeld.")
        return redirect("toegang:melding", pk=melding.pk)
    form = AfsluitenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        actie = (
            afhandeling.registreer_intrekking
            if data["soort"] == MeldingStatus.INGETROKKEN
            else afhandeling.stel_buiten_behandeling
        )
        try:
            melding = actie(melding, reden=data["reden"], op=data["op"], acting_user=request.user)
        except FOUTEN as fout:
            _fout(form, fout)
        else:
            messages.success(
                request,
                f"De melding is afgesloten: {melding.get_status_display().lower()}. Open "
                "termijnen en taken zijn ingetrokken.",
            )
            return redirect("toegang:melding", pk=melding.pk)
    return _pagina(
        request,
        form,
        titel=f"Melding afsluiten: {melding.client.volledige_naam}",
        intro=(
            "De melding eindigt zonder beschikking. Open termijnen en taken worden met de "
            "reden ingetrokken; heeft een aanbieder de opdracht voor deel 2, dan vervalt die en "
            "krijgt de aanbieder bericht, zonder de reden. Loopt er verder niets in het "
            "traject, dan wordt het afgesloten. De cliënt kan later opnieuw een melding doen."
        ),
        knop="Melding afsluiten",
        melding=melding,
        terug=reverse("toegang:melding", args=[melding.pk]),
    )
