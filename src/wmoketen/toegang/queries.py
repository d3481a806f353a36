"""Reads of the toegang route for views, worklists and other apps, always scoped.

The onderzoek and the beschikking are the gemeente's only: their querysets return nothing for
an aanbieder (``zichtbaar_voor``). The aanbieder sees the plan it has the order for, with the
client's consent.
"""

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from wmoketen.audit import services as audit
from wmoketen.organisaties.models import Aanbieder, Contractregel
from wmoketen.organisaties.queries import geldige_contractregels
from wmoketen.termijnen.constants import LOPEND
from wmoketen.termijnen.models import Termijn

from .constants import AFGEHANDELD, MeldingStatus, PlanStatus
from .models import Beschikking, Melding, Ondersteuningsplan, Onderzoek


def aanbieders_voor(gemeente, producten, *, op: date | None = None):
    """The provider choice: aanbieders with a valid contract for the gemeente (or its regio)
    holding a contract line for every one of ``producten``."""
    op = op or timezone.localdate()
    aanbieders = Aanbieder.objects.all()
    for product in producten:
        aanbieders = aanbieders.filter(
            pk__in=Contractregel.objects.filter(geldige_contractregels(gemeente, op))
            .filter(product_id=product.pk)
            .values("contract__aanbieder_id")
        )
    return aanbieders.order_by("naam")


def gecontracteerde_producten(gemeente, *, wet: str, op: date | None = None):
    """Products of ``wet`` that at least one aanbieder is contracted for (choice lists)."""
    from wmoketen.producten.models import Product

    op = op or timezone.localdate()
    return (
        Product.objects.filter(wet=wet)
        .filter(
            pk__in=Contractregel.objects.filter(geldige_contractregels(gemeente, op)).values(
                "product_id"
            )
        )
        .order_by("productcode")
    )


def meldingen_voor(organisatie):
    return Melding.objects.voor_organisatie(organisatie).select_related(
        "client", "consulent", "traject", "gemeente"
    )


def plannen_voor(organisatie):
    return Ondersteuningsplan.objects.voor_organisatie(organisatie).select_related(
        "melding__client", "melding__traject", "aanbieder", "taak__termijn"
    )


def beschikkingen_voor(organisatie):
    return Beschikking.objects.voor_organisatie(organisatie).select_related("client", "aanbieder")


def beschikking_van(plan: Ondersteuningsplan | None, organisatie) -> Beschikking | None:
    """The beschikking on ``plan`` (None without a plan or a beschikking)."""
    if plan is None:
        return None
    return beschikkingen_voor(organisatie).filter(plan_id=plan.pk).first()


def open_beschikking(gemeente, nummer: int | str | None) -> Beschikking | None:
    """The gemeente's open beschikking a WMO315 cites (BeschikkingNummer, an integer: the
    leading zero of the 9 digits is lost); None when there is none."""
    try:
        nummer = f"{int(nummer):09d}"
    except (TypeError, ValueError):
        return None
    return (
        Beschikking.objects.filter(gemeente_id=gemeente.pk, open=True, nummer=nummer)
        .select_related("client", "plan")
        .prefetch_related("producten__product")
        .first()
    )


def beschikkingen_met_nummer(gemeente_id: int, nummers):
    """The gemeente's beschikkingen with one of ``nummers`` (an allocation's
    beschikkingnummer)."""
    return Beschikking.objects.filter(gemeente_id=gemeente_id, nummer__in=nummers)


def traject_van_beschikking(nummer: str):
    """The traject of the melding that led to beschikking ``nummer`` (None without one)."""
    melding = (
        Melding.objects.filter(plan__beschikking__nummer=nummer, traject__isnull=False)
        .select_related("traject")
        .first()
    )
    return melding.traject if melding is not None else None


def lopende_beschikking(client, wet: str, op: date) -> Beschikking | None:
    """The client's beschikking under ``wet`` that runs on ``op``, the latest given first."""
    return (
        Beschikking.objects.filter(
            client_id=client.pk, wet=wet, ingangsdatum__lte=op, einddatum__gte=op
        )
        .order_by("-dagtekening", "-pk")
        .first()
    )


def niet_verlopen_beschikkingen(gemeente_id: int, client_id: int, *, op: date):
    """The client's beschikkingen at the gemeente that have not ended before ``op``, the
    latest starting first (a mutation's choice list)."""
    return Beschikking.objects.filter(
        gemeente_id=gemeente_id, client_id=client_id, einddatum__gte=op
    ).order_by("-ingangsdatum", "-pk")


def onderzoek_van(melding: Melding, organisatie) -> Onderzoek | None:
    """The onderzoek of a melding, only for its gemeente."""
    return (
        Onderzoek.objects.voor_organisatie(organisatie)
        .filter(melding_id=melding.pk)
        .prefetch_related("domeinscores")
        .first()
    )


def lees_melding(gebruiker, pk: int) -> Melding:
    """One melding of the user's gemeente (404 otherwise); logs the read."""
    melding = get_object_or_404(meldingen_voor(gebruiker.organisatie), pk=pk)
    audit.log(gebruiker, "melding.gelezen", melding, client_id=melding.client_id)
    return melding


def lees_plan(gebruiker, pk: int) -> Ondersteuningsplan:
    """One plan the user's organisation sees (404 otherwise); logs the read."""
    plan = get_object_or_404(
        plannen_voor(gebruiker.organisatie).prefetch_related("resultaatgebieden"), pk=pk
    )
    audit.log(gebruiker, "plan.gelezen", plan, client_id=plan.melding.client_id)
    return plan


