"""Worklist source of the evaluations (see ``gedeeld.werklijst``): a planned evaluation shows
for the consulent and the aanbieder from its werkdag on, not before."""

from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.gedeeld.werklijst import Werkitem, bron, sleutel

from . import queries


def _label(dagen: int) -> tuple[str, str]:
    if dagen == 0:
        return "Vandaag", "termijn--bijna"
    return f"Sinds {dagen} dag{'en' if dagen > 1 else ''}", "termijn--verlopen"


@bron("Evaluaties", Rol.TOEGANGSMEDEWERKER, Rol.AANBIEDER)
def evaluaties(gebruiker):
    vandaag = timezone.localdate()
    for evaluatie in queries.te_doen(gebruiker, vandaag):
        label, css = _label((vandaag - evaluatie.gepland_op).days)
        yield Werkitem(
            soort="Evaluaties",
            titel=f"{evaluatie.get_soort_display()}: {evaluatie.traject.client.volledige_naam}",
            url=evaluatie.get_absolute_url(),
            vervaldatum=evaluatie.gepland_op,
            termijn_label=label,
            termijn_css=css,
            toelichting=f"Traject {evaluatie.traject.nummer} · gepland op "
            f"{evaluatie.gepland_op:%d-%m-%Y}",
            client=evaluatie.traject.client.volledige_naam,
            sleutels=frozenset({sleutel(evaluatie)}),
        )
