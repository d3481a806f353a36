"""The allocation pages: the aanbieder's start/pause/restart/stop, the backoffice's view with
the messages and a rejected 301, the waiting list and its CSV, and who may open what."""

import pytest
from django.test import Client as Web

from wmoketen.accounts.constants import Rol
from wmoketen.berichten.models import Bericht
from wmoketen.factories import AanbiederFactory, GebruikerFactory, GemeenteFactory
from wmoketen.testdatum import dag
from wmoketen.toewijzingen.constants import LeveringStatus
from wmoketen.toewijzingen.models import AanbiederToewijzing, Levering

from .hulp import post, tekst

pytestmark = pytest.mark.django_db


@pytest.fixture
def toegewezen(toegewezen_wmo):
    """Begeleiding (Wmo) under the standard deadline rules."""
    return toegewezen_wmo


def test_aanbieder_start_pauze_herstart_stop(
    client, toegewezen, medewerker, django_capture_on_commit_callbacks
):
    web = Web()
    web.force_login(medewerker)
    eigen = AanbiederToewijzing.objects.get()
    lijst = tekst(web.get("/toewijzingen/ontvangen/"))
    assert "Anna Maria van den Berg" in lijst and "Nog niet gestart" in lijst
    url = f"/toewijzingen/ontvangen/{eigen.pk}/"
    pagina = tekst(web.get(url))
    assert "Start melden" in pagina and "WMO301" in pagina
    capture = django_capture_on_commit_callbacks

    # Outside the allocation period: the service's Dutch message, nothing stored or sent.
    fout = tekst(
        post(web, url, capture, actie="start", **{"start-startdatum": str(dag(2026, 1, 5))})
    )
    assert "ligt buiten de toewijzingsperiode" in fout
    assert not Levering.objects.exists() and not Bericht.objects.filter(nummer=305).exists()

    pagina = tekst(
        post(web, url, capture, actie="start", **{"start-startdatum": str(dag(2026, 3, 9))})
    )
    assert "De start is gemeld" in pagina and "WMO305" in pagina and "WMO306" in pagina
    assert "Pauze melden (reden 20)" in pagina
    assert Levering.objects.get(toewijzing=toegewezen).status == LeveringStatus.GESTART

    pagina = tekst(
        post(web, url, capture, actie="pauze", **{"pauze-einddatum": str(dag(2026, 4, 1))})
    )
    assert "De pauze is gemeld met reden 20" in pagina and "WMO307" in pagina
    assert "Zorg hervatten (nieuwe start)" in pagina
    assert Levering.objects.get(toewijzing=toegewezen).status == LeveringStatus.GEPAUZEERD

    pagina = tekst(
        post(web, url, capture, actie="start", **{"start-startdatum": str(dag(2026, 5, 4))})
    )
    assert "De herstart is gemeld" in pagina

    # A stop needs a reden from WMO588; reden 20 is offered as the pause, not here.
    pagina = tekst(
        post(web, url, capture, actie="stop", **{"stop-einddatum": str(dag(2026, 6, 1))})
    )
    assert "Dit veld is vereist" in pagina
    assert 'value="20"' not in pagina
    pagina = tekst(
        post(
            web,
            url,
            capture,
            actie="stop",
            **{"stop-einddatum": str(dag(2026, 6, 1)), "stop-reden": "02"},
        )
    )
    assert "De stop is gemeld" in pagina and "Gestopt" in pagina
    assert list(
        Levering.objects.filter(toewijzing=toegewezen).values_list("status", flat=True)
    ) == [LeveringStatus.GEPAUZEERD, LeveringStatus.GESTOPT]
    assert Bericht.objects.filter(nummer=305, soort="heen").count() == 2
    assert Bericht.objects.filter(nummer=307, soort="heen").count() == 2
    assert "Gestopt" in tekst(web.get("/toewijzingen/ontvangen/?toestand=gestopt"))
    assert "Anna Maria" not in tekst(web.get("/toewijzingen/ontvangen/?toestand=gestart"))


