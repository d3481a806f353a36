from datetime import date

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.audit import services as audit

from .constants import Status
from .models import Evaluatie


def evaluaties_voor(organisatie):
    return Evaluatie.objects.voor_organisatie(organisatie).select_related(
        "traject__client", "gemeente", "aanbieder"
    )


def van_traject(traject, organisatie):
    """The evaluations of a traject the organisation sees (none for a third party)."""
    return evaluaties_voor(organisatie).filter(traject=traject)


def lees_evaluatie(gebruiker, pk: int) -> Evaluatie:
    """An evaluation of the user's gemeente or aanbieder (404 otherwise); logs the read: it
    holds health information."""
    evaluatie = get_object_or_404(
        evaluaties_voor(gebruiker.organisatie).select_related(
            "beschikking__plan__melding", "uitgevoerd_door"
        ),
        pk=pk,
    )
    audit.log(gebruiker, "evaluatie.gelezen", evaluatie, client_id=evaluatie.traject.client_id)
    return evaluatie


def te_doen(gebruiker, op: date | None = None):
    """Planned evaluations due on or before ``op`` (today) for the user.

    The consulent sees those of his own clients (and of meldingen without a consulent); the
    aanbieder's medewerkers those of their organisation."""
    op = op or timezone.localdate()
    rijen = evaluaties_voor(gebruiker.organisatie).filter(status=Status.GEPLAND, gepland_op__lte=op)
    if gebruiker.organisatie_id and gebruiker.heeft_rol(Rol.TOEGANGSMEDEWERKER):
        rijen = rijen.filter(gemeente_id=gebruiker.organisatie_id).filter(
            Q(beschikking__plan__melding__consulent=gebruiker)
            | Q(beschikking__plan__melding__consulent__isnull=True)
        )
    elif gebruiker.heeft_rol(Rol.AANBIEDER):
        rijen = rijen.filter(aanbieder_id=gebruiker.organisatie_id)
    else:
        return rijen.none()
    return rijen.order_by("gepland_op", "pk")
