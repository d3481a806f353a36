"""Maximum GeleverdVolume per ProductPeriode (TR321, IV076, IV077, IV078) and over the whole
toewijzing (TR322), with the worked examples of the standard and month and year boundaries."""

from datetime import date, timedelta

import pytest

from wmoketen.declaraties.perioden import productperiode, volgende_maand
from wmoketen.declaraties.volume import max_in_periode, max_totaal

INSPANNING = "inspanningsgericht"
OUTPUT = "outputgericht"
DAG, WEEK, MAAND, TOTAAL = "1", "2", "4", "6"
OVERIG = "02"  # any productcategorie but 01 (huishoudelijke ondersteuning)
HH = "01"
EURO_300 = 30000  # eenheid 83: eurocent (IV042)


def _max(volume, ingang, eind, maand, *, variant=INSPANNING, frequentie=WEEK, categorie=OVERIG):
    """The cap for the ProductPeriode of ``maand`` as IV089 cuts it; None if there is none."""
    periode = productperiode(maand, ingang, eind)
    if periode is None:
        return None
    return max_in_periode(
        volume=volume,
        frequentie=frequentie,
        productcategorie=categorie,
        variant=variant,
        begin=periode[0],
        eind=periode[1],
        toewijzing_ingang=ingang,
        toewijzing_eind=eind,
    )


def _per_maand(volume, ingang, eind, **kwargs) -> list:
    """The caps of every ProductPeriode of the toewijzing, month by month."""
    caps, maand = [], ingang.replace(day=1)
    while maand <= eind:
        caps.append(_max(volume, ingang, eind, maand, **kwargs))
        maand = volgende_maand(maand)
    return caps


def _totaal(volume, ingang, eind, *, variant=INSPANNING, frequentie=WEEK, categorie=OVERIG):
    return max_totaal(
        volume=volume,
        frequentie=frequentie,
        productcategorie=categorie,
        variant=variant,
        ingang=ingang,
        eind=eind,
    )


# ---------------------------------------------------------------- IV077's worked examples


def test_iv077_inspanningsgericht_3_uur_per_week_oktober_tot_december_2025():
    """Oct 4 weeks (41-44), Nov 5 (44-48), Dec 5 (49-52 and 2026-W01: the text's "48" is a
    slip, 1 December 2025 is a Monday); total 13 weeks = 39 uur."""
    ingang, eind = date(2025, 10, 7), date(2025, 12, 30)
    assert _per_maand(3, ingang, eind) == [12, 15, 15]
    assert _totaal(3, ingang, eind) == 39


def test_iv077_outputgericht_voorbeeld_1_toewijzing_eindigt_op_woensdag():
    """Product periods as the example states them (07-10 .. 31-10, Nov, Dec): 3, 5 and 4 + 1
    Sundays (31-12-2025 is no Sunday, the last Sunday 28-12 lies in December)."""
    ingang, eind = date(2025, 10, 7), date(2025, 12, 31)
    assert _per_maand(EURO_300, ingang, eind, variant=OUTPUT) == [90000, 150000, 150000]
    assert _totaal(EURO_300, ingang, eind, variant=OUTPUT) == 390000


def test_iv077_outputgericht_voorbeeld_1_met_de_ingangsdatum_uit_de_kop():
    """The example's heading says Ingangsdatum 01-10-2025; then October holds 4 Sundays (5, 12,
    19, 26), not the 3 of its 07-10 product period."""
    ingang, eind = date(2025, 10, 1), date(2025, 12, 31)
    assert _per_maand(EURO_300, ingang, eind, variant=OUTPUT) == [120000, 150000, 150000]


def test_iv077_outputgericht_voorbeeld_2_laatste_gebroken_week_in_augustus():
    """07-07 .. 05-09-2025: July 3 Sundays, August 5 + 1 (last Sunday 31-08), September
    nothing (IV076: the broken last week is already in August)."""
    ingang, eind = date(2025, 7, 7), date(2025, 9, 5)
    assert _per_maand(EURO_300, ingang, eind, variant=OUTPUT) == [90000, 180000, 0]
    assert _totaal(EURO_300, ingang, eind, variant=OUTPUT) == 270000


# ---------------------------------------------------------------- IV076 and IV078


def test_iv076_inspanningsgericht_juli_tot_september_2025():
    """July 4 weeks x 3 = 12 (the text's "Controle maximaal volume 9" contradicts its own
    "4 weken x 3 uur = 12 uur"), August 5 x 3 = 15, September 1 x 3 = 3; TR322 total 9 weeks
    = 27, less than the 30 the periods add up to (week 31 lies in July and August)."""
    ingang, eind = date(2025, 7, 7), date(2025, 9, 7)
    assert _per_maand(3, ingang, eind) == [12, 15, 3]
    assert _totaal(3, ingang, eind) == 27


