"""The mutations of a client's support during its life in the chain (DOMAIN.md, portal, 004)."""

from django.db import models


class Soort(models.TextChoices):
    VERHUIZING = "verhuizing", "Verhuizing naar een andere gemeente"
    OVERLIJDEN = "overlijden", "Overlijden"
    INTENSITEIT = "intensiteit", "Andere intensiteit binnen het profiel"
    PROFIEL = "profiel", "Ander profiel (nieuw plan en beschikking)"
    AANBIEDERSWISSEL = "aanbiederswissel", "Wissel van aanbieder"
    NAAR_PGB = "naar_pgb", "Leveringsvorm: van zorg in natura naar pgb"
    NAAR_ZIN = "naar_zin", "Leveringsvorm: van pgb naar zorg in natura"
    CLIENT_STOPT = "client_stopt", "Cliënt wil stoppen"
    WLZ = "wlz", "Overgang naar de Wlz"
    AANBIEDER_STOPT = "aanbieder_stopt", "Aanbieder wil stoppen"


# RedenWijziging (WMO002 / JZ002, the same codes) on an allocation a mutation ends or changes
# (the codelists' "Omschrijving gebruik"). None: nothing the mutation ends carries one (naar_zin
# only allocates; a new allocation has no RedenWijziging) or the service decides per case
# (intensiteit: see REDEN_MEER / REDEN_MINDER).
REDEN_WIJZIGING = {
    Soort.OVERLIJDEN: "02",  # Cliënt overleden
    Soort.VERHUIZING: "07",  # Verhuizing naar een andere gemeente
    Soort.WLZ: "06",  # Uitstroom naar ander domein
    Soort.NAAR_PGB: "08",  # Wijziging leveringsvorm
    Soort.NAAR_ZIN: None,
    Soort.AANBIEDERSWISSEL: "09",  # Overstap naar andere aanbieder
    Soort.AANBIEDER_STOPT: "12",  # Geïnitieerd door de aanbieder
    Soort.CLIENT_STOPT: "05",  # Herbeoordeling: verkorting toewijzing
    Soort.INTENSITEIT: None,
    Soort.PROFIEL: "05",  # ander product: the old allocation is withdrawn (JZ002/WMO002 05)
}

# An intensity change within the profile. In place (same ToewijzingNummer) only for frequentie
# 6 "totaal binnen geldigheidsduur" (OP033x1), with 04 for more and 05 for less (herbeoordeling);
# any other frequentie is withdrawn with 05 ("andere omvang, bijvoorbeeld meer uren per week")
# and allocated anew.
REDEN_MEER = "04"
REDEN_MINDER = "05"
FREQUENTIE_TOTAAL = "6"

# RedenWijziging 13: an allocation that had not started by the mutation's date is removed
# (einddatum = ingangsdatum, OP033x1 "verwijderen").
REDEN_VERWIJDERD = "13"

# The RedenBeeindiging (WMO588 / JZ588) of the aanbieder's 307 after a 301 that ended the
# allocation with this RedenWijziging: the column "Reden wijziging toewijzing" of both lists.
# They differ in one code: the Jeugdwet has no "verhuizing" and uses 35 "externe oorzaak".
_NA_WIJZIGING = {
    "02": "02",
    "03": "36",
    "05": "36",
    "06": "39",
    "07": "31",
    "08": "36",
    "09": "38",
    "10": "36",
    "11": "36",
    "12": "37",
}
REDEN_BEEINDIGING = {"wmo": _NA_WIJZIGING, "jeugdwet": {**_NA_WIJZIGING, "07": "35"}}

# The aanbieder's own 307 when it reports the stop (Initiatief aanbieder: ja).
REDEN_CLIENT_STOPT = {"wmo": "21", "jeugdwet": "32"}  # eenzijdig / voortijdig door de cliënt
REDEN_AANBIEDER_STOPT = {"wmo": "22", "jeugdwet": "33"}  # eenzijdig / voortijdig door aanbieder

# JZ002 14: "Ook indien een aanbieder een definitief stopbericht stuurt en de gemeente beslist om
# de toewijzing in te trekken, wordt deze code gebruikt." WMO002 14 has no such line: the Wmo
# keeps the mutation's own code.
REDEN_NA_STOPBERICHT = {"jeugdwet": "14"}
