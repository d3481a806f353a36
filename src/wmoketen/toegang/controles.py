"""What the toegang actions share (``services``, ``vervolg``, ``afhandeling``): the checks on
the acting user and on dates, the row locks, a page URL, the staff to notify, the status."""

from datetime import date

from django.core.exceptions import ValidationError
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.rechten import eis_organisatie, eis_rol

from .models import Melding, Ondersteuningsplan


def eis_gemeente(gebruiker, gemeente_id: int) -> None:
    eis_organisatie(gebruiker, gemeente_id, "Deze cliënt hoort niet bij uw gemeente.")


def eis_consulent(melding: Melding, gebruiker) -> None:
    eis_rol(gebruiker, Rol.TOEGANGSMEDEWERKER)
    eis_gemeente(gebruiker, melding.gemeente_id)


def dag(op: date | None, naam: str = "De datum") -> date:
    """``op``, or today when empty; refused in the future (a step is entered afterwards)."""
    vandaag = timezone.localdate()
    if op is None:
        return vandaag
    if op > vandaag:
        raise ValidationError(f"{naam} ligt in de toekomst.")
    return op


def niet_voor(datum: date, grens: date, tekst: str) -> None:
    if datum < grens:
        raise ValidationError(tekst)


def vergrendel_melding(melding: Melding) -> Melding:
    return (
        Melding.objects.select_for_update(of=("self",))
        .select_related("gemeente", "client")
        .get(pk=melding.pk)
    )


def vergrendel_plan(plan: Ondersteuningsplan) -> Ondersteuningsplan:
    return (
        # Lock the plan row only: PostgreSQL refuses FOR UPDATE on the outer-joined relations.
        Ondersteuningsplan.objects.select_for_update(of=("self",))
        .select_related("melding__gemeente", "melding__client", "aanbieder", "taak")
        .get(pk=plan.pk)
    )


def pagina_url(naam: str, pk: int) -> str:
    """A page of the toegang app (built by the views); empty while it does not exist."""
    try:
        return reverse(naam, args=[pk])
    except NoReverseMatch:
        return ""


def medewerkers(organisatie, *rollen):
    return organisatie.gebruikers.filter(
        is_active=True, groups__name__in=[str(r) for r in rollen]
    ).distinct()


def zet_status(melding: Melding, status: str) -> None:
    melding.status = status
    melding.save(update_fields=["status"])
