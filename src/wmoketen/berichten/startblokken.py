from urllib.parse import urlencode

from django.urls import reverse

from wmoketen.gedeeld.startblokken import Telling, blok

from . import queries
from .rollen import LEZERS


@blok(
    "Berichtenverkeer",
    *LEZERS,
    leeg=f"Geen berichten verzonden of ontvangen in de laatste {queries.TELDAGEN} dagen.",
)
def berichten_per_status(gebruiker):
    """The organisation's messages per status over the last days, and those that need action
    (failed, without a handler, or waiting for the pipeline) whatever their age; each links to
    the list filtered on what it counts."""
    lijst = reverse("berichten:lijst")
    for a in queries.aantallen_per_status(gebruiker.organisatie):
        filters = {"status": a.status}
        label = a.label
        if a.van is not None:
            filters["van"] = a.van.isoformat()
            label = f"{a.label} (laatste {queries.TELDAGEN} dagen)"
        yield Telling(label, a.aantal, f"{lijst}?{urlencode(filters)}", css=f"tegel--{a.status}")
