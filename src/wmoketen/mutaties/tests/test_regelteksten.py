"""The mutation forms' table for ``berichten.regelteksten``: a rule finding becomes an
instruction on the field the user changes, with the rule code as a detail; a finding without one
keeps the standard's text and its code."""

from datetime import date

from istandaarden.fout import Fout
from wmoketen.berichten.regelteksten import NIET_VERSTUURD, formulierfouten

from ..regelteksten import AANWIJZINGEN

VANDAAG = date(2026, 12, 4)
EINDDATUM = "/Bericht[1]/Client[1]/StopProduct[1]/Einddatum[1]"
TR134_TEKST = (
    "Een stopbericht meldt een stop die al is ingegaan: de laatste dag van de ondersteuning "
    "mag niet na vandaag (04-12-2026) liggen. Kies als eerste dag zonder ondersteuning "
    "uiterlijk 05-12-2026. (regel TR134)"
)


def _fout(code: str, xpath: str | None, tekst: str = "De standaard zegt nee.") -> Fout:
    return Fout(code=code, retourcode="0001", xpath=xpath, line=None, message=tekst)


def test_bekende_regel_op_het_veld_met_de_code():
    fouten = [_fout("TR134", EINDDATUM, "Einddatum 14-12-2026 ligt na de dagtekening.")]
    assert formulierfouten(fouten, tabel=AANWIJZINGEN, velden=["datum"], vandaag=VANDAAG) == [
        ("datum", TR134_TEKST)
    ]


def test_zonder_dat_veld_boven_het_formulier():
    fouten = [_fout("TR134", EINDDATUM)]
    assert formulierfouten(fouten, tabel=AANWIJZINGEN, velden=["startdatum"], vandaag=VANDAAG) == [
        (None, TR134_TEKST)
    ]


def test_zelfde_code_op_een_ander_element_en_onbekende_codes_houden_de_tekst_van_de_standaard():
    fouten = [
        _fout("TR134", "/Bericht[1]/Client[1]/Geboortedatum[1]/Datum[1]", "Datum ligt na …."),
        _fout("TR137", EINDDATUM, "Einddatum ligt voor de Begindatum."),
        _fout("XSD", None, "Element 'Einddatum': geen datum."),
        _fout("TR134", EINDDATUM),
    ]
    assert formulierfouten(fouten, tabel=AANWIJZINGEN, velden=["datum"], vandaag=VANDAAG) == [
        ("datum", TR134_TEKST),
        (None, NIET_VERSTUURD),
        (None, "Datum ligt na …. (regel TR134)"),
        (None, "Einddatum ligt voor de Begindatum. (regel TR137)"),
        (None, "Element 'Einddatum': geen datum. (XSD)"),
    ]
