"""Two real parties over the FILE MAILBOX: start, pause (reden 20), restart and stop.

Our installation holds the gemeente (Berichtkanaal intern). The aanbieder is a separate
organisation with its own software (Berichtkanaal ``bestand``): it never calls our services,
it only gets the files our ``berichten_export`` writes and delivers files that our
``berichten_import`` reads (``buitenpartij.BuitenAanbieder``). Every message on both sides is
validated against the standard.
"""

import io
from datetime import date, timedelta

import pytest
from django.core.management import call_command

from istandaarden.validation import validate
from wmoketen.berichten.constants import Status, Transport
from wmoketen.berichten.models import Bericht, Berichtkanaal
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
from wmoketen.toewijzingen.constants import LeveringStatus
from wmoketen.toewijzingen.models import AanbiederToewijzing, Toewijzing
from wmoketen.toewijzingen.services import TeWijzenProduct, wijs_toe

from .buitenpartij import BuitenAanbieder, Uitwisseling

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


def gemeente_cron() -> None:
    """What cron runs at the gemeente: read the mailbox, then write what goes out."""
    uit = io.StringIO()
    call_command("berichten_import", stdout=uit, stderr=uit)
    call_command("berichten_export", stdout=uit, stderr=uit)
    assert "geweigerd:" not in uit.getvalue().lower(), uit.getvalue()


def leveringen(toewijzing: Toewijzing):
    return list(
        toewijzing.leveringen.order_by("begindatum", "pk").values_list(
            "begindatum", "einddatum", "reden_beeindiging", "status"
        )
    )


@pytest.fixture
def bus(settings, tmp_path):
    settings.BERICHTEN_BRIEVENBUS = tmp_path
    return tmp_path


@pytest.mark.parametrize("wet", ["wmo", "jeugdwet"])
def test_start_pauze_herstart_stop_via_de_brievenbus(db, bus, wet):
    gemeente, aanbieder, toewijzing = keten(wet, Transport.BESTAND)
    _, reden_stop, prefix = WETTEN[wet]
    buiten = BuitenAanbieder("42420001", "0384", Uitwisseling(bus, "0384", "42420001"))
    nummer = toewijzing.toewijzingnummer

    # The 301 waits in our store until the export writes it to the exchange.
    heen = toewijzing.bericht
    assert (heen.naam, heen.transport, heen.status) == (f"{prefix}301", "bestand", "verzonden")
    assert buiten.verwerk_postbus() == []
    gemeente_cron()
    assert buiten.verwerk_postbus() == [f"{prefix}301"]
    assert buiten.toewijzingen[nummer].ingangsdatum == INGANG.isoformat()
    # Our installation holds no aanbieder-side record: that lives in the aanbieder's software.
    assert not AanbiederToewijzing.objects.exists()

    gemeente_cron()  # reads the 302
    heen.refresh_from_db()
    assert heen.retourcodes == []
    assert Bericht.objects.get(nummer=302).heenbericht_id == heen.pk  # matched by Identificatie

    # Start: 305 → recorded at the gemeente → 306 back over the mailbox.
    id_start = buiten.start(nummer, START)
    gemeente_cron()
    assert leveringen(toewijzing) == [(START, None, "", LeveringStatus.GESTART)]
    assert buiten.verwerk_postbus() == [f"{prefix}306"]
    assert buiten.retouren[id_start] == []

    # Pause: a stop with reden 20; the allocation stays.
    id_pauze = buiten.stop(nummer, START, PAUZE_EINDE, "20")
    gemeente_cron()
    assert leveringen(toewijzing) == [(START, PAUZE_EINDE, "20", LeveringStatus.GEPAUZEERD)]
    assert buiten.verwerk_postbus() == [f"{prefix}308"]
    assert buiten.retouren[id_pauze] == []
    toewijzing.refresh_from_db()
    assert toewijzing.einddatum == INGANG + timedelta(days=364)

    # Restart: a new 305 opens a second delivery period.
    id_herstart = buiten.start(nummer, HERSTART)
    gemeente_cron()
    assert leveringen(toewijzing) == [
        (START, PAUZE_EINDE, "20", LeveringStatus.GEPAUZEERD),
        (HERSTART, None, "", LeveringStatus.GESTART),
    ]
    assert buiten.verwerk_postbus() == [f"{prefix}306"]
    assert buiten.retouren[id_herstart] == []

    # Stop for good.
    id_stop = buiten.stop(nummer, HERSTART, STOP, reden_stop)
    gemeente_cron()
    assert leveringen(toewijzing) == [
        (START, PAUZE_EINDE, "20", LeveringStatus.GEPAUZEERD),
        (HERSTART, STOP, reden_stop, LeveringStatus.GESTOPT),
    ]
    assert buiten.verwerk_postbus() == [f"{prefix}308"]
    assert buiten.retouren[id_stop] == []

    # Every message on our side: valid, through the pipeline, delivered over the mailbox.
    namen = [(b.naam, b.status, b.transport, b.retourcodes) for b in Bericht.objects.order_by("pk")]
    s = prefix
    assert namen == [
        (f"{s}301", Status.VERZONDEN, "bestand", []),
        (f"{s}302", Status.VERWERKT, "bestand", []),
        (f"{s}305", Status.RETOUR_VERZONDEN, "bestand", []),
        (f"{s}306", Status.VERZONDEN, "bestand", []),
        (f"{s}307", Status.RETOUR_VERZONDEN, "bestand", []),
        (f"{s}308", Status.VERZONDEN, "bestand", []),
        (f"{s}305", Status.RETOUR_VERZONDEN, "bestand", []),
        (f"{s}306", Status.VERZONDEN, "bestand", []),
        (f"{s}307", Status.RETOUR_VERZONDEN, "bestand", []),
        (f"{s}308", Status.VERZONDEN, "bestand", []),
    ]
    assert all(validate(b.bytes) == [] for b in Bericht.objects.all())
    assert not Bericht.objects.filter(opgehaald_op__isnull=True, status=Status.VERZONDEN).exists()
    assert [n for n, _ in buiten.ontvangen] == [
        f"{s}301",
        f"{s}306",
        f"{s}308",
        f"{s}306",
        f"{s}308",
    ]
    # Nothing was left behind or refused in the mailbox.
    assert not list((bus / "0384" / "in").glob("42420001/*.xml"))
    assert not (bus / "0384" / "in" / "fout").exists()


def test_dubbel_geleverde_305_wordt_niet_opnieuw_verwerkt(db, bus):
    """The exchange delivers the same 305 file twice: stored as dubbel, one start recorded."""
    _, _, toewijzing = keten("wmo", Transport.BESTAND)
    uitwisseling = Uitwisseling(bus, "0384", "42420001")
    buiten = BuitenAanbieder("42420001", "0384", uitwisseling)
    gemeente_cron()
    buiten.verwerk_postbus()
    buiten.start(toewijzing.toewijzingnummer, START)
    [bestand] = uitwisseling.naar_gemeente.glob("*305*.xml")
    kopie = bestand.read_bytes()
    gemeente_cron()
    uitwisseling.lever("nogmaals-" + bestand.name, kopie)
    gemeente_cron()

    assert leveringen(toewijzing) == [(START, None, "", LeveringStatus.GESTART)]
    assert sorted(Bericht.objects.filter(nummer=305).values_list("status", flat=True)) == [
        Status.DUBBEL,
        Status.RETOUR_VERZONDEN,
    ]
