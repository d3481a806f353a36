"""Codes and states of the requests an aanbieder sends: 315 (toewijzing) and 317 (wijziging)."""

from django.db import models

from wmoketen.producten.constants import Wet
from wmoketen.termijnen.constants import Regelcode


class Soort(models.IntegerChoices):
    TOEWIJZING = 315, "Verzoek om toewijzing (315)"
    WIJZIGING = 317, "Verzoek om wijziging (317)"


class Kant(models.TextChoices):
    """Whose record this is: the aanbieder's (what it sent) or the gemeente's (what it got)."""

    AANBIEDER = "aanbieder", "Aanbieder (verzonden)"
    GEMEENTE = "gemeente", "Gemeente (ontvangen)"


class Status(models.TextChoices):
    """Where a request (or one requested product) stands."""

    OPEN = "open", "Wacht op beslissing"
    IN_ONDERZOEK = "in_onderzoek", "In onderzoek"
    TOEGEWEZEN = "toegewezen", "Toegewezen (301)"
    AFGEWEZEN = "afgewezen", "Afgewezen (319)"
    DEELS = "deels", "Deels toegewezen"
    AFGEKEURD = "afgekeurd", "Afgekeurd in het retourbericht"


# States in which the gemeente still has to answer.
ONDERHANDEN = (Status.OPEN, Status.IN_ONDERZOEK)

# The gemeente's first answer per request soort (OP274/OP346); after "in onderzoek" the final
# answer runs by ``Regelcode.DEFINITIEF_ANTWOORD_VERZOEK``.
TERMIJN_ANTWOORD = {
    Soort.TOEWIJZING: Regelcode.ANTWOORD_VERZOEK_TOEWIJZING,
    Soort.WIJZIGING: Regelcode.ANTWOORD_VERZOEK_WIJZIGING,
}


class ProductSoort(models.TextChoices):
    """How a product appears in a request: a 315 asks only for new products."""

    AANGEVRAAGD = "aangevraagd", "Aangevraagd (315)"
    ONGEWIJZIGD = "ongewijzigd", "Ongewijzigd (317)"
    TE_WIJZIGEN = "te_wijzigen", "Te wijzigen (317)"
    NIEUW = "nieuw", "Nieuw (317)"


# VerzoekAntwoord (WJ760): 1 verzoek afgewezen, 2 verzoek in onderzoek.
ANTWOORD_AFGEWEZEN = "1"
ANTWOORD_IN_ONDERZOEK = "2"

# RedenAfwijzingVerzoek (WJ759) used by the findings and decisions here.
REDEN_GEEN_CONTRACT = "3"
REDEN_BUITEN_CONTRACT = "4"
REDEN_STAPELING = "6"
REDEN_WOONPLAATSBEGINSEL = "8"

# RedenWijziging (WMO002/JZ002) 12: "wijziging op verzoek van de aanbieder".
REDEN_WIJZIGING_AANBIEDER = "12"

# Verwijzer Type (COD327) a request may cite, per wet (docs/verzoeken.md): the Wmo knows only
# the gemeente's own decision (01, open beschikking); the Jeugdwet also the legal referrers of
# art. 2.6 (02 huisarts, 03 jeugdarts, 04 gecertificeerde instelling, 05 medisch specialist,
# 08 rechter/officier van justitie). 06 (zelfverwijzer) is no referral, so no request.
VERWIJZERS = {
    Wet.WMO: ("01",),
    Wet.JEUGDWET: ("01", "02", "03", "04", "05", "08"),
}
# Verwijzer types identified by a ZorgverlenerCode (AGB) or else a name (CD066–CD068).
VERWIJZERS_MET_AGB = ("02", "03", "04", "05")
VERWIJZER_GEMEENTE = "01"
