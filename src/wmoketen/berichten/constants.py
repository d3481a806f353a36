from django.db import models


class Status(models.TextChoices):
    VERZONDEN = "verzonden", "Verzonden"
    ONTVANGEN = "ontvangen", "Ontvangen"
    AFGEKEURD = "afgekeurd", "Afgekeurd"
    GEACCEPTEERD = "geaccepteerd", "Geaccepteerd"
    VERWERKT = "verwerkt", "Verwerkt"
    RETOUR_VERZONDEN = "retour_verzonden", "Retour verzonden"
    FOUT_BIJ_VERWERKING = "fout_bij_verwerking", "Fout bij verwerking"
    DUBBEL = "dubbel", "Dubbel ontvangen"


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
BERICHTREGEL = "0001"
DUBBELE_IDENTIFICATIE = "9056"
