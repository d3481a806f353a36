"""Worklist source of the payments (see ``gedeeld.werklijst``; ``portaal`` finds this module).

* "Betaalbatches te betalen" (backoffice): the gemeente's batches not yet paid, with the
  ``betaling`` deadline (30 kalenderdagen after the 323 arrived); a late one first, in red.

The deadline on a batch links to the batch's page (``werkplek``), so the deadline row and the
source's row merge into one.
"""

from django.urls import reverse

from wmoketen.accounts.constants import Rol
from wmoketen.gedeeld.bedragen import euro
from wmoketen.gedeeld.werklijst import MAX_PER_BRON, Werkitem, Werkplek, bron, sleutel, werkplek

from .models import Betaalbatch
from .queries import open_batches

SOORT = "Betaalbatches te betalen"
GEEN_CLIENT = "Betaling aan een aanbieder: geen cliënt"


def _url(batch) -> str:
    return reverse("betalingen:batch", args=[batch.pk])


def _titel(batch) -> str:
    stap = {
        "concept": "vaststellen",
        "vastgesteld": "exporteren en betalen",
        "geexporteerd": "betalen en als betaald markeren",
    }.get(batch.status, "betalen")
    return f"Betaalbatch {batch.maand:%m-%Y} van {batch.aanbieder} {stap}"


@bron(SOORT, Rol.BACKOFFICE)
def te_betalen_batches(gebruiker):
    """One query: the ``MAX_PER_BRON`` open batches due first, with aanbieder, total and
    deadline."""
    for batch in open_batches(gebruiker.organisatie_id)[:MAX_PER_BRON]:
        termijn = batch.termijn
        yield Werkitem(
            soort=SOORT,
            titel=_titel(batch),
            url=_url(batch),
            vervaldatum=batch.vervaldatum,
            termijn_label=termijn.status_label if termijn else "",
            termijn_css=termijn.css_klasse if termijn else "",
            toelichting=f"{batch.get_status_display()}: {batch.aantal} regel(s), "
            f"{euro(batch.totaal)}",
            geen_client=GEEN_CLIENT,
            sleutels=frozenset({sleutel(batch)}),
        )


@werkplek(Betaalbatch)
def betaalbatch_werkplek(batch, gebruiker) -> Werkplek | None:
    """betaling: the gemeente's backoffice pays on the batch's page."""
    if gebruiker.organisatie_id != batch.gemeente_id or not gebruiker.heeft_rol(Rol.BACKOFFICE):
        return None
    return Werkplek(_url(batch), "", frozenset({sleutel(batch)}))
