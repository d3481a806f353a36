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
from wmoketen.gedeeld.werklijst import MAX_PER_BRON, Werkitem, Werkplek, bron, sleutel, werkplekken
from wmoketen.termijnen.constants import Regelcode
from wmoketen.termijnen.queries import eerste_lopende_per_onderwerp

from .models import AanbiederToewijzing, Signaal, Toewijzing
from .queries import eigen_toewijzingen, ontvangen_bij


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
    """In two queries: the allocations (the ``MAX_PER_BRON`` that may start first), then the
    running OP271 deadlines of them all."""
    rijen = list(
        AanbiederToewijzing.objects.filter(aanbieder_id=gebruiker.organisatie_id)
        .zonder_start()
        .select_related("client", "product", "gemeente")
        .order_by("ingangsdatum", "toewijzingnummer")[:MAX_PER_BRON]
    )
    termijnen = eerste_lopende_per_onderwerp(
        AanbiederToewijzing,
        [t.pk for t in rijen],
        gebruiker.organisatie,
        regelcode=Regelcode.START_ZORG,
    )
    for toewijzing in rijen:
        termijn = termijnen.get(toewijzing.pk)
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


# Where the work on a deadline is done: each for all the deadlines' subjects at once --------


def ontvangen_werkplek(ontvangen: AanbiederToewijzing) -> Werkplek:
    return Werkplek(
        _url("toewijzingen:ontvangen", ontvangen.pk),
        ontvangen.client.volledige_naam,
        frozenset({sleutel(ontvangen)}),
    )


def _is_aanbieder(gebruiker, aanbieder_id) -> bool:
    return gebruiker.organisatie_id == aanbieder_id and gebruiker.heeft_rol(Rol.AANBIEDER)


def _is_backoffice(gebruiker, gemeente_id) -> bool:
    return gebruiker.organisatie_id == gemeente_id and gebruiker.heeft_rol(Rol.BACKOFFICE)


def aanbieder_werkplek(gemeente_id, nummers, client, ontvangen: dict) -> Werkplek:
    """The received allocation with one of ``nummers`` (from ``ontvangen``, see
    ``queries.ontvangen_bij``), the earliest; else the list of received ones."""
    gevonden = [ontvangen[(gemeente_id, n)] for n in nummers if (gemeente_id, n) in ontvangen]
    if gevonden:
        return ontvangen_werkplek(min(gevonden, key=lambda t: (t.ingangsdatum, t.pk)))
    return Werkplek(reverse("toewijzingen:aanbieder"), client.volledige_naam, frozenset())


@werkplekken(Toewijzing, select_related=["client"])
def toewijzing_werkplekken(toewijzingen, gebruiker) -> dict:
    """start_ondersteuning: the gemeente's backoffice on its allocation; the aanbieder on the
    allocation it received (or its list while the 301 has not arrived)."""
    plekken = {}
    voor_aanbieder = [t for t in toewijzingen if _is_aanbieder(gebruiker, t.aanbieder_id)]
    ontvangen = ontvangen_bij(
        gebruiker.organisatie_id, [(t.gemeente_id, t.toewijzingnummer) for t in voor_aanbieder]
    )
    aanbieder_pks = {t.pk for t in voor_aanbieder}
    for toewijzing in toewijzingen:
        if _is_backoffice(gebruiker, toewijzing.gemeente_id):
            plekken[toewijzing.pk] = Werkplek(
                _url("toewijzingen:detail", toewijzing.pk),
                toewijzing.client.volledige_naam,
                frozenset({sleutel(toewijzing)}),
            )
        elif toewijzing.pk in aanbieder_pks:
            plekken[toewijzing.pk] = aanbieder_werkplek(
                toewijzing.gemeente_id, [toewijzing.toewijzingnummer], toewijzing.client, ontvangen
            )
    return plekken


@werkplekken(AanbiederToewijzing, select_related=["client"])
def ontvangen_toewijzing_werkplekken(ontvangen, gebruiker) -> dict:
    """start_zorg/stop_zorg: the aanbieder reports on its received allocation; the gemeente's
    backoffice follows it on its own allocation with that number."""
    eigen = eigen_toewijzingen(o for o in ontvangen if _is_backoffice(gebruiker, o.gemeente_id))
    plekken = {}
    for o in ontvangen:
        if _is_aanbieder(gebruiker, o.aanbieder_id):
            plekken[o.pk] = ontvangen_werkplek(o)
        elif (gevonden := eigen.get((o.gemeente_id, o.toewijzingnummer))) is not None:
            plekken[o.pk] = Werkplek(
                _url("toewijzingen:detail", gevonden.pk),
                gevonden.client.volledige_naam,
                frozenset({sleutel(gevonden), sleutel(o)}),
            )
    return plekken
