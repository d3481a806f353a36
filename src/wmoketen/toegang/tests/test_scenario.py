"""A Wmo client and a Jeugd client walked from melding to the 301 received by the aanbieder.

Fixed dates across Goede Vrijdag (3 April 2026), Tweede Paasdag (6 April), Bevrijdingsdag
(5 May), Hemelvaartsdag (14 May) and the KB day after it (15 May), in Weert (regio
Midden-Limburg West, whose regional rules apply: huisbezoek 5 werkdagen, plan deel 2
10 werkdagen).
"""

from datetime import date, timedelta

import pytest
from django.test import override_settings

from istandaarden.validation import validate
from wmoketen.accounts.constants import Rol
from wmoketen.berichten.constants import Status as BerichtStatus
from wmoketen.clienten.models import Client, Relatie
from wmoketen.factories import (
    ClientFactory,
    ContactFactory,
    ContractFactory,
    ContractregelFactory,
    GebruikerFactory,
    GemeenteFactory,
    ProductFactory,
)
from wmoketen.organisaties.models import Regio
from wmoketen.termijnen import services as termijnregels
from wmoketen.termijnen.constants import Status as TermijnStatus
from wmoketen.termijnen.models import Termijn
from wmoketen.toegang import services
from wmoketen.toegang.constants import Levensdomein, MeldingStatus, PlanStatus
from wmoketen.toegang.services import (
    BeschiktProductInvoer,
    Deel2Invoer,
    DomeinInvoer,
    ResultaatgebiedInvoer,
)
from wmoketen.toewijzingen.models import Toewijzing
from wmoketen.trajecten.constants import TaakStatus

from .conftest import ACHTERAF

# The scenario's fixed dates hold around named holidays: today stays the day it was written.
pytestmark = pytest.mark.usefixtures("vandaag_vast")

ALLE_B = {c: "B" for c in ("veiligheid", "balans", "afstand", "zelfredzaamheid", "cooperatie")}


@pytest.fixture
def regio(db, gemeente):
    """Weert (0988) in Midden-Limburg West, with the seeded regional rules attached."""
    mlw = Regio.objects.create(naam="Midden-Limburg West")
    mlw.gemeenten.set([gemeente, GemeenteFactory(naam="Nederweert", gemeentecode="0946")])
    termijnregels.laad_standaardregels(acting_user=None)
    return mlw


@pytest.fixture
def contract(regio, aanbieder):
    """A regio contract of the aanbieder (valid from 2026) for a Wmo and a Jeugd product."""
    return ContractFactory(regio=regio, gemeente=None, aanbieder=aanbieder)


@pytest.fixture
def wmo_product(contract):
    product = ProductFactory(productcategorie="02", productcode="02A01", naam="Begeleiding")
    ContractregelFactory(contract=contract, product=product, eenheid="04", frequentie="2")
    return product


@pytest.fixture
def jeugd_product(contract):
    product = ProductFactory(
        wet="jeugdwet", productcategorie="45", productcode="45A48", naam="Jeugdhulp", frequentie="2"
    )
    ContractregelFactory(contract=contract, product=product, eenheid="04", frequentie="2")
    return product


@pytest.fixture
def backoffice(gemeente):
    return GebruikerFactory(username="backoffice", organisatie=gemeente, rol=Rol.BACKOFFICE)


@pytest.fixture
def medewerker(aanbieder):
    return GebruikerFactory(username="medewerker", organisatie=aanbieder, rol=Rol.AANBIEDER)


@pytest.fixture
def wmo_client(gemeente):
    client = ClientFactory(organisatie=gemeente, geslachtsnaam="Berg", voornamen="Anna")
    ContactFactory(client=client)
    return client


@pytest.fixture
def jeugd_client(gemeente):
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
    return kind


def alle_domeinen(score=3):
    return [DomeinInvoer(d, score, "problemen", "krachten") for d in Levensdomein.values]


def tot_deel_1(client, wet, consulent, *, melding_op=date(2026, 4, 1), toestemming=True):
    """Steps 1–3: melding, huisbezoek, onderzoek, plan deel 1 with profile and consent; the
    onderzoek is signed and the consent given the day after the melding."""
    dag_erna = melding_op + timedelta(days=1)
    with override_settings(MELDING_MAX_DAGEN_TERUG=ACHTERAF):  # a case entered afterwards
        melding = services.registreer_melding(
            client=client,
            wet=wet,
            ontvangen_op=melding_op,
            kanaal="telefonisch",
            acting_user=consulent,
        )
    services.plan_huisbezoek(melding, datum=melding_op, op=melding_op, acting_user=consulent)
    services.leg_onderzoek_vast(
        melding, domeinen=alle_domeinen(), netwerk="dochter", acting_user=consulent
    )
    services.onderzoek_afronden(
        melding,
        verslag="Verslag van het onderzoek.",
        ondertekend_door_client_op=dag_erna,
        op=dag_erna,
        acting_user=consulent,
    )
    plan = services.stel_plan_deel_1_op(
        melding,
        resultaatgebieden=[ResultaatgebiedInvoer("tijdsbesteding", "Zinvolle dagbesteding.")],
        acting_user=consulent,
    )
    services.beoordeel_profiel(plan, scores=ALLE_B, acting_user=consulent)
    services.leg_toestemming_vast(
        plan, toestemming=toestemming, ondertekend_op=dag_erna, acting_user=consulent
    )
    return melding, plan


def termijn(onderwerp, code):
    return Termijn.objects.get(
        regel__code=code, object_id=onderwerp.pk, content_type__model=onderwerp._meta.model_name
    )


