"""The billing regimes (declaraties.regimes): every allowed cell of the matrix at a start, an
end, a pause, a drop-out and an aanbieder switch in the middle of April 2026 and a new allocation
of the same aanbieder on 1 April, with exact amounts in cent; then the same rules through the
aanbieder's proposal (``stel_voor``) and the gemeente's expectation (``verwachtingen``).

April 2026: Wednesday 1 to Thursday 30, ISO weeks 14 to 18, Sundays 5, 12, 19, 26. Tariff
€ 50,00 (5000 cent). Omvang per frequentie: 2 a day, 3 a week, 10 a month, 120 in total, or a
budget of € 3.650,00.
"""

from collections import namedtuple
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wmoketen.declaraties import queries
from wmoketen.declaraties.regimes import Geleverd, Situatie, regime_voor
from wmoketen.declaraties.tests.schermen_opzet import Opzet as SchermenOpzet
from wmoketen.declaraties.tests.test_voorstel import Opzet as VoorstelOpzet
from wmoketen.declaraties.tests.test_voorstel import prestatie_van
from wmoketen.declaraties.verwachting import verwachtingen
from wmoketen.factories import ContractregelFactory
from wmoketen.organisaties.models import Contract
from wmoketen.organisaties.regimes import MATRIX
from wmoketen.toewijzingen.models import Levering, Toewijzing

TARIEF = 5000
OMVANG = {"1": 2, "2": 3, "4": 10, "6": 120, "": None}
BUDGET = Decimal("3650.00")
L = Geleverd
MAART = L(date(2026, 1, 5), date(2026, 3, 31), "")  # the previous allocation, through March

# Scenario → (ingangsdatum, einddatum, deliveries) of one allocation, and the deliveries of the
# same client, product and aanbieder under its other allocations (none unless given).
SCENARIOS = {
    # Support starts on Wednesday 15 April.
    "start": (date(2026, 4, 15), date(2026, 12, 31), [L(date(2026, 4, 15), None, "")]),
    # The allocation ends on Friday 10 April; care stopped that day.
    "eind": (
        date(2026, 1, 1),
        date(2026, 4, 10),
        [L(date(2026, 1, 5), date(2026, 4, 10), "01")],
    ),
    # Paused from 11 to 20 April (307 reden 20, a new 305 on the 21st).
    "pauze": (
        date(2026, 1, 1),
        date(2026, 12, 31),
        [L(date(2026, 1, 5), date(2026, 4, 10), "20"), L(date(2026, 4, 21), None, "")],
    ),
    # Aanbieder switch on Wednesday 15 April: the old allocation ends on the 14th ...
    "wissel_oud": (
        date(2026, 1, 1),
        date(2026, 4, 14),
        [L(date(2026, 1, 5), date(2026, 4, 14), "")],
    ),
    # ... and the new aanbieder's starts on the 15th.
    "wissel_nieuw": (date(2026, 4, 15), date(2026, 12, 31), [L(date(2026, 4, 15), None, "")]),
    # Drop-out: care stopped on Friday 10 April for good (307 reden 21, not a pause) while the
    # allocation runs on.
    "uitval": (
        date(2026, 1, 1),
        date(2026, 12, 31),
        [L(date(2026, 1, 5), date(2026, 4, 10), "21")],
    ),
    # The same aanbieder's new allocation from 1 April (an Omvang changed; the previous one
    # ended on 31 March): care never stopped.
    "wijziging": (
        date(2026, 4, 1),
        date(2026, 12, 31),
        [L(date(2026, 4, 1), None, "")],
        [MAART],
    ),
}
ORDE = ("start", "eind", "pauze", "wissel_oud", "wissel_nieuw", "uitval", "wijziging")

