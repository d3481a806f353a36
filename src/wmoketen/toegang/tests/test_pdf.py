"""The beschikking letter as PDF (WeasyPrint, offline)."""

import shutil
import subprocess
from datetime import date

import pytest

from wmoketen.toegang.pdf import BeschikkingBrief, BriefProduct, beschikking_html, beschikking_pdf


def brief(**kwargs) -> BeschikkingBrief:
    velden = {
        "gemeente_naam": "Leudal",
        "gemeentecode": "1640",
        "client_naam": "A.M. van den Berg",
        "client_adres": ["Markt 1", "6001 AA  Weert"],
        "kenmerk": "B-2026-001",
        "datum": date(2026, 3, 2),
        "producten": [
            BriefProduct("Individuele begeleiding somatiek", 3, "uur", "per week"),
            BriefProduct("Kortdurend verblijf", 2, "etmaal", "per maand"),
        ],
        "ingangsdatum": date(2026, 3, 2),
        "einddatum": date(2027, 3, 1),
        "motivatie": "Uit het onderzoek blijkt dat u hulp nodig hebt bij het structureren "
        "van uw dag.\n\nUw netwerk kan dit niet volledig opvangen.",
        "aanbieder_naam": "Zorggroep Maasland",
    }
    return BeschikkingBrief(**(velden | kwargs))


def test_brief_bevat_besluit_bezwaar_en_de_producten():
    html = beschikking_html(brief())
    for tekst in (
        "Gemeente Leudal",
        "A.M. van den Berg",
        "6001 AA  Weert",
        "2 maart 2026",
        "Besluit",
        "Bezwaar",
        "binnen zes weken",
        "Individuele begeleiding somatiek",
        "3 uur per week",
        "van 2 maart 2026 tot en met 1 maart 2027",
        "Uw netwerk kan dit niet volledig opvangen.",
    ):
        assert tekst in html
    assert "http" not in html  # nothing external


def test_beschikking_pdf_is_een_pdf(tmp_path):
    pdf = beschikking_pdf(brief(einddatum=None))
    assert pdf.startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils ontbreekt")
    (tmp_path / "brief.pdf").write_bytes(pdf)
    tekst = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "brief.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "Beschikking" in tekst and "Bezwaar" in tekst
    assert "vanaf 2 maart 2026" in tekst
    assert "Kenmerk B-2026-001" in tekst  # the footer
