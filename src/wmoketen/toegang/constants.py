"""The vocabulary of the toegang route (DOMAIN.md "Main route", steps 1–9)."""

from django.db import models

from wmoketen.accounts.constants import Rol


class Kanaal(models.TextChoices):
    TELEFONISCH = "telefonisch", "Telefonisch"
    LOKET = "loket", "Aan het loket"
    DIGITAAL = "digitaal", "Digitaal"
    VIA_VERWIJZER = "via_verwijzer", "Via een verwijzer"


class Route(models.TextChoices):
    """How a request comes in (003). Only the gemeentelijke toegang is built so far."""

    GEMEENTELIJKE_TOEGANG = "gemeentelijke_toegang", "Gemeentelijke toegang"


class Aanleiding(models.TextChoices):
    """Why a melding was made: a new need, or a follow-up of a running beschikking."""

    NIEUW = "nieuw", "Nieuwe melding"
    HERINDICATIE = "herindicatie", "Herindicatie"
    PROFIELWIJZIGING = "profielwijziging", "Profielwijziging"


class MeldingStatus(models.TextChoices):
    """Where the case stands on the main route; one value per step."""

    ONTVANGEN = "ontvangen", "Melding ontvangen"
    HUISBEZOEK_GEPLAND = "huisbezoek_gepland", "Huisbezoek gepland"
    ONDERZOEK_AFGEROND = "onderzoek_afgerond", "Onderzoek afgerond"
    PLAN_DEEL_1 = "plan_deel_1", "Ondersteuningsplan deel 1"
    OPDRACHT_DEEL_2 = "opdracht_deel_2", "Opdracht deel 2 bij aanbieder"
    DEEL_2_GEREED = "deel_2_gereed", "Deel 2 gereed, wacht op akkoord"
    AANGEVRAAGD = "aangevraagd", "Aanvraag, wacht op beschikking"
    BESCHIKT = "beschikt", "Beschikt en toegewezen"
    # An open beschikking: the allocation follows the aanbieder's verzoek om toewijzing (315).
    OPEN_BESCHIKT = "open_beschikt", "Open beschikking afgegeven"
    AFGEWEZEN = "afgewezen", "Aanvraag afgewezen"
    INGETROKKEN = "ingetrokken", "Ingetrokken door de cliënt"
    BUITEN_BEHANDELING = "buiten_behandeling", "Buiten behandeling gesteld"


# The melding is decided (a beschikking of any kind).
BESLOTEN = (MeldingStatus.BESCHIKT, MeldingStatus.OPEN_BESCHIKT, MeldingStatus.AFGEWEZEN)
# Ended without a decision, at the resident's wish or by the gemeente.
GESTOPT = (MeldingStatus.INGETROKKEN, MeldingStatus.BUITEN_BEHANDELING)
# No longer open: off the caseload, and no obstacle to a new melding.
AFGEHANDELD = BESLOTEN + GESTOPT


class BeschikkingSoort(models.TextChoices):
    """The kind of decision. Only a toekenning in natura (not open) allocates with a 301;
    later kinds without a 301 (a pgb toekenning, a BW-advies) join ``ZONDER_TOEWIJZING``."""

    TOEKENNING = "toekenning", "Toekenning"
    AFWIJZING = "afwijzing", "Afwijzing"


ZONDER_TOEWIJZING = frozenset({BeschikkingSoort.AFWIJZING})


class PlanStatus(models.TextChoices):
    DEEL_1 = "deel_1", "Deel 1 in bewerking"
    OPDRACHT_DEEL_2 = "opdracht_deel_2", "Opdracht deel 2 gegeven"
    TERUGGESTUURD = "teruggestuurd", "Teruggestuurd naar de aanbieder"
    DEEL_2_GEREED = "deel_2_gereed", "Deel 2 gereed"
    AKKOORD = "akkoord", "Akkoord (aanvraag)"
    BESCHIKT = "beschikt", "Beschikt"
    # The melding was withdrawn or set aside before a decision: the order ends too.
    VERVALLEN = "vervallen", "Vervallen"


class Levensdomein(models.TextChoices):
    """The 13 domains of the zelfredzaamheidsmatrix (ZRM 2017), each scored 1–5 (004)."""

    FINANCIEN = "financien", "Financiën"
    WERK_OPLEIDING = "werk_opleiding", "Werk en opleiding"
    TIJDSBESTEDING = "tijdsbesteding", "Tijdsbesteding"
    HUISVESTING = "huisvesting", "Huisvesting"
    HUISELIJKE_RELATIES = "huiselijke_relaties", "Huiselijke relaties"
    GEESTELIJKE_GEZONDHEID = "geestelijke_gezondheid", "Geestelijke gezondheid"
    LICHAMELIJKE_GEZONDHEID = "lichamelijke_gezondheid", "Lichamelijke gezondheid"
    MIDDELENGEBRUIK = "middelengebruik", "Middelengebruik"
    BASALE_ADL = "basale_adl", "Basale ADL"
    INSTRUMENTELE_ADL = "instrumentele_adl", "Instrumentele ADL"
    SOCIAAL_NETWERK = "sociaal_netwerk", "Sociaal netwerk"
    MAATSCHAPPELIJKE_PARTICIPATIE = "maatschappelijke_participatie", "Maatschappelijke participatie"
    JUSTITIE = "justitie", "Justitie"


