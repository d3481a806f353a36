"""Worklist source of the eigen-bijdrage register (see ``gedeeld.werklijst``; ``portaal`` finds
this module at start-up): one row for the gemeente's backoffice while meldingen wait to be
reported to the CAK, leading to the export. The row names no client (the work is one export
for all of them); the meldingen page shows them, audited."""

from django.urls import reverse
from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.gedeeld.werklijst import Werkitem, bron

from .queries import telling_te_melden

SOORT = "Eigen bijdrage: te melden aan CAK"


def _meervoud(aantal: int, enkel: str, meer: str) -> str:
    return f"{aantal} {enkel if aantal == 1 else meer}"


@bron(SOORT, Rol.BACKOFFICE)
def te_melden_aan_cak(gebruiker):
    """One query: the number of meldingen to report, per soort, and the oldest."""
    telling = telling_te_melden(gebruiker.organisatie_id)
    if not telling.aantal:
        return
    delen = [
        _meervoud(telling.starts, "start", "starts"),
        _meervoud(telling.stops, "stop", "stops"),
        _meervoud(telling.correcties, "correctie", "correcties"),
    ]
    sinds = timezone.localtime(telling.sinds)
    yield Werkitem(
        soort=SOORT,
        titel=f"{_meervoud(telling.aantal, 'wijziging', 'wijzigingen')} melden aan het CAK",
        url=reverse("eigenbijdrage:meldingen") + "?status=te_melden",
        toelichting=f"{', '.join(delen)}; de oudste sinds {sinds:%d-%m-%Y}",
        geen_client="Cliënten: zie de meldingen",
    )
