"""What the aanbieder changes in the request forms (315, 317) when the message they would send
breaks a rule of the standard: this app's table for ``berichten.regelteksten``. Only rules the
forms can still break after the services' own checks (TR380, TR386, CD041, CD075 and the like
are refused before a message is built). These findings are on a product, whose fields are in a
row of the form, so they show above the form."""

from wmoketen.berichten.regelteksten import Aanwijzing, Aanwijzingen

# Eenheid 14, 16, 83 or 84 with a Frequentie other than 2, 4 or 6: CS343 (315), CS338 (317).
FREQUENTIE = Aanwijzing(
    "frequentie",
    "Bij de eenheid etmaal, dagdeel, euro's of stuks (inspanning) hoort de frequentie per week, "
    "per maand of totaal binnen de geldigheidsduur: kies bij het product een van die "
    "frequenties, of een andere eenheid.",
)

AANWIJZINGEN: Aanwijzingen = {
    ("CS343", "Eenheid"): FREQUENTIE,
    ("CS338", "Eenheid"): FREQUENTIE,
    # Frequentie 2 without an Einddatum: a changed allocation (317) whose end date was cleared.
    ("CD076", "Frequentie"): Aanwijzing(
        "einddatum", "Een omvang per week vraagt om een einddatum: laat de einddatum niet leeg."
    ),
}