def test_backoffice_ziet_start_en_berichten(
    client, toegewezen, medewerker, backoffice, django_capture_on_commit_callbacks
):
    web = Web()
    web.force_login(backoffice)
    assert "Nog niet gestart" in tekst(web.get("/toewijzingen/"))
    wachtlijst = tekst(web.get("/toewijzingen/wachtlijst/"))
    assert "Anna Maria van den Berg" in wachtlijst and "10 werkdagen" in wachtlijst

    aanbieder = Web()
    aanbieder.force_login(medewerker)
    eigen = AanbiederToewijzing.objects.get()
    post(
        aanbieder,
        f"/toewijzingen/ontvangen/{eigen.pk}/",
        django_capture_on_commit_callbacks,
        actie="start",
        **{"start-startdatum": str(dag(2026, 3, 9))},
    )
    pagina = tekst(web.get(f"/toewijzingen/{toegewezen.pk}/"))
    assert "Gestart" in pagina and f"sinds {dag(2026, 3, 9):%d-%m-%Y}" in pagina
    assert "WMO301" in pagina and "WMO305" in pagina and "WMO306" in pagina
    assert "/berichten/" in pagina  # the backoffice reads messages
    assert "Anna Maria" not in tekst(web.get("/toewijzingen/wachtlijst/"))
    assert "Gestart" in tekst(web.get("/toewijzingen/?toestand=gestart"))


def test_afgekeurde_301_met_uitleg_en_opnieuw_versturen(
    client, toegewezen, backoffice, django_capture_on_commit_callbacks
):
    eerste = toegewezen.bericht
    Bericht.objects.filter(pk=eerste.pk).update(status="afgekeurd", retourcodes=["8001"])
    web = Web()
    web.force_login(backoffice)
    lijst = tekst(web.get("/toewijzingen/"))
    assert "Afgekeurde toewijzingsberichten" in lijst and "8001" in lijst
    pagina = tekst(web.get(f"/toewijzingen/{toegewezen.pk}/"))
    assert "Toewijzingsbericht afgekeurd" in pagina and "Opnieuw versturen" in pagina
    from istandaarden.retourcodes import omschrijving

    assert omschrijving("8001") in pagina
    pagina = tekst(
        post(
            web,
            f"/toewijzingen/{toegewezen.pk}/opnieuw-versturen/",
            django_capture_on_commit_callbacks,
        )
    )
    toegewezen.refresh_from_db()
    assert toegewezen.bericht_id != eerste.pk
    assert toegewezen.bericht.identificatie != eerste.identificatie
    assert f"opnieuw verstuurd als {toegewezen.bericht.identificatie}" in pagina
    # Not rejected (any more): no second resend.
    pagina = tekst(
        post(
            web,
            f"/toewijzingen/{toegewezen.pk}/opnieuw-versturen/",
            django_capture_on_commit_callbacks,
        )
    )
    assert "niet afgekeurd" in pagina
    assert Bericht.objects.filter(nummer=301, soort="heen").count() == 2


