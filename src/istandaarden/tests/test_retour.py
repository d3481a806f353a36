"""Retour messages per IV028, valid against the six retour XSDs of iWmo and of iJw."""

from __future__ import annotations

from datetime import date
from functools import cache

import pytest
from lxml import etree

from istandaarden import VALIDATOR_VERSIE, codec, retourcodes, samples
from istandaarden.berichten import Bericht, bericht
from istandaarden.fout import Fout
from istandaarden.retour import GeenRetour, berichtklassen, bouw_retour, maak_retour

HEEN = [f"WMO{n}" for n in (301, 305, 307, 315, 317, 319)]
HEEN += [f"JW{n}" for n in (301, 305, 307, 315, 317, 319)]
XS = {"xs": "http://www.w3.org/2001/XMLSchema"}
DAG = date(2025, 1, 31)


@cache
def schema(soort: Bericht) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(soort.xsd)))


def geldig(data: bytes) -> Bericht:
    """Assert ``data`` validates against its own XSD; return its message type."""
    tree = etree.ElementTree(etree.fromstring(data))
    soort = codec.soort_van_tree(tree)
    assert schema(soort).validate(tree), schema(soort).error_log
    return soort


def heen(naam: str) -> bytes:
    """The official example; JW315 with its impossible date fixed (it is XSD-invalid)."""
    return samples.lees(naam).replace(b"2027-06-31", b"2027-06-30")


def retour(naam: str, fouten: list[Fout], **extra: object) -> bytes:
    return maak_retour(
        heen(naam), fouten, identificatie_retour="RET0001", dagtekening_retour=DAG, **extra
    )


def codes(klasse: object) -> list[str]:
    return [c.value for c in klasse.retour_codes.retour_code]


def kruis(xpath: str, retourcode: str, code: str = "TR063") -> Fout:
    return Fout(code, retourcode, xpath, None, "berichtoverstijgende fout")


@pytest.mark.parametrize("naam", HEEN)
def test_without_errors_the_retour_is_the_header_only(naam: str) -> None:
    heenbericht = codec.parse(heen(naam))
    data = retour(naam, [])
    soort = geldig(data)
    assert soort is codec.soort_van(heenbericht).retour
    message = codec.parse(data)
    header = message.header
    assert header.bericht_code == soort.berichtcode
    for veld in ("bericht_versie", "bericht_subversie", "afzender", "ontvanger"):
        assert getattr(header, veld) == getattr(heenbericht.header, veld)
    assert header.bericht_identificatie == heenbericht.header.bericht_identificatie
    assert header.xsd_versie == heenbericht.header.xsd_versie
    assert (header.identificatie_retour, header.dagtekening_retour) == ("RET0001", "2025-01-31")
    versie = header.xsd_versie_retour
    assert (versie.basisschema_xsd_versie, versie.bericht_xsd_versie) == ("1.0.0", "1.0.0")
    assert header.xslt_versie is None
    assert header.retour_codes is None
    body = [f.name for f in message.__dataclass_fields__.values() if f.name != "header"]
    assert all(getattr(message, name) is None for name in body)


@pytest.mark.parametrize("naam", HEEN)
def test_a_single_message_rule_gives_the_header_with_0001_and_our_version(naam: str) -> None:
    fout = Fout("TR380", "0001", "/Bericht[1]/Client[1]", 12, "regel")
    message = codec.parse(retour(naam, [fout, kruis("/Bericht[1]/Client[1]", "9063")]))
    geldig(codec.serialize(message))
    assert codes(message.header) == ["0001"]
    assert message.header.xslt_versie == VALIDATOR_VERSIE
    assert getattr(message, "client", None) is None


@pytest.mark.parametrize("naam", HEEN)
def test_cross_message_error_copies_every_class_with_its_retourcode(naam: str) -> None:
    klassen = berichtklassen(heen(naam))
    laatste = klassen[-1]
    data = retour(naam, [kruis(f"{laatste}/Iets[1]", "9074"), kruis(laatste, "9019")])
    geldig(data)
    message = codec.parse(data)
    assert codes(message.header) == ["0200"]
    gekopieerd = berichtklassen_van_retour(message)
    assert list(gekopieerd) == klassen
    assert {x: codes(k) for x, k in gekopieerd.items()} == {
        x: (["9074", "9019"] if x == laatste else ["0200"]) for x in klassen
    }


def berichtklassen_van_retour(message: object) -> dict[str, object]:
    """XPath → instance for every class in a retour that carries RetourCodes."""
    found: dict[str, object] = {}

    def walk(obj: object, xpath: str) -> None:
        if xpath != "/Bericht[1]/Header[1]" and getattr(obj, "retour_codes", None) is not None:
            found[xpath] = obj
        for f in obj.__dataclass_fields__.values():
            value = getattr(obj, f.name)
            items = value if isinstance(value, list) else [value]
            for i, item in enumerate(items, 1):
                if hasattr(item, "__dataclass_fields__") and type(item).__name__[:3] != "Cdt":
                    walk(item, f"{xpath}/{f.metadata['name']}[{i}]")

    walk(message, "/Bericht[1]")
    return found


def test_iv028_example_start_product_rejected_on_tr063() -> None:
    data = retour(
        "WMO305",
        [kruis("/Bericht[1]/Client[1]/StartProducten[1]/StartProduct[2]", "9063")],
    )
    message = codec.parse(data)
    producten = message.client.start_producten.start_product
    assert codes(message.header) == ["0200"]
    assert codes(message.client) == ["0200"]
    assert [codes(p) for p in producten] == [["0200"], ["9063"]]
    heenbericht = codec.parse(samples.lees("WMO305"))
    assert [p.begindatum for p in producten] == [
        p.begindatum for p in heenbericht.client.start_producten.start_product
    ]
    assert message.client.naam == heenbericht.client.naam


