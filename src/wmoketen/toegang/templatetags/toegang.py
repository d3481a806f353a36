"""Template helpers of the toegang pages: the menu entries per role."""

from django import template
from django.urls import reverse

from wmoketen.accounts.constants import Rol

register = template.Library()

MENU = [
    (Rol.TOEGANGSMEDEWERKER, "Meldingen", "toegang:caseload"),
    (Rol.BACKOFFICE, "Aanvragen", "toegang:aanvragen"),
    (Rol.AANBIEDER, "Opdrachten", "toegang:opdrachten"),
]


@register.filter
def toegang_menu(gebruiker) -> list[tuple[str, str]]:
    """(label, url) of the toegang pages for the user's roles, for the main menu."""
    if not getattr(gebruiker, "is_authenticated", False):
        return []
    return [(label, reverse(naam)) for rol, label, naam in MENU if gebruiker.heeft_rol(rol)]


@register.filter
def criterium(waarde: str) -> str:
    """The label of a profile criterion, e.g. "Coöperatie van cliënt en netwerk"."""
    from ..constants import Criterium

    return Criterium(waarde).label if waarde in Criterium.values else waarde


@register.inclusion_tag("toegang/_traject.html", takes_context=True)
def meldingen_van_traject(context, traject):
    """The traject's meldingen (the first and each follow-up): for the gemeente only."""
    from wmoketen.toegang.models import Melding

    organisatie = context["request"].user.organisatie
    meldingen = (
        Melding.objects.voor_organisatie(organisatie)
        .filter(traject_id=traject.pk)
        .select_related("vorige_beschikking")
        .order_by("ontvangen_op", "pk")
    )
    return {"meldingen": list(meldingen)}
