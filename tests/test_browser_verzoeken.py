"""Browser test of the medische verwijsroute: the aanbieder files a JW315 after a huisarts's
referral, the Almere backoffice allocates it (JW301) and the aanbieder sees it allocated; then the
aanbieder asks for more hours with a JW317 and the backoffice refuses it (JW319, reden 7).
Messages travel over the internal transport (the live server's transactions commit, so the
on-commit delivery runs).

Screenshots: var/screenshots/verzoeken-*.png.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.factories import (
    AanbiederFactory,
    ClientFactory,
    ContactFactory,
    ContractFactory,
    ContractregelFactory,
    GebruikerFactory,
    GemeenteFactory,
    ProductFactory,
)
from wmoketen.termijnen.services import laad_standaardregels
from wmoketen.toewijzingen.models import AanbiederToewijzing
from wmoketen.verzoeken.models import Verzoek

from .browserhulp import SCREENSHOTS, inloggen, uitloggen

pytestmark = pytest.mark.browser

BSN = "999990111"


def foto(page, naam):
    page.screenshot(path=SCREENSHOTS / f"verzoeken-{naam}.png", full_page=True)


def test_jw315_van_huisarts_toegewezen_en_317_afgewezen(live_server, page):
    laad_standaardregels(acting_user=None)
    vandaag = timezone.localdate()
    almere = GemeenteFactory(naam="Almere", gemeentecode="0034")
    aanbieder = AanbiederFactory(naam="Jeugd en Gezin Flevoland", agb_code="73730303")
    product = ProductFactory(
        wet="jeugdwet",
        productcategorie="45",
        productcode="45A10",
        naam="Jeugdhulp ambulant",
        eenheid="04",
        frequentie="2",
    )
    contract = ContractFactory(
        gemeente=almere, aanbieder=aanbieder, begindatum=vandaag - timedelta(days=400)
    )
    ContractregelFactory(contract=contract, product=product, eenheid="04", frequentie="2")
    backoffice = GebruikerFactory(
        username="almere.backoffice", organisatie=almere, first_name="Bo", rol=Rol.BACKOFFICE
    )
    medewerker = GebruikerFactory(
        username="flevoland.medewerker", organisatie=aanbieder, first_name="Fe", rol=Rol.AANBIEDER
    )
    # The child is a resident of Almere: the gemeente knows the BRP address.
    kind = ClientFactory(organisatie=almere, bsn=BSN, geslachtsnaam="Visser", voornamen="Daan")
    ContactFactory(client=kind, plaatsnaam="Almere", postcode="1315AA")

    page.set_viewport_size({"width": 1280, "height": 900})
    url = live_server.url

    # The aanbieder files the JW315 after the huisarts's referral and the intake.
    inloggen(page, url, aanbieder, medewerker)
    page.click("nav >> text=Verzoeken")
    page.click("text=Nieuw verzoek om toewijzing")
    page.select_option("#id_gemeente", label="Almere")
    page.select_option("#id_wet", value="jeugdwet")
    page.fill("#id_bsn", BSN)
    page.fill("#id_geslachtsnaam", "Visser")
    page.fill("#id_voornamen", "Daan")
    page.fill("#id_geboortedatum", "2016-03-14")
    page.select_option("#id_geslacht", value="1")
    page.fill("#id_intakedatum", (vandaag - timedelta(days=2)).isoformat())
    page.select_option("#id_product-0-product", index=1)
    page.fill("#id_product-0-ingangsdatum", (vandaag + timedelta(days=7)).isoformat())
    page.fill("#id_product-0-einddatum", (vandaag + timedelta(days=187)).isoformat())
    page.fill("#id_product-0-volume", "3")
    page.select_option("#id_product-0-verwijzer_type", value="02")
    page.fill("#id_product-0-verwijzer_zorgverlenercode", "01012345")
    foto(page, "1-aanbieder-nieuw-verzoek")
    page.click("text=Verzoek versturen")
    page.wait_for_selector("text=Wacht op beslissing")
    foto(page, "2-aanbieder-verzoek-verstuurd")
    uitloggen(page)

    # The backoffice finds it in its queue, with the deadline, and allocates the product.
    inloggen(page, url, almere, backoffice)
    page.click("nav >> text=Verzoeken")
    foto(page, "3-backoffice-werkvoorraad")
    page.click("text=Verzoek om toewijzing (315)")
    page.check("input[name=toewijzen-producten]")
    foto(page, "4-backoffice-beoordelen")
    page.click("button:has-text('Toewijzen')")
    page.wait_for_selector("text=het toewijzingsbericht (301) is verstuurd")
    foto(page, "5-backoffice-toegewezen")
    uitloggen(page)

    # The aanbieder sees its request allocated, and asks for more hours (317).
    inloggen(page, url, aanbieder, medewerker)
    page.click("nav >> text=Verzoeken")
    page.click("text=Verzoek om toewijzing (315)")
    page.wait_for_selector("text=Toegewezen (301)")
    foto(page, "6-aanbieder-toegewezen")
    toewijzing = AanbiederToewijzing.objects.get(aanbieder=aanbieder)
    page.goto(f"{url}/verzoeken/wijziging/{toewijzing.pk}/")
    page.select_option("#id_reden_verzoek", value="2")
    page.check(f"#id_t{toewijzing.pk}-keuze_1")
    page.fill(f"#id_t{toewijzing.pk}-volume", "5")
    foto(page, "7-aanbieder-wijziging")
    page.click("text=Verzoek om wijziging versturen")
    page.wait_for_selector("text=Wacht op beslissing")
    uitloggen(page)

    # The backoffice refuses the change as a whole: reden 7, zorginhoudelijke afkeur.
    inloggen(page, url, almere, backoffice)
    page.click("nav >> text=Verzoeken")
    page.click("text=Verzoek om wijziging (317)")
    page.select_option("#id_afwijzen-reden", value="7")
    page.fill("#id_afwijzen-toelichting", "Het plan onderbouwt de extra uren niet.")
    page.click("button:has-text('Verzoek afwijzen')")
    page.wait_for_selector("text=het antwoordbericht (319) is verstuurd")
    foto(page, "8-backoffice-afgewezen")
    uitloggen(page)

    # The aanbieder reads the refusal with its reason.
    inloggen(page, url, aanbieder, medewerker)
    page.click("nav >> text=Verzoeken")
    page.click("text=Verzoek om wijziging (317)")
    page.wait_for_selector("text=Zorginhoudelijke afkeur")
    foto(page, "9-aanbieder-afgewezen")

    verzonden = Verzoek.objects.filter(organisatie=aanbieder).order_by("pk")
    assert [(v.soort, v.status) for v in verzonden] == [(315, "toegewezen"), (317, "afgewezen")]
    assert toewijzing.volume == 3
