"""A message's state as each side sees it: the sender what became of it (Verzonden, Retour
ontvangen, Afgekeurd), the receiver how it handled it."""

import pytest

from istandaarden.samples import lees
from wmoketen.accounts.constants import Rol
from wmoketen.berichten import queries
from wmoketen.berichten.constants import Soort, Status
from wmoketen.factories import GebruikerFactory

from .hulp import kaal_bericht, ontvang


def heen(partijen, status=Status.VERZONDEN, retourcodes=(), retour=False, **velden):
    """A 301 the gemeente sent to an outside aanbieder; with its retour when ``retour``."""
    gemeente, aanbieder = partijen
    bericht = kaal_bericht(
        gemeente,
        aanbieder,
        soort=Soort.HEENBERICHT,
        status=status,
        retourcodes=list(retourcodes),
        **velden,
    )
    if retour:
        kaal_bericht(
            aanbieder,
            gemeente,
            inhoud=b"<retour/>",
            nummer=302,
            soort=Soort.RETOUR,
            status=Status.VERWERKT,
            retourcodes=list(retourcodes),
            heenbericht=bericht,
        )
    return bericht


@pytest.mark.parametrize(
    ("status", "retourcodes", "retour", "verwacht"),
    [
        (Status.VERZONDEN, [], False, "Verzonden"),  # no retour yet
        (Status.FOUT_BIJ_VERWERKING, [], False, "Verzonden"),  # the receiver's own trouble
        (Status.VERZONDEN, [], True, "Retour ontvangen"),  # a retour without codes
        (Status.VERZONDEN, ["0200", "0233"], True, "Retour ontvangen"),  # no error codes
        (Status.RETOUR_VERZONDEN, [], False, "Retour ontvangen"),  # internal receiver
        (Status.VERZONDEN, ["0200", "8001"], True, "Afgekeurd"),  # an error code in the retour
        (Status.AFGEKEURD, ["0001"], True, "Afgekeurd"),
        (Status.AFGEKEURD, [], False, "Afgekeurd"),  # rejected without a retour (XSD)
        (Status.DUBBEL, [], False, "Dubbel ontvangen"),
    ],
)
def test_afzender_ziet_wat_er_met_het_bericht_gebeurde(
    partijen, status, retourcodes, retour, verwacht
):
    gemeente, _ = partijen
    bericht = heen(partijen, status, retourcodes, retour)

    assert bericht.status_voor(gemeente).label == verwacht
    # The list's rows know about the retour from their query, without one more.
    rij = queries.berichten_voor(gemeente).get(pk=bericht.pk)
    assert rij.status_voor(gemeente).label == verwacht


def test_lijst_vraagt_niet_per_rij_naar_de_retour(partijen, django_assert_num_queries):
    gemeente, _ = partijen
    heen(partijen, retour=True)
    rijen = list(queries.berichten_voor(gemeente).filter(soort=Soort.HEENBERICHT))
    with django_assert_num_queries(0):
        assert [r.status_voor(gemeente).label for r in rijen] == ["Retour ontvangen"]


@pytest.mark.parametrize(
    ("status", "verwacht"),
    [
        (Status.VERZONDEN, "Ontvangen"),  # delivered, the pipeline has not taken it yet
        (Status.ONTVANGEN, "Ontvangen"),
        (Status.RETOUR_VERZONDEN, "Retour verzonden"),
        (Status.AFGEKEURD, "Afgekeurd"),
        (Status.FOUT_BIJ_VERWERKING, "Fout bij verwerking"),
    ],
)
def test_ontvanger_ziet_de_ontvangststatus(partijen, status, verwacht):
    _, aanbieder = partijen
    assert heen(partijen, status).status_voor(aanbieder).label == verwacht


def test_een_retour_met_fouten_is_voor_zijn_afzender_verzonden(partijen):
    gemeente, aanbieder = partijen
    retour = kaal_bericht(
        aanbieder,
        gemeente,
        nummer=302,
        soort=Soort.RETOUR,
        status=Status.VERWERKT,
        retourcodes=["0001"],
    )
    assert retour.status_voor(aanbieder).label == "Verzonden"
    assert retour.status_voor(gemeente).label == "Verwerkt"


def test_lijst_toont_elke_kant_haar_eigen_status(client, partijen):
    gemeente, aanbieder = partijen
    bericht = ontvang(lees("WMO301"), gemeente, aanbieder)
    assert bericht.status == Status.RETOUR_VERZONDEN

    client.force_login(GebruikerFactory(organisatie=gemeente, rol=Rol.BACKOFFICE))
    verzender = client.get("/berichten/").content.decode()
    client.force_login(GebruikerFactory(organisatie=aanbieder, rol=Rol.AANBIEDER))
    ontvanger = client.get(f"/berichten/{bericht.pk}/").content.decode()

    assert '<span class="status status--retour_ontvangen">Retour ontvangen</span>' in verzender
    assert "status--retour_verzonden" not in verzender
    assert '<span class="status status--retour_verzonden">Retour verzonden</span>' in ontvanger
