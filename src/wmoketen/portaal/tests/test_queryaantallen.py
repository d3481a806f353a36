"""The start page reads each role's worklist in a fixed number of queries (#20): rendered with
about 10 and with about 100 rows of work behind it, every role's page and each of its filters
(``soort``) make the same number of queries.

The work is made through the services, as the people on the route would: meldingen, cases
up to the order for deel 2, deel 2 ready, the aanvraag and the beschikking (with its 301
delivered), allocations received by the aanbieder whose 301 came back rejected, and tasks
with a chosen due date for the gemeente and the aanbieder. Today is 4 December 2026, so the
deadlines run out within the worklist's fortnight or are overdue.
"""

from datetime import date
from itertools import count
from urllib.parse import urlencode

import pytest

from wmoketen.berichten.constants import Status as BerichtStatus
from wmoketen.berichten.models import Bericht
from wmoketen.factories import ClientFactory, ContactFactory
from wmoketen.gedeeld.werklijst import bronnen_voor, werklijst
from wmoketen.scenario import Stap, voorjaar
from wmoketen.testhulp import aantal_queries
from wmoketen.toegang import services as toegang
from wmoketen.toewijzingen.services import wijs_toe
from wmoketen.toewijzingen.tests.hulp import per_week
from wmoketen.trajecten import services as trajecten


@pytest.fixture(autouse=True)
def _brief_zonder_pdf(monkeypatch):
    """The beschikking's letter plays no part in the worklist; rendering it is slow."""
    monkeypatch.setattr("wmoketen.toegang.services.brief.beschikking_pdf", lambda brief: b"%PDF")


class Werkvoorraad:
    """Work for the consulent, the backoffice and the aanbieder's medewerker; ``groei(n)``
    adds ``n`` of each kind: about 6 to 9 rows in each of their worklists."""

    def __init__(self, consulent, backoffice, medewerker, aanbieder, product, bezorg):
        self.consulent, self.backoffice, self.medewerker = consulent, backoffice, medewerker
        self.gemeente, self.aanbieder = consulent.organisatie, aanbieder
        self.product, self.bezorg = product, bezorg
        self.nummers = count(1)
        self.traject = None

    def groei(self, n: int) -> None:
        for _ in range(n):
            self.melding()
            for stap in (Stap.OPDRACHT, Stap.DEEL_2, Stap.AKKOORD, Stap.BESCHIKKING):
                self.casus(stap)
            for _ in range(2):
                self.toewijzing()
                self.taken()

    def client(self):
        client = ClientFactory(organisatie=self.gemeente)
        ContactFactory(client=client)
        return client

    def melding(self):
        """Caseload, a huisbezoek to plan and their deadlines (consulent)."""
        toegang.registreer_melding(
            client=self.client(),
            wet="wmo",
            ontvangen_op=date(2026, 12, 1),
            kanaal="telefonisch",
            acting_user=self.consulent,
        )

    def casus(self, stap: Stap):
        """A melding of 16-11-2026 walked up to ``stap``."""
        voorjaar(
            self.client(),
            "wmo",
            self.consulent,
            melding_op=date(2026, 11, 16),
            aanbieder=self.aanbieder,
            product=self.product,
            medewerker=self.medewerker,
            backoffice=self.backoffice,
            bezorgen=self.bezorg,
            opdracht_op=date(2026, 11, 18),
            deel_2=("ondersteuning", "Thuis", "1x per week", date(2026, 12, 14)),
            deel_2_ondertekend_op=date(2026, 11, 30),
            deel_2_gereed_op=date(2026, 11, 30),
            akkoord_op=date(2026, 12, 1),
            ingangsdatum=date(2026, 12, 7),
            dagtekening=date(2026, 12, 2),
        ).tot(stap)

    def toewijzing(self):
        """Allocated retroactively and received: start_ondersteuning and start_zorg run, the
        aanbieder has it to start; its 301 came back rejected (backoffice)."""
        with self.bezorg():
            [toewijzing] = wijs_toe(
                gemeente=self.gemeente,
                aanbieder=self.aanbieder,
                client=self.client(),
                wet="wmo",
                producten=[
                    per_week(self.product, ingang=date(2026, 11, 2), einde=date(2027, 11, 1))
                ],
                beschikkingnummer=f"B-{next(self.nummers)}",
                acting_user=self.backoffice,
            )
        Bericht.objects.filter(pk=toewijzing.bericht_id).update(
            status=BerichtStatus.AFGEKEURD, retourcodes=["8001"]
        )

    def taken(self):
        """A task for the gemeente and one for the aanbieder, due 10-12-2026."""
        if self.traject is None:
            self.traject = trajecten.start_traject(
                client=self.client(),
                onderwerp="Thuis wonen",
                wet="wmo",
                startdatum=date(2026, 11, 1),
                acting_user=self.consulent,
            )
            trajecten.voeg_aanbieder_toe(
                self.traject, aanbieder=self.aanbieder, acting_user=self.consulent
            )
        for organisatie in (self.gemeente, self.aanbieder):
            trajecten.maak_taak(
                self.traject,
                naam="Bellen",
                soort="overig",
                toegewezen_aan_organisatie=organisatie,
                vervaldatum=date(2026, 12, 10),
                acting_user=self.consulent,
            )


def _queries_per_pagina(client, gebruikers) -> dict[tuple[str, str], int]:
    """Per (user, url): the queries of the start page and of each of its filters."""
    aantallen = {}
    for gebruiker in gebruikers:
        client.force_login(gebruiker)
        aantal_queries(client, "/")  # the caches of a running process (content types)
        urls = ["/"] + [f"/?{urlencode({'soort': b.naam})}" for b in bronnen_voor(gebruiker)]
        for url in urls:
            aantallen[gebruiker.username, url] = aantal_queries(client, url)
    return aantallen


def _minste_rijen(gebruikers) -> int:
    """The length of the shortest of the users' worklists."""
    return min(len(werklijst(type(g).objects.get(pk=g.pk))) for g in gebruikers)


def test_startpagina_per_rol_in_een_vast_aantal_queries(
    client, vandaag_vast, consulent, backoffice, medewerker, aanbieder, wmo_product, bezorg
):
    gebruikers = (consulent, backoffice, medewerker)
    werk = Werkvoorraad(consulent, backoffice, medewerker, aanbieder, wmo_product, bezorg)
    werk.groei(2)
    assert _minste_rijen(gebruikers) >= 10
    bij_10 = _queries_per_pagina(client, gebruikers)

    werk.groei(13)

    assert _minste_rijen(gebruikers) >= 90
    assert _queries_per_pagina(client, gebruikers) == bij_10