def test_wachtlijst_csv_en_contractmanager(client, toegewezen, backoffice, partijen):
    web = Web()
    web.force_login(backoffice)
    antwoord = web.get("/toewijzingen/wachtlijst/wachtlijst.csv?per=product")
    assert antwoord["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in antwoord["Content-Disposition"]
    inhoud = antwoord.content.decode("utf-8")
    assert inhoud.startswith("\ufeffGemeente;Aanbieder;AGB-code;Cliënt;BSN;")
    assert "Anna Maria van den Berg" in inhoud and client.bsn in inhoud

    manager = Web()
    manager.force_login(GebruikerFactory(organisatie=partijen[0], rol=Rol.CONTRACTMANAGER))
    pagina = tekst(manager.get(f"/toewijzingen/wachtlijst/?aanbieder={partijen[1].pk}"))
    assert "1</strong> wachtend" in pagina
    assert "Anna Maria" not in pagina  # aggregate work: no client names
    csv = manager.get("/toewijzingen/wachtlijst/wachtlijst.csv").content.decode("utf-8")
    assert "Cliënt" not in csv and client.bsn not in csv and str(toegewezen.toewijzingnummer) in csv
    assert manager.get("/toewijzingen/").status_code == 403
    assert manager.get(f"/toewijzingen/{toegewezen.pk}/").status_code == 403


def test_wie_mag_wat(client, toegewezen, medewerker, backoffice):
    eigen = AanbiederToewijzing.objects.get()
    aanbieder = Web()
    aanbieder.force_login(medewerker)
    for url in ("/toewijzingen/", f"/toewijzingen/{toegewezen.pk}/", "/toewijzingen/wachtlijst/"):
        assert aanbieder.get(url).status_code == 403, url
    gemeente = Web()
    gemeente.force_login(backoffice)
    assert gemeente.get("/toewijzingen/ontvangen/").status_code == 403
    assert gemeente.get(f"/toewijzingen/ontvangen/{eigen.pk}/").status_code == 403
    # Another organisation's staff: 404, nothing shown.
    vreemd = Web()
    vreemd.force_login(GebruikerFactory(organisatie=AanbiederFactory(), rol=Rol.AANBIEDER))
    assert vreemd.get(f"/toewijzingen/ontvangen/{eigen.pk}/").status_code == 404
    assert "Anna Maria" not in tekst(vreemd.get("/toewijzingen/ontvangen/"))
    ander = Web()
    ander.force_login(GebruikerFactory(organisatie=GemeenteFactory(), rol=Rol.BACKOFFICE))
    assert ander.get(f"/toewijzingen/{toegewezen.pk}/").status_code == 404
    assert ander.post(f"/toewijzingen/{toegewezen.pk}/opnieuw-versturen/").status_code == 404
    assert "Anna Maria" not in tekst(ander.get("/toewijzingen/wachtlijst/"))


def test_afgekeurde_301_toont_de_eerste_100_fouten_en_het_totaal(toegewezen, backoffice):
    fout = {"code": "XSD", "retourcode": None, "xpath": None, "line": 1, "message": "Kapot."}
    Bericht.objects.filter(pk=toegewezen.bericht_id).update(
        status="afgekeurd", fouten=[fout] * 150, fouten_totaal=200_000
    )
    web = Web()
    web.force_login(backoffice)

    html = web.get(f"/toewijzingen/{toegewezen.pk}/").content.decode()

    assert html.count("<li>Kapot.</li>") == 100
    assert "Eerste 100 van 200.000 fouten." in html


def _verkeersrij(pagina: str, wat: str) -> str:
    """The row of the Berichten table that starts with ``wat``."""
    begin = pagina.index(f"<tr><td>{wat}")
    return pagina[begin : pagina.index("</tr>", begin)]


def test_berichten_tonen_elke_kant_wat_er_gebeurde(
    client, toegewezen, medewerker, backoffice, django_capture_on_commit_callbacks
):
    aanbieder = Web()
    aanbieder.force_login(medewerker)
    eigen = AanbiederToewijzing.objects.get()
    url = f"/toewijzingen/ontvangen/{eigen.pk}/"
    capture = django_capture_on_commit_callbacks
    pagina = post(aanbieder, url, capture, actie="start", **{"start-startdatum": "2026-03-09"})
    gemeente = Web()
    gemeente.force_login(backoffice)
    backoffice_pagina = tekst(gemeente.get(f"/toewijzingen/{toegewezen.pk}/"))

    # The sender: a retour without errors came back. The receiver: it sent the retour.
    assert "Retour ontvangen" in _verkeersrij(tekst(pagina), "Start per 09-03-2026")
    assert "Retour verzonden" in _verkeersrij(tekst(pagina), "Toewijzing")
    assert "Retour ontvangen" in _verkeersrij(backoffice_pagina, "Toewijzing")
    assert "Retour verzonden" in _verkeersrij(backoffice_pagina, "Start per 09-03-2026")
    assert "· zonder fouten" in _verkeersrij(backoffice_pagina, "Toewijzing")
    assert "met retourcodes" not in backoffice_pagina
