"""The pure rules: a person's periods of support from his deliveries (perioden.py)."""

from datetime import date

import pytest

from wmoketen.eigenbijdrage.perioden import Levering, Periode, achttien_op, perioden

OP = date(2026, 6, 1)
VOLWASSEN = date(1968, 1, 1)


def d(dag: int, maand: int, jaar: int = 2026) -> date:
    return date(jaar, maand, dag)


@pytest.mark.parametrize(
    ("geboren", "gebruik", "achttien"),
    [
        (date(2008, 5, 17), "", date(2026, 5, 17)),
        (date(2008, 2, 29), "", date(2026, 3, 1)),  # no 29 February in 2026
        (date(2008, 2, 10), "1", date(2026, 2, 28)),  # day unknown: the month's last day
        (date(2008, 12, 10), "1", date(2026, 12, 31)),
        (date(2008, 7, 1), "2", date(2026, 12, 31)),  # day and month unknown: 31 December
        (date(1900, 1, 1), "3", None),  # unknown
        (None, "", None),
    ],
)
def test_achttien_op(geboren, gebruik, achttien):
    assert achttien_op(geboren, gebruik) == achttien


def test_overlappende_en_aansluitende_leveringen_zijn_een_periode():
    leveringen = [
        Levering(d(1, 1), d(31, 3)),
        Levering(d(15, 2), d(30, 4)),  # overlaps
        Levering(d(1, 5), d(15, 5)),  # adjoins (the next day)
    ]
    assert perioden(leveringen, meerderjarig_op=VOLWASSEN, op=OP) == [Periode(d(1, 1), d(15, 5))]


def test_een_dag_zonder_ondersteuning_scheidt_twee_perioden():
    leveringen = [Levering(d(1, 1), d(31, 3)), Levering(d(2, 4), d(30, 4))]
    assert perioden(leveringen, meerderjarig_op=VOLWASSEN, op=OP) == [
        Periode(d(1, 1), d(31, 3)),
        Periode(d(2, 4), d(30, 4)),
    ]


def test_een_lopende_levering_houdt_de_periode_open():
    leveringen = [Levering(d(1, 1), d(31, 3)), Levering(d(1, 2))]
    assert perioden(leveringen, meerderjarig_op=VOLWASSEN, op=OP) == [Periode(d(1, 1))]


def test_een_einde_vandaag_of_later_is_nog_geen_stop():
    assert perioden([Levering(d(1, 1), OP)], meerderjarig_op=VOLWASSEN, op=OP) == [Periode(d(1, 1))]


def test_een_start_in_de_toekomst_telt_nog_niet():
    assert perioden([Levering(d(2, 6))], meerderjarig_op=VOLWASSEN, op=OP) == []


def test_een_korte_pauze_wordt_overbrugd():
    # Pause after 31 January, restart 28 days later (1 March 2026: February has 28 days).
    leveringen = [Levering(d(1, 1), d(31, 1), pauze=True), Levering(d(1, 3), d(30, 4))]
    assert perioden(leveringen, meerderjarig_op=VOLWASSEN, op=OP) == [Periode(d(1, 1), d(30, 4))]


def test_een_lange_pauze_beeindigt_de_periode():
    leveringen = [Levering(d(1, 1), d(31, 1), pauze=True), Levering(d(2, 3), d(30, 4))]
    assert perioden(leveringen, meerderjarig_op=VOLWASSEN, op=OP) == [
        Periode(d(1, 1), d(31, 1)),
        Periode(d(2, 3), d(30, 4)),
    ]


def test_een_stop_wordt_niet_overbrugd_zoals_een_pauze():
    leveringen = [Levering(d(1, 1), d(31, 1)), Levering(d(3, 2), d(30, 4))]
    assert len(perioden(leveringen, meerderjarig_op=VOLWASSEN, op=OP)) == 2


def test_een_pauze_zonder_hervatting_blijft_open_tot_de_termijn_voorbij_is():
    pauze = [Levering(d(1, 1), d(30, 4), pauze=True)]
    # 1 June: 31 days without support since 30 April: the period ended on 30 April.
    assert perioden(pauze, meerderjarig_op=VOLWASSEN, op=OP) == [Periode(d(1, 1), d(30, 4))]
    # 29 May: 28 days: a restart may still bridge it.
    assert perioden(pauze, meerderjarig_op=VOLWASSEN, op=d(29, 5)) == [Periode(d(1, 1))]


def test_minderjarig_telt_niet_en_de_periode_begint_op_de_achttiende_verjaardag():
    leveringen = [Levering(d(1, 1, 2025), d(31, 12, 2025)), Levering(d(1, 2), d(31, 3))]
    achttien = d(15, 3)
    assert perioden(leveringen, meerderjarig_op=achttien, op=OP) == [Periode(d(15, 3), d(31, 3))]
    # All support before the 18th birthday: nothing.
    assert perioden(leveringen, meerderjarig_op=d(1, 4), op=OP) == []


def test_wie_nog_18_wordt_heeft_nog_geen_periode():
    assert perioden([Levering(d(1, 1))], meerderjarig_op=d(2, 6), op=OP) == []
    assert perioden([Levering(d(1, 1))], meerderjarig_op=OP, op=OP) == [Periode(OP)]
