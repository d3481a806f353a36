"""The cross-message rules of the 323, one by one, on the context of a declaration (``laad``),
with earlier declarations received through the pipeline."""

from datetime import timedelta
from decimal import Decimal

import pytest

from istandaarden.regels.crossmessage import BERICHTOVERSTIJGENDE_REGELS, REGISTER
from istandaarden.safe_xml import parse_bytes
from wmoketen.declaraties import regels
from wmoketen.declaraties.beantwoorden import beantwoord
from wmoketen.declaraties.context import laad, lees_323
from wmoketen.declaraties.models import OntvangenDeclaratie
from wmoketen.declaraties.perioden import maand_van

from .hulp_gemeente import MAAND, Opzet, bouw_323, ontvang_323, prestatie

pytestmark = pytest.mark.django_db

VORIGE = maand_van(MAAND[0] - timedelta(days=1))


@pytest.fixture
def opzet():
    return Opzet.maak()


def _bevindingen(opzet, prestaties, **kwargs) -> dict[str, list[str]]:
    """ReferentieNummer (or "declaratie"/BSN) -> the rule codes that fired."""
    gelezen = lees_323(parse_bytes(bouw_323(opzet, prestaties, **kwargs)).getroot())
    ctx = laad(gelezen, gemeente_id=opzet.gemeente.pk, aanbieder_id=opzet.aanbieder.pk, wet="wmo")
    namen = {p.element: p.referentienummer for p in gelezen.prestaties}
    namen |= {c.element: c.bsn for c in gelezen.clienten}
    namen[gelezen.element] = "declaratie"
    uit: dict[str, list[str]] = {}
    for o in regels.controleer(ctx):
        uit.setdefault(namen[o.element], []).append(o.code)
    return uit


def _eerder(opzet, prestaties, nummer="DN0"):
    bericht = ontvang_323(opzet, bouw_323(opzet, prestaties, nummer=nummer, periode=VORIGE))
    assert bericht.status == "verwerkt", bericht.fouten


def test_de_regels_van_de_323_staan_in_het_register():
    verwacht = {
        b.code
        for b in BERICHTOVERSTIJGENDE_REGELS
        if b.app == "declaraties" and "323" in b.berichten and b.code != "TR319"
    } | {"TR304"}
    assert {r.code for r in regels.REGELS} == verwacht
    for regel in regels.REGELS:
        if regel.code not in regels.GEDEELD:
            assert REGISTER[regel.code] is regel


def test_geldige_prestatie_zonder_bevindingen(opzet):
    assert _bevindingen(opzet, [prestatie(opzet.toewijzing())]) == {}


def test_tr314_referentienummer_eerder_gebruikt(opzet):
    t = opzet.toewijzing()
    _eerder(opzet, [prestatie(t, referentie="R-1", begin=VORIGE[0], eind=VORIGE[1])])
    assert _bevindingen(opzet, [prestatie(t, referentie="R-1")]) == {"R-1": ["TR314"]}


def test_tr323_credit_zonder_goedgekeurde_debet(opzet):
    t = opzet.toewijzing()
    p = prestatie(t, dc="C", vorig="ONBEKEND", referentie="C-1")
    assert _bevindingen(opzet, [p]) == {"C-1": ["TR323"]}


def test_tr323_credit_met_andere_periode_dan_de_debet(opzet):
    t = opzet.toewijzing()
    _eerder(opzet, [prestatie(t, referentie="D-1", begin=VORIGE[0], eind=VORIGE[1])])
    p = prestatie(t, dc="C", vorig="D-1", referentie="C-1")  # this month, not the debit's
    assert _bevindingen(opzet, [p]) == {"C-1": ["TR323"]}


def test_tr390_tweede_credit(opzet):
    t = opzet.toewijzing()
    debet = prestatie(t, referentie="D-1", begin=VORIGE[0], eind=VORIGE[1])
    _eerder(opzet, [debet])
    beantwoord(OntvangenDeclaratie.objects.get(declaratienummer="DN0"), acting_user=None)
    credit = dict(debet, referentie="C-1", vorig="D-1", dc="C")
    data = bouw_323(opzet, [credit, prestatie(t)], nummer="DN1")
    assert ontvang_323(opzet, data).status == "verwerkt"
    opnieuw = dict(credit, referentie="C-2")
    assert _bevindingen(opzet, [opnieuw])["C-2"] == ["TR390"]


def test_tr387_tr388_productperiode_niet_de_maand(opzet):
    t = opzet.toewijzing()
    p = prestatie(t, begin=MAAND[0] + timedelta(days=3), eind=MAAND[1] - timedelta(days=1))
    assert sorted(_bevindingen(opzet, [p])[p["referentie"]]) == ["TR387", "TR388"]


def test_tr387_begin_op_latere_ingangsdatum_is_goed(opzet):
    t = opzet.toewijzing(ingang=MAAND[0] + timedelta(days=9))
    assert _bevindingen(opzet, [prestatie(t)]) == {}


def test_tr341_minuten_op_uren_mag_andere_eenheid_niet(opzet):
    t = opzet.toewijzing()
    minuten = prestatie(t, eenheid="01", volume=600, tarief=108, bedrag=600 * 108)
    assert "TR341" not in _bevindingen(opzet, [minuten]).get(minuten["referentie"], [])
    dagdelen = prestatie(opzet.toewijzing(), eenheid="16")
    assert "TR341" in _bevindingen(opzet, [dagdelen])[dagdelen["referentie"]]


def test_tr322_totaal_over_de_toewijzing(opzet):
    # 3 hours a week over the three ISO weeks 14 days touch: 9 hours in all.
    einde = MAAND[0] + timedelta(days=13)
    ingang = einde - timedelta(days=13)
    t = opzet.toewijzing(ingang=ingang, einde=einde, volume=3)
    p = prestatie(t, volume=5, begin=ingang, eind=einde)
    assert _bevindingen(opzet, [p]) == {}
    tweede = prestatie(t, volume=5, begin=ingang, eind=einde)
    uit = _bevindingen(opzet, [p, tweede])
    assert "TR322" in uit[tweede["referentie"]]
    assert p["referentie"] not in uit


def test_tr369_budget(opzet):
    t = opzet.toewijzing()
    t.volume, t.eenheid, t.frequentie, t.budget = None, "", "", Decimal("500.00")
    t.save()
    binnen = prestatie(t, volume=7)  # 455 euro
    erover = prestatie(opzet.toewijzing(), volume=1)
    erover["toewijzingnummer"] = t.toewijzingnummer
    erover["bsn"] = t.client.bsn
    uit = _bevindingen(opzet, [binnen, dict(erover, begin=binnen["begin"])])
    assert "TR369" in uit[erover["referentie"]]
    assert "TR369" not in uit.get(binnen["referentie"], [])


def test_tr384_verwijderde_toewijzing(opzet):
    t = opzet.toewijzing()
    t.reden_wijziging = "13"
    t.save()
    p = prestatie(t)
    assert _bevindingen(opzet, [p]) == {p["referentie"]: ["TR384"]}


def test_tr339_andere_categorie(opzet):
    p = prestatie(opzet.toewijzing(), categorie="03")
    assert _bevindingen(opzet, [p]) == {p["referentie"]: ["TR339"]}


def test_tr304_onbekend_bsn_op_de_client(opzet):
    t = opzet.toewijzing()
    p = prestatie(t, bsn="999999990")
    uit = _bevindingen(opzet, [p])
    assert uit["999999990"] == ["TR304"]
