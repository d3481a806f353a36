from django.shortcuts import render

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.decorators import rol_vereist
from wmoketen.clienten.queries import ids_met_bsn
from wmoketen.gedeeld.paginering import pagineer

from . import services as audit
from .forms import ZoekForm
from .models import AuditRegel


@rol_vereist(Rol.FUNCTIONEEL_BEHEERDER)
def zoeken(request):
    """The organisation's audit trail, searchable by client (BSN) and by user. A search by BSN
    reads that client's history: it is itself logged for the client."""
    organisatie = request.user.organisatie
    form = ZoekForm(request.GET or None)
    regels = AuditRegel.objects.voor_organisatie(organisatie)
    if form.is_bound and not form.is_valid():
        regels = regels.none()
    elif form.is_bound:
        if bsn := form.cleaned_data["bsn"]:
            clienten = ids_met_bsn(organisatie, [bsn])
            audit.log_clienten(request.user, "audit.gezocht", organisatie, clienten)
            regels = regels.filter(client_id__in=clienten)
        if gebruiker := form.cleaned_data["gebruiker"]:
            regels = regels.filter(gebruikersnaam__iexact=gebruiker)
    # The trail only grows: a page and whether another follows, never a count of it all.
    pagina = pagineer(request, regels, per_pagina=50, tellen=False)
    return render(request, "audit/zoeken.html", {"form": form, "pagina": pagina})