def loop_route(client, wet, product, aanbieder, consulent, medewerker, backoffice, capture):
    melding, plan = tot_deel_1(client, wet, consulent)
    taak = services.geef_opdracht_deel_2(
        plan, aanbieder=aanbieder, producten=[product], op=date(2026, 4, 2), acting_user=consulent
    )
    gebied = plan.resultaatgebieden.get()
    services.vul_deel_2_in(
        plan,
        resultaatgebieden=[
            Deel2Invoer(
                gebied, "activering", "Dagbesteding in de wijk", "2x per week", date(2026, 5, 11)
            )
        ],
        acting_user=medewerker,
    )
    services.deel_2_gereed(
        plan,
        client_ondertekend_op=date(2026, 4, 20),
        aanbieder_ondertekend_op=date(2026, 4, 20),
        op=date(2026, 4, 20),
        acting_user=medewerker,
    )
    services.keur_goed(plan, op=date(2026, 4, 21), acting_user=consulent)
    with capture(execute=True):
        beschikking = services.neem_beschikking(
            plan,
            producten=[BeschiktProductInvoer(product, 4)],
            ingangsdatum=date(2026, 5, 11),
            duur="1j",
            motivering="Begeleiding is nodig voor het resultaat.",
            dagtekening=date(2026, 5, 6),
            acting_user=backoffice,
        )
    melding.refresh_from_db()
    plan.refresh_from_db()
    taak.refresh_from_db()
    return melding, plan, taak, beschikking


def controleer_termijnen(melding, plan, taak, beschikking):
    """Every deadline opened on the right werkdag and closed in time."""
    verwacht = [
        # huisbezoek: 5 werkdagen from Wed 1 April, skipping Goede Vrijdag and Tweede Paasdag.
        (termijn(melding, "huisbezoek"), date(2026, 4, 10), date(2026, 4, 1)),
        (termijn(melding, "onderzoek"), date(2026, 4, 29), date(2026, 4, 2)),
        (termijn(melding, "melding_beschikking"), date(2026, 5, 27), date(2026, 5, 6)),
        # plan deel 2: 10 werkdagen from Thu 2 April, across Easter.
        (taak.termijn, date(2026, 4, 20), date(2026, 4, 20)),
        # beschikking: 2 weeks from 21 April is 5 May (Bevrijdingsdag) → 6 May.
        (termijn(plan, "beschikking"), date(2026, 5, 6), date(2026, 5, 6)),
    ]
    for t, vervaldatum, gesloten_op in verwacht:
        assert (t.regel.code, t.vervaldatum, t.status, t.gesloten_op) == (
            t.regel.code,
            vervaldatum,
            TermijnStatus.GEHAALD,
            gesloten_op,
        )
    # start ondersteuning: 10 werkdagen from 6 May, skipping Hemelvaart and the KB Friday.
    start = termijn(beschikking, "start_ondersteuning")
    assert (start.vervaldatum, start.status) == (date(2026, 5, 22), TermijnStatus.VERLOPEN)
    assert list(start.organisaties.all()) == [beschikking.aanbieder.organisatie_ptr]
    assert taak.status == TaakStatus.AFGEROND


def controleer_301(beschikking, aanbieder, naam):
    [toewijzing] = Toewijzing.objects.filter(client=beschikking.client)
    bericht = toewijzing.bericht
    assert validate(bericht.bytes) == []
    bericht.refresh_from_db()
    assert (bericht.naam, bericht.ontvanger_id, bericht.status) == (
        naam,
        aanbieder.pk,
        BerichtStatus.RETOUR_VERZONDEN,
    )
    assert bericht.retourcodes == []
    assert (toewijzing.ingangsdatum, toewijzing.einddatum, toewijzing.volume) == (
        date(2026, 5, 11),
        date(2027, 5, 10),
        4,
    )
    return toewijzing


def test_wmo_client_van_melding_tot_ontvangen_wmo301(
    consulent,
    medewerker,
    backoffice,
    aanbieder,
    wmo_client,
    wmo_product,
    django_capture_on_commit_callbacks,
):
    melding, plan, taak, beschikking = loop_route(
        wmo_client,
        "wmo",
        wmo_product,
        aanbieder,
        consulent,
        medewerker,
        backoffice,
        django_capture_on_commit_callbacks,
    )

    assert (melding.status, plan.status) == (MeldingStatus.BESCHIKT, PlanStatus.BESCHIKT)
    assert bytes(beschikking.pdf).startswith(b"%PDF")
    assert beschikking.einddatum == date(2027, 5, 10)
    controleer_termijnen(melding, plan, taak, beschikking)
    controleer_301(beschikking, aanbieder, "WMO301")
    # The aanbieder has its own record of the client, from the plan (with consent).
    eigen = Client.objects.get(organisatie=aanbieder, bsn=wmo_client.bsn)
    assert (eigen.geslachtsnaam, eigen.geboortedatum) == ("Berg", wmo_client.geboortedatum)
    assert eigen.contacten.get().postcode == "6001AA"
    assert melding.traject.is_deelnemer(aanbieder)


def test_jeugd_client_van_melding_tot_ontvangen_jw301(
    consulent,
    medewerker,
    backoffice,
    aanbieder,
    jeugd_client,
    jeugd_product,
    django_capture_on_commit_callbacks,
):
    melding, plan, taak, beschikking = loop_route(
        jeugd_client,
        "jeugdwet",
        jeugd_product,
        aanbieder,
        consulent,
        medewerker,
        backoffice,
        django_capture_on_commit_callbacks,
    )

    assert (melding.status, plan.status) == (MeldingStatus.BESCHIKT, PlanStatus.BESCHIKT)
    controleer_termijnen(melding, plan, taak, beschikking)
    controleer_301(beschikking, aanbieder, "JW301")