def test_classes_not_assessed_get_0233() -> None:
    eerste = "/Bericht[1]/Client[1]/StartProducten[1]/StartProduct[1]"
    tweede = "/Bericht[1]/Client[1]/StartProducten[1]/StartProduct[2]"
    message = bouw_retour(
        samples.lees("JW305"),
        [kruis(eerste, "9071", "TR071")],
        identificatie_retour="R",
        dagtekening_retour="2025-02-01",
        niet_beoordeeld=[tweede],
    )
    geldig(codec.serialize(message))
    assert [codes(p) for p in message.client.start_producten.start_product] == [
        ["9071"],
        ["0233"],
    ]


def test_a_header_error_gives_the_header_only_with_that_retourcode() -> None:
    fouten = [
        kruis("/Bericht[1]/Header[1]/BerichtIdentificatie[1]/Identificatie[1]", "9056", "TR056"),
        kruis("/Bericht[1]/Client[1]", "9063"),
    ]
    message = codec.parse(retour("WMO307", fouten))
    assert codes(message.header) == ["9056"]
    assert message.client is None
    assert codes(codec.parse(retour("WMO307", [kruis(None, "8848", "TR135")])).header) == ["8848"]


def test_berichtklassen_lists_xpaths_in_document_order() -> None:
    assert berichtklassen(samples.lees("WMO317")) == [
        "/Bericht[1]/Client[1]",
        "/Bericht[1]/Client[1]/Verzoek[1]",
        "/Bericht[1]/Client[1]/Verzoek[1]/OngewijzigdeProducten[1]/OngewijzigdProduct[1]",
        "/Bericht[1]/Client[1]/Verzoek[1]/TeWijzigenProducten[1]/TeWijzigenProduct[1]",
        "/Bericht[1]/Client[1]/Verzoek[1]/NieuweProducten[1]/NieuwProduct[1]",
    ]
    assert berichtklassen(samples.lees("JW319")) == [
        "/Bericht[1]/Antwoord[1]",
        "/Bericht[1]/Antwoord[1]/Woonplaatsbeginsel[1]",
    ]


def test_xsd_invalid_or_unreadable_gives_no_retour() -> None:
    for fout in (Fout("XSD", None, "/Bericht[1]", 44, "x"), Fout("PARSE", None, None, 1, "x")):
        with pytest.raises(GeenRetour, match="controleniveau 1"):
            retour("JW315", [fout])


@pytest.mark.parametrize("naam", ["WMO323", "JW325", "WMO302", "JW320"])
def test_messages_without_retour_are_refused(naam: str) -> None:
    with pytest.raises(GeenRetour, match=r"volgt geen retourbericht\.$"):
        retour(naam, [])


def test_a_binding_instance_works_as_heenbericht_and_dates_may_be_strings() -> None:
    heen = codec.parse(samples.lees("JW301"))
    data = maak_retour(heen, [], identificatie_retour="X1", dagtekening_retour="2024-12-01")
    assert geldig(data) is bericht("ijw", 302)
    assert b"<jw302:DagtekeningRetour>2024-12-01</jw302:DagtekeningRetour>" in data


def test_an_unknown_retourcode_is_refused() -> None:
    with pytest.raises(ValueError):
        retour("WMO301", [kruis("/Bericht[1]/Client[1]", "1234")])


def test_retourcodes_equal_the_xsd_enumeration_for_both_standards() -> None:
    for standaard in ("iwmo", "ijw"):
        basis = bericht(standaard, 301).xsd.with_name("basisschema.xsd")
        xsd = etree.parse(str(basis))
        enum = xsd.find(".//xs:simpleType[@name='LDT_RetourCode']", XS)
        assert {e.get("value") for e in enum.iterfind(".//xs:enumeration", XS)} == set(
            retourcodes.alle()
        )
    assert len(retourcodes.alle()) == 59


def test_retourcode_explanations() -> None:
    assert retourcodes.omschrijving("0001") == "Bericht is afgekeurd om technische redenen."
    assert retourcodes.omschrijving("0233") == "Berichtklasse is niet beoordeeld."
    code = retourcodes.retourcode("9355")  # only in the basisschema, not in WJ001's Markdown
    assert code.regel == "TR355"
    assert code.omschrijving.startswith("ReferentieAanbieder in het antwoordbericht komt niet")
    assert retourcodes.retourcode("9056").iwmo[0] == "WMO301"
    assert retourcodes.retourcode("S300").ijw == (
        "JW301",
        "JW305",
        "JW307",
        "JW315",
        "JW317",
        "JW319",
        "JW323",
        "JW325",
    )
    assert retourcodes.omschrijving("9999") == "Onbekende retourcode 9999."
    assert all(c.omschrijving for c in retourcodes.alle().values())


def test_overtredingen_with_an_lxml_element_are_placed_by_position() -> None:
    from istandaarden.regels.crossmessage import Overtreding

    tree = etree.fromstring(samples.lees("WMO307"))
    ns = {"m": bericht("iwmo", 307).namespace}
    stop = tree.findall(".//m:StopProduct", ns)[-1]
    fouten = [Overtreding("TR069", "9069", stop, "geen actueel startbericht")]
    message = bouw_retour(
        samples.lees("WMO307"), fouten, identificatie_retour="R", dagtekening_retour=DAG
    )
    producten = message.client.stop_producten.stop_product
    assert [codes(p) for p in producten] == [["0200"]] * (len(producten) - 1) + [["9069"]]
    header_fout = [Overtreding("TR056", "9056", None, "dubbel")]
    assert codes(
        bouw_retour(
            heen("WMO307"), header_fout, identificatie_retour="R", dagtekening_retour=DAG
        ).header
    ) == ["9056"]
