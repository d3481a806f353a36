from django.shortcuts import get_object_or_404

from wmoketen.audit import services as audit

from .models import Taak, Traject


def trajecten_voor(organisatie):
    return Traject.objects.voor_organisatie(organisatie).select_related("client", "gemeente")


def lees_traject(gebruiker, pk: int) -> Traject:
    """A traject the user's organisation takes part in (404 otherwise); logs the read."""
    traject = get_object_or_404(
        trajecten_voor(gebruiker.organisatie).prefetch_related("deelnames__organisatie"), pk=pk
    )
    audit.log(gebruiker, "traject.gelezen", traject, client_id=traject.client_id)
    return traject


def lees_taak(gebruiker, pk: int) -> Taak:
    """A task of a traject the user's organisation takes part in; logs the read."""
    taak = get_object_or_404(taken_voor(gebruiker.organisatie), pk=pk)
    audit.log(gebruiker, "taak.gelezen", taak, client_id=taak.traject.client_id)
    return taak


def taken_voor(organisatie):
    return Taak.objects.voor_organisatie(organisatie).select_related(
        "traject__client", "termijn", "toegewezen_aan_organisatie", "toegewezen_aan_gebruiker"
    )


def open_taken_voor(gebruiker):
    return taken_voor(gebruiker.organisatie).actief().voor_gebruiker(gebruiker)
