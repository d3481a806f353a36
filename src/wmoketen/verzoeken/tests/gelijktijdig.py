"""Ten requests (315) of one aanbieder arriving at once, as scenarios for both databases.

``test_gelijktijdig`` runs them in-process on PostgreSQL; on SQLite it runs this module in a
subprocess on a database file (pytest-django's in-memory SQLite shares one cache between its
connections, which fails concurrent writers at once instead of letting them wait):

    DATABASE_URL=sqlite:////tmp/x.sqlite3 python -c "import django; django.setup(); \\
        from wmoketen.verzoeken.tests.gelijktijdig import main; main()"

prints ``{scenario: uitkomst}`` as JSON after migrating that file.
"""

import json
import threading
import time
from collections import Counter
from contextlib import contextmanager
from itertools import count

from django.core.management import call_command
from django.db import connection

from wmoketen.berichten.constants import Transport
from wmoketen.berichten.handlers import HANDLERS
from wmoketen.berichten.models import Bericht, Berichtkanaal
from wmoketen.berichten.services import ontvang
from wmoketen.clienten.models import Client
from wmoketen.factories import (
    AanbiederFactory,
    ClientFactory,
    ContractFactory,
    ContractregelFactory,
    GemeenteFactory,
    geldig_bsn,
)
from wmoketen.producten.models import Product
from wmoketen.termijnen.services import laad_standaardregels

from .berichten import bericht_315

AANTAL = 10
_gemeentecodes = count(9101)


def opzet():
    """What the pipeline needs in an emptied database; the aanbieder fetches its retours."""
    laad_standaardregels(acting_user=None)
    if not Product.objects.exists():
        call_command("loaddata", "producten", verbosity=0)
    aanbieder = AanbiederFactory(naam="Zorggroep Test", agb_code="12345678")
    Berichtkanaal.objects.get_or_create(organisatie=aanbieder, transport=Transport.API)
    return aanbieder


def _gemeente(aanbieder):
    """A gemeente the aanbieder has a contract with, working with open beschikkingen: no
    automatic 319 (ontvangst), so a request stays onderhanden."""
    gemeente = GemeenteFactory(gemeentecode=f"{next(_gemeentecodes):04d}")
    gemeente.open_beschikkingen = True
    gemeente.save()
    contract = ContractFactory(gemeente=gemeente, aanbieder=aanbieder)
    ContractregelFactory(contract=contract, product=_product())
    return gemeente


@contextmanager
def trage_315(seconden: float = 0.1):
    """The 315 handler lingers before its commit: the others arrive while it holds the client."""
    sleutels = [("iwmo", 315), ("ijw", 315)]
    bewaard = {k: HANDLERS[k] for k in sleutels}

    def traag(echt):
        def handler(ontvangen):
            echt(ontvangen)
            time.sleep(seconden)

        return handler

    HANDLERS.update({k: traag(f) for k, f in bewaard.items()})
    try:
        yield
    finally:
        HANDLERS.update(bewaard)


def tegelijk(berichten: list[bytes], afzender, ontvanger) -> list[Bericht]:
    """Receive every message in its own thread, all starting at the same moment."""
    start = threading.Barrier(len(berichten))
    pks, fouten = [], []

    def werker(data):
        try:
            start.wait(timeout=30)
            pks.append(
                ontvang(data, afzender=afzender, ontvanger=ontvanger, transport=Transport.API).pk
            )
        except Exception as exc:  # reported below: a thread's exception is otherwise lost
            fouten.append(repr(exc))
        finally:
            connection.close()

    draden = [threading.Thread(target=werker, args=(data,)) for data in berichten]
    with trage_315():
        for draad in draden:
            draad.start()
        for draad in draden:
            draad.join(timeout=120)
    assert fouten == [], fouten
    return list(Bericht.objects.filter(pk__in=pks))


def uitkomst(berichten: list[Bericht], gemeente, bsns) -> dict:
    """What happened, comparable across databases: the statuses, the rules that refused."""
    return {
        "statussen": dict(Counter(b.status for b in berichten)),
        "regels": dict(Counter(",".join(f["code"] for f in b.fouten) for b in berichten)),
        "retourcodes": dict(
            Counter(",".join(c for c in b.retourcodes if c != "0200") for b in berichten)
        ),
        "foutmeldingen": [b.foutmelding for b in berichten if b.foutmelding],
        "clienten": Client.objects.filter(organisatie=gemeente, bsn__in=bsns).count(),
    }


def _product():
    return Product.objects.get(wet="wmo", productcode="2701")


def een_client(aanbieder) -> dict:
    """TR374: ten requests for one client, each with its own ReferentieAanbieder."""
    gemeente = _gemeente(aanbieder)
    client = ClientFactory(organisatie=gemeente)
    berichten = [
        bericht_315(gemeente, aanbieder, client.bsn, [f"C{i:010d}"], _product())
        for i in range(AANTAL)
    ]
    return uitkomst(tegelijk(berichten, aanbieder, gemeente), gemeente, [client.bsn])


def een_referentie(aanbieder) -> dict:
    """TR347: ten requests for ten clients with the same ReferentieAanbieder."""
    gemeente = _gemeente(aanbieder)
    clienten = [ClientFactory(organisatie=gemeente) for _ in range(AANTAL)]
    berichten = [
        bericht_315(gemeente, aanbieder, c.bsn, ["R0000000347"], _product()) for c in clienten
    ]
    bsns = [c.bsn for c in clienten]
    return uitkomst(tegelijk(berichten, aanbieder, gemeente), gemeente, bsns)


def nieuwe_client(aanbieder) -> dict:
    """Ten requests for a client the gemeente does not know yet: one record is made."""
    gemeente = _gemeente(aanbieder)
    bsn = geldig_bsn(4242)
    berichten = [
        bericht_315(gemeente, aanbieder, bsn, [f"N{i:010d}"], _product()) for i in range(AANTAL)
    ]
    return uitkomst(tegelijk(berichten, aanbieder, gemeente), gemeente, [bsn])


SCENARIOS = {
    "een_client": een_client,
    "een_referentie": een_referentie,
    "nieuwe_client": nieuwe_client,
}


def main() -> None:
    """Migrate the (file) database of DATABASE_URL, run every scenario, print the outcomes."""
    call_command("migrate", verbosity=0)
    aanbieder = opzet()
    print(json.dumps({naam: scenario(aanbieder) for naam, scenario in SCENARIOS.items()}))
