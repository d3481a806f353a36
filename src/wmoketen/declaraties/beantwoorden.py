"""The gemeente answers a received declaration: hold it for review, reject prestaties by hand,
send the 325. Each action is one transaction with one audit row; a wrong state is refused with
a Dutch ``ValidationError``.

A declaration not held is answered automatically (``beantwoord_openstaande``, the periodic job)
once it has waited ``settings.DECLARATIES_WACHTTIJD_WERKDAGEN`` werkdagen: the clerk has that
long to hold it, well within the standard's 10 werkdagen (``antwoord_323``).
"""

from __future__ import annotations

import logging
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from istandaarden.retourcodes import alle as alle_retourcodes
from istandaarden.safe_xml import parse_bytes
from wmoketen.audit import services as audit
from wmoketen.termijnen import services as termijnen
from wmoketen.termijnen.kalender import werkdagen_tussen

from . import bericht325
from .beoordeling import antwoord_velden, uitslag_van
from .constants import NIET_VOOR_EEN_PRESTATIE, BeoordelingStatus, Oordeel
from .models import OntvangenDeclaratie, OntvangenPrestatie

logger = logging.getLogger(__name__)


def _vergrendel(declaratie: OntvangenDeclaratie, acting_user) -> OntvangenDeclaratie:
    rij = (
        OntvangenDeclaratie.objects.select_for_update(of=("self",))
        .select_related("bericht", "termijn", "aanbieder")
        .get(pk=declaratie.pk)
    )
    if acting_user is not None and acting_user.organisatie_id != rij.gemeente_id:
        raise ValidationError("U kunt alleen declaraties aan uw eigen gemeente behandelen.")
    return rij


def _vergrendel_prestatie(prestatie: OntvangenPrestatie, acting_user):
    """The prestatie's declaration and the prestatie itself, locked in that order."""
    declaratie = _vergrendel(prestatie.declaratie, acting_user)
    rij = OntvangenPrestatie.objects.select_for_update().get(pk=prestatie.pk, declaratie=declaratie)
    return declaratie, rij


def _niet_beantwoord(declaratie: OntvangenDeclaratie) -> None:
    if declaratie.status == BeoordelingStatus.BEANTWOORD or declaratie.antwoord_id:
        raise ValidationError("Deze declaratie is al beantwoord; er kan niets meer aan veranderen.")


@transaction.atomic
def houd_aan(declaratie: OntvangenDeclaratie, *, acting_user) -> OntvangenDeclaratie:
    """Hold the declaration for review: it is not answered automatically."""
    declaratie = _vergrendel(declaratie, acting_user)
    _niet_beantwoord(declaratie)
    if declaratie.status == BeoordelingStatus.AANGEHOUDEN:
        raise ValidationError("Deze declaratie is al aangehouden.")
    declaratie.status = BeoordelingStatus.AANGEHOUDEN
    declaratie.aangehouden_door = acting_user
    declaratie.save(update_fields=["status", "aangehouden_door"])
    audit.log(
        acting_user,
        "declaratie.aangehouden",
        declaratie,
        omschrijving=str(declaratie),
        wijzigingen={"status": [BeoordelingStatus.TE_BEOORDELEN, declaratie.status]},
    )
    return declaratie


@transaction.atomic
def vrijgeven(declaratie: OntvangenDeclaratie, *, acting_user) -> OntvangenDeclaratie:
    """Release a held declaration: it is answered with the others again."""
    declaratie = _vergrendel(declaratie, acting_user)
    _niet_beantwoord(declaratie)
    if declaratie.status != BeoordelingStatus.AANGEHOUDEN:
        raise ValidationError("Deze declaratie is niet aangehouden.")
    declaratie.status = BeoordelingStatus.TE_BEOORDELEN
    declaratie.aangehouden_door = None
    declaratie.save(update_fields=["status", "aangehouden_door"])
    audit.log(
        acting_user,
        "declaratie.vrijgegeven",
        declaratie,
        omschrijving=str(declaratie),
        wijzigingen={"status": [BeoordelingStatus.AANGEHOUDEN, declaratie.status]},
    )
    return declaratie


def _controleer_afwijzing(declaratie, prestatie, retourcode: str, reden: str) -> None:
    _niet_beantwoord(declaratie)
    if declaratie.retourcodes:
        raise ValidationError("Deze declaratie is als geheel afgewezen.")
    if retourcode not in alle_retourcodes() or retourcode in NIET_VOOR_EEN_PRESTATIE:
        raise ValidationError("Kies een retourcode uit de lijst van de standaard (WJ001).")
    if not reden.strip():
        raise ValidationError("Geef een reden voor de afwijzing.")
    if prestatie.oordeel == Oordeel.AFGEWEZEN:
        raise ValidationError("Deze prestatie is al afgewezen.")
    if prestatie.debet_credit == "C":
        # IV085, OP366: a credit withdraws an earlier payment; the gemeente processes it and
        # refuses it only on the technical checks (the rules), never by hand.
        raise ValidationError(
            "Een creditprestatie trekt een eerdere betaling in; de gemeente verwerkt haar en "
            "wijst haar niet met de hand af, alleen de technische controles kunnen haar "
            "afwijzen (IV085, OP366)."
        )


