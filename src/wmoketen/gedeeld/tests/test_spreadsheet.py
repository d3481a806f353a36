import pytest

from wmoketen.gedeeld.spreadsheet import veilige_cel


@pytest.mark.parametrize("teken", ["=", "+", "-", "@", "\t", "\r"])
def test_een_formule_wordt_tekst(teken):
    assert veilige_cel(f'{teken}HYPERLINK("http://x")') == f'\'{teken}HYPERLINK("http://x")'


@pytest.mark.parametrize("tekst", ["Jan Aalbers", "0988", "", "'t Hart", "a=b"])
def test_gewone_tekst_blijft(tekst):
    assert veilige_cel(tekst) == tekst


def test_none_en_getallen():
    assert veilige_cel(None) == ""
    assert veilige_cel(-5) == "'-5"  # a negative number is a formula to a spreadsheet too
