from django.db import models


class OrganisatieSoort(models.TextChoices):
    GEMEENTE = "gemeente", "Gemeente"
    AANBIEDER = "aanbieder", "Aanbieder"


class Uitvoeringsvariant(models.TextChoices):
    """Per product, not per contract (OP261)."""

    INSPANNINGSGERICHT = "inspanningsgericht", "Inspanningsgericht"
    OUTPUTGERICHT = "outputgericht", "Outputgericht"
    TAAKGERICHT = "taakgericht", "Taakgericht"


class Declaratieregel(models.TextChoices):
    """The regional billing rule of a contract line, per calendar month (declaraties.regimes)."""

    LANDELIJK = "landelijk", "Landelijk (iWmo 3.2): per kalendermaand"
    MIDDEN_LIMBURG_WEST = (
        "midden_limburg_west",
        "Midden-Limburg West: startmaand niet, eindmaand en uitval hele maand",
    )
    ALMERE = "almere", "Almere: hele kalendermaand bij start of einde"


class OnderaannemingStatus(models.TextChoices):
    """A cooperation of providers needs the contract manager's consent (004)."""

    AANGEVRAAGD = "aangevraagd", "Aangevraagd"
    GOEDGEKEURD = "goedgekeurd", "Goedgekeurd"
    AFGEWEZEN = "afgewezen", "Afgewezen"
