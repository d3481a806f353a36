"""start_ondersteuning has one owner (``toewijzingen.start_ondersteuning``): the first 301
opens it on what the sender names, shared by the allocations of that beschikking, or else on
the allocation itself; the first 305 closes the one that watches the allocation."""

from wmoketen.accounts.constants import Rol
from wmoketen.factories import ClientFactory, ContactFactory, GebruikerFactory
from wmoketen.termijnen.models import Termijn
from wmoketen.testdatum import dag
from wmoketen.toewijzingen.models import AanbiederToewijzing, Toewijzing
from wmoketen.toewijzingen.services import (
    Startnorm,
    TeWijzenProduct,
    registreer_start,
    wijs_toe,
)

from .hulp import EINDE, INGANG, gecontracteerd


def _client(gemeente):
    client = ClientFactory(organisatie=gemeente)
    ContactFactory(client=client)
    return client


def _wijs_toe(partijen, client, consulent, product, nummer, **kwargs):
    gemeente, aanbieder = partijen
    [toewijzing] = wijs_toe(
        gemeente=gemeente,
        aanbieder=aanbieder,
        client=client,
        wet="wmo",
        producten=[TeWijzenProduct(product, INGANG, EINDE, 4, None, None)],
        beschikkingnummer=nummer,
        acting_user=consulent,
        **kwargs,
    )
    return Toewijzing.objects.get(pk=toewijzing.pk)


def test_een_termijn_per_beschikking_en_de_eerste_305_sluit_hem(
    partijen, client, consulent, contract, django_capture_on_commit_callbacks
):
    gemeente, aanbieder = partijen
    product = gecontracteerd(contract, wet="wmo")
    tweede_client = _client(gemeente)
    # Any object will do as the subject: toegang names its beschikking.
    norm = Startnorm(onderwerp=tweede_client, startdatum=INGANG)
    with django_capture_on_commit_callbacks(execute=True):
        eerste = _wijs_toe(partijen, client, consulent, product, "B-7", startnorm=norm)
        tweede = _wijs_toe(partijen, tweede_client, consulent, product, "B-7")
        los = _wijs_toe(partijen, _client(gemeente), consulent, product, "")

    gedeeld, eigen = Termijn.objects.filter(regel__code="start_ondersteuning").order_by("pk")
    assert (gedeeld.onderwerp, gedeeld.startdatum) == (tweede_client, INGANG)
    assert list(gedeeld.organisaties.all()) == [aanbieder.organisatie_ptr]
    assert eerste.start_termijn == tweede.start_termijn == gedeeld
    assert los.start_termijn == eigen and eigen.onderwerp == los

    medewerker = GebruikerFactory(organisatie=aanbieder, rol=Rol.AANBIEDER)
    ontvangen = AanbiederToewijzing.objects.get(
        aanbieder=aanbieder, toewijzingnummer=tweede.toewijzingnummer, client__bsn=tweede_client.bsn
    )
    with django_capture_on_commit_callbacks(execute=True):
        registreer_start(ontvangen, startdatum=dag(2026, 3, 9), acting_user=medewerker)
    gedeeld.refresh_from_db()
    eigen.refresh_from_db()
    assert (gedeeld.status, gedeeld.gesloten_op) == ("gehaald", dag(2026, 3, 9))
    assert eigen.status == "open"
