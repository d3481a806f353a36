"""Reads of allocations for other apps and the worklists: other apps read the models of
``toewijzingen`` only through these functions (querysets where callers chain)."""

from collections.abc import Iterable
from datetime import date

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from wmoketen.audit import services as audit
from wmoketen.berichten.constants import Status as BerichtStatus
from wmoketen.berichten.models import Bericht
from wmoketen.organisaties.dekking import Afnemer
from wmoketen.organisaties.perioden import periode, tekst

from .constants import LeveringStatus, Status
from .models import AanbiederToewijzing, Levering, Toewijzing


def eigen_voor(organisatie):
    """The gemeente's own allocations, with what the lists and pages show."""
    return (
        Toewijzing.objects.voor_organisatie(organisatie)
        .filter(gemeente_id=organisatie.pk)
        .select_related("client", "aanbieder", "product", "bericht")
        .prefetch_related(Prefetch("leveringen", queryset=Levering.objects.order_by("pk")))
    )


def ontvangen_voor(organisatie):
    """The allocations an aanbieder received, with what the lists and pages show."""
    return (
        AanbiederToewijzing.objects.voor_organisatie(organisatie)
        .distinct()
        .select_related("client", "gemeente", "product", "bericht")
        .prefetch_related("leveringen")
    )


# The lists (a page at a time) ----------------------------------------------------------------

# nog_niet_gestart / gestart / gepauzeerd / gestopt: the state of an allocation's latest
# delivery period that was not removed (none: not started).
TOESTANDEN = {
    "nog_niet_gestart": "Nog niet gestart",
    "gestart": "Gestart",
    "gepauzeerd": "Gepauzeerd",
    "gestopt": "Gestopt",
}


def _met_toestand(toewijzingen, kant: str, toestand: str):
    """Only the allocations in ``toestand`` (any other value: all), decided in SQL from the
    latest delivery period that was not removed; ``kant`` is Levering's field to them.

    Written as (NOT) EXISTS, so the database can join the delivery periods once (a count, a
    rare state) or probe them per allocation in the list's order (a page)."""
    if toestand not in TOESTANDEN:
        return toewijzingen
    geldig = Levering.objects.exclude(status=LeveringStatus.VERWIJDERD)
    if toestand == "nog_niet_gestart":
        return toewijzingen.filter(~Exists(geldig.filter(**{kant: OuterRef("pk")})))
    later = geldig.filter(**{kant: OuterRef(kant)}).filter(
        Q(begindatum__gt=OuterRef("begindatum"))
        | Q(begindatum=OuterRef("begindatum"), pk__gt=OuterRef("pk"))
    )
    laatste = Levering.objects.filter(**{kant: OuterRef("pk")}, status=toestand)
    return toewijzingen.filter(Exists(laatste.filter(~Exists(later))))


def eigen_lijst(organisatie, *, toestand: str = ""):
    """The gemeente's own allocations for its list, the latest first (a queryset to page):
    with client, aanbieder, product, the 301 and its retour (without the XML) and the
    delivery periods, whatever the page's length in a fixed number of queries."""
    toewijzingen = Toewijzing.objects.voor_organisatie(organisatie).filter(
        gemeente_id=organisatie.pk
    )
    return (
        _met_toestand(toewijzingen, "toewijzing", toestand)
        .select_related("client", "aanbieder", "product", "bericht__retour")
        .defer("bericht__inhoud", "bericht__retour__inhoud")
        .prefetch_related(Prefetch("leveringen", queryset=Levering.objects.order_by("pk")))
        .order_by("-toewijzingsdatum", "-pk")
    )


def afgekeurd_in(toewijzingen):
    """Those of a list's allocations whose 301 the aanbieder's side rejected."""
    return toewijzingen.filter(bericht__status=BerichtStatus.AFGEKEURD).prefetch_related(None)


def ontvangen_lijst(organisatie, *, toestand: str = ""):
    """The allocations an aanbieder received for its list (a queryset to page): current
    ones first, per client by name, with client, gemeente, product and the delivery periods."""
    toewijzingen = AanbiederToewijzing.objects.voor_organisatie(organisatie)
    return (
        _met_toestand(toewijzingen, "aanbieder_toewijzing", toestand)
        .select_related("client", "gemeente", "product")
        .prefetch_related(Prefetch("leveringen", queryset=Levering.objects.order_by("pk")))
        .order_by("status", "client__geslachtsnaam", "client_id", "toewijzingnummer", "pk")
    )


