from django.db import models


class Soort(models.TextChoices):
    """The planned moments (002 §8, 004 Evaluaties)."""

    DRIEMAANDSCHECK = "driemaandscheck", "Driemaandscheck"
    TUSSENTIJDS = "tussentijds", "Tussentijdse evaluatie"
    EIND = "eind", "Eindevaluatie"


class Status(models.TextChoices):
    GEPLAND = "gepland", "Gepland"
    UITGEVOERD = "uitgevoerd", "Uitgevoerd"
    VERVALLEN = "vervallen", "Vervallen"


class Uitkomst(models.TextChoices):
    BEHAALD = "behaald", "Behaald"
    DEELS = "deels", "Deels behaald"
    NIET = "niet", "Niet behaald"


class Vervolgstap(models.TextChoices):
    VOORTZETTEN = "voortzetten", "Voortzetten zoals beschikt"
    BIJSTELLEN = "bijstellen", "Bijstellen binnen het profiel"
    HERINDICATIE = "herindicatie", "Herindicatie"
    AFSCHALEN = "afschalen", "Afschalen of beëindigen"


class Aanwezige(models.TextChoices):
    """The triangle of 002 §8: client, aanbieder and toegangsmedewerker."""

    CLIENT = "client", "Cliënt"
    AANBIEDER = "aanbieder", "Aanbieder"
    CONSULENT = "consulent", "Consulent"
