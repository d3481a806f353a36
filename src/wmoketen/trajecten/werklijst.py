from django.urls import reverse

from wmoketen.portaal.werklijst import Werkitem, bron

from . import queries
from .constants import UITVOERENDE_ROLLEN


@bron("Taken", *UITVOERENDE_ROLLEN)
def open_taken(gebruiker):
    """Open tasks for the user or for his organisation."""
    for taak in queries.open_taken_voor(gebruiker):
        termijn = taak.termijn
        yield Werkitem(
            soort="Taken",
            titel=taak.naam,
            url=reverse("trajecten:taak", args=[taak.pk]),
            vervaldatum=termijn.vervaldatum if termijn else None,
            termijn_label=termijn.status_label if termijn else "",
            termijn_css=termijn.css_klasse if termijn else "",
            prioriteit=taak.get_prioriteit_display(),
            toelichting=f"Traject {taak.traject.nummer} · {taak.get_status_display()}",
        )