def lees_toewijzing(gebruiker, pk: int) -> Toewijzing:
    """One allocation of the user's gemeente (404 otherwise); logs the read."""
    toewijzing = get_object_or_404(eigen_voor(gebruiker.organisatie), pk=pk)
    audit.log(gebruiker, "toewijzing.gelezen", toewijzing, client_id=toewijzing.client_id)
    return toewijzing


def lees_ontvangen(gebruiker, pk: int) -> AanbiederToewijzing:
    """One allocation the user's aanbieder received (404 otherwise); logs the read."""
    toewijzing = get_object_or_404(ontvangen_voor(gebruiker.organisatie), pk=pk)
    audit.log(gebruiker, "toewijzing.gelezen", toewijzing, client_id=toewijzing.client_id)
    return toewijzing


def van_beschikking(gemeente_id: int, beschikkingnummer: str):
    """The gemeente's allocations under one beschikking, whatever their state."""
    return Toewijzing.objects.filter(gemeente_id=gemeente_id, beschikkingnummer=beschikkingnummer)


def ontvangen_bij(aanbieder_id: int, paren) -> dict[tuple[int, int], AanbiederToewijzing]:
    """The aanbieder's received allocations per (gemeente pk, toewijzingnummer) of
    ``paren``, the earliest of each (the XML is all that connects the two records)."""
    paren = set(paren)
    if not paren:
        return {}
    rijen = (
        AanbiederToewijzing.objects.filter(
            aanbieder_id=aanbieder_id,
            gemeente_id__in={gemeente_id for gemeente_id, _ in paren},
            toewijzingnummer__in={nummer for _, nummer in paren},
        )
        .select_related("client")
        .order_by("ingangsdatum", "pk")
    )
    gevonden: dict[tuple[int, int], AanbiederToewijzing] = {}
    for rij in rijen:
        if (rij.gemeente_id, rij.toewijzingnummer) in paren:
            gevonden.setdefault((rij.gemeente_id, rij.toewijzingnummer), rij)
    return gevonden


def nummers_per_beschikking(beschikkingen) -> dict[tuple[int, str], list[int]]:
    """Per (gemeente pk, beschikkingnummer): the numbers of the gemeente's allocations under
    it."""
    beschikkingen = list(beschikkingen)
    if not beschikkingen:
        return {}
    rijen = (
        Toewijzing.objects.filter(
            gemeente_id__in={b.gemeente_id for b in beschikkingen},
            beschikkingnummer__in={b.nummer for b in beschikkingen},
        )
        .order_by()
        .values_list("gemeente_id", "beschikkingnummer", "toewijzingnummer")
    )
    nummers: dict[tuple[int, str], list[int]] = {}
    for gemeente_id, beschikkingnummer, toewijzingnummer in rijen:
        nummers.setdefault((gemeente_id, beschikkingnummer), []).append(toewijzingnummer)
    return nummers


def eigen_toewijzing(
    gemeente_id: int,
    toewijzingnummer: int,
    *,
    aanbieder_id: int | None = None,
    bsn: str | None = None,
) -> Toewijzing | None:
    """The gemeente's allocation with this number (its record of what an aanbieder got);
    only at ``aanbieder_id`` and of the client with ``bsn`` when given."""
    toewijzingen = Toewijzing.objects.filter(
        gemeente_id=gemeente_id, toewijzingnummer=toewijzingnummer
    )
    if aanbieder_id is not None:
        toewijzingen = toewijzingen.filter(aanbieder_id=aanbieder_id)
    if bsn is not None:
        toewijzingen = toewijzingen.filter(client__bsn=bsn)
    return toewijzingen.select_related("client", "product").first()


# The gemeente's allocations --------------------------------------------------------------


def eigen_toewijzingen(ontvangen) -> dict[tuple[int, int], Toewijzing]:
    """The gemeente's allocation per (gemeente pk, toewijzingnummer) of ``ontvangen``
    (``eigen_toewijzing`` for many at once)."""
    paren = {(o.gemeente_id, o.toewijzingnummer) for o in ontvangen}
    if not paren:
        return {}
    rijen = Toewijzing.objects.filter(
        gemeente_id__in={gemeente_id for gemeente_id, _ in paren},
        toewijzingnummer__in={nummer for _, nummer in paren},
    ).select_related("client")
    eigen: dict[tuple[int, int], Toewijzing] = {}
    for rij in rijen:
        if (rij.gemeente_id, rij.toewijzingnummer) in paren:
            eigen.setdefault((rij.gemeente_id, rij.toewijzingnummer), rij)
    return eigen


