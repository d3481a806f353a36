"""Pages of the payment batches (``docs/betalingen.md``).

* the gemeente's backoffice: the batches to pay with their deadline, *Maak betaalbatches*, one
  batch with its lines, *Vaststellen*, *Exporteer CSV*, *Exporteer SEPA*, *Markeer betaald*;
* the gemeente's contract manager: the same pages, read only;
* the aanbieder: its own batches once fixed, read only (no client names);
* everyone of these: the totals per month, aanbieder, product or gemeente.

Views only collect input and call the services; every read is scoped to the user's
organisation (404 otherwise); a batch's page is audit-logged per client it shows.
"""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.decorators import rol_vereist
from wmoketen.gedeeld.bedragen import euro
from wmoketen.gedeeld.paginering import pagineer
from wmoketen.gedeeld.weigering import Poging

from . import queries, services
from .constants import BatchStatus, Exportsoort
from .forms import BetaaldForm

LEZERS = (Rol.BACKOFFICE, Rol.CONTRACTMANAGER, Rol.AANBIEDER)
PER_PAGINA = 100


def _aanbieder_id(request) -> int | None:
    waarde = request.GET.get("aanbieder", "")
    return int(waarde) if waarde.isdigit() else None


@rol_vereist(*LEZERS)
def lijst(request):
    organisatie = request.user.organisatie
    keuze = request.GET.get("status", "")
    keuze = keuze if keuze in queries.FILTERS else ""
    aanbieder_id = _aanbieder_id(request)
    batches = queries.batch_lijst(organisatie, keuze=keuze, aanbieder_id=aanbieder_id)
    context = {
        "pagina": pagineer(request, batches, per_pagina=50),
        "filters": queries.FILTERS,
        "keuze": keuze,
        "aanbieders": queries.aanbieders_in_batches(organisatie) if organisatie.is_gemeente else [],
        "aanbieder_id": aanbieder_id,
        "mag_maken": organisatie.is_gemeente and request.user.heeft_rol(Rol.BACKOFFICE),
    }
    return render(request, "betalingen/lijst.html", context)


@require_POST
@rol_vereist(Rol.BACKOFFICE)
def maak(request):
    with Poging(request=request) as poging:
        batches = services.maak_batches(
            request.user.organisatie.specifiek, acting_user=request.user
        )
    if poging.gelukt:
        if batches:
            namen = ", ".join(f"{b.aanbieder} {b.maand:%m-%Y}" for b in batches)
            messages.success(request, f"{len(batches)} betaalbatch(es) bijgewerkt: {namen}.")
        else:
            messages.info(request, "Er zijn geen nieuwe goedgekeurde prestaties of voorschotten.")
    return redirect("betalingen:lijst")


def _toon_batch(request, batch, *, betaald_form=None, status=200):
    gebruiker = request.user
    bij_gemeente = gebruiker.organisatie_id == batch.gemeente_id
    pagina = pagineer(request, queries.regels_van(batch), per_pagina=PER_PAGINA)
    if bij_gemeente:
        queries.log_gelezen(
            gebruiker, batch, [r.prestatie.client_id for r in pagina if r.prestatie]
        )
    mag_behandelen = bij_gemeente and gebruiker.heeft_rol(Rol.BACKOFFICE)
    context = {
        "batch": batch,
        "pagina": pagina,
        "totaal": queries.totaal(batch),
        "afwijkingen": queries.rekening_afwijkingen(batch, met_gemeente=bij_gemeente),
        "bij_gemeente": bij_gemeente,
        "mag_behandelen": mag_behandelen,
        "betaald_form": betaald_form or BetaaldForm(),
        "statussen": BatchStatus,
    }
    return render(request, "betalingen/batch.html", context, status=status)


@rol_vereist(*LEZERS)
def batch(request, pk: int):
    return _toon_batch(request, queries.lees_batch(request.user, pk))


@require_POST
@rol_vereist(Rol.BACKOFFICE)
def vaststellen(request, pk: int):
    batch = queries.lees_batch(request.user, pk)
    with Poging(request=request) as poging:
        batch = services.stel_vast(batch, acting_user=request.user)
    if poging.gelukt:
        totaal = queries.totaal(batch)["totaal"]
        messages.success(request, f"{batch} is vastgesteld op {euro(totaal)}.")
    return redirect("betalingen:batch", pk=pk)


def _exporteer(request, pk: int, soort: str):
    batch = queries.lees_batch(request.user, pk)
    with Poging(request=request) as poging:
        bestand = services.exporteer(batch, soort=soort, acting_user=request.user)
    if not poging.gelukt:
        return redirect("betalingen:batch", pk=pk)
    antwoord = HttpResponse(bestand.inhoud, content_type=bestand.content_type)
    antwoord["Content-Disposition"] = f'attachment; filename="{bestand.naam}"'
    return antwoord


@require_POST
@rol_vereist(Rol.BACKOFFICE)
def exporteer_csv(request, pk: int):
    return _exporteer(request, pk, Exportsoort.CSV)


@require_POST
@rol_vereist(Rol.BACKOFFICE)
def exporteer_sepa(request, pk: int):
    return _exporteer(request, pk, Exportsoort.SEPA)


@require_POST
@rol_vereist(Rol.BACKOFFICE)
def betaald(request, pk: int):
    batch = queries.lees_batch(request.user, pk)
    form = BetaaldForm(request.POST)
    if form.is_valid():
        with Poging(form) as poging:
            services.markeer_betaald(
                batch, betaald_op=form.cleaned_data["betaald_op"], acting_user=request.user
            )
        if poging.gelukt:
            messages.success(
                request, f"{batch} is betaald op {form.cleaned_data['betaald_op']:%d-%m-%Y}."
            )
            return redirect("betalingen:batch", pk=pk)
    return _toon_batch(request, batch, betaald_form=form, status=400)


@rol_vereist(*LEZERS)
def totalen(request):
    per = request.GET.get("per", "maand")
    per = per if per in queries.DIMENSIES else "maand"
    status = request.GET.get("status", "")
    rijen = list(queries.totalen(request.user.organisatie, per=per, status=status))
    context = {
        "per": per,
        "dimensies": {k: v[0] for k, v in queries.DIMENSIES.items()},
        "label": queries.DIMENSIES[per][0],
        "rijen": rijen,
        "eindtotaal": sum(r["totaal"] for r in rijen),
        "status": status if status in BatchStatus.values else "",
        "statussen": {"": "Alle", **dict(BatchStatus.choices)},
    }
    return render(request, "betalingen/totalen.html", context)
