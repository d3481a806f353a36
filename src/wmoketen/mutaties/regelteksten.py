"""What the user changes in a mutation form when a message it would send breaks a rule of the
standard: this app's table for ``berichten.regelteksten`` (which applies it), in the words and
field names of the mutation forms."""

from wmoketen.berichten.regelteksten import Aanwijzing, Aanwijzingen

AANWIJZINGEN: Aanwijzingen = {
    # The 307's Einddatum (the day before the first day without care) after its Dagtekening.
    ("TR134", "Einddatum"): Aanwijzing(
        "datum",
        "Een stopbericht meldt een stop die al is ingegaan: de laatste dag van de ondersteuning "
        "mag niet na vandaag ({vandaag}) liggen. Kies als eerste dag zonder ondersteuning "
        "uiterlijk {morgen}.",
    ),
}
