"""``client_uit_bericht``: the record a received message (301, 315, 317) names, created once."""

import threading
import time

import pytest
from django.conf import settings
from django.db import connection, transaction

from wmoketen.audit.models import AuditRegel
from wmoketen.clienten.models import Client
from wmoketen.clienten.services import client_uit_bericht
from wmoketen.factories import ClientFactory

BSN = "111222333"
GEGEVENS = dict(geslachtsnaam="Vries", voornamen="Anna", geslacht="2", datumgebruik="3")


def _uit_bericht(organisatie):
    return client_uit_bericht(
        organisatie=organisatie,
        bsn=BSN,
        gegevens=GEGEVENS,
        omschrijving="uit een verzoek om toewijzing (315)",
        acting_user=None,
    )


def test_nieuwe_client_met_auditregel(gemeente):
    client, aangemaakt = _uit_bericht(gemeente)

    assert aangemaakt and client.organisatie_id == gemeente.pk and client.bsn == BSN
    assert client.geslachtsnaam == "Vries"
    regel = AuditRegel.objects.get(actie="client.aangemaakt")
    assert (regel.client_id, regel.organisatie_id) == (client.pk, gemeente.pk)
    assert regel.gebruikersnaam == "systeem"
    assert regel.omschrijving == "uit een verzoek om toewijzing (315)"
    assert regel.wijzigingen["bsn"] == [None, "*****2333"]
    assert BSN not in str(regel.wijzigingen)


def test_bekende_client_blijft_ongewijzigd(gemeente, andere_gemeente):
    bekend = ClientFactory(organisatie=gemeente, bsn=BSN, geslachtsnaam="Jansen")

    client, aangemaakt = _uit_bericht(gemeente)

    assert not aangemaakt and client.pk == bekend.pk
    client.refresh_from_db()
    assert client.geslachtsnaam == "Jansen"
    assert not AuditRegel.objects.exists()
    # Another organisation's record of the same BSN is not this one's.
    assert _uit_bericht(andere_gemeente)[1] is True


def test_intussen_aangemaakte_client_wint(gemeente, monkeypatch):
    """Another path inserted the BSN between the look-up and the insert: the unique
    constraint decides, its record is returned and the caller's transaction goes on."""
    intussen = ClientFactory(organisatie=gemeente, bsn=BSN)
    echt = Client.objects.filter
    gemist = []

    def eerst_niets(*args, **kwargs):
        if not gemist:
            gemist.append(True)
            return Client.objects.none()
        return echt(*args, **kwargs)

    monkeypatch.setattr(Client.objects, "filter", eerst_niets)

    client, aangemaakt = _uit_bericht(gemeente)

    assert gemist and not aangemaakt and client.pk == intussen.pk
    assert Client.objects.count() == 1  # the transaction is still usable
    assert not AuditRegel.objects.exists()


@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="gelijktijdigheid vraagt PostgreSQL",
)
@pytest.mark.django_db(transaction=True)
def test_twee_processen_tegelijk_een_record(gemeente):
    start = threading.Barrier(2)
    uitkomst, fouten = [], []

    def werker():
        try:
            start.wait(timeout=10)
            with transaction.atomic():
                uitkomst.append(_uit_bericht(gemeente))
                time.sleep(0.3)  # the new record stays uncommitted while the other arrives
        except Exception as exc:  # reported below: a thread's exception is otherwise lost
            fouten.append(exc)
        finally:
            connection.close()

    draden = [threading.Thread(target=werker) for _ in range(2)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(timeout=30)

    assert fouten == []
    assert sorted(aangemaakt for _, aangemaakt in uitkomst) == [False, True]
    assert len({client.pk for client, _ in uitkomst}) == 1
    assert Client.objects.filter(organisatie=gemeente, bsn=BSN).count() == 1
    assert AuditRegel.objects.filter(actie="client.aangemaakt").count() == 1
