"""Browser test of an evaluation in the triangle: the beschikking planned the evaluations on
the traject; half a year on, the aanbieder finds the tussentijdse evaluatie in its worklist,
records the outcome per resultaatgebied and proposes to adjust within the profile; the
consulent finds the task that follows and the evaluation on the traject page.

Screenshots: var/screenshots/evaluatie-*.png.
"""

import pytest
from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.evaluaties.constants import Soort, Status
from wmoketen.evaluaties.models import Evaluatie
from wmoketen.factories import (
    AanbiederFactory,
    ClientFactory,
    ContactFactory,
    ContractregelFactory,
    GebruikerFactory,
    GemeenteFactory,
)

from .andermans import toegangsroute
from .browserhulp import SCREENSHOTS, inloggen, uitloggen

pytestmark = pytest.mark.browser


def foto(page, naam):
    page.screenshot(path=SCREENSHOTS / f"evaluatie-{naam}.png", full_page=True)


def test_aanbieder_legt_tussentijdse_evaluatie_vast(live_server, page):
    vandaag = timezone.localdate()
    weert = GemeenteFactory(naam="Weert", gemeentecode="0988")
    aanbieder = AanbiederFactory(naam="Zorggroep Maasland", agb_code="73730101")
    consulent = GebruikerFactory(
        username="weert.consulent",
        organisatie=weert,
        first_name="Anna",
        rol=Rol.TOEGANGSMEDEWERKER,
    )
    regel = ContractregelFactory(contract__gemeente=weert, contract__aanbieder=aanbieder)
    client = ClientFactory(organisatie=weert, geslachtsnaam="Jansen", voornamen="Els")
    ContactFactory(client=client)
    melding, plan, beschikking = toegangsroute(client, consulent, aanbieder, regel.contract)
    plan.resultaatgebieden.update(beoogd_resultaat="Zelf de dag invullen, drie dagdelen per week.")
    medewerker = aanbieder.gebruikers.get()  # made by the route: it wrote plan part 2
    medewerker.username, medewerker.first_name = "maasland.medewerker", "Bram"
    medewerker.save()
    # Half a year on: the tussentijdse evaluatie is due today.
    evaluatie = Evaluatie.objects.get(beschikking=beschikking, soort=Soort.TUSSENTIJDS)
    Evaluatie.objects.filter(pk=evaluatie.pk).update(gepland_op=vandaag)

    page.set_viewport_size({"width": 1280, "height": 900})
    url = live_server.url

    # The aanbieder finds it in its worklist and records the outcome.
    inloggen(page, url, aanbieder, medewerker)
    page.wait_for_selector("text=Tussentijdse evaluatie: Els Jansen")
    foto(page, "1-aanbieder-werklijst")
    page.click("text=Tussentijdse evaluatie: Els Jansen")
    page.fill("#id_gehouden_op", vandaag.isoformat())
    page.check("input[name=aanwezig][value=client]")
    page.check("input[name=aanwezig][value=aanbieder]")
    page.check("input[name=aanwezig][value=consulent]")
    gebied = plan.resultaatgebieden.get()
    page.check(f"input[name=uitkomst_{gebied.pk}][value=deels]")
    page.fill(f"#id_toelichting_{gebied.pk}", "Gaat twee dagdelen naar de dagbesteding.")
    page.check("input[name=vervolgstap][value=bijstellen]")
    page.fill("#id_toelichting", "Een dagdeel extra is nodig om het doel te halen.")
    foto(page, "2-aanbieder-formulier")
    page.click("button:has-text('Evaluatie vastleggen')")
    page.wait_for_selector("text=De tussentijdse evaluatie is vastgelegd.")
    foto(page, "3-aanbieder-vastgelegd")
    uitloggen(page)

    # The consulent gets the task with the proposed step and sees the evaluation on the traject.
    inloggen(page, url, weert, consulent)
    page.wait_for_selector("text=Vervolgstap na tussentijdse evaluatie")
    foto(page, "4-consulent-werklijst")
    page.goto(f"{url}/trajecten/{melding.traject_id}/")
    page.wait_for_selector("#evaluaties")
    foto(page, "5-consulent-traject")
    page.click("#evaluaties ~ table >> text=Tussentijdse evaluatie")
    page.wait_for_selector("text=Deels behaald")
    foto(page, "6-consulent-evaluatie")

    evaluatie.refresh_from_db()
    assert evaluatie.status == Status.UITGEVOERD
    assert evaluatie.vervolgstap == "bijstellen"
    assert evaluatie.vervolg_taak.toegewezen_aan_gebruiker == consulent
