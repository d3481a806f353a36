"""The open beschikking (Wmo): the right to support is decided, the aanbieder the client
chooses requests the allocation with a WMO315 citing the beschikkingnummer."""

import re
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from wmoketen.audit.models import AuditRegel
from wmoketen.berichten.models import Bericht
from wmoketen.organisaties import services as organisaties
from wmoketen.scenario import Stap, voorjaar
from wmoketen.stromen import beschikking as stromen
from wmoketen.termijnen.constants import Status as TermijnStatus
from wmoketen.termijnen.models import Termijn
from wmoketen.toegang import queries, services
from wmoketen.toegang.constants import MeldingStatus, PlanStatus
from wmoketen.toegang.models import Beschikking
from wmoketen.toegang.pdf import beschikking_html
from wmoketen.toegang.services import BeschiktProductInvoer
from wmoketen.toewijzingen.models import Toewijzing

from .hulp import termijn

# The scenario's fixed dates hold around named holidays: today stays the day it was written.
pytestmark = pytest.mark.usefixtures("vandaag_vast")


def tot_akkoord(client, wet, product, aanbieder, consulent, medewerker):
    """Steps 1–7 on fixed dates: the signed plan is the aanvraag of 21 April 2026."""
    route = voorjaar(
        client,
        wet,
        consulent,
        aanbieder=aanbieder,
        medewerker=medewerker,
        product=product,
        opdracht_op=date(2026, 4, 2),
        deel_2=("activering", "Dagbesteding", "2x", date(2026, 5, 11)),
        deel_2_ondertekend_op=date(2026, 4, 20),
        deel_2_gereed_op=date(2026, 4, 20),
        akkoord_op=date(2026, 4, 21),
    ).tot(Stap.AKKOORD)
    return route.melding, route.plan


def beschik(plan, product, backoffice, **kwargs):
    return stromen.neem_beschikking(
        plan,
        producten=[BeschiktProductInvoer(product, 4)],
        ingangsdatum=date(2026, 5, 11),
        duur="1j",
        motivering="Begeleiding is nodig voor het resultaat.",
        dagtekening=date(2026, 5, 6),
        acting_user=backoffice,
        **kwargs,
    )


@pytest.fixture
def open_gemeente(gemeente):
    return organisaties.stel_open_beschikkingen_in(
        gemeente, open_beschikkingen=True, acting_user=None
    )


@pytest.fixture
def wmo_aanvraag(consulent, medewerker, aanbieder, wmo_client, wmo_product):
    return tot_akkoord(wmo_client, "wmo", wmo_product, aanbieder, consulent, medewerker)


# The decision ---------------------------------------------------------------------------


def test_open_beschikking_wijst_niet_toe_en_stuurt_geen_301(
    open_gemeente, wmo_aanvraag, wmo_product, backoffice, django_capture_on_commit_callbacks
):
    melding, plan = wmo_aanvraag

    with django_capture_on_commit_callbacks(execute=True):
        beschikking = beschik(plan, wmo_product, backoffice, open_beschikking=True)

    melding.refresh_from_db()
    plan.refresh_from_db()
    assert beschikking.open
    assert not Toewijzing.objects.exists()
    assert not Bericht.objects.exists()
    assert (melding.status, plan.status) == (MeldingStatus.OPEN_BESCHIKT, PlanStatus.BESCHIKT)
    assert "toegewezen" not in melding.get_status_display()
    # The decision's deadlines are met; the start of care waits for the aanbieder's request.
    for onderwerp, code in ((plan, "beschikking"), (melding, "melding_beschikking")):
        t = termijn(onderwerp, code)
        assert (t.status, t.gesloten_op) == (TermijnStatus.GEHAALD, date(2026, 5, 6))
    assert not Termijn.objects.filter(regel__code="start_ondersteuning").exists()
    assert bytes(beschikking.pdf).startswith(b"%PDF")
    assert list(beschikking.producten.values_list("volume", "eenheid")) == [(4, "04")]
    regel = AuditRegel.objects.get(actie="beschikking.genomen")
    assert "(open beschikking)" in regel.omschrijving
    # Decided: off the consulent's caseload.
    assert melding not in queries.caseload(melding.consulent)


def test_gewone_beschikking_blijft_toewijzen(
    open_gemeente, wmo_aanvraag, wmo_product, backoffice, django_capture_on_commit_callbacks
):
    melding, plan = wmo_aanvraag

    with django_capture_on_commit_callbacks(execute=True):
        beschikking = beschik(plan, wmo_product, backoffice)

    melding.refresh_from_db()
    assert not beschikking.open
    assert melding.status == MeldingStatus.BESCHIKT
    [toewijzing] = Toewijzing.objects.all()
    assert toewijzing.beschikkingnummer == beschikking.nummer
    assert toewijzing.bericht.naam == "WMO301"


def test_open_beschikking_geweigerd_zonder_instelling_van_de_gemeente(
    wmo_aanvraag, wmo_product, backoffice
):
    melding, plan = wmo_aanvraag
    assert not melding.gemeente.open_beschikkingen

    with pytest.raises(ValidationError) as fout:
        beschik(plan, wmo_product, backoffice, open_beschikking=True)

    assert fout.value.messages == [
        "Gemeente Weert werkt niet met open beschikkingen: kies de aanbieder en wijs toe."
    ]
    plan.refresh_from_db()
    assert plan.status == PlanStatus.AKKOORD
    assert not Beschikking.objects.exists()


