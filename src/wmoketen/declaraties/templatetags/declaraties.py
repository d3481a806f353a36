"""Template helpers of the declaration pages: the menu entries per role and amounts."""

from django import template
from django.urls import reverse

from wmoketen.accounts.constants import Rol
from wmoketen.gedeeld.bedragen import euro

from ..models import DebetCredit

register = template.Library()

MENU = [
    ((Rol.AANBIEDER,), "Declaraties", "declaraties:lijst"),
    ((Rol.BACKOFFICE,), "Declaraties", "declaraties:ontvangen_lijst"),
]


@register.filter
def declaraties_menu(gebruiker) -> list[tuple[str, str]]:
    """(label, url) of the declaration pages for the user's roles, for the main menu."""
    if not getattr(gebruiker, "is_authenticated", False):
        return []
    return [(label, reverse(naam)) for rollen, label, naam in MENU if gebruiker.heeft_rol(*rollen)]


# An amount in eurocent the Dutch way: 123456 -> "€ 1.234,56", -500 -> "€ -5,00".
register.filter("euro", euro)


@register.filter
def getekend(prestatie) -> int:
    """A prestatie's amount in cent, credit negative (the aanbieder's ``bedrag`` property
    or the gemeente's ``bedrag`` field, both unsigned)."""
    bedrag = prestatie.bedrag
    return -bedrag if prestatie.debet_credit == DebetCredit.CREDIT else bedrag
