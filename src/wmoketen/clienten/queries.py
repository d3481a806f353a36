"""Reads of client records. Every read of one record is audit-logged."""

import re
from datetime import datetime

from django.db.models import Q
from django.shortcuts import get_object_or_404

from wmoketen.audit import services as audit

from .models import Client, Contact, Relatie

DATUM = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")


def zoek(acting_user, zoekterm: str):
    """Clients of the user's organisation matching a BSN, (part of) a name or dd-mm-jjjj."""
    clienten = Client.objects.voor_organisatie(acting_user.organisatie)
    term = zoekterm.strip()
    if not term:
        return clienten.none()
    if term.isdigit():
        return clienten.filter(bsn__startswith=term)
    if match := DATUM.match(term):
        dag, maand, jaar = (int(g) for g in match.groups())
        try:
            return clienten.filter(geboortedatum=datetime(jaar, maand, dag).date())
        except ValueError:
            return clienten.none()
    filters = Q()
    for woord in term.split():
        filters &= (
            Q(geslachtsnaam__icontains=woord)
            | Q(partnernaam__icontains=woord)
            | Q(voornamen__icontains=woord)
        )
    return clienten.filter(filters)


def ids_met_bsn(organisatie, bsns) -> list[int]:
    """The ids of the organisation's client records with these BSNs (for audit rows)."""
    return list(
        Client.objects.voor_organisatie(organisatie)
        .filter(bsn__in=bsns)
        .values_list("pk", flat=True)
    )


def lees(acting_user, pk: int) -> Client:
    """One client record of the user's organisation (404 otherwise); logs the read."""
    client = get_object_or_404(
        Client.objects.voor_organisatie(acting_user.organisatie).prefetch_related(
            "contacten", "relaties"
        ),
        pk=pk,
    )
    audit.log(acting_user, "client.gelezen", client, client_id=client.pk)
    return client


def adresboek(client: Client) -> tuple[list[Contact], list[tuple[Relatie, Contact | None]]]:
    """The client's own contacts (current first, by soort) and each relatie with its contact
    (its first, as the 301 takes it), from the prefetched rows of ``lees``."""
    contacten = list(client.contacten.all())
    eigen = [c for c in contacten if c.relatie_id is None]
    eerste = {}
    for contact in sorted(contacten, key=lambda c: c.pk):
        if contact.relatie_id:
            eerste.setdefault(contact.relatie_id, contact)
    return (
        sorted(eigen, key=lambda c: (c.is_beeindigd, c.soort, c.pk)),
        [(r, eerste.get(r.pk)) for r in client.relaties.all()],
    )


def lees_contact(acting_user, pk: int) -> Contact:
    """One address of a client of the user's organisation (404 otherwise); logs the read."""
    contact = get_object_or_404(
        Contact.objects.voor_organisatie(acting_user.organisatie).select_related(
            "client", "relatie"
        ),
        pk=pk,
    )
    audit.log(
        acting_user,
        "client.gelezen",
        contact.client,
        client_id=contact.client_id,
        omschrijving=f"contact: {contact.soort_omschrijving}",
    )
    return contact


def lees_relatie(acting_user, pk: int) -> Relatie:
    """One relatie of a client of the user's organisation with its contact (404 otherwise);
    logs the read."""
    relatie = get_object_or_404(
        Relatie.objects.voor_organisatie(acting_user.organisatie)
        .select_related("client")
        .prefetch_related("contacten"),
        pk=pk,
    )
    audit.log(
        acting_user,
        "client.gelezen",
        relatie.client,
        client_id=relatie.client_id,
        omschrijving=f"relatie: {relatie.soort_omschrijving}",
    )
    return relatie
