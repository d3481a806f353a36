from django.db import models


class Status(models.TextChoices):
    VERZONDEN = "verzonden", "Verzonden"
    ONTVANGEN = "ontvangen", "Ontvangen"
    AFGEKEURD = "afgekeurd", "Afgekeurd"
    GEACCEPTEERD = "geaccepteerd", "Geaccepteerd"
    VERWERKT = "verwerkt", "Verwerkt"
    RETOUR_VERZONDEN = "retour_verzonden", "Retour verzonden"
    FOUT_BIJ_VERWERKING = "fout_bij_verwerking", "Fout bij verwerking"
    # Valid, but no handler for its type: not processed, for the functioneel beheerder.
    GEEN_VERWERKING = "geen_verwerking", "Geen verwerking ingericht"
    DUBBEL = "dubbel", "Dubbel ontvangen"


class Verzendstatus(models.TextChoices):
    """What became of a message, as its sender sees it (``Status`` is the receiver's view)."""

    VERZONDEN = "verzonden", "Verzonden"  # no retour yet
    RETOUR_ONTVANGEN = "retour_ontvangen", "Retour ontvangen"  # accepted: no error codes
    AFGEKEURD = "afgekeurd", "Afgekeurd"
    DUBBEL = "dubbel", "Dubbel ontvangen"  # a resend of the same bytes: the first one counts


class Transport(models.TextChoices):
    INTERN = "intern", "Intern (binnen deze installatie)"
    BESTAND = "bestand", "Bestandsbrievenbus"
    API = "api", "HTTP-API"


class Soort(models.TextChoices):
    HEENBERICHT = "heen", "Heenbericht"
    RETOUR = "retour", "Retourbericht"
    ONBEKEND = "onbekend", "Onleesbaar"


# Retourcodes the pipeline itself gives (WJ001).
GEEN_FOUT = "0200"
NIET_BEOORDEELD = "0233"
# Retourcodes that report no error.
FOUTLOZE_RETOURCODES = frozenset({GEEN_FOUT, NIET_BEOORDEELD})
BERICHTREGEL = "0001"
DUBBELE_IDENTIFICATIE = "9056"
