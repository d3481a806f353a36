"""Smoke test in a real browser: Debian's chromium driven by Playwright.

Each role logs in, opens the start page, searches a client and opens his page. Screenshots go
to var/screenshots/ (git-ignored) so a person can look at the pages.
"""

import pytest

from wmoketen.accounts.constants import Rol
from wmoketen.factories import (
    AanbiederFactory,
    ClientFactory,
    ContactFactory,
    GebruikerFactory,
    GemeenteFactory,
)

from .browserhulp import SCREENSHOTS, inloggen

pytestmark = pytest.mark.browser


ROLLEN = [
    ("gemeente", Rol.TOEGANGSMEDEWERKER),
    ("gemeente", Rol.BACKOFFICE),
    ("gemeente", Rol.CONTRACTMANAGER),
    ("gemeente", Rol.FUNCTIONEEL_BEHEERDER),
    ("aanbieder", Rol.AANBIEDER),
]


@pytest.mark.parametrize(("soort", "rol"), ROLLEN, ids=[r.value.split()[0] for _, r in ROLLEN])
def test_rol_logt_in_zoekt_en_opent_client(live_server, page, soort, rol):
    organisatie = (
        GemeenteFactory(naam="Weert", gemeentecode="0988")
        if soort == "gemeente"
        else AanbiederFactory(naam="Zorggroep Maasland", agb_code="73730101")
    )
    GemeenteFactory(naam="Leudal", gemeentecode="1640")
    gebruiker = GebruikerFactory(
        username=f"demo.{rol.value.split()[0]}",
        organisatie=organisatie,
        first_name="Sanne",
        rol=rol,
    )
    client = ClientFactory(
        organisatie=organisatie,
        bsn="111222333",
        geslachtsnaam="Bakker",
        voornamen="Piet",
        voorvoegsel="de",
    )
    ContactFactory(client=client)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    naam = rol.value.split()[0]

    page.set_viewport_size({"width": 1280, "height": 900})
    inloggen(page, live_server.url, organisatie, gebruiker)
    assert "Welkom, Sanne" in page.inner_text("h1")
    werkend = rol in (Rol.TOEGANGSMEDEWERKER, Rol.BACKOFFICE, Rol.AANBIEDER, Rol.CONTRACTMANAGER)
    verwacht = "Werklijst" if werkend else "Uw rol heeft geen werklijst"
    assert verwacht in page.inner_text("main")
    page.screenshot(path=SCREENSHOTS / f"{naam}-start.png", full_page=True)

    page.click("text=Cliënten")
    page.fill("#id_q", "bakker")
    page.keyboard.press("Enter")
    page.wait_for_selector("#resultaten table")
    assert "1 cliënt gevonden" in page.inner_text("#resultaten")
    page.screenshot(path=SCREENSHOTS / f"{naam}-zoeken.png", full_page=True)

    page.click("text=Piet de Bakker")
    page.wait_for_url(f"{live_server.url}/clienten/{client.pk}/")
    assert "111222333" in page.inner_text("main")
    assert "Markt 1" in page.inner_text("main")
    page.screenshot(path=SCREENSHOTS / f"{naam}-client.png", full_page=True)
