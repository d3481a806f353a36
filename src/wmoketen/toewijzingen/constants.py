from django.db import models

from wmoketen.producten.constants import Wet


class Status(models.TextChoices):
    """Where an allocation stands on the gemeente's side."""

    TOEGEWEZEN = "toegewezen", "Toegewezen (301 verzonden)"
    GEACCEPTEERD = "geaccepteerd", "Geaccepteerd door de aanbieder (302 zonder fouten)"
    AFGEKEURD = "afgekeurd", "Afgekeurd door de aanbieder (302 met retourcodes)"
    BEEINDIGD = "beeindigd", "Beëindigd"
    VERWIJDERD = "verwijderd", "Verwijderd"


# Codelists per wet (the standard per wet: ``berichten.standaarden.STANDAARD``).
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


class StatusAanlevering(models.TextChoices):
    """StatusAanlevering (COD… in the 305/307): what a StartProduct/StopProduct does (TR063)."""

    EERSTE = "1", "Eerste aanlevering"
    GEWIJZIGD = "2", "Gewijzigde aanlevering"
    VERWIJDEREN = "3", "Aanlevering verwijderen"


class LeveringStatus(models.TextChoices):
    """Where one period of delivery (start … stop) stands."""

    GESTART = "gestart", "Gestart (305)"
    GEPAUZEERD = "gepauzeerd", "Tijdelijk beëindigd (307, reden 20)"
    GESTOPT = "gestopt", "Beëindigd (307)"
    VERWIJDERD = "verwijderd", "Start verwijderd (305, StatusAanlevering 3)"


class AanbiederStatus(models.TextChoices):
    """An allocation on the aanbieder's side, as the latest 301 says."""

    ACTUEEL = "actueel", "Actueel (in de laatste 301)"
    VERVALLEN = "vervallen", "Niet meer in de laatste 301"


# RedenBeeindiging (WMO588 / JZ588) 20: "levering is tijdelijk beëindigd" (a pause).
REDEN_PAUZE = "20"
REDEN_BEEINDIGING_LIJST = {Wet.WMO: "WMO588", Wet.JEUGDWET: "JZ588"}

# Regional: a pause longer than this many days must be reported with a 307 reden 20 (the
# seeds: "langer dan 28 dagen"). Setting TOEWIJZINGEN_PAUZE_MELDEN_NA_DAGEN overrides it.
PAUZE_MELDEN_NA_DAGEN = 28
