"""Reads of declarations for the pages and the worklists.

Every list is a queryset cut into pages in SQL (``gedeeld.paginering.pagineer``) with what its
rows show in the same query (``select_related``, totals as annotations), so the number of
queries does not grow with the number of rows. The pages of one declaration show a page of
its prestaties and read the declaration's totals in one aggregate query.
"""

from django.db.models import (
    BigIntegerField,
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from wmoketen.audit import services as audit
from wmoketen.organisaties.models import Aanbieder, Contract, Gemeente

from .constants import BeoordelingStatus, DeclaratieStatus, Oordeel
from .models import DebetCredit, Declaratie, OntvangenDeclaratie, OntvangenPrestatie, Prestatie

# The filters of the gemeente's list: the worklist "te beantwoorden" first (the default).
TE_BEANTWOORDEN = (BeoordelingStatus.TE_BEOORDELEN, BeoordelingStatus.AANGEHOUDEN)
ONTVANGEN_FILTERS = {
    "": "Te beantwoorden",
    BeoordelingStatus.TE_BEOORDELEN.value: BeoordelingStatus.TE_BEOORDELEN.label,
    BeoordelingStatus.AANGEHOUDEN.value: BeoordelingStatus.AANGEHOUDEN.label,
    BeoordelingStatus.BEANTWOORD.value: BeoordelingStatus.BEANTWOORD.label,
    "alle": "Alle",
}
DECLARATIE_FILTERS = {"": "Alle", **dict(DeclaratieStatus.choices)}


def _getekend(pad: str = ""):
    """The signed amount (cent) of a prestatie, ``pad`` the way to it: credit negative."""
    bedrag = ExpressionWrapper(
        F(f"{pad}geleverd_volume") * F(f"{pad}tarief"), output_field=BigIntegerField()
    )
    return Case(
        When(**{f"{pad}debet_credit": DebetCredit.CREDIT}, then=-bedrag),
        default=bedrag,
        output_field=BigIntegerField(),
    )


def _met_totalen(declaraties):
    """Each declaration with ``ingediend`` (signed cent), ``aantal`` and ``afgewezen``
    prestaties, in the same query (one join)."""
    return declaraties.annotate(
        ingediend=Coalesce(
            Sum(_getekend("prestaties__")), Value(0), output_field=BigIntegerField()
        ),
        aantal=Count("prestaties"),
        afgewezen=Count("prestaties", filter=Q(prestaties__oordeel=Oordeel.AFGEWEZEN)),
    )


# The aanbieder -------------------------------------------------------------------------------


def eigen_declaraties(organisatie):
    """The aanbieder's own declarations (for a page: scoped, with the gemeente)."""
    return (
        Declaratie.objects.voor_organisatie(organisatie)
        .filter(aanbieder_id=organisatie.pk)
        .select_related("gemeente", "bericht", "antwoord")
        .defer("bericht__inhoud", "antwoord__inhoud")
    )


def declaratie_lijst(organisatie, *, status: str = ""):
    """The aanbieder's declarations for its list, the latest month first, with totals."""
    declaraties = eigen_declaraties(organisatie)
    if status in DeclaratieStatus.values:
        declaraties = declaraties.filter(status=status)
    return _met_totalen(declaraties).order_by("-periode_begin", "-pk")


def lees_declaratie(gebruiker, pk: int) -> Declaratie:
    """One declaration of the user's aanbieder (404 otherwise); the read is logged with the
    prestaties shown (``log_prestaties``)."""
    return get_object_or_404(eigen_declaraties(gebruiker.organisatie), pk=pk)


def eigen_prestatie(gebruiker, pk: int) -> Prestatie:
    """One prestatie of the user's aanbieder (404 otherwise), with its declaration."""
    return get_object_or_404(
        Prestatie.objects.voor_organisatie(gebruiker.organisatie)
        .filter(declaratie__aanbieder_id=gebruiker.organisatie_id)
        .select_related("declaratie", "toewijzing"),
        pk=pk,
    )


def prestaties_van(declaratie, *, oordeel: str = ""):
    """The declaration's prestaties for its page (a queryset to page), with client and
    product; only those with ``oordeel`` when given."""
    prestaties = declaratie.prestaties.select_related(
        "toewijzing__client", "toewijzing__product"
    ).order_by("toewijzing__client__geslachtsnaam", "toewijzing__client_id", "periode_begin", "pk")
    if oordeel in Oordeel.values:
        prestaties = prestaties.filter(oordeel=oordeel)
    return prestaties


def totalen(declaratie) -> dict:
    """ingediend (signed cent), aantal and afgewezen prestaties of one declaration."""
    return declaratie.prestaties.aggregate(
        ingediend=Coalesce(Sum(_getekend()), Value(0), output_field=BigIntegerField()),
        aantal=Count("pk"),
        afgewezen=Count("pk", filter=Q(oordeel=Oordeel.AFGEWEZEN)),
    )


def opnieuw_gedeclareerd():
    """Whether a later prestatie declares the same allocation and product period again
    (an ``Exists`` on a prestatie's outer row)."""
    return Exists(
        Prestatie.objects.filter(
            toewijzing_id=OuterRef("toewijzing_id"),
            periode_begin=OuterRef("periode_begin"),
            pk__gt=OuterRef("pk"),
        )
    )


def afgewezen_prestaties(organisatie):
    """The aanbieder's rejected prestaties, the latest declaration first, with declaration,
    gemeente, client and product, and ``opnieuw``: declared again since (a queryset to page)."""
    return (
        Prestatie.objects.voor_organisatie(organisatie)
        .filter(declaratie__aanbieder_id=organisatie.pk, oordeel=Oordeel.AFGEWEZEN)
        .annotate(opnieuw=opnieuw_gedeclareerd())
        .select_related("declaratie__gemeente", "toewijzing__client", "toewijzing__product")
        .order_by("-declaratie__periode_begin", "-declaratie_id", "pk")
    )


def met_open_afwijzingen(aanbieder_id: int):
    """The aanbieder's answered declarations with rejected prestaties not declared again,
    the latest answer first, with ``open_afgewezen`` (their number) and the gemeente."""
    open_afgewezen = Prestatie.objects.filter(oordeel=Oordeel.AFGEWEZEN).filter(
        ~opnieuw_gedeclareerd()
    )
    return (
        Declaratie.objects.filter(aanbieder_id=aanbieder_id, status=DeclaratieStatus.BEANTWOORD)
        .annotate(
            open_afgewezen=Count("prestaties", filter=Q(prestaties__in=open_afgewezen.values("pk")))
        )
        .filter(open_afgewezen__gt=0)
        .select_related("gemeente")
        .order_by("-periode_begin", "-pk")
    )


def gemeenten_voor(aanbieder):
    """The gemeenten the aanbieder may declare to: those of its contracts (a regio's
    gemeenten included) and those that allocated to it."""
    contracten = Contract.objects.voor_organisatie(aanbieder).values("pk")
    return (
        Gemeente.objects.filter(
            Q(contracten__in=contracten)
            | Q(regios__contracten__in=contracten)
            | Q(
                pk__in=Aanbieder.objects.filter(pk=aanbieder.pk).values(
                    "ontvangen_toewijzingen__gemeente"
                )
            )
        )
        .distinct()
        .order_by("naam")
    )


# The gemeente --------------------------------------------------------------------------------


def ontvangen_declaraties(organisatie):
    """The declarations the gemeente received (scoped), with aanbieder and deadline."""
    return (
        OntvangenDeclaratie.objects.voor_organisatie(organisatie)
        .filter(gemeente_id=organisatie.pk)
        .select_related("aanbieder", "termijn", "bericht", "antwoord", "aangehouden_door")
        .defer("bericht__inhoud", "antwoord__inhoud")
    )


def ontvangen_lijst(organisatie, *, keuze: str = ""):
    """The gemeente's list: by default the declarations to answer, the nearest deadline
    first; a status or "alle" for the others, the latest first. With the number of
    prestaties and of rejected ones."""
    declaraties = ontvangen_declaraties(organisatie)
    if keuze == "alle":
        volgorde = ("-ontvangen_op", "-pk")
    elif keuze in BeoordelingStatus.values:
        declaraties = declaraties.filter(status=keuze)
        volgorde = ("-ontvangen_op", "-pk")
    else:
        declaraties = declaraties.filter(status__in=TE_BEANTWOORDEN)
        volgorde = (F("termijn__vervaldatum").asc(nulls_last=True), "ontvangen_op", "pk")
    return declaraties.annotate(
        aantal=Count("prestaties"),
        afgewezen=Count("prestaties", filter=Q(prestaties__oordeel=Oordeel.AFGEWEZEN)),
    ).order_by(*volgorde)


def lees_ontvangen(gebruiker, pk: int) -> OntvangenDeclaratie:
    """One declaration the user's gemeente received (404 otherwise)."""
    return get_object_or_404(ontvangen_declaraties(gebruiker.organisatie), pk=pk)


def ontvangen_prestatie(gebruiker, pk: int) -> OntvangenPrestatie:
    """One prestatie of a declaration the user's gemeente received (404 otherwise)."""
    return get_object_or_404(
        OntvangenPrestatie.objects.voor_organisatie(gebruiker.organisatie)
        .filter(declaratie__gemeente_id=gebruiker.organisatie_id)
        .select_related("declaratie"),
        pk=pk,
    )


def ontvangen_prestaties_van(declaratie, *, oordeel: str = ""):
    """A received declaration's prestaties for its page (a queryset to page), credits
    first as they are processed (OP366), per client."""
    prestaties = declaratie.prestaties.select_related(
        "client", "afgewezen_door", "toewijzing__product"
    ).order_by("-debet_credit", "bsn", "periode_begin", "pk")
    if oordeel in Oordeel.values:
        prestaties = prestaties.filter(oordeel=oordeel)
    return prestaties


def ontvangen_totalen(declaratie) -> dict:
    """aantal and afgewezen prestaties of one received declaration, and the sum of the
    rejected ones (signed cent)."""
    afgewezen = Q(oordeel=Oordeel.AFGEWEZEN)
    getekend = Case(
        When(debet_credit=DebetCredit.CREDIT, then=-F("bedrag")),
        default=F("bedrag"),
        output_field=BigIntegerField(),
    )
    return declaratie.prestaties.aggregate(
        aantal=Count("pk"),
        afgewezen=Count("pk", filter=afgewezen),
        afgewezen_bedrag=Coalesce(
            Sum(getekend, filter=afgewezen), Value(0), output_field=BigIntegerField()
        ),
    )


def ontvangen_afgewezen(organisatie):
    """The rejected prestaties of the declarations the gemeente received, the latest
    first, with declaration, aanbieder and client (a queryset to page)."""
    return (
        OntvangenPrestatie.objects.voor_organisatie(organisatie)
        .filter(declaratie__gemeente_id=organisatie.pk, oordeel=Oordeel.AFGEWEZEN)
        .select_related("declaratie__aanbieder", "client", "afgewezen_door")
        .order_by("-declaratie__ontvangen_op", "-declaratie_id", "pk")
    )


def te_beantwoorden(gemeente_id: int):
    """The gemeente's declarations still to answer, the nearest deadline first, with
    aanbieder and deadline (the worklist)."""
    return (
        OntvangenDeclaratie.objects.filter(gemeente_id=gemeente_id, status__in=TE_BEANTWOORDEN)
        .select_related("aanbieder", "termijn__regel")
        .order_by(F("termijn__vervaldatum").asc(nulls_last=True), "ontvangen_op", "pk")
    )


# The audit trail -----------------------------------------------------------------------------


def log_gelezen(gebruiker, declaratie, client_ids) -> None:
    """A page of a declaration was read: one audit row per client it showed."""
    audit.log_clienten(
        gebruiker,
        "declaratie.gelezen",
        declaratie,
        sorted({pk for pk in client_ids if pk is not None}),
        omschrijving=f"Declaratie {declaratie.declaratienummer}",
    )


def log_lijst(gebruiker, client_ids) -> None:
    """A page of rejected prestaties was read: one audit row per client it showed."""
    audit.log_clienten(
        gebruiker,
        "declaraties.afgewezen_gelezen",
        gebruiker.organisatie,
        sorted({pk for pk in client_ids if pk is not None}),
        omschrijving="Afgewezen prestaties",
    )


def goedgekeurde_prestaties(gemeente_id: int):
    """The gemeente's approved prestaties of the declarations it answered (325 sent), with
    the declaration, its 325 (without its content) and the aanbieder: what it must pay
    (``betalingen`` keeps those not paid yet). A prestatie of € 0,00 is nothing to pay and
    left out."""
    return (
        OntvangenPrestatie.objects.filter(
            declaratie__gemeente_id=gemeente_id,
            declaratie__status=BeoordelingStatus.BEANTWOORD,
            declaratie__antwoord__isnull=False,
            oordeel=Oordeel.GOEDGEKEURD,
        )
        .exclude(bedrag=0)
        .select_related("declaratie__antwoord", "declaratie__aanbieder")
        .defer("declaratie__antwoord__inhoud")
        .order_by("declaratie_id", "pk")
    )
