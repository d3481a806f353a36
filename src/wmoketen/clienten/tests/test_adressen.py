"""Addresses of a client: add, correct, end, remove; each refusal in Dutch with nothing changed."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from wmoketen.audit.models import AuditRegel
from wmoketen.clienten import services
from wmoketen.clienten.models import Contact
from wmoketen.clienten.validators import normaliseer_postcode
from wmoketen.factories import ClientFactory, ContactFactory

BRP = dict(
    soort="01",
    straatnaam="Markt",
    huisnummer=12,
    huisletter="a",
    huisnummertoevoeging="2",
    postcode="6001 ab",
    plaatsnaam="Weert",
    telefoonnummer="0495123456",
    emailadres="jan@example.org",
)


@pytest.fixture
def klant(consulent):
    return ClientFactory(organisatie=consulent.organisatie)


def _wijzigingen(actie: str) -> dict:
    return AuditRegel.objects.get(actie=actie).wijzigingen


@pytest.mark.parametrize(
    ("invoer", "land", "verwacht"),
    [
        ("1234AB", "NL", "1234AB"),
        ("1234 ab", "NL", "1234AB"),
        (" 9999  zz ", "NL", "9999ZZ"),
        ("", "NL", ""),
        ("B-1000", "BE", "B-1000"),
        ("SW1A 1AA", "GB", "SW1A 1AA"),
    ],
)
def test_postcode_in_de_vorm_van_de_301(invoer, land, verwacht):
    assert normaliseer_postcode(invoer, land) == verwacht


@pytest.mark.parametrize("postcode", ["0123AB", "123AB", "1234 A", "1234-AB", "12 34AB", "AB1234"])
def test_geen_nederlandse_postcode_wordt_geweigerd(postcode):
    with pytest.raises(ValidationError) as fout:
        normaliseer_postcode(postcode, "NL")
    assert fout.value.messages == [
        "Een Nederlandse postcode bestaat uit 4 cijfers en 2 letters, zoals 1234 AB."
    ]


def test_brp_adres_toevoegen_bewaart_de_postcode_zoals_de_301_die_vraagt(consulent, klant):
    contact = services.voeg_contact_toe(klant, acting_user=consulent, **BRP)

    contact.refresh_from_db()
    assert (contact.postcode, contact.landcode, contact.adresregel) == (
        "6001AB",
        "NL",
        "Markt 12a-2, 6001AB Weert",
    )
    regel = AuditRegel.objects.get(actie="contact.toegevoegd")
    assert (regel.client_id, regel.gebruiker) == (klant.pk, consulent)
    assert regel.wijzigingen["postcode"] == [None, "6001AB"]
    assert regel.wijzigingen["straatnaam"] == [None, "Markt"]
    assert "telefoon_landnummer" in regel.wijzigingen  # its default 0031 is recorded too
    assert "begindatum" not in regel.wijzigingen  # empty fields are left out


def test_buitenlands_adres_heeft_geen_nederlandse_postcodecontrole(consulent, klant):
    contact = services.voeg_contact_toe(
        klant,
        acting_user=consulent,
        soort="03",
        straatnaam="Rue Haute",
        huisnummer=5,
        postcode="B-1000",
        plaatsnaam="Brussel",
        landcode="BE",
    )

    assert Contact.objects.get(pk=contact.pk).postcode == "B-1000"


@pytest.mark.parametrize(
    ("wijziging", "veld", "melding"),
    [
        (
            {"postcode": "60011AB"},
            "postcode",
            "Een Nederlandse postcode bestaat uit 4 cijfers en 2 letters, zoals 1234 AB.",
        ),
        ({"postcode": ""}, "postcode", "Bij een BRP-adres is de postcode verplicht."),
        (
            {"huisnummer": None},
            "huisnummer",
            "Bij een Nederlands adres is het huisnummer verplicht.",
        ),
        ({"huisnummer": 100000}, "huisnummer", "Een huisnummer heeft ten hoogste 5 cijfers."),
        (
            {"telefoonnummer": "06-1234"},
            "telefoonnummer",
            "Een telefoonnummer bestaat uit cijfers.",
        ),
        ({"landcode": "XX"}, "landcode", "XX is geen geldige code uit codelijst COD032."),
    ],
)
def test_ongeldig_adres_wordt_geweigerd_en_niets_opgeslagen(
    consulent, klant, wijziging, veld, melding
):
    with pytest.raises(ValidationError) as fout:
        services.voeg_contact_toe(klant, acting_user=consulent, **(BRP | wijziging))

    assert melding in fout.value.message_dict[veld]
    assert not Contact.objects.exists()
    assert not AuditRegel.objects.exists()


def test_contact_zonder_telefoon_en_zonder_huisnummer_met_postcode_wordt_geweigerd(
    consulent, klant
):
    """TR006: a contact in the 301 has a phone number, or a house with a postcode."""
    with pytest.raises(ValidationError) as fout:
        services.voeg_contact_toe(
            klant, acting_user=consulent, soort="02", emailadres="jan@example.org"
        )

    assert fout.value.messages == [
        "Vul een telefoonnummer in, of een adres met huisnummer en postcode: een contact in de "
        "toewijzing (301) heeft ten minste een van beide."
    ]
    assert not Contact.objects.exists()


def test_correspondentieadres_met_alleen_een_telefoonnummer_mag(consulent, klant):
    contact = services.voeg_contact_toe(
        klant, acting_user=consulent, soort="02", telefoonnummer="0612345678"
    )

    assert contact.adresregel == "" and contact.telefoonnummer == "0612345678"


def test_tweede_lopend_adres_van_dezelfde_soort_wordt_geweigerd(consulent, klant):
    """TR101: each soort once in a 301; the client ends the old address first."""
    ContactFactory(client=klant, soort="01", straatnaam="Oud")

    with pytest.raises(ValidationError) as fout:
        services.voeg_contact_toe(klant, acting_user=consulent, **BRP)

    assert fout.value.message_dict["soort"] == [
        "De cliënt heeft al een BRP-adres dat nog geldt (Oud 1, 6001AA Weert). Beëindig of "
        "wijzig dat adres: in de toewijzing (301) komt elke soort adres één keer voor."
    ]
    assert klant.contacten.count() == 1


def test_verhuizing_oud_adres_beeindigen_en_nieuw_toevoegen(consulent, klant):
    oud = ContactFactory(client=klant, soort="01", straatnaam="Oud")
    gisteren = timezone.localdate() - timedelta(days=1)

    services.beeindig_contact(oud, einddatum=gisteren, acting_user=consulent)
    nieuw = services.voeg_contact_toe(klant, acting_user=consulent, **BRP)

    oud.refresh_from_db()
    assert oud.einddatum == gisteren and oud.is_beeindigd
    assert not nieuw.is_beeindigd
    assert _wijzigingen("contact.beeindigd") == {"einddatum": [None, gisteren.isoformat()]}


def test_ander_adres_dan_tijdelijk_eindigt_voor_vandaag(consulent, klant):
    """CD009: only a tijdelijk verblijfadres carries a period in the 301."""
    contact = ContactFactory(client=klant, soort="01")

    with pytest.raises(ValidationError) as fout:
        services.beeindig_contact(contact, einddatum=timezone.localdate(), acting_user=consulent)

    assert "beëindigt u met een datum vóór vandaag" in fout.value.message_dict["einddatum"][0]
    contact.refresh_from_db()
    assert contact.einddatum is None
    assert not AuditRegel.objects.exists()


def test_tijdelijk_verblijfadres_heeft_een_periode(consulent, klant):
    vandaag = timezone.localdate()
    contact = services.voeg_contact_toe(
        klant,
        acting_user=consulent,
        soort="04",
        straatnaam="Zorgweg",
        huisnummer=3,
        postcode="6002BB",
        plaatsnaam="Weert",
        begindatum=vandaag,
        einddatum=vandaag + timedelta(days=30),
    )

    assert contact.begindatum == vandaag


def test_begindatum_bij_brp_adres_wordt_geweigerd(consulent, klant):
    with pytest.raises(ValidationError) as fout:
        services.voeg_contact_toe(klant, acting_user=consulent, **BRP, begindatum=date(2026, 1, 1))

    assert fout.value.message_dict["begindatum"] == [
        "Alleen een tijdelijk verblijfadres (04) heeft een begindatum: in de toewijzing (301) "
        "heeft alleen dat adres een periode."
    ]
    assert not Contact.objects.exists()


def test_adres_wijzigen_logt_oud_en_nieuw(consulent, klant):
    contact = ContactFactory(client=klant, straatnaam="Markt", huisnummer=1, postcode="6001AA")

    services.wijzig_contact(contact, acting_user=consulent, huisnummer=11, postcode="6001 ac")

    contact.refresh_from_db()
    assert (contact.huisnummer, contact.postcode) == (11, "6001AC")
    assert _wijzigingen("contact.gewijzigd") == {
        "huisnummer": ["1", "11"],
        "postcode": ["6001AA", "6001AC"],
    }


def test_ongeldige_wijziging_laat_adres_ongewijzigd(consulent, klant):
    contact = ContactFactory(client=klant, postcode="6001AA")

    with pytest.raises(ValidationError) as fout:
        services.wijzig_contact(contact, acting_user=consulent, postcode="ABCD12")

    assert "Een Nederlandse postcode" in fout.value.message_dict["postcode"][0]
    contact.refresh_from_db()
    assert contact.postcode == "6001AA"
    assert not AuditRegel.objects.exists()


def test_adres_verwijderen_bewaart_wat_er_stond_in_de_audittrail(consulent, klant):
    contact = ContactFactory(client=klant, straatnaam="Markt", postcode="6001AA")

    services.verwijder_contact(contact, acting_user=consulent)

    assert not Contact.objects.exists()
    regel = AuditRegel.objects.get(actie="contact.verwijderd")
    assert regel.client_id == klant.pk
    assert regel.wijzigingen["straatnaam"] == ["Markt", None]
    assert regel.wijzigingen["postcode"] == ["6001AA", None]


@pytest.mark.parametrize(
    "actie",
    [
        lambda c, g: services.voeg_contact_toe(c.client, acting_user=g, **BRP | {"soort": "02"}),
        lambda c, g: services.wijzig_contact(c, acting_user=g, straatnaam="Anders"),
        lambda c, g: services.beeindig_contact(c, einddatum=date(2020, 1, 1), acting_user=g),
        lambda c, g: services.verwijder_contact(c, acting_user=g),
    ],
    ids=["toevoegen", "wijzigen", "beeindigen", "verwijderen"],
)
def test_adres_van_een_client_van_een_andere_organisatie_wordt_geweigerd(
    consulent, andere_gemeente, actie
):
    contact = ContactFactory(client=ClientFactory(organisatie=andere_gemeente), straatnaam="Markt")

    with pytest.raises(PermissionDenied) as fout:
        actie(contact, consulent)

    assert str(fout.value) == "U mag alleen cliënten van uw eigen organisatie wijzigen."
    contact.refresh_from_db()
    assert (contact.straatnaam, contact.einddatum) == ("Markt", None)
    assert Contact.objects.count() == 1
    assert not AuditRegel.objects.exists()


def test_onbekend_veld_wordt_in_het_nederlands_geweigerd(consulent, klant):
    with pytest.raises(ValidationError) as fout:
        services.voeg_contact_toe(klant, acting_user=consulent, **BRP, huisnummmer=3)

    assert fout.value.messages == ["Onbekende velden: huisnummmer."]
    assert not Contact.objects.exists()
