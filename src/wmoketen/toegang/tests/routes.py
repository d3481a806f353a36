"""The routes the toegang tests walk (``wmoketen.scenario``) with their data, shared with the
evaluaties, mutaties and portaal tests through the root conftest's fixtures.

* ``voorjaarsroute``: the route of spring 2026 of the service tests, to a beschikking of one
  year from 1 May 2026; ``beschik``: that beschikking, taken by hand.
* The herindicatie's dates, relative to today: a 301 carries the allocations current today
  and a service date may not lie in the future, so the first route lies in the past and its
  beschikking ends about ten months ahead (``EINDE``, on a werkdag 8 weeks after a werkdag).
"""

from datetime import date, timedelta

from wmoketen.scenario import Scenario, Stap, alle_domeinen, voorjaar
from wmoketen.stromen import beschikking as stromen
from wmoketen.termijnen import kalender
from wmoketen.toegang.services import BeschiktProductInvoer, ResultaatgebiedInvoer


def voorjaarsroute(client, consulent, aanbieder, product, **velden) -> Scenario:
    """``scenario.voorjaar`` with the later steps of the toegang service tests: order 2 April,
    deel 2 signed 14 April, akkoord 15 April, beschikking of 20 April from 1 May (3 a week)."""
    return voorjaar(
        client,
        "wmo",
        consulent,
        aanbieder=aanbieder,
        product=product,
        opdracht_op=date(2026, 4, 2),
        deel_2=("ondersteuning", "Thuis", "1x per week", date(2026, 5, 1)),
        deel_2_ondertekend_op=date(2026, 4, 14),
        deel_2_gereed_op=date(2026, 4, 14),
        akkoord_op=date(2026, 4, 15),
        volume=3,
        ingangsdatum=date(2026, 5, 1),
        motivering="Nodig.",
        dagtekening=date(2026, 4, 20),
        **velden,
    )


def beschik(plan, product, gebruiker, **kwargs):
    """The beschikking of the spring-2026 route (``voorjaarsroute``), with ``kwargs``."""
    return stromen.neem_beschikking(
        plan,
        producten=[BeschiktProductInvoer(product, 3)],
        motivering="Nodig.",
        dagtekening=date(2026, 4, 20),
        acting_user=gebruiker,
        **{"ingangsdatum": date(2026, 5, 1), "duur": "1j", **kwargs},
    )


# Herindicatie ---------------------------------------------------------------------------------

VANDAAG = date.today()
ACHT_WEKEN = timedelta(weeks=8)

# The first route, in the past: melding, opdracht deel 2, deel 2 signed, akkoord, beschikking.
MELDING_OP = VANDAAG - timedelta(days=250)
OPDRACHT_OP = MELDING_OP + timedelta(days=1)
DEEL_2_GEREED = MELDING_OP + timedelta(days=19)
AKKOORD_OP = MELDING_OP + timedelta(days=20)
DAGTEKENING = MELDING_OP + timedelta(days=35)
BEGIN = MELDING_OP + timedelta(days=40)


def _einde() -> date:
    """About ten months ahead, a werkdag whose day 8 weeks before is a werkdag too: the signal
    then falls exactly 8 weeks before and the tasks are due on the einddatum itself."""
    einde = VANDAAG + timedelta(days=300)
    while not (kalender.is_werkdag(einde) and kalender.is_werkdag(einde - ACHT_WEKEN)):
        einde += timedelta(days=1)
    return einde


EINDE = _einde()
SIGNAALDAG = EINDE - ACHT_WEKEN
AANSLUITEND = EINDE + timedelta(days=1)  # the herindicatie's ingangsdatum
EINDE_VERVOLG = kalender.plus_maanden(AANSLUITEND, 12) - timedelta(days=1)  # duur 1j
START = VANDAAG - timedelta(days=30)  # the follow-up starts
PROFIEL_VANAF = VANDAAG + timedelta(days=28)  # the profielwijziging's ingangsdatum


def eerste_route(client, product, aanbieder, consulent, medewerker, backoffice, **velden):
    """The first route, in the past: beschikking from ``BEGIN`` to ``EINDE``."""
    return voorjaar(
        client,
        "wmo",
        consulent,
        melding_op=MELDING_OP,
        aanbieder=aanbieder,
        medewerker=medewerker,
        backoffice=backoffice,
        product=product,
        opdracht_op=OPDRACHT_OP,
        deel_2=("activering", "Dagbesteding", "2x", BEGIN),
        deel_2_ondertekend_op=DEEL_2_GEREED,
        deel_2_gereed_op=DEEL_2_GEREED,
        akkoord_op=AKKOORD_OP,
        ingangsdatum=BEGIN,
        duur="anders",
        dagtekening=DAGTEKENING,
        **{"einddatum": EINDE, "motivering": "Begeleiding is nodig.", **velden},
    )


def eerste_beschikking(
    client, product, aanbieder, consulent, medewerker, backoffice, capture, *, einde=EINDE
):
    """The first route's beschikking, its 301 delivered."""
    route = eerste_route(
        client,
        product,
        aanbieder,
        consulent,
        medewerker,
        backoffice,
        einddatum=einde,
        bezorgen=lambda: capture(execute=True),
    )
    return route.tot(Stap.BESCHIKKING).beschikking


def vervolg_tot_akkoord(melding, product, aanbieder, consulent, medewerker, startdatum):
    """The follow-up walks the normal route: onderzoek, plan deel 1 and 2, akkoord (from the
    day after ``START`` to two weeks later)."""
    dag = START + timedelta(days=1)
    route = Scenario.vanaf(
        melding,
        consulent=consulent,
        aanbieder=aanbieder,
        medewerker=medewerker,
        product=product,
        huisbezoek=False,
        domeinen=alle_domeinen(3, "problemen", "krachten"),
        verslag="Herbeoordeling.",
        onderzoek_ondertekend_op=dag,
        onderzoek_afgerond_op=dag,
        resultaatgebieden=[ResultaatgebiedInvoer("tijdsbesteding", "Dagbesteding behouden.")],
        toestemming_op=dag,
        opdracht_op=dag,
        deel_2=("activering", "Dagbesteding", "2x", startdatum),
        deel_2_ondertekend_op=START + timedelta(days=14),
        deel_2_gereed_op=START + timedelta(days=14),
        akkoord_op=START + timedelta(days=15),
    )
    return route.tot(Stap.AKKOORD).plan


def neem(plan, product, backoffice, capture, **velden):
    """The follow-up's beschikking (6 a week), its 301 delivered."""
    velden = {"duur": "1j", "dagtekening": START + timedelta(days=18), **velden}
    with capture(execute=True):
        return stromen.neem_beschikking(
            plan,
            producten=[BeschiktProductInvoer(product, 6)],
            motivering="Vervolg van de begeleiding.",
            acting_user=backoffice,
            **velden,
        )
