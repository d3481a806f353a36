"""The allocation lists a page at a time (#20): the right rows on each page, the toestand
filter decided in SQL from the latest delivery period, the filters kept in the page links,
and the waiting list's figures counted in SQL equal to those of its rows."""

import re
from datetime import date, time, timedelta

import pytest

from wmoketen.factories import AanbiederFactory, ClientFactory, ProductFactory
from wmoketen.termijnen import services as termijnen
from wmoketen.termijnen.models import Sluitingsdag
from wmoketen.toewijzingen import wachtlijst as wl
from wmoketen.toewijzingen.constants import LeveringStatus
from wmoketen.toewijzingen.models import AanbiederToewijzing, Toewijzing
from wmoketen.toewijzingen.views import PER_PAGINA

from .lijsten import Opzet

pytestmark = pytest.mark.django_db

GESTART = LeveringStatus.GESTART
GEPAUZEERD = LeveringStatus.GEPAUZEERD
GESTOPT = LeveringStatus.GESTOPT
VERWIJDERD = LeveringStatus.VERWIJDERD


@pytest.fixture
def opzet():
    return Opzet()


def _getoond(html: str, aanbieder: bool = False) -> list[int]:
    """The pks of the allocations a list page links to, in page order."""
    pad = r"/toewijzingen/ontvangen/(\d+)/" if aanbieder else r"/toewijzingen/(\d+)/"
    return [int(pk) for pk in re.findall(f'href="{pad}"', html)]


def _pagina(web, url) -> str:
    antwoord = web.get(url)
    assert antwoord.status_code == 200
    return antwoord.content.decode()


def test_backoffice_lijst_per_pagina_de_laatste_eerst(opzet):
    opzet.vul(PER_PAGINA + 5, status="")
    verwacht = list(
        Toewijzing.objects.order_by("-toewijzingsdatum", "-pk").values_list("pk", flat=True)
    )
    eerste = _pagina(opzet.backoffice, "/toewijzingen/")
    tweede = _pagina(opzet.backoffice, "/toewijzingen/?p=2")
    assert _getoond(eerste) == verwacht[:PER_PAGINA]
    assert _getoond(tweede) == verwacht[PER_PAGINA:]
    assert f"{PER_PAGINA + 5} toewijzingen." in eerste
    assert 'href="/toewijzingen/?p=2">Volgende' in eerste
    assert 'href="/toewijzingen/?p=1">Vorige' in tweede
    # Past the end: the last page.
    assert _getoond(_pagina(opzet.backoffice, "/toewijzingen/?p=9")) == verwacht[PER_PAGINA:]


def _toestanden(opzet) -> dict[str, list]:
    """Allocations in every toestand, including the tricky ones (a restart, a removed
    start, a removed later period), as (gemeente's, aanbieder's) pairs per toestand."""
    dag = date.today() - timedelta(days=60)
    niet, gestart, gepauzeerd, gestopt, herstart, weg, weg_later = opzet.vul(7, status="")
    opzet.lever(gestart, GESTART, dag)
    opzet.lever(gepauzeerd, GEPAUZEERD, dag)
    opzet.lever(gestopt, GESTOPT, dag)
    opzet.lever(herstart, GEPAUZEERD, dag)
    opzet.lever(herstart, GESTART, dag + timedelta(days=20))
    opzet.lever(weg, VERWIJDERD, dag)
    opzet.lever(weg_later, GESTOPT, dag)
    opzet.lever(weg_later, VERWIJDERD, dag + timedelta(days=20))
    return {
        "nog_niet_gestart": [niet, weg],
        "gestart": [gestart, herstart],
        "gepauzeerd": [gepauzeerd],
        "gestopt": [gestopt, weg_later],
    }


@pytest.mark.parametrize("aanbieder", [False, True], ids=["backoffice", "aanbieder"])
def test_toestand_filter(opzet, aanbieder):
    per_toestand = _toestanden(opzet)
    web = opzet.medewerker if aanbieder else opzet.backoffice
    url = "/toewijzingen/ontvangen/" if aanbieder else "/toewijzingen/"
    for toestand, paren in per_toestand.items():
        getoond = _getoond(_pagina(web, f"{url}?toestand={toestand}"), aanbieder)
        assert sorted(getoond) == sorted(p[aanbieder].pk for p in paren), toestand
    assert len(_getoond(_pagina(web, url), aanbieder)) == 7


@pytest.mark.parametrize("aanbieder", [False, True], ids=["backoffice", "aanbieder"])
def test_toestand_filter_op_pagina_twee(opzet, aanbieder):
    gestart = opzet.vul(PER_PAGINA + 3, status=GESTART)
    opzet.vul(8)  # rotating: two more started
    web = opzet.medewerker if aanbieder else opzet.backoffice
    url = "/toewijzingen/ontvangen/" if aanbieder else "/toewijzingen/"
    eerste = _pagina(web, f"{url}?toestand=gestart")
    tweede = _pagina(web, f"{url}?toestand=gestart&p=2")
    assert f"{PER_PAGINA + 5} toewijzingen." in eerste
    assert f'href="{url}?toestand=gestart&amp;p=2"' in eerste
    assert f'href="{url}?toestand=gestart&amp;p=1"' in tweede
    getoond = _getoond(eerste, aanbieder) + _getoond(tweede, aanbieder)
    assert len(getoond) == len(set(getoond)) == PER_PAGINA + 5
    alle_gestart = {p[aanbieder].pk for p in gestart}
    assert alle_gestart <= set(getoond)


