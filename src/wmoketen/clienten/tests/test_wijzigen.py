"""Correcting a client record: the audit row shows old and new values, the BSN only shortened."""

import json
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from wmoketen.audit.models import AuditRegel
from wmoketen.clienten import services
from wmoketen.factories import ClientFactory


@pytest.fixture
def klant(consulent):
    return ClientFactory(
        organisatie=consulent.organisatie, bsn="111222333", geslachtsnaam="Jansne", voornamen="Piet"
    )


def test_typefout_in_de_naam_verbeteren(consulent, klant):
    services.wijzig_client(klant, acting_user=consulent, geslachtsnaam="Jansen")

    klant.refresh_from_db()
    assert klant.geslachtsnaam == "Jansen"
    regel = AuditRegel.objects.get(actie="client.gewijzigd")
    assert (regel.client_id, regel.gebruiker) == (klant.pk, consulent)
    assert regel.wijzigingen == {"geslachtsnaam": ["Jansne", "Jansen"]}


def test_bsn_verbeteren_logt_oud_en_nieuw_ingekort_nooit_voluit(consulent, klant):
    services.wijzig_client(klant, acting_user=consulent, bsn="999993653")

    klant.refresh_from_db()
    assert klant.bsn == "999993653"
    regel = AuditRegel.objects.get(actie="client.gewijzigd")
    assert regel.wijzigingen == {"bsn": ["*****2333", "*****3653"]}
    rij = json.dumps(
        [regel.omschrijving, regel.wijzigingen, regel.object_id, regel.actie], ensure_ascii=False
    )
    assert "111222333" not in rij and "999993653" not in rij


def test_ongeldig_bsn_wordt_geweigerd_en_niets_gewijzigd(consulent, klant):
    with pytest.raises(ValidationError) as fout:
        services.wijzig_client(klant, acting_user=consulent, bsn="111222334", voornamen="Jan")

    assert fout.value.message_dict["bsn"] == [
        "Dit BSN is ongeldig: het voldoet niet aan de elfproef. Controleer het nummer."
    ]
    klant.refresh_from_db()
    assert (klant.bsn, klant.voornamen) == ("111222333", "Piet")
    assert not AuditRegel.objects.exists()


def test_bsn_van_een_andere_client_van_de_organisatie_wordt_geweigerd(consulent, klant):
    ClientFactory(organisatie=consulent.organisatie, bsn="999993653")

    with pytest.raises(ValidationError) as fout:
        services.wijzig_client(klant, acting_user=consulent, bsn="999993653")

    assert fout.value.messages == ["Er is bij uw organisatie al een cliënt met dit BSN."]
    klant.refresh_from_db()
    assert klant.bsn == "111222333"


def test_communicatie_en_vertegenwoordiging_vastleggen(consulent, klant):
    services.wijzig_client(
        klant,
        acting_user=consulent,
        communicatievorm="1",
        communicatietaal="Arabisch",
        wettelijke_vertegenwoordiging="06",
    )

    klant.refresh_from_db()
    assert (klant.communicatievorm, klant.communicatietaal) == ("1", "Arabisch")
    assert AuditRegel.objects.get(actie="client.gewijzigd").wijzigingen == {
        "communicatievorm": ["", "1"],
        "communicatietaal": ["", "Arabisch"],
        "wettelijke_vertegenwoordiging": ["", "06"],
    }


@pytest.mark.parametrize(
    ("wijziging", "veld", "melding"),
    [
        (
            {"communicatietaal": "Pools"},
            "communicatietaal",
            "Vul de taal alleen in bij een communicatievorm (een tolk): zonder vorm gaat de taal "
            "niet mee in de toewijzing.",
        ),
        (
            {"naamgebruik": "2"},
            "naamgebruik",
            "Zonder partnernaam is het naamgebruik 1 (eigen naam); vul de partnernaam in voor "
            "een ander naamgebruik.",
        ),
        (
            {"partnernaam": "Smit", "naamgebruik": "5"},
            "naamgebruik",
            "Met een partnernaam is het naamgebruik 1, 2, 3 of 4.",
        ),
        (
            {"geboortedatum": date(1960, 3, 17), "datumgebruik": "1"},
            "geboortedatum",
            "Als alleen maand en jaar bekend zijn (datumgebruik 1), vult u de eerste dag van de "
            "maand in.",
        ),
        (
            {"geboortedatum": date(1960, 3, 1), "datumgebruik": "2"},
            "geboortedatum",
            "Als alleen het jaar bekend is (datumgebruik 2), vult u 1 januari in.",
        ),
        (
            {"geboortedatum": date(1960, 1, 1), "datumgebruik": "3"},
            "geboortedatum",
            "Bij een onbekende geboortedatum (datumgebruik 3) laat u de datum leeg.",
        ),
        ({"geslachtsnaam": ""}, "geslachtsnaam", "Dit veld kan niet leeg zijn"),
    ],
)
def test_wat_de_301_niet_toelaat_wordt_geweigerd(consulent, klant, wijziging, veld, melding):
    with pytest.raises(ValidationError) as fout:
        services.wijzig_client(klant, acting_user=consulent, **wijziging)

    assert fout.value.message_dict[veld] == [melding]
    klant.refresh_from_db()
    assert (klant.geslachtsnaam, klant.naamgebruik, klant.communicatietaal) == ("Jansne", "1", "")
    assert not AuditRegel.objects.exists()


def test_partnernaam_met_naamgebruik(consulent, klant):
    services.wijzig_client(
        klant, acting_user=consulent, partnernaam="Smit", partnervoorvoegsel="de", naamgebruik="3"
    )

    klant.refresh_from_db()
    assert klant.volledige_naam == "Piet de Smit-Jansne"


def test_geen_wijziging_geen_auditregel(consulent, klant):
    services.wijzig_client(klant, acting_user=consulent, geslachtsnaam="Jansne")

    assert not AuditRegel.objects.exists()
