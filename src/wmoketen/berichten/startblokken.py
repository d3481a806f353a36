from django.urls import reverse

from wmoketen.gedeeld.startblokken import Telling, blok

from . import queries
from .rollen import LEZERS


@blok("Berichtenverkeer", *LEZERS, leeg="Nog geen berichten verzonden of ontvangen.")
def berichten_per_status(gebruiker):
    """The organisation's messages per status, each linking to the filtered list."""
    lijst = reverse("berichten:lijst")
    for status, label, aantal in queries.aantallen_per_status(gebruiker.organisatie):
        yield Telling(label, aantal, f"{lijst}?status={status}", css=f"tegel--{status}")
