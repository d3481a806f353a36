"""Browser test of a correction (#22): Weert approved Zorggroep Maasland's declaration of the
month before last; the medewerker corrects the approved prestatie from the declaration page
(first with the declared volume: nothing to correct), the correction waits, last month's
proposal takes the credit and the corrected prestatie, the 323 goes; Weert's backoffice finds
the chain approved and answers (325); the aanbieder sees the correction done.

The allocation is made with ``wijs_toe``, the start with ``registreer_start`` and the first
month declared and answered with the services; every message is delivered internally (the
live server's transactions commit, so the on-commit delivery runs).

Screenshots: the test's tmp dir, correctie-*.png.
"""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.declaraties import beantwoorden, indienen, voorstel
from wmoketen.declaraties.constants import DeclaratieStatus, Oordeel
from wmoketen.declaraties.models import Correctie, Declaratie, OntvangenDeclaratie
from wmoketen.declaraties.perioden import maand_van
from wmoketen.declaraties.templatetags.declaraties import euro
from wmoketen.factories import (
    ClientFactory,
    ContactFactory,
    GebruikerFactory,
)
from wmoketen.toewijzingen.levering import registreer_start
from wmoketen.toewijzingen.models import AanbiederToewijzing
from wmoketen.toewijzingen.services import TeWijzenProduct, wijs_toe

from .browserhulp import inloggen, uitloggen, weert_en_maasland
from .test_browser_toegankelijkheid import schendingen

pytestmark = pytest.mark.browser

REDEN = "De afspraak van de laatste week ging niet door."


class Opzet:
    """Weert allocates Begeleiding (4 hours a week at € 62,50) to Piet Bakker with Zorggroep
    Maasland from the first of the month before last; that month is declared and approved."""

    def __init__(self):
        vandaag = timezone.localdate()
        self.vorige = maand_van(vandaag.replace(day=1) - timedelta(days=1))
        self.eerste = maand_van(self.vorige[0] - timedelta(days=1))
        self.gemeente, self.aanbieder, product = weert_en_maasland(
            product=dict(frequentie="2"),
            contract=dict(begindatum=vandaag - timedelta(400)),
            regel=dict(tarief=Decimal("62.50")),
        )
        self.backoffice = GebruikerFactory(
            username="weert.backoffice", organisatie=self.gemeente, rol=Rol.BACKOFFICE
        )
        self.medewerker = GebruikerFactory(
            username="maasland.medewerker", organisatie=self.aanbieder, rol=Rol.AANBIEDER
        )
        client = ClientFactory(organisatie=self.gemeente, voornamen="Piet", geslachtsnaam="Bakker")
        ContactFactory(client=client, straatnaam="Markt", huisnummer=1, postcode="6001AA")
        wijs_toe(
            gemeente=self.gemeente,
            aanbieder=self.aanbieder,
            client=client,
            wet="wmo",
            producten=[
                TeWijzenProduct(
                    product, self.eerste[0], vandaag + timedelta(days=300), 4, None, None
                )
            ],
            beschikkingnummer="B-1",
            acting_user=self.backoffice,
        )
        ontvangen = AanbiederToewijzing.objects.get(client__bsn=client.bsn)  # 301 delivered
        registreer_start(ontvangen, startdatum=self.eerste[0], acting_user=self.medewerker)
        self.declaratie = voorstel.stel_voor(
            aanbieder=self.aanbieder,
            gemeente=self.gemeente,
            wet="wmo",
            maand=self.eerste[0],
            acting_user=self.medewerker,
        )
        indienen.dien_in(self.declaratie, acting_user=self.medewerker)  # 323 delivered
        beantwoorden.beantwoord(OntvangenDeclaratie.objects.get(), acting_user=self.backoffice)
        self.origineel = self.declaratie.prestaties.get()
        self.origineel.refresh_from_db()
        assert self.origineel.oordeel == Oordeel.GOEDGEKEURD  # the 325 was read


