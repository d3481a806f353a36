"""validate() on the official examples, the level order, and the rule/scope bookkeeping."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from istandaarden.codec import serialize
from istandaarden.fout import MAX_FOUTEN
from istandaarden.regels import REGELS
from istandaarden.regels.scope import berichtmodel, scope_tabel, xpath_voor
from istandaarden.samples.genereer import wmo323_bericht
from istandaarden.validation import berichttype, element_pad, validate

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "v3_2"

NUMMERS = ("301", "302", "305", "306", "307", "308", "315", "316", "317", "318", "319", "320")
NUMMERS += ("323", "325")
VOORBEELDEN = [f"WMO{n}" for n in NUMMERS] + [f"JW{n}" for n in NUMMERS]
AFWIJKEND = {"WMO317", "JW317", "JW323", "JW315", "JW318"}
BASIS = "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema"


def _codes_en_paden(fouten):
    return [(fout.code, fout.xpath) for fout in fouten]


@pytest.mark.parametrize("naam", sorted(set(VOORBEELDEN) - AFWIJKEND))
def test_de_andere_23_voorbeelden_zijn_geldig(sample_bytes, naam):
    assert validate(sample_bytes(naam)) == []


def test_er_zijn_28_voorbeelden():
    assert len(list(SAMPLES.glob("*/*.xml"))) == 28 == len(VOORBEELDEN)


def test_wmo317_breekt_alleen_tr380(sample_bytes):
    assert _codes_en_paden(validate(sample_bytes("WMO317"))) == [
        (
            "TR380",
            "/Bericht[1]/Client[1]/Verzoek[1]/NieuweProducten[1]/NieuwProduct[1]"
            "/GewensteIngangsdatum[1]",
        )
    ]


def test_jw317_breekt_cs003(sample_bytes):
    [fout] = validate(sample_bytes("JW317"))
    assert (fout.code, fout.retourcode) == ("CS003", "0001")
    assert fout.xpath == (
        "/Bericht[1]/Client[1]/Verzoek[1]/NieuweProducten[1]/NieuwProduct[1]/Einddatum[1]"
    )
    assert fout.line == 35


def test_jw323_breekt_tr101(sample_bytes):
    [fout] = validate(sample_bytes("JW323"))
    assert (fout.code, fout.retourcode, fout.line) == ("TR101", "0001", 114)
    assert (
        fout.xpath == "/Bericht[1]/Declaratie[1]/Clienten[1]/Client[2]/Prestaties[1]/Prestatie[3]"
    )
    assert "RN004" in fout.message


def test_jw315_is_xsd_ongeldig_door_onmogelijke_datum(sample_bytes):
    fouten = validate(sample_bytes("JW315"))
    assert [(fout.code, fout.retourcode, fout.line) for fout in fouten] == [
        ("XSD", None, 44),
        ("XSD", None, 66),
    ]
    assert fouten[0].xpath == (
        "/Bericht[1]/Client[1]/AangevraagdeProducten[1]/AangevraagdProduct[1]"
        "/ToewijzingEinddatum[1]"
    )
    assert "2027-06-31" in fouten[0].message
    assert fouten[0].message.startswith("Het bericht voldoet niet aan het XSD: ")


def test_jw318_is_xsd_ongeldig_door_retourcode_buiten_retourcodes(sample_bytes):
    [fout] = validate(sample_bytes("JW318"))
    assert (fout.code, fout.retourcode, fout.line) == ("XSD", None, 33)
    assert fout.xpath == "/Bericht[1]/Client[1]/Verzoek[1]/RetourCode[1]"


def test_xsd_fout_stopt_de_regelcontrole(bericht):
    # WMO317 breaks TR380; an XSD error as well must hide that rule finding.
    b = bericht("WMO317")
    b.zet("//m:NieuwProduct/m:Einddatum", "2023-02-30")
    assert [fout.code for fout in validate(b.bytes())] == ["XSD"]


def test_parsefout_stopt_de_xsd_controle(sample_bytes):
    data = sample_bytes("WMO301").replace(b"<wmo301:Header>", b"<!-- x --><wmo301:Header", 1)
    assert [fout.code for fout in validate(data)] == ["PARSE"]


def test_max_bytes_wordt_doorgegeven(sample_bytes):
    [fout] = validate(sample_bytes("WMO301"), max_bytes=10)
    assert fout.code == "PARSE"
    assert "te groot" in fout.message


def test_element_pad_is_positioneel_zonder_prefixen(bericht):
    b = bericht("WMO301")
    relatie = b.een("//m:Relatie[2]/m:Naam/b:Geslachtsnaam/b:Achternaam")
    assert element_pad(relatie) == (
        "/Bericht[1]/Client[1]/Relaties[1]/Relatie[2]/Naam[1]/Geslachtsnaam[1]/Achternaam[1]"
    )


def test_elke_regel_uit_de_scope_is_geregistreerd():
    assert {rij.code for rij in scope_tabel()} <= set(REGELS)


def test_elke_geregistreerde_regel_heeft_een_scope():
    assert set(REGELS) <= {rij.code for rij in scope_tabel()}


def test_alleen_beschikking_patronen_selecteren_niets():
    """A pattern that selects nothing in its own message is a silent no-op. Only the 301
    Beschikking rows are: regel-scope.md lists them, but 3.2's 301 XSD has no Beschikking."""
    leeg = {
        (rij.standaard, rij.code, rij.bericht, rij.patroon)
        for rij in scope_tabel()
        if rij.bericht
        and xpath_voor(berichtmodel(rij.standaard, rij.bericht), [rij.patroon]) is None
    }
    assert leeg == {
        (standaard, code, f"{prefix}301", patroon)
        for standaard, prefix in (("iwmo", "WMO"), ("ijw", "JW"))
        for code, patroon in (
            ("CS003", "Beschikking/Einddatum"),
            ("TR134", "Beschikking/Afgiftedatum"),
        )
    }


