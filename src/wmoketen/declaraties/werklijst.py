"""Worklist sources of the declaraties app (see ``gedeeld.werklijst``; ``portaal`` finds this
module at start-up).

* "Declaraties te beantwoorden" (backoffice): the gemeente's received declarations not yet
  answered, with the ``antwoord_323`` deadline (10 werkdagen, OP090), held ones included.
* "Afgewezen prestaties" (aanbieder): each declaration whose 325 rejected prestaties that
  were not declared again since.

The ``antwoord_323`` deadline on a received declaration links to the declaration's page
(``werkplek``), so the deadline row and the source's row merge into one.
"""

from django.urls import reverse

from wmoketen.accounts.constants import Rol
from wmoketen.gedeeld.werklijst import MAX_PER_BRON, Werkitem, Werkplek, bron, sleutel, werkplek

from .constants import BeoordelingStatus
from .models import OntvangenDeclaratie
from .queries import met_open_afwijzingen, te_beantwoorden
from .templatetags.declaraties import euro

GEEN_CLIENT = "Cliënten: zie de declaratie"


def _ontvangen_url(declaratie) -> str:
    return reverse("declaraties:ontvangen", args=[declaratie.pk])


@bron("Declaraties te beantwoorden", Rol.BACKOFFICE)
def te_beantwoorden_declaraties(gebruiker):
    """One query: the ``MAX_PER_BRON`` declarations due first, with aanbieder and deadline."""
    for declaratie in te_beantwoorden(gebruiker.organisatie_id)[:MAX_PER_BRON]:
        termijn = declaratie.termijn
        aangehouden = declaratie.status == BeoordelingStatus.AANGEHOUDEN
        yield Werkitem(
            soort="Declaraties te beantwoorden",
            titel=(
                f"Declaratie {declaratie.declaratienummer} van {declaratie.aanbieder} "
                f"{'controleren en beantwoorden (aangehouden)' if aangehouden else 'beantwoorden'}"
            ),
            url=_ontvangen_url(declaratie),
            vervaldatum=termijn.vervaldatum if termijn else None,
            termijn_label=termijn.status_label if termijn else "",
            termijn_css=termijn.css_klasse if termijn else "",
            toelichting=(
                f"{declaratie.get_wet_display()}, {declaratie.periode_begin:%m-%Y}: "
                f"ingediend {euro(declaratie.ingediend_bedrag)}"
            ),
            geen_client=GEEN_CLIENT,
            sleutels=frozenset({sleutel(declaratie)}),
        )


@bron("Afgewezen prestaties", Rol.AANBIEDER)
def afgewezen_prestaties(gebruiker):
    """One query: the ``MAX_PER_BRON`` latest answered declarations with rejected prestaties
    not declared again, with the number of those."""
    for declaratie in met_open_afwijzingen(gebruiker.organisatie_id)[:MAX_PER_BRON]:
        aantal = declaratie.open_afgewezen
        yield Werkitem(
            soort="Afgewezen prestaties",
            titel=(
                f"325 ontvangen met afwijzingen: declaratie {declaratie.declaratienummer} "
                f"aan {declaratie.gemeente}"
            ),
            url=reverse("declaraties:declaratie", args=[declaratie.pk]) + "?oordeel=afgewezen",
            toelichting=(
                f"{aantal} prestatie{'s' if aantal != 1 else ''} afgewezen "
                f"({declaratie.periode_begin:%m-%Y}); toegekend {euro(declaratie.toegekend_bedrag)}"
            ),
            geen_client=GEEN_CLIENT,
            sleutels=frozenset({sleutel(declaratie)}),
        )


@werkplek(OntvangenDeclaratie)
def ontvangen_declaratie_werkplek(declaratie, gebruiker) -> Werkplek | None:
    """antwoord_323: the gemeente's backoffice answers on the declaration's page."""
    if gebruiker.organisatie_id != declaratie.gemeente_id or not gebruiker.heeft_rol(
        Rol.BACKOFFICE
    ):
        return None
    return Werkplek(_ontvangen_url(declaratie), "", frozenset({sleutel(declaratie)}))
