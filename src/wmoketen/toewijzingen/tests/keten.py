"""The chain of the two-party tests (file mailbox and HTTP API): gemeente 0384 here, aanbieder
42420001 outside with its own software, one allocation, and the delivery dates it reports."""

import io
from datetime import date, timedelta

from django.core.management import call_command

from wmoketen.berichten.models import Berichtkanaal
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
from wmoketen.toewijzingen.models import Toewijzing
from wmoketen.toewijzingen.services import TeWijzenProduct, wijs_toe

VANDAAG = date.today()
INGANG = VANDAAG - timedelta(days=60)
START = INGANG + timedelta(days=2)
PAUZE_EINDE = START + timedelta(days=7)
HERSTART = PAUZE_EINDE + timedelta(days=33)  # a pause of more than 28 days: reported
STOP = VANDAAG - timedelta(days=2)

# (wet, product, reden of the final stop, message names)
WETTEN = {
    "wmo": (dict(wet="wmo", productcategorie="02", productcode="02A01"), "19", "WMO"),
    "jeugdwet": (
        dict(wet="jeugdwet", productcategorie="45", productcode="45A48", frequentie="4"),
        "31",
        "JW",
    ),
}


def keten(wet: str, aanbieder_kanaal: str):
    """Gemeente 0384 here; aanbieder 42420001 outside, on ``aanbieder_kanaal``."""
    gemeente = GemeenteFactory(naam="Voorbeeldgemeente", gemeentecode="0384")
    aanbieder = AanbiederFactory(naam="Zorggroep Buiten", agb_code="42420001")
    Berichtkanaal.objects.create(organisatie=aanbieder, transport=aanbieder_kanaal)
    contract = ContractFactory(gemeente=gemeente, aanbieder=aanbieder, begindatum=date(2025, 1, 1))
    velden, _, _ = WETTEN[wet]
    product = ProductFactory(**velden)
    ContractregelFactory(
        contract=contract, product=product, eenheid=product.eenheid, frequentie=product.frequentie
    )
    client = ClientFactory(organisatie=gemeente, geslachtsnaam="Berg", voorvoegsel="van den")
    ContactFactory(client=client, telefoonnummer="0612345678")
    backoffice = GebruikerFactory(organisatie=gemeente)
    [toewijzing] = wijs_toe(
        gemeente=gemeente,
        aanbieder=aanbieder,
        client=client,
        wet=wet,
        producten=[TeWijzenProduct(product, INGANG, INGANG + timedelta(days=364), 3, "04", None)],
        beschikkingnummer="B-2026-001",
        acting_user=backoffice,
    )
    return gemeente, aanbieder, toewijzing


def leveringen(toewijzing: Toewijzing):
    return list(
        toewijzing.leveringen.order_by("begindatum", "pk").values_list(
            "begindatum", "einddatum", "reden_beeindiging", "status"
        )
    )


def gemeente_cron() -> None:
    """What cron runs at the gemeente: read the mailbox, then write what goes out."""
    uit = io.StringIO()
    call_command("berichten_import", stdout=uit, stderr=uit)
    call_command("berichten_export", stdout=uit, stderr=uit)
    assert "geweigerd:" not in uit.getvalue().lower(), uit.getvalue()