def test_scope_gebruikt_geen_local_name():
    for naam in VOORBEELDEN:
        standaard = "iwmo" if naam.startswith("WMO") else "ijw"
        for xpath, _ in berichttype(standaard, naam).controles:
            assert "local-name" not in xpath.path
            assert xpath.path.startswith("/m:Bericht/")


def test_regel_krijgt_alleen_zijn_scope(bericht, monkeypatch):
    """TR380 is checked on NieuwProduct/GewensteIngangsdatum, not on TeWijzigenProduct's."""
    b = bericht("WMO317")
    b.zet("//m:NieuwProduct/m:GewensteIngangsdatum", "2030-01-01")
    b.zet("//m:NieuwProduct/m:Einddatum", "2030-12-31")
    dagtekening = b.een("//m:BerichtIdentificatie/b:Dagtekening").text
    b.zet("//m:TeWijzigenProduct/m:GewensteIngangsdatum", dagtekening)
    assert validate(b.bytes()) == []


def test_regels_doc_is_actueel():
    """docs/regels.md lists every rule (regenerate: python -m istandaarden.regels.tabel)."""
    from istandaarden.regels.tabel import markdown

    doc = (Path(__file__).resolve().parents[3] / "docs" / "regels.md").read_text(encoding="utf-8")
    assert markdown() in doc
    for code in REGELS:
        assert f"\n| {code} | " in doc


def test_berichtoverstijgende_regel_registreren_en_controleren(bericht, monkeypatch):
    from istandaarden.regels import crossmessage as cm

    # An empty register: the Django apps register their own rules when they are loaded.
    monkeypatch.setattr(cm, "REGISTER", {})

    class Tr056:
        code, retourcode, niveau, berichten = "TR056", "9056", cm.Niveau.HEADER, frozenset({"301"})

        def check(self, ontvangen, store):
            if ontvangen.identificatie in store:
                yield cm.Overtreding(
                    self.code, self.retourcode, None, "Identificatie is al gebruikt."
                )

    b = bericht("WMO301")
    ontvangen = cm.OntvangenBericht(
        "iwmo", "WMO301", b.root, b.ns, "0384", "65656055", "123", date(2023, 4, 2)
    )
    regel = cm.registreer(Tr056())
    try:
        assert cm.regels_voor("WMO301") == [regel] and cm.regels_voor("WMO305") == []
        assert [o.code for o in cm.controleer(ontvangen, store={"123"})] == ["TR056"]
        assert cm.controleer(ontvangen, store=set()) == []
        with pytest.raises(ValueError):
            cm.registreer(Tr056())
        with pytest.raises(TypeError):
            cm.registreer(object())  # type: ignore[arg-type]
    finally:
        cm.REGISTER.pop("TR056")


def test_berichtoverstijgende_lijst_is_volledig():
    from istandaarden.regels.crossmessage import BERICHTOVERSTIJGENDE_REGELS

    codes = [b.code for b in BERICHTOVERSTIJGENDE_REGELS]
    assert len(codes) == len(set(codes)) == 54
    assert {"TR056", "TR063", "TR319", "TR418"} <= set(codes)
    assert all(b.berichten for b in BERICHTOVERSTIJGENDE_REGELS)


