"""Browser test of a payment batch (#22): Weert's backoffice finds the approved declarations of
March in no batch yet, makes the batches, finds the late batch in the worklist, fixes it,
downloads the CSV and the SEPA file (valid against the pain.001 XSD) and marks it paid; the
aanbieder then reads its paid batch.

The declarations (a 323 answered with a 325 in March: two approved debits and an approved
credit, one rejected debit) are made as records (``betalingen/tests/hulp.py``); the chain
through the pipeline is ``betalingen/tests/test_keten.py``.

Screenshots: var/screenshots/betaling-*.png.
"""

import pytest
import xmlschema
from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.betalingen.constants import BatchStatus
from wmoketen.betalingen.models import Betaalbatch
from wmoketen.betalingen.tests.hulp import AANBIEDER_IBAN, in_maart_beantwoord, opzet
from wmoketen.betalingen.tests.test_exports import SCHEMA
from wmoketen.factories import ClientFactory, GebruikerFactory

from .browserhulp import SCREENSHOTS, inloggen, uitloggen
from .test_browser_toegankelijkheid import schendingen

pytestmark = pytest.mark.browser


def foto(page, naam, gevonden: list[str]):
    page.screenshot(path=SCREENSHOTS / f"betaling-{naam}.png", full_page=True)
    gevonden += schendingen(page, naam)


def test_betaalbatch_maken_vaststellen_exporteren_betalen(live_server, page):
    weert, maasland, backoffice = opzet(username="weert.backoffice")
    medewerker = GebruikerFactory(
        username="maasland.medewerker", organisatie=maasland, rol=Rol.AANBIEDER
    )
    piet = ClientFactory(organisatie=weert, voornamen="Piet", geslachtsnaam="Bakker")
    in_maart_beantwoord(
        weert,
        maasland,
        prestaties=[
            (100000, "D", "goedgekeurd"),
            (25000, "D", "goedgekeurd"),
            (6250, "C", "goedgekeurd"),
            (50000, "D", "afgewezen"),
        ],
        client=piet,
    )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 1000})
    url = live_server.url
    gevonden = []

    inloggen(page, url, weert, backoffice)
    page.goto(f"{url}/betalingen/")
    assert "0 betaalbatches te betalen." in page.inner_text("main")
    foto(page, "1-leeg", gevonden)
    page.click("button:has-text('Maak betaalbatches')")
    page.wait_for_selector("text=1 betaalbatch(es) bijgewerkt: Zorggroep Maasland 03-2026.")
    batch = Betaalbatch.objects.get()
    rij = page.inner_text(f"tr:has(a:text-is('{batch.kenmerk}'))")
    # 1000 + 250 − 62,50; the rejected prestatie is not paid. Due 30 days after the 323.
    assert "€ 1.187,50" in rij and "01-04-2026" in rij and "te laat" in rij
    foto(page, "2-gemaakt", gevonden)

    page.goto(f"{url}/")
    werk = page.inner_text("main")
    assert "Betaalbatch 03-2026 van Zorggroep Maasland vaststellen" in werk
    foto(page, "3-werklijst", gevonden)
    page.click("text=Betaalbatch 03-2026 van Zorggroep Maasland vaststellen")
    page.wait_for_selector("h1:has-text('Betaalbatch 03-2026: Zorggroep Maasland')")
    hoofd = page.inner_text("main")
    assert "Piet Bakker" in hoofd and "NL44 RABO 0123 4567 89" in hoofd
    assert page.inner_text("#totaal").startswith("€ 1.187,50")
    foto(page, "4-concept", gevonden)

    page.click("button:has-text('Vaststellen')")
    page.wait_for_selector("text=is vastgesteld op € 1.187,50")
    assert page.inner_text("#status") == "Vastgesteld"
    foto(page, "5-vastgesteld", gevonden)

    with page.expect_download() as csv_download:
        page.click("button:has-text('Exporteer CSV')")
    csv = open(csv_download.value.path(), encoding="utf-8-sig").read().splitlines()
    assert csv_download.value.suggested_filename == f"{batch.kenmerk}.csv"
    assert len(csv) == 4 and csv[0].startswith("Batchkenmerk;Maand;Gemeente")
    assert [r.split(";")[16] for r in csv[1:]] == ["1000,00", "250,00", "-62,50"]
    with page.expect_download() as sepa_download:
        page.click("button:has-text('Exporteer SEPA')")
    sepa = open(sepa_download.value.path(), encoding="utf-8").read()
    xmlschema.XMLSchema(SCHEMA).validate(sepa)
    assert '<InstdAmt Ccy="EUR">1187.50</InstdAmt>' in sepa and AANBIEDER_IBAN in sepa
    page.reload()
    assert page.inner_text("#status") == "Geëxporteerd"
    foto(page, "6-geexporteerd", gevonden)

    page.fill("#id_betaald_op", "")
    page.click("button:has-text('Markeer betaald')")
    page.wait_for_selector("#id_betaald_op_error >> text=Dit veld is vereist.")
    foto(page, "7-betaald-zonder-datum", gevonden)
    vandaag = timezone.localdate()
    page.fill("#id_betaald_op", vandaag.isoformat())
    page.click("button:has-text('Markeer betaald')")
    page.wait_for_selector(f"text=is betaald op {vandaag:%d-%m-%Y}")
    batch.refresh_from_db()
    assert batch.status == BatchStatus.BETAALD and batch.termijn.status == "te_laat_gehaald"
    assert "Markeer betaald" not in page.inner_text("main")
    foto(page, "8-betaald", gevonden)
    page.goto(f"{url}/betalingen/totalen/?per=aanbieder")
    assert "€ 1.187,50" in page.inner_text("#totalen")
    foto(page, "9-totalen", gevonden)
    uitloggen(page)

    # The aanbieder reads its paid batch, without the gemeente's client names.
    inloggen(page, url, maasland, medewerker)
    page.goto(f"{url}/betalingen/?status=alle")
    page.click(f"main a:text-is('{batch.kenmerk}')")
    hoofd = page.inner_text("main")
    assert "Betaald" in hoofd and "€ 1.187,50" in hoofd and "Piet Bakker" not in hoofd
    assert "Markeer betaald" not in hoofd
    foto(page, "10-aanbieder", gevonden)
    assert gevonden == [], "\n".join(gevonden)
