"""Declaratieperiode and ProductPeriode (CS340, TR318, IV089, OP367, OP368, TR387, TR388)."""

from datetime import date

import pytest

from wmoketen.declaraties.perioden import maand_van, productperiode, volgende_maand


@pytest.mark.parametrize(
    ("dag", "verwacht"),
    [
        (date(2025, 4, 1), (date(2025, 4, 1), date(2025, 4, 30))),
        (date(2025, 5, 17), (date(2025, 5, 1), date(2025, 5, 31))),
        (date(2024, 2, 10), (date(2024, 2, 1), date(2024, 2, 29))),  # leap year
        (date(2025, 2, 28), (date(2025, 2, 1), date(2025, 2, 28))),
        (date(2025, 12, 31), (date(2025, 12, 1), date(2025, 12, 31))),
    ],
)
def test_maand_van_is_een_hele_kalendermaand(dag, verwacht):
    assert maand_van(dag) == verwacht


@pytest.mark.parametrize(
    ("begin", "verwacht"),
    [
        (date(2022, 5, 1), date(2022, 6, 1)),  # TR318 toelichting: mei, then juni
        (date(2025, 12, 1), date(2026, 1, 1)),  # across the year
        (date(2024, 1, 31), date(2024, 2, 1)),  # any day of the month
        (date(2024, 2, 1), date(2024, 3, 1)),
    ],
)
def test_volgende_maand_is_de_eerste_dag_van_de_kalendermaand_erna(begin, verwacht):
    assert volgende_maand(begin) == verwacht


def test_iv089_voorbeeld_toewijzing_van_8_april_tot_17_juni():
    ingang, eind = date(2025, 4, 8), date(2025, 6, 17)
    assert productperiode(date(2025, 4, 1), ingang, eind) == (date(2025, 4, 8), date(2025, 4, 30))
    assert productperiode(date(2025, 5, 1), ingang, eind) == (date(2025, 5, 1), date(2025, 5, 31))
    assert productperiode(date(2025, 6, 1), ingang, eind) == (date(2025, 6, 1), date(2025, 6, 17))


def test_geen_productperiode_buiten_de_toewijzing():
    ingang, eind = date(2025, 4, 8), date(2025, 6, 17)
    assert productperiode(date(2025, 3, 1), ingang, eind) is None
    assert productperiode(date(2025, 7, 1), ingang, eind) is None


def test_toewijzing_zonder_einddatum_loopt_tot_het_einde_van_elke_maand():
    ingang = date(2024, 1, 15)
    assert productperiode(date(2024, 1, 1), ingang, None) == (date(2024, 1, 15), date(2024, 1, 31))
    assert productperiode(date(2024, 2, 1), ingang, None) == (date(2024, 2, 1), date(2024, 2, 29))
    assert productperiode(date(2023, 12, 1), ingang, None) is None


def test_toewijzing_binnen_een_maand_en_eendaagse_toewijzing():
    assert productperiode(date(2025, 3, 1), date(2025, 3, 5), date(2025, 3, 20)) == (
        date(2025, 3, 5),
        date(2025, 3, 20),
    )
    dag = date(2025, 3, 31)
    assert productperiode(date(2025, 3, 1), dag, dag) == (dag, dag)


def test_maand_wordt_bepaald_door_elke_dag_van_die_maand():
    """The ProductPeriode is the calendar month, whatever day of it the caller passes."""
    assert productperiode(date(2025, 5, 20), date(2025, 1, 1), None) == (
        date(2025, 5, 1),
        date(2025, 5, 31),
    )


def test_productperiode_over_de_jaargrens():
    ingang, eind = date(2025, 12, 29), date(2026, 1, 4)
    assert productperiode(date(2025, 12, 1), ingang, eind) == (ingang, date(2025, 12, 31))
    assert productperiode(date(2026, 1, 1), ingang, eind) == (date(2026, 1, 1), eind)