class Zelfredzaamheid(models.IntegerChoices):
    ACUTE_PROBLEMATIEK = 1, "1 – acute problematiek"
    NIET_ZELFREDZAAM = 2, "2 – niet zelfredzaam"
    BEPERKT_ZELFREDZAAM = 3, "3 – beperkt zelfredzaam"
    VOLDOENDE_ZELFREDZAAM = 4, "4 – voldoende zelfredzaam"
    VOLLEDIG_ZELFREDZAAM = 5, "5 – volledig zelfredzaam"


class Criterium(models.TextChoices):
    """The five criteria of the profile assessment (002, bijlage 2 and 4)."""

    VEILIGHEID = "veiligheid", "Veiligheid van cliënt en omgeving"
    BALANS = "balans", "Balans beschermende en risicofactoren"
    AFSTAND = "afstand", "Afstand tot het beoogde resultaat"
    ZELFREDZAAMHEID = "zelfredzaamheid", "Zelfredzaamheid van cliënt en netwerk"
    COOPERATIE = "cooperatie", "Coöperatie van cliënt en netwerk"


class Score(models.TextChoices):
    """A (best: safe, small distance, self-reliant, cooperative) to E (worst)."""

    A = "A", "A"
    B = "B", "B"
    C = "C", "C"
    D = "D", "D"
    E = "E", "E"


class Categorie(models.IntegerChoices):
    EEN = 1, "Categorie 1"
    TWEE = 2, "Categorie 2"
    DRIE = 3, "Categorie 3"


class Intensiteit(models.TextChoices):
    BASIS = "basis", "Basis"
    AANVULLEND = "aanvullend", "Aanvullend"
    INTENSIEF = "intensief", "Intensief"


class Vervoer(models.TextChoices):
    GEEN = "geen", "Geen vervoer"
    ZITTEND = "zittend", "Zittend vervoer"
    ROLSTOEL = "rolstoel", "Rolstoelvervoer"


class Aard(models.TextChoices):
    """The nature of the work per resultaatgebied in plan part 2."""

    ONDERSTEUNING = "ondersteuning", "Ondersteuning"
    ACTIVERING = "activering", "Activering"
    MONITORING = "monitoring", "Monitoring"


class Duur(models.TextChoices):
    """The indication durations offered (002); ``anders``: the backoffice picks the date."""

    ZES_MAANDEN = "6m", "6 maanden"
    EEN_JAAR = "1j", "1 jaar"
    ANDERHALF_JAAR = "18m", "1½ jaar"
    TWEE_JAAR = "2j", "2 jaar"
    DRIE_JAAR = "3j", "3 jaar"
    VIER_JAAR = "4j", "4 jaar"
    VIJF_JAAR = "5j", "5 jaar"
    ANDERS = "anders", "Andere einddatum"


DUUR_MAANDEN = {
    Duur.ZES_MAANDEN: 6,
    Duur.EEN_JAAR: 12,
    Duur.ANDERHALF_JAAR: 18,
    Duur.TWEE_JAAR: 24,
    Duur.DRIE_JAAR: 36,
    Duur.VIER_JAAR: 48,
    Duur.VIJF_JAAR: 60,
}
MAXIMALE_DUUR_MAANDEN = 60

BEZWAARCLAUSULE = (
    "Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken na de datum van deze "
    "brief bezwaar maken bij het college van burgemeester en wethouders. Zet in uw "
    "bezwaarschrift uw naam en adres, de datum, een omschrijving van het besluit waartegen u "
    "bezwaar maakt, waarom u het er niet mee eens bent, en uw handtekening."
)

TAAKNAAM_DEEL_2 = "Ondersteuningsplan deel 2 opstellen"
TAAKNAAM_DEEL_2_AANPASSEN = "Ondersteuningsplan deel 2 aanpassen"

CONSULENT_ROLLEN = (Rol.TOEGANGSMEDEWERKER,)
BACKOFFICE_ROLLEN = (Rol.BACKOFFICE,)
AANBIEDER_ROLLEN = (Rol.AANBIEDER,)
# The gemeente's staff on the route: the consulent and the backoffice.
GEMEENTE_ROLLEN = (Rol.TOEGANGSMEDEWERKER, Rol.BACKOFFICE)
