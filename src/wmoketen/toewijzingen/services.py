"""Allocating care (toewijzen): the allocation records and the 301 to the aanbieder.

Public API for other apps (the beschikking in ``toegang`` calls :func:`wijs_toe`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from wmoketen.audit import services as audit
from wmoketen.berichten.models import Bericht
from wmoketen.berichten.nummering import nieuwe_identificatie
from wmoketen.berichten.services import OngeldigBericht, verstuur
from wmoketen.organisaties.queries import contractregels
from wmoketen.producten.constants import Wet
from wmoketen.producten.models import Product
from wmoketen.producten.plausibiliteit import volumefout

from .bericht301 import maak_301, standaard_voor
from .constants import (
    FREQUENTIE_PER_WEEK,
    MAX_TOEWIJZINGNUMMER,
    STAPELING_UITGEZONDERD,
    Status,
)
from .levering import (
    corrigeer_start,
    corrigeer_stop,
    mag_registreren,
    pauze_moet_gemeld,
    periode_tekst,
    registreer_pauze,
    registreer_start,
    registreer_stop,
    verwijder_start,
    verwijder_stop,
)
from .models import Toewijzing
from .nummering import volgend_nummer
from .start_ondersteuning import Startnorm, open_voor

__all__ = [
    "Productperiode",
    "Startnorm",
    "TeWijzenProduct",
    "beeindig_toewijzing",
    "controleer_product",
    "corrigeer_start",
    "corrigeer_stop",
    "maak_toewijzingen",
    "mag_registreren",
    "neem_referentie_over",
    "pauze_moet_gemeld",
    "registreer_pauze",
    "registreer_start",
    "registreer_stop",
    "trek_in",
    "volgend_nummer",
    "verstuur_301",
    "verwijder_start",
    "verwijder_stop",
    "wijs_toe",
    "wijzig_toewijzing",
]


@dataclass(frozen=True)
class TeWijzenProduct:
    """One product of a beschikking to allocate to the aanbieder.

    ``eenheid`` (WJ756) and ``frequentie`` (WMO757) default to the product's; ``budget`` (euros)
    makes it a budget allocation without Omvang (taakgericht, CD077/CD078).
    ``referentie_aanbieder``: the aanbieder's reference when this honours its request (315/317).
    """

    product: Product
    ingangsdatum: date
    einddatum: date | None
    volume: int | None
    eenheid: str | None
    frequentie: str | None
    budget: Decimal | None = None
    referentie_aanbieder: str = ""


@transaction.atomic
def wijs_toe(
    *,
    gemeente,
    aanbieder,
    client,
    wet: str,
    producten: list[TeWijzenProduct],
    beschikkingnummer: str,
    acting_user,
    startnorm: Startnorm | None = None,
) -> list[Toewijzing]:
    """Allocate ``producten`` to ``aanbieder`` for ``client`` (the gemeente's record).

    Creates one Toewijzing per product (:func:`maak_toewijzingen`) and sends ONE 301
    (WMO301 for the Wmo, JW301 for the Jeugdwet) carrying every current allocation of the
    client at that aanbieder; products with a ``referentie_aanbieder`` honour the aanbieder's
    request and carry it in this 301 (TR379). ``startnorm``: see :func:`verstuur_301`.
    """
    nieuw = maak_toewijzingen(
        gemeente=gemeente,
        aanbieder=aanbieder,
        client=client,
        wet=wet,
        producten=producten,
        beschikkingnummer=beschikkingnummer,
        acting_user=acting_user,
    )
    verstuur_301(
        gemeente=gemeente,
        aanbieder=aanbieder,
        client=client,
        wet=wet,
        acting_user=acting_user,
        gehonoreerd=[t.pk for t in nieuw if t.referentie_aanbieder],
        startnorm=startnorm,
    )
    for toewijzing in nieuw:
        toewijzing.refresh_from_db(fields=["bericht"])
    return nieuw


@transaction.atomic
def maak_toewijzingen(
    *,
    gemeente,
    aanbieder,
    client,
    wet: str,
    producten: list[TeWijzenProduct],
    beschikkingnummer: str,
    acting_user,
) -> list[Toewijzing]:
    """Create one Toewijzing per product without sending anything (the caller sends the 301).

    Refuses with a Dutch ``ValidationError`` and stores nothing when a product does not fit:
    the wrong wet, no contract line, an inconsistent omvang/budget or stapeling (OP259).
    """
    if wet not in Wet.values:
        raise ValidationError(f"Onbekende wet: {wet!r}.")
    if not producten:
        raise ValidationError("Er is geen product om toe te wijzen.")
    if client.organisatie_id != gemeente.pk:
        raise ValidationError("De cliënt hoort niet bij deze gemeente.")
    for te_wijzen in producten:
        controleer_product(te_wijzen, wet=wet, gemeente=gemeente, aanbieder=aanbieder)
    _controleer_stapeling(gemeente, aanbieder, client, producten)

    nu = timezone.localtime()
    nieuw = []
    for te_wijzen in producten:
        product = te_wijzen.product
        budget = te_wijzen.budget
        toewijzing = Toewijzing(
            gemeente=gemeente,
            aanbieder=aanbieder,
            client=client,
            wet=wet,
            toewijzingnummer=volgend_nummer(gemeente, "toewijzingnummer"),
            product=product,
            ingangsdatum=te_wijzen.ingangsdatum,
            einddatum=te_wijzen.einddatum,
            volume=None if budget is not None else te_wijzen.volume,
            eenheid="" if budget is not None else (te_wijzen.eenheid or product.eenheid),
            frequentie="" if budget is not None else (te_wijzen.frequentie or product.frequentie),
            budget=budget,
            referentie_aanbieder=te_wijzen.referentie_aanbieder,
            toewijzingsdatum=nu.date(),
            toewijzingstijd=nu.time().replace(microsecond=0),
            beschikkingnummer=beschikkingnummer,
        )
        if toewijzing.toewijzingnummer > MAX_TOEWIJZINGNUMMER:
            raise ValidationError("De toewijzingnummers van deze gemeente zijn op.")
        toewijzing.full_clean(exclude=["bericht"])
        toewijzing.save()
        grond = f"beschikking {beschikkingnummer}" if beschikkingnummer else "zonder beschikking"
        if te_wijzen.referentie_aanbieder:
            grond += f", verzoek {te_wijzen.referentie_aanbieder}"
        audit.log(
            acting_user,
            "toewijzing.aangemaakt",
            toewijzing,
            client_id=client.pk,
            omschrijving=f"{toewijzing} aan {aanbieder} ({grond})",
        )
        nieuw.append(toewijzing)
    return nieuw


@transaction.atomic
def wijzig_toewijzing(
    toewijzing: Toewijzing,
    *,
    einddatum: date | None,
    volume: int | None,
    eenheid: str | None,
    frequentie: str | None,
    budget: Decimal | None,
    reden_wijziging: str,
    acting_user,
    referentie_aanbieder: str | None = None,
) -> Toewijzing:
    """Change an allocation in place (same ingangsdatum): period end and omvang or budget.

    Nothing is sent: the caller sends the 301 with the pk in ``gewijzigd``. Toewijzingsdatum
    and -tijd become now: a changed volume or einddatum is a new decision (IV013).
    """
    product = toewijzing.product
    te_wijzen = TeWijzenProduct(
        product, toewijzing.ingangsdatum, einddatum, volume, eenheid, frequentie, budget
    )
    controleer_product(
        te_wijzen, wet=toewijzing.wet, gemeente=toewijzing.gemeente, aanbieder=toewijzing.aanbieder
    )
    _controleer_stapeling(
        toewijzing.gemeente,
        toewijzing.aanbieder,
        toewijzing.client,
        [te_wijzen],
        behalve=[toewijzing.pk],
    )
    oud = _samenvatting(toewijzing)
    toewijzing.einddatum = einddatum
    toewijzing.budget = budget
    toewijzing.volume = None if budget is not None else volume
    toewijzing.eenheid = "" if budget is not None else (eenheid or product.eenheid)
    toewijzing.frequentie = "" if budget is not None else (frequentie or product.frequentie)
    if referentie_aanbieder is not None:
        toewijzing.referentie_aanbieder = referentie_aanbieder
    return _leg_wijziging_vast(toewijzing, oud, reden_wijziging, acting_user)


@transaction.atomic
def beeindig_toewijzing(
    toewijzing: Toewijzing, *, einddatum: date, reden_wijziging: str, acting_user
) -> Toewijzing:
    """End an allocation on ``einddatum`` (not before its ingangsdatum, not later than its
    current end). Nothing is sent: the caller sends the 301 with the pk in ``gewijzigd``."""
    if einddatum < toewijzing.ingangsdatum:
        raise ValidationError(
            f"Toewijzing {toewijzing}: de einddatum {einddatum:%d-%m-%Y} ligt vóór de "
            f"ingangsdatum {toewijzing.ingangsdatum:%d-%m-%Y}."
        )
    if toewijzing.einddatum is not None and einddatum > toewijzing.einddatum:
        raise ValidationError(
            f"Toewijzing {toewijzing} eindigt al op {toewijzing.einddatum:%d-%m-%Y}; "
            "beëindigen verlengt niet."
        )
    oud = _samenvatting(toewijzing)
    toewijzing.einddatum = einddatum
    return _leg_wijziging_vast(toewijzing, oud, reden_wijziging, acting_user)


@transaction.atomic
def trek_in(toewijzing: Toewijzing, *, laatste: date, reden_wijziging: str, acting_user):
    """Withdraw an allocation after ``laatste``: it ends that day (status beëindigd), or, when
    it had not started by then, it is removed: einddatum = ingangsdatum, RedenWijziging 13
    (OP033x1). Nothing is sent: the caller sends the 301 with the pk in ``gewijzigd``."""
    if laatste < toewijzing.ingangsdatum:
        einde, reden, status = toewijzing.ingangsdatum, "13", Status.VERWIJDERD
    else:
        einde, reden, status = laatste, reden_wijziging, Status.BEEINDIGD
    beeindig_toewijzing(toewijzing, einddatum=einde, reden_wijziging=reden, acting_user=acting_user)
    Toewijzing.objects.filter(pk=toewijzing.pk).update(status=status)
    toewijzing.status = status
    return toewijzing


@transaction.atomic
def neem_referentie_over(toewijzing: Toewijzing, referentie_aanbieder: str, *, acting_user):
    """Mark ``toewijzing`` as part of the situation the aanbieder's request
    ``referentie_aanbieder`` asked for (a 317: TR379). The decision itself (period, omvang,
    toewijzingsdatum) stays; nothing is sent: the caller's 301 carries the reference."""
    oud = toewijzing.referentie_aanbieder
    Toewijzing.objects.filter(pk=toewijzing.pk).update(referentie_aanbieder=referentie_aanbieder)
    toewijzing.referentie_aanbieder = referentie_aanbieder
    if oud != referentie_aanbieder:
        audit.log(
            acting_user,
            "toewijzing.gewijzigd",
            toewijzing,
            client_id=toewijzing.client_id,
            omschrijving=f"{toewijzing} (verzoek {referentie_aanbieder})",
            wijzigingen={"referentie_aanbieder": [oud, referentie_aanbieder]},
        )
    return toewijzing


def _samenvatting(toewijzing: Toewijzing) -> dict:
    velden = ("einddatum", "volume", "eenheid", "frequentie", "budget", "reden_wijziging")
    return {
        v: "" if getattr(toewijzing, v) is None else str(getattr(toewijzing, v)) for v in velden
    }


def _leg_wijziging_vast(toewijzing: Toewijzing, oud: dict, reden: str, acting_user) -> Toewijzing:
    nu = timezone.localtime()
    toewijzing.reden_wijziging = reden
    toewijzing.toewijzingsdatum = nu.date()
    toewijzing.toewijzingstijd = nu.time().replace(microsecond=0)
    toewijzing.full_clean(exclude=["bericht"])
    toewijzing.save()
    nieuw = _samenvatting(toewijzing)
    audit.log(
        acting_user,
        "toewijzing.gewijzigd",
        toewijzing,
        client_id=toewijzing.client_id,
        omschrijving=f"{toewijzing} (reden wijziging {reden})",
        wijzigingen={k: [oud[k], nieuw[k]] for k in oud if oud[k] != nieuw[k]},
    )
    return toewijzing


@transaction.atomic
def verstuur_301(
    *,
    gemeente,
    aanbieder,
    client,
    wet: str,
    acting_user,
    gewijzigd: Iterable[int] = (),
    gehonoreerd: Iterable[int] = (),
    startnorm: Startnorm | None = None,
) -> Bericht:
    """Send the client's complete current set of allocations at ``aanbieder`` as one 301.

    Also the way to resend after a rejected 301 (OP286: a new Identificatie) or to announce
    a change (``gewijzigd``: the pks whose RedenWijziging goes along, IV099). ``gehonoreerd``:
    the pks that honour a request in this message; only they carry their ReferentieAanbieder
    (TR379: only the first 301 after honouring the 315/317). Allocations sent for the first
    time get their start_ondersteuning deadline (``start_ondersteuning.open_voor``): on
    ``startnorm``'s subject (e.g. their beschikking) when given, else each its own.
    """
    vandaag = timezone.localdate()
    toewijzingen = list(
        Toewijzing.objects.actueel(vandaag)
        .filter(gemeente_id=gemeente.pk, aanbieder_id=aanbieder.pk, client_id=client.pk, wet=wet)
        .select_related("product")
    )
    gewijzigd = set(gewijzigd)
    toewijzingen += [
        t
        for t in Toewijzing.objects.filter(pk__in=gewijzigd, client_id=client.pk)
        .exclude(pk__in=[t.pk for t in toewijzingen])
        .select_related("product")
    ]
    if not toewijzingen:
        raise ValidationError("Er zijn geen actuele toewijzingen om te versturen.")
    standaard = standaard_voor(wet)
    naam = standaard.berichtnaam
    data = maak_301(
        gemeente=gemeente,
        aanbieder=aanbieder,
        client=client,
        wet=wet,
        toewijzingen=toewijzingen,
        identificatie=nieuwe_identificatie(
            gemeente, standaard.naam, 301, voorvoegsel="T", teller=volgend_nummer
        ),
        dagtekening=vandaag,
        gewijzigd=gewijzigd,
        gehonoreerd=set(gehonoreerd),
    )
    try:  # verstuur validates; its refusal names the message ("Het WMO301-bericht …")
        bericht = verstuur(
            data, afzender=gemeente, ontvanger=aanbieder, acting_user=acting_user, naam=naam
        )
    except OngeldigBericht as fout:
        # Shown as a 301's refusal always was: its lines above the form, not per field.
        raise ValidationError(fout.messages) from fout
    Toewijzing.objects.filter(pk__in=[t.pk for t in toewijzingen]).update(bericht=bericht)
    open_voor(
        [t for t in toewijzingen if t.bericht_id is None],
        gemeente=gemeente,
        aanbieder=aanbieder,
        op=vandaag,
        startnorm=startnorm,
        acting_user=acting_user,
    )
    audit.log(
        acting_user,
        "toewijzing.verzonden",
        bericht,
        client_id=client.pk,
        omschrijving=f"{naam} {bericht.identificatie} met {len(toewijzingen)} product(en)",
    )
    return bericht


def controleer_product(te_wijzen, *, wet: str, gemeente, aanbieder) -> None:
    """One product to allocate or to request (``te_wijzen``: a TeWijzenProduct or any object
    with the same fields): the wet, the period, omvang or budget (CD041, CD075–CD078), a volume
    that fits its eenheid and frequentie (``producten.plausibiliteit``) and the aanbieder's
    contract with the gemeente on the ingangsdatum. A Dutch ValidationError."""
    product = te_wijzen.product
    naam = f"{product.productcode or product.productcategorie} {product.naam}"
    if product.wet != wet:
        raise ValidationError(
            f"Product {naam} hoort bij de {product.get_wet_display()}, niet bij de "
            f"{Wet(wet).label}."
        )
    if te_wijzen.einddatum is not None and te_wijzen.einddatum < te_wijzen.ingangsdatum:
        raise ValidationError(f"Product {naam}: de einddatum ligt vóór de ingangsdatum.")
    _controleer_omvang(te_wijzen, naam)
    if te_wijzen.budget is None and (
        fout := volumefout(
            te_wijzen.volume,
            te_wijzen.eenheid or product.eenheid,
            te_wijzen.frequentie or product.frequentie,
            ingangsdatum=te_wijzen.ingangsdatum,
            einddatum=te_wijzen.einddatum,
        )
    ):
        raise ValidationError(f"Product {naam}: {fout}")
    if product.pk not in contractregels(gemeente, aanbieder, [product], op=te_wijzen.ingangsdatum):
        raise ValidationError(
            f"{aanbieder} heeft geen contract met {gemeente} voor product {naam} op "
            f"{te_wijzen.ingangsdatum:%d-%m-%Y}."
        )


def _controleer_omvang(te_wijzen, naam: str) -> None:
    """A budget (not negative, with an einddatum: CD075) or an omvang, never both; a product
    with a code needs a volume (CD041), per week an einddatum (CD076)."""
    product = te_wijzen.product
    if te_wijzen.budget is not None:
        if te_wijzen.volume is not None:
            raise ValidationError(
                f"Product {naam}: een toewijzing heeft een budget óf een omvang, niet allebei."
            )
        if te_wijzen.budget < 0:
            raise ValidationError(f"Product {naam}: het budget kan niet negatief zijn.")
        if te_wijzen.einddatum is None:
            raise ValidationError(f"Product {naam}: een budget vraagt om een einddatum (CD075).")
    elif product.productcode:
        if te_wijzen.volume is None:
            raise ValidationError(f"Product {naam}: geef het volume op, of een budget (CD041).")
        frequentie = te_wijzen.frequentie or product.frequentie
        if frequentie == FREQUENTIE_PER_WEEK and te_wijzen.einddatum is None:
            raise ValidationError(
                f"Product {naam}: een toewijzing per week vraagt om een einddatum (CD076)."
            )


@dataclass(frozen=True)
class Productperiode:
    """A product over a period, as the stapeling rules compare them (OP259 for allocations,
    OP347/TR386 for requests). ``code`` is empty for an aspecific product and for a budget,
    which the messages carry with its category alone."""

    categorie: str
    code: str
    ingangsdatum: date
    einddatum: date | None

    @classmethod
    def van(cls, product: Product, budget, ingangsdatum: date, einddatum: date | None):
        code = "" if budget is not None else product.productcode
        return cls(product.productcategorie, code, ingangsdatum, einddatum)

    def stapelt_met(self, ander: Productperiode) -> bool:
        """The same code, or the same category where one has no code, for overlapping
        periods; categories 11–14 may overlap."""
        if self.categorie in STAPELING_UITGEZONDERD or self.categorie != ander.categorie:
            return False
        if self.code and ander.code and self.code != ander.code:
            return False
        return (self.einddatum is None or self.einddatum >= ander.ingangsdatum) and (
            ander.einddatum is None or ander.einddatum >= self.ingangsdatum
        )


def _productperiode(t) -> Productperiode:
    return Productperiode.van(t.product, t.budget, t.ingangsdatum, t.einddatum)


def _controleer_stapeling(
    gemeente, aanbieder, client, producten: list[TeWijzenProduct], behalve: Iterable[int] = ()
) -> None:
    """OP259: the same product may not be allocated twice to one aanbieder for one period
    (``behalve``: allocations being changed, not compared with themselves)."""
    bestaand = list(
        Toewijzing.objects.actueel(date.min)
        .filter(gemeente_id=gemeente.pk, aanbieder_id=aanbieder.pk, client__bsn=client.bsn)
        .exclude(pk__in=list(behalve))
        .select_related("product")
    )
    for i, te_wijzen in enumerate(producten):
        periode = _productperiode(te_wijzen)
        for ander in bestaand:
            if periode.stapelt_met(_productperiode(ander)):
                raise ValidationError(
                    f"Product {te_wijzen.product} is al aan {aanbieder} toegewezen "
                    f"(toewijzing {ander.toewijzingnummer}, {periode_tekst(ander)}); dezelfde "
                    "toewijzing mag niet twee keer voor een overlappende periode bestaan "
                    "(stapeling, OP259). Wijzig of beëindig eerst de bestaande toewijzing."
                )
        for ander in producten[:i]:
            if periode.stapelt_met(_productperiode(ander)):
                raise ValidationError(
                    f"Product {te_wijzen.product} staat twee keer in deze toewijzing voor een "
                    "overlappende periode (stapeling, OP259)."
                )