def test_correctie_van_goedgekeurde_prestatie_tot_antwoord(live_server, page, tmp_path):
    o = Opzet()
    page.set_viewport_size({"width": 1280, "height": 1000})
    url = live_server.url
    gevonden: list[str] = []

    def foto(naam):
        page.screenshot(path=tmp_path / f"correctie-{naam}.png", full_page=True)
        gevonden.extend(schendingen(page, naam))

    # Aanbieder: the approved prestatie offers Corrigeren; the declared volume is refused.
    inloggen(page, url, o.aanbieder, o.medewerker)
    page.goto(f"{url}/declaraties/{o.declaratie.pk}/")
    rij = f"#prestatie-{o.origineel.pk}"
    assert "Goedgekeurd" in page.inner_text(rij)
    foto("1-goedgekeurd")
    page.click(f"{rij} a:has-text('Corrigeren')")
    assert o.origineel.referentienummer in page.inner_text("h1")
    assert "komt in het voorstel van uw volgende declaratie" in page.inner_text("#bestemming")
    page.fill("#id_reden", REDEN)
    page.click("button:has-text('Correctie aanvragen')")
    page.wait_for_selector("text=er is niets te corrigeren")
    assert not Correctie.objects.exists()
    foto("2-niets-te-corrigeren")
    nieuw = o.origineel.geleverd_volume - 3
    page.fill("#id_volume", str(nieuw))
    page.click("button:has-text('Correctie aanvragen')")
    page.wait_for_selector("text=is aangevraagd")
    correctie = Correctie.objects.get()
    assert "Wacht op de volgende declaratie" in page.inner_text(f"#correctie-{correctie.pk}")
    assert REDEN in page.inner_text(f"#correctie-{correctie.pk}")
    foto("3-wacht")

    # Last month's proposal holds Piet's month, the credit and the corrected prestatie.
    page.click("nav.menu >> text=Declaraties")
    page.click("main a:has-text('Nieuwe declaratie')")
    page.select_option("#id_gemeente", label="Weert")
    page.select_option("#id_wet", value="wmo")
    page.click("button:has-text('Prestaties voorstellen')")
    page.wait_for_selector(f"text=Het voorstel voor {o.vorige[0]:%m-%Y} staat klaar")
    tweede = Declaratie.objects.get(status=DeclaratieStatus.CONCEPT)
    credit = tweede.prestaties.get(debet_credit="C")
    debet = tweede.prestaties.get(correctie=correctie, debet_credit="D")
    eigen = tweede.prestaties.get(correctie__isnull=True)
    assert f"Credit van {o.origineel.referentienummer}" in page.inner_text(
        f"#prestatie-{credit.pk}"
    )
    assert f"vervangt {o.origineel.referentienummer}" in page.inner_text(f"#prestatie-{debet.pk}")
    assert page.locator(f"#volume-{credit.pk}").count() == 0  # a credit is not edited
    assert page.input_value(f"#volume-{debet.pk}") == str(nieuw)
    ingediend = eigen.bedrag - o.origineel.bedrag + nieuw * 6250
    assert page.inner_text("#ingediend") == euro(ingediend)
    foto("4-voorstel-met-correctie")
    page.click("button:has-text('Indienen (323 versturen)')")
    page.wait_for_selector("text=De declaratie is ingediend")
    foto("5-ingediend")
    uitloggen(page)

    # Gemeente: the chain passes (TR323, TR389, TR390); the backoffice answers.
    ontvangen = OntvangenDeclaratie.objects.get(declaratienummer=tweede.declaratienummer)
    assert set(ontvangen.prestaties.values_list("oordeel", flat=True)) == {Oordeel.GOEDGEKEURD}
    inloggen(page, url, o.gemeente, o.backoffice)
    page.goto(f"{url}/declaraties/ontvangen/{ontvangen.pk}/")
    assert euro(ingediend) in page.inner_text("main")
    foto("6-ontvangen")
    page.click("button:has-text('Beantwoorden (325 versturen)')")
    page.wait_for_selector("text=Het declaratie-antwoord (325)")
    foto("7-beantwoord")
    uitloggen(page)

    # Aanbieder: everything approved, the correction done.
    inloggen(page, url, o.aanbieder, o.medewerker)
    page.goto(f"{url}/declaraties/{tweede.pk}/")
    tweede.refresh_from_db()
    assert tweede.status == DeclaratieStatus.BEANTWOORD
    assert tweede.toegekend_bedrag == ingediend
    assert page.inner_text("#toegekend") == euro(ingediend)
    for p in (credit, debet, eigen):
        assert "Goedgekeurd" in page.inner_text(f"#prestatie-{p.pk}")
    foto("8-antwoord")
    page.goto(f"{url}/declaraties/correcties/")
    assert "Verwerkt: credit toegekend" in page.inner_text(f"#correctie-{correctie.pk}")
    foto("9-verwerkt")
    page.goto(f"{url}/declaraties/{o.declaratie.pk}/")
    assert "Correctie: verwerkt" in page.inner_text(rij)
    assert page.locator(f"{rij} a:has-text('Corrigeren')").count() == 0
    assert gevonden == [], "\n".join(gevonden)
