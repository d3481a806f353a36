from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.decorators import rol_vereist
from wmoketen.gedeeld.paginering import BegrensdePaginator, pagineer
from wmoketen.gedeeld.weigering import Poging

from . import herstel, queries, services
from .constants import Status
from .forms import FilterForm
from .rollen import LEZERS


@rol_vereist(*LEZERS)
@vary_on_headers("HX-Request")
def lijst(request):
    organisatie = request.user.organisatie
    form = FilterForm(request.GET or None, organisatie=organisatie)
    filters = form.filters() if form.is_bound else {}
    berichten = queries.filter_berichten(organisatie, **filters)
    pagina = pagineer(request, berichten, paginator=BegrensdePaginator)
    context = {"form": form, "pagina": pagina}
    gedeeltelijk = request.htmx and not request.htmx.history_restore_request
    template = "berichten/_tabel.html" if gedeeltelijk else "berichten/lijst.html"
    return render(request, template, context)


@rol_vereist(Rol.FUNCTIONEEL_BEHEERDER)
def vastgelopen(request):
    """Messages waiting for the pipeline or failed in it, with their age: the beheer's view."""
    berichten = herstel.voor_beheer(request.user.organisatie)
    pagina = pagineer(request, berichten, per_pagina=50)
    for bericht in pagina:
        bericht.mag_herverwerken = services.mag_herverwerken(request.user, bericht)
    context = {
        "pagina": pagina,
        "grens_minuten": int(herstel.standaard_leeftijd().total_seconds() // 60),
        "vastgelopen_voor": timezone.now() - herstel.standaard_leeftijd(),
    }
    return render(request, "berichten/vastgelopen.html", context)


@rol_vereist(*LEZERS)
def detail(request, pk: int):
    bericht = queries.lees(request.user, pk)  # parsed once: see queries.ontleed
    inkomend = bericht.ontvanger_id == request.user.organisatie_id
    context = {
        "bericht": bericht,
        "inkomend": inkomend,
        "tegenpartij": bericht.afzender if inkomend else bericht.ontvanger,
        "weergave": queries.weergave(bericht),
        "verwant": queries.verwant(bericht, request.user.organisatie),
        "retourcodes": queries.uitleg_retourcodes(queries.retourcodes_van(bericht)),
        "fouten": queries.uitleg_fouten(bericht.fouten),
        "in_fout": bericht.status == Status.FOUT_BIJ_VERWERKING,
        "wacht": services.wacht_op_verwerking(bericht),
        "mag_herverwerken": services.mag_herverwerken(request.user, bericht),
    }
    return render(request, "berichten/detail.html", context)


@rol_vereist(*LEZERS)
def inhoud(request, pk: int):
    """The message exactly as stored, as a download (never shown inline: it is foreign input)."""
    bericht = queries.lees(request.user, pk, actie="bericht.gedownload")
    extensie = "bin" if bericht.naam == "ONBEKEND" else "xml"
    antwoord = HttpResponse(bericht.bytes, content_type="application/octet-stream")
    antwoord["Content-Disposition"] = (
        f'attachment; filename="{bericht.naam}-{bericht.pk}.{extensie}"'
    )
    return antwoord


@require_POST
@rol_vereist(*LEZERS)
def herverwerk(request, pk: int):
    bericht = queries.zoek(request.user, pk)
    if not services.mag_herverwerken(request.user, bericht):
        raise PermissionDenied(
            "Alleen een functioneel beheerder van de ontvanger kan een bericht opnieuw verwerken."
        )
    with Poging(request=request) as poging:
        bericht = services.herverwerk(bericht, acting_user=request.user)
    if poging.gelukt:
        if bericht.status == Status.FOUT_BIJ_VERWERKING:
            messages.error(request, f"Opnieuw verwerken is weer mislukt: {bericht.foutmelding}")
        else:
            messages.success(
                request,
                f"Bericht {bericht.naam} {bericht.identificatie} is opnieuw verwerkt. "
                f"Status: {bericht.get_status_display()}.",
            )
    if request.POST.get("terug") == "vastgelopen":
        return redirect("berichten:vastgelopen")
    return redirect("berichten:detail", pk=bericht.pk)
