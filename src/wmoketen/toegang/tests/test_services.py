"""The toegang actions: each bad input gives a Dutch message and changes nothing."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from wmoketen.accounts.constants import Rol
from wmoketen.audit.models import AuditRegel
from wmoketen.clienten.models import Client
from wmoketen.factories import (
    AanbiederFactory,
    ClientFactory,
    ContractFactory,
    ContractregelFactory,
    GebruikerFactory,
    ProductFactory,
)
from wmoketen.gedeeld.werklijst import werklijst
from wmoketen.scenario import ALLE_B, Stap, tot_deel_1
from wmoketen.termijnen.models import Termijn
from wmoketen.toegang import queries, services
from wmoketen.toegang.models import Onderzoek
from wmoketen.toegang.services import Deel2Invoer, DomeinInvoer

from .hulp import niets_veranderd, weiger
from .routes import beschik, voorjaarsroute

# The scenario's fixed dates hold around named holidays: today stays the day it was written.
pytestmark = pytest.mark.usefixtures("vandaag_vast", "meldingen_achteraf")


@pytest.fixture
def scenario(consulent, wmo_client, aanbieder, wmo_product):
    """The route of spring 2026 (the conftest's steps walk it)."""
    return voorjaarsroute(wmo_client, consulent, aanbieder, wmo_product)


@pytest.fixture
def plan_deel_1(scenario):
    """Deel 1 with profile and consent."""
    return scenario.tot(Stap.TOESTEMMING).plan


# Bad input ---------------------------------------------------------------------------------


def test_beschikking_zonder_akkoord_wordt_geweigerd(gereed, wmo_product, backoffice):
    with weiger(
        ValidationError,
        "Er is geen akkoord op het ondersteuningsplan: zonder akkoord (aanvraag) neemt u geen "
        "beschikking.",
        gereed,
    ):
        beschik(gereed, wmo_product, backoffice)


def test_deel_2_door_aanbieder_zonder_opdracht_wordt_geweigerd(opdracht, db):
    andere = GebruikerFactory(organisatie=AanbiederFactory(), rol=Rol.AANBIEDER)
    tekst = "Uw organisatie heeft geen openstaande opdracht voor deel 2 van dit plan."
    with weiger(PermissionDenied, tekst, opdracht):
        services.deel_2_gereed(
            opdracht,
            client_ondertekend_op=date(2026, 4, 14),
            aanbieder_ondertekend_op=date(2026, 4, 14),
            acting_user=andere,
        )
    gebied = opdracht.resultaatgebieden.get()
    with weiger(PermissionDenied, tekst, opdracht, gebied):
        services.vul_deel_2_in(
            opdracht,
            resultaatgebieden=[Deel2Invoer(gebied, "monitoring", "x", "x", date(2026, 5, 1))],
            acting_user=andere,
        )


def test_opdracht_aan_aanbieder_zonder_contract_voor_het_product(
    plan_deel_1, consulent, wmo_product
):
    zonder = AanbiederFactory(naam="Zorg Zonder Contract")
    with weiger(
        ValidationError,
        "Zorg Zonder Contract heeft geen geldig contract met Weert (of de regio) voor: "
        f"{wmo_product}. Kies een gecontracteerde aanbieder.",
        plan_deel_1,
    ):
        services.geef_opdracht_deel_2(
            plan_deel_1, aanbieder=zonder, producten=[wmo_product], acting_user=consulent
        )


def test_opdracht_zonder_toestemming_deelt_niets(consulent, wmo_client, wmo_product, aanbieder):
    _, plan = tot_deel_1(wmo_client, "wmo", consulent, toestemming=False)
    with weiger(ValidationError, services.GEEN_TOESTEMMING, plan):
        services.geef_opdracht_deel_2(
            plan, aanbieder=aanbieder, producten=[wmo_product], acting_user=consulent
        )
    assert not Client.objects.filter(organisatie=aanbieder).exists()
    assert not queries.plannen_voor(aanbieder).exists()


def test_afwijking_van_profiel_zonder_motivering(plan_deel_1, consulent):
    with weiger(
        ValidationError,
        "U wijkt af van het berekende profiel (Categorie 1, basis); schrijf een motivering "
        "voor de afwijking.",
        plan_deel_1,
    ):
        services.beoordeel_profiel(
            plan_deel_1, scores=ALLE_B, categorie=2, motivering="  ", acting_user=consulent
        )

    services.beoordeel_profiel(
        plan_deel_1,
        scores=ALLE_B,
        categorie=2,
        motivering="Mantelzorger valt weg.",
        vervoer="rolstoel",
        kortdurend_verblijf_etmalen=3,
        acting_user=consulent,
    )
    plan_deel_1.refresh_from_db()
    assert (plan_deel_1.berekende_categorie, plan_deel_1.categorie, plan_deel_1.wijkt_af) == (
        1,
        2,
        True,
    )
    assert plan_deel_1.afwijking_motivering == "Mantelzorger valt weg."


def test_motivering_zonder_afwijking_wordt_geweigerd(plan_deel_1, consulent):
    """The motivation of a deviation is stored only with one: refused, not silently dropped."""
    with weiger(
        ValidationError,
        "Een motivering hoort bij een afwijking: kies de andere categorie of intensiteit, of "
        "maak de motivering leeg.",
        plan_deel_1,
    ):
        services.beoordeel_profiel(
            plan_deel_1,
            scores=ALLE_B,
            categorie=1,
            intensiteit="basis",
            motivering="Toch maar volgens de tabel.",
            acting_user=consulent,
        )


def test_einddatum_voor_ingangsdatum(akkoord, wmo_product, backoffice):
    with weiger(ValidationError, "De einddatum ligt vóór de ingangsdatum.", akkoord):
        beschik(akkoord, wmo_product, backoffice, duur="anders", einddatum=date(2026, 4, 30))


def test_einddatum_over_vijf_jaar(akkoord, wmo_product, backoffice):
    with weiger(ValidationError, "Een indicatie duurt nooit langer dan 5 jaar.", akkoord):
        beschik(akkoord, wmo_product, backoffice, duur="anders", einddatum=date(2031, 5, 1))


def test_beschikking_voor_product_buiten_het_contract(akkoord, backoffice, db):
    los = ProductFactory(naam="Los product")
    with weiger(
        ValidationError,
        f"{akkoord.aanbieder} heeft op 01-05-2026 geen contract voor {los}.",
        akkoord,
    ):
        beschik(akkoord, los, backoffice)


def test_beschikking_alleen_door_backoffice(akkoord, wmo_product, consulent):
    with weiger(PermissionDenied, "U hebt geen rol waarmee u dit mag doen.", akkoord):
        beschik(akkoord, wmo_product, consulent)


@pytest.mark.parametrize(
    ("duur", "einddatum"),
    [
        ("6m", date(2026, 10, 31)),
        ("1j", date(2027, 4, 30)),
        ("18m", date(2027, 10, 31)),
        ("2j", date(2028, 4, 30)),
        ("3j", date(2029, 4, 30)),
        ("4j", date(2030, 4, 30)),
        ("5j", date(2031, 4, 30)),
    ],
)
def test_einddatum_uit_de_duur(duur, einddatum):
    assert services.bereken_einddatum(date(2026, 5, 1), duur) == einddatum


def test_anders_vraagt_een_datum_en_mag_precies_vijf_jaar():
    assert services.bereken_einddatum(date(2026, 5, 1), "anders", date(2031, 4, 30)) == date(
        2031, 4, 30
    )
    with pytest.raises(ValidationError) as fout:
        services.bereken_einddatum(date(2026, 5, 1), "anders")
    assert fout.value.messages == ["Vul de einddatum in."]


def test_terugsturen_vraagt_een_reden(gereed, consulent, medewerker):
    with weiger(
        ValidationError, "Geef de reden waarom het plan teruggaat naar de aanbieder.", gereed
    ):
        services.stuur_terug(gereed, reden=" ", acting_user=consulent)

    taak = services.stuur_terug(gereed, reden="Resultaat 2 ontbreekt.", acting_user=consulent)
    gereed.refresh_from_db()
    assert (gereed.status, gereed.teruggestuurd_reden) == (
        "teruggestuurd",
        "Resultaat 2 ontbreekt.",
    )
    assert (taak.toegewezen_aan_organisatie_id, taak.termijn.regel.code) == (
        gereed.aanbieder_id,
        "plan_deel_2",
    )
    assert [i.titel for i in werklijst(medewerker, "Opdrachten deel 2")] == [
        f"Ondersteuningsplan deel 2: {gereed.melding.client.volledige_naam}"
    ]


def test_onderzoek_afronden_vraagt_elk_levensdomein(consulent, wmo_client):
    melding = services.registreer_melding(
        client=wmo_client,
        wet="wmo",
        ontvangen_op=date(2026, 4, 1),
        kanaal="loket",
        acting_user=consulent,
    )
    services.leg_onderzoek_vast(
        melding, domeinen=[DomeinInvoer("financien", 2)], acting_user=consulent
    )
    with pytest.raises(ValidationError) as fout, niets_veranderd(melding):
        services.onderzoek_afronden(
            melding,
            verslag="Verslag",
            ondertekend_door_client_op=date(2026, 4, 2),
            acting_user=consulent,
        )
    assert fout.value.messages[0].startswith(
        "Geef elk levensdomein een score; nog niet gescoord: Werk en opleiding, "
    )


def test_score_buiten_1_tot_5(consulent, wmo_client):
    melding = services.registreer_melding(
        client=wmo_client,
        wet="wmo",
        ontvangen_op=date(2026, 4, 1),
        kanaal="loket",
        acting_user=consulent,
    )
    with weiger(ValidationError, "De score voor Huisvesting ligt tussen 1 en 5.", melding):
        services.leg_onderzoek_vast(
            melding, domeinen=[DomeinInvoer("huisvesting", 6)], acting_user=consulent
        )


def test_melding_voor_client_van_andere_gemeente(consulent, andere_gemeente):
    vreemd = ClientFactory(organisatie=andere_gemeente)
    with weiger(
        ValidationError, "Een melding registreert u voor een cliënt van uw eigen gemeente."
    ):
        services.registreer_melding(
            client=vreemd,
            wet="wmo",
            ontvangen_op=date(2026, 4, 1),
            kanaal="loket",
            acting_user=consulent,
        )


# Visibility, provider choice, worklists ----------------------------------------------------


def test_aanbieder_ziet_onderzoek_en_beschikking_nooit(
    akkoord, wmo_product, backoffice, aanbieder, gemeente, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        beschikking = beschik(akkoord, wmo_product, backoffice)
    melding = akkoord.melding
    assert queries.onderzoek_van(melding, gemeente) is not None
    assert queries.onderzoek_van(melding, aanbieder) is None
    assert not Onderzoek.objects.voor_organisatie(aanbieder).exists()
    assert not queries.beschikkingen_voor(aanbieder).exists()
    assert not queries.meldingen_voor(aanbieder).exists()
    assert list(queries.beschikkingen_voor(gemeente)) == [beschikking]
    assert list(queries.plannen_voor(aanbieder)) == [akkoord]


def test_aanbiederkeuze_alleen_gecontracteerd_en_geldig(
    gemeente, aanbieder, wmo_product, jeugd_product, andere_gemeente
):
    verlopen = ContractFactory(
        gemeente=gemeente, begindatum=date(2020, 1, 1), einddatum=date(2025, 12, 31)
    )
    ContractregelFactory(contract=verlopen, product=wmo_product)
    elders = ContractFactory(gemeente=andere_gemeente)
    ContractregelFactory(contract=elders, product=wmo_product)
    op = date(2026, 4, 1)
    assert list(queries.aanbieders_voor(gemeente, [wmo_product], op=op)) == [aanbieder]
    assert list(queries.aanbieders_voor(gemeente, [wmo_product, jeugd_product], op=op)) == [
        aanbieder
    ]
    assert list(queries.aanbieders_voor(gemeente, [wmo_product], op=date(2025, 6, 1))) == [
        verlopen.aanbieder
    ]


def test_werklijsten(gemeente, consulent, backoffice, gereed, medewerker, wmo_client):
    naam = wmo_client.volledige_naam
    assert [i.titel for i in werklijst(consulent, "Plannen te beoordelen")] == [
        f"Akkoord op plan: {naam}"
    ]
    assert [i.titel for i in werklijst(medewerker, "Opdrachten deel 2")] == []
    services.keur_goed(gereed, op=date(2026, 4, 15), acting_user=consulent)
    [item] = werklijst(backoffice, "Aanvragen te beslissen")
    assert (item.titel, item.vervaldatum) == (f"Beschikking nemen: {naam}", date(2026, 4, 29))
    assert [i.titel for i in werklijst(consulent, "Caseload")] == [
        f"{naam}: Aanvraag, wacht op beschikking"
    ]


def test_huisbezoek_in_werklijst_tot_gepland(consulent, wmo_client):
    melding = services.registreer_melding(
        client=wmo_client,
        wet="wmo",
        ontvangen_op=date(2026, 4, 1),
        kanaal="digitaal",
        acting_user=consulent,
    )
    [item] = werklijst(consulent, "Huisbezoeken te plannen")
    assert item.vervaldatum == date(2026, 4, 10)
    services.plan_huisbezoek(
        melding, datum=date(2026, 4, 9), op=date(2026, 4, 7), acting_user=consulent
    )
    assert werklijst(consulent, "Huisbezoeken te plannen") == []


def test_opnieuw_delen_werkt_het_clientrecord_van_de_aanbieder_bij(
    consulent, wmo_client, aanbieder
):
    from wmoketen.clienten.services import deel_met

    eerste = deel_met(wmo_client, organisatie=aanbieder, acting_user=consulent)
    wmo_client.geslachtsnaam = "Bergen"
    wmo_client.save()
    tweede = deel_met(wmo_client, organisatie=aanbieder, acting_user=consulent)
    assert tweede.pk == eerste.pk
    assert (tweede.geslachtsnaam, tweede.contacten.count()) == ("Bergen", 1)
    assert AuditRegel.objects.filter(actie="client.gedeeld", client_id=tweede.pk).count() == 2


def test_beschikking_opent_een_termijn_start_ondersteuning(akkoord, wmo_product, backoffice):

    beschik(akkoord, wmo_product, backoffice)

    # One deadline for the start of care: on the beschikking, none again on each toewijzing.
    assert Termijn.objects.filter(regel__code="start_ondersteuning").count() == 1
