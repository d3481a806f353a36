"""When the evaluations fall: 002 §8 (half-yearly, only a final one under 6 months), 004
(3-month check, final one 8 weeks before the end), on the werkdag before a non-werkdag."""

from datetime import date

import pytest

from wmoketen.evaluaties.constants import Soort
from wmoketen.evaluaties.planning import Moment, is_kort, momenten
from wmoketen.termijnen import services as termijnen

D, T, E = Soort.DRIEMAANDSCHECK, Soort.TUSSENTIJDS, Soort.EIND

pytestmark = pytest.mark.django_db


def test_een_jaar_check_tussentijds_en_eind():
    assert momenten(date(2026, 5, 1), date(2027, 4, 30)) == [
        Moment(D, date(2026, 7, 31)),  # 1 August: Saturday
        Moment(T, date(2026, 10, 30)),  # 1 November: Sunday
        Moment(E, date(2027, 3, 5)),  # 8 weeks before 30 April 2027
    ]


def test_twee_jaar_elk_half_jaar():
    assert momenten(date(2026, 3, 2), date(2028, 3, 1)) == [
        Moment(D, date(2026, 6, 2)),
        Moment(T, date(2026, 9, 2)),
        Moment(T, date(2027, 3, 2)),
        Moment(T, date(2027, 9, 2)),
        Moment(E, date(2028, 1, 5)),
    ]


def test_korter_dan_zes_maanden_alleen_eindevaluatie():
    assert momenten(date(2026, 6, 1), date(2026, 10, 31)) == [Moment(E, date(2026, 9, 4))]
    assert is_kort(date(2026, 6, 1), date(2026, 11, 29))
    assert not is_kort(date(2026, 6, 1), date(2026, 11, 30))  # exactly 6 months


def test_zes_maanden_krijgt_check_en_eind_maar_geen_tussentijdse():
    assert momenten(date(2026, 6, 1), date(2026, 11, 30)) == [
        Moment(D, date(2026, 9, 1)),
        Moment(E, date(2026, 10, 5)),
    ]


def test_feestdag_schuift_naar_de_werkdag_ervoor():
    # 5 May 2026 (Bevrijdingsdag, every year a holiday under the Atw) and the KB day
    # 15 May 2026 (the Friday after Hemelvaartsdag).
    assert momenten(date(2026, 2, 5), date(2027, 2, 4))[0] == Moment(D, date(2026, 5, 4))
    assert momenten(date(2026, 2, 15), date(2027, 2, 14))[0] == Moment(D, date(2026, 5, 13))


def test_sluitingsdag_van_de_gemeente(gemeente):
    from wmoketen.termijnen.models import Sluitingsdag

    Sluitingsdag.objects.create(gemeente=gemeente, datum=date(2026, 7, 31), omschrijving="Dicht")
    assert momenten(date(2026, 5, 1), date(2027, 4, 30), gemeente)[0] == Moment(
        D, date(2026, 7, 30)
    )


def test_regionale_termijn_telt(gemeente):
    termijnen.stel_regel_in(
        code="evaluatie",
        naam="Evaluatie per kwartaal",
        aantal=4,
        eenheid="maanden",
        startgebeurtenis="start",
        gemeente=gemeente,
        acting_user=None,
    )
    assert momenten(date(2026, 3, 2), date(2027, 3, 1), gemeente) == [
        Moment(D, date(2026, 6, 2)),
        Moment(T, date(2026, 7, 2)),
        Moment(T, date(2026, 11, 2)),
        Moment(E, date(2027, 1, 4)),
    ]
