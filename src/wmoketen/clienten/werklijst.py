"""Where the work on a deadline about a client as a whole is done: the client's page."""

from django.urls import reverse

from wmoketen.gedeeld.werklijst import Werkplek, sleutel, werkplek

from .models import Client


@werkplek(Client)
def client_werkplek(client, gebruiker) -> Werkplek | None:
    if client.organisatie_id != gebruiker.organisatie_id:
        return None
    return Werkplek(
        reverse("clienten:detail", args=[client.pk]),
        client.volledige_naam,
        frozenset({sleutel(client)}),
    )