# The child maps of the rules (``Context.kaart``: the first child per tag) and the rules that
# read "a preceding/following sibling" from them rely on these XSD facts.
VOOR_NA = [
    ("Postcode", "LandCode"),  # CD005, CS089
    ("Huis", "LandCode"),  # CD025
    ("Partnernaam", "NaamGebruik"),  # CS050
    ("Omvang", "Budget"),  # CD077, CD078
    ("Eenheid", "Frequentie"),  # CS338, CS343
]


def test_kinderen_hoogstens_een_keer_buiten_containers_en_geen_keuze():
    from lxml import etree

    from istandaarden.regels.scope import SCHEMA_DIR, XS

    for pad in sorted(SCHEMA_DIR.glob("*/*.xsd")):
        wortel = etree.parse(str(pad)).getroot()
        assert not list(wortel.iter(f"{XS}choice", f"{XS}any", f"{XS}all")), pad.name
        for type_ in wortel.iterchildren(f"{XS}complexType"):
            elementen = list(type_.iter(f"{XS}element"))
            herhaald = [e for e in elementen if e.get("maxOccurs", "1") != "1"]
            assert not herhaald or len(elementen) == 1, (pad.name, type_.get("name"))


@pytest.mark.parametrize("naam", VOORBEELDEN)
def test_volgorde_van_kinderen_waar_regels_op_rekenen(naam):
    from istandaarden.regels.cs import BEGIN_BIJ_EINDE

    standaard = "iwmo" if naam.startswith("WMO") else "ijw"
    model = berichtmodel(standaard, naam)
    for kinderen in model.kinderen.values():
        volgorde = list(kinderen)
        for voor, na in VOOR_NA:
            if voor in kinderen and na in kinderen:
                assert volgorde.index(voor) < volgorde.index(na), (voor, na)
        assert not ("Einddatum" in kinderen and "ToewijzingEinddatum" in kinderen)
        for einde, beginnen in BEGIN_BIJ_EINDE.items():
            if einde in kinderen:
                aanwezig = [b for b in beginnen if b in kinderen]
                assert len(aanwezig) <= 1, aanwezig
                assert all(volgorde.index(b) < volgorde.index(einde) for b in aanwezig)


# ---------------------------------------------------------------- at most MAX_FOUTEN findings


def met_vreemde_attributen(data: bytes, aantal: int) -> bytes:
    """``aantal`` attributes the XSD does not allow on Bsn: one XSD error each."""
    attributen = b" ".join(b'a%d="x"' % i for i in range(aantal))
    return data.replace(b"<wmo301:Bsn>", b"<wmo301:Bsn " + attributen + b">", 1)


def test_xsd_fouten_de_eerste_100_en_het_totaal(sample_bytes):
    data = met_vreemde_attributen(sample_bytes("WMO301"), 250)

    fouten = validate(data)

    alle = validate(data, max_fouten=None)
    assert MAX_FOUTEN == 100
    assert (len(fouten), fouten.totaal, len(alle), alle.totaal) == (100, 250, 250, 250)
    assert fouten == alle[:100]
    assert "attribute 'a99'" in fouten[-1].message
    # The cached schema does not keep the 250 log entries alive until the next message.
    assert len(berichttype("iwmo", "WMO301").schema.error_log) == 0


def test_regelfouten_de_eerste_in_rapportvolgorde_en_het_totaal():
    """600 prestaties before 2021: CS100 and TR335 each, 1,200 findings; the kept ones are
    those one sort of all of them puts first (also past the collector's batch of 1,000)."""
    root = etree.fromstring(serialize(wmo323_bericht(600)))
    for datum in root.iter(f"{{{BASIS}}}Begindatum", f"{{{BASIS}}}Einddatum"):
        if etree.QName(datum.getparent()).localname == "ProductPeriode":
            datum.text = "2018-03-01" if datum.tag.endswith("Begindatum") else "2018-03-07"
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")

    alle = validate(data, max_fouten=None)

    assert len(alle) == 1_200 and {f.code for f in alle} == {"CS100", "TR335"}
    for maximum in (7, 100):
        fouten = validate(data, max_fouten=maximum)
        assert fouten == alle[:maximum] and fouten.totaal == 1_200


def test_geldig_bericht_geeft_een_lege_lijst_met_totaal_0(sample_bytes):
    fouten = validate(sample_bytes("WMO301"), max_fouten=1)
    assert (fouten, fouten.totaal) == ([], 0)
