"""A Wmo client and a Jeugd client walked from melding to the 301 received by the aanbieder.

Fixed dates across Goede Vrijdag (3 April 2026), Tweede Paasdag (6 April), Bevrijdingsdag
(5 May), Hemelvaartsdag (14 May) and the KB day after it (15 May), in Weert (regio
Midden-Limburg West, whose regional rules apply: huisbezoek 5 werkdagen, plan deel 2
10 werkdagen).
"""

from datetime import date

import pytest

from istandaarden.validation import validate
from wmoketen.berichten.constants import Status as BerichtStatus
from wmoketen.clienten.models import Client
from wmoketen.scenario import Stap, voorjaar
from wmoketen.termijnen.constants import Status as TermijnStatus
from wmoketen.toegang.constants import MeldingStatus, PlanStatus
from wmoketen.toewijzingen.models import Toewijzing
from wmoketen.trajecten.constants import TaakStatus

from .hulp import termijn

# The scenario's fixed dates hold around named holidays: today stays the day it was written.
pytestmark = pytest.mark.usefixtures("vandaag_vast")


def loop_route(client, wet, product, aanbieder, consulent, medewerker, backoffice, capture):
    route = voorjaar(
        client,
        wet,
        consulent,
        aanbieder=aanbieder,
        medewerker=medewerker,
        backoffice=backoffice,
        product=product,
        opdracht_op=date(2026, 4, 2),
        deel_2=("activering", "Dagbesteding in de wijk", "2x per week", date(2026, 5, 11)),
        deel_2_ondertekend_op=date(2026, 4, 20),
        deel_2_gereed_op=date(2026, 4, 20),
        akkoord_op=date(2026, 4, 21),
        ingangsdatum=date(2026, 5, 11),
        motivering="Begeleiding is nodig voor het resultaat.",
        dagtekening=date(2026, 5, 6),
        bezorgen=lambda: capture(execute=True),
    ).tot(Stap.BESCHIKKING)
    return route.melding, route.plan, route.taak, route.beschikking


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