def test_iv076_outputgericht_toewijzing_eindigt_op_zondag():
    ingang, eind = date(2025, 7, 7), date(2025, 9, 7)
    assert _per_maand(EURO_300, ingang, eind, variant=OUTPUT) == [90000, 150000, 30000]
    assert _totaal(EURO_300, ingang, eind, variant=OUTPUT) == 270000


def test_iv076_outputgericht_toewijzing_eindigt_niet_op_zondag():
    ingang, eind = date(2025, 7, 7), date(2025, 9, 6)
    assert _per_maand(EURO_300, ingang, eind, variant=OUTPUT) == [90000, 180000, 0]


def test_iv078_gebroken_eerste_week_telt_als_hele_week():
    """12-11 .. 30-11-2025 touches weeks 46-48: 9 uur."""
    assert _max(3, date(2025, 11, 12), date(2025, 12, 13), date(2025, 11, 1)) == 9


def test_iv078_gebroken_maand_bij_frequentie_per_maand_mag_het_hele_volume():
    ingang, eind = date(2025, 10, 14), date(2025, 12, 13)
    assert _per_maand(15, ingang, eind, frequentie=MAAND) == [15, 15, 15]
    assert _totaal(15, ingang, eind, frequentie=MAAND) == 45


# ---------------------------------------------------------------- productcategorie 01 (TR321)


def test_tr321_huishoudelijke_ondersteuning_altijd_6_maal_het_weekvolume():
    """February 2021 is exactly 4 ISO weeks; category 01 still allows 6 x, also in a short
    period and whatever the variant."""
    februari = date(2021, 2, 1)
    ingang, eind = date(2021, 1, 1), date(2021, 12, 31)
    assert _max(3, ingang, eind, februari) == 12
    assert _max(3, ingang, eind, februari, categorie=HH) == 18
    assert _max(3, ingang, eind, februari, categorie=HH, variant=OUTPUT) == 18
    kort = date(2021, 2, 26)  # toewijzing from Friday 26 Feb: one broken week
    assert _max(3, kort, eind, februari) == 3
    assert _max(3, kort, eind, februari, categorie=HH) == 18


def test_tr322_huishoudelijke_ondersteuning_totaal_blijft_weken_maal_volume():
    """IV077: the total is checked against the weeks of the toewijzing, so the 6 x allowance
    per period cannot exceed what was allocated."""
    ingang, eind = date(2025, 7, 7), date(2025, 9, 7)
    assert _per_maand(3, ingang, eind, categorie=HH) == [18, 18, 18]
    assert _totaal(3, ingang, eind, categorie=HH) == 27


# ---------------------------------------------------------------- month and year boundaries


def test_iso_week_53_in_december_en_januari():
    """2026 has 53 ISO weeks; week 53 (28-12-2026 .. 03-01-2027) lies in both months."""
    ingang, eind = date(2026, 12, 1), date(2027, 1, 31)
    assert _per_maand(3, ingang, eind) == [15, 15]  # weeks 49-53, then 53 and 1-4
    assert _totaal(3, ingang, eind) == 27  # weeks 49-53 and 1-4: 9
    # Outputgericht: week 53's Sunday is 3 January, so it belongs to January.
    assert _per_maand(EURO_300, ingang, eind, variant=OUTPUT) == [120000, 150000]
    assert _totaal(EURO_300, ingang, eind, variant=OUTPUT) == 270000


def test_week_over_31_december_en_1_januari():
    """Week 2026-W01 runs from Monday 29-12-2025 to Sunday 04-01-2026."""
    ingang, eind = date(2025, 12, 29), date(2026, 1, 4)
    assert _per_maand(3, ingang, eind) == [3, 3]
    assert _totaal(3, ingang, eind) == 3  # one ISO week
    assert _per_maand(EURO_300, ingang, eind, variant=OUTPUT) == [0, 30000]
    assert _totaal(EURO_300, ingang, eind, variant=OUTPUT) == 30000


def test_outputgericht_laatste_gebroken_week_over_de_jaargrens():
    """Ending Friday 01-01-2027: the last Sunday (27-12-2026) lies in December, so December
    takes the broken last week and January gets nothing."""
    ingang, eind = date(2026, 12, 1), date(2027, 1, 1)
    assert _per_maand(EURO_300, ingang, eind, variant=OUTPUT) == [150000, 0]
    assert _totaal(EURO_300, ingang, eind, variant=OUTPUT) == 150000
    assert _per_maand(3, ingang, eind) == [15, 3]  # inspanningsgericht: week 53 twice
    assert _totaal(3, ingang, eind) == 15


def test_februari_in_een_schrikkeljaar():
    ingang, eind = date(2024, 1, 1), date(2024, 2, 29)
    februari = date(2024, 2, 1)
    assert _max(3, ingang, eind, februari) == 15  # weeks 5-9
    assert _max(EURO_300, ingang, eind, februari, variant=OUTPUT) == 150000  # 4 Sundays + 1
    assert _max(2, ingang, eind, februari, frequentie=DAG) == 58  # 29 days
    assert _max(2, ingang, date(2025, 2, 28), date(2025, 2, 1), frequentie=DAG) == 56
    assert _totaal(2, ingang, eind, frequentie=DAG) == 120  # 31 + 29 days


