from django.db import models

from wmoketen.gedeeld.bedragen import in_cent  # noqa: F401  (the declaration rules import it here)

# Retourcodes of the 325 (WJ001) that IV087 names.
GOEDGEKEURD = "0200"  # geen opmerking over deze berichtklasse
NIET_BEOORDEELD = "0233"  # berichtklasse is niet beoordeeld (the prestaties of a refused client)
TECHNISCH_AFGEKEURD = "0001"  # controleniveau 2: the Header only
VOLLEDIG_TOEGEKEND = "8001"  # DeclaratieAntwoord: declaratie is volledig toegekend
# WJ001 codes that say nothing about one prestatie (the Header's, the declaration's, the
# client's, or no objection): never a reason to reject a prestatie by hand.
NIET_VOOR_EEN_PRESTATIE = frozenset(
    {"0001", "0200", "0233", "8001", "8187", "8214", "8848", "9056", "9333", "S300"}
)
# Eenheden (WJ756) the declaration rules treat apart: minutes against an hourly tariff (IV081),
# and euro's, where the volume is the amount in cent and there is no ProductTarief (CS339).
MINUUT, UUR, EENHEID_EUROS = "01", "04", "83"

# Codes on the Header or the DeclaratieAntwoord that refuse nothing.
ZONDER_AFKEUR = frozenset({GOEDGEKEURD, VOLLEDIG_TOEGEKEND})


class DeclaratieStatus(models.TextChoices):
    """The aanbieder's declaration."""

    CONCEPT = "concept", "Concept (nog niet ingediend)"
    INGEDIEND = "ingediend", "Ingediend (323 verzonden)"
    BEANTWOORD = "beantwoord", "Beantwoord (325 ontvangen)"


class BeoordelingStatus(models.TextChoices):
    """The gemeente's received declaration."""

    TE_BEOORDELEN = "te_beoordelen", "Te beoordelen"
    AANGEHOUDEN = "aangehouden", "Aangehouden voor controle"
    BEANTWOORD = "beantwoord", "Beantwoord (325 verzonden)"


class Oordeel(models.TextChoices):
    """A prestatie is approved or rejected whole (IV087)."""

    OPEN = "open", "Nog niet beoordeeld"
    GOEDGEKEURD = "goedgekeurd", "Goedgekeurd"
    AFGEWEZEN = "afgewezen", "Afgewezen"