# The national rule, per frequentie, in cent: (start, eind, pauze, wissel oud, wissel nieuw,
# uitval, wijziging).
STANDAARD = {
    # 16 / 10 / 20 of 30 / 14 / 16 / 10 / 30 days x 2 a day; the pause pro rata (60 x 20/30).
    "1": (160000, 100000, 200000, 140000, 160000, 100000, 300000),
    # 10 in a cut month (IV078); pause 10 x 20/30 → 7, drop-out 10 x 10/30 → 3.
    "4": (50000, 50000, 35000, 50000, 50000, 15000, 50000),
    # 120 spread over 261 / 100 / 365 / 104 / 261 / 365 / 274 days, rounded down:
    # 7, 12, 6, 16, 7, 3, 13.
    "6": (35000, 60000, 30000, 80000, 35000, 15000, 65000),
    # € 3.650 over the same days, rounded down to whole units of € 50: 4, 7, 4, 9, 4, 2, 7.
    "": (20000, 35000, 20000, 45000, 20000, 10000, 35000),
}
# Per week: inspanningsgericht counts calendar weeks (3, 2, 5 → pro rata 10, 3, 3, 5 for the
# drop-out, all 15 for the new allocation), outputgericht Sundays plus the broken last week
# (2, 2, 4 → pro rata 8, 3, 2, 4 of 12).
PER_WEEK = {
    "inspanningsgericht": (45000, 30000, 50000, 45000, 45000, 25000, 75000),
    "outputgericht": (30000, 30000, 40000, 45000, 30000, 20000, 60000),
}
# Regional rules: a whole month is 10 (per maand only), None is no prestatie. Midden-Limburg
# West: the new aanbieder's start month is not paid, the same aanbieder's new allocation from
# the 1st is (support never stopped).
MIDDEN_LIMBURG_WEST = (None, 50000, 50000, 50000, None, 50000, 50000)
ALMERE = (50000, 50000, 50000, 50000, 50000, 50000, 50000)
GEEN = (None,) * len(ORDE)


def _verwacht() -> dict[tuple[str, str, str], tuple]:
    tabel = {}
    for variant in ("inspanningsgericht", "outputgericht"):
        for frequentie, bedragen in {**STANDAARD, "2": PER_WEEK[variant]}.items():
            tabel[(variant, "landelijk", frequentie)] = bedragen
        tabel[(variant, "midden_limburg_west", "4")] = MIDDEN_LIMBURG_WEST
        tabel[(variant, "almere", "4")] = ALMERE
    for frequentie in OMVANG:
        tabel[("taakgericht", "landelijk", frequentie)] = GEEN  # never a 323
    return tabel


VERWACHT = _verwacht()
Regel = namedtuple("Regel", "uitvoeringsvariant declaratieregel frequentie")


def _bedrag(variant, regel, frequentie, scenario) -> int | None:
    ingang, einde, leveringen, *andere = SCENARIOS[scenario]
    periode = (max(ingang, date(2026, 4, 1)), min(einde, date(2026, 4, 30)))
    situatie = Situatie(
        volume=OMVANG[frequentie],
        frequentie=frequentie,
        productcategorie="02",
        budget=BUDGET if frequentie == "" else None,
        ingangsdatum=ingang,
        einddatum=einde,
        variant=variant,
        begin=periode[0],
        eind=periode[1],
        leveringen=tuple(leveringen),
        tarief=TARIEF,
        andere_leveringen=tuple(*andere),
    )
    volume = regime_voor(Regel(variant, regel, frequentie)).volume(situatie)
    return None if volume is None else volume * TARIEF


def test_de_tabel_dekt_precies_de_toegestane_cellen_van_de_matrix():
    toegestaan = {
        (c.uitvoeringsvariant, c.declaratieregel, c.frequentie) for c in MATRIX if c.regime
    }
    assert set(VERWACHT) == toegestaan
    assert len(toegestaan) == 19


@pytest.mark.parametrize("cel", sorted(VERWACHT), ids="-".join)
def test_elke_toegestane_cel_bij_start_eind_pauze_en_wissel(cel):
    bedragen = tuple(_bedrag(*cel, scenario) for scenario in ORDE)
    assert dict(zip(ORDE, bedragen, strict=True)) == dict(zip(ORDE, VERWACHT[cel], strict=True))


