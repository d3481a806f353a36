"""The answer on a request: the antwoordbericht (WMO319/JW319) and, on the aanbieder's side,
what a received 319 or honouring 301 does to its own Verzoek.

A 319 carries ONE ReferentieAanbieder: a 315's product (each has its own) or a 317 as a whole.
The gemeente builds it with :func:`bouw_319` (``beslissen``); the aanbieder's handler links a
received one by that reference. A received 301 is linked by :func:`koppel_toewijzingen`, which
``stromen.toewijzing`` calls after ``toewijzingen`` handled the 301.
"""

from __future__ import annotations

from django.utils import timezone

from istandaarden.codec import serialize
from istandaarden.opbouw import header
from istandaarden.waarden import waarde
from wmoketen.audit import services as audit
from wmoketen.berichten.handlers import Ontvangen, handler
from wmoketen.berichten.standaarden import WET, modules
from wmoketen.organisaties.models import Aanbieder, Gemeente

from .bouw import identificatie
from .constants import (
    ANTWOORD_AFGEWEZEN,
    ANTWOORD_IN_ONDERZOEK,
    ONDERHANDEN,
    Kant,
    Soort,
    Status,
)
from .models import Antwoord, Verzoek, VerzoekProduct

__all__ = ["bouw_319", "koppel_toewijzingen", "verwerk_319", "werk_status_bij"]


def werk_status_bij(verzoek: Verzoek) -> str:
    """Derive the request's status from its products' and store it.

    Undecided products keep it open (in onderzoek when one is); once all are decided it is
    toegewezen, afgewezen or deels. A request afgekeurd in the retour stays so.
    """
    statussen = set(verzoek.producten.values_list("status", flat=True))
    if verzoek.status == Status.AFGEKEURD or not statussen:
        return verzoek.status
    if statussen & set(ONDERHANDEN):
        status = Status.IN_ONDERZOEK if Status.IN_ONDERZOEK in statussen else Status.OPEN
    elif statussen == {Status.TOEGEWEZEN}:
        status = Status.TOEGEWEZEN
    elif statussen == {Status.AFGEWEZEN}:
        status = Status.AFGEWEZEN
    else:
        status = Status.DEELS
    if status != verzoek.status:
        verzoek.status = status
        verzoek.save(update_fields=["status", "gewijzigd"])
    return status


# Building (gemeente side) -----------------------------------------------------------------


def bouw_319(antwoord: Antwoord) -> bytes:
    """The serialised 319 of the gemeente's Antwoord; the message layer validates it.

    The Identificatie is that of the Bericht already sent for it, or a new one; Woonplaats-
    beginsel exists only in the JW319 (TR377/TR409: only with reden 8).
    """
    verzoek = antwoord.verzoek
    b, m = modules(verzoek.wet, 319)
    if antwoord.bericht_id:
        ident, dagtekening = antwoord.bericht.identificatie, antwoord.bericht.dagtekening
    else:
        ident = identificatie(verzoek.gemeente, verzoek.standaard, 319)
        dagtekening = timezone.localdate()
    kop = header(
        verzoek.standaard,
        319,
        afzender=verzoek.gemeente.gemeentecode,
        ontvanger=verzoek.aanbieder.agb_code,
        identificatie=ident,
        dagtekening=dagtekening,
    )
    velden = dict(
        referentie_aanbieder=antwoord.referentie_aanbieder,
        verzoek_antwoord=b.LdtVerzoekAntwoord(antwoord.verzoek_antwoord),
        reden_afwijzing_verzoek=(
            b.LdtRedenAfwijzingVerzoek(antwoord.reden_afwijzing)
            if antwoord.reden_afwijzing
            else None
        ),
    )
    if antwoord.woonplaatsbeginsel:
        velden["woonplaatsbeginsel"] = m.Woonplaatsbeginsel(gemeente=antwoord.woonplaatsbeginsel)
    return serialize(m.Bericht(header=kop, antwoord=m.Antwoord(**velden)))


# Receiving (aanbieder side) ---------------------------------------------------------------


def _eigen_verzoeken(aanbieder_id: int, gemeente_id: int, wet: str):
    return Verzoek.objects.filter(
        kant=Kant.AANBIEDER, organisatie_id=aanbieder_id, gemeente_id=gemeente_id, wet=wet
    )


def _met_referentie(
    aanbieder_id: int, gemeente_id: int, wet: str, referentie: str
) -> tuple[Verzoek | None, list[VerzoekProduct]]:
    """The aanbieder's request a ReferentieAanbieder names, and the products it covers: the
    whole 317, or the one product of a 315 with that reference."""
    verzoeken = _eigen_verzoeken(aanbieder_id, gemeente_id, wet)
    verzoek = verzoeken.filter(soort=Soort.WIJZIGING, referentie_aanbieder=referentie).first()
    if verzoek is not None:
        return verzoek, list(verzoek.producten.all())
    producten = list(
        VerzoekProduct.objects.filter(
            verzoek__in=verzoeken.filter(soort=Soort.TOEWIJZING), referentie_aanbieder=referentie
        ).select_related("verzoek")
    )
    return (producten[0].verzoek if producten else None), producten


