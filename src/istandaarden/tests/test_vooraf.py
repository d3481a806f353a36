"""No shortcut of the validator hides a violation.

``validate`` has three ways to reach the same findings (``istandaarden.validation``):

* ``klein``: small messages, one tag-dispatching walk, every rule function on every scope
  element (no XPath filters, no ``vooraf``);
* ``groot``: the compiled scope XPaths with the rules' filters, after each rule's ``vooraf``
  whole-message pre-check;
* ``zonder vooraf``: ``groot`` with every ``vooraf`` forced off.

Every message the per-rule mutation tests (test_regels_tr/cd/cs) validate, and large generated
301s and 323s with injected violations, must give identical findings (code, retourcode, XPath,
line, message) in all three.
"""

from __future__ import annotations

import copy
import inspect
import itertools
from collections.abc import Callable, Iterator
from datetime import date

import pytest
from _pytest.outcomes import Skipped
from lxml import etree

from istandaarden import validation
from istandaarden.codec import serialize
from istandaarden.regels import REGELS
from istandaarden.samples.genereer import (
    wmo301_bericht,
    wmo323_bericht,
    wmo323_realistisch_bericht,
)
from istandaarden.tests import regelhulp, test_regels_cd, test_regels_cs, test_regels_tr
from istandaarden.tests.conftest import Bewerking, lees_sample

MODI = {
    "klein": {"KLEIN_MAX_ELEMENTEN": 10**9, "VOORAF": True},
    "groot": {"KLEIN_MAX_ELEMENTEN": -1, "VOORAF": True},
    "zonder vooraf": {"KLEIN_MAX_ELEMENTEN": -1, "VOORAF": False},
}
VOORAF_REGELS = sorted(code for code, regel in REGELS.items() if regel.vooraf is not None)


def bevindingen(data: bytes, modus: str) -> list[tuple]:
    oud = {naam: getattr(validation, naam) for naam in MODI[modus]}
    try:
        for naam, waarde in MODI[modus].items():
            setattr(validation, naam, waarde)
        return [
            (f.code, f.retourcode, f.xpath, f.line, f.message)
            for f in validation.validate(data, max_fouten=None)  # all: compare them all
        ]
    finally:
        for naam, waarde in oud.items():
            setattr(validation, naam, waarde)


def assert_overal_gelijk(data: bytes) -> list[tuple]:
    uitkomsten = {modus: bevindingen(data, modus) for modus in MODI}
    assert uitkomsten["groot"] == uitkomsten["zonder vooraf"], "een vooraf verbergt iets"
    assert uitkomsten["klein"] == uitkomsten["zonder vooraf"], "klein en groot verschillen"
    return uitkomsten["groot"]


# ---------------------------------------------------------------- the mutation tests' messages


def _aanroepen(functie: Callable) -> Iterator[dict]:
    """Every argument combination pytest would call a test function with (its parametrize
    marks; the fixtures ``bericht`` and ``sample_bytes``)."""
    parameters = inspect.signature(functie).parameters
    combinaties: list[list[dict]] = []
    for mark in getattr(functie, "pytestmark", []):
        if mark.name != "parametrize":
            continue
        namen, waarden = mark.args[0], mark.args[1]
        namen = [n.strip() for n in namen.split(",")] if isinstance(namen, str) else list(namen)
        rijen = []
        for waarde in waarden:
            waarde = waarde.values if hasattr(waarde, "values") else waarde
            waarde = waarde if len(namen) > 1 else (waarde,)
            rijen.append(dict(zip(namen, waarde, strict=True)))
        combinaties.append(rijen)
    vast = {"bericht": Bewerking, "sample_bytes": lees_sample}
    for rijen in itertools.product(*combinaties):
        kwargs = {k: v for rij in rijen for k, v in rij.items()}
        kwargs |= {k: v for k, v in vast.items() if k in parameters}
        if set(parameters) <= set(kwargs):
            yield kwargs


@pytest.fixture(scope="module")
def mutatieberichten() -> list[bytes]:
    """Every message the rule tests hand to ``validate`` (recorded while running them)."""
    gezien: dict[bytes, None] = {}
    echt = validation.validate

    def opnemen(data: bytes, **kwargs):
        gezien[bytes(data)] = None
        return echt(data, **kwargs)

    modules = (test_regels_tr, test_regels_cd, test_regels_cs)
    oud = [(m, m.validate) for m in (regelhulp, *modules) if hasattr(m, "validate")]
    try:
        for module, _ in oud:
            module.validate = opnemen
        for module in modules:
            for naam, functie in vars(module).items():
                if not naam.startswith("test_") or not callable(functie):
                    continue
                for kwargs in _aanroepen(functie):
                    try:
                        functie(**kwargs)
                    except Skipped:
                        pass
    finally:
        for module, functie in oud:
            module.validate = functie
    assert len(gezien) > 100
    return list(gezien)


