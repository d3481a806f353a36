"""Pages of the eigen-bijdrage register, for the gemeente's backoffice:

* the registrations (periods of Wmo support per adult client), filtered and paged, with the
  button that brings the register up to date (``werk_bij``);
* one registration with its meldingen;
* the meldingen to the CAK, filtered and paged, with the export that reports them (CSV);
* the files given to the CAK, each to be downloaded again.

Views only collect input and call the services; every read is scoped to the user's
organisation; every page is audit-logged per client shown.
"""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.decorators import rol_vereist
from wmoketen.gedeeld.paginering import pagineer
from wmoketen.gedeeld.weigering import Poging

from . import queries, services
from .constants import MeldingStatus
from .models import Registratie

PER_PAGINA = 50
LAATSTE_AANLEVERINGEN = 5  # shown on the meldingen page; the rest on the aanleveringen page


def _keuze(request, parameter: str, toegestaan) -> str:
    keuze = request.GET.get(parameter, "")
    return keuze if keuze in toegestaan else ""


@rol_vereist(Rol.BACKOFFICE)
def registraties(request):
    status = _keuze(request, "status", queries.REGISTRATIE_FILTERS)
    zoekterm = request.GET.get("q", "")
    lijst = queries.registratie_lijst(request.user.organisatie, status=status, zoekterm=zoekterm)
    pagina = pagineer(request, lijst, per_pagina=PER_PAGINA)
    queries.log_gelezen(
        request.user,
        "eigenbijdrage.registraties_gelezen",
        [r.client_id for r in pagina],
        "Register eigen bijdrage",
    )
    context = {
        "pagina": pagina,
        "filters": queries.REGISTRATIE_FILTERS,
        "keuze": status,
        "zoekterm": zoekterm,
        "telling": queries.telling_te_melden(request.user.organisatie_id),
    }
    return render(request, "eigenbijdrage/registraties.html", context)


@rol_vereist(Rol.BACKOFFICE)
def registratie(request, pk: int):
    gevonden = get_object_or_404(
        Registratie.objects.voor_organisatie(request.user.organisatie).select_related("client"),
        pk=pk,
    )
    queries.log_gelezen(
        request.user, "eigenbijdrage.registratie_gelezen", [gevonden.client_id], str(gevonden)
    )
    meldingen = gevonden.meldingen.select_related("gemeld_door").order_by("-aangemaakt", "-pk")
    context = {"registratie": gevonden, "meldingen": meldingen}
    return render(request, "eigenbijdrage/registratie.html", context)


@rol_vereist(Rol.BACKOFFICE)
def meldingen(request):
    status = _keuze(request, "status", MeldingStatus.values)
    soort = _keuze(request, "soort", queries.SOORT_FILTERS)
    zoekterm = request.GET.get("q", "")
    lijst = queries.melding_lijst(
        request.user.organisatie, status=status, soort=soort, zoekterm=zoekterm
    )
    pagina = pagineer(request, lijst, per_pagina=PER_PAGINA)
    queries.log_gelezen(
        request.user,
        "eigenbijdrage.meldingen_gelezen",
        [m.registratie.client_id for m in pagina],
        "Meldingen aan het CAK",
    )
    context = {
        "pagina": pagina,
        "filters": queries.MELDING_FILTERS,
        "keuze": status,
        "soorten": queries.SOORT_FILTERS,
        "soort": soort,
        "zoekterm": zoekterm,
        "telling": queries.telling_te_melden(request.user.organisatie_id),
        "aanleveringen": queries.aanleveringen(request.user.organisatie)[:LAATSTE_AANLEVERINGEN],
    }
    return render(request, "eigenbijdrage/meldingen.html", context)


@require_POST
@rol_vereist(Rol.BACKOFFICE)
def bijwerken(request):
    with Poging(request=request) as poging:
        uitkomst = services.werk_bij(request.user.organisatie.specifiek, acting_user=request.user)
    if poging.gelukt:
        if uitkomst.gewijzigd:
            messages.success(
                request,
                f"Het register is bijgewerkt: {uitkomst.nieuwe_meldingen} nieuwe melding(en) "
                "te melden aan het CAK.",
            )
        else:
            messages.info(request, "Het register was al bij: er is niets veranderd.")
        if uitkomst.zonder_geboortedatum:
            messages.warning(
                request,
                f"{len(uitkomst.zonder_geboortedatum)} cliënt(en) met Wmo-ondersteuning zonder "
                "bekende geboortedatum: vul die aan, anders is niet te bepalen of zij "
                "meerderjarig zijn.",
            )
    return redirect("eigenbijdrage:registraties")


@require_POST
@rol_vereist(Rol.BACKOFFICE)
def exporteren(request):
    with Poging(request=request) as poging:
        export = services.meld_aan_cak(request.user.organisatie.specifiek, acting_user=request.user)
    if not poging.gelukt:
        return redirect("eigenbijdrage:meldingen")
    return _download(export)


def _download(gevonden) -> HttpResponse:
    antwoord = HttpResponse(bytes(gevonden.inhoud), content_type="text/csv; charset=utf-8")
    antwoord["Content-Disposition"] = f'attachment; filename="{gevonden.bestandsnaam}"'
    return antwoord


@rol_vereist(Rol.BACKOFFICE)
def aanleveringen(request):
    """The files given to the CAK: who, when, how many meldingen; no client data."""
    pagina = pagineer(
        request, queries.aanleveringen(request.user.organisatie), per_pagina=PER_PAGINA
    )
    return render(request, "eigenbijdrage/aanleveringen.html", {"pagina": pagina})


@rol_vereist(Rol.BACKOFFICE)
def aanlevering(request, pk: int):
    """A file given to the CAK, downloaded again (one lost on the way): the same bytes, the
    reading of its BSNs audited per client like the first download."""
    gevonden = queries.aanlevering(request.user.organisatie, pk)
    if gevonden is None:
        raise Http404
    queries.log_gelezen(
        request.user,
        "eigenbijdrage.opnieuw_gedownload",
        queries.clienten_van(gevonden),
        f"CSV aan het CAK opnieuw gedownload: {gevonden}",
        obj=gevonden,
    )
    return _download(gevonden)