@handler("iwmo", 319)
@handler("ijw", 319)
def verwerk_319(ontvangen: Ontvangen) -> None:
    """Aanbieder side: store the answer on its own request and set the products' status."""
    bericht = ontvangen.bericht
    aanbieder = Aanbieder.objects.get(pk=bericht.ontvanger_id)
    gemeente = Gemeente.objects.get(pk=bericht.afzender_id)
    a = ontvangen.inhoud.antwoord
    referentie = a.referentie_aanbieder
    verzoek, producten = _met_referentie(
        aanbieder.pk, gemeente.pk, WET[bericht.standaard], referentie
    )
    antwoord = Antwoord.objects.create(
        organisatie=aanbieder,
        verzoek=verzoek,
        referentie_aanbieder=referentie,
        verzoek_antwoord=waarde(a.verzoek_antwoord),
        reden_afwijzing=waarde(a.reden_afwijzing_verzoek) or "",
        woonplaatsbeginsel=(
            a.woonplaatsbeginsel.gemeente if getattr(a, "woonplaatsbeginsel", None) else ""
        ),
        bericht=bericht,
    )
    status = (
        Status.AFGEWEZEN if antwoord.verzoek_antwoord == ANTWOORD_AFGEWEZEN else Status.IN_ONDERZOEK
    )
    for vp in producten:
        if vp.status == Status.TOEGEWEZEN:  # TR359 refuses this; never undo an allocation
            continue
        vp.status = status
        vp.reden_afwijzing = antwoord.reden_afwijzing
        vp.save(update_fields=["status", "reden_afwijzing"])
    if verzoek is not None:
        werk_status_bij(verzoek)
        if antwoord.verzoek_antwoord != ANTWOORD_IN_ONDERZOEK and not verzoek.onderhanden:
            Verzoek.objects.filter(pk=verzoek.pk).update(besloten_op=timezone.now())
    audit.log(
        None,
        "verzoekantwoord.ontvangen",
        antwoord,
        client_id=verzoek.client_id if verzoek else None,
        organisatie=aanbieder,
        omschrijving=(
            f"{bericht.naam} {bericht.identificatie}: {antwoord.get_verzoek_antwoord_display()}"
            f" op {referentie}"
            + (f", reden {antwoord.reden_omschrijving}" if antwoord.reden_afwijzing else "")
        ),
    )


def koppel_toewijzingen(bericht, toewijzingen) -> None:
    """Aanbieder side: a 301 whose products carry a ReferentieAanbieder honours the request
    with that reference (TR379): its products become toegewezen, linked to the allocation."""
    geraakt: dict[int, Verzoek] = {}
    per_referentie: dict[str, list] = {}
    for t in toewijzingen:
        if t.referentie_aanbieder:
            per_referentie.setdefault(t.referentie_aanbieder, []).append(t)
    for referentie, ontvangen in per_referentie.items():
        eerste = ontvangen[0]
        verzoek, producten = _met_referentie(
            eerste.aanbieder_id, eerste.gemeente_id, eerste.wet, referentie
        )
        if verzoek is None:
            continue
        for vp, t in _paren(producten, ontvangen):
            vp.status = Status.TOEGEWEZEN
            vp.aanbieder_toewijzing = t or vp.aanbieder_toewijzing
            vp.reden_afwijzing = ""
            vp.save(update_fields=["status", "aanbieder_toewijzing", "reden_afwijzing"])
        geraakt[verzoek.pk] = verzoek
    for verzoek in geraakt.values():
        werk_status_bij(verzoek)
        if not verzoek.onderhanden:
            Verzoek.objects.filter(pk=verzoek.pk).update(besloten_op=timezone.now())
        audit.log(
            None,
            "verzoek.toegewezen",
            verzoek,
            client_id=verzoek.client_id,
            organisatie=verzoek.organisatie,
            omschrijving=f"{bericht.naam} {bericht.identificatie} honoreert {verzoek}",
        )


def _paren(producten: list[VerzoekProduct], toewijzingen: list) -> list[tuple]:
    """Match requested products to received allocations.

    A 315's reference names one product. In a 317 (one reference for all) the match is by
    toewijzingnummer and ingangsdatum (unchanged, changed in place), by product and
    ingangsdatum (new, or changed from a later date: a new allocation), then by number; a
    product without its own allocation is honoured with the request as a whole.
    """
    if producten and producten[0].verzoek.soort == Soort.TOEWIJZING:
        return [(producten[0], toewijzingen[0])]
    paren, vrij = [], list(toewijzingen)
    for vp in producten:
        t = (
            next((t for t in vrij if _zelfde_nummer(vp, t) and _zelfde_ingang(vp, t)), None)
            or next((t for t in vrij if _zelfde_product(vp, t) and _zelfde_ingang(vp, t)), None)
            or next((t for t in vrij if _zelfde_nummer(vp, t)), None)
        )
        if t is not None:
            vrij.remove(t)
        paren.append((vp, t))
    return paren


def _zelfde_nummer(vp: VerzoekProduct, t) -> bool:
    return vp.toewijzingnummer is not None and vp.toewijzingnummer == t.toewijzingnummer


def _zelfde_ingang(vp: VerzoekProduct, t) -> bool:
    return vp.ingangsdatum is None or vp.ingangsdatum == t.ingangsdatum


def _zelfde_product(vp: VerzoekProduct, t) -> bool:
    return bool(vp.productcategorie) and (vp.productcategorie, vp.productcode or "") == (
        t.productcategorie,
        t.productcode or "",
    )
