"""Worklist sources of the toegang route (see ``gedeeld.werklijst``), and where the work on
the deadlines of a melding, plan or beschikking is done (``werkplek``).

Each source reads its rows with their relations in one query and the running deadline of
every row in one more (``eerste_lopende_per_onderwerp``): no query per row."""

from django.urls import reverse

from wmoketen.accounts.constants import Rol
from wmoketen.gedeeld.werklijst import (
    MAX_PER_BRON,
    Rang,
    Werkitem,
    Werkplek,
    bron,
    sleutel,
    werkplek,
    werkplekken,
)
from wmoketen.termijnen.constants import Regelcode
from wmoketen.termijnen.queries import eerste_lopende_per_onderwerp
from wmoketen.toewijzingen import queries as toewijzingen
from wmoketen.toewijzingen.werklijst import aanbieder_werkplek

from . import queries
from .constants import PlanStatus
from .models import Beschikking, Melding, Ondersteuningsplan

GEMEENTE = (Rol.TOEGANGSMEDEWERKER, Rol.BACKOFFICE)


def _url(naam: str, pk: int) -> str:
    return reverse(naam, args=[pk])


def _item(soort, titel, url, termijn=None, toelichting="", **velden) -> Werkitem:
    return Werkitem(
        soort=soort,
        titel=titel,
        url=url,
        vervaldatum=termijn.vervaldatum if termijn else None,
        termijn_label=termijn.status_label if termijn else "",
        termijn_css=termijn.css_klasse if termijn else "",
        toelichting=toelichting,
        **velden,
    )


def _met_termijn(rijen, organisatie, code) -> list[tuple]:
    """The first ``MAX_PER_BRON`` rows of the queryset ``rijen`` (one query), each with its
    first running deadline of rule ``code`` (one more query for all of them)."""
    lijst = list(rijen[:MAX_PER_BRON])
    termijnen = eerste_lopende_per_onderwerp(
        rijen.model, [r.pk for r in lijst], organisatie, regelcode=code
    )
    return [(rij, termijnen.get(rij.pk)) for rij in lijst]


def _naam(client) -> str:
    return client.volledige_naam if hasattr(client, "volledige_naam") else str(client)


def _sleutels(melding, plan=None) -> frozenset[str]:
    """A case's keys: the melding, its plan and the plan's task (the order deel 2)."""
    plan = plan or queries.plan_van(melding)
    delen = [melding, plan, plan.taak if plan and plan.taak_id else None]
    return frozenset(sleutel(d) for d in delen if d is not None)


@bron("Caseload", Rol.TOEGANGSMEDEWERKER)
def caseload(gebruiker):
    """The consulent's open meldingen, with the 8-week term to the beschikking."""
    rijen = queries.caseload(gebruiker)
    for melding, termijn in _met_termijn(
        rijen, gebruiker.organisatie, Regelcode.MELDING_BESCHIKKING
    ):
        yield _item(
            "Caseload",
            f"{_naam(melding.client)}: {melding.get_status_display()}",
            _url("toegang:melding", melding.pk),
            termijn,
            f"{melding.get_wet_display()} · melding {melding.ontvangen_op:%d-%m-%Y}",
            client=_naam(melding.client),
            sleutels=_sleutels(melding),
            rang=Rang.OVERZICHT,
        )


@bron("Huisbezoeken te plannen", Rol.TOEGANGSMEDEWERKER)
def huisbezoeken(gebruiker):
    rijen = queries.huisbezoeken_te_plannen(gebruiker)
    for melding, termijn in _met_termijn(rijen, gebruiker.organisatie, Regelcode.HUISBEZOEK):
        yield _item(
            "Huisbezoeken te plannen",
            f"Huisbezoek plannen: {_naam(melding.client)}",
            _url("toegang:melding", melding.pk),
            termijn,
            client=_naam(melding.client),
            sleutels=frozenset({sleutel(melding)}),
        )


@bron("Plannen te beoordelen", Rol.TOEGANGSMEDEWERKER)
def plannen_te_beoordelen(gebruiker):
    """The akkoord is given on the melding's page (``toegang:plan`` only redirects there)."""
    for plan in queries.plannen_te_beoordelen(gebruiker):
        yield _item(
            "Plannen te beoordelen",
            f"Akkoord op plan: {_naam(plan.melding.client)}",
            _url("toegang:melding", plan.melding_id),
            toelichting=f"Deel 2 van {plan.aanbieder}",
            client=_naam(plan.melding.client),
            sleutels=_sleutels(plan.melding, plan),
        )


@bron("Aanvragen te beslissen", Rol.BACKOFFICE)
def aanvragen(gebruiker):
    rijen = queries.aanvragen_te_beslissen(gebruiker.organisatie)
    for plan, termijn in _met_termijn(rijen, gebruiker.organisatie, Regelcode.BESCHIKKING):
        yield _item(
            "Aanvragen te beslissen",
            f"Beschikking nemen: {_naam(plan.melding.client)}",
            _url("toegang:aanvraag", plan.pk),
            termijn,
            f"Aanvraag {plan.aanvraag_op:%d-%m-%Y} · {plan.aanbieder}",
            client=_naam(plan.melding.client),
            sleutels=_sleutels(plan.melding, plan),
        )


