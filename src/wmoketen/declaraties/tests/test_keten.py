"""Three months of declarations between one gemeente (here) and two aanbieders OUTSIDE our
installation, one on the file mailbox and one on the HTTP API, for the Wmo and the Jeugdwet.

The aanbieders' software only sees XML (``buitendeclarant.BuitenDeclarant``): it learns its
allocations from the 301s, starts with a 305, declares each month with its own 323 and reads
the 325 that answers it. The gemeente's backoffice answers what arrived. Every message either
side stored or received is valid against the standard.
"""

from datetime import date, timedelta

import pytest
from django.test import Client

from istandaarden.validation import validate
from wmoketen.accounts.constants import Rol
from wmoketen.berichten.api.authenticatie import nieuwe_token
from wmoketen.berichten.constants import Transport
from wmoketen.berichten.models import Bericht, Berichtkanaal
from wmoketen.declaraties.beantwoorden import beantwoord
from wmoketen.declaraties.constants import BeoordelingStatus
from wmoketen.declaraties.models import OntvangenDeclaratie
from wmoketen.factories import (
    AanbiederFactory,
    ClientFactory,
    ContactFactory,
    ContractFactory,
    ContractregelFactory,
    GebruikerFactory,
    GemeenteFactory,
    ProductFactory,
)
from wmoketen.termijnen.services import laad_standaardregels
from wmoketen.toewijzingen.services import TeWijzenProduct, wijs_toe
from wmoketen.toewijzingen.tests.buitenpartij import Api, Uitwisseling
from wmoketen.toewijzingen.tests.keten import gemeente_cron

from .buitendeclarant import BuitenDeclarant

VANDAAG = date.today()
MAANDEN = []  # the three months before this one: (first day, last day)
_eind = VANDAAG.replace(day=1) - timedelta(days=1)
for _ in range(3):
    MAANDEN.insert(0, (_eind.replace(day=1), _eind))
    _eind = _eind.replace(day=1) - timedelta(days=1)
INGANG = MAANDEN[0][0]
TARIEF = 6500  # the contract's €65.00, in cent (TR418)
# Hours: within 3 a week (Wmo) or a month (Jeugdwet), and over the month's maximum (TR321:
# 9321; at most 6 ISO weeks × 3 = 18) but not over the whole allocation's (TR322).
BINNEN, TE_VEEL = 3, 20

PRODUCTEN = {
    "wmo": dict(wet="wmo", productcategorie="02", productcode="02A01", frequentie="2"),
    "jeugdwet": dict(wet="jeugdwet", productcategorie="45", productcode="45A48", frequentie="4"),
}


@pytest.fixture
def bus(settings, tmp_path):
    settings.BERICHTEN_BRIEVENBUS = tmp_path
    return tmp_path


def _keten(wet, bus):
    laad_standaardregels(acting_user=None)
    gemeente = GemeenteFactory(naam="Voorbeeldgemeente", gemeentecode="0384")
    backoffice = GebruikerFactory(organisatie=gemeente, rol=Rol.BACKOFFICE)
    product = ProductFactory(**PRODUCTEN[wet])
    buiten = []
    for agb, kanaal in (("42420001", Transport.BESTAND), ("42420002", Transport.API)):
        aanbieder = AanbiederFactory(naam=f"Zorg {agb}", agb_code=agb)
        Berichtkanaal.objects.create(organisatie=aanbieder, transport=kanaal)
        contract = ContractFactory(
            gemeente=gemeente, aanbieder=aanbieder, begindatum=date(2025, 1, 1)
        )
        ContractregelFactory(
            contract=contract, product=product, eenheid="04", frequentie=product.frequentie
        )
        client = ClientFactory(organisatie=gemeente)
        ContactFactory(client=client)
        wijs_toe(
            gemeente=gemeente,
            aanbieder=aanbieder,
            client=client,
            wet=wet,
            producten=[
                TeWijzenProduct(product, INGANG, INGANG + timedelta(days=364), 3, "04", None)
            ],
            beschikkingnummer=f"B-{agb}",
            acting_user=backoffice,
        )
        if kanaal == Transport.API:
            _, sleutel = nieuwe_token(organisatie=aanbieder, naam="Declaratiesysteem")
            transport = Api(Client(), sleutel, "0384")
        else:
            transport = Uitwisseling(bus, "0384", agb)
        buiten.append(BuitenDeclarant(agb, "0384", transport))
    return backoffice, buiten


def _beantwoord_alles(backoffice) -> int:
    open_ = OntvangenDeclaratie.objects.filter(status=BeoordelingStatus.TE_BEOORDELEN)
    for declaratie in open_:
        beantwoord(declaratie, acting_user=backoffice)
    return len(open_)


@pytest.mark.parametrize("wet", ["wmo", "jeugdwet"])
def test_drie_maanden_declareren_via_brievenbus_en_api(db, bus, wet):
    backoffice, buiten = _keten(wet, bus)
    gemeente_cron()  # the mailbox aanbieder's 301 goes out
    for aanbieder in buiten:
        assert aanbieder.verwerk_postbus()[-1].endswith("301")
        [nummer] = aanbieder.toewijzingen
        aanbieder.start(nummer, INGANG)
    gemeente_cron()  # the 302 and 305 come in, the 306 goes out

    for maand, (begin, eind) in enumerate(MAANDEN):
        ids = []
        for a, aanbieder in enumerate(buiten):
            [nummer] = aanbieder.toewijzingen
            volume = TE_VEEL if (maand, a) == (2, 1) else BINNEN
            ids.append(aanbieder.declareer(begin, eind, [(nummer, volume, TARIEF, f"R{a}{maand}")]))
        gemeente_cron()  # the mailbox 323 is read; the API one was processed when posted
        assert _beantwoord_alles(backoffice) == 2
        gemeente_cron()  # the 325 to the mailbox aanbieder
        for a, aanbieder in enumerate(buiten):
            aanbieder.verwerk_postbus()
            antwoord = aanbieder.antwoorden[ids[a]]
            assert antwoord.header == ["0200"]
            if (maand, a) == (2, 1):  # over the allocated volume: rejected, nothing granted
                assert antwoord.afgewezen == {f"R{a}{maand}": ["9321"]}
                assert (antwoord.declaratie, antwoord.toegekend) == (["0200"], 0)
            else:  # fully granted: 8001 and no prestaties listed
                assert antwoord.afgewezen == {}
                assert (antwoord.declaratie, antwoord.toegekend) == (["8001"], BINNEN * TARIEF)

    # Three 323s per aanbieder, each answered by exactly one 325; everything valid.
    berichten = Bericht.objects.met_inhoud()
    assert berichten.filter(nummer=323).count() == 6
    assert berichten.filter(nummer=325).count() == 6
    assert all(validate(b.bytes) == [] for b in berichten)
    assert not OntvangenDeclaratie.objects.exclude(status=BeoordelingStatus.BEANTWOORD).exists()
