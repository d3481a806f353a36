"""From the rules' findings to the 325's verdicts (IV087): which class gets which codes, 0233 for
the prestaties of a refused client, the granted total, 8001 only when all is approved."""

from datetime import date
from types import SimpleNamespace

from istandaarden.regels.crossmessage import Overtreding
from istandaarden.safe_xml import parse_bytes
from wmoketen.declaraties.beoordeling import antwoord_velden, beoordeel
from wmoketen.declaraties.context import lees_323

from .hulp_gemeente import bouw_323, prestatie

OPZET = SimpleNamespace(
    aanbieder=SimpleNamespace(agb_code="12345678"),
    gemeente=SimpleNamespace(gemeentecode="0988"),
)


def _t(nummer: int, bsn: str):
    return SimpleNamespace(
        client=SimpleNamespace(bsn=bsn),
        toewijzingnummer=nummer,
        product=SimpleNamespace(productcategorie="02", productcode="02A01"),
        ingangsdatum=date(2020, 1, 1),
    )


def _gelezen():
    a, b = "999999990", "999999989"
    prestaties = [
        prestatie(_t(1, a), referentie="A1"),  # 65000
        prestatie(_t(2, a), referentie="A2", volume=2),  # 13000
        prestatie(_t(3, b), referentie="B1", volume=1),  # 6500
        prestatie(_t(4, b), referentie="B2", volume=1, dc="C", vorig="X"),  # -6500
    ]
    return lees_323(parse_bytes(bouw_323(OPZET, prestaties)).getroot())


def _op(gelezen, wat):
    if wat == "declaratie":
        return gelezen.element
    for c in gelezen.clienten:
        if c.bsn == wat:
            return c.element
    return next(p.element for p in gelezen.prestaties if p.referentienummer == wat)


def _o(gelezen, wat, code):
    return Overtreding("TR", code, _op(gelezen, wat), "tekst")


def test_volledig_goedgekeurd():
    gelezen = _gelezen()
    uitslag = beoordeel(gelezen, [])
    assert uitslag.toegekend == 65000 + 13000 + 6500 - 6500
    assert antwoord_velden(uitslag) == {
        "declaratie_codes": ["8001"],
        "toegekend": uitslag.toegekend,
        "afgewezen": {},
        "client_codes": {},
    }


def test_fout_op_de_declaratie_weigert_alles():
    gelezen = _gelezen()
    uitslag = beoordeel(gelezen, [_o(gelezen, "declaratie", "9333"), _o(gelezen, "A1", "9338")])
    assert uitslag.geweigerd
    assert antwoord_velden(uitslag) == {"declaratie_codes": ["9333"], "toegekend": 0}


def test_fout_op_de_client_0233_voor_zijn_prestaties():
    gelezen = _gelezen()
    uitslag = beoordeel(gelezen, [_o(gelezen, "999999989", "8187"), _o(gelezen, "B1", "9338")])
    assert uitslag.client_codes == {"999999989": ["8187"]}
    assert uitslag.afgewezen == {"B1": ["0233"], "B2": ["0233"]}
    assert uitslag.toegekend == 65000 + 13000
    assert antwoord_velden(uitslag)["declaratie_codes"] == ["0200"]


def test_prestatie_met_al_haar_codes_geheel_afgewezen():
    gelezen = _gelezen()
    uitslag = beoordeel(
        gelezen,
        [_o(gelezen, "A2", "9321"), _o(gelezen, "A2", "0611"), _o(gelezen, "A2", "9321")],
    )
    assert uitslag.afgewezen == {"A2": ["0611", "9321"]}
    assert uitslag.toegekend == 65000 + 6500 - 6500  # A2 not at all, not partly


def test_afgewezen_credit_telt_niet_mee():
    gelezen = _gelezen()
    uitslag = beoordeel(gelezen, [_o(gelezen, "B2", "8017")])
    assert uitslag.toegekend == 65000 + 13000 + 6500
