"""Template filters for messages: who may read them, and Dutch names and explanations."""

from django import template

from istandaarden.berichten import BERICHTEN
from istandaarden.fout import MAX_FOUTEN, getal
from istandaarden.retourcodes import omschrijving

from ..constants import Status
from ..queries import aantal_fouten as _aantal_fouten
from ..rollen import LEZERS

register = template.Library()


@register.filter
def mag_berichten_lezen(gebruiker) -> bool:
    """For the menu: the user has a role that reads the organisation's messages."""
    return bool(getattr(gebruiker, "is_authenticated", False)) and gebruiker.heeft_rol(*LEZERS)


@register.simple_tag(takes_context=True)
def berichtstatus(context, bericht):
    """The message's state as the user's organisation sees it (``Bericht.status_voor``)."""
    gebruiker = getattr(context.get("request"), "user", None)
    return bericht.status_voor(getattr(gebruiker, "organisatie", None))


@register.filter
def retourcode(code: str) -> str:
    """The Dutch explanation of a retourcode (WJ001)."""
    return omschrijving(code)


@register.filter
def berichtsoort(bericht) -> str:
    """The Dutch name of the message type, e.g. "Toewijzing"; what it is when unknown."""
    soort = BERICHTEN.get((bericht.standaard, bericht.nummer))
    if soort:
        return soort.naam_nl
    # Only the pipeline reads the Header: before it has, the type is not known yet.
    return "Nog niet gelezen" if bericht.status == Status.ONTVANGEN else "Onleesbare invoer"


@register.filter
def aantal_fouten(bericht) -> str:
    """All errors of the message, the Dutch way ("200.000"), also those not kept."""
    return getal(_aantal_fouten(bericht))


@register.filter
def foutentelling(bericht) -> str:
    """The line "Eerste 100 van 200.000 fouten" when not every error is shown; else empty."""
    aantal = _aantal_fouten(bericht)
    getoond = min(len(bericht.fouten), MAX_FOUTEN)
    return f"Eerste {getal(getoond)} van {getal(aantal)} fouten" if aantal > getoond else ""