def test_open_beschikking_geweigerd_in_de_jeugdwet(
    open_gemeente, consulent, medewerker, aanbieder, jeugd_client, jeugd_product, backoffice
):
    _, plan = tot_akkoord(jeugd_client, "jeugdwet", jeugd_product, aanbieder, consulent, medewerker)

    with pytest.raises(ValidationError) as fout:
        beschik(plan, jeugd_product, backoffice, open_beschikking=True)

    assert fout.value.messages[0].startswith("Een open beschikking bestaat alleen in de Wmo")
    assert not Beschikking.objects.exists()
    assert not Toewijzing.objects.exists()


# The number a WMO315 cites ------------------------------------------------------------------


def test_beschikkingnummer_past_in_het_iwmo_beschikkingnummer(
    open_gemeente, wmo_aanvraag, wmo_product, backoffice
):
    _, plan = wmo_aanvraag

    beschikking = beschik(plan, wmo_product, backoffice, open_beschikking=True)

    assert re.fullmatch(r"26\d{7}", beschikking.nummer)
    assert 1 <= int(beschikking.nummer) <= services.MAXIMAAL_BESCHIKKINGNUMMER
    # A WMO315 cites it as an integer; the gemeente finds its open beschikking by it.
    assert queries.open_beschikking(open_gemeente, int(beschikking.nummer)) == beschikking
    assert queries.open_beschikking(open_gemeente, int(beschikking.nummer) + 1) is None
    assert queries.open_beschikking(open_gemeente, "geen nummer") is None


def test_beschikkingnummer_voorloopnul_en_grens():
    assert services.beschikkingnummer(date(2026, 5, 6), 42) == "260000042"
    assert services.beschikkingnummer(date(2009, 1, 2), 9_999_999) == "099999999"
    with pytest.raises(ValidationError):
        services.beschikkingnummer(date(2026, 5, 6), 10_000_000)


# The letter -----------------------------------------------------------------------------


def test_brief_van_open_beschikking_laat_de_client_kiezen(
    open_gemeente, wmo_aanvraag, wmo_product, backoffice, aanbieder
):
    _, plan = wmo_aanvraag
    beschikking = beschik(plan, wmo_product, backoffice, open_beschikking=True)

    html = beschikking_html(services.brief_voor(beschikking))

    assert "Besluit op uw aanvraag (open beschikking)" in html
    assert "Dit is een open beschikking. U kiest zelf een zorgaanbieder" in html
    assert f"beschikkingnummer {beschikking.nummer}" in html
    assert "Wij geven de zorgaanbieder opdracht" not in html
    assert aanbieder.naam not in html  # the client chooses: no aanbieder named


def test_brief_van_gewone_beschikking_noemt_de_aanbieder(
    wmo_aanvraag, wmo_product, backoffice, aanbieder
):
    _, plan = wmo_aanvraag
    beschikking = beschik(plan, wmo_product, backoffice)

    html = beschikking_html(services.brief_voor(beschikking))

    assert f"te leveren door {aanbieder.naam}" in html
    assert "open beschikking" not in html


# The backoffice's form --------------------------------------------------------------------


def formulier(product, **extra):
    return {
        f"volume_{product.pk}": "4",
        "ingangsdatum": "2026-05-11",
        "duur": "1j",
        "motivering": "Nodig.",
    } | extra


def test_vinkje_open_beschikking_alleen_bij_de_instelling(
    client, wmo_aanvraag, wmo_product, backoffice
):
    _, plan = wmo_aanvraag
    client.force_login(backoffice)
    url = f"/toegang/aanvragen/{plan.pk}/"

    assert 'name="open_beschikking"' not in client.get(url).content.decode()
    # Posted anyway: ignored without the setting, a normal beschikking with its 301.
    client.post(url, formulier(wmo_product, open_beschikking="on"))
    assert not Beschikking.objects.get().open
    assert Toewijzing.objects.count() == 1


def test_open_beschikking_via_het_formulier(
    client, open_gemeente, wmo_aanvraag, wmo_product, backoffice
):
    melding, plan = wmo_aanvraag
    client.force_login(backoffice)
    url = f"/toegang/aanvragen/{plan.pk}/"
    assert 'name="open_beschikking"' in client.get(url).content.decode()

    antwoord = client.post(url, formulier(wmo_product, open_beschikking="on"), follow=True)

    beschikking = Beschikking.objects.get()
    tekst = antwoord.content.decode()
    assert beschikking.open
    assert not Toewijzing.objects.exists()
    assert f"Open beschikking {beschikking.nummer} is genomen" in tekst
    assert "Open beschikking: de cliënt kiest een gecontracteerde aanbieder" in tekst
    pagina = client.get(f"/toegang/{melding.pk}/").content.decode()
    assert "Open beschikking afgegeven" in pagina
    assert "Wacht op verzoek om toewijzing (WMO315) van de aanbieder" in pagina


def test_geen_vinkje_in_de_jeugdwet(
    client,
    open_gemeente,
    consulent,
    medewerker,
    aanbieder,
    jeugd_client,
    jeugd_product,
    backoffice,
):
    _, plan = tot_akkoord(jeugd_client, "jeugdwet", jeugd_product, aanbieder, consulent, medewerker)
    client.force_login(backoffice)

    pagina = client.get(f"/toegang/aanvragen/{plan.pk}/").content.decode()

    assert "JW301" in pagina and 'name="open_beschikking"' not in pagina