def lopende_toewijzingen(
    gemeente_id: int,
    client_id: int,
    *,
    op: date | None = None,
    beschikkingnummer: str | None = None,
):
    """The gemeente's allocations of its client current on ``op`` (default today), at every
    aanbieder or only under one beschikking; with product and aanbieder, by number.

    ``client_id`` is the gemeente's own record: an allocation's client always is."""
    toewijzingen = Toewijzing.objects.actueel(op or timezone.localdate()).filter(
        gemeente_id=gemeente_id, client_id=client_id
    )
    if beschikkingnummer is not None:
        toewijzingen = toewijzingen.filter(beschikkingnummer=beschikkingnummer)
    return toewijzingen.select_related("product", "aanbieder").order_by("toewijzingnummer")


def lopend_voor_product(gemeente_ids: Iterable[int], aanbieder_id: int, product_id: int, op: date):
    """Allocations of one product at one aanbieder for any of the gemeenten, current on
    ``op`` (what a contract line has to cover); with gemeente and product."""
    return (
        Toewijzing.objects.actueel(op)
        .filter(gemeente_id__in=gemeente_ids, aanbieder_id=aanbieder_id, product_id=product_id)
        .select_related("gemeente", "product")
    )


def _noem(toewijzing: Toewijzing) -> str:
    duur = tekst(periode(toewijzing.ingangsdatum, toewijzing.einddatum))
    return f"{toewijzing.toewijzingnummer} ({toewijzing.gemeente}, {toewijzing.product}, {duur})"


# Contract lines cover running allocations (organisaties.dekking asks through this).
DEKKING = Afnemer(lopend=lopend_voor_product, noem=_noem)


def lopende_beschikkingnummers(gemeente_id: int, nummers: Iterable[str], op: date) -> set[str]:
    """Which of the beschikkingen (by number) still have an allocation current on ``op``."""
    return set(
        Toewijzing.objects.actueel(op)
        .filter(gemeente_id=gemeente_id, beschikkingnummer__in=list(nummers))
        .values_list("beschikkingnummer", flat=True)
    )


def actuele_pks(pks: Iterable[int], op: date) -> set[int]:
    """Which of the allocations (by pk) are current on ``op`` (one query)."""
    return set(Toewijzing.objects.filter(pk__in=list(pks)).actueel(op).values_list("pk", flat=True))


def is_actueel(toewijzing: Toewijzing, op: date) -> bool:
    """Whether the allocation, as stored, is current on ``op``."""
    return toewijzing.pk in actuele_pks([toewijzing.pk], op)


def per_nummer(
    gemeente_id: int,
    aanbieder_id: int,
    *,
    wet: str | None = None,
    nummers: Iterable[int] | None = None,
) -> dict[int, Toewijzing]:
    """The gemeente's allocations to one aanbieder by ToewijzingNummer (what a 317 names),
    with client and product; only of ``wet`` and with ``nummers`` when given."""
    toewijzingen = Toewijzing.objects.filter(gemeente_id=gemeente_id, aanbieder_id=aanbieder_id)
    if wet is not None:
        toewijzingen = toewijzingen.filter(wet=wet)
    if nummers is not None:
        toewijzingen = toewijzingen.filter(toewijzingnummer__in=list(nummers))
    return {t.toewijzingnummer: t for t in toewijzingen.select_related("client", "product")}


def gehouden_nummers(
    gemeente_id: int, aanbieder_id: int, *, wet: str, bsn: str, op: date
) -> set[int]:
    """The numbers of the client's allocations at the aanbieder current on ``op`` that the
    aanbieder holds: not refused in its 302 (OP286)."""
    return set(
        Toewijzing.objects.filter(
            gemeente_id=gemeente_id, aanbieder_id=aanbieder_id, wet=wet, client__bsn=bsn
        )
        .actueel(op)
        .exclude(status=Status.AFGEKEURD)
        .values_list("toewijzingnummer", flat=True)
    )


def ingetrokken_onder(
    gemeente_id: int, client_id: int, beschikkingnummer: str, *, laatste: date, redenen
) -> list[Toewijzing]:
    """The allocations of a beschikking withdrawn after ``laatste`` with one of ``redenen``
    (RedenWijziging): ended that day, or removed because they would only start later."""
    return list(
        Toewijzing.objects.filter(
            Q(einddatum=laatste) | Q(status=Status.VERWIJDERD, ingangsdatum__gt=laatste),
            gemeente_id=gemeente_id,
            client_id=client_id,
            beschikkingnummer=beschikkingnummer,
            reden_wijziging__in=list(redenen),
        )
    )


