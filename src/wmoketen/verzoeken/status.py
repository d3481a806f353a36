"""Reactions to the retourberichten of the request messages (``stromen.retour`` calls them).

* 316/318 with errors (aanbieder side): the request counts as not sent (OP286): the
  aanbieder's Verzoek and its products become AFGEKEURD, so a corrected one can be sent.
* 320 with errors (gemeente side): the 319 counts as not sent: the products it answered are
  open again and the Verzoek says why, so the backoffice answers once more.
"""

from __future__ import annotations

from django.utils import timezone

from wmoketen.audit import services as audit
from wmoketen.berichten.constants import FOUTLOZE_RETOURCODES
from wmoketen.termijnen import services as termijnen
from wmoketen.termijnen.queries import termijnen_voor

from .antwoord import werk_status_bij
from .constants import TERMIJN_ANTWOORD, Kant, Soort, Status
from .models import Antwoord, Verzoek


def fouten_in(codes) -> list[str]:
    """The RetourCodes that report an error (all but 0200 geaccepteerd and 0233)."""
    return [c for c in codes or () if c not in FOUTLOZE_RETOURCODES]


def verzoek_afgekeurd(heenbericht, codes) -> Verzoek | None:
    """A 316/318 with errors: the aanbieder's request is rejected as a message."""
    fouten = fouten_in(codes)
    verzoek = Verzoek.objects.filter(
        bericht=heenbericht, kant=Kant.AANBIEDER, organisatie_id=heenbericht.afzender_id
    ).first()
    if verzoek is None or not fouten:
        return verzoek
    verzoek.status = Status.AFGEKEURD
    verzoek.bevindingen = [
        *verzoek.bevindingen,
        f"Het {heenbericht.naam}-bericht is afgekeurd in het retourbericht "
        f"(retourcodes {', '.join(fouten)}); het verzoek telt als niet verstuurd.",
    ]
    verzoek.save(update_fields=["status", "bevindingen", "gewijzigd"])
    verzoek.producten.update(status=Status.AFGEKEURD)
    audit.log(
        None,
        "verzoek.afgekeurd",
        verzoek,
        client_id=verzoek.client_id,
        organisatie=verzoek.organisatie,
        omschrijving=f"retourcodes {', '.join(fouten)}",
    )
    return verzoek


def _termijn_opnieuw(verzoek: Verzoek) -> None:
    """The answer did not arrive, so the gemeente answers again within the same 5 werkdagen
    (OP274/OP346), now from the 320; a running deadline (e.g. the 8 weeks after "in
    onderzoek") already covers it."""
    if termijnen_voor(verzoek, verzoek.gemeente, alleen_lopend=True).exists():
        return
    termijnen.open_termijn(
        TERMIJN_ANTWOORD[verzoek.soort],
        onderwerp=verzoek,
        gemeente=verzoek.gemeente,
        startdatum=timezone.localdate(),
        startgebeurtenis="ontvangst van het afgekeurde antwoord (320)",
        acting_user=None,
    )


def antwoord_afgekeurd(heenbericht, codes) -> Antwoord | None:
    """A 320 with errors: the gemeente's answer did not arrive; its products are open again."""
    fouten = fouten_in(codes)
    antwoord = (
        Antwoord.objects.filter(bericht=heenbericht, organisatie_id=heenbericht.afzender_id)
        .select_related("verzoek")
        .first()
    )
    if antwoord is None or not fouten or antwoord.verzoek is None:
        return antwoord
    verzoek = antwoord.verzoek
    beantwoord = verzoek.producten.filter(status__in=(Status.AFGEWEZEN, Status.IN_ONDERZOEK))
    if verzoek.soort == Soort.TOEWIJZING:  # a 315's 319 answers the one product it names
        beantwoord = beantwoord.filter(referentie_aanbieder=antwoord.referentie_aanbieder)
    beantwoord.update(status=Status.OPEN, reden_afwijzing="")
    verzoek.besloten_op = None
    verzoek.bevindingen = [
        *verzoek.bevindingen,
        f"Het antwoord ({heenbericht.naam} {heenbericht.identificatie}) is afgekeurd in het "
        f"retourbericht (retourcodes {', '.join(fouten)}); beantwoord het verzoek opnieuw.",
    ]
    verzoek.save(update_fields=["besloten_op", "bevindingen", "gewijzigd"])
    werk_status_bij(verzoek)  # open again, also when other products were allocated
    _termijn_opnieuw(verzoek)
    audit.log(
        None,
        "verzoek.antwoord_afgekeurd",
        antwoord,
        client_id=verzoek.client_id,
        organisatie=verzoek.organisatie,
        omschrijving=f"retourcodes {', '.join(fouten)}",
    )
    return antwoord
