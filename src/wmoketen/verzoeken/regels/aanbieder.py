"""The rules on a 319 or 301 the aanbieder receives (afzender gemeente, ontvanger aanbieder).

They read the aanbieder's own requests, answers and received allocations; the table is in
``regels``."""

from __future__ import annotations

from django.db.models import Q

from wmoketen.toewijzingen import queries as toewijzingen_queries

from ..constants import ANTWOORD_IN_ONDERZOEK, Kant, Status
from ..models import Antwoord, Verzoek, VerzoekProduct
from . import lezen


def _eigen_verzoeken(bericht, store):
    """The requests this aanbieder sent to this gemeente in this wet (not refused by retour)."""
    return Verzoek.objects.filter(
        kant=Kant.AANBIEDER,
        organisatie_id=store.ontvanger_id,
        gemeente_id=store.afzender_id,
        wet=lezen.wet(bericht),
    ).exclude(status=Status.AFGEKEURD)


def _met_referentie(verzoeken, referentie: str):
    return verzoeken.filter(
        Q(referentie_aanbieder=referentie) | Q(producten__referentie_aanbieder=referentie)
    )


def _antwoord(bericht) -> tuple[object, str, str]:
    element = bericht.root.find("{*}Antwoord")
    return (
        element,
        lezen.tekst(element, "ReferentieAanbieder"),
        lezen.tekst(element, "VerzoekAntwoord"),
    )


def _eerdere_antwoorden(bericht, store, referentie: str):
    return Antwoord.objects.filter(
        organisatie_id=store.ontvanger_id, referentie_aanbieder=referentie
    ).filter(
        Q(bericht__afzender_id=store.afzender_id, bericht__standaard=bericht.standaard)
        | Q(verzoek__gemeente_id=store.afzender_id, verzoek__wet=lezen.wet(bericht))
    )


def tr355(bericht, store):
    element, referentie, _ = _antwoord(bericht)
    verzoeken = _eigen_verzoeken(bericht, store)
    if verzoeken.exists() and not _met_referentie(verzoeken, referentie).exists():
        yield (
            element,
            f"ReferentieAanbieder {referentie} komt in geen eerder verzoek om toewijzing of "
            "wijziging aan deze gemeente voor (TR355).",
        )


def tr359(bericht, store):
    element, referentie, _ = _antwoord(bericht)
    toegewezen = (
        toewijzingen_queries.referentie_ontvangen(
            store.ontvanger_id, store.afzender_id, referentie, wet=lezen.wet(bericht)
        )
        or VerzoekProduct.objects.filter(
            Q(referentie_aanbieder=referentie) | Q(verzoek__referentie_aanbieder=referentie),
            verzoek__in=_eigen_verzoeken(bericht, store),
            status=Status.TOEGEWEZEN,  # a 317's products link their allocation from the start
        ).exists()
    )
    if toegewezen:
        yield (
            element,
            f"Op ReferentieAanbieder {referentie} is al een toewijzing (301) ontvangen; een "
            "antwoordbericht kan dan niet meer (TR359).",
        )


def tr360(bericht, store):
    element, referentie, antwoord = _antwoord(bericht)
    if (
        antwoord == ANTWOORD_IN_ONDERZOEK
        and _eerdere_antwoorden(bericht, store, referentie).exists()
    ):
        yield (
            element,
            f"Op ReferentieAanbieder {referentie} is al een antwoordbericht ontvangen; "
            "'in onderzoek' kan maar één keer (TR360).",
        )


def tr365(bericht, store):
    element, referentie, _ = _antwoord(bericht)
    definitief = (
        _eerdere_antwoorden(bericht, store, referentie)
        .exclude(verzoek_antwoord=ANTWOORD_IN_ONDERZOEK)
        .exists()
    )
    if definitief:
        yield (
            element,
            f"Op ReferentieAanbieder {referentie} is het verzoek al afgewezen; een volgend "
            "antwoordbericht kan alleen na 'in onderzoek' (TR365).",
        )


def tr379(bericht, store):
    verzoeken = _eigen_verzoeken(bericht, store)
    if not verzoeken.exists():
        return  # no request records of this aanbieder here: nothing to hold it against
    van_client = verzoeken.filter(client__bsn=lezen.bsn(bericht))
    for element in bericht.root.iter("{*}ToegewezenProduct"):
        referentie = lezen.tekst(element, "ReferentieAanbieder")
        if not referentie or _met_referentie(van_client, referentie).exists():
            continue
        nummer = lezen.nummer(element)
        al_ontvangen = nummer is not None and toewijzingen_queries.referentie_ontvangen(
            store.ontvanger_id, store.afzender_id, referentie, toewijzingnummer=nummer
        )
        if not al_ontvangen:  # a resend of an earlier honoured product is fine
            yield (
                element,
                f"ReferentieAanbieder {referentie} hoort bij geen verzoek om toewijzing of "
                "wijziging van u voor deze cliënt; laat hem leeg als de toewijzing geen "
                "verzoek honoreert (TR379).",
            )
