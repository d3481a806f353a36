"""Worklist sources of the toegang route (see ``portaal.werklijst``)."""

from django.urls import NoReverseMatch, reverse

from wmoketen.accounts.constants import Rol
from wmoketen.portaal.werklijst import Werkitem, bron
from wmoketen.termijnen.constants import LOPEND, Regelcode
from wmoketen.termijnen.queries import termijnen_voor

from . import queries


def _url(naam: str, pk: int, terugval: str = "") -> str:
    try:
        return reverse(naam, args=[pk])
    except NoReverseMatch:
        return terugval


def _item(soort, titel, url, termijn=None, toelichting="") -> Werkitem:
    return Werkitem(
        soort=soort,
        titel=titel,
        url=url,
        vervaldatum=termijn.vervaldatum if termijn else None,
        termijn_label=termijn.status_label if termijn else "",
        termijn_css=termijn.css_klasse if termijn else "",
        toelichting=toelichting,
    )


def _termijn(onderwerp, organisatie, code):
    return (
        termijnen_voor(onderwerp, organisatie).filter(regel__code=code, status__in=LOPEND).first()
    )


def _naam(client) -> str:
    return client.volledige_naam if hasattr(client, "volledige_naam") else str(client)


@bron("Caseload", Rol.TOEGANGSMEDEWERKER)
def caseload(gebruiker):
    """The consulent's open meldingen, with the 8-week term to the beschikking."""
    for melding in queries.caseload(gebruiker):
        yield _item(
            "Caseload",
            f"{_naam(melding.client)}: {melding.get_status_display()}",
            _url("toegang:melding", melding.pk, melding.traject.get_absolute_url()),
            _termijn(melding, gebruiker.organisatie, Regelcode.MELDING_BESCHIKKING),
            f"{melding.get_wet_display()} · melding {melding.ontvangen_op:%d-%m-%Y}",
        )


@bron("Huisbezoeken te plannen", Rol.TOEGANGSMEDEWERKER)
def huisbezoeken(gebruiker):
    for melding in queries.huisbezoeken_te_plannen(gebruiker):
        yield _item(
            "Huisbezoeken te plannen",
            f"Huisbezoek plannen: {_naam(melding.client)}",
            _url("toegang:melding", melding.pk, melding.traject.get_absolute_url()),
            _termijn(melding, gebruiker.organisatie, Regelcode.HUISBEZOEK),
        )


@bron("Plannen te beoordelen", Rol.TOEGANGSMEDEWERKER)
def plannen_te_beoordelen(gebruiker):
    for plan in queries.plannen_te_beoordelen(gebruiker):
        yield _item(
            "Plannen te beoordelen",
            f"Akkoord op plan: {_naam(plan.melding.client)}",
            _url("toegang:plan", plan.pk, plan.melding.traject.get_absolute_url()),
            toelichting=f"Deel 2 van {plan.aanbieder}",
        )


@bron("Aanvragen te beslissen", Rol.BACKOFFICE)
def aanvragen(gebruiker):
    for plan in queries.aanvragen_te_beslissen(gebruiker.organisatie):
        yield _item(
            "Aanvragen te beslissen",
            f"Beschikking nemen: {_naam(plan.melding.client)}",
            _url("toegang:aanvraag", plan.pk, plan.melding.traject.get_absolute_url()),
            _termijn(plan, gebruiker.organisatie, Regelcode.BESCHIKKING),
            f"Aanvraag {plan.aanvraag_op:%d-%m-%Y} · {plan.aanbieder}",
        )


@bron("Afgekeurde toewijzingen", Rol.BACKOFFICE)
def afgekeurde_301(gebruiker):
    for bericht in queries.afgekeurde_301(gebruiker.organisatie):
        yield _item(
            "Afgekeurde toewijzingen",
            f"{bericht.naam} afgekeurd door {bericht.ontvanger}",
            _url("berichten:detail", bericht.pk),
            toelichting=", ".join(bericht.retourcodes or []),
        )


@bron("Opdrachten deel 2", Rol.AANBIEDER)
def opdrachten_deel_2(gebruiker):
    for plan in queries.opdrachten_deel_2(gebruiker.organisatie):
        termijn = plan.taak.termijn if plan.taak_id else None
        yield _item(
            "Opdrachten deel 2",
            f"Ondersteuningsplan deel 2: {_naam(plan.melding.client)}",
            _url("toegang:plan", plan.pk, plan.melding.traject.get_absolute_url()),
            termijn,
            "Teruggestuurd: " + plan.teruggestuurd_reden if plan.teruggestuurd_reden else "",
        )
