"""Nothing lost: the outbox, recovery of stuck messages and redelivery that processes once."""

import threading
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from kombu.exceptions import OperationalError

from istandaarden.regels.crossmessage import Overtreding
from wmoketen.accounts.constants import Rol
from wmoketen.audit.models import AuditRegel
from wmoketen.berichten import herstel, services, tasks
from wmoketen.berichten.constants import Status, Transport
from wmoketen.berichten.models import Bericht, Bezorging
from wmoketen.celery import app
from wmoketen.factories import AanbiederFactory, GebruikerFactory, GemeenteFactory

NU = timedelta(0)


def verwerkte(handlers, nummer=301):
    gezien = []
    handlers[("iwmo", nummer)] = lambda ontvangen: gezien.append(ontvangen.bericht.pk)
    return gezien


def broker_onbereikbaar(monkeypatch):
    def weigert(*args, **kwargs):
        raise OperationalError("[Errno 111] Connection refused")

    monkeypatch.setattr(tasks.verwerk_intern, "delay", weigert)


def test_verstuur_legt_de_bezorging_vast_met_het_bericht(
    partijen, wmo301, django_capture_on_commit_callbacks
):
    gemeente, aanbieder = partijen
    with django_capture_on_commit_callbacks(execute=False):  # the task is never queued
        bericht = services.verstuur(wmo301, afzender=gemeente, ontvanger=aanbieder)

    bezorging = Bezorging.objects.get(bericht=bericht)
    assert bezorging.afgerond_op is None and bezorging.pogingen == 0


def test_een_teruggedraaide_verzending_laat_geen_bezorging_achter(partijen, wmo301):
    gemeente, aanbieder = partijen
    with pytest.raises(RuntimeError), transaction.atomic():
        services.verstuur(wmo301, afzender=gemeente, ontvanger=aanbieder)
        raise RuntimeError("de actie van de gebruiker faalt na het versturen")

    assert not Bericht.objects.exists() and not Bezorging.objects.exists()


def test_broker_uit_bij_versturen_verliest_niets_en_herstel_bezorgt(
    partijen, wmo301, handlers, monkeypatch, django_capture_on_commit_callbacks
):
    gemeente, aanbieder = partijen
    gezien = verwerkte(handlers)
    broker_onbereikbaar(monkeypatch)

    with django_capture_on_commit_callbacks(execute=True):  # no exception reaches the sender
        bericht = services.verstuur(wmo301, afzender=gemeente, ontvanger=aanbieder)

    bericht.refresh_from_db()
    assert bericht.status == Status.VERZONDEN and gezien == []
    bezorging = bericht.bezorging
    assert bezorging.pogingen == 1 and "Connection refused" in bezorging.laatste_fout

    verslag = herstel.herstel(NU)  # the broker is still down: recorded, not lost
    assert (verslag.niet_bezorgd, verslag.opnieuw_bezorgd) == (1, 0)

    monkeypatch.undo()  # the broker is back
    with django_capture_on_commit_callbacks(execute=True):
        verslag = herstel.herstel(NU)

    bericht.refresh_from_db()
    assert verslag.opnieuw_bezorgd == 1 and gezien == [bericht.pk]
    assert bericht.status == Status.RETOUR_VERZONDEN
    assert bericht.retour.status == Status.VERWERKT  # the retour was delivered as well
    assert not Bezorging.objects.filter(afgerond_op__isnull=True).exists()


def test_herstel_laat_jonge_berichten_met_rust(
    partijen, wmo301, handlers, django_capture_on_commit_callbacks
):
    gemeente, aanbieder = partijen
    gezien = verwerkte(handlers)
    with django_capture_on_commit_callbacks(execute=False):  # the worker died with the task
        services.verstuur(wmo301, afzender=gemeente, ontvanger=aanbieder)

    assert herstel.herstel(timedelta(minutes=10)).totaal == 0
    assert gezien == []
    assert herstel.herstel(NU, direct=True).opnieuw_verwerkt == 1
    assert len(gezien) == 1


def test_ontvangen_bericht_van_een_gestopt_proces_wordt_verwerkt(partijen, wmo301, handlers):
    """The API server was killed after storing the bytes, before the pipeline's commit."""
    gemeente, aanbieder = partijen
    gezien = verwerkte(handlers)
    bericht = services._bewaar(
        wmo301,
        afzender=gemeente,
        ontvanger=aanbieder,
        transport=Transport.API,
        status=Status.ONTVANGEN,
    )

    verslag = herstel.herstel(NU)

    bericht.refresh_from_db()
    assert verslag.opnieuw_verwerkt == 1 and gezien == [bericht.pk]
    assert bericht.status == Status.RETOUR_VERZONDEN


