from django.db import models


class Rol(models.TextChoices):
    """Roles, stored as Django groups (named by value) by a data migration."""

    TOEGANGSMEDEWERKER = "toegangsmedewerker", "Toegangsmedewerker (consulent)"
    BACKOFFICE = "backoffice-medewerker", "Backoffice-medewerker"
    AANBIEDER = "aanbieder-medewerker", "Aanbieder-medewerker"
    CONTRACTMANAGER = "contractmanager", "Contractmanager"
    FUNCTIONEEL_BEHEERDER = "functioneel beheerder", "Functioneel beheerder"


# Which roles exist in which kind of organisation.
ROLLEN_GEMEENTE = (
    Rol.TOEGANGSMEDEWERKER,
    Rol.BACKOFFICE,
    Rol.CONTRACTMANAGER,
    Rol.FUNCTIONEEL_BEHEERDER,
)
ROLLEN_AANBIEDER = (Rol.AANBIEDER, Rol.FUNCTIONEEL_BEHEERDER)
