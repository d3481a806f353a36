"""The client's requests (315/317) on his page (``clienten.dossier``), and their messages
(``berichten.dossier.koppeling``): the request itself and the gemeente's answer (319).

Each side holds its own ``Verzoek`` for its own client record (``kant``): the aanbieder sees
what it sent, the gemeente what it received.
"""

from django.urls import reverse

from wmoketen.accounts.constants import Rol
from wmoketen.berichten.dossier import koppeling
from wmoketen.clienten.dossier import Dossierregel, onderdeel

from .constants import Kant
from .models import Antwoord, Verzoek


def _url(gebruiker, verzoek) -> str:
    if verzoek.kant == Kant.GEMEENTE and gebruiker.heeft_rol(Rol.BACKOFFICE):
        return reverse("verzoeken:beoordelen", args=[verzoek.pk])
    if verzoek.kant == Kant.AANBIEDER and gebruiker.heeft_rol(Rol.AANBIEDER):
        return reverse("verzoeken:detail", args=[verzoek.pk])
    return ""


@onderdeel("Verzoeken", Rol.BACKOFFICE, Rol.AANBIEDER, volgorde=50)
def verzoeken(gebruiker, client):
    rijen = (
        Verzoek.objects.voor_organisatie(gebruiker.organisatie)
        .filter(client_id=client.pk)
        .select_related("gemeente", "aanbieder")
        .order_by("-dagtekening", "-pk")
    )
    for verzoek in rijen:
        partij = verzoek.aanbieder if verzoek.kant == Kant.GEMEENTE else verzoek.gemeente
        yield Dossierregel(
            verzoek.dagtekening,
            verzoek.get_soort_display(),
            verzoek.get_status_display(),
            _url(gebruiker, verzoek),
            f"{verzoek.get_wet_display()} · {partij}",
        )


@koppeling
def berichten_van_verzoeken(organisatie, client):
    yield (
        Verzoek.objects.voor_organisatie(organisatie)
        .filter(client_id=client.pk)
        .values("bericht_id")
    )
    yield (
        Antwoord.objects.voor_organisatie(organisatie)
        .filter(verzoek__client_id=client.pk)
        .values("bericht_id")
    )
