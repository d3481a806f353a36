"""Two real parties over the HTTP API: start, pause (reden 20), restart and stop.

Our installation holds the gemeente. The aanbieder is a separate organisation with its own
software (Berichtkanaal ``api`` and a token): it fetches its 301 from the postbus, posts its
302, 305 and 307 and fetches the 306 and 308 — HTTP only, never our services
(``buitenpartij.BuitenAanbieder``). Every message on both sides is validated.
"""

from dataclasses import replace
from datetime import timedelta

import pytest
from django.test import Client

from istandaarden.validation import validate
from wmoketen.berichten.api.authenticatie import nieuwe_token
from wmoketen.berichten.constants import Status, Transport
from wmoketen.berichten.models import Bericht
from wmoketen.toewijzingen.constants import LeveringStatus
from wmoketen.toewijzingen.models import AanbiederToewijzing

from .buitenpartij import URL, Api, BuitenAanbieder
from .keten import (
    HERSTART,
    INGANG,
    PAUZE_EINDE,
    START,
    STOP,
    WETTEN,
    keten,
    leveringen,
)


@pytest.fixture
def client():
    """Django's test client (the conftest's ``client`` is the gemeente's client record)."""
    return Client()


@pytest.mark.parametrize("wet", ["wmo", "jeugdwet"])
def test_start_pauze_herstart_stop_via_de_api(db, client, wet):
    gemeente, aanbieder, toewijzing = keten(wet, Transport.API)
    _, reden_stop, s = WETTEN[wet]
    _, sleutel = nieuwe_token(organisatie=aanbieder, naam="Zorgsysteem")
    api = Api(client, sleutel, "0384")
    buiten = BuitenAanbieder("42420001", "0384", api)
    nummer = toewijzing.toewijzingnummer

    # The 301 waits in the aanbieder's postbus; fetching it takes it out.
    assert buiten.verwerk_postbus() == [f"{s}301"]
    assert buiten.verwerk_postbus() == []
    heen = toewijzing.bericht
    heen.refresh_from_db()
    assert heen.opgehaald_op is not None and heen.retourcodes == []  # the 302 came back
    assert not AanbiederToewijzing.objects.exists()  # the aanbieder's records live elsewhere

    stappen = [
        (lambda: buiten.start(nummer, START), f"{s}306", [(START, None, "", "gestart")]),
        (
            lambda: buiten.stop(nummer, START, PAUZE_EINDE, "20"),
            f"{s}308",
            [(START, PAUZE_EINDE, "20", "gepauzeerd")],
        ),
        (
            lambda: buiten.start(nummer, HERSTART),
            f"{s}306",
            [(START, PAUZE_EINDE, "20", "gepauzeerd"), (HERSTART, None, "", "gestart")],
        ),
        (
            lambda: buiten.stop(nummer, HERSTART, STOP, reden_stop),
            f"{s}308",
            [
                (START, PAUZE_EINDE, "20", LeveringStatus.GEPAUZEERD),
                (HERSTART, STOP, reden_stop, LeveringStatus.GESTOPT),
            ],
        ),
    ]
    for stap, retour, verwacht in stappen:
        identificatie = stap()
        antwoord = api.antwoorden[-1]
        assert (antwoord["status"], antwoord["retourcodes"], antwoord["fouten"]) == (
            Status.RETOUR_VERZONDEN,
            [],
            [],
        )
        assert antwoord["retour"]["bericht"] == retour
        assert leveringen(toewijzing) == verwacht
        assert buiten.verwerk_postbus() == [retour]
        assert buiten.retouren[identificatie] == []

    toewijzing.refresh_from_db()
    assert toewijzing.einddatum == INGANG + timedelta(days=364)  # the pause kept it
    assert [(b.naam, b.status, b.transport) for b in Bericht.objects.order_by("pk")] == [
        (f"{s}301", Status.VERZONDEN, "api"),
        (f"{s}302", Status.VERWERKT, "api"),
        (f"{s}305", Status.RETOUR_VERZONDEN, "api"),
        (f"{s}306", Status.VERZONDEN, "api"),
        (f"{s}307", Status.RETOUR_VERZONDEN, "api"),
        (f"{s}308", Status.VERZONDEN, "api"),
        (f"{s}305", Status.RETOUR_VERZONDEN, "api"),
        (f"{s}306", Status.VERZONDEN, "api"),
        (f"{s}307", Status.RETOUR_VERZONDEN, "api"),
        (f"{s}308", Status.VERZONDEN, "api"),
    ]
    assert all(validate(b.bytes) == [] for b in Bericht.objects.all())
    # Everything offered to the aanbieder was fetched: the postbus is empty.
    assert client.get(URL, HTTP_AUTHORIZATION=f"Token {sleutel}").json()["count"] == 0


def test_zonder_token_geen_toegang_tot_de_301(db, client):
    keten("wmo", Transport.API)
    assert client.get(URL).status_code == 401


def test_stop_voor_start_en_onbekende_toewijzing_afgekeurd_over_de_api(db, client):
    """Disorder between the parties: a 307 before any 305 (TR382 → 9069) and a 305 for an
    allocation the gemeente never made (TR019 → 9019) come back in the retour; nothing stored."""
    _, aanbieder, toewijzing = keten("wmo", Transport.API)
    _, sleutel = nieuwe_token(organisatie=aanbieder, naam="Zorgsysteem")
    api = Api(client, sleutel, "0384")
    buiten = BuitenAanbieder("42420001", "0384", api)
    buiten.verwerk_postbus()
    nummer = toewijzing.toewijzingnummer

    buiten.stop(nummer, START, PAUZE_EINDE, "20")
    assert (api.antwoorden[-1]["status"], api.antwoorden[-1]["retour"]["bericht"]) == (
        Status.AFGEKEURD,
        "WMO308",
    )
    assert "9069" in api.antwoorden[-1]["retourcodes"]

    buiten.toewijzingen[nummer + 1000] = replace(buiten.toewijzingen[nummer], nummer=nummer + 1000)
    buiten.start(nummer + 1000, START)
    assert api.antwoorden[-1]["status"] == Status.AFGEKEURD
    assert "9019" in api.antwoorden[-1]["retourcodes"]

    assert leveringen(toewijzing) == []
    assert buiten.verwerk_postbus() == ["WMO308", "WMO306"]
    assert all(validate(b.bytes) == [] for b in Bericht.objects.all())
