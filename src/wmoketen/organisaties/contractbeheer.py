"""The contract manager's screens: contracts, contract lines and tariffs (``contracten``).

Each page is reached from the contract page; the queryset is the viewer's own contracts, so
another gemeente's contract is a 404, and the service checks the role and gemeente again.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import localize

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.decorators import rol_vereist
from wmoketen.gedeeld.weigering import Poging

from . import contracten, queries
from .forms import (
    ContractForm,
    ContractregelForm,
    EinddatumForm,
    NieuwContractForm,
    NieuweContractregelForm,
    TariefForm,
)
from .models import Contractregel


def _gepost(request):
    """The POST data, also when empty (an empty POST must show "Dit veld is vereist.")."""
    return request.POST if request.method == "POST" else None


def _contract(request, pk: int):
    return get_object_or_404(queries.contracten_voor(request.user.organisatie), pk=pk)


def _regel(request, pk: int) -> Contractregel:
    eigen = queries.contracten_voor(request.user.organisatie).values("pk")
    return get_object_or_404(
        Contractregel.objects.filter(contract__in=eigen).select_related("contract", "product"),
        pk=pk,
    )


def _formulier(request, form, uitvoeren, *, titel: str, knop: str, terug):
    """Run ``uitvoeren(**cleaned_data)`` on a valid POST; Dutch refusals land on the form."""
    if request.method == "POST" and form.is_valid():
        with Poging(form) as poging:
            resultaat, bericht = uitvoeren(**form.cleaned_data)
        if poging.gelukt:
            messages.success(request, bericht)
            return redirect("organisaties:contract", pk=resultaat)
    context = {"form": form, "titel": titel, "knop": knop, "terug": terug}
    status = 400 if request.method == "POST" else 200
    return render(request, "organisaties/beheer.html", context, status=status)


@rol_vereist(Rol.CONTRACTMANAGER)
def contract_nieuw(request):
    gemeente = request.user.organisatie
    form = NieuwContractForm(_gepost(request), gemeente=gemeente)

    def sluit(regio, **velden):
        plaats = {"regio": regio} if regio else {"gemeente": gemeente.specifiek}
        contract = contracten.sluit_contract(acting_user=request.user, **plaats, **velden)
        return contract.pk, f"Contract {contract.kenmerk} is vastgelegd."

    return _formulier(
        request, form, sluit, titel="Nieuw contract", knop="Contract vastleggen", terug=None
    )


@rol_vereist(Rol.CONTRACTMANAGER)
def contract_wijzigen(request, pk: int):
    contract = _contract(request, pk)
    initial = {v: getattr(contract, v) for v in ("kenmerk", "begindatum", "einddatum")}
    form = ContractForm(_gepost(request), initial=initial)

    def wijzig(**velden):
        contracten.wijzig_contract(contract, acting_user=request.user, **velden)
        return contract.pk, f"Contract {velden['kenmerk']} is gewijzigd."

    return _formulier(
        request,
        form,
        wijzig,
        titel=f"Contract {contract.kenmerk} wijzigen",
        knop="Wijzigingen opslaan",
        terug=contract,
    )


@rol_vereist(Rol.CONTRACTMANAGER)
def contract_beeindigen(request, pk: int):
    contract = _contract(request, pk)
    form = EinddatumForm(_gepost(request), initial={"einddatum": contract.einddatum})

    def beeindig(einddatum):
        contracten.beeindig_contract(contract, einddatum=einddatum, acting_user=request.user)
        return contract.pk, f"Contract {contract.kenmerk} eindigt op {einddatum:%d-%m-%Y}."

    return _formulier(
        request,
        form,
        beeindig,
        titel=f"Contract {contract.kenmerk} beëindigen",
        knop="Contract beëindigen",
        terug=contract,
    )


@rol_vereist(Rol.CONTRACTMANAGER)
def contractregel_nieuw(request, pk: int):
    contract = _contract(request, pk)
    form = NieuweContractregelForm(_gepost(request), contract=contract)

    def voeg_toe(**velden):
        regel = contracten.voeg_contractregel_toe(contract, acting_user=request.user, **velden)
        return contract.pk, f"{regel.product} is aan het contract toegevoegd."

    return _formulier(
        request,
        form,
        voeg_toe,
        titel=f"Product toevoegen aan {contract.kenmerk}",
        knop="Product toevoegen",
        terug=contract,
    )


@rol_vereist(Rol.CONTRACTMANAGER)
def contractregel_wijzigen(request, pk: int):
    regel = _regel(request, pk)
    initial = {veld: getattr(regel, veld) for veld in contracten.REGELVELDEN}
    form = ContractregelForm(_gepost(request), initial=initial)

    def wijzig(**velden):
        contracten.wijzig_contractregel(regel, acting_user=request.user, **velden)
        return regel.contract_id, f"De contractregel voor {regel.product} is gewijzigd."

    return _formulier(
        request,
        form,
        wijzig,
        titel=f"{regel.product} wijzigen",
        knop="Wijzigingen opslaan",
        terug=regel.contract,
    )


@rol_vereist(Rol.CONTRACTMANAGER)
def contractregel_beeindigen(request, pk: int):
    regel = _regel(request, pk)
    form = EinddatumForm(_gepost(request), initial={"einddatum": regel.einddatum})

    def beeindig(einddatum):
        contracten.beeindig_contractregel(regel, einddatum=einddatum, acting_user=request.user)
        return regel.contract_id, f"{regel.product} eindigt op {einddatum:%d-%m-%Y}."

    return _formulier(
        request,
        form,
        beeindig,
        titel=f"{regel.product} beëindigen",
        knop="Contractregel beëindigen",
        terug=regel.contract,
    )


@rol_vereist(Rol.CONTRACTMANAGER)
def tarief_wijzigen(request, pk: int):
    regel = _regel(request, pk)
    form = TariefForm(_gepost(request))

    def wijzig(bedrag, ingangsdatum):
        contracten.wijzig_tarief(
            regel, bedrag=bedrag, ingangsdatum=ingangsdatum, acting_user=request.user
        )
        return regel.contract_id, (
            f"Het tarief voor {regel.product} is € {localize(bedrag)} vanaf "
            f"{ingangsdatum:%d-%m-%Y}."
        )

    return _formulier(
        request,
        form,
        wijzig,
        titel=f"Tarief van {regel.product} wijzigen",
        knop="Nieuw tarief vastleggen",
        terug=regel.contract,
    )
