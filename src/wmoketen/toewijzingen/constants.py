from django.db import models

from wmoketen.producten.constants import Wet


class Status(models.TextChoices):
    """Where an allocation stands on the gemeente's side."""

    TOEGEWEZEN = "toegewezen", "Toegewezen (301 verzonden)"
    GEACCEPTEERD = "geaccepteerd", "Geaccepteerd door de aanbieder (302 zonder fouten)"
    AFGEKEURD = "afgekeurd", "Afgekeurd door de aanbieder (302 met retourcodes)"
    BEEINDIGD = "beeindigd", "Beëindigd"
    VERWIJDERD = "verwijderd", "Verwijderd"


# Standard and codelists per wet: the Wmo allocates with iWmo (WMO301), the Jeugdwet with iJw.
STANDAARD = {Wet.WMO: "iwmo", Wet.JEUGDWET: "ijw"}
REDEN_WIJZIGING_LIJST = {Wet.WMO: "WMO002", Wet.JEUGDWET: "JZ002"}

# RedenWijziging codes after which an allocation with einddatum = ingangsdatum is no longer
# "actueel": 13 verwijderd, 01 administratieve correctie (vervallen).
REDEN_VERWIJDERD = frozenset({"01", "13"})

# Productcategorieën excepted from the stapeling rule OP259 (hulpmiddelen, woningaanpassingen).
STAPELING_UITGEZONDERD = frozenset({"11", "12", "13", "14"})

# Frequentie 2 (per week) needs an Einddatum (CD076).
FREQUENTIE_PER_WEEK = "2"

# The largest ToewijzingNummer the XSD allows (LDT_Nummer: 0 … 999999999).
MAX_TOEWIJZINGNUMMER = 999_999_999
