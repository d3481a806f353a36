"""Browser test of the negative outcomes: the backoffice refuses an aanvraag (first without a
motivering, then with one) and reads the letter; the consulent sees the case closed, and ends
another client's melding because the resident withdrew it.

Screenshots: var/screenshots/afwijzing-*.png.
"""

import shutil
import subprocess

import pytest
from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.factories import (
    ClientFactory,
    ContactFactory,
    GebruikerFactory,
)
from wmoketen.scenario import Scenario, Stap, alle_domeinen
from wmoketen.toegang import services
from wmoketen.toegang.services import ResultaatgebiedInvoer

from .browserhulp import SCREENSHOTS, inloggen, uitloggen, weert_en_maasland

pytestmark = pytest.mark.browser


def foto(page, naam):
    page.screenshot(path=SCREENSHOTS / f"afwijzing-{naam}.png", full_page=True)


def tot_aanvraag(client, product, aanbieder, consulent, medewerker):
    """The route up to the akkoord (the aanvraag) through the services, on today."""
    route = Scenario(
        client=client,
        consulent=consulent,
        aanbieder=aanbieder,
        medewerker=medewerker,
        product=product,
        kanaal="loket",
        domeinen=alle_domeinen(3),
        resultaatgebieden=[ResultaatgebiedInvoer("tijdsbesteding", "Dagbesteding")],
        deel_2=("activering", "Groep", "2x", None),
    )
    return route.tot(Stap.AKKOORD).plan


def test_aanvraag_afwijzen_en_melding_intrekken(live_server, page, tmp_path):
    gemeente, aanbieder, product = weert_en_maasland(regel=dict(eenheid="04", frequentie="2"))
    consulent = GebruikerFactory(
        username="weert.consulent", organisatie=gemeente, rol=Rol.TOEGANGSMEDEWERKER
    )
    backoffice = GebruikerFactory(
        username="weert.backoffice", organisatie=gemeente, rol=Rol.BACKOFFICE
    )
    medewerker = GebruikerFactory(
        username="maasland.medewerker", organisatie=aanbieder, rol=Rol.AANBIEDER
    )
    piet = ClientFactory(organisatie=gemeente, geslachtsnaam="Bakker", voornamen="Piet")
    ContactFactory(client=piet, straatnaam="Markt", huisnummer=1, postcode="6001AA")
    tot_aanvraag(piet, product, aanbieder, consulent, medewerker)
    els = ClientFactory(organisatie=gemeente, geslachtsnaam="Jansen", voornamen="Els")
    services.registreer_melding(
        client=els,
        wet="wmo",
        ontvangen_op=timezone.localdate(),
        kanaal="telefonisch",
        acting_user=consulent,
    )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 1000})
    url = live_server.url

    # Backoffice: the aanvraag, refused; first without a motivering.
    inloggen(page, url, gemeente, backoffice)
    page.click("nav.menu >> text=Aanvragen")
    page.click("text=Piet Bakker")
    page.click("a:has-text('Aanvraag afwijzen')")
    page.fill("#id_motivering", "")
    page.click("button:has-text('Aanvraag afwijzen')")
    page.wait_for_selector(".veld__fout >> text=Dit veld is vereist.")
    foto(page, "1-zonder-motivering")
    page.fill(
        "#id_motivering",
        "U kunt met de hulp van uw dochter en de dagbesteding in de wijk zelf verder.",
    )
    page.click("button:has-text('Aanvraag afwijzen')")
    page.wait_for_selector("text=De aanvraag is afgewezen met beschikking")
    hoofd = page.inner_text("main")
    assert "Afwijzing van de aanvraag" in hoofd and "Producten" not in hoofd
    foto(page, "2-beschikking")
    pdf = page.request.get(url + page.get_attribute("a:has-text('(PDF)')", "href"))
    assert pdf.headers["content-type"] == "application/pdf"
    brief = tmp_path / "brief.pdf"
    brief.write_bytes(pdf.body())
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext ontbreekt; `make systeem` installeert poppler-utils")
    tekst = " ".join(
        subprocess.run(
            ["pdftotext", str(brief), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert "Piet Bakker" in tekst and "Markt 1" in tekst
    assert "Besluit op uw aanvraag (afwijzing)" in tekst
    assert "Wij wijzen uw aanvraag af." in tekst
    assert "dagbesteding in de wijk zelf verder" in tekst
    assert "Bezwaar" in tekst and "binnen zes weken" in tekst
    assert "Wij kennen u" not in tekst and "Zorggroep Maasland" not in tekst
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "60",
            "-f",
            "1",
            "-l",
            "1",
            str(brief),
            str(SCREENSHOTS / "afwijzing-3-brief"),
        ],
        check=True,
    )
    page.click("nav.menu >> text=Aanvragen")
    assert "Geen aanvragen die op een beschikking wachten." in page.inner_text("main")
    assert "Afgewezen" in page.inner_text("section:has(#beschikt)")
    foto(page, "3b-aanvragen")
    uitloggen(page)

    # Consulent: the case is closed; Els withdraws her melding.
    inloggen(page, url, gemeente, consulent)
    page.click("nav.menu >> text=Meldingen")
    assert "Piet Bakker" not in page.inner_text("main")
    page.click("text=Els Jansen")
    page.click("a:has-text('Melding afsluiten')")
    page.click("button:has-text('Melding afsluiten')")
    page.wait_for_selector(".veld__fout >> text=Dit veld is vereist.")
    page.check("input[name='soort'][value='ingetrokken']")
    page.fill("#id_reden", "Mevrouw belde: haar buurvrouw helpt nu.")
    foto(page, "4-intrekken")
    page.click("button:has-text('Melding afsluiten')")
    page.wait_for_selector("text=De melding is afgesloten: ingetrokken door de cliënt.")
    assert "Melding afgesloten" in page.inner_text("#stap")
    assert "Vervallen" in page.inner_text(".route")
    foto(page, "5-ingetrokken")
