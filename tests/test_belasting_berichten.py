"""The load test's messages (benchmarks/belasting_opzet.wmo301): valid and unique.

The load test builds each WMO301 by replacing three values in one template; should the
generator change the template's values, the replacements would silently do nothing and every
message would be a duplicate (9056). This keeps the benchmark honest without running it.
"""

import sys
from pathlib import Path

from lxml import etree

from istandaarden.validation import validate

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from belasting_opzet import INTERN_VANAF, wmo301  # noqa: E402

NS = {"w": "http://www.istandaarden.nl/iwmo/3_2/wmo301/schema"}


def _waarden(data: bytes) -> tuple[str, str, str]:
    root = etree.fromstring(data)
    return (
        root.findtext(".//w:BerichtIdentificatie/{*}Identificatie", namespaces=NS),
        root.findtext(".//w:Client/w:Bsn", namespaces=NS),
        root.findtext(".//w:ToewijzingNummer", namespaces=NS),
    )


def test_elk_bericht_is_geldig_en_uniek():
    nummers = [1, 2, 3, 20_000, INTERN_VANAF, INTERN_VANAF + 999]
    berichten = [wmo301(n) for n in nummers]

    assert [validate(b) for b in berichten] == [[]] * len(nummers)
    waarden = [_waarden(b) for b in berichten]
    for positie in range(3):  # Identificatie, BSN, ToewijzingNummer: each unique
        assert len({w[positie] for w in waarden}) == len(nummers), waarden
    assert waarden[1] == ("ID0000000002", "100000228", "200")
