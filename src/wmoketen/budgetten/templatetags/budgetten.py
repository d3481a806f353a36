"""Template helpers of the budget pages: the menu entry per role and amounts."""

from django import template
from django.urls import reverse

from wmoketen.accounts.constants import Rol
from wmoketen.gedeeld.bedragen import euro

register = template.Library()

MENU = [
    # The aanbieder reaches its budgets from its Declaraties page (one menu line at 1366 px).
    ((Rol.CONTRACTMANAGER,), "Budgetten", "budgetten:lijst"),
]


@register.filter
def budgetten_menu(gebruiker) -> list[tuple[str, str]]:
    """(label, url) of the budget pages for the user's roles, for the main menu."""
    if not getattr(gebruiker, "is_authenticated", False):
        return []
    return [(label, reverse(naam)) for rollen, label, naam in MENU if gebruiker.heeft_rol(*rollen)]


# An amount in eurocent the Dutch way: 123456 -> "€ 1.234,56".
register.filter("eurobedrag", euro)
