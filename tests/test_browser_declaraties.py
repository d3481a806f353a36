"""Browser test of a month's declaration from proposal to answer (#21): the aanbieder proposes
last month, changes a volume (a negative one first) and submits the 323; the gemeente's
backoffice finds it in the worklist with its deadline, holds it, rejects one prestatie by hand
(first without a reason) and answers with the 325; the aanbieder reads the verdicts.

The allocations are made with ``wijs_toe`` and the starts with ``registreer_start``; every
message (301, 305, 323, 325) is delivered internally (the live server's transactions commit, so
the on-commit delivery runs).

Screenshots: var/screenshots/declaratie-*.png.
"""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.declaraties.constants import BeoordelingStatus, DeclaratieStatus, Oordeel
from wmoketen.declaraties.models import Declaratie, OntvangenDeclaratie
from wmoketen.declaraties.templatetags.declaraties import euro
from wmoketen.factories import (
    ClientFactory,
    ContactFactory,
    GebruikerFactory,
)
from wmoketen.toewijzingen.levering import registreer_start
from wmoketen.toewijzingen.models import AanbiederToewijzing
from wmoketen.toewijzingen.services import TeWijzenProduct, wijs_toe

from .browserhulp import SCREENSHOTS, inloggen, uitloggen, weert_en_maasland
from .test_browser_toegankelijkheid import schendingen

pytestmark = pytest.mark.browser


def foto(page, naam, gevonden: list[str]):
    """A screenshot of the page, and its axe-core WCAG 2.1 AA violations added to ``gevonden``
    (the crawl of test_browser_toegankelijkheid reaches neither a concept declaration nor a
    received one in the demo, nor their error states)."""
    page.screenshot(path=SCREENSHOTS / f"declaratie-{naam}.png", full_page=True)
    gevonden += schendingen(page, naam)


def vorige_maand(vandaag):
    return (vandaag.replace(day=1) - timedelta(days=1)).replace(day=1)


class Opzet:
    """Weert allocates Begeleiding (4 hours a week, inspanningsgericht at € 62,50 an hour) to
    two clients of Zorggroep Maasland, who started delivering them before and during last
    month."""

    def __init__(self):
        vandaag = timezone.localdate()
        self.maand = vorige_maand(vandaag)
        self.gemeente, self.aanbieder, product = weert_en_maasland(
            product=dict(eenheid="04", frequentie="2"),
            contract=dict(begindatum=vandaag - timedelta(days=400)),
            regel=dict(
                eenheid="04",
                frequentie="2",
                uitvoeringsvariant="inspanningsgericht",
                tarief=Decimal("62.50"),
            ),
        )
        self.backoffice = GebruikerFactory(
            username="weert.backoffice", organisatie=self.gemeente, rol=Rol.BACKOFFICE
        )
        self.medewerker = GebruikerFactory(
            username="maasland.medewerker", organisatie=self.aanbieder, rol=Rol.AANBIEDER
        )
        ingang = self.maand - timedelta(days=30)
        # Piet's care runs all of last month, Els's from its 10th.
        starts = {
            "Piet Bakker": ingang + timedelta(days=3),
            "Els Jansen": self.maand + timedelta(days=9),
        }
        for nummer, (naam, start) in enumerate(starts.items(), start=1):
            voornaam, achternaam = naam.split()
            client = ClientFactory(
                organisatie=self.gemeente, voornamen=voornaam, geslachtsnaam=achternaam
            )
            ContactFactory(client=client, straatnaam="Markt", huisnummer=nummer, postcode="6001AA")
            wijs_toe(
                gemeente=self.gemeente,
                aanbieder=self.aanbieder,
                client=client,
                wet="wmo",
                producten=[
                    TeWijzenProduct(product, ingang, vandaag + timedelta(days=300), 4, None, None)
                ],
                beschikkingnummer=f"B-{nummer}",
                acting_user=self.backoffice,
            )
            ontvangen = AanbiederToewijzing.objects.get(client__bsn=client.bsn)  # 301 delivered
            registreer_start(ontvangen, startdatum=start, acting_user=self.medewerker)