def vergrendel_eigen(pk: int) -> Toewijzing:
    """The gemeente's allocation locked until commit, with what a change of it needs."""
    return (
        Toewijzing.objects.select_for_update(of=("self",))
        .select_related("product", "gemeente", "aanbieder", "client")
        .get(pk=pk)
    )


def eigen_bij_ontvangen(
    ontvangen: AanbiederToewijzing, *, vergrendel: bool = False
) -> Toewijzing | None:
    """The gemeente's record of an allocation the aanbieder received (same gemeente,
    aanbieder and number; None: the gemeente does not work here), with product, gemeente,
    aanbieder and client; locked until commit with ``vergrendel``."""
    toewijzingen = Toewijzing.objects.all()
    if vergrendel:
        toewijzingen = toewijzingen.select_for_update(of=("self",))
    return (
        toewijzingen.select_related("product", "gemeente", "aanbieder", "client")
        .filter(
            gemeente_id=ontvangen.gemeente_id,
            aanbieder_id=ontvangen.aanbieder_id,
            toewijzingnummer=ontvangen.toewijzingnummer,
        )
        .first()
    )


# The aanbieder's received allocations ---------------------------------------------------


def actueel_ontvangen(aanbieder_id: int, gemeente_id: int, *, bsn: str, wet: str):
    """The client's (by BSN) current allocations the aanbieder received from the gemeente
    under ``wet``; with product and client, by number."""
    return (
        AanbiederToewijzing.objects.actueel()
        .filter(aanbieder_id=aanbieder_id, gemeente_id=gemeente_id, client__bsn=bsn, wet=wet)
        .select_related("product", "client")
        .order_by("toewijzingnummer")
    )


def referentie_ontvangen(
    aanbieder_id: int,
    gemeente_id: int,
    referentie: str,
    *,
    wet: str | None = None,
    toewijzingnummer: int | None = None,
) -> bool:
    """Whether the aanbieder received an allocation from the gemeente carrying this
    ReferentieAanbieder (of ``wet``, with ``toewijzingnummer`` when given)."""
    ontvangen = AanbiederToewijzing.objects.filter(
        aanbieder_id=aanbieder_id, gemeente_id=gemeente_id, referentie_aanbieder=referentie
    )
    if wet is not None:
        ontvangen = ontvangen.filter(wet=wet)
    if toewijzingnummer is not None:
        ontvangen = ontvangen.filter(toewijzingnummer=toewijzingnummer)
    return ontvangen.exists()


def vergrendel_ontvangen(pk: int) -> AanbiederToewijzing:
    """The aanbieder's received allocation locked until commit, with its parties."""
    return (
        AanbiederToewijzing.objects.select_for_update(of=("self",))
        .select_related("aanbieder", "gemeente", "client")
        .get(pk=pk)
    )


# Deliveries ------------------------------------------------------------------------------


def te_stoppen_levering(ontvangen: AanbiederToewijzing) -> Levering | None:
    """The delivery a stop applies to: running, or paused (a pause that becomes the end)."""
    return (
        ontvangen.leveringen.filter(status__in=[LeveringStatus.GESTART, LeveringStatus.GEPAUZEERD])
        .order_by("-begindatum")
        .first()
    )


def levering_van_stopbericht(bericht) -> Levering | None:
    """The delivery a 307 stopped, with its received allocation."""
    return (
        Levering.objects.filter(stopbericht=bericht).select_related("aanbieder_toewijzing").first()
    )


# For toegang's pages -----------------------------------------------------------------------


def onder_beschikking(organisatie, gemeente_id: int, beschikkingnummer: str):
    """The gemeente's allocations under one beschikking, as far as ``organisatie`` may see
    them, with their product and 301 (a beschikking's page and its case page)."""
    return (
        van_beschikking(gemeente_id, beschikkingnummer)
        .voor_organisatie(organisatie)
        .select_related("product", "bericht")
    )


def afgekeurde_301(organisatie):
    """The WMO301/JW301 messages the gemeente sent that the aanbieder's side rejected, the
    latest first, with the allocations' clients."""
    return (
        Bericht.objects.filter(
            afzender_id=organisatie.pk, nummer=301, status=BerichtStatus.AFGEKEURD
        )
        .prefetch_related("toewijzingen__client")
        .order_by("-ontvangen_op")
    )
