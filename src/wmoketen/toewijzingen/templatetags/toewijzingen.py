"""Template helpers of the allocation pages: the menu entries per role."""

from django import template
from django.urls import reverse

from wmoketen.accounts.constants import Rol

register = template.Library()

MENU = [
    ((Rol.AANBIEDER,), "Toewijzingen", "toewijzingen:aanbieder"),
    ((Rol.BACKOFFICE,), "Toewijzingen", "toewijzingen:lijst"),
    # The backoffice reaches the waiting list from its Toewijzingen page (a shorter menu).
    ((Rol.CONTRACTMANAGER,), "Wachtlijst", "toewijzingen:wachtlijst"),
]


@register.filter
def toewijzingen_menu(gebruiker) -> list[tuple[str, str]]:
    """(label, url) of the allocation pages for the user's roles, for the main menu."""
    if not getattr(gebruiker, "is_authenticated", False):
        return []
    return [(label, reverse(naam)) for rollen, label, naam in MENU if gebruiker.heeft_rol(*rollen)]