def test_de_bedragen_in_docs_zijn_die_van_de_tabel():
    """docs/regimes.md shows the amounts the code gives (this table), column for column."""
    tekst = (Path(__file__).resolve().parents[4] / "docs" / "regimes.md").read_text()
    rijen = {}
    for regel in tekst.split("## The amounts")[1].split("## ")[0].splitlines():
        cellen = [c.strip() for c in regel.strip("|").split("|")]
        if regel.startswith("| ") and cellen[0] != "cell":
            rijen[cellen[0]] = tuple(None if c == "–" else int(c) for c in cellen[1:])
    namen = {"1": "per dag", "4": "per maand", "6": "totaal", "": "budget"}
    verwacht = {f"landelijk, {namen[f]}": bedragen for f, bedragen in STANDAARD.items()}
    for variant, bedragen in PER_WEEK.items():
        verwacht[f"landelijk, per week, {variant}"] = bedragen
    verwacht["midden_limburg_west, per maand"] = MIDDEN_LIMBURG_WEST
    verwacht["almere, per maand"] = ALMERE
    verwacht["taakgericht (budget)"] = GEEN
    assert rijen == verwacht


def test_midden_limburg_west_startmaand_die_ook_eindmaand_is_wordt_heel_betaald():
    begin = (date(2026, 4, 15), date(2026, 4, 30))
    stop = Situatie(
        volume=10,
        frequentie="4",
        productcategorie="01",
        budget=None,
        ingangsdatum=date(2026, 4, 15),
        einddatum=None,
        variant="outputgericht",
        begin=begin[0],
        eind=begin[1],
        leveringen=(L(date(2026, 4, 15), date(2026, 4, 22), "01"),),  # a drop-out
        tarief=TARIEF,
    )
    regime = regime_voor(Regel("outputgericht", "midden_limburg_west", "4"))
    assert regime.volume(stop) == 10
    # A pause in the start month is not an end: the start month stays unpaid.
    pauze = L(date(2026, 4, 15), date(2026, 4, 22), "20")
    assert regime.volume(replace(stop, leveringen=(pauze,))) is None


def test_maanden_zonder_geleverde_dag_geven_geen_prestatie():
    situatie = Situatie(
        volume=10,
        frequentie="4",
        productcategorie="01",
        budget=None,
        ingangsdatum=date(2026, 1, 1),
        einddatum=None,
        variant="outputgericht",
        begin=date(2026, 4, 1),
        eind=date(2026, 4, 30),
        leveringen=(L(date(2026, 1, 5), date(2026, 3, 20), "01"),),  # stopped in March
        tarief=TARIEF,
    )
    for regel in ("landelijk", "midden_limburg_west", "almere"):
        assert regime_voor(Regel("outputgericht", regel, "4")).volume(situatie) is None


def test_een_geweigerde_cel_die_toch_bestaat_valt_terug_op_de_landelijke_regel():
    """A line saved before the matrix (per week with Almere) is declared the national way."""
    regime = regime_voor(Regel("inspanningsgericht", "almere", "2"))
    assert regime.naam == "standaard"


def _april(**velden) -> Situatie:
    """An outputgericht allocation of 10 a month in April (the product period cut at its
    dates), with ``velden`` replaced."""
    velden.setdefault("einddatum", None)
    ingang = velden.setdefault("ingangsdatum", date(2026, 1, 1))
    einde = velden["einddatum"]
    basis = Situatie(
        volume=10,
        frequentie="4",
        productcategorie="02",
        budget=None,
        ingangsdatum=ingang,
        einddatum=einde,
        variant="outputgericht",
        begin=max(ingang, date(2026, 4, 1)),
        eind=min(einde or date(2026, 4, 30), date(2026, 4, 30)),
        leveringen=(),
        tarief=TARIEF,
    )
    return replace(basis, **velden)


MLW = regime_voor(Regel("outputgericht", "midden_limburg_west", "4"))


@pytest.mark.parametrize(
    ("andere", "verwacht"),
    [
        ((MAART,), 10),  # the same aanbieder's previous allocation through 31 March: paid
        ((), None),  # nothing before: an aanbieder switch or a new client, the start month
        ((L(date(2026, 1, 5), date(2026, 3, 20), "21"),), None),  # care stopped 20 March
        ((L(date(2026, 1, 5), date(2026, 3, 20), "20"),), None),  # a pause over the boundary
        ((L(date(2026, 1, 5), None, ""),), 10),  # no stop: counts up to the allocation's end
    ],
    ids=["wijziging", "wissel", "gestopt", "gepauzeerd", "zonder-stop"],
)
def test_midden_limburg_west_startmaand_telt_over_toewijzingen_heen(andere, verwacht):
    nieuw = _april(
        ingangsdatum=date(2026, 4, 1),
        leveringen=(L(date(2026, 4, 1), None, ""),),
        andere_leveringen=andere,
    )
    assert MLW.volume(nieuw) == verwacht


