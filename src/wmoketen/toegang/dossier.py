"""Sections of the client page (``clienten.dossier``): the client's meldingen, support plans
and beschikkingen, through the scoped reads of ``queries``.

The plan and the evaluation of an aanbieder name the gemeente's client record; the aanbieder's
own record of that client has the same BSN, so plans are matched by BSN, within what the
viewer's organisation sees anyway (``Ondersteuningsplan.zichtbaar_voor``).
"""

from django.urls import reverse

from wmoketen.accounts.constants import Rol
from wmoketen.clienten.dossier import Dossierregel, onderdeel, periode

from . import queries
from .constants import Aanleiding

GEMEENTE = (Rol.TOEGANGSMEDEWERKER, Rol.BACKOFFICE)


def nieuwe_melding(gebruiker, client):
    """The consulent starts a melding for his gemeente's client."""
    if gebruiker.heeft_rol(Rol.TOEGANGSMEDEWERKER) and client.organisatie_id == (
        gebruiker.organisatie_id
    ):
        yield "Nieuwe melding", f"{reverse('toegang:nieuw')}?client={client.pk}"


@onderdeel("Meldingen", *GEMEENTE, volgorde=10, acties=nieuwe_melding)
def meldingen(gebruiker, client):
    rijen = (
        queries.meldingen_voor(gebruiker.organisatie)
        .filter(client_id=client.pk)
        .order_by("-ontvangen_op", "-pk")
    )
    for melding in rijen:
        titel = f"Melding {melding.get_wet_display()}"
        if melding.aanleiding != Aanleiding.NIEUW:
            titel += f" ({melding.get_aanleiding_display().lower()})"
        yield Dossierregel(
            melding.ontvangen_op,
            titel,
            melding.get_status_display(),
            reverse("toegang:melding", args=[melding.pk]),
            f"Traject {melding.traject.nummer}" if melding.traject_id else "",
        )


@onderdeel("Ondersteuningsplannen", *GEMEENTE, Rol.AANBIEDER, volgorde=20)
def plannen(gebruiker, client):
    rijen = (
        queries.plannen_voor(gebruiker.organisatie)
        .filter(melding__client__bsn=client.bsn)
        .order_by("-melding__ontvangen_op", "-pk")
    )
    for plan in rijen:
        yield Dossierregel(
            plan.melding.ontvangen_op,
            f"Ondersteuningsplan {plan.melding.get_wet_display()}",
            plan.get_status_display(),
            reverse("toegang:plan", args=[plan.pk]),
            f"Deel 2: {plan.aanbieder}" if plan.aanbieder_id else "",
        )


@onderdeel("Beschikkingen", *GEMEENTE, volgorde=30)
def beschikkingen(gebruiker, client):
    rijen = (
        queries.beschikkingen_voor(gebruiker.organisatie)
        .filter(client_id=client.pk)
        .order_by("-dagtekening", "-pk")
    )
    for beschikking in rijen:
        looptijd = periode(beschikking.ingangsdatum, beschikking.einddatum)
        bij = f"{beschikking.aanbieder}" if beschikking.aanbieder_id else ""
        yield Dossierregel(
            beschikking.dagtekening,
            f"Beschikking {beschikking.nummer} ({beschikking.get_wet_display()})",
            beschikking.get_soort_display() + (", open" if beschikking.open else ""),
            reverse("toegang:beschikking", args=[beschikking.pk]),
            " · ".join(p for p in (looptijd, bij) if p),
        )
