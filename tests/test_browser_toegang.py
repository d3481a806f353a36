"""Browser test of the whole chain through the pages for a brand-new client: the consulent
registers him (a wrong BSN first) and his address (a wrong postcode first), then consulent →
aanbieder → consulent → backoffice from the melding to the WMO301, and the aanbieder reports
the start (WMO305) and the stop (WMO307), which the backoffice sees answered (306/308).

Screenshots: var/screenshots/toegang-*.png.
"""

import pytest
from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.factories import (
    AanbiederFactory,
    ContractFactory,
    ContractregelFactory,
    GebruikerFactory,
    GemeenteFactory,
    ProductFactory,
)
from wmoketen.termijnen.services import laad_standaardregels
from wmoketen.toegang.constants import Criterium, Levensdomein

from .browserhulp import SCREENSHOTS, inloggen, uitloggen

pytestmark = pytest.mark.browser


def foto(page, naam):
    page.screenshot(path=SCREENSHOTS / f"toegang-{naam}.png", full_page=True)


def test_route_van_melding_tot_wmo301(live_server, page):
    laad_standaardregels(acting_user=None)
    gemeente = GemeenteFactory(naam="Weert", gemeentecode="0988")
    aanbieder = AanbiederFactory(naam="Zorggroep Maasland", agb_code="73730101")
    product = ProductFactory(productcategorie="02", productcode="02A01", naam="Begeleiding")
    contract = ContractFactory(kenmerk="WRT-2026-001", gemeente=gemeente, aanbieder=aanbieder)
    ContractregelFactory(contract=contract, product=product, eenheid="04", frequentie="2")
    consulent = GebruikerFactory(
        username="weert.consulent",
        organisatie=gemeente,
        first_name="Anna",
        rol=Rol.TOEGANGSMEDEWERKER,
    )
    backoffice = GebruikerFactory(
        username="weert.backoffice", organisatie=gemeente, first_name="Bo", rol=Rol.BACKOFFICE
    )
    medewerker = GebruikerFactory(
        username="maasland.medewerker", organisatie=aanbieder, first_name="Bram", rol=Rol.AANBIEDER
    )
    vandaag = timezone.localdate().isoformat()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 1000})
    url = live_server.url

    # Consulent: a new client, refused with a wrong BSN, then registered; his BRP address,
    # refused with a wrong postcode, then recorded.
    inloggen(page, url, gemeente, consulent)
    page.click("nav.menu >> text=Cliënten")
    page.click("main >> text=Nieuwe cliënt")
    page.fill("#id_bsn", "123456789")
    page.fill("#id_voornamen", "Piet")
    page.fill("#id_voorletters", "P")
    page.fill("#id_geslachtsnaam", "Bakker")
    page.fill("#id_geboortedatum", "1950-03-14")
    page.select_option("#id_geslacht", value="1")
    page.click("button:has-text('Registreren')")
    page.wait_for_selector(".veld__fout")
    assert "elfproef" in page.inner_text("main").lower()
    foto(page, "0a-bsn-fout")
    page.fill("#id_bsn", "123456782")
    page.click("button:has-text('Registreren')")
    page.wait_for_selector("h1:has-text('Piet Bakker')")
    assert "Geen adres bekend" in page.inner_text("#contact >> xpath=..")
    page.click("a:has-text('Adres toevoegen')")
    page.fill("#id_straatnaam", "Markt")
    page.fill("#id_huisnummer", "1")
    page.fill("#id_postcode", "60011")
    page.fill("#id_plaatsnaam", "Weert")
    page.fill("#id_telefoonnummer", "0495123456")
    page.click("button:has-text('Adres toevoegen')")
    page.wait_for_selector(".veld__fout")
    assert "postcode" in page.inner_text("main").lower()
    foto(page, "0b-postcode-fout")
    page.fill("#id_postcode", "6001 aa")
    page.click("button:has-text('Adres toevoegen')")
    page.wait_for_selector("h1:has-text('Piet Bakker')")
    assert "Markt 1, 6001AA Weert" in page.inner_text("#contact >> xpath=..")
    foto(page, "0c-client-met-adres")

    # Consulent: melding, huisbezoek, onderzoek, plan deel 1, profiel, toestemming, opdracht.
    page.click("a:has-text('Nieuwe melding')")
    assert page.input_value("#id_client") != ""  # chosen from the client's page
    page.select_option("#id_wet", value="wmo")
    page.select_option("#id_kanaal", value="telefonisch")
    page.fill("#id_toelichting", "Wil zelfstandig blijven wonen")
    foto(page, "1-nieuwe-melding")
    page.click("button:has-text('Melding registreren')")
    page.wait_for_selector("text=De melding voor Piet Bakker is geregistreerd")
    assert "Stap 2: huisbezoek plannen" in page.inner_text("#stap")
    page.fill("#id_huisbezoek-datum", vandaag)
    page.click("button:has-text('Huisbezoek plannen')")
    page.wait_for_selector("text=Het huisbezoek is gepland")
    for nummer, domein in enumerate(Levensdomein.values):
        page.select_option(f"#id_onderzoek-score_{domein}", value=str(2 + nummer % 3))
    page.fill("#id_onderzoek-problemen_financien", "Schulden")
    page.fill("#id_onderzoek-netwerk", "Dochter woont in de buurt")
    page.fill("#id_onderzoek-verslag", "Meneer redt zich thuis niet zonder begeleiding.")
    page.fill("#id_onderzoek-ondertekend_door_client_op", vandaag)
    foto(page, "2-onderzoek")
    page.click("button:has-text('Onderzoek afronden')")
    page.wait_for_selector("text=Het onderzoek is afgerond.")
    page.select_option("#id_rg-0-domein", value="tijdsbesteding")
    page.fill("#id_rg-0-beoogd_resultaat", "Drie dagdelen per week zinvolle dagbesteding")
    page.select_option("#id_rg-1-domein", value="huisvesting")
    page.fill("#id_rg-1-beoogd_resultaat", "Huishouden op orde")
    page.click("button:has-text('Resultaatgebieden opslaan')")
    page.wait_for_selector("text=De resultaatgebieden van deel 1 zijn opgeslagen.")
    for criterium, score in zip(Criterium.values, "BCCBA", strict=True):
        page.check(f"input[name='profiel-score_{criterium}'][value='{score}']")
    page.wait_for_selector("text=Berekend profiel: Categorie 1, aanvullend")
    foto(page, "3-profiel")
    page.click("button:has-text('Profiel vastleggen')")
    page.wait_for_selector("text=Het profiel is vastgelegd: Categorie 1, aanvullend.")
    page.check("#id_toestemming-toestemming")
    page.click("button:has-text('Vastleggen')")
    page.wait_for_selector("text=De ondertekening en de toestemming om te delen zijn vastgelegd.")
    with page.expect_response("**/toegang/aanbieders/**"):  # htmx refreshes the choice
        page.check("input[name='opdracht-producten']")
    # Not wait_for_function: it evaluates a string, which the Content-Security-Policy refuses.
    page.wait_for_selector(".htmx-request, .htmx-settling", state="detached")
    page.select_option("#id_opdracht-aanbieder", label="Zorggroep Maasland")
    foto(page, "4-opdracht")
    page.click("button:has-text('Opdracht deel 2 geven')")
    page.wait_for_selector("text=Zorggroep Maasland heeft de opdracht voor deel 2 gekregen.")
    assert "Stap 6: deel 2 door de aanbieder" in page.inner_text("#stap")
    foto(page, "5-wacht-op-deel-2")
    uitloggen(page)

    # Aanbieder: the order, part 2 per result area, ready.
    inloggen(page, url, aanbieder, medewerker)
    assert "Ondersteuningsplan deel 2 opstellen" in page.inner_text("#werklijst")
    page.click("nav.menu >> text=Opdrachten")
    page.click("text=Piet Bakker")
    hoofd = page.inner_text("main")
    assert "Drie dagdelen per week zinvolle dagbesteding" in hoofd
    assert "Meneer redt zich thuis niet" not in hoofd and "Schulden" not in hoofd
    for i, veldset in enumerate(page.query_selector_all("form fieldset.kaart")):
        veldset.query_selector("input[value='activering']").check()
        veldset.query_selector("textarea").fill(f"Activiteit {i + 1}")
        veldset.query_selector("input[name$='frequentie']").fill("2 keer per week")
        veldset.query_selector("input[type='date']").fill(vandaag)
    foto(page, "6-aanbieder-deel-2")
    page.click("button:has-text('Deel 2 opslaan')")
    page.wait_for_selector("text=Deel 2 is opgeslagen.")
    page.click("button:has-text('Deel 2 gereed melden')")
    page.wait_for_selector("text=Deel 2 is gereed gemeld.")
    foto(page, "7-aanbieder-gereed")
    uitloggen(page)

    # Consulent: akkoord (the plan is the aanvraag).
    inloggen(page, url, gemeente, consulent)
    page.click("#bel")
    page.click("text=Ondersteuningsplan deel 2 gereed")
    assert "Stap 7: akkoord op het plan" in page.inner_text("#stap")
    foto(page, "8-akkoord")
    page.click("button:has-text('Akkoord geven')")
    page.wait_for_selector("text=Akkoord gegeven.")
    page.click("nav.menu >> text=Meldingen")
    assert "Aanvraag, wacht op beschikking" in page.inner_text("#caseload")
    foto(page, "8b-caseload")
    uitloggen(page)

    # Backoffice: beschikking → toewijzing → WMO301.
    inloggen(page, url, gemeente, backoffice)
    page.click("nav.menu >> text=Aanvragen")
    foto(page, "9-aanvragen")
    page.click("text=Piet Bakker")
    page.fill(f"#id_volume_{product.pk}", "3")
    page.check("input[name='duur'][value='18m']")
    page.wait_for_selector("#einddatum-uitkomst >> text=Einddatum:")
    page.fill("#id_motivering", "Begeleiding is nodig om zelfstandig te blijven wonen.")
    foto(page, "10-beschikking-nemen")
    page.click("button:has-text('Beschikking nemen en toewijzen')")
    page.wait_for_selector("text=is genomen en de toewijzing is verstuurd.")
    assert "3 uur per week" in page.inner_text("main")
    foto(page, "11-beschikking")
    pdf = page.request.get(url + page.get_attribute("a:has-text('(PDF)')", "href"))
    assert pdf.headers["content-type"] == "application/pdf"
    page.click("a:has-text('WMO301')")
    page.wait_for_url("**/berichten/*/")
    assert "WMO301" in page.inner_text("h1")
    assert "Zorggroep Maasland" in page.inner_text("main")
    foto(page, "12-wmo301")
    page.click("text=← Berichtenverkeer")
    assert "WMO301" in page.inner_text("#berichten")
    uitloggen(page)

    # Aanbieder: the 301 arrived; the care starts (WMO305) and stops (WMO307).
    inloggen(page, url, aanbieder, medewerker)
    page.click("nav.menu >> text=Toewijzingen")
    assert "Piet Bakker" in page.inner_text("main")
    page.click("section.kaart:has(h2:has-text('Piet Bakker')) tbody a >> nth=0")
    page.fill("#id_start-startdatum", vandaag)
    page.click("button:has-text('Start melden')")
    page.wait_for_selector("text=De start is gemeld")
    page.fill("#id_stop-einddatum", vandaag)
    page.select_option("#id_stop-reden", value="02")
    page.click("button:has-text('Stop melden')")
    page.wait_for_selector("text=De stop is gemeld")
    berichten = page.inner_text("#berichten-kop >> xpath=..")
    assert "WMO305" in berichten and "WMO307" in berichten
    assert "WMO306" in berichten and "WMO308" in berichten
    foto(page, "13-aanbieder-start-stop")
    uitloggen(page)

    # Backoffice: the client's page shows the whole case, newest first.
    inloggen(page, url, gemeente, backoffice)
    page.click("nav.menu >> text=Cliënten")
    page.fill("input[name='q']", "Bakker")
    page.keyboard.press("Enter")
    page.click("main a:has-text('Piet Bakker')")
    dossier = page.inner_text("main")
    for kop in ("Meldingen", "Beschikkingen", "Toewijzingen", "Berichten"):
        assert kop in dossier
    assert "WMO305" in dossier and "WMO307" in dossier
    foto(page, "14-dossier")
