"""Browser test of a mutation: the Weert backoffice switches a client's allocation from
Zorggroep Maasland to Begeleiding Op Maat (*Mutatie doorgeven* on the traject page, a
confirmation naming both WMO301s, then the messages on the traject page); the old aanbieder sees
its allocation ending (reden 09), the new one its new allocation. Messages travel over the
internal transport (the live server's transactions commit, so the on-commit delivery runs).

Screenshots: var/screenshots/mutatie-*.png.
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
from wmoketen.mutaties.models import Mutatie
from wmoketen.termijnen.services import laad_standaardregels
from wmoketen.toewijzingen.models import AanbiederToewijzing
from wmoketen.toewijzingen.services import TeWijzenProduct, registreer_start, wijs_toe
from wmoketen.trajecten import services as trajecten

from .browserhulp import SCREENSHOTS, inloggen, uitloggen

pytestmark = pytest.mark.browser


def foto(page, naam):
    page.screenshot(path=SCREENSHOTS / f"mutatie-{naam}.png", full_page=True)


def test_backoffice_wisselt_van_aanbieder(live_server, page):
    laad_standaardregels(acting_user=None)
    vandaag = timezone.localdate()
    ingang, einde, wissel = (
        vandaag - timedelta(days=60),
        vandaag + timedelta(days=300),
        vandaag + timedelta(days=14),
    )
    weert = GemeenteFactory(naam="Weert", gemeentecode="0988")
    oud = AanbiederFactory(naam="Zorggroep Maasland", agb_code="73730101")
    nieuw = AanbiederFactory(naam="Begeleiding Op Maat", agb_code="73730202")
    product = ProductFactory(
        wet="wmo",
        productcategorie="02",
        productcode="02A01",
        naam="Begeleiding individueel",
        eenheid="04",
        frequentie="2",
    )
    for aanbieder in (oud, nieuw):
        contract = ContractFactory(
            gemeente=weert, aanbieder=aanbieder, begindatum=vandaag - timedelta(days=400)
        )
        ContractregelFactory(contract=contract, product=product, eenheid="04", frequentie="2")
    backoffice = GebruikerFactory(
        username="weert.backoffice", organisatie=weert, first_name="Bo", rol=Rol.BACKOFFICE
    )
    oud_medewerker = GebruikerFactory(
        username="maasland.medewerker", organisatie=oud, first_name="Mia", rol=Rol.AANBIEDER
    )
    nieuw_medewerker = GebruikerFactory(
        username="opmaat.medewerker", organisatie=nieuw, first_name="Olaf", rol=Rol.AANBIEDER
    )
    client = ClientFactory(organisatie=weert, bsn="999990032", geslachtsnaam="Smits")
    ContactFactory(client=client, plaatsnaam="Weert", postcode="6001AA")
    traject = trajecten.start_traject(
        client=client,
        onderwerp="Begeleiding thuis",
        wet="wmo",
        startdatum=ingang,
        acting_user=backoffice,
    )
    trajecten.voeg_aanbieder_toe(traject, aanbieder=oud, acting_user=backoffice)
    # Zorggroep Maasland was allocated 3 hours a week and started.
    [toewijzing] = wijs_toe(
        gemeente=weert,
        aanbieder=oud,
        client=client,
        wet="wmo",
        producten=[TeWijzenProduct(product, ingang, einde, 3, "04", "2")],
        beschikkingnummer="",
        acting_user=backoffice,
    )
    ontvangen = AanbiederToewijzing.objects.get(aanbieder=oud)
    registreer_start(ontvangen, startdatum=ingang, acting_user=oud_medewerker)

    page.set_viewport_size({"width": 1280, "height": 900})
    url = live_server.url

    # The backoffice enters the switch from the traject page and checks what goes out.
    inloggen(page, url, weert, backoffice)
    page.goto(f"{url}/trajecten/{traject.pk}/")
    page.click("text=Mutatie doorgeven")
    foto(page, "1-backoffice-kiezen")
    page.click("text=Wissel van aanbieder")
    # A date after the allocation's end: the service refuses, in Dutch, in the form.
    page.fill("#id_datum", (einde + timedelta(days=10)).isoformat())
    page.select_option("#id_nieuwe_aanbieder", label="Begeleiding Op Maat")
    page.fill("#id_toelichting", "De cliënt wil begeleiding dichter bij huis.")
    page.click("button:has-text('Controleren')")
    page.wait_for_selector(f"[role=alert] >> text=eindigt al op {einde:%d-%m-%Y}")
    foto(page, "2-backoffice-fout")
    page.fill("#id_datum", wissel.isoformat())
    foto(page, "2b-backoffice-formulier")
    page.click("button:has-text('Controleren')")
    page.wait_for_selector("text=Controleer en bevestig")
    bevestiging = page.inner_text("#bevestiging")
    assert (
        f"Toewijzing {toewijzing.toewijzingnummer} (Begeleiding individueel) eindigt op "
        f"{wissel - timedelta(days=1):%d-%m-%Y} (reden 09 overstap naar andere aanbieder): "
        "een WMO301 naar Zorggroep Maasland"
    ) in bevestiging
    assert "een WMO301 naar Begeleiding Op Maat" in bevestiging
    foto(page, "3-backoffice-bevestigen")
    page.click("button:has-text('Bevestigen en versturen')")
    page.wait_for_selector("text=Wissel van aanbieder is vastgelegd")
    page.wait_for_selector("#mutaties >> text=WMO301")
    foto(page, "4-backoffice-traject")
    uitloggen(page)

    # The old aanbieder sees its allocation ending the day before the switch.
    inloggen(page, url, oud, oud_medewerker)
    page.click("nav >> text=Toewijzingen")
    page.wait_for_selector(f"text=t/m {wissel - timedelta(days=1):%d-%m-%Y}")
    foto(page, "5-oude-aanbieder-lijst")
    page.click(f"td >> a:text-is('{toewijzing.toewijzingnummer}')")
    page.wait_for_selector(f"text={wissel - timedelta(days=1):%d-%m-%Y}")
    foto(page, "6-oude-aanbieder-toewijzing")
    uitloggen(page)

    # The new aanbieder sees its new allocation from the switch up to the old end.
    inloggen(page, url, nieuw, nieuw_medewerker)
    page.click("nav >> text=Toewijzingen")
    page.wait_for_selector(f"text={wissel:%d-%m-%Y} t/m {einde:%d-%m-%Y}")
    foto(page, "7-nieuwe-aanbieder-lijst")
    # From its allocation it could report that the client stops: it sees what would go out,
    # and goes back without confirming.
    page.click("td >> a:text-is('2')")
    page.click("text=Cliënt wil stoppen")
    page.fill("#id_datum", (wissel + timedelta(days=30)).isoformat())
    page.fill("#id_toelichting", "De cliënt zegt de begeleiding op.")
    foto(page, "8-nieuwe-aanbieder-client-stopt")
    page.click("button:has-text('Controleren')")
    page.wait_for_selector("text=een WMO301 van Weert naar Begeleiding Op Maat")
    foto(page, "9-nieuwe-aanbieder-bevestigen")
    page.click("button:has-text('Terug naar het formulier')")
    page.wait_for_selector("button:has-text('Controleren')")
    page.goto(f"{url}/trajecten/{traject.pk}/")
    page.wait_for_selector("#mutaties >> text=Wissel van aanbieder")
    foto(page, "10-nieuwe-aanbieder-traject")

    mutatie = Mutatie.objects.get()
    assert (mutatie.aanbieder, mutatie.nieuwe_aanbieder) == (oud, nieuw)
    ontvangen.refresh_from_db()
    assert (ontvangen.einddatum, ontvangen.reden_wijziging) == (wissel - timedelta(days=1), "09")
    nieuwe = AanbiederToewijzing.objects.get(aanbieder=nieuw)
    assert (nieuwe.ingangsdatum, nieuwe.einddatum, nieuwe.volume) == (wissel, einde, 3)
    assert traject.is_deelnemer(nieuw)
