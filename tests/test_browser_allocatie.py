"""Browser test of an allocation's life after the 301: the aanbieder registers the start, a
pause, the restart and the stop; the backoffice follows it with the messages and the waiting
list. The allocation is made with ``wijs_toe`` and delivered internally (the live server's
transactions commit, so the on-commit delivery runs).

Screenshots: var/screenshots/allocatie-*.png.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.factories import (
    ClientFactory,
    ContactFactory,
    GebruikerFactory,
)
from wmoketen.toewijzingen.models import AanbiederToewijzing
from wmoketen.toewijzingen.services import TeWijzenProduct, wijs_toe

from .browserhulp import SCREENSHOTS, inloggen, uitloggen, weert_en_maasland

pytestmark = pytest.mark.browser


def foto(page, naam):
    page.screenshot(path=SCREENSHOTS / f"allocatie-{naam}.png", full_page=True)


def iso(dagen_geleden: int) -> str:
    return (timezone.localdate() - timedelta(days=dagen_geleden)).isoformat()


def nl(dagen_geleden: int) -> str:
    return f"{timezone.localdate() - timedelta(days=dagen_geleden):%d-%m-%Y}"


def test_start_pauze_herstart_stop(live_server, page):
    vandaag = timezone.localdate()
    gemeente, aanbieder, product = weert_en_maasland(
        product=dict(eenheid="04", frequentie="2"),
        contract=dict(begindatum=vandaag - timedelta(days=400)),
        regel=dict(eenheid="04", frequentie="2"),
    )
    backoffice = GebruikerFactory(
        username="weert.backoffice", organisatie=gemeente, first_name="Bo", rol=Rol.BACKOFFICE
    )
    medewerker = GebruikerFactory(
        username="maasland.medewerker", organisatie=aanbieder, first_name="Bram", rol=Rol.AANBIEDER
    )
    client = ClientFactory(organisatie=gemeente, geslachtsnaam="Bakker", voornamen="Piet")
    ContactFactory(client=client, straatnaam="Markt", huisnummer=1)
    [toewijzing] = wijs_toe(
        gemeente=gemeente,
        aanbieder=aanbieder,
        client=client,
        wet="wmo",
        producten=[
            TeWijzenProduct(
                product, vandaag - timedelta(days=60), vandaag + timedelta(days=300), 4, None, None
            )
        ],
        beschikkingnummer="B-2026-001",
        acting_user=backoffice,
    )
    eigen = AanbiederToewijzing.objects.get(aanbieder=aanbieder)  # the 301 was delivered
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 1000})
    url = live_server.url

    # Backoffice: the allocation waits for its start.
    inloggen(page, url, gemeente, backoffice)
    page.click("nav.menu >> text=Toewijzingen")
    page.click("main >> text=Wachtlijst")
    assert "1 wachtend, waarvan 0 langer dan de norm" in page.inner_text("#totaal")
    assert "Piet Bakker" in page.inner_text("main")
    foto(page, "1-wachtlijst")
    uitloggen(page)

    # Aanbieder: start outside the period is refused, then start, pause, restart, stop.
    inloggen(page, url, aanbieder, medewerker)
    page.click("nav.menu >> text=Toewijzingen")
    assert "Nog niet gestart" in page.inner_text("main")
    foto(page, "2-aanbieder-lijst")
    page.click(f"main a:text-is('{eigen.toewijzingnummer}')")
    page.fill("#id_start-startdatum", iso(70))
    page.click("button:has-text('Start melden')")
    page.wait_for_selector("text=ligt buiten de toewijzingsperiode")
    foto(page, "3-start-geweigerd")
    page.fill("#id_start-startdatum", iso(50))
    page.click("button:has-text('Start melden')")
    page.wait_for_selector("text=De start is gemeld")
    assert f"Gestart sinds {nl(50)}" in page.inner_text("#toestand")
    foto(page, "4-gestart")
    page.fill("#id_pauze-einddatum", iso(40))
    page.click("button:has-text('Pauze melden')")
    page.wait_for_selector("text=De pauze is gemeld met reden 20")
    assert "Gepauzeerd" in page.inner_text("#toestand")
    foto(page, "5-gepauzeerd")
    page.fill("#id_start-startdatum", iso(20))
    page.click("button:has-text('Zorg hervatten')")
    page.wait_for_selector("text=De herstart is gemeld")
    page.fill("#id_stop-einddatum", iso(5))
    page.select_option("#id_stop-reden", value="02")
    page.click("button:has-text('Stop melden')")
    page.wait_for_selector("text=De stop is gemeld")
    assert "Gestopt" in page.inner_text("#toestand")
    berichten = page.inner_text("#berichten-kop >> xpath=..")
    assert berichten.count("WMO305") == 2 and berichten.count("WMO307") == 2
    assert berichten.count("WMO306") == 2 and berichten.count("WMO308") == 2
    foto(page, "6-gestopt")
    page.click("a:has-text('WMO308')")
    page.wait_for_url("**/berichten/*/")
    uitloggen(page)

    # Backoffice: the allocation with both delivery periods and every message.
    inloggen(page, url, gemeente, backoffice)
    page.click("nav.menu >> text=Toewijzingen")
    page.click(f"main td a:text-is('{toewijzing.toewijzingnummer}')")
    assert "Gestopt" in page.inner_text("#toestand")
    hoofd = page.inner_text("main")
    assert nl(50) in hoofd and nl(40) in hoofd and nl(20) in hoofd and nl(5) in hoofd
    assert "Tijdelijk beëindigd" in hoofd
    foto(page, "7-backoffice")
    page.click("nav.menu >> text=Toewijzingen")
    page.click("main >> text=Wachtlijst")
    assert "0 wachtend" in page.inner_text("#totaal")
