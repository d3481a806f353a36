from datetime import date

import pytest

from wmoketen.termijnen import kalender
from wmoketen.termijnen.models import Sluitingsdag

D = date.fromisoformat


@pytest.mark.parametrize(
    "datum, werkdag",
    [
        # The three days the issue names.
        ("2026-04-03", False),  # Goede Vrijdag (Atw art. 3 lid 2)
        ("2026-05-05", False),  # 5 mei, not a lustrum year
        ("2026-05-15", False),  # Friday after Hemelvaartsdag (KB)
        # Year end and new year.
        ("2025-12-24", True),
        ("2025-12-25", False),  # Eerste Kerstdag
        ("2025-12-26", False),  # Tweede Kerstdag
        ("2025-12-31", True),
        ("2026-01-01", False),  # Nieuwjaarsdag
        ("2026-01-02", False),  # KB: Friday after Nieuwjaarsdag
        ("2026-01-05", True),
        ("2024-12-27", False),  # KB: Friday after Tweede Kerstdag
        # Pasen.
        ("2026-04-02", True),
        ("2026-04-05", False),  # Eerste Paasdag (Sunday)
        ("2026-04-06", False),  # Tweede Paasdag
        ("2026-04-07", True),
        # Koningsdag: 27 April, or the 26th when the 27th is a Sunday.
        ("2026-04-27", False),  # Monday
        ("2026-04-28", True),
        ("2027-04-26", True),  # Monday before Koningsdag (Tuesday 27 April)
        ("2027-04-27", False),
        ("2025-04-26", False),  # 27 April 2025 is a Sunday: Koningsdag on Saturday the 26th
        ("2025-04-28", True),
        ("2031-04-26", False),  # 2031 again: Koningsdag on Saturday the 26th
        ("2028-04-28", False),  # KB: Friday after Koningsdag (Thursday)
        # 5 mei every year, also outside the lustrum years of the library.
        ("2027-05-05", False),
        ("2028-05-05", False),
        ("2030-05-05", False),
        ("2026-05-04", True),
        ("2026-05-06", True),
        # Hemelvaartsdag and the Friday after it (KB).
        ("2026-05-14", False),
        ("2026-05-13", True),
        ("2025-05-29", False),
        ("2025-05-30", False),
        ("2027-05-06", False),
        ("2027-05-07", False),
        # Pinksteren.
        ("2026-05-24", False),  # Eerste Pinksterdag (Sunday)
        ("2026-05-25", False),  # Tweede Pinksterdag
        ("2026-05-26", True),
        # Weekend.
        ("2026-05-16", False),
        ("2026-05-17", False),
        ("2026-11-23", True),
    ],
)
def test_is_werkdag(datum, werkdag):
    assert kalender.is_werkdag(D(datum)) is werkdag


@pytest.mark.parametrize(
    "van, aantal, uitkomst",
    [
        ("2026-11-23", 0, "2026-11-23"),
        ("2026-11-23", 1, "2026-11-24"),
        ("2026-11-20", 1, "2026-11-23"),  # Friday → Monday
        ("2026-11-21", 1, "2026-11-23"),  # from a Saturday
        # Kerst and year ends.
        ("2026-12-24", 3, "2026-12-30"),
        ("2026-12-30", 3, "2027-01-05"),
        ("2025-12-24", 1, "2025-12-29"),
        ("2025-12-31", 1, "2026-01-05"),  # 1 Jan, KB 2 Jan, weekend
        ("2024-12-24", 1, "2024-12-30"),  # 25, 26, KB 27 December, weekend
        # Pasen.
        ("2026-04-02", 1, "2026-04-07"),
        ("2026-04-01", 5, "2026-04-10"),
        ("2025-04-17", 1, "2025-04-22"),
        # Koningsdag and 5 mei.
        ("2026-04-24", 1, "2026-04-28"),
        ("2026-04-30", 3, "2026-05-06"),
        ("2025-04-25", 1, "2025-04-28"),
        # Hemelvaartsdag + KB Friday.
        ("2026-05-13", 1, "2026-05-18"),
        ("2025-05-28", 1, "2025-06-02"),
        ("2027-05-04", 2, "2027-05-11"),  # 5 mei, Hemelvaartsdag, KB Friday, weekend
        # Pinksteren.
        ("2026-05-22", 1, "2026-05-26"),
        # Counting back.
        ("2026-05-18", -1, "2026-05-13"),
        ("2027-01-05", -3, "2026-12-30"),
    ],
)
def test_plus_werkdagen(van, aantal, uitkomst):
    assert kalender.plus_werkdagen(D(van), aantal) == D(uitkomst)
    assert kalender.werkdagen_tussen(D(van), D(uitkomst)) == aantal