def test_midden_limburg_west_wijziging_halverwege_betaalt_de_maand_een_keer():
    """An Omvang change on 15 April: the old allocation's end month is whole, the new one
    gets nothing for April (it would pay the month twice) and is paid whole from May."""
    oud = _april(
        einddatum=date(2026, 4, 14),
        leveringen=(L(date(2026, 1, 5), date(2026, 4, 14), ""),),
        andere_leveringen=(L(date(2026, 4, 15), None, ""),),
    )
    nieuw = _april(
        ingangsdatum=date(2026, 4, 15),
        leveringen=(L(date(2026, 4, 15), None, ""),),
        andere_leveringen=(L(date(2026, 1, 5), date(2026, 4, 14), ""),),
    )
    assert (MLW.volume(oud), MLW.volume(nieuw)) == (10, None)
    mei = replace(nieuw, begin=date(2026, 5, 1), eind=date(2026, 5, 31))
    assert MLW.volume(mei) == 10


def test_midden_limburg_west_start_en_wijziging_in_dezelfde_maand_blijft_de_startmaand():
    """Support starts on 6 April and the Omvang changes on the 20th: April is the start month
    of both allocations (the old one's einddatum is no end of support), so nothing."""
    oud = _april(
        ingangsdatum=date(2026, 4, 6),
        einddatum=date(2026, 4, 19),
        leveringen=(L(date(2026, 4, 6), None, ""),),
        andere_leveringen=(L(date(2026, 4, 20), None, ""),),
    )
    nieuw = _april(
        ingangsdatum=date(2026, 4, 20),
        leveringen=(L(date(2026, 4, 20), None, ""),),
        andere_leveringen=(L(date(2026, 4, 6), date(2026, 4, 19), ""),),
    )
    assert (MLW.volume(oud), MLW.volume(nieuw)) == (None, None)
    # Without the successor the old allocation's einddatum ends support: paid whole.
    assert MLW.volume(replace(oud, andere_leveringen=())) == 10


@pytest.mark.parametrize("regel", ["almere", "midden_limburg_west"])
@pytest.mark.parametrize("variant", ["inspanningsgericht", "outputgericht"])
def test_regionale_hele_maand_alleen_bij_een_omvang_per_maand(variant, regel):
    """A per-week allocation (productcategorie 01) on a regional per-maand line: April's TR321
    maximum is 6 weeks x 3 = 18, so the whole month is not given; the drop-out on 10 April is
    the national 18 x 10/30 = 6 (€ 300,00), not 18 (€ 900,00)."""
    situatie = _april(
        volume=3,
        frequentie="2",
        productcategorie="01",
        variant=variant,
        leveringen=(L(date(2026, 1, 5), date(2026, 4, 10), "21"),),
    )
    assert regime_voor(Regel(variant, regel, "4")).volume(situatie) * TARIEF == 30000
    assert regime_voor(Regel(variant, "landelijk", "4")).volume(situatie) * TARIEF == 30000


# Through the aanbieder's proposal and the gemeente's page ------------------------------------


def _regionale_regel(opzet, declaratieregel: str):
    """A product with an outputgericht line of 10 a month at € 50,00 under ``declaratieregel``."""
    product = opzet.product(None)
    ContractregelFactory(
        contract__gemeente=opzet.gemeente,
        contract__aanbieder=opzet.aanbieder,
        product=product,
        uitvoeringsvariant="outputgericht",
        eenheid="82",
        frequentie="4",
        declaratieregel=declaratieregel,
        tarief=Decimal("50.00"),
    )
    return product


def _per_maand(opzet, product, **velden):
    return opzet.toewijzing(product, volume=10, frequentie="4", **velden)