def test_declaratie_van_voorstel_tot_antwoord(live_server, page):
    o = Opzet()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 1000})
    url = live_server.url
    gevonden = []

    # Aanbieder: last month's proposal, one volume lowered (a negative one refused), submitted.
    inloggen(page, url, o.aanbieder, o.medewerker)
    page.click("nav.menu >> text=Declaraties")
    page.click("main a:has-text('Nieuwe declaratie')")
    page.select_option("#id_gemeente", label="Weert")
    page.select_option("#id_wet", value="wmo")
    assert page.input_value("#id_maand") == f"{o.maand:%Y-%m}"  # last month by default
    foto(page, "1-nieuw", gevonden)
    page.click("button:has-text('Prestaties voorstellen')")
    page.wait_for_selector(f"text=Het voorstel voor {o.maand:%m-%Y} staat klaar")
    declaratie = Declaratie.objects.get()
    piet, els = declaratie.prestaties.order_by("toewijzing__client__geslachtsnaam")
    assert piet.toewijzing.client.geslachtsnaam == "Bakker"
    # Piet's care ran all month, Els's from the 10th: less proposed for her.
    assert 0 < els.voorgesteld_volume < piet.voorgesteld_volume
    assert piet.tarief == 6250
    hoofd = page.inner_text("main")
    assert "Piet Bakker" in hoofd and "Els Jansen" in hoofd and "€ 62,50" in hoofd
    foto(page, "2-voorstel", gevonden)

    page.fill(f"#volume-{piet.pk}", "-1")
    page.click(f"#prestatie-{piet.pk} button:has-text('Opslaan')")
    page.wait_for_selector(f"#volume-{piet.pk}-fout >> text=Het volume kan niet negatief zijn.")
    assert page.get_attribute(f"#volume-{piet.pk}", "aria-invalid") == "true"
    rand = page.eval_on_selector(f"#volume-{piet.pk}", "el => getComputedStyle(el).borderColor")
    assert rand != page.eval_on_selector(
        f"#volume-{els.pk}", "el => getComputedStyle(el).borderColor"
    )
    foto(page, "3-volume-negatief", gevonden)
    nieuw_volume = piet.voorgesteld_volume - 2
    page.fill(f"#volume-{piet.pk}", str(nieuw_volume))
    page.click(f"#prestatie-{piet.pk} button:has-text('Opslaan')")
    page.wait_for_selector(f"text=Het geleverde volume is nu {nieuw_volume}.")
    ingediend = (nieuw_volume + els.geleverd_volume) * 6250
    assert page.inner_text("#ingediend") == euro(ingediend)
    page.click("button:has-text('Indienen (323 versturen)')")
    page.wait_for_selector("text=De declaratie is ingediend")
    declaratie.refresh_from_db()
    assert declaratie.status == DeclaratieStatus.INGEDIEND
    assert f"(323) {declaratie.bericht.identificatie} is verstuurd naar Weert" in page.inner_text(
        "main"
    )
    assert "binnen 10 werkdagen" in page.inner_text("main")
    foto(page, "4-ingediend", gevonden)
    uitloggen(page)

    # Gemeente: the 323 went through the pipeline and waits in the worklist with its deadline.
    ontvangen = OntvangenDeclaratie.objects.get()
    assert ontvangen.declaratienummer == declaratie.declaratienummer
    assert ontvangen.ingediend_bedrag == ingediend
    vervaldatum = f"{ontvangen.termijn.vervaldatum:%d-%m-%Y}"
    inloggen(page, url, o.gemeente, o.backoffice)
    werk = page.inner_text("main")
    assert f"Declaratie {declaratie.declaratienummer} van Zorggroep Maasland" in werk
    foto(page, "5-werklijst", gevonden)
    page.click("nav.menu >> text=Declaraties")
    assert "1 declaratie te beantwoorden." in page.inner_text("main")
    rij = page.inner_text(f"tr:has(a:text-is('{declaratie.declaratienummer}'))")
    assert "Zorggroep Maasland" in rij and vervaldatum in rij and euro(ingediend) in rij
    foto(page, "6-te-beantwoorden", gevonden)
    page.click(f"main a:text-is('{declaratie.declaratienummer}')")
    assert vervaldatum in page.inner_text("main")
    page.click("button:has-text('Aanhouden voor controle')")
    page.wait_for_selector("button:has-text('Vrijgeven')")
    assert "aangehouden voor controle" in page.inner_text("#beoordelen")
    afwijzen = ontvangen.prestaties.get(referentienummer=els.referentienummer)
    rij = f"#prestatie-{afwijzen.pk}"
    page.click(f"{rij} summary:has-text('Afwijzen')")
    page.select_option(f"#retourcode-{afwijzen.pk}", value="9321")
    page.click(f"{rij} button:has-text('Prestatie afwijzen')")
    page.wait_for_selector(f"#reden-{afwijzen.pk}-fout >> text=Geef de reden van afwijzing.")
    # The open form with its list of retourcodes stays within the page (no sideways scroll).
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    foto(page, "7-afwijzen-zonder-reden", gevonden)
    reden = "Volgens de zorgplanning van oktober minder uren geleverd."
    page.fill(f"#reden-{afwijzen.pk}", reden)
    page.click(f"{rij} button:has-text('Prestatie afwijzen')")
    page.wait_for_selector(
        f"text=Prestatie {els.referentienummer} is afgewezen met retourcode 9321."
    )
    assert reden in page.inner_text(rij)
    foto(page, "8-afgewezen", gevonden)
    page.click("button:has-text('Beantwoorden (325 versturen)')")
    page.wait_for_selector("text=Het declaratie-antwoord (325)")
    ontvangen.refresh_from_db()
    assert ontvangen.status == BeoordelingStatus.BEANTWOORD
    ontvangen.termijn.refresh_from_db()
    assert ontvangen.termijn.gesloten_op is not None
    foto(page, "9-beantwoord", gevonden)
    uitloggen(page)

    # Aanbieder: the 325's verdicts, the rejected prestatie with its retourcode in Dutch.
    inloggen(page, url, o.aanbieder, o.medewerker)
    assert "325 ontvangen met afwijzingen" in page.inner_text("main")
    page.click("nav.menu >> text=Declaraties")
    page.click(f"main a:text-is('{declaratie.declaratienummer}')")
    declaratie.refresh_from_db()
    assert declaratie.status == DeclaratieStatus.BEANTWOORD
    toegekend = nieuw_volume * 6250
    assert declaratie.toegekend_bedrag == toegekend
    antwoord = page.inner_text("#antwoord")
    assert f"Ingediend {euro(ingediend)}, toegekend {euro(toegekend)}." in antwoord
    assert "1 prestatie afgewezen" in antwoord
    assert page.inner_text("#toegekend") == euro(toegekend)
    afgewezen = page.inner_text(f"#prestatie-{els.pk}")
    assert "Afgewezen" in afgewezen
    assert "9321 Het ingediende volume overschrijdt het toegewezen volume." in afgewezen
    assert "Goedgekeurd" in page.inner_text(f"#prestatie-{piet.pk}")
    assert list(declaratie.prestaties.order_by("pk").values_list("oordeel", flat=True)) == [
        Oordeel.GOEDGEKEURD,
        Oordeel.AFGEWEZEN,
    ]
    foto(page, "10-antwoord", gevonden)
    page.click("main nav.filters >> text=Afgewezen")
    assert f"#prestatie-{piet.pk}" not in page.content()
    foto(page, "11-alleen-afgewezen", gevonden)
    assert gevonden == [], "\n".join(gevonden)
