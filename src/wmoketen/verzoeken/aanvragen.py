"""The aanbieder asks the gemeente: a verzoek om toewijzing (315) or om wijziging (317).

Aanbieder side only: the request is checked here before anything is stored or sent (a Dutch
``ValidationError``, nothing stored), then recorded as the aanbieder's Verzoek (kant
aanbieder) and sent through ``berichten.services.verstuur`` in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from istandaarden.berichten import bericht as berichtsoort
from wmoketen.audit import services as audit
from wmoketen.berichten.services import verstuur
from wmoketen.producten.codelijsten import codes
from wmoketen.producten.constants import Wet
from wmoketen.producten.models import Product
from wmoketen.producten.plausibiliteit import volumefout
from wmoketen.termijnen.kalender import plus_werkdagen
from wmoketen.toewijzingen import queries as toewijzingen_queries
from wmoketen.toewijzingen.constants import AanbiederStatus
from wmoketen.toewijzingen.services import Productperiode, controleer_product

from .bouw import bouw_315, bouw_317, nieuwe_referentie
from .constants import (
    ONDERHANDEN,
    VERWIJZER_GEMEENTE,
    VERWIJZERS,
    VERWIJZERS_MET_AGB,
    Kant,
    ProductSoort,
    Soort,
    Status,
)
from .models import Verzoek, VerzoekProduct

if TYPE_CHECKING:
    from wmoketen.toewijzingen.models import AanbiederToewijzing

__all__ = [
    "AangevraagdProductInvoer",
    "NieuwProductInvoer",
    "WijzigingInvoer",
    "vraag_toewijzing_aan",
    "vraag_wijziging_aan",
]

# OP: the aanbieder sends the 315 within 5 werkdagen after the intake.
INTAKE_WERKDAGEN = 5


@dataclass
class NieuwProductInvoer:
    """A product the 317 asks for in addition."""

    product: Product
    ingangsdatum: date
    einddatum: date | None
    volume: int | None
    eenheid: str | None
    frequentie: str | None
    budget: Decimal | None = None


@dataclass
class AangevraagdProductInvoer(NieuwProductInvoer):
    """One product the aanbieder asks for in a 315: a new product with its verwijzer."""

    verwijzer_type: str = ""
    verwijzer_zorgverlenercode: str = ""
    verwijzer_naam: str = ""
    beschikkingnummer: int | None = None
    beschikking_ingangsdatum: date | None = None
    raamcontract: bool | None = None
    commentaar: str = ""


@dataclass
class WijzigingInvoer:
    """A current allocation the 317 asks to change (the new period and omvang)."""

    toewijzing: AanbiederToewijzing
    ingangsdatum: date
    einddatum: date | None
    volume: int | None
    eenheid: str | None
    frequentie: str | None
    budget: Decimal | None = None


@dataclass(frozen=True)
class _Periode(Productperiode):
    """A product over a period, for the stapeling checks (OP347/TR386), with where it is from
    ("dit verzoek", "toewijzing 123") for the error."""

    bron: str


# ------------------------------------------------------------------------------- 315


@transaction.atomic
def vraag_toewijzing_aan(
    *,
    aanbieder,
    gemeente,
    client,
    wet: str,
    producten: list[AangevraagdProductInvoer],
    intakedatum: date | None = None,
    commentaar: str = "",
    grondslag: str = "",
    acting_user,
) -> Verzoek:
    """Send a 315 (WMO315/JW315) for ``client`` (the aanbieder's own record)."""
    _controleer_partijen(aanbieder, gemeente, client, wet, acting_user)
    if not producten:
        raise ValidationError("Vraag minstens één product aan.")
    vandaag = timezone.localdate()
    if intakedatum and intakedatum > vandaag:
        raise ValidationError("De intakedatum ligt in de toekomst.")
    for invoer in producten:
        controleer_product(invoer, wet=wet, gemeente=gemeente, aanbieder=aanbieder)
        _controleer_verwijzer(invoer, wet)
    _controleer_onderhanden(aanbieder, gemeente, client)
    _controleer_stapeling(
        [_periode(p, "dit verzoek") for p in producten],
        _bestaande_perioden(aanbieder, gemeente, client, wet),
    )

    verzoek = _nieuw_verzoek(
        aanbieder,
        gemeente,
        client,
        wet,
        soort=Soort.TOEWIJZING,
        commentaar=commentaar,
        grondslag=grondslag,
        intakedatum=intakedatum,
        bevindingen=_intake_bevindingen(intakedatum, vandaag, gemeente),
    )
    for invoer in producten:
        _bewaar_product(
            verzoek,
            soort=ProductSoort.AANGEVRAAGD,
            product=invoer.product,
            referentie_aanbieder=nieuwe_referentie(aanbieder),
            ingangsdatum=invoer.ingangsdatum,
            einddatum=invoer.einddatum,
            **_omvang(invoer),
            verwijzer_type=invoer.verwijzer_type,
            verwijzer_zorgverlenercode=invoer.verwijzer_zorgverlenercode,
            verwijzer_naam=invoer.verwijzer_naam,
            beschikkingnummer=invoer.beschikkingnummer,
            beschikking_ingangsdatum=invoer.beschikking_ingangsdatum,
            raamcontract=invoer.raamcontract,
            commentaar=invoer.commentaar,
        )
    return _verstuur(verzoek, bouw_315(verzoek), acting_user)


def _intake_bevindingen(intakedatum: date | None, vandaag: date, gemeente) -> list[str]:
    """A request later than 5 werkdagen after the intake is still sent (the standard does not
    forbid it); the finding shows it on the aanbieder's request page."""
    if intakedatum is None:
        return []
    uiterlijk = plus_werkdagen(intakedatum, INTAKE_WERKDAGEN, gemeente)
    if vandaag <= uiterlijk:
        return []
    return [
        f"Het verzoek is later verstuurd dan {INTAKE_WERKDAGEN} werkdagen na de intake van "
        f"{intakedatum:%d-%m-%Y} (uiterlijk {uiterlijk:%d-%m-%Y})."
    ]


def _controleer_verwijzer(invoer: AangevraagdProductInvoer, wet: str) -> None:
    naam = _productnaam(invoer.product)
    type_ = invoer.verwijzer_type
    if not type_:
        raise ValidationError(f"Product {naam}: geef aan wie de cliënt heeft verwezen.")
    if type_ not in VERWIJZERS[wet]:
        raise ValidationError(
            f"Product {naam}: verwijzer {type_} ({codes('COD327').get(type_, 'onbekend')}) "
            f"is bij de {Wet(wet).label} niet toegestaan voor een verzoek om toewijzing."
        )
    agb, verwijzer = invoer.verwijzer_zorgverlenercode.strip(), invoer.verwijzer_naam.strip()
    if type_ in VERWIJZERS_MET_AGB:
        if agb and verwijzer:
            raise ValidationError(
                f"Product {naam}: geef bij een verwijzer met AGB-code geen naam op (CD066)."
            )
        if not agb and not verwijzer:
            raise ValidationError(
                f"Product {naam}: geef de AGB-code of de naam van de verwijzer op (CD067)."
            )
        if agb and not (agb.isdigit() and len(agb) == 8):
            raise ValidationError(f"Product {naam}: de AGB-code van de verwijzer is 8 cijfers.")
    elif agb:
        raise ValidationError(
            f"Product {naam}: een AGB-code hoort alleen bij een huisarts, jeugdarts, "
            "gecertificeerde instelling of medisch specialist als verwijzer (CD068)."
        )
    if invoer.beschikkingnummer and not invoer.beschikking_ingangsdatum:
        raise ValidationError(
            f"Product {naam}: vul bij het beschikkingnummer ook de ingangsdatum van de "
            "beschikking in (CD043)."
        )
    if wet == Wet.WMO and (type_ != VERWIJZER_GEMEENTE or not invoer.beschikkingnummer):
        raise ValidationError(
            f"Product {naam}: een Wmo-verzoek om toewijzing kan alleen op een beschikking van "
            "de gemeente (verwijzer 01, open beschikking); vul het beschikkingnummer in."
        )


# ------------------------------------------------------------------------------- 317


def _controleer_opzet(reden_verzoek, ongewijzigd, te_wijzigen, nieuw) -> list[int]:
    """What a 317 must hold before any allocation is looked at; the allocations it names."""
    if reden_verzoek not in codes("WJ758"):
        raise ValidationError("Kies de reden van het verzoek (WJ758).")
    if not te_wijzigen and not nieuw:
        raise ValidationError(
            "Een verzoek om wijziging wijzigt minstens één toewijzing of vraagt een nieuw "
            "product aan."
        )
    if not ongewijzigd and not te_wijzigen:
        raise ValidationError(
            "Een verzoek om wijziging gaat over de lopende toewijzingen van de cliënt; vraag "
            "zonder lopende toewijzing een toewijzing aan (315) (TR352)."
        )
    vandaag = timezone.localdate()
    for invoer in nieuw:
        if invoer.ingangsdatum <= vandaag:
            raise ValidationError(
                f"Product {_productnaam(invoer.product)}: de gewenste ingangsdatum van een nieuw "
                "product ligt na vandaag (TR380)."
            )
    genoemd = [t.pk for t in ongewijzigd] + [w.toewijzing.pk for w in te_wijzigen]
    if len(set(genoemd)) != len(genoemd):
        raise ValidationError("Een toewijzing staat meer dan één keer in het verzoek.")
    return genoemd


@transaction.atomic
def vraag_wijziging_aan(
    *,
    aanbieder,
    gemeente,
    client,
    wet: str,
    reden_verzoek: str,
    ongewijzigd: list[AanbiederToewijzing],
    te_wijzigen: list[WijzigingInvoer],
    nieuw: list[NieuwProductInvoer],
    commentaar: str = "",
    grondslag: str = "",
    acting_user,
) -> Verzoek:
    """Send a 317 (WMO317/JW317) on the client's current allocations at ``gemeente``."""
    _controleer_partijen(aanbieder, gemeente, client, wet, acting_user)
    genoemd = _controleer_opzet(reden_verzoek, ongewijzigd, te_wijzigen, nieuw)
    vandaag = timezone.localdate()
    for toewijzing in [*ongewijzigd, *(w.toewijzing for w in te_wijzigen)]:
        _controleer_toewijzing(toewijzing, aanbieder, gemeente, client, wet)
    for wijziging in te_wijzigen:
        _controleer_wijziging(wijziging, vandaag)
    _controleer_volledig(aanbieder, gemeente, client, wet, genoemd)
    for invoer in nieuw:
        controleer_product(invoer, wet=wet, gemeente=gemeente, aanbieder=aanbieder)
    _controleer_onderhanden(aanbieder, gemeente, client)
    _controleer_stapeling(
        [_periode(p, "dit verzoek") for p in nieuw],
        _perioden_na_wijziging(aanbieder, gemeente, client, wet, te_wijzigen),
    )

    verzoek = _nieuw_verzoek(
        aanbieder,
        gemeente,
        client,
        wet,
        soort=Soort.WIJZIGING,
        commentaar=commentaar,
        grondslag=grondslag,
        reden_verzoek=reden_verzoek,
        referentie_aanbieder=nieuwe_referentie(aanbieder),
    )
    for toewijzing in ongewijzigd:
        _bewaar_product(verzoek, soort=ProductSoort.ONGEWIJZIGD, **_van_toewijzing(toewijzing))
    for wijziging in te_wijzigen:
        _bewaar_product(
            verzoek,
            soort=ProductSoort.TE_WIJZIGEN,
            **{
                **_van_toewijzing(wijziging.toewijzing),
                "ingangsdatum": wijziging.ingangsdatum,
                "einddatum": wijziging.einddatum,
                **_omvang(wijziging),
            },
        )
    for invoer in nieuw:
        _bewaar_product(
            verzoek,
            soort=ProductSoort.NIEUW,
            product=invoer.product,
            ingangsdatum=invoer.ingangsdatum,
            einddatum=invoer.einddatum,
            **_omvang(invoer),
        )
    return _verstuur(verzoek, bouw_317(verzoek), acting_user)


def _controleer_toewijzing(toewijzing, aanbieder, gemeente, client, wet) -> None:
    if (
        toewijzing.aanbieder_id != aanbieder.pk
        or toewijzing.gemeente_id != gemeente.pk
        or toewijzing.client.bsn != client.bsn
        or toewijzing.wet != wet
    ):
        raise ValidationError(
            f"Toewijzing {toewijzing.toewijzingnummer} hoort niet bij deze cliënt, gemeente en wet."
        )
    toewijzing.refresh_from_db(fields=["status"])  # the state now, not when the form was read
    if toewijzing.status != AanbiederStatus.ACTUEEL:
        raise ValidationError(
            f"Toewijzing {toewijzing.toewijzingnummer} is niet meer actueel; een verzoek om "
            "wijziging kan alleen over actuele toewijzingen gaan."
        )


def _controleer_volledig(aanbieder, gemeente, client, wet, genoemd: list[int]) -> None:
    """TR349: a 317 names every current allocation of the client, unchanged or changed."""
    ontbrekend = toewijzingen_queries.actueel_ontvangen(
        aanbieder.pk, gemeente.pk, bsn=client.bsn, wet=wet
    ).exclude(pk__in=genoemd)
    if ontbrekend:
        nummers = ", ".join(str(t.toewijzingnummer) for t in ontbrekend)
        raise ValidationError(
            f"Neem elke actuele toewijzing van de cliënt op in het verzoek, ongewijzigd of te "
            f"wijzigen; ontbreekt: {nummers} (TR349)."
        )


def _controleer_wijziging(wijziging: WijzigingInvoer, vandaag: date) -> None:
    t = wijziging.toewijzing
    nummer = t.toewijzingnummer
    if wijziging.einddatum is not None and wijziging.einddatum < wijziging.ingangsdatum:
        raise ValidationError(f"Toewijzing {nummer}: de einddatum ligt vóór de ingangsdatum.")
    nieuw = (
        wijziging.einddatum,
        wijziging.volume,
        wijziging.eenheid or "",
        wijziging.frequentie or "",
        wijziging.budget,
    )
    oud = (t.einddatum, t.volume, t.eenheid, t.frequentie, t.budget)
    if nieuw == oud:
        raise ValidationError(
            f"Toewijzing {nummer}: er verandert niets; zet deze bij de ongewijzigde producten."
        )
    if wijziging.ingangsdatum <= vandaag and wijziging.ingangsdatum != t.ingangsdatum:
        raise ValidationError(
            f"Toewijzing {nummer}: een gewenste ingangsdatum op of vóór vandaag is gelijk aan "
            f"de ingangsdatum van de toewijzing ({t.ingangsdatum:%d-%m-%Y}) (TR357)."
        )
    if wijziging.budget is not None and wijziging.volume is not None:
        raise ValidationError(f"Toewijzing {nummer}: een budget óf een omvang, niet allebei.")
    if wijziging.budget is None and t.productcode and wijziging.volume is None:
        raise ValidationError(f"Toewijzing {nummer}: geef het volume op (TR411).")
    if wijziging.budget is None and (
        fout := volumefout(
            wijziging.volume,
            wijziging.eenheid or t.eenheid,
            wijziging.frequentie or t.frequentie,
            ingangsdatum=wijziging.ingangsdatum,
            einddatum=wijziging.einddatum,
        )
    ):
        raise ValidationError(f"Toewijzing {nummer}: {fout}")


def _perioden_na_wijziging(
    aanbieder, gemeente, client, wet, te_wijzigen: list[WijzigingInvoer]
) -> list[_Periode]:
    """The client's periods as the 317 would leave them: changed allocations at their new
    period, for the stapeling check of the new products."""
    gewijzigd = {_bron(w.toewijzing) for w in te_wijzigen}
    return [
        p for p in _bestaande_perioden(aanbieder, gemeente, client, wet) if p.bron not in gewijzigd
    ] + [
        _Periode(
            w.toewijzing.productcategorie,
            w.toewijzing.productcode,
            w.ingangsdatum,
            w.einddatum,
            _bron(w.toewijzing),
        )
        for w in te_wijzigen
    ]


def _van_toewijzing(t: AanbiederToewijzing) -> dict:
    return dict(
        toewijzingnummer=t.toewijzingnummer,
        productcategorie=t.productcategorie,
        productcode=t.productcode,
        product=t.product,
        aanbieder_toewijzing=t,
        ingangsdatum=t.ingangsdatum,
        einddatum=t.einddatum,
        volume=t.volume,
        eenheid=t.eenheid,
        frequentie=t.frequentie,
        budget=t.budget,
    )


# ------------------------------------------------------------------------------- shared


def _controleer_partijen(aanbieder, gemeente, client, wet, acting_user) -> None:
    if getattr(acting_user, "organisatie_id", None) != aanbieder.pk:
        raise PermissionDenied("U kunt alleen namens uw eigen organisatie een verzoek versturen.")
    if wet not in Wet.values:
        raise ValidationError(f"Onbekende wet: {wet!r}.")
    if client.organisatie_id != aanbieder.pk:
        raise ValidationError("De cliënt hoort niet bij deze aanbieder.")


def _productnaam(product: Product) -> str:
    return f"{product.productcode or product.productcategorie} {product.naam}"


def _omvang(invoer) -> dict:
    if invoer.budget is not None:
        return dict(volume=None, eenheid="", frequentie="", budget=invoer.budget)
    product = getattr(invoer, "product", None)
    if invoer.volume is None:
        return dict(volume=None, eenheid="", frequentie="", budget=None)
    return dict(
        volume=invoer.volume,
        eenheid=invoer.eenheid or getattr(product, "eenheid", ""),
        frequentie=invoer.frequentie or getattr(product, "frequentie", ""),
        budget=None,
    )


def _controleer_onderhanden(aanbieder, gemeente, client) -> None:
    """TR374: no new request while one for this client is still being handled."""
    lopend = (
        Verzoek.objects.filter(
            organisatie_id=aanbieder.pk,
            kant=Kant.AANBIEDER,
            gemeente_id=gemeente.pk,
            client__bsn=client.bsn,
            status__in=ONDERHANDEN,
        )
        .order_by("dagtekening")
        .first()
    )
    if lopend is not None:
        raise ValidationError(
            f"Er loopt al een verzoek voor deze cliënt bij {gemeente} ({lopend}, "
            f"{lopend.get_status_display().lower()}); wacht op het antwoord voordat u een "
            "nieuw verzoek stuurt (TR374)."
        )


def _periode(invoer, bron: str) -> _Periode:
    """A budget goes without its productcode (as in the message), so it counts per category."""
    p = Productperiode.van(invoer.product, invoer.budget, invoer.ingangsdatum, invoer.einddatum)
    return _Periode(p.categorie, p.code, p.ingangsdatum, p.einddatum, bron)


def _bestaande_perioden(aanbieder, gemeente, client, wet) -> list[_Periode]:
    """Current allocations and still pending requested products of the client."""
    perioden = [
        _Periode(t.productcategorie, t.productcode, t.ingangsdatum, t.einddatum, _bron(t))
        for t in toewijzingen_queries.actueel_ontvangen(
            aanbieder.pk, gemeente.pk, bsn=client.bsn, wet=wet
        )
    ]
    open_producten = VerzoekProduct.objects.filter(
        Q(soort=ProductSoort.AANGEVRAAGD) | Q(soort=ProductSoort.NIEUW),
        verzoek__organisatie_id=aanbieder.pk,
        verzoek__kant=Kant.AANBIEDER,
        verzoek__gemeente_id=gemeente.pk,
        verzoek__client__bsn=client.bsn,
        status__in=ONDERHANDEN,
        verzoek__status__in=ONDERHANDEN,
    )
    perioden += [
        _Periode(
            p.productcategorie,
            p.productcode,
            p.ingangsdatum,
            p.einddatum,
            f"verzoek {p.referentie_aanbieder or p.verzoek}",
        )
        for p in open_producten
    ]
    return perioden


def _bron(t: AanbiederToewijzing) -> str:
    return f"toewijzing {t.toewijzingnummer}"


def _controleer_stapeling(gevraagd: list[_Periode], bestaand: list[_Periode]) -> None:
    """OP347/TR386: one product not twice for overlapping periods, in or with the request."""
    for i, p in enumerate(gevraagd):
        naam = f"{p.categorie}/{p.code}" if p.code else f"categorie {p.categorie}"
        for ander in bestaand:
            if p.stapelt_met(ander):
                raise ValidationError(
                    f"Product {naam} loopt al voor een overlappende periode ({ander.bron}); "
                    "hetzelfde product kan niet twee keer voor dezelfde periode worden "
                    "aangevraagd (stapeling, OP259). Vraag een wijziging aan."
                )
        for ander in gevraagd[:i]:
            if p.stapelt_met(ander):
                raise ValidationError(
                    f"Product {naam} staat twee keer in dit verzoek voor een overlappende "
                    "periode (TR386)."
                )


def _nieuw_verzoek(aanbieder, gemeente, client, wet, **velden) -> Verzoek:
    verzoek = Verzoek(
        organisatie=aanbieder,
        kant=Kant.AANBIEDER,
        gemeente=gemeente,
        aanbieder=aanbieder,
        client=client,
        wet=wet,
        dagtekening=timezone.localdate(),
        status=Status.OPEN,
        **velden,
    )
    verzoek.full_clean(exclude=["bericht"])
    verzoek.save()
    return verzoek


def _bewaar_product(verzoek: Verzoek, **velden) -> VerzoekProduct:
    product = velden.get("product")
    if product is not None:
        velden.setdefault("productcategorie", product.productcategorie)
        velden.setdefault("productcode", product.productcode)
    vp = VerzoekProduct(verzoek=verzoek, status=Status.OPEN, **velden)
    vp.full_clean()
    vp.save()
    return vp


def _verstuur(verzoek: Verzoek, data: bytes, acting_user) -> Verzoek:
    naam = berichtsoort(verzoek.standaard, verzoek.soort).naam
    bericht = verstuur(
        data,
        afzender=verzoek.aanbieder,
        ontvanger=verzoek.gemeente,
        acting_user=acting_user,
        naam=naam,
    )
    verzoek.bericht = bericht
    verzoek.save(update_fields=["bericht", "gewijzigd"])
    audit.log(
        acting_user,
        "verzoek.verzonden",
        verzoek,
        client_id=verzoek.client_id,
        omschrijving=f"{naam} {bericht.identificatie} aan {verzoek.gemeente}",
    )
    return verzoek
