"""The aanbieder's monthly proposal: a concept declaration with one Prestatie per allocation.

``stel_voor`` collects, for one gemeente, wet and calendar month (CS340), every allocation the
aanbieder received from that gemeente that overlaps the month and whose product has a current
contract line with uitvoeringsvariant inspanningsgericht or outputgericht (OP261: the variant
is per product; taakgericht products and products without a contract line are never declared
with a 323). Each becomes one Prestatie:

* **ProductPeriode**: the calendar month cut only at the allocation's ingangsdatum and
  einddatum (``perioden.productperiode``; IV089, OP367, TR387, TR388). Starts and stops of
  delivered care never cut it.
* **Volume**: decided by the contract line's regime (``regimes.regime_voor``: its
  uitvoeringsvariant, declaratieregel and frequentie; the matrix is in docs/regimes.md).
  The standard (landelijk) regime proposes the maximum the Omvang allows in that period
  (``volume.max_in_periode``, IV076/IV077/TR321) in proportion to the days care was delivered
  (``Levering``, the 305 start and 307 stop), nothing without a delivered day, a frequentie 6
  total or a budget spread over the allocation's days (0 to fill in without an einddatum).
  The regional regimes (Midden-Limburg West, Almere) pay whole months or skip the start
  month; a regime that says "no prestatie" leaves the allocation out of the month.
* **Rejected before**: a prestatie of an earlier month that the gemeente rejected and that
  was not declared again comes back with its own ProductPeriode and volume, for the aanbieder
  to correct (a later declaration may hold earlier periods, TR319; the month itself may not
  be declared twice, TR318).
* **Corrections** requested since the last declaration (``correcties.voorstellen``): the
  credit and the corrected debit, credit first (OP366).
* **Tarief**: the contract line's tariff on the ProductPeriode's first day, in cent; for
  Eenheid 83 (euro's) the volume is the amount in cent and the tarief 1 (CS339), so that
  ``Prestatie.bedrag`` holds.

An allocation already declared for the month in an earlier declaration and not rejected there is
left out, so that a new proposal after a rejection holds only what is still to be declared.
Numbers: the declaratienummer is the month and a counter per aanbieder and wet (TR333, 12
alphanumerics as the XSD allows); a prestatie's ReferentieNummer is that declaratienummer and
its line number, so it is unique for the aanbieder within the wet (TR314).

TR318 (each period follows the previous one while care continues) is the gemeente's check;
the proposal does not refuse a month whose predecessor was not declared.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Prefetch, Q
from django.utils import timezone

from wmoketen.audit import services as audit
from wmoketen.organisaties.models import Contractregel
from wmoketen.producten.constants import Wet
from wmoketen.toewijzingen.constants import LeveringStatus
from wmoketen.toewijzingen.models import AanbiederToewijzing, Levering
from wmoketen.toewijzingen.nummering import volgend_nummer

from . import correcties
from .constants import DeclaratieStatus, Oordeel
from .contractregels import DECLARABEL, geldende_regel
from .models import Declaratie, Prestatie
from .perioden import maand_van, productperiode
from .regimes import (
    DAG,
    Situatie,
    andere_van,
    eenheid_en_tarief,
    geleverde_dagen,
    naar_rato,
    per_client_en_product,
    regime_voor,
)

__all__ = [
    "geleverde_dagen",
    "naar_rato",
    "nieuw_declaratienummer",
    "referentienummer",
    "stel_voor",
    "velden_van",
]

REDEN_VERWIJDERD = "13"  # TR384: never declare on an allocation removed with reden 13
REDEN_VERVALLEN = "01"  # administratieve correctie: with einddatum = ingangsdatum, vervallen


@dataclass(frozen=True)
class _Periode:
    begin: date
    eind: date

    @property
    def dagen(self) -> int:
        return (self.eind - self.begin).days + 1


@transaction.atomic
def stel_voor(*, aanbieder, gemeente, wet: str, maand: date, acting_user) -> Declaratie:
    """A concept declaration of ``maand``'s calendar month with the proposed prestaties.

    Refuses (Dutch ValidationError) a month in the future, a month that already has a concept
    or submitted declaration for this gemeente and wet, and a month with nothing to declare.
    """
    if getattr(acting_user, "organisatie_id", None) != aanbieder.pk:
        raise PermissionDenied("U kunt alleen namens uw eigen organisatie declareren.")
    if wet not in Wet.values:
        raise ValidationError(f"Onbekende wet: {wet!r}.")
    begin, eind = maand_van(maand)
    if begin > maand_van(timezone.localdate())[0]:
        raise ValidationError(
            f"De maand {begin:%m-%Y} ligt in de toekomst; declareer alleen de lopende of een "
            "eerdere maand (TR319)."
        )
    # The counter first: it locks until commit, so two proposals of one aanbieder and wet
    # cannot both pass the check below.
    declaratienummer = nieuw_declaratienummer(aanbieder, wet, begin)
    _controleer_dubbel(aanbieder, gemeente, wet, begin)
    _controleer_volgorde(aanbieder, gemeente, wet, begin)
    voorstellen = _voorstellen(aanbieder, gemeente, wet, _Periode(begin, eind))
    voorstellen += _opnieuw(aanbieder, gemeente, wet, begin)
    voorstellen += correcties.voorstellen(aanbieder, gemeente, wet)
    if not voorstellen:
        raise ValidationError(
            f"Er is voor {begin:%m-%Y} niets te declareren bij {gemeente}: geen toewijzing met "
            "geleverde ondersteuning op een inspannings- of outputgericht gecontracteerd "
            "product die nog niet (goedgekeurd of in behandeling) gedeclareerd is, en waarvoor "
            "de declaratieregel deze maand betaalt (Midden-Limburg West betaalt de startmaand "
            "niet)."
        )
    declaratie = Declaratie.objects.create(
        aanbieder=aanbieder,
        gemeente=gemeente,
        wet=wet,
        declaratienummer=declaratienummer,
        periode_begin=begin,
        periode_eind=eind,
    )
    Prestatie.objects.bulk_create(
        [
            Prestatie(
                declaratie=declaratie,
                referentienummer=referentienummer(declaratienummer, regel),
                **velden,
            )
            for regel, velden in enumerate(voorstellen, start=1)
        ],
        batch_size=1000,
    )
    audit.log(
        acting_user,
        "declaratie.voorgesteld",
        declaratie,
        omschrijving=(
            f"Declaratie {declaratienummer} ({begin:%m-%Y}, {gemeente}) voorgesteld met "
            f"{len(voorstellen)} prestatie(s)"
        ),
    )
    return declaratie


def nieuw_declaratienummer(aanbieder, wet: str, maand_begin: date) -> str:
    """Unique for the aanbieder within the wet (TR333): the month (JJJJMM) and the aanbieder's
    counter for the wet; 12 alphanumerics (the XSD's LDT_IdentificatieDeclaratie)."""
    nummer = volgend_nummer(aanbieder, f"declaratie-{wet}")
    tekst = f"{maand_begin:%Y%m}{nummer:06d}"
    if len(tekst) > 12:
        raise ValidationError(
            "De declaratienummers van deze aanbieder zijn op (maximaal 12 tekens)."
        )
    return tekst


def referentienummer(declaratienummer: str, regel: int) -> str:
    """The prestatie's ReferentieNummer (max 20): unique per aanbieder within the wet (TR314),
    since the declaratienummer is."""
    return f"{declaratienummer}-{regel}"


def _controleer_dubbel(aanbieder, gemeente, wet: str, begin: date) -> None:
    bestaand = (
        Declaratie.objects.filter(
            aanbieder=aanbieder,
            gemeente=gemeente,
            wet=wet,
            periode_begin=begin,
            status__in=[DeclaratieStatus.CONCEPT, DeclaratieStatus.INGEDIEND],
        )
        .only("declaratienummer", "status")
        .first()
    )
    if bestaand is not None:
        raise ValidationError(
            f"Voor {begin:%m-%Y} is er al een declaratie bij {gemeente}: "
            f"{bestaand.declaratienummer}, {bestaand.get_status_display().lower()}. "
            "Werk die bij of wacht op het antwoord (325)."
        )


def _controleer_volgorde(aanbieder, gemeente, wet: str, begin: date) -> None:
    """TR318: each declaration is over a later month than the one before (one 323 a month);
    one refused as a whole does not count (IV087)."""
    eerdere = Declaratie.objects.filter(
        aanbieder=aanbieder,
        gemeente=gemeente,
        wet=wet,
        status__in=[DeclaratieStatus.INGEDIEND, DeclaratieStatus.BEANTWOORD],
        periode_begin__gte=begin,
    ).only("periode_begin", "status", "header_retourcodes", "antwoord_retourcodes")
    laatste = max((d.periode_begin for d in eerdere if not d.geheel_geweigerd), default=None)
    if laatste is not None:
        raise ValidationError(
            f"Bij {gemeente} is al gedeclareerd over {laatste:%m-%Y}. Een nieuwe declaratie gaat "
            "over een latere maand (TR318); afgewezen prestaties van eerdere maanden komen "
            "daarin vanzelf opnieuw in het voorstel."
        )


def _opnieuw(aanbieder, gemeente, wet: str, begin: date) -> list[dict]:
    """Prestaties of earlier months that the gemeente rejected and that were not declared
    again since: proposed again with their own ProductPeriode (allowed, TR319) and volume,
    for the aanbieder to correct."""
    eerder = Prestatie.objects.filter(
        declaratie__aanbieder=aanbieder,
        declaratie__gemeente=gemeente,
        declaratie__wet=wet,
        declaratie__periode_begin__lt=begin,
    ).exclude(declaratie__status=DeclaratieStatus.CONCEPT)
    afgewezen = list(eerder.filter(oordeel=Oordeel.AFGEWEZEN).order_by("pk"))
    if not afgewezen:
        return []
    # Only the rejected prestaties' allocations: the history of every other one stays unread.
    gedaan = set(
        eerder.exclude(oordeel=Oordeel.AFGEWEZEN)
        .filter(toewijzing_id__in={p.toewijzing_id for p in afgewezen})
        .values_list("toewijzing_id", "periode_begin")
    )
    voorstellen = {}
    for p in afgewezen:
        sleutel = (p.toewijzing_id, p.periode_begin)
        if sleutel not in gedaan:
            voorstellen[sleutel] = velden_van(p)
    return list(voorstellen.values())


def velden_van(prestatie: Prestatie) -> dict:
    """A declared prestatie's fields for a new line with its allocation, ProductPeriode,
    volume, eenheid and tarief, in the shape of ``stel_voor``'s prestatie dicts (a rejected
    prestatie proposed again; a correction's lines, ``correcties``)."""
    return {
        "toewijzing_id": prestatie.toewijzing_id,
        "periode_begin": prestatie.periode_begin,
        "periode_eind": prestatie.periode_eind,
        "voorgesteld_volume": prestatie.geleverd_volume,
        "geleverd_volume": prestatie.geleverd_volume,
        "eenheid": prestatie.eenheid,
        "tarief": prestatie.tarief,
    }


def _voorstellen(aanbieder, gemeente, wet: str, maand: _Periode) -> list[dict]:
    """The fields of each proposed prestatie, in client and toewijzingnummer order."""
    regels = _contractregels(aanbieder, gemeente, wet)
    gedeclareerd = _al_gedeclareerd(aanbieder, gemeente, wet, maand)
    andere = _leveringen_rond(aanbieder, gemeente, wet, maand)
    voorstellen = []
    for toewijzing in _toewijzingen(aanbieder, gemeente, wet, maand):
        if toewijzing.pk in gedeclareerd:
            continue
        velden = _voorstel(toewijzing, regels.get(toewijzing.product_id, ()), maand, andere)
        if velden is not None:
            voorstellen.append(velden)
    return voorstellen


def _contractregels(aanbieder, gemeente, wet: str) -> dict[int, list[Contractregel]]:
    """The contract lines of the aanbieder's contracts with the gemeente (or its regio) per
    product, declarable variants only, with their tariffs (two queries)."""
    regels = (
        Contractregel.objects.filter(
            Q(contract__gemeente=gemeente) | Q(contract__regio__gemeenten=gemeente),
            contract__aanbieder=aanbieder,
            product__wet=wet,
            uitvoeringsvariant__in=sorted(DECLARABEL),
        )
        .select_related("contract")
        .prefetch_related("tarieven")
        .distinct()
    )
    per_product: dict[int, list[Contractregel]] = {}
    for regel in regels:
        per_product.setdefault(regel.product_id, []).append(regel)
    return per_product


def _toewijzingen(aanbieder, gemeente, wet: str, maand: _Periode) -> Iterable[AanbiederToewijzing]:
    """The allocations overlapping the month with their deliveries (two queries); not those
    removed (TR384) or vervallen (einddatum = ingangsdatum with reden 01)."""
    return (
        AanbiederToewijzing.objects.filter(
            aanbieder=aanbieder,
            gemeente=gemeente,
            wet=wet,
            product__isnull=False,
            ingangsdatum__lte=maand.eind,
        )
        .filter(Q(einddatum__isnull=True) | Q(einddatum__gte=maand.begin))
        .exclude(reden_wijziging=REDEN_VERWIJDERD)
        .exclude(einddatum=F("ingangsdatum"), reden_wijziging=REDEN_VERVALLEN)
        .prefetch_related(
            Prefetch(
                "leveringen",
                queryset=Levering.objects.exclude(status=LeveringStatus.VERWIJDERD),
            )
        )
        .order_by("client_id", "toewijzingnummer", "pk")
        .iterator(chunk_size=2000)
    )


def _leveringen_rond(aanbieder, gemeente, wet: str, maand: _Periode) -> dict:
    """The aanbieder's deliveries per client and product touching the month or the day
    before or after it, for the regimes to see support continue across allocations
    (``regimes.per_client_en_product``; one query)."""
    voor, na = maand.begin - DAG, maand.eind + DAG
    rijen = (
        Levering.objects.filter(
            aanbieder_toewijzing__aanbieder=aanbieder,
            aanbieder_toewijzing__gemeente=gemeente,
            aanbieder_toewijzing__wet=wet,
            aanbieder_toewijzing__product__isnull=False,
            aanbieder_toewijzing__ingangsdatum__lte=na,
            begindatum__lte=na,
        )
        .filter(Q(einddatum__isnull=True) | Q(einddatum__gte=voor))
        .filter(
            Q(aanbieder_toewijzing__einddatum__isnull=True)
            | Q(aanbieder_toewijzing__einddatum__gte=voor)
        )
        .exclude(status=LeveringStatus.VERWIJDERD)
        .exclude(aanbieder_toewijzing__reden_wijziging=REDEN_VERWIJDERD)
        .exclude(
            aanbieder_toewijzing__einddatum=F("aanbieder_toewijzing__ingangsdatum"),
            aanbieder_toewijzing__reden_wijziging=REDEN_VERVALLEN,
        )
        .values_list(
            "aanbieder_toewijzing_id",
            "aanbieder_toewijzing__client_id",
            "aanbieder_toewijzing__product_id",
            "begindatum",
            "einddatum",
            "reden_beeindiging",
            "aanbieder_toewijzing__einddatum",
        )
    )
    return per_client_en_product(rijen)


def _al_gedeclareerd(aanbieder, gemeente, wet: str, maand: _Periode) -> set[int]:
    """Allocations with a prestatie in this month in a declaration that is not rejected."""
    return set(
        Prestatie.objects.filter(
            declaratie__aanbieder=aanbieder,
            declaratie__gemeente=gemeente,
            declaratie__wet=wet,
            periode_begin__lte=maand.eind,
            periode_eind__gte=maand.begin,
        )
        .exclude(oordeel=Oordeel.AFGEWEZEN)
        .values_list("toewijzing_id", flat=True)
    )


def _voorstel(
    toewijzing: AanbiederToewijzing, regels, maand: _Periode, andere: dict
) -> dict | None:
    """One prestatie's fields, or None: no declarable contract line, no tariff, no period, or
    nothing to declare in it by the line's regime (``regimes``)."""
    periode = productperiode(maand.begin, toewijzing.ingangsdatum, toewijzing.einddatum)
    if periode is None:
        return None
    periode = _Periode(*periode)
    regel = geldende_regel(regels, periode.begin)
    tarief = regel.tarief_op(periode.begin) if regel else None
    if tarief is None:
        return None
    eenheid, tarief_cent = eenheid_en_tarief(toewijzing, regel, tarief)
    situatie = Situatie.van(
        toewijzing,
        productcategorie=toewijzing.productcategorie,
        variant=regel.uitvoeringsvariant,
        periode=(periode.begin, periode.eind),
        leveringen=toewijzing.leveringen.all(),
        tarief=tarief_cent,
        andere_leveringen=andere_van(andere, toewijzing),
    )
    volume = regime_voor(regel).volume(situatie)
    if volume is None:
        return None
    return {
        "toewijzing": toewijzing,
        "periode_begin": periode.begin,
        "periode_eind": periode.eind,
        "voorgesteld_volume": volume,
        "geleverd_volume": volume,
        "eenheid": eenheid,
        "tarief": tarief_cent,
    }