def test_mutatieberichten_dekken_elke_regel_met_vooraf(mutatieberichten):
    """Each rule with a ``vooraf`` is broken by at least one recorded mutation."""
    gevonden = {f[0] for data in mutatieberichten for f in bevindingen(data, "groot")}
    assert set(VOORAF_REGELS) <= gevonden


def test_mutatieberichten_zelfde_bevindingen_met_en_zonder_vooraf(mutatieberichten):
    for data in mutatieberichten:
        assert_overal_gelijk(data)


# ---------------------------------------------------------------- large generated messages

M = "http://www.istandaarden.nl/iwmo/3_2/wmo323/schema"
B = "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema"


def _boom(bericht) -> etree._Element:
    return etree.fromstring(serialize(bericht))


def _alle(root: etree._Element, pad: str) -> list[etree._Element]:
    return root.xpath(pad, namespaces={"m": etree.QName(root).namespace, "b": B})


def _bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _totaal_bijwerken(root: etree._Element) -> None:
    """Keep TR358 satisfied after amounts changed: the total is the signed sum."""
    som = 0
    for bedrag in _alle(root, "//m:Prestatie/m:IngediendBedrag"):
        waarde = int(_alle(bedrag, "b:Bedrag")[0].text)
        som += -waarde if _alle(bedrag, "b:DebetCredit")[0].text == "C" else waarde
    _alle(root, "//m:TotaalIngediendBedrag/b:TotaalBedrag")[0].text = str(abs(som))
    _alle(root, "//m:TotaalIngediendBedrag/b:DebetCredit")[0].text = "C" if som < 0 else "D"


PRESTATIE = "//m:Client[7]/m:Prestaties/m:Prestatie"


def _dubbele_productperiode(root):  # TR416: the second prestatie gets the first's key
    eerste, tweede = _alle(root, PRESTATIE)[:2]
    for naam in ("m:ToewijzingNummer", "m:ProductCategorie", "m:ProductCode", "m:ProductPeriode"):
        oud = _alle(tweede, naam)[0]
        oud.getparent().replace(oud, copy.deepcopy(_alle(eerste, naam)[0]))


def _einde_voor_begin(root):  # TR137
    periode = _alle(root, PRESTATIE + "[3]/m:ProductPeriode")[0]
    _alle(periode, "b:Einddatum")[0].text = "2024-03-14"
    _alle(periode, "b:Begindatum")[0].text = "2024-03-20"


def _over_de_maand(root):  # CS337 and TR319
    _alle(root, PRESTATIE + "[4]/m:ProductPeriode/b:Einddatum")[0].text = "2024-04-02"


def _dubbel_referentienummer(root):  # TR101
    eerste, tweede = _alle(root, PRESTATIE + "/m:ProductReferentie/b:ReferentieNummer")[:2]
    tweede.text = eerste.text


def _voor_2021(root):  # CS100 (and TR335: more than 5 years before the dagtekening)
    periode = _alle(root, PRESTATIE + "[5]/m:ProductPeriode")[0]
    _alle(periode, "b:Begindatum")[0].text = "2018-03-01"
    _alle(periode, "b:Einddatum")[0].text = "2018-03-07"


def _na_dagtekening(root):  # TR134 and TR319
    periode = _alle(root, PRESTATIE + "[2]/m:ProductPeriode")[0]
    _alle(periode, "b:Begindatum")[0].text = "2024-05-01"
    _alle(periode, "b:Einddatum")[0].text = "2024-05-07"


def _jaar_na_9999(root):  # TR134, TR137, TR319: text prechecks must not compare "12024" < "2024"
    periode = _alle(root, PRESTATIE + "[2]/m:ProductPeriode")[0]
    _alle(periode, "b:Begindatum")[0].text = "12024-03-01"
    _alle(periode, "b:Einddatum")[0].text = "12024-03-07"


def _jaar_voor_1(root):  # TR137 and TR335: a year before 1 ends before every Begindatum
    _alle(root, PRESTATIE + "[5]/m:ProductPeriode/b:Einddatum")[0].text = "-2018-03-07"


