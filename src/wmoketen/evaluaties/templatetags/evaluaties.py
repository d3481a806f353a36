"""Template helpers of the evaluations: the menu entry and the block on the traject page."""

from django import template
from django.urls import reverse

from wmoketen.accounts.constants import Rol

from .. import queries

register = template.Library()


@register.filter
def evaluaties_menu(gebruiker) -> list[tuple[str, str]]:
    """(label, url) of the evaluations page for consulenten and aanbieders."""
    if not getattr(gebruiker, "is_authenticated", False):
        return []
    if gebruiker.heeft_rol(Rol.TOEGANGSMEDEWERKER, Rol.AANBIEDER):
        return [("Evaluaties", reverse("evaluaties:lijst"))]
    return []


@register.inclusion_tag("evaluaties/_traject.html", takes_context=True)
def evaluaties_van_traject(context, traject):
    """The traject's evaluations as the user's organisation sees them."""
    gebruiker = context["request"].user
    return {"evaluaties": queries.van_traject(traject, gebruiker.organisatie)}
