"""wijs_toe: allocation records and one valid 301 (WMO301 / JW301) to the aanbieder."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from istandaarden.codec import parse
from istandaarden.validation import validate
from wmoketen.audit.models import AuditRegel
from wmoketen.berichten.constants import Status as BerichtStatus
from wmoketen.berichten.models import Bericht
from wmoketen.clienten.models import Relatie
from wmoketen.factories import (
    AanbiederFactory,
    ClientFactory,
    ContactFactory,
    GemeenteFactory,
)
from wmoketen.testdatum import dag
from wmoketen.toewijzingen.constants import Status
from wmoketen.toewijzingen.models import Toewijzing
from wmoketen.toewijzingen.services import TeWijzenProduct, verstuur_301

from .hulp import EINDE, INGANG, gecontracteerd, per_week, toewijzen


def test_wmo_toewijzing_verstuurt_geldige_wmo301_die_de_aanbieder_ontvangt(
    partijen, contract, client, consulent, django_capture_on_commit_callbacks
):
    gemeente, aanbieder = partijen
    product = gecontracteerd(contract, productcategorie="02", productcode="02A01")

    with django_capture_on_commit_callbacks(execute=True):
        [toewijzing] = toewijzen(partijen, client, consulent, [per_week(product)])

    bericht = toewijzing.bericht
    assert validate(bericht.bytes) == []
    assert (bericht.naam, bericht.afzender_id, bericht.ontvanger_id) == (
        "WMO301",
        gemeente.pk,
        aanbieder.pk,
    )
    assert bericht.identificatie == "T00000000001"
    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.RETOUR_VERZONDEN  # through the receiver's pipeline
    assert bericht.retourcodes == []
    assert Bericht.objects.get(heenbericht=bericht).naam == "WMO302"

    xml = parse(bericht.bytes)
    assert (xml.header.bericht_code, xml.header.afzender, xml.header.ontvanger) == (
        "414",
        "0384",
        "42420001",
    )
    assert (xml.header.bericht_versie, xml.header.bericht_subversie) == (3, 2)
    assert xml.header.bericht_identificatie.dagtekening == date.today().isoformat()
    assert xml.header.xsd_versie.bericht_xsd_versie == "1.0.0"
    assert xml.client.bsn == client.bsn
    naam = xml.client.naam
    assert (naam.geslachtsnaam.achternaam, naam.geslachtsnaam.voorvoegsel) == ("Berg", "van den")
    assert (naam.voornamen, naam.naam_gebruik.value) == ("Anna Maria", "1")
    [contact] = xml.client.contactgegevens.contact
    assert (contact.adres.postcode, contact.adres.huis.huisnummer) == ("6001AA", 1)
    assert contact.telefoon.telefoon01.telefoonnummer == "0612345678"
    [tp] = xml.client.toegewezen_producten.toegewezen_product
    assert tp.toewijzing_nummer == toewijzing.toewijzingnummer == 1
    assert (tp.product.categorie.value, tp.product.code) == ("02", "02A01")
    assert (tp.ingangsdatum, tp.einddatum) == (str(dag(2026, 3, 2)), str(dag(2027, 3, 1)))
    assert (tp.omvang.volume, tp.omvang.eenheid.value, tp.omvang.frequentie.value) == (3, "04", "2")
    assert tp.budget is None and tp.reden_wijziging is None
    assert tp.toewijzingsdatum == toewijzing.toewijzingsdatum.isoformat()
    assert tp.toewijzingstijd == toewijzing.toewijzingstijd.strftime("%H:%M:%S")

    assert toewijzing.status == Status.TOEGEWEZEN
    assert toewijzing.beschikkingnummer == "B-2026-001"
    assert set(
        AuditRegel.objects.filter(actie__startswith="toewijzing.").values_list("actie", flat=True)
    ) == {"toewijzing.aangemaakt", "toewijzing.verzonden"}


def test_jeugd_toewijzing_verstuurt_geldige_jw301_met_relatie_en_budget(
    partijen, contract, consulent, django_capture_on_commit_callbacks
):
    gemeente, aanbieder = partijen
    kind = ClientFactory(
        organisatie=gemeente,
        geboortedatum=date(2015, 6, 1),
        geslacht="2",
        voornamen="",
        voorletters="L",
        juridische_status="01",
        wettelijke_vertegenwoordiging="06",
        communicatievorm="1",
    )
    ContactFactory(client=kind)
    ouder = Relatie.objects.create(
        client=kind, soort="10", geslachtsnaam="Jansen", voorletters="P", volgorde=1
    )
    ContactFactory(client=kind, relatie=ouder, telefoonnummer="0471123456")
    begeleiding = gecontracteerd(
        contract, wet="jeugdwet", productcategorie="45", productcode="45A48", frequentie="4"
    )
    budgetproduct = gecontracteerd(
        contract, wet="jeugdwet", productcategorie="40", productcode="40A01"
    )

    with django_capture_on_commit_callbacks(execute=True):
        toewijzingen = toewijzen(
            partijen,
            kind,
            consulent,
            [
                TeWijzenProduct(begeleiding, INGANG, None, 8, "04", "4"),
                TeWijzenProduct(budgetproduct, INGANG, EINDE, None, None, None, Decimal("1250.50")),
            ],
            wet="jeugdwet",
        )

    bericht = toewijzingen[0].bericht
    assert validate(bericht.bytes) == []
    bericht.refresh_from_db()
    assert (bericht.naam, bericht.status) == ("JW301", BerichtStatus.RETOUR_VERZONDEN)
    xml = parse(bericht.bytes)
    assert xml.header.bericht_code == "436"
    assert (xml.client.juridische_status.value, xml.client.communicatie.vorm.value) == ("01", "1")
    [relatie] = xml.client.relaties.relatie
    assert relatie.naam.geslachtsnaam.achternaam == "Jansen"
    assert relatie.contact.telefoon.telefoon01.telefoonnummer == "0471123456"
    omvang, budget = xml.client.toegewezen_producten.toegewezen_product
    assert (omvang.omvang.volume, omvang.einddatum, omvang.budget) == (8, None, None)
    assert (budget.omvang, budget.budget, budget.einddatum) == (None, 125050, str(dag(2027, 3, 1)))
    assert (budget.product.categorie.value, budget.product.code) == ("40", None)
    assert toewijzingen[1].budget == Decimal("1250.50")
    assert (toewijzingen[1].eenheid, toewijzingen[1].volume) == ("", None)


def test_tweede_toewijzing_stuurt_301_met_alle_actuele_producten(
    partijen, contract, client, consulent, django_capture_on_commit_callbacks
):
    eerste_product = gecontracteerd(contract, productcode="02A01")
    tweede_product = gecontracteerd(contract, productcategorie="07", productcode="07A01")
    with django_capture_on_commit_callbacks(execute=True):
        [eerste] = toewijzen(partijen, client, consulent, [per_week(eerste_product)])
    with django_capture_on_commit_callbacks(execute=True):
        [tweede] = toewijzen(
            partijen, client, consulent, [per_week(tweede_product)], beschikking="B-2026-002"
        )

    assert eerste.bericht != tweede.bericht
    assert tweede.bericht.identificatie == "T00000000002"
    xml = parse(tweede.bericht.bytes)
    producten = xml.client.toegewezen_producten.toegewezen_product
    assert [(p.toewijzing_nummer, p.product.code) for p in producten] == [
        (1, "02A01"),
        (2, "07A01"),
    ]
    # IV013: the first allocation keeps the moment the gemeente fixed it; no RedenWijziging.
    assert producten[0].toewijzingsdatum == eerste.toewijzingsdatum.isoformat()
    assert producten[0].reden_wijziging is None
    eerste.refresh_from_db()
    assert eerste.bericht == tweede.bericht  # the latest 301 that carried it
    assert validate(tweede.bericht.bytes) == []


def test_stapeling_geweigerd_en_niets_opgeslagen(partijen, contract, client, consulent):
    product = gecontracteerd(contract, productcode="02A01")
    [eerste] = toewijzen(partijen, client, consulent, [per_week(product)])
    berichten = Bericht.objects.count()

    later = per_week(product, ingang=dag(2026, 9, 1), einde=dag(2027, 8, 31))
    with pytest.raises(ValidationError, match=r"stapeling, OP259") as fout:
        toewijzen(partijen, client, consulent, [later])
    assert f"toewijzing {eerste.toewijzingnummer}" in fout.value.messages[0]
    assert Toewijzing.objects.count() == 1
    assert Bericht.objects.count() == berichten

    # Aansluitend (after the end) is no stapeling; categories 11–14 never stack.
    volgend = per_week(product, ingang=dag(2027, 3, 2), einde=dag(2028, 3, 1))
    hulpmiddel = gecontracteerd(
        contract, productcategorie="12", productcode="12A01", frequentie="6"
    )
    hulp = TeWijzenProduct(hulpmiddel, INGANG, EINDE, 1, "82", "6")
    toewijzen(partijen, client, consulent, [volgend, hulp])
    toewijzen(partijen, client, consulent, [hulp])
    assert Toewijzing.objects.count() == 4


def test_stapeling_binnen_een_toewijzing_geweigerd(partijen, contract, client, consulent):
    product = gecontracteerd(contract, productcode="02A01")
    with pytest.raises(ValidationError, match="twee keer in deze toewijzing"):
        toewijzen(partijen, client, consulent, [per_week(product), per_week(product)])
    assert not Toewijzing.objects.exists()


def test_client_zonder_contact_geweigerd_en_niets_opgeslagen(partijen, contract, consulent):
    client = ClientFactory(organisatie=partijen[0], geslachtsnaam="Zonderadres")
    product = gecontracteerd(contract)
    audit_voor = AuditRegel.objects.count()

    with pytest.raises(ValidationError) as fout:
        toewijzen(partijen, client, consulent, [per_week(product)])

    assert fout.value.messages == [
        f"Cliënt {client} heeft geen adres of andere contactgegevens; een toewijzing (301) "
        "bevat altijd minstens één contact. Leg eerst het BRP- of verblijfadres vast."
    ]
    assert not Toewijzing.objects.exists()
    assert not Bericht.objects.exists()
    assert AuditRegel.objects.count() == audit_voor


@pytest.mark.parametrize(
    ("wijziging", "melding"),
    [
        ({"einddatum": None}, "een toewijzing per week vraagt om een einddatum (CD076)"),
        ({"einddatum": dag(2026, 1, 1)}, "de einddatum ligt vóór de ingangsdatum"),
        ({"volume": None}, "geef het volume op, of een budget (CD041)"),
        ({"budget": Decimal("10")}, "een budget óf een omvang, niet allebei"),
        ({"ingangsdatum": dag(2025, 6, 1)}, "heeft geen contract met"),
    ],
)
def test_ongeldig_product_geweigerd(partijen, contract, client, consulent, wijziging, melding):
    product = gecontracteerd(contract)
    velden = {**per_week(product).__dict__, **wijziging}
    with pytest.raises(ValidationError, match=re.escape(melding)):
        toewijzen(partijen, client, consulent, [TeWijzenProduct(**velden)])
    assert not Toewijzing.objects.exists()
    assert not Bericht.objects.exists()


def test_product_van_andere_wet_geweigerd(partijen, contract, client, consulent):
    product = gecontracteerd(contract, wet="jeugdwet", productcategorie="45", productcode="45A48")
    with pytest.raises(ValidationError, match="hoort bij de Jeugdwet, niet bij de Wmo 2015"):
        toewijzen(partijen, client, consulent, [per_week(product)])
    assert not Toewijzing.objects.exists()


def test_opnieuw_versturen_krijgt_nieuwe_identificatie(partijen, contract, client, consulent):
    gemeente, aanbieder = partijen
    product = gecontracteerd(contract)
    [toewijzing] = toewijzen(partijen, client, consulent, [per_week(product)])
    opnieuw = verstuur_301(
        gemeente=gemeente, aanbieder=aanbieder, client=client, wet="wmo", acting_user=consulent
    )
    assert (toewijzing.bericht.identificatie, opnieuw.identificatie) == (
        "T00000000001",
        "T00000000002",
    )
    assert (
        parse(opnieuw.bytes).client.toegewezen_producten.toegewezen_product[0].toewijzingsdatum
        == toewijzing.toewijzingsdatum.isoformat()
    )


def test_zichtbaar_voor_gemeente_en_aanbieder(partijen, contract, client, consulent):
    gemeente, aanbieder = partijen
    product = gecontracteerd(contract)
    toewijzen(partijen, client, consulent, [per_week(product)])
    assert Toewijzing.objects.voor_organisatie(gemeente).count() == 1
    assert Toewijzing.objects.voor_organisatie(aanbieder).count() == 1
    assert not Toewijzing.objects.voor_organisatie(AanbiederFactory()).exists()
    assert not Toewijzing.objects.voor_organisatie(GemeenteFactory()).exists()
