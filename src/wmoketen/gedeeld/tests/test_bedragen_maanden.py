from datetime import date
from decimal import Decimal

from wmoketen.gedeeld.bedragen import euro, in_cent
from wmoketen.gedeeld.maanden import maand_van, maanden, volgende_maand


def test_euro_en_in_cent():
    assert euro(123456) == "€ 1.234,56" and euro(-500) == "€ -5,00" and euro(None) == "–"
    assert in_cent(Decimal("12.345")) == 1235 and in_cent(Decimal("0.10")) == 10


def test_maanden():
    assert maand_van(date(2028, 2, 10)) == (date(2028, 2, 1), date(2028, 2, 29))
    assert volgende_maand(date(2026, 12, 31)) == date(2027, 1, 1)
    assert maanden(date(2026, 11, 15), date(2027, 1, 2)) == [
        date(2026, 11, 1),
        date(2026, 12, 1),
        date(2027, 1, 1),
    ]
