"""Browser test of the samenwerkingstraject: the gemeente opens a traject, gives the aanbieder a
task, the aanbieder completes it, and both see the notification and the history."""

from datetime import timedelta

import pytest
from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.factories import (
    AanbiederFactory,
    ClientFactory,
    GebruikerFactory,
    GemeenteFactory,
)

from .browserhulp import SCREENSHOTS, inloggen, uitloggen

pytestmark = pytest.mark.browser


def test_traject_taak_voor_aanbieder_afronden(live_server, page):
    gemeente = GemeenteFactory(naam="Leudal", gemeentecode="1640")
    aanbieder = AanbiederFactory(naam="Zorggroep Maasland", agb_code="73730101")
    consulent = GebruikerFactory(
        username="leudal.consulent",
        organisatie=gemeente,
        first_name="Anna",
        rol=Rol.TOEGANGSMEDEWERKER,
    )
    medewerker = GebruikerFactory(
        username="maasland.medewerker", organisatie=aanbieder, first_name="Bram", rol=Rol.AANBIEDER
    )
    ClientFactory(organisatie=gemeente, geslachtsnaam="Bakker", voornamen="Piet")
    uiterste = (timezone.localdate() + timedelta(days=10)).isoformat()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 1000})
    url = live_server.url

    inloggen(page, url, gemeente, consulent)
    page.click("text=Trajecten")
    page.click("text=Nieuw traject")
    page.select_option("#id_client", label="Piet Bakker")
    page.fill("#id_onderwerp", "Begeleiding thuis")
    page.fill("#id_startdatum", timezone.localdate().isoformat())
    page.fill("#id_doelen", "Zelfstandig wonen")
    page.click("text=Traject starten")
    page.wait_for_selector("text=is gestart")
    page.select_option("#id_deelnemer-aanbieder", label="Zorggroep Maasland")
    page.click("button:has-text('Toevoegen')")
    page.wait_for_selector("text=Zorggroep Maasland neemt nu deel")
    page.fill("#id_taak-naam", "Ondersteuningsplan deel 2 opstellen")
    page.select_option("#id_taak-soort", value="plan_deel_2")
    page.select_option("#id_taak-toegewezen_aan_organisatie", label="Zorggroep Maasland")
    page.fill("#id_taak-vervaldatum", uiterste)
    page.select_option("#id_taak-prioriteit", value="hoog")
    page.click("text=Taak aanmaken")
    page.wait_for_selector("text=is aangemaakt")
    page.screenshot(path=SCREENSHOTS / "traject-gemeente.png", full_page=True)
    uitloggen(page)

    inloggen(page, url, aanbieder, medewerker)
    assert page.get_attribute("#bel", "aria-label") == "Notificaties: 2 ongelezen"
    assert "Ondersteuningsplan deel 2 opstellen" in page.inner_text("#werklijst")
    page.screenshot(path=SCREENSHOTS / "traject-aanbieder-start.png", full_page=True)
    page.click("#bel")
    page.click("text=Nieuwe taak: Ondersteuningsplan deel 2 opstellen")
    page.select_option("#id_status", value="afgerond")
    page.fill("#id_toelichting", "Plan besproken en getekend")
    page.click("button:has-text('Opslaan')")
    page.wait_for_selector("text=De status is gewijzigd.")
    assert page.inner_text("#taakstatus") == "Afgerond"
    assert "Gehaald" in page.inner_text("main")
    page.screenshot(path=SCREENSHOTS / "traject-aanbieder-taak.png", full_page=True)
    uitloggen(page)

    inloggen(page, url, gemeente, consulent)
    assert page.get_attribute("#bel", "aria-label") == "Notificaties: 1 ongelezen"
    page.click("#bel")
    page.click("text=Taak afgerond: Ondersteuningsplan deel 2 opstellen")
    geschiedenis = page.inner_text(".geschiedenis")
    assert "Taak aangemaakt" in geschiedenis
    assert "Status gewijzigd naar Afgerond" in geschiedenis
    assert "Plan besproken en getekend" in geschiedenis
    assert "maasland.medewerker (Zorggroep Maasland)" in geschiedenis
    page.screenshot(path=SCREENSHOTS / "traject-gemeente-geschiedenis.png", full_page=True)
