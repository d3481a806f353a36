from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from wmoketen.audit.models import AuditRegel
from wmoketen.clienten import queries, services
from wmoketen.clienten.models import Client
from wmoketen.factories import ClientFactory, GebruikerFactory

GEGEVENS = dict(
    bsn="111222333",
    geslachtsnaam="Vries",
    voorvoegsel="de",
    voornamen="Anna",
    voorletters="A",
    geslacht="2",
    geboortedatum=date(1960, 3, 1),
)


def test_registreren_slaat_client_op_bij_eigen_organisatie_met_auditregel(consulent):
    client = services.registreer_client(acting_user=consulent, **GEGEVENS)

    assert client.organisatie == consulent.organisatie
    assert client.volledige_naam == "Anna de Vries"
    regel = AuditRegel.objects.get(actie="client.geregistreerd")
    assert regel.client_id == client.pk
    assert regel.gebruikersnaam == "consulent"
    assert regel.organisatie_id == consulent.organisatie_id
    assert regel.wijzigingen["bsn"] == [None, "*****2333"]
    assert "111222333" not in str(regel.wijzigingen)


def test_ongeldig_bsn_wordt_geweigerd_en_niets_opgeslagen(consulent):
    with pytest.raises(ValidationError) as fout:
        services.registreer_client(acting_user=consulent, **(GEGEVENS | {"bsn": "123456789"}))

    assert "elfproef" in fout.value.message_dict["bsn"][0]
    assert Client.objects.count() == 0
    assert AuditRegel.objects.count() == 0


def test_dubbel_bsn_binnen_organisatie_wordt_geweigerd(consulent):
    services.registreer_client(acting_user=consulent, **GEGEVENS)

    with pytest.raises(ValidationError) as fout:
        services.registreer_client(acting_user=consulent, **GEGEVENS)

    assert fout.value.messages == ["Er is bij uw organisatie al een cliënt met dit BSN."]
    assert Client.objects.count() == 1


def test_zelfde_bsn_bij_andere_organisatie_is_een_eigen_dossier(consulent, andere_gemeente):
    services.registreer_client(acting_user=consulent, **GEGEVENS)
    collega = GebruikerFactory(organisatie=andere_gemeente)

    services.registreer_client(acting_user=collega, **GEGEVENS)

    assert Client.objects.filter(bsn=GEGEVENS["bsn"]).count() == 2


def test_wijzigen_logt_alleen_gewijzigde_velden(consulent):
    client = ClientFactory(organisatie=consulent.organisatie, geslachtsnaam="Smit")

    services.wijzig_client(client, acting_user=consulent, geslachtsnaam="Smits", voornamen="Jan")

    regel = AuditRegel.objects.get(actie="client.gewijzigd")
    assert regel.wijzigingen == {"geslachtsnaam": ["Smit", "Smits"]}


def test_wijzigen_van_client_van_andere_organisatie_wordt_geweigerd(consulent, andere_gemeente):
    client = ClientFactory(organisatie=andere_gemeente, geslachtsnaam="Smit")

    with pytest.raises(PermissionDenied) as fout:
        services.wijzig_client(client, acting_user=consulent, geslachtsnaam="Anders")

    assert str(fout.value) == "U mag alleen cliënten van uw eigen organisatie wijzigen."

    client.refresh_from_db()
    assert client.geslachtsnaam == "Smit"
    assert not AuditRegel.objects.exists()


def test_ongeldige_wijziging_laat_client_ongewijzigd(consulent):
    client = ClientFactory(organisatie=consulent.organisatie)

    with pytest.raises(ValidationError):
        services.wijzig_client(client, acting_user=consulent, bsn="123456789")

    client.refresh_from_db()
    assert client.bsn != "123456789"


def test_lezen_van_een_dossier_wordt_gelogd(consulent):
    client = ClientFactory(organisatie=consulent.organisatie)

    assert queries.lees(consulent, client.pk) == client

    regel = AuditRegel.objects.get()
    assert (regel.actie, regel.client_id, regel.gebruiker) == (
        "client.gelezen",
        client.pk,
        consulent,
    )


@pytest.mark.parametrize(
    ("term", "verwacht"),
    [
        ("Bakker", ["Bakker"]),
        ("Pie bakk", ["Bakker"]),
        ("17-05-1950", ["Bakker", "Visser"]),
        ("31-02-1950", []),
        ("", []),
    ],
)
def test_zoeken_op_naam_en_geboortedatum(consulent, term, verwacht):
    ClientFactory(organisatie=consulent.organisatie, geslachtsnaam="Bakker", voornamen="Piet")
    ClientFactory(organisatie=consulent.organisatie, geslachtsnaam="Visser", voornamen="Anna")

    gevonden = sorted(c.geslachtsnaam for c in queries.zoek(consulent, term))

    assert gevonden == verwacht


def test_zoeken_op_bsn_vindt_alleen_eigen_clienten(consulent, andere_gemeente):
    eigen = ClientFactory(organisatie=consulent.organisatie, bsn="111222333")
    ClientFactory(organisatie=andere_gemeente, bsn="111222333")

    assert list(queries.zoek(consulent, "111222333")) == [eigen]