def lees_beschikking(gebruiker, pk: int) -> Beschikking:
    """One beschikking of the user's gemeente (404 for everyone else); logs the read."""
    beschikking = get_object_or_404(
        beschikkingen_voor(gebruiker.organisatie).prefetch_related("producten__product"), pk=pk
    )
    audit.log(gebruiker, "beschikking.gelezen", beschikking, client_id=beschikking.client_id)
    return beschikking


# Worklists -----------------------------------------------------------------------------


def caseload(gebruiker):
    """The consulent's open meldingen: not yet decided, withdrawn or closed."""
    return (
        meldingen_voor(gebruiker.organisatie)
        .filter(consulent=gebruiker)
        .exclude(status__in=AFGEHANDELD)
        .select_related("plan__taak")
    )


def huisbezoeken_te_plannen(gebruiker):
    return (
        meldingen_voor(gebruiker.organisatie)
        .filter(status=MeldingStatus.ONTVANGEN)
        .filter(Q(consulent=gebruiker) | Q(consulent__isnull=True))
    )


def plannen_te_beoordelen(gebruiker):
    return (
        plannen_voor(gebruiker.organisatie)
        .filter(status=PlanStatus.DEEL_2_GEREED, melding__gemeente_id=gebruiker.organisatie_id)
        .filter(Q(melding__consulent=gebruiker) | Q(melding__consulent__isnull=True))
    )


def aanvragen_te_beslissen(organisatie):
    return plannen_voor(organisatie).filter(
        status=PlanStatus.AKKOORD, melding__gemeente_id=organisatie.pk
    )


def opdrachten_deel_2(organisatie):
    return plannen_voor(organisatie).filter(
        aanbieder_id=organisatie.pk,
        status__in=[PlanStatus.OPDRACHT_DEEL_2, PlanStatus.TERUGGESTUURD],
    )


# Deadlines of a case ---------------------------------------------------------------------


def termijnen_van(organisatie, *onderwerpen):
    """The deadlines on the case's objects (melding, plan, beschikking), by due date."""
    filter_ = None
    for onderwerp in onderwerpen:
        if onderwerp is None:
            continue
        ct = ContentType.objects.get_for_model(onderwerp)
        deel = Termijn.objects.filter(content_type=ct, object_id=onderwerp.pk)
        filter_ = deel if filter_ is None else filter_ | deel
    if filter_ is None:
        return []
    return list(
        Termijn.objects.voor_organisatie(organisatie)
        .filter(pk__in=filter_.values("pk"))
        .select_related("regel")
        .order_by("vervaldatum", "pk")
    )


def lopende_termijnen_per_melding(organisatie, meldingen) -> dict[int, list]:
    """Per melding pk: its running deadlines and those of its plan (one query)."""
    meldingen = list(meldingen)
    plannen = {m.plan.pk: m.pk for m in meldingen if plan_van(m)}
    ct_melding = ContentType.objects.get_for_model(type(meldingen[0])) if meldingen else None
    ct_plan = ContentType.objects.get_for_model(Ondersteuningsplan)
    per_melding: dict[int, list] = {m.pk: [] for m in meldingen}
    if not meldingen:
        return per_melding
    rijen = (
        Termijn.objects.voor_organisatie(organisatie)
        .filter(status__in=LOPEND)
        .filter(
            content_type__in=[ct_melding, ct_plan],
            object_id__in=[*per_melding, *plannen],
        )
        .order_by("vervaldatum", "pk")
    )
    for termijn in rijen:
        if termijn.content_type_id == ct_melding.pk and termijn.object_id in per_melding:
            per_melding[termijn.object_id].append(termijn)
        elif termijn.content_type_id == ct_plan.pk and termijn.object_id in plannen:
            per_melding[plannen[termijn.object_id]].append(termijn)
    for melding in meldingen:
        plan = plan_van(melding)
        taaktermijn = plan and plan.taak_id and plan.taak.termijn
        if taaktermijn and taaktermijn.is_lopend:
            per_melding[melding.pk].append(taaktermijn)
        per_melding[melding.pk].sort(key=lambda t: t.vervaldatum)
    return per_melding


def met_verlopen_termijn(organisatie, meldingen, *, op: date | None = None):
    """Those of ``meldingen`` with a running deadline past its due date (before ``op``,
    today): their own, their plan's or the plan's task's. In SQL, driven by the overdue
    deadlines (few, by the index on status and due date), not by the length of the list."""
    op = op or timezone.localdate()
    verlopen = (
        Termijn.objects.voor_organisatie(organisatie)
        .filter(status__in=LOPEND, vervaldatum__lt=op)
        .order_by()
    )
    eigen = verlopen.filter(content_type=ContentType.objects.get_for_model(Melding)).values(
        "object_id"
    )
    van_plan = Ondersteuningsplan.objects.filter(
        pk__in=verlopen.filter(
            content_type=ContentType.objects.get_for_model(Ondersteuningsplan)
        ).values("object_id")
    ).values("melding_id")
    van_taak = Ondersteuningsplan.objects.filter(
        taak__termijn__status__in=LOPEND, taak__termijn__vervaldatum__lt=op
    ).values("melding_id")
    return meldingen.filter(pk__in=eigen.union(van_plan, van_taak))


def plan_van(melding):
    try:
        return melding.plan
    except Ondersteuningsplan.DoesNotExist:
        return None


def lopende_termijn_per_plan(organisatie, plannen) -> dict:
    """Per plan pk: its running deadline (the backoffice's aanvragen list, one query)."""
    ct = ContentType.objects.get_for_model(Ondersteuningsplan)
    return {
        t.object_id: t
        for t in Termijn.objects.voor_organisatie(organisatie).filter(
            content_type=ct, object_id__in=[p.pk for p in plannen], status__in=LOPEND
        )
    }
