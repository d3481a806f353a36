"""The aanbieders declare the month in which they started delivering (323), and the gemeenten
answer (325), all through the real pipeline (internal transport):

* Zorggroep Maasland at Weert enters more hours than allocated on its first prestatie: the
  backoffice answers, and that prestatie comes back rejected (9321);
* Jeugd en Gezin Flevoland at Almere (Jeugdwet) is answered fully granted (8001);
* Begeleiding Op Maat at Nederweert waits in Nederweert's worklist for its answer.

Leudal is left to the visitor: Zorggroep Maasland's medewerker makes that declaration and
Leudal's backoffice answers it. Once per gemeente and aanbieder (a second run changes nothing).
"""

from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.declaraties import beantwoorden, indienen, voorstel
from wmoketen.declaraties.models import Declaratie, OntvangenDeclaratie
from wmoketen.declaraties.perioden import maand_van
from wmoketen.organisaties.models import Aanbieder, Gemeente
from wmoketen.toewijzingen.models import Levering

from .berichten import bezorg_intern
from .gebruikers import gebruiker

# (gemeentecode, AGB-code, wet, what happens after the 323)
DECLARATIES = [
    ("0988", "73730101", "wmo", "te_veel"),
    ("0034", "73730303", "jeugdwet", "beantwoord"),
    ("0946", "73730202", "wmo", "wacht"),
]


def laad_declaraties() -> None:
    for code, agb, wet, afloop in DECLARATIES:
        gemeente = Gemeente.objects.get(gemeentecode=code)
        aanbieder = Aanbieder.objects.get(agb_code=agb)
        if Declaratie.objects.filter(aanbieder=aanbieder, gemeente=gemeente, wet=wet).exists():
            continue
        maand = _eerste_leveringsmaand(aanbieder, gemeente, wet)
        if maand is None:
            continue
        declaratie = _dien_in(aanbieder, gemeente, wet, maand, te_veel=afloop == "te_veel")
        bezorg_intern()  # the 323 reaches the gemeente
        if afloop != "wacht":
            ontvangen = OntvangenDeclaratie.objects.get(bericht=declaratie.bericht)
            beantwoorden.beantwoord(ontvangen, acting_user=gebruiker(gemeente, Rol.BACKOFFICE))
            bezorg_intern()  # the 325 reaches the aanbieder


def _eerste_leveringsmaand(aanbieder, gemeente, wet):
    """The month of the first start the aanbieder reported for this gemeente (today at most:
    the demo's dates move along with the day it is loaded)."""
    eerste = (
        Levering.objects.filter(
            aanbieder_toewijzing__aanbieder=aanbieder,
            aanbieder_toewijzing__gemeente=gemeente,
            aanbieder_toewijzing__wet=wet,
        )
        .order_by("begindatum")
        .values_list("begindatum", flat=True)
        .first()
    )
    return min(eerste, timezone.localdate()) if eerste else None


def _dien_in(aanbieder, gemeente, wet: str, maand, *, te_veel: bool) -> Declaratie:
    medewerker = gebruiker(aanbieder, Rol.AANBIEDER)
    declaratie = voorstel.stel_voor(
        aanbieder=aanbieder,
        gemeente=gemeente,
        wet=wet,
        maand=maand_van(maand)[0],
        acting_user=medewerker,
    )
    if te_veel:  # the medewerker enters more than the allocation allows on the first line
        prestatie = declaratie.prestaties.order_by("pk").first()
        indienen.wijzig_volume(
            prestatie, volume=prestatie.voorgesteld_volume + 40, acting_user=medewerker
        )
    indienen.dien_in(declaratie, acting_user=medewerker)
    declaratie.refresh_from_db()
    return declaratie