@bron("Afgekeurde toewijzingen", Rol.BACKOFFICE)
def afgekeurde_301(gebruiker):
    berichten = toewijzingen.afgekeurde_301(gebruiker.organisatie).select_related("ontvanger")
    velden = ("nummer", "standaard", "retourcodes", "ontvangen_op", "ontvanger")
    for bericht in berichten.only(*velden)[:MAX_PER_BRON]:  # not the body; the latest
        clienten = sorted({_naam(t.client) for t in bericht.toewijzingen.all()})
        yield _item(
            "Afgekeurde toewijzingen",
            f"{bericht.naam} afgekeurd door {bericht.ontvanger}",
            _url("berichten:detail", bericht.pk),
            toelichting=", ".join(bericht.retourcodes or []),
            client=", ".join(clienten),
            geen_client="Geen toewijzing bij dit bericht gevonden",
            sleutels=frozenset({sleutel(bericht)}),
        )


@bron("Opdrachten deel 2", Rol.AANBIEDER)
def opdrachten_deel_2(gebruiker):
    for plan in queries.opdrachten_deel_2(gebruiker.organisatie):
        taak = plan.taak if plan.taak_id else None
        yield _item(
            "Opdrachten deel 2",
            f"Ondersteuningsplan deel 2: {_naam(plan.melding.client)}",
            _url("toegang:plan", plan.pk),
            taak.termijn if taak else None,
            "Teruggestuurd: " + plan.teruggestuurd_reden if plan.teruggestuurd_reden else "",
            client=_naam(plan.melding.client),
            sleutels=_sleutels(plan.melding, plan),
            taakstatus=taak.get_status_display() if taak else "",
        )


# Where the work on a deadline is done ------------------------------------------------------


def _van_gemeente(gebruiker, gemeente_id) -> bool:
    return gebruiker.organisatie_id == gemeente_id and gebruiker.heeft_rol(*GEMEENTE)


@werkplek(Melding, select_related=["client", "plan__taak"])
def melding_werkplek(melding, gebruiker) -> Werkplek | None:
    """huisbezoek, onderzoek, melding_beschikking: the consulent's, on the melding's page."""
    if not _van_gemeente(gebruiker, melding.gemeente_id) or not gebruiker.heeft_rol(
        Rol.TOEGANGSMEDEWERKER
    ):
        return None
    return Werkplek(_url("toegang:melding", melding.pk), _naam(melding.client), _sleutels(melding))


@werkplek(Ondersteuningsplan, select_related=["melding__client", "taak"])
def plan_werkplek(plan, gebruiker) -> Werkplek | None:
    """beschikking (after the aanvraag): the backoffice decides on the aanvraag's page, the
    consulent follows it on the melding; the aanbieder works on its order."""
    melding = plan.melding
    gemeente = _van_gemeente(gebruiker, melding.gemeente_id)
    if gemeente and plan.status == PlanStatus.AKKOORD and gebruiker.heeft_rol(Rol.BACKOFFICE):
        url = _url("toegang:aanvraag", plan.pk)
    elif gemeente and gebruiker.heeft_rol(Rol.TOEGANGSMEDEWERKER):
        url = _url("toegang:melding", melding.pk)
    elif gebruiker.organisatie_id == plan.aanbieder_id and gebruiker.heeft_rol(Rol.AANBIEDER):
        url = _url("toegang:plan", plan.pk)
    else:
        return None
    return Werkplek(url, _naam(melding.client), _sleutels(melding, plan))


@werkplekken(Beschikking, select_related=["client"])
def beschikking_werkplekken(beschikkingen, gebruiker) -> dict:
    """start_ondersteuning: the gemeente on the beschikking; the aanbieder reports the start
    on the allocation it received under it (the allocations' numbers and the received ones
    read once for all beschikkingen)."""
    eigen = [b for b in beschikkingen if _van_gemeente(gebruiker, b.gemeente_id)]
    plekken = {
        b.pk: Werkplek(_url("toegang:beschikking", b.pk), _naam(b.client), frozenset({sleutel(b)}))
        for b in eigen
    }
    if not gebruiker.heeft_rol(Rol.AANBIEDER):
        return plekken
    voor_aanbieder = [b for b in beschikkingen if b.aanbieder_id == gebruiker.organisatie_id]
    nummers = toewijzingen.nummers_per_beschikking(voor_aanbieder)
    ontvangen = toewijzingen.ontvangen_bij(
        gebruiker.organisatie_id,
        [(g, n) for (g, _), lijst in nummers.items() for n in lijst],
    )
    for b in voor_aanbieder:
        if b.pk not in plekken:
            lijst = nummers.get((b.gemeente_id, b.nummer), [])
            plekken[b.pk] = aanbieder_werkplek(b.gemeente_id, lijst, b.client, ontvangen)
    return plekken
