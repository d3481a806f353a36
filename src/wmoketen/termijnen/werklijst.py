from django.contrib.contenttypes.models import ContentType

from wmoketen.accounts.constants import Rol
from wmoketen.gedeeld.werklijst import (
    MAX_PER_BRON,
    Rang,
    Werkitem,
    bron,
    onderwerpen_prefetch,
    sleutel,
    werkplek_modellen,
    werkplekken_voor,
)

from . import queries

# How far ahead the worklist looks; overdue deadlines always show.
VOORUIT_DAGEN = 14


@bron("Termijnen", Rol.TOEGANGSMEDEWERKER, Rol.BACKOFFICE, Rol.AANBIEDER)
def lopende_termijnen(gebruiker):
    """Deadlines of the standard's and the region's rules running out for the organisation.

    Each links to the page where its work is done (``werkplek``, registered per subject by
    the owning app) and merges with the other rows about that work; a deadline on work the
    user cannot do there stays off his list. Deadlines a user chose (a task's due date) show
    with their own item, not here.

    A fixed number of queries: the deadlines, their subjects per model (with the relations
    the werkplek reads) and what each model's werkplekken read for all subjects at once;
    the ``MAX_PER_BRON`` due first.
    """
    modellen = ContentType.objects.get_for_models(*werkplek_modellen()).values()
    termijnen = list(
        queries.open_termijnen(gebruiker.organisatie, binnen_dagen=VOORUIT_DAGEN)
        .filter(regel__isnull=False, content_type__in=modellen)
        .prefetch_related(onderwerpen_prefetch())[:MAX_PER_BRON]
    )
    plekken = werkplekken_voor((t.onderwerp for t in termijnen), gebruiker)
    for termijn in termijnen:
        plek = plekken.get(sleutel(termijn.onderwerp)) if termijn.onderwerp else None
        if plek is None:
            continue
        yield Werkitem(
            soort="Termijnen",
            titel=termijn.titel,
            url=plek.url,
            vervaldatum=termijn.vervaldatum,
            termijn_label=termijn.status_label,
            termijn_css=termijn.css_klasse,
            toelichting=termijn.berekening,
            client=plek.client,
            sleutels=plek.sleutels,
            rang=Rang.TERMIJN,
            termijn_titel=termijn.titel,
        )
