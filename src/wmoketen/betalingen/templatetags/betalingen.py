"""Template helpers of the payment pages: the menu entries per role."""

from django import template
from django.urls import reverse

from wmoketen.accounts.constants import Rol
from wmoketen.organisaties.rekening import opgemaakt

register = template.Library()

# The aanbieder reaches its batches from its Declaraties page: its menu fits one line at 1366 px.
MENU = [((Rol.BACKOFFICE, Rol.CONTRACTMANAGER), "Betalingen", "betalingen:lijst")]


@register.filter
def betalingen_menu(gebruiker) -> list[tuple[str, str]]:
    """(label, url) of the payment pages for the user's roles, for the main menu."""
    if not getattr(gebruiker, "is_authenticated", False):
        return []
    return [(label, reverse(naam)) for rollen, label, naam in MENU if gebruiker.heeft_rol(*rollen)]


@register.filter
def iban_opgemaakt(iban: str) -> str:
    """An IBAN in groups of four."""
    return opgemaakt(iban) if iban else ""
