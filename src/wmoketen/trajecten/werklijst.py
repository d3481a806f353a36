from django.urls import reverse

from wmoketen.accounts.constants import Rol
from wmoketen.gedeeld.werklijst import Rang, Werkitem, Werkplek, bron, sleutel, werkplek

from . import queries
from .constants import UITVOERENDE_ROLLEN
from .models import Taak


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
            client=taak.traject.client.volledige_naam,
            sleutels=frozenset({sleutel(taak)}),
            rang=Rang.TAAK,
            taakstatus=taak.get_status_display(),
        )


@werkplek(Taak, select_related=["traject__client"])
def taak_werkplek(taak, gebruiker) -> Werkplek | None:
    """A task's deadline: for the organisation doing it and for the consulent (regie), on
    the task's page; the gemeente's backoffice has no work on another's task."""
    eigen = gebruiker.organisatie_id == taak.toegewezen_aan_organisatie_id
    if not eigen and not gebruiker.heeft_rol(Rol.TOEGANGSMEDEWERKER):
        return None
    return Werkplek(
        reverse("trajecten:taak", args=[taak.pk]),
        taak.traject.client.volledige_naam,
        frozenset({sleutel(taak)}),
    )
