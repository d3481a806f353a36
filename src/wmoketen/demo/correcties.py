"""A correction in the demo (IV091, OP366): Jeugd en Gezin Flevoland corrects the prestatie
Almere approved in its first declaration (``laad_declaraties``: fully granted, 8001) to one
hour less. The credit and the corrected prestatie go in the next month's declaration (323),
through the proposal, and Almere's backoffice approves the chain (325).

The demo's dates move with the day it is loaded: when the month after the first declaration
has not ended yet (a 323 holds no period ending after its date, TR137; one per month, TR318),
the correction waits on the aanbieder's *Correcties* page for the next month's proposal.
Once (a second run changes nothing).
"""

from datetime import timedelta

from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.declaraties import beantwoorden, correcties, indienen, voorstel
from wmoketen.declaraties.constants import DeclaratieStatus, Oordeel
from wmoketen.declaraties.models import Correctie, OntvangenDeclaratie, Prestatie
from wmoketen.declaraties.perioden import maand_van
from wmoketen.organisaties.models import Aanbieder, Gemeente

from .berichten import bezorg_intern
from .gebruikers import gebruiker

GEMEENTE, AANBIEDER, WET = "0034", "73730303", "jeugdwet"
REDEN = "Eén uur te veel gedeclareerd: de afspraak van de laatste week ging niet door."


def laad_correcties() -> None:
    gemeente = Gemeente.objects.get(gemeentecode=GEMEENTE)
    aanbieder = Aanbieder.objects.get(agb_code=AANBIEDER)
    if Correctie.objects.filter(prestatie__declaratie__aanbieder=aanbieder).exists():
        return
    origineel = (
        Prestatie.objects.filter(
            declaratie__aanbieder=aanbieder,
            declaratie__gemeente=gemeente,
            declaratie__wet=WET,
            declaratie__status=DeclaratieStatus.BEANTWOORD,
            debet_credit="D",
            oordeel=Oordeel.GOEDGEKEURD,
        )
        .select_related("declaratie")
        .order_by("pk")
        .first()
    )
    if origineel is None:
        return
    medewerker = gebruiker(aanbieder, Rol.AANBIEDER)
    correcties.vraag_correctie_aan(
        origineel,
        volume=origineel.geleverd_volume - 1,
        reden=REDEN,
        acting_user=medewerker,
    )
    volgende, eind = maand_van(origineel.declaratie.periode_eind + timedelta(days=1))
    if eind > timezone.localdate():
        return  # a month is declared once it is over (TR137): the correction waits
    declaratie = voorstel.stel_voor(
        aanbieder=aanbieder, gemeente=gemeente, wet=WET, maand=volgende, acting_user=medewerker
    )
    bericht = indienen.dien_in(declaratie, acting_user=medewerker)
    bezorg_intern()  # the 323 reaches Almere
    ontvangen = OntvangenDeclaratie.objects.get(
        gemeente=gemeente, aanbieder=aanbieder, bericht__identificatie=bericht.identificatie
    )
    beantwoorden.beantwoord(ontvangen, acting_user=gebruiker(gemeente, Rol.BACKOFFICE))
    bezorg_intern()  # the 325 reaches the aanbieder
