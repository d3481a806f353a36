"""Template helpers of the eigen-bijdrage pages: the menu entry per role."""

from django import template
from django.urls import reverse

from wmoketen.accounts.constants import Rol

register = template.Library()

MENU = [((Rol.BACKOFFICE,), "Eigen bijdrage", "eigenbijdrage:registraties")]


@register.filter
def eigenbijdrage_menu(gebruiker) -> list[tuple[str, str]]:
    """(label, url) of the register's pages for the user's roles, for the main menu."""
    if not getattr(gebruiker, "is_authenticated", False):
        return []
    return [(label, reverse(naam)) for rollen, label, naam in MENU if gebruiker.heeft_rol(*rollen)]
