"""Template helpers of the request pages: the menu entries per role."""

from django import template
from django.urls import reverse

from wmoketen.accounts.constants import Rol

register = template.Library()

MENU = [
    (Rol.AANBIEDER, "Verzoeken", "verzoeken:lijst"),
    (Rol.BACKOFFICE, "Verzoeken", "verzoeken:werkvoorraad"),
]


@register.filter
def verzoeken_menu(gebruiker) -> list[tuple[str, str]]:
    """(label, url) of the request pages for the user's roles, for the main menu."""
    if not getattr(gebruiker, "is_authenticated", False):
        return []
    return [(label, reverse(naam)) for rol, label, naam in MENU if gebruiker.heeft_rol(rol)]