def test_min_werkdagen_is_plus_negatief():
    assert kalender.min_werkdagen(D("2026-05-18"), 2) == D("2026-05-12")


def test_werkdagen_in_mei_2026():
    # 21 weekdays, minus 5 mei, Hemelvaartsdag, the KB Friday and Tweede Pinksterdag.
    assert kalender.werkdagen_tussen(D("2026-04-30"), D("2026-05-31")) == 17


@pytest.mark.parametrize(
    "van, maanden, uitkomst",
    [
        ("2026-03-31", 6, "2026-09-30"),
        ("2025-08-31", 6, "2026-02-28"),
        ("2027-08-31", 6, "2028-02-29"),
        ("2026-12-15", 1, "2027-01-15"),
        ("2026-01-31", -2, "2025-11-30"),
    ],
)
def test_plus_maanden(van, maanden, uitkomst):
    assert kalender.plus_maanden(D(van), maanden) == D(uitkomst)


def test_gelijkgestelde_dagen_zijn_geen_weekend():
    """Each KB day in the data file is a weekday that is not already a feestdag by law."""
    for jaar, dagen in kalender._gelijkgestelde_dagen().items():
        for datum in dagen:
            assert datum.year == jaar
            assert datum.weekday() < 5, datum
    assert kalender.jaren_met_besluit() == [2023, 2024, 2025, 2026, 2027, 2028]


def test_jaar_zonder_besluit_telt_alleen_de_wet(caplog):
    kalender.feestdagen.cache_clear()
    assert kalender.is_werkdag(D("2035-05-04")) is True  # Friday after Hemelvaartsdag 2035
    assert kalender.is_werkdag(D("2035-05-03")) is False  # Hemelvaartsdag
    assert "Geen gelijkgestelde dagen (KB) bekend voor 2035" in caplog.text


def test_sluitingsdag_van_gemeente(gemeente, andere_gemeente):
    Sluitingsdag.objects.create(gemeente=gemeente, datum=D("2026-12-28"), omschrijving="Kerst")
    assert kalender.is_werkdag(D("2026-12-28")) is True
    assert kalender.is_werkdag(D("2026-12-28"), gemeente) is False
    assert kalender.is_werkdag(D("2026-12-28"), andere_gemeente) is True
    assert kalender.plus_werkdagen(D("2026-12-24"), 3, gemeente) == D("2026-12-31")
    assert kalender.plus_werkdagen(D("2026-12-24"), 3, andere_gemeente) == D("2026-12-30")
    assert kalender.werkdagen_tussen(D("2026-12-24"), D("2026-12-31"), gemeente) == 3


@pytest.mark.parametrize("jaar, koningsdag", [(2025, "2025-04-26"), (2026, "2026-04-27")])
def test_koningsdag_op_26_april_als_27_april_een_zondag_is(jaar, koningsdag):
    assert kalender.feestdagen(jaar)[D(koningsdag)] == "Koningsdag"
    assert D(f"{jaar}-04-27").weekday() == (6 if jaar == 2025 else 0)
