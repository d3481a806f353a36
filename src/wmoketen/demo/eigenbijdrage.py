"""Each gemeente's backoffice brings its eigen-bijdrage register up to date from the starts,
pauses and stops the aanbieders reported (``leveringen``, the aanbiederswissel in Leudal), so
the worklist shows the starts and stops to report to the CAK. Nothing is reported: the visitor
exports the CSV. ``werk_bij`` is idempotent, so a second run changes nothing."""

from wmoketen.accounts.constants import Rol
from wmoketen.eigenbijdrage import services
from wmoketen.organisaties.models import Gemeente

from .gebruikers import gebruiker


def laad_eigenbijdrage() -> None:
    for gemeente in Gemeente.objects.order_by("gemeentecode"):
        services.werk_bij(gemeente, acting_user=gebruiker(gemeente, Rol.BACKOFFICE))