def test_herhaalde_bezorging_verwerkt_een_keer(
    partijen, wmo301, handlers, django_capture_on_commit_callbacks
):
    """A task delivered twice, and recovery afterwards: identical bytes, processed once."""
    gemeente, aanbieder = partijen
    gezien = verwerkte(handlers)
    with django_capture_on_commit_callbacks(execute=True):
        bericht = services.verstuur(wmo301, afzender=gemeente, ontvanger=aanbieder)

    with django_capture_on_commit_callbacks(execute=True):
        tasks.verwerk_intern(bericht.pk)  # redelivered by the broker
        services.bezorg(bericht.pk)  # and queued again by hand
        verslag = herstel.herstel(NU)

    assert gezien == [bericht.pk]
    assert Bericht.objects.filter(heenbericht=bericht).count() == 1  # one retour
    assert verslag.totaal == 0  # nothing was open any more


def test_een_open_bezorging_van_een_verwerkt_bericht_wordt_alleen_afgesloten(
    partijen, wmo301, handlers, django_capture_on_commit_callbacks
):
    """Killed between the pipeline's commit and closing the outbox row."""
    gemeente, aanbieder = partijen
    gezien = verwerkte(handlers)
    with django_capture_on_commit_callbacks(execute=True):
        bericht = services.verstuur(wmo301, afzender=gemeente, ontvanger=aanbieder)
    Bezorging.objects.filter(bericht=bericht).update(afgerond_op=None)

    verslag = herstel.herstel(NU)

    assert verslag.afgerond == 1 and len(gezien) == 1


def test_beheerder_verwerkt_een_vastgelopen_intern_bericht(
    partijen, wmo301, handlers, django_capture_on_commit_callbacks
):
    gemeente, aanbieder = partijen
    gezien = verwerkte(handlers)
    with django_capture_on_commit_callbacks(execute=False):
        bericht = services.verstuur(wmo301, afzender=gemeente, ontvanger=aanbieder)
    beheerder = GebruikerFactory(organisatie=aanbieder, rol="functioneel beheerder")

    with django_capture_on_commit_callbacks(execute=True):
        opnieuw = services.herverwerk(bericht, acting_user=beheerder)

    assert opnieuw.status == Status.RETOUR_VERZONDEN and gezien == [bericht.pk]
    assert Bezorging.objects.get(bericht=bericht).afgerond_op is not None
    assert AuditRegel.objects.filter(actie="bericht.herverwerkt").count() == 1


def test_herverwerken_doorloopt_de_regels_opnieuw(partijen, wmo301, handlers, monkeypatch):
    """A message that failed in its handler is checked again: the rules may reject it now."""
    gemeente, aanbieder = partijen

    def kapot(ontvangen):
        raise RuntimeError("stroomstoring")

    handlers[("iwmo", 301)] = kapot
    bericht = services.ontvang(wmo301, afzender=gemeente, ontvanger=aanbieder, transport="api")
    assert bericht.status == Status.FOUT_BIJ_VERWERKING
    gezien = verwerkte(handlers)
    overtreding = Overtreding("TR374", "9374", None, "Er is intussen een ander verzoek.")
    monkeypatch.setattr(services, "controleer", lambda *a, **k: [overtreding])
    beheerder = GebruikerFactory(organisatie=aanbieder, rol="functioneel beheerder")

    opnieuw = services.herverwerk(bericht, acting_user=beheerder)

    assert opnieuw.status == Status.AFGEKEURD and opnieuw.retourcodes == ["9374"]
    assert gezien == [] and opnieuw.foutmelding == ""
    assert services.retour_codes(opnieuw.retour.bytes) == ["9374"]


def test_berichten_herstel_commando(partijen, wmo301, monkeypatch, capsys):
    gemeente, aanbieder = partijen
    broker_onbereikbaar(monkeypatch)
    services.verstuur(wmo301, afzender=gemeente, ontvanger=aanbieder)

    call_command("berichten_herstel", "--ouder-dan", "0")
    uit = capsys.readouterr()
    assert "0 opnieuw aangeboden, 1 niet aan te bieden" in uit.out
    assert "--direct" in uit.err

    call_command("berichten_herstel", "--ouder-dan", "0", "--direct")
    assert "1 opnieuw verwerkt" in capsys.readouterr().out
    assert Bericht.objects.get(nummer=301).status == Status.RETOUR_VERZONDEN


def test_taak_wordt_opnieuw_aangeboden_als_de_worker_sterft():
    assert tasks.verwerk_intern.acks_late and tasks.verwerk_intern.reject_on_worker_lost
    assert app.conf.worker_prefetch_multiplier == 1
    planning = settings.CELERY_BEAT_SCHEDULE["berichten-herstellen"]
    assert planning["task"] == tasks.herstel_berichten.name
    assert tasks.herstel_berichten.name in app.tasks


