from django.core.paginator import Paginator
from django.shortcuts import render

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.decorators import rol_vereist
from wmoketen.clienten.models import Client

from .models import AuditRegel


@rol_vereist(Rol.FUNCTIONEEL_BEHEERDER)
def zoeken(request):
    """The organisation's audit trail, searchable by client (BSN) and by user."""
    regels = AuditRegel.objects.voor_organisatie(request.user.organisatie)
    bsn = request.GET.get("bsn", "").strip()
    gebruiker = request.GET.get("gebruiker", "").strip()
    if bsn:
        clienten = Client.objects.voor_organisatie(request.user.organisatie).filter(bsn=bsn)
        regels = regels.filter(client_id__in=clienten.values("pk"))
    if gebruiker:
        regels = regels.filter(gebruikersnaam__iexact=gebruiker)
    pagina = Paginator(regels, 50).get_page(request.GET.get("p"))
    return render(
        request, "audit/zoeken.html", {"pagina": pagina, "bsn": bsn, "gebruiker": gebruiker}
    )
