from django.db import models


class Wet(models.TextChoices):
    WMO = "wmo", "Wmo 2015"
    JEUGDWET = "jeugdwet", "Jeugdwet"


# The productcategorie codelist per wet (WMO020 for the Wmo, JZ020 for the Jeugdwet).
CATEGORIE_LIJST = {Wet.WMO: "WMO020", Wet.JEUGDWET: "JZ020"}
