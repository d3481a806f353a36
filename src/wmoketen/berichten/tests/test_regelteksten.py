"""A refused message's findings on a form: an app's instruction on its field, the standard's
text with its code otherwise; any other refusal is left to the caller."""

import logging

from django import forms
from django.core.exceptions import ValidationError

from istandaarden.fout import Fout
from wmoketen.berichten.regelteksten import Aanwijzing, toon_met, toon_op_formulier
from wmoketen.berichten.services import OngeldigBericht
from wmoketen.gedeeld.weigering import Poging

TABEL = {("TR134", "Einddatum"): Aanwijzing("einddatum", "Kies uiterlijk {vandaag}.")}


class Formulier(forms.Form):
    einddatum = forms.DateField()


def _fout(code: str, xpath: str | None, tekst: str) -> Fout:
    return Fout(code=code, retourcode="0001", xpath=xpath, line=None, message=tekst)


def test_bevindingen_op_het_formulier_en_de_tekst_van_de_standaard_in_het_log(vandaag_vast, caplog):
    fouten = [
        _fout("TR134", "/Bericht[1]/Client[1]/StopProduct[1]/Einddatum[1]", "Einddatum ligt na."),
        _fout("CS343", "/Bericht[1]/Client[1]/Eenheid[1]", "Bij Eenheid 16 niet 1."),
    ]
    form = Formulier({"einddatum": "2026-12-10"})
    form.is_valid()
    weigering = OngeldigBericht(["TR134: Einddatum ligt na.", "CS343: …"], fouten=fouten)
    with caplog.at_level(logging.INFO, logger="wmoketen.berichten.regelteksten"):
        assert toon_op_formulier(form, weigering, tabel=TABEL) is True
    assert form.errors["einddatum"] == ["Kies uiterlijk 04-12-2026. (regel TR134)"]
    assert form.non_field_errors() == [
        "Het bericht voldoet niet aan de standaard en is niet verstuurd.",
        "Bij Eenheid 16 niet 1. (regel CS343)",
    ]
    assert "TR134: Einddatum ligt na. | CS343: …" in caplog.text


def test_een_andere_weigering_laat_het_formulier_aan_de_aanroeper():
    form = Formulier({"einddatum": "2026-12-10"})
    form.is_valid()
    assert toon_op_formulier(form, ValidationError("De levering loopt al."), tabel=TABEL) is False
    assert toon_op_formulier(form, OngeldigBericht(["XSD: …"]), tabel=TABEL) is False
    assert form.errors == {}


def test_poging_met_de_tabel_eerst_en_anders_boven_het_formulier(vandaag_vast):
    bevinding = _fout("TR134", "/Bericht[1]/Einddatum[1]", "Einddatum ligt na.")
    weigeringen = [OngeldigBericht(["TR134: …"], fouten=[bevinding]), ValidationError("Nee.")]
    formulieren = []
    for weigering in weigeringen:
        form = Formulier({"einddatum": "2026-12-10"})
        form.is_valid()
        with Poging(form, eerst=toon_met(TABEL)):
            raise weigering
        formulieren.append(form)
    assert formulieren[0].errors == {"einddatum": ["Kies uiterlijk 04-12-2026. (regel TR134)"]}
    assert formulieren[1].errors == {"__all__": ["Nee."]}