def _creditering(root):  # CD060, TR315, TR316: credits in the same message
    for positie, vorig in ((1, "X1"), (2, "X1"), (3, None)):
        prestatie = _alle(root, f"{PRESTATIE}[{positie}]")[0]
        referentie = _alle(prestatie, "m:ProductReferentie")[0]
        if vorig is None:
            vorig = _alle(root, PRESTATIE + "[6]/m:ProductReferentie/b:ReferentieNummer")[0].text
        etree.SubElement(referentie, f"{{{B}}}VorigReferentieNummer").text = vorig
        _alle(prestatie, "m:IngediendBedrag/b:DebetCredit")[0].text = "C"
    prestatie = _alle(root, f"{PRESTATIE}[8]")[0]  # CD060 the other way: debet with a vorig
    etree.SubElement(
        _alle(prestatie, "m:ProductReferentie")[0], f"{{{B}}}VorigReferentieNummer"
    ).text = "X9"
    _totaal_bijwerken(root)


def _tarief_en_euros(root):  # CD087, CS339, CS325
    _alle(root, PRESTATIE + "[1]/m:ProductTarief")[0].getparent().remove(
        _alle(root, PRESTATIE + "[1]/m:ProductTarief")[0]
    )
    _alle(root, PRESTATIE + "[2]/m:Eenheid")[0].text = "83"
    prestatie = _alle(root, PRESTATIE + "[3]")[0]
    _alle(prestatie, "m:IngediendBedrag/b:Bedrag")[0].text = "0"
    _alle(prestatie, "m:IngediendBedrag/b:DebetCredit")[0].text = "C"
    _totaal_bijwerken(root)


INJECTIES_323 = [
    (_dubbele_productperiode, {"TR416"}),
    (_einde_voor_begin, {"TR137"}),
    (_over_de_maand, {"CS337", "TR319"}),
    (_dubbel_referentienummer, {"TR101"}),
    (_voor_2021, {"CS100", "TR335"}),
    (_na_dagtekening, {"TR134", "TR319"}),
    (_jaar_na_9999, {"TR134", "TR137", "TR319"}),
    (_jaar_voor_1, {"TR137", "TR335"}),
    (_creditering, {"CD060", "TR315", "TR316"}),
    (_tarief_en_euros, {"CD087", "CS339", "CS325"}),
]


@pytest.fixture(scope="module")
def groot323() -> dict[str, etree._Element]:
    # 400 prestaties: above KLEIN_MAX_ELEMENTEN scope elements, so "groot" is the default.
    return {
        "realistisch": _boom(wmo323_realistisch_bericht(400)),
        "uniform": _boom(wmo323_bericht(400, maand=date(2024, 3, 1))),
    }


@pytest.mark.parametrize("soort", ["realistisch", "uniform"])
def test_grote_323_zonder_fouten(groot323, soort):
    assert assert_overal_gelijk(_bytes(groot323[soort])) == []


@pytest.mark.parametrize("soort", ["realistisch", "uniform"])
@pytest.mark.parametrize(
    ("injectie", "codes"), INJECTIES_323, ids=lambda x: getattr(x, "__name__", "")
)
def test_grote_323_met_overtreding(groot323, soort, injectie, codes):
    root = copy.deepcopy(groot323[soort])
    injectie(root)
    gevonden = {f[0] for f in assert_overal_gelijk(_bytes(root))}
    assert codes <= gevonden, gevonden


def test_grote_301_met_overlap_en_dubbele_toewijzing():
    """A 301 with 95 products (groot): a product repeated with an overlapping period
    (TR302), a repeated ToewijzingNummer (TR101) and a period ending too early (CS003)."""
    root = _boom(wmo301_bericht(7, producten=95))
    assert assert_overal_gelijk(_bytes(root)) == []
    producten = _alle(root, "//m:ToegewezenProduct")
    kopie = copy.deepcopy(producten[10])
    _alle(kopie, "m:ToewijzingNummer")[0].text = "99999"
    producten[40].addnext(kopie)
    _alle(producten[20], "m:ToewijzingNummer")[0].text = _alle(producten[21], "m:ToewijzingNummer")[
        0
    ].text
    _alle(producten[30], "m:Einddatum")[0].text = "2024-01-01"
    gevonden = {f[0] for f in assert_overal_gelijk(_bytes(root))}
    assert {"TR302", "TR101", "CS003"} <= gevonden, gevonden
