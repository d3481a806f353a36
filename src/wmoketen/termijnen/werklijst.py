from wmoketen.accounts.constants import Rol
from wmoketen.portaal.werklijst import Werkitem, bron

from . import queries

# How far ahead the worklist looks; overdue deadlines always show.
VOORUIT_DAGEN = 14


@bron("Termijnen", Rol.TOEGANGSMEDEWERKER, Rol.BACKOFFICE, Rol.AANBIEDER)
def lopende_termijnen(gebruiker):
    """Deadlines of the standard's and the region's rules running out for the organisation.

    Deadlines a user chose (a task's due date) show with their own item, not here.
    """
    termijnen = queries.open_termijnen(gebruiker.organisatie, binnen_dagen=VOORUIT_DAGEN)
    for termijn in termijnen.filter(regel__isnull=False).prefetch_related("onderwerp"):
        onderwerp = termijn.onderwerp
        yield Werkitem(
            soort="Termijnen",
            titel=termijn.titel,
            url=onderwerp.get_absolute_url() if hasattr(onderwerp, "get_absolute_url") else "",
            vervaldatum=termijn.vervaldatum,
            termijn_label=termijn.status_label,
            termijn_css=termijn.css_klasse,
            toelichting=termijn.berekening,
        )
