"""A client record made complete through the client services can be sent: the 301 built from it
passes the XSD and the rules (the issue: a new client could never get a beschikking)."""

from datetime import date, time, timedelta

from django.utils import timezone

from istandaarden.codec import parse
from wmoketen.clienten import services
from wmoketen.factories import AanbiederFactory, ProductFactory
from wmoketen.toewijzingen.bericht301 import controleer_client, maak_301
from wmoketen.toewijzingen.models import Toewijzing


def test_nieuwe_client_via_de_diensten_krijgt_een_geldige_301(consulent, gemeente):
    vandaag = timezone.localdate()
    client = services.registreer_client(
        acting_user=consulent,
        bsn="999993653",
        geslachtsnaam="Vries",
        voorvoegsel="de",
        voornamen="Anna",
        voorletters="A",
        geslacht="2",
        geboortedatum=date(1950, 5, 1),
        datumgebruik="1",
    )
    assert controleer_client(client)  # no address yet: no 301
    oud = services.voeg_contact_toe(
        client,
        acting_user=consulent,
        soort="01",
        straatnaam="Oudeweg",
        huisnummer=1,
        postcode="6001AA",
        plaatsnaam="Weert",
    )
    services.beeindig_contact(oud, einddatum=vandaag - timedelta(days=1), acting_user=consulent)
    services.voeg_contact_toe(
        client,
        acting_user=consulent,
        soort="01",
        straatnaam="Markt",
        huisnummer=12,
        huisletter="a",
        huisnummertoevoeging="2",
        postcode="6001 ab",
        plaatsnaam="Weert",
        telefoonnummer="0495123456",
        emailadres="anna@example.org",
    )
    services.voeg_contact_toe(
        client,
        acting_user=consulent,
        soort="04",
        straatnaam="Zorgweg",
        huisnummer=3,
        postcode="6002BB",
        plaatsnaam="Weert",
        begindatum=vandaag,
        einddatum=vandaag + timedelta(days=60),
    )
    services.voeg_relatie_toe(
        client,
        acting_user=consulent,
        soort="14",
        geslachtsnaam="Bewind",
        contact={"soort": "02", "organisatienaam": "Bewind BV", "telefoonnummer": "0401234567"},
    )
    client = services.wijzig_client(
        client,
        acting_user=consulent,
        partnernaam="Smit",
        naamgebruik="4",
        communicatievorm="1",
        communicatietaal="Pools",
    )
    assert controleer_client(client) == []
    toewijzing = Toewijzing.objects.create(
        gemeente=gemeente,
        aanbieder=AanbiederFactory(agb_code="12345678"),
        client=client,
        wet="wmo",
        toewijzingnummer=1,
        product=ProductFactory(productcategorie="02", productcode="02A01"),
        ingangsdatum=vandaag,
        einddatum=vandaag + timedelta(days=180),
        volume=4,
        eenheid="04",
        frequentie="2",
        toewijzingsdatum=vandaag,
        toewijzingstijd=time(9),
    )

    xml = parse(
        maak_301(
            gemeente=gemeente,
            aanbieder=toewijzing.aanbieder,
            client=client,
            wet="wmo",
            toewijzingen=[toewijzing],
            identificatie="T1",
            dagtekening=vandaag,
        )
    )

    brp, tijdelijk = xml.client.contactgegevens.contact
    assert (brp.soort.value, brp.adres.postcode, brp.adres.huis.huisletter) == ("01", "6001AB", "a")
    assert (tijdelijk.soort.value, tijdelijk.periode.begindatum) == ("04", vandaag.isoformat())
    assert brp.periode is None  # only the tijdelijk verblijfadres has a period (CD009)
    assert (xml.client.communicatie.vorm.value, xml.client.communicatie.taal) == ("1", "Pools")
    [relatie] = xml.client.relaties.relatie
    assert relatie.contact.organisatie == "Bewind BV"
    assert xml.client.naam.naam_gebruik.value == "4"