@pytest.mark.skipif(connection.vendor != "postgresql", reason="echte gelijktijdigheid: PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_twee_workers_met_dezelfde_taak_verwerken_een_keer(wmo301, handlers):
    gemeente = GemeenteFactory(gemeentecode="0384")
    aanbieder = AanbiederFactory(agb_code="42420001")
    gezien = verwerkte(handlers)
    bericht = services._bewaar(
        wmo301,
        afzender=gemeente,
        ontvanger=aanbieder,
        transport=Transport.INTERN,
        status=Status.VERZONDEN,
    )
    start = threading.Barrier(2)

    def worker():
        start.wait()
        try:
            tasks.verwerk_intern(bericht.pk)
        finally:
            connection.close()

    draden = [threading.Thread(target=worker) for _ in range(2)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()

    assert gezien == [bericht.pk]
    assert Bericht.objects.filter(heenbericht=bericht).count() == 1


@pytest.fixture
def vastgelopen(partijen, wmo301, handlers, django_capture_on_commit_callbacks):
    """A WMO301 of 0384 whose delivery task was lost, sent 25 minutes ago."""
    gemeente, aanbieder = partijen
    gezien = verwerkte(handlers)
    with django_capture_on_commit_callbacks(execute=False):
        bericht = services.verstuur(wmo301, afzender=gemeente, ontvanger=aanbieder)
    Bericht.objects.filter(pk=bericht.pk).update(
        ontvangen_op=bericht.ontvangen_op - timedelta(minutes=25)
    )
    return bericht, gezien


def test_beheerder_ziet_vastgelopen_berichten_met_hun_leeftijd(client, partijen, vastgelopen):
    gemeente, aanbieder = partijen
    bericht, gezien = vastgelopen
    client.force_login(GebruikerFactory(organisatie=aanbieder, rol=Rol.FUNCTIONEEL_BEHEERDER))

    pagina = client.get("/berichten/vastgelopen/").content.decode()

    assert f'href="/berichten/{bericht.pk}/">WMO301 123456789012</a>' in pagina
    assert "25\xa0minuten<br><strong>vastgelopen</strong>" in pagina
    assert "0 pogingen" in pagina
    assert 'name="terug" value="vastgelopen"' in pagina

    antwoord = client.post(f"/berichten/{bericht.pk}/herverwerken/", {"terug": "vastgelopen"})

    assert antwoord.status_code == 302 and antwoord.url == "/berichten/vastgelopen/"
    assert gezien == [bericht.pk]
    # Only its retour (still on its way to the gemeente here) is listed now.
    pagina = client.get("/berichten/vastgelopen/").content.decode()
    assert f'href="/berichten/{bericht.pk}/"' not in pagina and "WMO302" in pagina


def test_afzender_ziet_het_maar_kan_niet_herverwerken(client, partijen, vastgelopen):
    gemeente, aanbieder = partijen
    bericht, gezien = vastgelopen
    client.force_login(GebruikerFactory(organisatie=gemeente, rol=Rol.FUNCTIONEEL_BEHEERDER))

    pagina = client.get("/berichten/vastgelopen/").content.decode()

    assert "WMO301 123456789012" in pagina and "Ontvanger verwerkt het" in pagina
    assert client.post(f"/berichten/{bericht.pk}/herverwerken/").status_code == 403
    assert gezien == []


def test_vastgelopen_berichten_alleen_voor_eigen_organisatie_en_beheerder(
    client, partijen, vastgelopen
):
    gemeente, aanbieder = partijen
    anders = AanbiederFactory(naam="Elders", agb_code="11112222")
    client.force_login(GebruikerFactory(organisatie=anders, rol=Rol.FUNCTIONEEL_BEHEERDER))
    assert "WMO301" not in client.get("/berichten/vastgelopen/").content.decode()

    client.force_login(GebruikerFactory(organisatie=aanbieder, rol=Rol.AANBIEDER))
    assert client.get("/berichten/vastgelopen/").status_code == 403


def test_detailpagina_toont_dat_een_bericht_wacht(client, partijen, vastgelopen):
    gemeente, aanbieder = partijen
    bericht, gezien = vastgelopen
    client.force_login(GebruikerFactory(organisatie=aanbieder, rol=Rol.FUNCTIONEEL_BEHEERDER))

    detail = client.get(f"/berichten/{bericht.pk}/").content.decode()

    assert "Wacht op verwerking" in detail and "Nu verwerken" in detail
    assert "0 pogingen tot bezorging" in detail


def test_een_nog_niet_gelezen_bericht_heet_niet_onleesbaar(client, partijen, wmo301):
    gemeente, aanbieder = partijen
    bericht = services._bewaar(
        wmo301, afzender=gemeente, ontvanger=aanbieder, transport="api", status=Status.ONTVANGEN
    )
    client.force_login(GebruikerFactory(organisatie=aanbieder, rol=Rol.FUNCTIONEEL_BEHEERDER))

    detail = client.get(f"/berichten/{bericht.pk}/").content.decode()
    lijst = client.get("/berichten/vastgelopen/").content.decode()

    assert "Nog niet gelezen, ontvangen van" in detail and "Onleesbare invoer" not in detail
    assert f'Bericht {bericht.pk}</a><br><span class="hulp">nog niet gelezen' in lijst
