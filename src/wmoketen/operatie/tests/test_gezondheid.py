"""/gezondheid/: the database, the broker when there is one, and the oldest waiting message."""

import json
from datetime import timedelta

import pytest
from asgiref.sync import async_to_sync
from django.utils import timezone
from health_check.exceptions import ServiceUnavailable

from istandaarden.samples import lees
from wmoketen.berichten import services
from wmoketen.berichten.gezondheid import BerichtenWachten
from wmoketen.berichten.models import Bericht
from wmoketen.celery import app
from wmoketen.factories import AanbiederFactory, GemeenteFactory

GEZOND = {"Database(alias='default')": "OK", "BerichtenWachten()": "OK"}


@pytest.fixture
def wachtend(db, django_capture_on_commit_callbacks):
    """An internal WMO301 stored and not yet taken by the receiver (its task never ran)."""
    gemeente = GemeenteFactory(naam="Voorbeeldgemeente", gemeentecode="0384")
    aanbieder = AanbiederFactory(naam="Voorbeeldaanbieder", agb_code="42420001")
    with django_capture_on_commit_callbacks(execute=False):
        return services.verstuur(lees("WMO301"), afzender=gemeente, ontvanger=aanbieder)


def wacht_al(bericht, minuten):
    Bericht.objects.filter(pk=bericht.pk).update(
        ontvangen_op=timezone.now() - timedelta(minutes=minuten)
    )


def controleer():
    async_to_sync(BerichtenWachten().run)()


def test_een_vers_wachtend_bericht_is_gezond(wachtend, settings):
    settings.BERICHTEN_ALARM_NA_MINUTEN = 30
    wacht_al(wachtend, 29)
    controleer()  # no exception


def test_een_bericht_dat_te_lang_wacht_is_ongezond(wachtend, settings):
    settings.BERICHTEN_ALARM_NA_MINUTEN = 30
    wacht_al(wachtend, 31)
    with pytest.raises(ServiceUnavailable) as fout:
        controleer()
    assert str(fout.value) == (
        "Unavailable: het oudste onverwerkte bericht wacht al 31 minuten (grens: 30)"
    )


def test_een_verwerkt_bericht_wacht_niet_meer(wachtend, settings):
    settings.BERICHTEN_ALARM_NA_MINUTEN = 30
    wacht_al(wachtend, 60)
    services.verwerk(wachtend)
    controleer()


def test_het_endpoint_antwoordt_zonder_inloggen_met_200(client, db, settings):
    settings.TWEEFACTOR_VERPLICHT = True
    antwoord = client.get("/gezondheid/?format=json")

    assert antwoord.status_code == 200
    assert antwoord.json() == GEZOND
    assert antwoord["Cache-Control"].startswith("max-age=0")


def test_de_html_pagina_mag_alleen_inline_stijlen(client, db):
    beleid = client.get("/gezondheid/")["Content-Security-Policy"]
    # Directives by name: django-csp does not promise their order in the header.
    richtlijnen = {r.strip() for r in beleid.split(";")}

    assert "style-src 'self' 'unsafe-inline'" in richtlijnen
    assert "script-src 'self'" in richtlijnen


def test_het_endpoint_geeft_500_zonder_persoonsgegevens(client, wachtend, settings):
    settings.BERICHTEN_ALARM_NA_MINUTEN = 30
    wacht_al(wachtend, 45)
    antwoord = client.get("/gezondheid/", headers={"Accept": "application/json"})

    assert antwoord.status_code == 500
    assert antwoord.json() == GEZOND | {
        "BerichtenWachten()": (
            "Unavailable: het oudste onverwerkte bericht wacht al 45 minuten (grens: 30)"
        )
    }
    pagina = client.get("/gezondheid/")  # the HTML page for people says no more
    assert pagina.status_code == 500
    for gegeven in ("Voorbeeld", "0384", "42420001", wachtend.identificatie):
        assert gegeven not in pagina.content.decode()


def test_met_een_broker_moet_een_worker_antwoorden(client, db, settings, monkeypatch):
    settings.CELERY_BROKER_URL = "amqp://guest:guest@127.0.0.1:5672/wmoketen"

    def onbereikbaar(**kwargs):
        raise ConnectionRefusedError(111, "Connection refused")  # an OSError, as kombu raises

    monkeypatch.setattr(app.control, "ping", onbereikbaar)
    antwoord = client.get("/gezondheid/?format=json")

    assert antwoord.status_code == 500
    ping = [v for k, v in antwoord.json().items() if k.startswith("Ping(")]
    assert ping == ["Unavailable: IOError"]


class WachtrijenVanDeWorker:
    def active_queues(self):
        return {"w1@host": [{"name": "celery"}]}


def test_met_een_broker_en_een_worker_is_alles_gezond(client, db, settings, monkeypatch):
    settings.CELERY_BROKER_URL = "amqp://guest:guest@127.0.0.1:5672/wmoketen"
    monkeypatch.setattr(app.control, "ping", lambda **kw: [{"w1@host": {"ok": "pong"}}])
    monkeypatch.setattr(app.control, "inspect", lambda *a, **kw: WachtrijenVanDeWorker())
    antwoord = client.get("/gezondheid/?format=json")

    assert antwoord.status_code == 200, antwoord.content
    assert len(json.loads(antwoord.content)) == 3