# ---------------------------------------------------------------- other frequenties


def test_per_dag_telt_de_dagen_van_de_productperiode_binnen_de_toewijzing():
    ingang, eind = date(2025, 3, 10), date(2025, 4, 5)
    assert _per_maand(4, ingang, eind, frequentie=DAG) == [22 * 4, 5 * 4]
    assert _totaal(4, ingang, eind, frequentie=DAG) == 27 * 4


def test_totaal_binnen_geldigheidsduur_alleen_een_totaal():
    ingang, eind = date(2025, 1, 1), date(2025, 6, 30)
    assert _max(40, ingang, eind, date(2025, 2, 1), frequentie=TOTAAL) is None
    assert _totaal(40, ingang, eind, frequentie=TOTAAL) == 40
    assert _totaal(40, ingang, None, frequentie=TOTAAL) == 40


def test_zonder_omvang_geen_maximum():
    ingang, eind = date(2025, 1, 1), date(2025, 6, 30)
    assert _max(None, ingang, eind, date(2025, 2, 1), frequentie="") is None
    assert _totaal(None, ingang, eind, frequentie="") is None


def test_zonder_einddatum_geen_totaal_maar_wel_een_maximum_per_periode():
    ingang = date(2025, 1, 1)
    assert _totaal(3, ingang, None) is None
    assert _totaal(3, ingang, None, frequentie=MAAND) is None
    assert _max(3, ingang, None, date(2025, 6, 1)) == 18  # June 2025 touches 6 weeks (22-27)
    assert _max(3, ingang, None, date(2025, 6, 1), variant=OUTPUT) == 15  # 5 Sundays


def test_periode_buiten_de_toewijzing_heeft_maximum_nul():
    assert (
        max_in_periode(
            volume=3,
            frequentie=WEEK,
            productcategorie=OVERIG,
            variant=INSPANNING,
            begin=date(2025, 8, 1),
            eind=date(2025, 8, 31),
            toewijzing_ingang=date(2025, 9, 1),
            toewijzing_eind=date(2025, 9, 30),
        )
        == 0
    )


def test_outputgericht_toewijzing_zonder_zondag_telt_een_gebroken_week():
    """Thursday 30-10 .. Saturday 01-11-2025: no Sunday; the one broken week goes with the
    period of the Einddatum (an assumption, see volume.py)."""
    ingang, eind = date(2025, 10, 30), date(2025, 11, 1)
    assert _per_maand(EURO_300, ingang, eind, variant=OUTPUT) == [0, 30000]
    assert _totaal(EURO_300, ingang, eind, variant=OUTPUT) == 30000


def test_onbekende_frequentie_of_variant():
    ingang, eind, maand = date(2025, 1, 1), date(2025, 6, 30), date(2025, 2, 1)
    with pytest.raises(ValueError, match="frequentie"):
        _max(3, ingang, eind, maand, frequentie="3")
    with pytest.raises(ValueError, match="frequentie"):
        _totaal(3, ingang, eind, frequentie="3")
    with pytest.raises(ValueError, match="taakgericht"):
        _max(3, ingang, eind, maand, variant="taakgericht")
    assert _max(3, ingang, eind, maand, variant="taakgericht", categorie=HH) == 18


# ---------------------------------------------------------------- general properties


def _weeknummers(begin: date, eind: date) -> int:
    """Weeknummer_berekenen: count the distinct (ISO year, week) pairs of the days."""
    dagen = (begin + timedelta(days=n) for n in range((eind - begin).days + 1))
    return len({dag.isocalendar()[:2] for dag in dagen})


def _toewijzingen():
    """Toewijzingen of 1 to 120 days starting on every day around the 2026/2027 year end."""
    for start in range(0, 21):
        ingang = date(2026, 12, 15) + timedelta(days=start)
        for duur in (0, 1, 2, 6, 7, 13, 30, 45, 119):
            yield ingang, ingang + timedelta(days=duur)


def test_inspanningsgericht_telt_de_weeknummers_van_elke_productperiode():
    for ingang, eind in _toewijzingen():
        maanden = _per_maand(1, ingang, eind)
        verwacht = []
        maand = ingang.replace(day=1)
        while maand <= eind:
            verwacht.append(_weeknummers(*productperiode(maand, ingang, eind)))
            maand = volgende_maand(maand)
        assert maanden == verwacht, (ingang, eind)
        assert _totaal(1, ingang, eind) == _weeknummers(ingang, eind), (ingang, eind)


def test_outputgericht_perioden_tellen_op_tot_het_totaal():
    """Every week of the toewijzing is counted in exactly one ProductPeriode (by its Sunday,
    or as the broken last week), so the periods add up to TR322's total."""
    for ingang, eind in _toewijzingen():
        assert sum(_per_maand(1, ingang, eind, variant=OUTPUT)) == _totaal(
            1, ingang, eind, variant=OUTPUT
        ), (ingang, eind)
