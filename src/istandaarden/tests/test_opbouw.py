"""The shared plumbing for our own messages: value helpers, bindings per message, the Header."""

from datetime import date
from enum import Enum

import pytest

from istandaarden.opbouw import bindingen, header
from istandaarden.waarden import datum, iso, waarde


class Code(Enum):
    EEN = "01"


def test_waarden_heen_en_terug():
    assert (waarde(Code.EEN), waarde("02"), waarde(None)) == ("01", "02", None)
    assert (datum("2026-03-14"), datum(None), datum("")) == (date(2026, 3, 14), None, None)
    assert (iso(date(2026, 3, 14)), iso(None)) == ("2026-03-14", None)


@pytest.mark.parametrize(
    ("standaard", "nummer", "module"),
    [("iwmo", 301, "iwmo.wmo301"), ("ijw", 305, "ijw.jw305"), ("iwmo", 319, "iwmo.wmo319")],
)
def test_bindingen_per_bericht(standaard, nummer, module):
    basis, bericht = bindingen(standaard, nummer)
    assert basis.__name__ == f"istandaarden.bindings.v3_2.{standaard}.basisschema"
    assert bericht.__name__ == f"istandaarden.bindings.v3_2.{module}"


def test_header_van_een_heenbericht():
    kop = header(
        "ijw",
        301,
        afzender="0599",
        ontvanger="12345678",
        identificatie="T00000000001",
        dagtekening=date(2026, 3, 14),
    )
    assert (kop.bericht_code, kop.bericht_versie, kop.bericht_subversie) == ("436", 3, 2)
    assert kop.bericht_identificatie.identificatie == "T00000000001"
    assert kop.bericht_identificatie.dagtekening == "2026-03-14"
    assert isinstance(kop, bindingen("ijw", 301)[1].Header)


@pytest.mark.parametrize("identificatie", ["", "T000000000001"])
def test_header_weigert_een_identificatie_die_niet_past(identificatie):
    with pytest.raises(ValueError, match="1 tot 12 tekens"):
        header(
            "iwmo",
            301,
            afzender="0599",
            ontvanger="12345678",
            identificatie=identificatie,
            dagtekening=date(2026, 3, 14),
        )
