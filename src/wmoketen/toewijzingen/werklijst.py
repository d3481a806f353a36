"""Worklist sources of the toewijzingen app (see ``portaal.werklijst``).

* "Signalen" (backoffice): open ``Signaal`` rows of the gemeente: what the standard does not
  let us refuse but is odd (a start outside the allocation period, …).
* "Nog te starten" (aanbieder): its current allocations without a start (305), with the
  OP271 deadline when one runs.
"""

from django.urls import NoReverseMatch, reverse

from wmoketen.accounts.constants import Rol
from wmoketen.portaal.werklijst import Werkitem, bron
from wmoketen.termijnen.constants import LOPEND
from wmoketen.termijnen.queries import termijnen_voor

from .models import AanbiederToewijzing, Signaal


def _url(naam: str, pk: int) -> str:
    try:
        return reverse(naam, args=[pk])
    except NoReverseMatch:
        return ""


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
            client, url = None, ""
        yield Werkitem(
            soort="Signalen",
            titel=f"{signaal.soort}: {client.volledige_naam if client else signaal.tekst[:60]}",
            url=url,
            toelichting=signaal.tekst,
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
            .filter(regel__code="start_zorg", status__in=LOPEND)
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
        )
