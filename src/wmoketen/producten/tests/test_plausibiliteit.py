"""Issue #17: the volume an eenheid (WJ756) and a frequentie (WMO757) allow."""

from datetime import date

import pytest

from wmoketen.producten.plausibiliteit import volumefout

WEEK = "een week heeft ten hoogste"


@pytest.mark.parametrize(
    ("volume", "eenheid", "frequentie", "fout"),
    [
        (168, "04", "2", ""),
        (169, "04", "2", f"169 uur per week kan niet; {WEEK} 168 uur."),
        (99_999_999, "04", "2", f"99.999.999 uur per week kan niet; {WEEK} 168 uur."),
        (25, "04", "1", "25 uur per dag kan niet; een dag heeft ten hoogste 24 uur."),
        (745, "04", "4", "745 uur per maand kan niet; een maand heeft ten hoogste 744 uur."),
        (10_081, "01", "2", f"10.081 minuten per week kan niet; {WEEK} 10.080 minuten."),
        (7, "16", "1", "7 dagdelen per dag kan niet; een dag heeft ten hoogste 6 dagdelen."),
        (8, "14", "2", f"8 etmalen per week kan niet; {WEEK} 7 etmalen."),
        (99_999_999, "82", "2", ""),  # stuks: no ceiling but the message's own
        (100_000_000, "83", "4", "Een volume is ten hoogste 99.999.999."),
        (10_000, "04", "6", ""),  # a total without an end: no period to bound it
        (None, "04", "2", ""),
    ],
)
def test_volume_per_eenheid_en_frequentie(volume, eenheid, frequentie, fout):
    assert volumefout(volume, eenheid, frequentie) == fout


def test_een_totaal_past_in_de_periode():
    februari = {"ingangsdatum": date(2026, 2, 1), "einddatum": date(2026, 2, 28)}

    assert volumefout(672, "04", "6", **februari) == ""
    assert volumefout(673, "04", "6", **februari) == (
        "673 uur in totaal kan niet; de periode van 28 dagen heeft ten hoogste 672 uur."
    )
