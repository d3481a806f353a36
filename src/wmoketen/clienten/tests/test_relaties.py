"""Relaties of a client (COD472) with their one contact: add, correct, remove."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from wmoketen.audit.models import AuditRegel
from wmoketen.clienten import services
from wmoketen.clienten.models import Contact, Relatie
from wmoketen.factories import ClientFactory, ContactFactory

MOEDER = dict(soort="10", geslachtsnaam="Jansen", voornamen="Els", voorletters="E", geslacht="2")
TELEFOON = dict(soort="02", telefoonnummer="0612345678", emailadres="els@example.org")


@pytest.fixture
def kind(consulent):
    return ClientFactory(organisatie=consulent.organisatie)


def test_relatie_met_contact_toevoegen(consulent, kind):
    relatie = services.voeg_relatie_toe(kind, acting_user=consulent, contact=TELEFOON, **MOEDER)

    assert str(relatie) == "Els Jansen (Ouder)"
    contact = relatie.contacten.get()
    assert (contact.client, contact.telefoonnummer) == (kind, "0612345678")
    regel = AuditRegel.objects.get(actie="relatie.toegevoegd")
    assert regel.client_id == kind.pk
    assert regel.wijzigingen["geslachtsnaam"] == [None, "Jansen"]
    assert regel.wijzigingen["contact.telefoonnummer"] == [None, "0612345678"]


def test_relatie_zonder_bereikbaar_contact_wordt_geweigerd_en_niets_opgeslagen(consulent, kind):
    """The 301 gives each relatie a contact with a phone number or a house and postcode."""
    with pytest.raises(ValidationError) as fout:
        services.voeg_relatie_toe(
            kind,
            acting_user=consulent,
            contact={"soort": "02", "emailadres": "x@example.org"},
            **MOEDER,
        )

    assert fout.value.message_dict["contact.__all__"] == [
        "Vul een telefoonnummer in, of een adres met huisnummer en postcode: een contact in de "
        "toewijzing (301) heeft ten minste een van beide."
    ]
    assert not Relatie.objects.exists() and not Contact.objects.exists()
    assert not AuditRegel.objects.exists()


def test_ongeldige_postcode_van_de_relatie_wordt_geweigerd(consulent, kind):
    contact = dict(soort="01", straatnaam="Markt", huisnummer=1, postcode="1234", plaatsnaam="X")

    with pytest.raises(ValidationError) as fout:
        services.voeg_relatie_toe(kind, acting_user=consulent, contact=contact, **MOEDER)

    assert fout.value.message_dict["contact.postcode"] == [
        "Een Nederlandse postcode bestaat uit 4 cijfers en 2 letters, zoals 1234 AB."
    ]
    assert not Relatie.objects.exists()


def test_naamgebruik_zonder_partnernaam_wordt_geweigerd(consulent, kind):
    with pytest.raises(ValidationError) as fout:
        services.voeg_relatie_toe(
            kind, acting_user=consulent, contact=TELEFOON, **MOEDER, naamgebruik="2"
        )

    assert fout.value.message_dict["naamgebruik"] == [
        "Zonder partnernaam is het naamgebruik 1 (eigen naam) of 6 (niet-natuurlijk persoon); "
        "vul de partnernaam in voor een ander naamgebruik."
    ]
    assert not Relatie.objects.exists()


def test_relatie_en_contact_wijzigen_logt_oud_en_nieuw(consulent, kind):
    relatie = services.voeg_relatie_toe(kind, acting_user=consulent, contact=TELEFOON, **MOEDER)

    services.wijzig_relatie(
        relatie,
        acting_user=consulent,
        contact=TELEFOON | {"telefoonnummer": "0687654321"},
        geslachtsnaam="Janssen",
        soort="11",
    )

    relatie.refresh_from_db()
    assert (relatie.geslachtsnaam, relatie.soort_omschrijving) == ("Janssen", "Voogd")
    assert relatie.contacten.get().telefoonnummer == "0687654321"
    assert AuditRegel.objects.get(actie="relatie.gewijzigd").wijzigingen == {
        "geslachtsnaam": ["Jansen", "Janssen"],
        "soort": ["10", "11"],
        "contact.telefoonnummer": ["0612345678", "0687654321"],
    }


def test_relatie_zonder_contact_krijgt_er_een_bij_het_wijzigen(consulent, kind):
    relatie = Relatie.objects.create(client=kind, **MOEDER)

    services.wijzig_relatie(relatie, acting_user=consulent, contact=TELEFOON)

    assert relatie.contacten.get().telefoonnummer == "0612345678"


def test_tweede_contact_bij_een_relatie_wordt_geweigerd(consulent, kind):
    relatie = services.voeg_relatie_toe(kind, acting_user=consulent, contact=TELEFOON, **MOEDER)

    with pytest.raises(ValidationError) as fout:
        services.voeg_contact_toe(kind, acting_user=consulent, relatie=relatie, **TELEFOON)

    assert "Deze relatie heeft al een contact" in fout.value.messages[0]
    assert relatie.contacten.count() == 1


def test_relatie_verwijderen_met_haar_contact(consulent, kind):
    relatie = services.voeg_relatie_toe(kind, acting_user=consulent, contact=TELEFOON, **MOEDER)
    ContactFactory(client=kind)  # the client's own address stays

    services.verwijder_relatie(relatie, acting_user=consulent)

    assert not Relatie.objects.exists()
    assert list(Contact.objects.values_list("relatie", flat=True)) == [None]
    regel = AuditRegel.objects.get(actie="relatie.verwijderd")
    assert regel.wijzigingen["geslachtsnaam"] == ["Jansen", None]


@pytest.mark.parametrize(
    "actie",
    [
        lambda r, g: services.voeg_relatie_toe(r.client, acting_user=g, contact=TELEFOON, **MOEDER),
        lambda r, g: services.wijzig_relatie(r, acting_user=g, geslachtsnaam="Anders"),
        lambda r, g: services.verwijder_relatie(r, acting_user=g),
    ],
    ids=["toevoegen", "wijzigen", "verwijderen"],
)
def test_relatie_van_een_client_van_een_andere_organisatie_wordt_geweigerd(
    consulent, aanbieder, actie
):
    relatie = Relatie.objects.create(client=ClientFactory(organisatie=aanbieder), **MOEDER)

    with pytest.raises(PermissionDenied):
        actie(relatie, consulent)

    relatie.refresh_from_db()
    assert relatie.geslachtsnaam == "Jansen"
    assert Relatie.objects.count() == 1
    assert not AuditRegel.objects.exists()
