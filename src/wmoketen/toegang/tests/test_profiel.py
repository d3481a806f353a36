"""The profile assessment: five criteria A–E → categorie and intensiteit, by the table."""

import json

import pytest
from django.core.exceptions import ImproperlyConfigured, ValidationError

from wmoketen.toegang.profiel import STANDAARDTABEL, Profiel, bepaal_profiel

CRITERIA = ("veiligheid", "balans", "afstand", "zelfredzaamheid", "cooperatie")


def scores(letters: str) -> dict[str, str]:
    """'ABCDE' → {veiligheid: A, balans: B, afstand: C, zelfredzaamheid: D, cooperatie: E}."""
    return dict(zip(CRITERIA, letters, strict=True))


@pytest.mark.parametrize(
    ("letters", "categorie", "intensiteit"),
    [
        ("AAAAA", 1, "basis"),  # 0 points
        ("BBBBB", 1, "basis"),  # 5 points; afstand + zelfredzaamheid 2
        ("BBCBB", 1, "aanvullend"),  # 6 points; 3
        ("CCCCC", 2, "aanvullend"),  # 10; 4
        ("AADDA", 1, "intensief"),  # 6; 6
        ("CDDDD", 3, "intensief"),  # 14; 6
        ("CCDDC", 2, "intensief"),  # 12; 6
        ("EEEEE", 3, "intensief"),  # 20; 8
        ("DAAAA", 2, "basis"),  # veiligheid D: at least categorie 2
        ("EAAAA", 3, "basis"),  # veiligheid E: categorie 3
        ("AAAAE", 1, "aanvullend"),  # coöperatie E: at least aanvullend
        ("ABCCE", 2, "aanvullend"),  # 9; 4
    ],
)
def test_standaardtabel(letters, categorie, intensiteit):
    assert bepaal_profiel(scores(letters)) == Profiel(categorie, intensiteit)


def test_omschrijving():
    assert bepaal_profiel(scores("CCCCC")).omschrijving == "Categorie 2, aanvullend"


def test_ontbrekend_criterium_geeft_nederlandse_melding():
    onvolledig = scores("AAAAA")
    del onvolledig["balans"]
    with pytest.raises(ValidationError) as fout:
        bepaal_profiel(onvolledig)
    assert fout.value.messages == [
        "Geef een score (A–E) voor: Balans beschermende en risicofactoren."
    ]


def test_score_buiten_a_tot_e():
    with pytest.raises(ValidationError) as fout:
        bepaal_profiel({**scores("AAAAA"), "afstand": "F"})
    assert fout.value.messages == ["Een score is A, B, C, D of E."]


def test_eigen_tabel_via_instelling(settings, tmp_path):
    """A region sets its own table: here every case with 8+ points is categorie 3."""
    tabel = json.loads(STANDAARDTABEL.read_text())
    tabel["categorie"]["grenzen"] = [
        {"tot_en_met": 7, "uitkomst": 1},
        {"tot_en_met": 20, "uitkomst": 3},
    ]
    pad = tmp_path / "tabel.json"
    pad.write_text(json.dumps(tabel))
    settings.TOEGANG_PROFIELTABEL = str(pad)
    assert bepaal_profiel(scores("CCCCC")) == Profiel(3, "aanvullend")
    assert bepaal_profiel(scores("BBBBB")) == Profiel(1, "basis")


def test_tabel_die_niet_alle_punten_dekt_wordt_geweigerd():
    tabel = json.loads(STANDAARDTABEL.read_text())
    tabel["intensiteit"]["grenzen"] = [{"tot_en_met": 5, "uitkomst": "basis"}]
    with pytest.raises(ImproperlyConfigured):
        bepaal_profiel(scores("AAAAA"), tabel)
