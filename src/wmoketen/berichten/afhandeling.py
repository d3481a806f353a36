"""Handing a received message to its domain: the registered handler, a message type without
one, and the registered ``weigering`` of a rejected heenbericht (``handlers``).

The pipeline (``services``) decides when; this module runs the domain's code, each call in a
savepoint of the pipeline's transaction, so a failing domain never leaves half its changes.
"""

import logging

from django.db import transaction

from .constants import Soort, Status
from .handlers import Ontvangen, handler_voor, weigering_voor
from .models import Bericht

logger = logging.getLogger(__name__)


def zonder_verwerking(bericht: Bericht) -> bool:
    """A heenbericht of a type without a handler (a retour without one is only linked)."""
    return (
        bericht.soort == Soort.HEENBERICHT
        and handler_voor(bericht.standaard, bericht.nummer) is None
    )


def handel(bericht: Bericht, root) -> str:
    """Run the message's handler in a savepoint; the failure ("Type: text"), or "" when it
    applied (or there is none)."""
    functie = handler_voor(bericht.standaard, bericht.nummer)
    if functie is None:
        return ""
    try:
        with transaction.atomic():
            functie(Ontvangen(bericht, root=root))
    except Exception as exc:  # any failure of a domain handler: keep the message, mark it
        logger.exception("bericht %s: fout bij verwerking", bericht.pk)
        return f"{type(exc).__name__}: {exc}"
    return ""


def markeer_zonder_verwerking(bericht: Bericht) -> None:
    """Valid, but nothing here processes its type: flagged for the functioneel beheerder
    (``models.AANDACHT``), never marked verwerkt, left alone by the recovery job."""
    bericht.status = Status.GEEN_VERWERKING
    bericht.foutmelding = f"Voor {bericht.naam} is geen verwerking ingericht."
    bericht.save()
    logger.warning(
        "bericht %s (%s %s, afzender %s, ontvanger %s) is goedgekeurd maar niet verwerkt: "
        "voor %s is geen verwerking (handler) ingericht; het staat bij de vastgelopen berichten",
        bericht.pk,
        bericht.naam,
        bericht.identificatie,
        bericht.afzender_id,
        bericht.ontvanger_id,
        bericht.naam,
    )


def meld_weigering(bericht: Bericht, root, fouten) -> None:
    """Call the registered ``weigering`` of a rejected heenbericht's type in a savepoint; when
    it fails, the rejection stands (logged)."""
    functie = weigering_voor(bericht.standaard, bericht.nummer)
    if functie is None or bericht.soort != Soort.HEENBERICHT:
        return
    try:
        with transaction.atomic():
            functie(bericht, root, fouten)
    except Exception as exc:  # the domain's answer failed: the message is rejected all the same
        logger.exception("bericht %s: fout in de afhandeling van de afkeuring", bericht.pk)
        # On the message's page, so the functioneel beheerder sees that no answer went.
        bericht.foutmelding = f"Het antwoord op de afkeuring is niet verstuurd: {exc}"[:2000]
        bericht.save(update_fields=["foutmelding"])


def al_beantwoord(bericht: Bericht) -> bool:
    """Through the checks before (``herverwerk`` then runs only its handler): nothing
    processed it, or its handler failed after its retour went."""
    if bericht.status == Status.GEEN_VERWERKING:
        return True
    return (
        bericht.status == Status.FOUT_BIJ_VERWERKING
        and Bericht.objects.filter(heenbericht_id=bericht.pk).exists()
    )
