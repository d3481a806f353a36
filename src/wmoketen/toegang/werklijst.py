"""Worklist sources of the toegang route (see ``gedeeld.werklijst``), and where the work on
the deadlines of a melding, plan or beschikking is done (``werkplek``)."""

from django.urls import reverse

from wmoketen.accounts.constants import Rol
from wmoketen.gedeeld.werklijst import Rang, Werkitem, Werkplek, bron, sleutel, werkplek
from wmoketen.termijnen.constants import LOPEND, Regelcode
from wmoketen.termijnen.queries import termijnen_voor
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


def _termijn(onderwerp, organisatie, code):
    return (
        termijnen_voor(onderwerp, organisatie).filter(regel__code=code, status__in=LOPEND).first()
    )


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
    for melding in queries.caseload(gebruiker):
        yield _item(
            "Caseload",
            f"{_naam(melding.client)}: {melding.get_status_display()}",
            _url("toegang:melding", melding.pk),
            _termijn(melding, gebruiker.organisatie, Regelcode.MELDING_BESCHIKKING),
            f"{melding.get_wet_display()} · melding {melding.ontvangen_op:%d-%m-%Y}",
            client=_naam(melding.client),
            sleutels=_sleutels(melding),
            rang=Rang.OVERZICHT,
        )


@bron("Huisbezoeken te plannen", Rol.TOEGANGSMEDEWERKER)
def huisbezoeken(gebruiker):
    for melding in queries.huisbezoeken_te_plannen(gebruiker):
        yield _item(
            "Huisbezoeken te plannen",
            f"Huisbezoek plannen: {_naam(melding.client)}",
            _url("toegang:melding", melding.pk),
            _termijn(melding, gebruiker.organisatie, Regelcode.HUISBEZOEK),
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
    for plan in queries.aanvragen_te_beslissen(gebruiker.organisatie):
        yield _item(
            "Aanvragen te beslissen",
            f"Beschikking nemen: {_naam(plan.melding.client)}",
            _url("toegang:aanvraag", plan.pk),
            _termijn(plan, gebruiker.organisatie, Regelcode.BESCHIKKING),
            f"Aanvraag {plan.aanvraag_op:%d-%m-%Y} · {plan.aanbieder}",
            client=_naam(plan.melding.client),
            sleutels=_sleutels(plan.melding, plan),
        )


@bron("Afgekeurde toewijzingen", Rol.BACKOFFICE)
def afgekeurde_301(gebruiker):
    for bericht in toewijzingen.afgekeurde_301(gebruiker.organisatie):
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


@werkplek(Melding)
def melding_werkplek(melding, gebruiker) -> Werkplek | None:
    """huisbezoek, onderzoek, melding_beschikking: the consulent's, on the melding's page."""
    if not _van_gemeente(gebruiker, melding.gemeente_id) or not gebruiker.heeft_rol(
        Rol.TOEGANGSMEDEWERKER
    ):
        return None
    return Werkplek(_url("toegang:melding", melding.pk), _naam(melding.client), _sleutels(melding))


@werkplek(Ondersteuningsplan)
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


@werkplek(Beschikking)
def beschikking_werkplek(beschikking, gebruiker) -> Werkplek | None:
    """start_ondersteuning: the gemeente on the beschikking; the aanbieder reports the start
    on the allocation it received under it."""
    if _van_gemeente(gebruiker, beschikking.gemeente_id):
        return Werkplek(
            _url("toegang:beschikking", beschikking.pk),
            _naam(beschikking.client),
            frozenset({sleutel(beschikking)}),
        )
    if gebruiker.organisatie_id != beschikking.aanbieder_id or not gebruiker.heeft_rol(
        Rol.AANBIEDER
    ):
        return None
    nummers = toewijzingen.nummers_van_beschikking(beschikking.gemeente_id, beschikking.nummer)
    return aanbieder_werkplek(gebruiker, beschikking.gemeente_id, nummers, beschikking.client)
