from django.db import models


class Soort(models.TextChoices):
    """Where a rule comes from, and so who may change it."""

    LANDELIJK = "landelijk", "Landelijk (iStandaard)"
    STANDAARD = "standaard", "Standaard (geldt waar de regio geen eigen waarde heeft)"
    REGIONAAL = "regionaal", "Regionaal (gemeente of regio)"


class Eenheid(models.TextChoices):
    WERKDAGEN = "werkdagen", "werkdagen"
    KALENDERDAGEN = "kalenderdagen", "kalenderdagen"
    WEKEN = "weken", "weken"
    MAANDEN = "maanden", "maanden"


class Richting(models.TextChoices):
    """A term runs after its start event, or ends a number of units before a date."""

    NA = "na", "na"
    VOOR = "voor", "vóór"


class Status(models.TextChoices):
    OPEN = "open", "Open"
    GEHAALD = "gehaald", "Gehaald"
    VERLOPEN = "verlopen", "Verlopen"
    TE_LAAT_GEHAALD = "te_laat_gehaald", "Te laat gehaald"
    INGETROKKEN = "ingetrokken", "Ingetrokken"


LOPEND = (Status.OPEN, Status.VERLOPEN)
"""States in which a deadline still asks for action (worklists)."""


class Regelcode(models.TextChoices):
    """Codes of the rules seeded by ``data/standaardregels.json``. A gemeente may add more."""

    # National: the iWmo/iJw 3.2 standard.
    RETOUR = "retour", "Retourbericht (OP090)"
    START_ZORG = "start_zorg", "Startbericht 305 (OP271)"
    STOP_ZORG = "stop_zorg", "Stopbericht 307 (OP272)"
    ANTWOORD_VERZOEK_TOEWIJZING = "antwoord_315", "Antwoord op verzoek om toewijzing 315 (OP274)"
    ANTWOORD_VERZOEK_WIJZIGING = "antwoord_317", "Antwoord op verzoek om wijziging 317 (OP346)"
    DEFINITIEF_ANTWOORD_VERZOEK = "definitief_antwoord_verzoek", "Definitief antwoord op 315/317"
    DECLARATIE_ANTWOORD = "antwoord_323", "Declaratie-antwoord 325 (OP090)"
    # Regional (seeds), with a standaard default.
    HUISBEZOEK = "huisbezoek", "Afspraak huisbezoek na melding"
    ONDERZOEK = "onderzoek", "Onderzoek en ondersteuningsplan deel 1 (stap 1–3)"
    PLAN_DEEL_2 = "plan_deel_2", "Ondersteuningsplan deel 2"
    BESCHIKKING = "beschikking", "Beschikking na aanvraag"
    MELDING_BESCHIKKING = "melding_beschikking", "Doorlooptijd melding tot beschikking"
    START_ONDERSTEUNING = "start_ondersteuning", "Start ondersteuning na toewijzing 301"
    EVALUATIE = "evaluatie", "Evaluatie"
    HERINDICATIE_SIGNAAL = "herindicatie_signaal", "Signaal herindicatie vóór einddatum"
    BETALING = "betaling", "Betaling goedgekeurde declaratie (30 dagen)"