def test_voorstel_midden_limburg_west_bij_een_aanbiederswissel(db):
    oud = VoorstelOpzet()
    nieuw = VoorstelOpzet(gemeente=oud.gemeente, agb="73730202")
    product_oud = _regionale_regel(oud, "midden_limburg_west")
    product_nieuw = _regionale_regel(nieuw, "midden_limburg_west")
    vertrekt = _per_maand(
        oud,
        product_oud,
        eind=date(2026, 4, 14),
        leveringen=[(date(2026, 1, 5), date(2026, 4, 14))],
    )
    _per_maand(
        nieuw, product_nieuw, ingang=date(2026, 4, 15), leveringen=[(date(2026, 4, 15), None)]
    )

    p = prestatie_van(oud.stel_voor(), vertrekt)  # the old aanbieder: the whole switch month
    assert (p.periode_begin, p.periode_eind, p.geleverd_volume, p.bedrag) == (
        date(2026, 4, 1),
        date(2026, 4, 14),
        10,
        50000,
    )
    with pytest.raises(ValidationError, match="niets te declareren"):
        nieuw.stel_voor()  # the new aanbieder's start month is not paid
    mei = nieuw.stel_voor(maand=date(2026, 5, 1)).prestaties.get()
    assert (mei.geleverd_volume, mei.bedrag) == (10, 50000)


def test_voorstel_midden_limburg_west_nieuwe_toewijzing_op_de_eerste_wordt_betaald(db):
    """An Omvang change ends the allocation on 31 March and starts a new one on 1 April for the
    same client and aanbieder: April is no start month and is paid whole."""
    opzet = VoorstelOpzet()
    product = _regionale_regel(opzet, "midden_limburg_west")
    oud = _per_maand(opzet, product, eind=date(2026, 3, 31), leveringen=[(date(2026, 1, 5), None)])
    nieuw = _per_maand(
        opzet,
        product,
        ingang=date(2026, 4, 1),
        client=oud.client,
        leveringen=[(date(2026, 4, 1), None)],
    )
    # The same, but another client whose care starts on 1 April: the start month.
    _per_maand(opzet, product, ingang=date(2026, 4, 1), leveringen=[(date(2026, 4, 1), None)])

    declaratie = opzet.stel_voor()
    p = declaratie.prestaties.get()
    assert (p.toewijzing_id, p.periode_begin, p.geleverd_volume, p.bedrag) == (
        nieuw.pk,
        date(2026, 4, 1),
        10,
        50000,
    )


def test_voorstel_leest_de_andere_toewijzingen_in_een_query(db):
    def aantal(opzet, n):
        product = _regionale_regel(opzet, "midden_limburg_west")
        for _ in range(n):
            oud = _per_maand(opzet, product, eind=date(2026, 3, 31))
            _per_maand(opzet, product, ingang=date(2026, 4, 1), client=oud.client)
        with CaptureQueriesContext(connection) as vragen:
            assert opzet.stel_voor().prestaties.count() == n
        return len(vragen)

    assert aantal(VoorstelOpzet(), 1) == aantal(
        VoorstelOpzet(gemeentecode="0986", agb="73730102"), 5
    )


def test_voorstel_almere_hele_maand_bij_start_halverwege(db):
    opzet = VoorstelOpzet()
    toewijzing = _per_maand(
        opzet,
        _regionale_regel(opzet, "almere"),
        ingang=date(2026, 4, 28),
        leveringen=[(date(2026, 4, 29), None)],
    )
    p = prestatie_van(opzet.stel_voor(), toewijzing)
    assert (p.periode_begin, p.geleverd_volume, p.bedrag) == (date(2026, 4, 28), 10, 50000)


@pytest.fixture
def ontvangen(db):
    """A received March declaration of one prestatie: 8 x € 62,50 on an allocation of 10 a
    month delivered from 5 January, under an outputgericht per maand line of ``regel``."""
    opzet = SchermenOpzet()
    declaratie = opzet.ontvangen(1)
    prestatie = declaratie.prestaties.get()
    Toewijzing.objects.filter(pk=prestatie.toewijzing_id).update(
        volume=10, eenheid="82", frequentie="4"
    )
    Levering.objects.create(toewijzing_id=prestatie.toewijzing_id, begindatum=date(2026, 1, 5))
    regel = ContractregelFactory(
        contract=Contract.objects.get(gemeente=opzet.gemeente),
        product=opzet.product,
        uitvoeringsvariant="outputgericht",
        eenheid="82",
        frequentie="4",
        declaratieregel="midden_limburg_west",
        tarief=Decimal("62.50"),
    )
    return opzet, declaratie, prestatie, regel


