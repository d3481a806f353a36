"""Worklist sources of the toewijzingen app (see ``gedeeld.werklijst``).

* "Signalen" (backoffice): open ``Signaal`` rows of the gemeente: what the standard does not
  let us refuse but is odd (a start outside the allocation period, …).
* "Nog te starten" (aanbieder): its current allocations without a start (305), with the
  OP271 deadline when one runs.

Deadlines on allocations link to the backoffice's allocation page for the gemeente and to the
received allocation for the aanbieder (``werkplek``); the consulent has no work there.
"""

from django.urls import reverse

from wmoketen.accounts.constants import Rol
from wmoketen.gedeeld.werklijst import Werkitem, Werkplek, bron, sleutel, werkplek
from wmoketen.termijnen.constants import LOPEND, Regelcode
from wmoketen.termijnen.queries import termijnen_voor

from . import queries
from .models import AanbiederToewijzing, Signaal, Toewijzing


def _url(naam: str, pk: int) -> str:
    return reverse(naam, args=[pk])


@bron("Signalen", Rol.BACKOFFICE)
def signalen(gebruiker):
    """Open signals of the user's organisation: the gemeente's (on its ``Toewijzing``) and, for
    an aanbieder's backoffice, its own (on its ``AanbiederToewijzing``)."""
    rijen = (
        Signaal.objects.filter(organisatie_id=gebruiker.organisatie_id, afgehandeld_op__isnull=True)
        .select_related("toewijzing__client", "aanbieder_toewijzing__client")
        .order_by("aangemaakt", "pk")
    )
    for signaal in rijen:
        if signaal.toewijzing_id:
            client = signaal.toewijzing.client
            url = _url("toewijzingen:detail", signaal.toewijzing_id)
        elif signaal.aanbieder_toewijzing_id:
            client = signaal.aanbieder_toewijzing.client
            url = _url("toewijzingen:ontvangen", signaal.aanbieder_toewijzing_id)
        else:
            client, url = None, reverse("berichten:lijst")
        yield Werkitem(
            soort="Signalen",
            titel=f"{signaal.soort}: {client.volledige_naam if client else signaal.tekst[:60]}",
            url=url,
            toelichting=signaal.tekst,
            client=client.volledige_naam if client else "",
            geen_client="" if client else "Signaal zonder toewijzing",
        )


@bron("Nog te starten", Rol.AANBIEDER)
def nog_te_starten(gebruiker):
    rijen = (
        AanbiederToewijzing.objects.filter(aanbieder_id=gebruiker.organisatie_id)
        .zonder_start()
        .select_related("client", "product", "gemeente")
        .order_by("ingangsdatum", "toewijzingnummer")
    )
    for toewijzing in rijen:
        termijn = (
            termijnen_voor(toewijzing, gebruiker.organisatie)
            .filter(regel__code=Regelcode.START_ZORG, status__in=LOPEND)
            .first()
        )
        yield Werkitem(
            soort="Nog te starten",
            titel=f"Start melden: {toewijzing.client.volledige_naam} · {toewijzing}",
            url=_url("toewijzingen:ontvangen", toewijzing.pk),
            vervaldatum=termijn.vervaldatum if termijn else None,
            termijn_label=termijn.status_label if termijn else "",
            termijn_css=termijn.css_klasse if termijn else "",
            toelichting=(
                f"{toewijzing.gemeente} · toegewezen vanaf {toewijzing.ingangsdatum:%d-%m-%Y}"
            ),
            client=toewijzing.client.volledige_naam,
            sleutels=frozenset({sleutel(toewijzing)}),
        )


def ontvangen_werkplek(ontvangen: AanbiederToewijzing) -> Werkplek:
    return Werkplek(
        _url("toewijzingen:ontvangen", ontvangen.pk),
        ontvangen.client.volledige_naam,
        frozenset({sleutel(ontvangen)}),
    )


@werkplek(Toewijzing)
def toewijzing_werkplek(toewijzing, gebruiker) -> Werkplek | None:
    """start_ondersteuning: the gemeente's backoffice on its allocation; the aanbieder on the
    allocation it received (or its list while the 301 has not arrived)."""
    organisatie_id = gebruiker.organisatie_id
    if organisatie_id == toewijzing.gemeente_id and gebruiker.heeft_rol(Rol.BACKOFFICE):
        return Werkplek(
            _url("toewijzingen:detail", toewijzing.pk),
            toewijzing.client.volledige_naam,
            frozenset({sleutel(toewijzing)}),
        )
    if organisatie_id != toewijzing.aanbieder_id or not gebruiker.heeft_rol(Rol.AANBIEDER):
        return None
    return aanbieder_werkplek(
        gebruiker, toewijzing.gemeente_id, [toewijzing.toewijzingnummer], toewijzing.client
    )


def aanbieder_werkplek(gebruiker, gemeente_id, nummers, client) -> Werkplek:
    """The received allocation with one of ``nummers``, else the list of received ones."""
    ontvangen = queries.ontvangen_bij(gebruiker.organisatie_id, gemeente_id, nummers)
    if ontvangen is not None:
        return ontvangen_werkplek(ontvangen)
    return Werkplek(reverse("toewijzingen:aanbieder"), client.volledige_naam, frozenset())


@werkplek(AanbiederToewijzing)
def ontvangen_toewijzing_werkplek(ontvangen, gebruiker) -> Werkplek | None:
    """start_zorg/stop_zorg: the aanbieder reports on its received allocation; the gemeente's
    backoffice follows it on its own allocation with that number."""
    if gebruiker.organisatie_id == ontvangen.aanbieder_id and gebruiker.heeft_rol(Rol.AANBIEDER):
        return ontvangen_werkplek(ontvangen)
    if gebruiker.organisatie_id != ontvangen.gemeente_id or not gebruiker.heeft_rol(Rol.BACKOFFICE):
        return None
    eigen = queries.eigen_toewijzing(ontvangen.gemeente_id, ontvangen.toewijzingnummer)
    if eigen is None:
        return None
    return Werkplek(
        _url("toewijzingen:detail", eigen.pk),
        eigen.client.volledige_naam,
        frozenset({sleutel(eigen), sleutel(ontvangen)}),
    )
