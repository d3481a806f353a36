import pytest
from django.core.exceptions import ValidationError

from wmoketen.clienten.validators import is_geldig_bsn, valideer_bsn


@pytest.mark.parametrize("bsn", ["111222333", "123456782", "999993653", "010000008"])
def test_geldige_bsn_voldoen_aan_de_elfproef(bsn):
    assert is_geldig_bsn(bsn)
    valideer_bsn(bsn)


@pytest.mark.parametrize("bsn", ["123456789", "111222334", "000000000", "999993654"])
def test_bsn_die_de_elfproef_niet_haalt_wordt_geweigerd(bsn):
    with pytest.raises(ValidationError) as fout:
        valideer_bsn(bsn)
    assert fout.value.messages == [
        "Dit BSN is ongeldig: het voldoet niet aan de elfproef. Controleer het nummer."
    ]


@pytest.mark.parametrize("bsn", ["12345678", "1234567890", "12345678a", "", "１２３４５６７８２"])
def test_bsn_met_verkeerde_vorm_wordt_geweigerd(bsn):
    with pytest.raises(ValidationError) as fout:
        valideer_bsn(bsn)
    assert fout.value.messages == ["Een BSN bestaat uit precies 9 cijfers."]
    assert not is_geldig_bsn(bsn)