def test_verwachting_van_de_gemeente_naast_de_gedeclareerde(ontvangen):
    opzet, declaratie, prestatie, _ = ontvangen
    prestaties = list(queries.ontvangen_prestaties_van(declaratie))

    with CaptureQueriesContext(connection) as vragen:
        verwacht = verwachtingen(declaratie, prestaties)

    assert len(vragen) == 3  # deliveries, contract lines, tariffs
    v = verwacht[prestatie.pk]
    assert (v.volume, v.bedrag, v.verschil, v.wijkt_af) == (10, 62500, 50000 - 62500, True)
    assert v.regime.startswith("Midden-Limburg West")
    html = opzet.backoffice.get(f"/declaraties/ontvangen/{declaratie.pk}/").content.decode()
    assert "Verwacht (regime)" in html
    assert '<span class="getal">€ 625,00</span><br>10 stuks (output)' in html
    assert "€ 125,00</span> minder gedeclareerd dan verwacht" in html
    assert "€ -125,00" not in html
    prestatie.refresh_from_db()
    assert prestatie.oordeel == "goedgekeurd"  # shown only, never a rejection (OP364)


def test_verwachting_startmaand_midden_limburg_west_is_geen_prestatie(ontvangen):
    opzet, declaratie, prestatie, _ = ontvangen
    Levering.objects.filter(toewijzing_id=prestatie.toewijzing_id).update(
        begindatum=date(2026, 3, 20)
    )
    v = verwachtingen(declaratie, [prestatie])[prestatie.pk]
    assert (v.volume, v.bedrag, v.verschil) == (None, None, 50000)
    html = opzet.backoffice.get(f"/declaraties/ontvangen/{declaratie.pk}/").content.decode()
    assert "geen prestatie" in html
    assert "€ 500,00</span> meer gedeclareerd dan verwacht" in html


def test_verwachting_ziet_de_vorige_toewijzing_van_dezelfde_aanbieder(ontvangen):
    """The gemeente's allocation starts on 1 March after one for the same client, product and
    aanbieder that ran through February: March is no start month (one more allocation read in
    the same query); at another aanbieder it would be."""
    opzet, declaratie, prestatie, _ = ontvangen
    eigen = prestatie.toewijzing
    Toewijzing.objects.filter(pk=eigen.pk).update(ingangsdatum=date(2026, 3, 1))
    Levering.objects.filter(toewijzing=eigen).update(begindatum=date(2026, 3, 1))
    vorige = Toewijzing.objects.get(pk=eigen.pk)
    vorige.pk = None
    vorige.toewijzingnummer += 1000
    vorige.ingangsdatum, vorige.einddatum = date(2026, 1, 1), date(2026, 2, 28)
    vorige.save()
    Levering.objects.create(toewijzing=vorige, begindatum=date(2026, 1, 5))  # no 307 sent
    prestaties = list(queries.ontvangen_prestaties_van(declaratie))

    with CaptureQueriesContext(connection) as vragen:
        v = verwachtingen(declaratie, prestaties)[prestatie.pk]
    assert len(vragen) == 3
    assert (v.volume, v.bedrag) == (10, 62500)

    Toewijzing.objects.filter(pk=vorige.pk).update(aanbieder=opzet.andere_aanbieder)
    v = verwachtingen(declaratie, prestaties)[prestatie.pk]
    assert (v.volume, v.bedrag) == (None, None)  # a switch: the new aanbieder's start month


def test_verwachting_landelijk_en_zonder_contractregel(ontvangen):
    opzet, declaratie, prestatie, regel = ontvangen
    regel.declaratieregel = "landelijk"
    regel.save()
    v = verwachtingen(declaratie, [prestatie])[prestatie.pk]
    assert (v.volume, v.bedrag, v.verschil) == (10, 62500, -12500)  # delivered all of March
    regel.delete()
    assert verwachtingen(declaratie, [prestatie]) == {}
