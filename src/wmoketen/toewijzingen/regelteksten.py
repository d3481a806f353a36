"""What the aanbieder changes in the start/pause/stop forms when the message they would send
breaks a rule of the standard: this app's table for ``berichten.regelteksten``, in the words and
field names of these forms. Only rules the forms can still break after the services' own checks
(a start in the future, an end before the start are refused before a message is built)."""

from wmoketen.berichten.regelteksten import Aanwijzing, Aanwijzingen

AANWIJZINGEN: Aanwijzingen = {
    # The 307's Einddatum (the pause's or stop's last day of delivery) after its Dagtekening.
    ("TR134", "Einddatum"): Aanwijzing(
        "einddatum",
        "Een stop of pauze meldt u als die is ingegaan: kies als laatste dag van levering "
        "uiterlijk vandaag ({vandaag}).",
    ),
}