def test_aanbieder_lijst_groepeert_per_client_op_de_pagina(opzet):
    (_, eerste), (_, tweede), (_, derde) = opzet.vul(3, status="")
    AanbiederToewijzing.objects.filter(pk=derde.pk).update(client=eerste.client)
    html = _pagina(opzet.medewerker, "/toewijzingen/ontvangen/")
    secties = html.split('<section class="kaart"')[1:]
    assert len(secties) == 2
    per_sectie = [_getoond(s, aanbieder=True) for s in secties]
    assert sorted(map(sorted, per_sectie)) == sorted([sorted([eerste.pk, derde.pk]), [tweede.pk]])


def test_afgekeurde_301_boven_de_lijst(opzet):
    paren = opzet.vul(3, status="")
    afgekeurd = paren[1][0]
    afgekeurd.bericht.status = "afgekeurd"
    afgekeurd.bericht.retourcodes = ["8001"]
    afgekeurd.bericht.save()
    html = _pagina(opzet.backoffice, "/toewijzingen/")
    sectie = html[html.index("Afgekeurde toewijzingsberichten") : html.index("</section>")]
    assert _getoond(sectie) == [afgekeurd.pk]
    assert "8001" in sectie


def test_wachtlijst_per_pagina_met_groepscijfers(opzet):
    opzet.vul(PER_PAGINA + 5, status=VERWIJDERD)
    eerste = _pagina(opzet.backoffice, "/toewijzingen/wachtlijst/?per=product")
    tweede = _pagina(opzet.backoffice, "/toewijzingen/wachtlijst/?per=product&p=2")
    assert len(_getoond(eerste)) == PER_PAGINA and len(_getoond(tweede)) == 5
    assert set(_getoond(eerste)).isdisjoint(_getoond(tweede))
    assert f"<strong>{PER_PAGINA + 5}</strong> wachtend" in eerste
    # The group's figures are the whole group's, also on the page that continues it.
    for html in (eerste, tweede):
        assert f"{PER_PAGINA + 5} wachtend · " in html
    assert "(vervolg)" in tweede and "(vervolg)" not in eerste
    assert 'href="/toewijzingen/wachtlijst/?per=product&amp;p=2"' in eerste
    assert 'wachtlijst.csv?per=product"' in tweede  # the export: every page


@pytest.fixture
def verspreid(opzet):
    """Waiting allocations at two aanbieders allocated over two months, some starting later,
    with a closing day; the gemeente's norm is set per test."""
    horst = AanbiederFactory(naam="Horst Thuiszorg")
    huishouden = ProductFactory(productcategorie="01", productcode="01A01", naam="Huishouden")
    Sluitingsdag.objects.create(gemeente=opzet.gemeente, datum=date(2026, 11, 18))
    for i in range(60):
        toegewezen = date(2026, 10, 1) + timedelta(days=i)
        Toewijzing.objects.create(
            gemeente=opzet.gemeente,
            aanbieder=horst if i % 2 else opzet.aanbieder,
            client=ClientFactory(organisatie=opzet.gemeente),
            wet="wmo",
            toewijzingnummer=1000 + i,
            product=huishouden if i % 3 else opzet.product,
            ingangsdatum=toegewezen + timedelta(days=12 if i % 5 == 0 else 0),
            toewijzingsdatum=toegewezen,
            toewijzingstijd=time(9, 0),
        )
    return opzet


@pytest.mark.parametrize(
    "aantal, eenheid",
    [(None, None), (5, "werkdagen"), (3, "weken"), (10, "kalenderdagen"), (1, "maanden")],
)
def test_cijfers_in_sql_gelijk_aan_de_rijen(verspreid, aantal, eenheid):
    gemeente = verspreid.gemeente
    if aantal:
        termijnen.stel_regel_in(
            code="start_ondersteuning",
            naam="Start",
            aantal=aantal,
            eenheid=eenheid,
            startgebeurtenis="301",
            gemeente=gemeente,
            acting_user=None,
        )
    for vandaag in (date(2026, 11, 1) + timedelta(days=i) for i in range(0, 45, 2)):
        rijen = wl.wachtlijst(gemeente, vandaag=vandaag)
        for per in wl.GROEPERINGEN:
            lijst = wl.pagina(gemeente, vandaag=vandaag, per=per)
            groepen = {g.sleutel: g for g in wl.groepeer(rijen, per)}
            assert lijst.totaal.aantal == len(rijen)
            assert lijst.totaal.te_laat == sum(r.te_laat for r in rijen), vandaag
            for groep in lijst.groepen:
                heel = groepen[groep.sleutel]
                assert (groep.aantal, groep.te_laat, groep.gemiddeld, groep.langst) == (
                    heel.aantal,
                    heel.te_laat,
                    heel.gemiddeld,
                    heel.langst,
                ), (vandaag, per)
            # The page's rows in the order of the groups.
            assert [g.naam for g in lijst.groepen] == [g.naam for g in wl.groepeer(rijen, per)]
