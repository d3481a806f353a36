"""Template helpers of the payment pages: the menu entries per role."""

from django import template
from django.urls import reverse

from wmoketen.accounts.constants import Rol
from wmoketen.organisaties.rekening import opgemaakt

register = template.Library()

MENU = [((Rol.BACKOFFICE, Rol.CONTRACTMANAGER, Rol.AANBIEDER), "Betalingen", "betalingen:lijst")]


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
