"""Pages of the negative and administrative outcomes: refusing or returning an aanvraag
(backoffice) and ending a melding without a decision (consulent or backoffice). Each is a
page of its own that says what follows before the user confirms; ``afhandeling`` decides."""

from dataclasses import dataclass

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.decorators import rol_vereist
from wmoketen.gedeeld.weigering import Poging

from .. import afhandeling, queries
from ..constants import GEMEENTE_ROLLEN, MeldingStatus, PlanStatus
from ..forms_afhandeling import AanvraagTerugForm, AfsluitenForm, AfwijzingForm


@dataclass(frozen=True)
class Pagina:
    titel: str
    intro: str
    knop: str


AFWIJZEN = Pagina(
    "Aanvraag afwijzen",
    "U neemt een beschikking van afwijzing. De cliënt krijgt een brief (PDF) met uw motivering "
    "en de bezwaarclausule. Er gaat geen toewijzing naar de aanbieder; de opdracht voor deel 2 "
    "vervalt en de aanbieder krijgt daarvan bericht, zonder de reden.",
    "Aanvraag afwijzen",
)
TERUGSTUREN = Pagina(
    "Aanvraag terugsturen",
    "Het akkoord van de consulent vervalt: het plan wacht weer op de beoordeling van de "
    "consulent, die uw reden ziet en bericht krijgt. De termijn voor de beschikking wordt "
    "ingetrokken; de doorlooptijd van de melding loopt door.",
    "Terugsturen naar de consulent",
)
AFSLUITEN = Pagina(
    "Melding afsluiten",
    "De melding eindigt zonder beschikking. Open termijnen en taken worden met de reden "
    "ingetrokken; heeft een aanbieder de opdracht voor deel 2, dan vervalt die en krijgt de "
    "aanbieder bericht, zonder de reden. Loopt er verder niets in het traject, dan wordt het "
    "afgesloten. De cliënt kan later opnieuw een melding doen.",
    "Melding afsluiten",
)


def _bevestig(request, form, pagina: Pagina, melding, terug: str, actie):
    """The confirm page: on a valid POST run ``actie(data)`` (→ success text and the URL to
    go on to); a refusal shows its Dutch message on the form, nothing changed."""
    if request.method == "POST" and form.is_valid():
        with Poging(form) as poging:
            tekst, verder = actie(form.cleaned_data)
        if poging.gelukt:
            messages.success(request, tekst)
            return redirect(verder)
    context = {
        "form": form,
        "pagina": pagina,
        "titel": f"{pagina.titel}: {melding.client.volledige_naam}",
        "melding": melding,
        "terug": terug,
    }
    return render(request, "toegang/afhandeling.html", context)


def _aanvraag(request, pk: int):
    """The gemeente's plan (404 otherwise), and a redirect to its case when it is no open
    aanvraag (any more)."""
    plan = queries.lees_plan(request.user, pk)
    if plan.melding.gemeente_id != request.user.organisatie_id:
        raise Http404
    if plan.status != PlanStatus.AKKOORD:
        messages.error(request, "Dit plan is geen openstaande aanvraag (meer).")
        return plan, redirect("toegang:melding", pk=plan.melding_id)
    return plan, None


@rol_vereist(Rol.BACKOFFICE)
def afwijzen(request, pk: int):
    plan, elders = _aanvraag(request, pk)
    if elders:
        return elders

    def wijs_af(data):
        beschikking = afhandeling.wijs_af(plan, acting_user=request.user, **data)
        tekst = (
            f"De aanvraag is afgewezen met beschikking {beschikking.nummer}; er gaat geen "
            "toewijzing naar de aanbieder."
        )
        return tekst, reverse("toegang:beschikking", args=[beschikking.pk])

    terug = reverse("toegang:aanvraag", args=[plan.pk])
    form = AfwijzingForm(request.POST or None)
    return _bevestig(request, form, AFWIJZEN, plan.melding, terug, wijs_af)


@rol_vereist(Rol.BACKOFFICE)
def aanvraag_terugsturen(request, pk: int):
    plan, elders = _aanvraag(request, pk)
    if elders:
        return elders

    def stuur_terug(data):
        afhandeling.stuur_aanvraag_terug(plan, acting_user=request.user, **data)
        return "De aanvraag is teruggestuurd naar de consulent.", reverse("toegang:aanvragen")

    terug = reverse("toegang:aanvraag", args=[plan.pk])
    form = AanvraagTerugForm(request.POST or None)
    return _bevestig(request, form, TERUGSTUREN, plan.melding, terug, stuur_terug)


@rol_vereist(*GEMEENTE_ROLLEN)
def afsluiten(request, pk: int):
    melding = queries.lees_melding(request.user, pk)
    terug = reverse("toegang:melding", args=[melding.pk])
    if not melding.is_open:
        messages.error(request, "Deze melding is al afgehandeld.")
        return redirect(terug)

    def sluit_af(data):
        actie = (
            afhandeling.registreer_intrekking
            if data["soort"] == MeldingStatus.INGETROKKEN
            else afhandeling.stel_buiten_behandeling
        )
        gesloten = actie(melding, reden=data["reden"], op=data["op"], acting_user=request.user)
        tekst = (
            f"De melding is afgesloten: {gesloten.get_status_display().lower()}. Open "
            "termijnen en taken zijn ingetrokken."
        )
        return tekst, terug

    form = AfsluitenForm(request.POST or None)
    return _bevestig(request, form, AFSLUITEN, melding, terug, sluit_af)
