from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.decorators import rol_vereist
from wmoketen.gedeeld.paginering import pagineer
from wmoketen.gedeeld.weigering import Poging

from . import betaalgegevens, queries, services
from .constants import OnderaannemingStatus
from .forms import BeoordelingForm, BetaalgegevensForm, OnderaannemingAanvraagForm
from .models import Onderaanneming

AANVRAGERS = (Rol.AANBIEDER, Rol.FUNCTIONEEL_BEHEERDER)


def lijst(request):
    organisaties = pagineer(
        request, queries.organisaties().order_by("soort", "naam", "pk"), per_pagina=50
    )
    return render(request, "organisaties/lijst.html", {"organisaties": organisaties})


def detail(request, pk: int):
    organisatie = get_object_or_404(queries.organisaties(), pk=pk)
    # Only the contracts the viewer is party to; the directory entry itself is public.
    contracten = queries.contracten_voor(request.user.organisatie).filter(
        pk__in=queries.contracten_voor(organisatie).values("pk")
    )
    beheerder = betaalgegevens.mag_beheren(request.user, organisatie)
    return render(
        request,
        "organisaties/detail.html",
        {
            "object": organisatie,
            "contracten": contracten,
            # The account only to whoever keeps it and to the organisation itself.
            "toon_rekening": beheerder or request.user.organisatie_id == organisatie.pk,
            "mag_rekening_beheren": beheerder,
        },
    )


def contracten(request):
    return render(
        request,
        "organisaties/contracten.html",
        {
            "contracten": pagineer(
                request,
                queries.contracten_voor(request.user.organisatie).order_by(
                    "-begindatum", "kenmerk", "pk"
                ),
            ),
            "mag_sluiten": request.user.heeft_rol(Rol.CONTRACTMANAGER),
        },
    )


def _mag_aanvragen(gebruiker, contract) -> bool:
    return gebruiker.organisatie_id == contract.aanbieder_id and gebruiker.heeft_rol(*AANVRAGERS)


def _contractpagina(request, contract, aanvraag=None, status=200):
    gebruiker = request.user
    bij_gemeente = gebruiker.organisatie_id in contract.gemeente_ids()
    # The requests themselves (open, refused) are the business of the hoofdaannemer and the
    # gemeenten; an onderaannemer sees the approved cooperations only.
    alle = bij_gemeente or gebruiker.organisatie_id == contract.aanbieder_id
    onderaannemingen = queries.onderaannemingen(contract)
    rijen = list(onderaannemingen if alle else onderaannemingen.goedgekeurd())
    mag_beoordelen = bij_gemeente and gebruiker.heeft_rol(Rol.CONTRACTMANAGER)
    for o in rijen:  # one form per open request, with ids of its own
        o.beoordeling = (
            BeoordelingForm(auto_id=f"id_b{o.pk}_%s")
            if mag_beoordelen and o.status == OnderaannemingStatus.AANGEVRAAGD
            else None
        )
    context = {
        "contract": contract,
        "onderaannemingen": rijen,
        "mag_beoordelen": mag_beoordelen,
        # The same person keeps the contract itself: its period, lines and tariffs.
        "mag_beheren": mag_beoordelen,
    }
    if _mag_aanvragen(gebruiker, contract):
        context["aanvraag"] = aanvraag or OnderaannemingAanvraagForm(contract=contract)
    return render(request, "organisaties/contract.html", context, status=status)


def contract(request, pk: int):
    contract = get_object_or_404(queries.contracten_voor(request.user.organisatie), pk=pk)
    return _contractpagina(request, contract)


@require_POST
@rol_vereist(*AANVRAGERS)
def onderaanneming_aanvragen(request, pk: int):
    contract = get_object_or_404(queries.contracten_voor(request.user.organisatie), pk=pk)
    form = OnderaannemingAanvraagForm(request.POST, contract=contract)
    if form.is_valid():
        with Poging(form) as poging:
            onderaanneming = services.vraag_onderaanneming_aan(
                contract, acting_user=request.user, **form.cleaned_data
            )
        if poging.gelukt:
            messages.success(
                request,
                f"De onderaanneming van {onderaanneming.onderaannemer} is aangevraagd; de "
                "contractmanager beoordeelt de aanvraag.",
            )
            return redirect("organisaties:contract", pk=contract.pk)
    return _contractpagina(request, contract, aanvraag=form, status=400)


@require_POST
@rol_vereist(Rol.CONTRACTMANAGER)
def onderaanneming_beoordelen(request, pk: int):
    contracten = queries.contracten_voor(request.user.organisatie)
    onderaanneming = get_object_or_404(
        Onderaanneming.objects.filter(contract__in=contracten.values("pk")), pk=pk
    )
    form = BeoordelingForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Kies goedkeuren of afwijzen.")
        return redirect("organisaties:contract", pk=onderaanneming.contract_id)
    with Poging(request=request, per_regel=True) as poging:
        onderaanneming = services.beoordeel_onderaanneming(
            onderaanneming,
            goedgekeurd=form.cleaned_data["besluit"] == "goedkeuren",
            toelichting=form.cleaned_data["toelichting"],
            acting_user=request.user,
        )
    if poging.gelukt:
        messages.success(
            request,
            f"De onderaanneming van {onderaanneming.onderaannemer} is "
            f"{onderaanneming.get_status_display().lower()}.",
        )
    return redirect("organisaties:contract", pk=onderaanneming.contract_id)


@rol_vereist(Rol.CONTRACTMANAGER, Rol.FUNCTIONEEL_BEHEERDER)
def betaalgegevens_wijzigen(request, pk: int):
    """The contract manager keeps an aanbieder's account; the gemeente's own account also its
    functioneel beheerder (``betaalgegevens``). Another organisation's: 404."""
    organisatie = get_object_or_404(betaalgegevens.beheerbare_organisaties(request.user), pk=pk)
    rij = organisatie.specifiek
    initial = {veld: getattr(rij, veld) for veld in ("iban", "bic", "rekeninghouder")}
    form = BetaalgegevensForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        with Poging(form, per_veld=True) as poging:
            betaalgegevens.wijzig_betaalgegevens(
                organisatie, acting_user=request.user, **form.cleaned_data
            )
        if poging.gelukt:
            messages.success(request, f"De betaalgegevens van {organisatie} zijn opgeslagen.")
            return redirect("organisaties:detail", pk=organisatie.pk)
    status = 400 if request.method == "POST" else 200
    context = {"object": organisatie, "form": form}
    return render(request, "organisaties/betaalgegevens.html", context, status=status)