@transaction.atomic
def wijs_prestatie_af(
    prestatie: OntvangenPrestatie, *, retourcode: str, reden: str, acting_user
) -> OntvangenPrestatie:
    """Reject an approved debit by hand, with a retourcode of WJ001 and a Dutch reason; a
    credit is never rejected by hand (IV085, OP366)."""
    declaratie, prestatie = _vergrendel_prestatie(prestatie, acting_user)
    _controleer_afwijzing(declaratie, prestatie, retourcode, reden)
    prestatie.oordeel = Oordeel.AFGEWEZEN
    prestatie.retourcodes = [retourcode]
    prestatie.reden = reden.strip()
    prestatie.afgewezen_door = acting_user
    prestatie.save(update_fields=["oordeel", "retourcodes", "reden", "afgewezen_door"])
    declaratie.toegekend_bedrag = (declaratie.toegekend_bedrag or 0) - prestatie.netto
    declaratie.save(update_fields=["toegekend_bedrag"])
    audit.log(
        acting_user,
        "declaratie.prestatie_afgewezen",
        prestatie,
        client_id=prestatie.client_id,
        omschrijving=f"{prestatie} afgewezen ({retourcode}): {prestatie.reden}",
        wijzigingen={"oordeel": [Oordeel.GOEDGEKEURD, Oordeel.AFGEWEZEN]},
    )
    return prestatie


@transaction.atomic
def trek_afwijzing_in(prestatie: OntvangenPrestatie, *, acting_user) -> OntvangenPrestatie:
    """Undo a clerk's rejection before the 325 goes: the prestatie is approved again (the
    rules had approved it: a rejection by the rules is never undone by hand)."""
    declaratie, prestatie = _vergrendel_prestatie(prestatie, acting_user)
    _niet_beantwoord(declaratie)
    if prestatie.oordeel != Oordeel.AFGEWEZEN or prestatie.afgewezen_door_id is None:
        raise ValidationError("Alleen een met de hand afgewezen prestatie kan worden hersteld.")
    code, reden = prestatie.retourcodes, prestatie.reden
    prestatie.oordeel = Oordeel.GOEDGEKEURD
    prestatie.retourcodes, prestatie.reden, prestatie.afgewezen_door = [], "", None
    prestatie.save(update_fields=["oordeel", "retourcodes", "reden", "afgewezen_door"])
    declaratie.toegekend_bedrag = (declaratie.toegekend_bedrag or 0) + prestatie.netto
    declaratie.save(update_fields=["toegekend_bedrag"])
    audit.log(
        acting_user,
        "declaratie.afwijzing_ingetrokken",
        prestatie,
        client_id=prestatie.client_id,
        omschrijving=f"{prestatie}: afwijzing ({', '.join(code)}: {reden}) ingetrokken",
        wijzigingen={"oordeel": [Oordeel.AFGEWEZEN, Oordeel.GOEDGEKEURD]},
    )
    return prestatie


@transaction.atomic
def beantwoord(declaratie: OntvangenDeclaratie, *, acting_user=None):
    """Send the 325 with the verdicts as they stand, close the deadline; returns the 325.

    The system (``acting_user=None``) does not answer a held declaration; a clerk may."""
    declaratie = _vergrendel(declaratie, acting_user)
    _niet_beantwoord(declaratie)
    if acting_user is None and declaratie.status == BeoordelingStatus.AANGEHOUDEN:
        raise ValidationError("Deze declaratie is aangehouden voor controle.")
    uitslag = uitslag_van(declaratie)
    root = parse_bytes(declaratie.bericht.bytes).getroot()
    antwoord = bericht325.maak_325(
        declaratie.bericht, root, acting_user=acting_user, **antwoord_velden(uitslag)
    )
    oud = declaratie.status
    declaratie.antwoord = antwoord
    declaratie.status = BeoordelingStatus.BEANTWOORD
    declaratie.toegekend_bedrag = 0 if uitslag.geweigerd else uitslag.toegekend
    declaratie.save(update_fields=["antwoord", "status", "toegekend_bedrag"])
    termijn = declaratie.termijn
    if termijn is not None and termijn.is_lopend:
        termijnen.sluit_termijn(termijn, op=timezone.localdate(), acting_user=None)
    audit.log(
        acting_user,
        "declaratie.beantwoord",
        declaratie,
        organisatie=None if acting_user else declaratie.gemeente,
        omschrijving=f"{declaratie}: 325 {antwoord.identificatie}",
        wijzigingen={"status": [oud, declaratie.status]},
    )
    return antwoord


def beantwoord_openstaande(*, vandaag: date | None = None) -> int:
    """Answer every declaration not held that waited the configured werkdagen; returns how
    many. One transaction per declaration: one that fails is logged and left for the next run."""
    vandaag = vandaag or timezone.localdate()
    wachttijd = getattr(settings, "DECLARATIES_WACHTTIJD_WERKDAGEN", 3)
    aantal = 0
    for declaratie in OntvangenDeclaratie.objects.filter(
        status=BeoordelingStatus.TE_BEOORDELEN, antwoord__isnull=True
    ).select_related("gemeente"):
        ontvangen = timezone.localdate(declaratie.ontvangen_op)
        if werkdagen_tussen(ontvangen, vandaag, declaratie.gemeente) < wachttijd:
            continue
        try:
            beantwoord(declaratie, acting_user=None)
        except Exception:
            logger.exception("declaratie %s: automatisch beantwoorden mislukt", declaratie.pk)
            continue
        aantal += 1
    return aantal
