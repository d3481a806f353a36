"""Two real parties over the FILE MAILBOX: start, pause (reden 20), restart and stop.

Our installation holds the gemeente (Berichtkanaal intern). The aanbieder is a separate
organisation with its own software (Berichtkanaal ``bestand``): it never calls our services,
it only gets the files our ``berichten_export`` writes and delivers files that our
``berichten_import`` reads (``buitenpartij.BuitenAanbieder``). Every message on both sides is
validated against the standard.
"""

from datetime import timedelta

import pytest

from istandaarden.validation import validate
from wmoketen.berichten.constants import Status, Transport
from wmoketen.berichten.models import Bericht
from wmoketen.toewijzingen.constants import LeveringStatus
from wmoketen.toewijzingen.models import AanbiederToewijzing

from .buitenpartij import BuitenAanbieder, Uitwisseling
from .keten import (
    HERSTART,
    INGANG,
    PAUZE_EINDE,
    START,
    STOP,
    WETTEN,
    gemeente_cron,
    keten,
    leveringen,
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
