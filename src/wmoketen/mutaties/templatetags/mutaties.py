"""Template helpers of the mutations: the block on the traject page, and whether the
aanbieder's stop buttons apply."""

from django import template
from django.db.models import Prefetch

from wmoketen.accounts.constants import Rol
from wmoketen.berichten.models import Bericht
from wmoketen.berichten.rollen import LEZERS

from .. import aanbieder
from ..models import Mutatie

register = template.Library()


@register.filter
def kan_stop_melden(aanbieder_toewijzing) -> bool:
    """Offer *Cliënt wil stoppen* / *Wij willen stoppen* only when the service takes a stop."""
    return aanbieder.kan_stop_melden(aanbieder_toewijzing)


@register.filter
def waarom_geen_stop(aanbieder_toewijzing) -> str:
    """The service's Dutch refusal of any stop of this allocation, or "" (see ``aanbieder``)."""
    return aanbieder.waarom_geen_stop(aanbieder_toewijzing)


@register.inclusion_tag("mutaties/_traject.html", takes_context=True)
def mutaties_van_traject(context, traject):
    """The client's mutations on ``traject`` as the user's organisation sees them, each with
    the messages it sent to or from that organisation."""
    gebruiker = context["request"].user
    organisatie = gebruiker.organisatie
    mutaties = list(
        Mutatie.objects.voor_organisatie(organisatie)
        .filter(traject_id=traject.pk)
        .select_related("gemeld_door", "aanbieder", "nieuwe_aanbieder")
        .prefetch_related(
            "beeindigd",
            "nieuw",
            "gewijzigd",
            Prefetch("berichten", Bericht.objects.select_related("ontvanger").order_by("pk")),
        )
    )
    for mutatie in mutaties:
        mutatie.eigen_berichten = [
            b for b in mutatie.berichten.all() if organisatie.pk in (b.afzender_id, b.ontvanger_id)
        ]
    return {
        "traject": traject,
        "mutaties": mutaties,
        "mag_doorgeven": organisatie.pk == traject.gemeente_id
        and gebruiker.heeft_rol(Rol.BACKOFFICE, Rol.TOEGANGSMEDEWERKER),
        "mag_berichten_lezen": gebruiker.heeft_rol(*LEZERS),
    }
