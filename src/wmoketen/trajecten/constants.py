from django.db import models

from wmoketen.accounts.constants import Rol


class TrajectStatus(models.TextChoices):
    OPEN = "open", "Open"
    LOPEND = "lopend", "Lopend"
    AFGESLOTEN = "afgesloten", "Afgesloten"


class Deelnemersrol(models.TextChoices):
    GEMEENTE = "gemeente", "Gemeente (regie)"
    AANBIEDER = "aanbieder", "Aanbieder"


class TaakSoort(models.TextChoices):
    PLAN_DEEL_1 = "plan_deel_1", "Ondersteuningsplan deel 1 opstellen"
    PLAN_DEEL_2 = "plan_deel_2", "Ondersteuningsplan deel 2 opstellen"
    POP_AANVULLEN = "pop_aanvullen", "POP aanvullen"
    EVALUATIE = "evaluatie", "Evaluatie voorbereiden"
    WIJZIGING = "wijziging", "Wijziging melden"
    HERINDICATIE = "herindicatie", "Herindicatie voorbereiden"
    OVERIG = "overig", "Overig"


class Prioriteit(models.TextChoices):
    LAAG = "laag", "Laag"
    MIDDEN = "midden", "Midden"
    HOOG = "hoog", "Hoog"


class TaakStatus(models.TextChoices):
    OPEN = "open", "Open"
    IN_BEHANDELING = "in_behandeling", "In behandeling"
    AFGEROND = "afgerond", "Afgerond"
    GEANNULEERD = "geannuleerd", "Geannuleerd"


AFGESLOTEN_TAAKSTATUSSEN = (TaakStatus.AFGEROND, TaakStatus.GEANNULEERD)

# Roles that do the work in a traject; contractmanagers and beheerders only look.
UITVOERENDE_ROLLEN = (Rol.TOEGANGSMEDEWERKER, Rol.BACKOFFICE, Rol.AANBIEDER)
