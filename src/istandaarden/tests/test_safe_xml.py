"""Safe parsing: every refused input gets its own precise Dutch error."""

from __future__ import annotations

import pytest
from lxml import etree

from istandaarden.fout import ParseFout
from istandaarden.safe_xml import DEFAULT_MAX_BYTES, parse_bytes
from istandaarden.validation import validate

NS = 'xmlns="http://www.istandaarden.nl/iwmo/3_2/wmo301/schema"'


def _fout(data: bytes, **kwargs) -> ParseFout:
    with pytest.raises(ParseFout) as info:
        parse_bytes(data, **kwargs)
    assert info.value.fout.code == "PARSE"
    assert info.value.fout.retourcode is None
    assert str(info.value) == info.value.fout.message
    return info.value


def test_geldig_voorbeeld_wordt_geparsed(sample_bytes):
    tree = parse_bytes(sample_bytes("WMO301"))
    assert etree.QName(tree.getroot()).localname == "Bericht"


def test_xxe_wordt_geweigerd():
    data = (
        b'<?xml version="1.0"?>\n<!DOCTYPE Bericht [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        b"<Bericht " + NS.encode() + b">&xxe;</Bericht>"
    )
    fout = _fout(data)
    assert fout.fout.message == (
        "Een DOCTYPE-declaratie is niet toegestaan: het declareert een externe entiteit (XXE)."
    )
    assert fout.fout.line == 2


def test_billion_laughs_wordt_geweigerd():
    entiteiten = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    data = f'<!DOCTYPE Bericht [<!ENTITY lol0 "lol">{entiteiten}]><Bericht>&lol9;</Bericht>'
    assert _fout(data.encode()).fout.message == (
        "Een DOCTYPE-declaratie is niet toegestaan: het declareert entiteiten "
        "(entiteitexpansie, 'billion laughs')."
    )


def test_externe_dtd_wordt_geweigerd():
    data = b'<!DOCTYPE Bericht SYSTEM "http://example.org/bericht.dtd"><Bericht/>'
    assert _fout(data).fout.message == (
        "Een DOCTYPE-declaratie is niet toegestaan: het verwijst naar een externe DTD."
    )


def test_doctype_na_commentaar_wordt_ook_gevonden():
    data = b"<?xml version='1.0'?><!-- x --><!DOCTYPE Bericht><Bericht/>"
    assert _fout(data).fout.message == (
        "Een DOCTYPE-declaratie is niet toegestaan: DTD's worden niet gebruikt in iWmo/iJw."
    )


def test_te_groot_bestand_wordt_geweigerd(sample_bytes):
    data = sample_bytes("WMO301")
    assert _fout(data, max_bytes=100).fout.message == (
        f"Het bestand is te groot: {len(data)} bytes, de grens is 100 bytes."
    )


def test_standaardgrens_is_25_mb():
    assert DEFAULT_MAX_BYTES == 25 * 1024 * 1024
    data = b"<a>" + b" " * DEFAULT_MAX_BYTES + b"</a>"
    assert "te groot" in _fout(data).fout.message


def test_afgebroken_xml_wordt_geweigerd(sample_bytes):
    data = sample_bytes("WMO301")
    fout = _fout(data[: len(data) // 2])
    assert fout.fout.message.startswith("Het XML-document is onvolledig (afgebroken na regel ")


@pytest.mark.parametrize("lengte", [40, 200, 1000, 3000])
def test_afgebroken_op_elke_plek_heet_onvolledig(sample_bytes, lengte):
    fout = _fout(sample_bytes("WMO323")[:lengte])
    assert "onvolledig" in fout.fout.message


def test_onbekende_namespace_wordt_geweigerd():
    data = b'<Bericht xmlns="http://www.istandaarden.nl/iwmo/3_1/wmo301/schema"/>'
    assert _fout(data).fout.message == (
        "Onbekende namespace 'http://www.istandaarden.nl/iwmo/3_1/wmo301/schema': dit is geen "
        "iWmo- of iJw-3.2-bericht."
    )


def test_geen_namespace_wordt_geweigerd():
    assert "Onbekende namespace ''" in _fout(b"<Bericht/>").fout.message


def test_verkeerd_hoofdelement_wordt_geweigerd():
    data = f"<Header {NS}/>".encode()
    assert _fout(data).fout.message == (
        "Het hoofdelement is 'Header'; een iWmo/iJw-bericht begint met 'Bericht'."
    )


def test_andere_gedeclareerde_codering_wordt_geweigerd():
    data = f'<?xml version="1.0" encoding="ISO-8859-1"?><Bericht {NS}>caf\xe9</Bericht>'
    assert _fout(data.encode("latin-1")).fout.message == (
        "De XML-declaratie noemt codering 'ISO-8859-1'; alleen UTF-8 is toegestaan."
    )


def test_utf16_wordt_geweigerd():
    data = f'<?xml version="1.0" encoding="UTF-16"?><Bericht {NS}/>'.encode("utf-16")
    assert _fout(data).fout.message == (
        "Het bestand is in UTF-16 gecodeerd (byte order mark); alleen UTF-8 is toegestaan."
    )


def test_utf16_zonder_bom_wordt_geweigerd():
    data = f"<Bericht {NS}/>".encode("utf-16-le")
    assert _fout(data).fout.message == (
        "Het bestand is niet in UTF-8 gecodeerd (UTF-16 of UTF-32 zonder byte order mark)."
    )


def test_ongeldige_utf8_wordt_geweigerd(sample_bytes):
    data = sample_bytes("WMO301").replace(b"Tim", b"T\xe9m", 1)
    fout = _fout(data)
    assert fout.fout.message.startswith("Het bestand bevat bytes die geen geldige UTF-8 zijn")


def test_utf8_met_bom_is_toegestaan(sample_bytes):
    assert parse_bytes(b"\xef\xbb\xbf" + sample_bytes("WMO301")) is not None


def test_geen_xml_wordt_geweigerd():
    assert _fout(b"%PDF-1.7\n...").fout.message == (
        "Het bestand is geen XML: het begint niet met een XML-element."
    )


def test_niet_welgevormde_xml_wordt_geweigerd():
    data = f"<Bericht {NS}><Header></Headr></Bericht>".encode()
    assert _fout(data).fout.message == (
        "Het bestand is geen welgevormde XML (regel 1): Opening and ending tag mismatch: "
        "Header line 1 and Headr."
    )


@pytest.mark.parametrize("data", [b"", b"  \n\t "], ids=["leeg", "witruimte"])
def test_leeg_bestand_wordt_geweigerd(data):
    assert _fout(data).fout.message == "Het bestand is leeg."


def test_xinclude_wordt_niet_uitgevoerd(sample_bytes):
    data = sample_bytes("WMO301").replace(
        b"<wmo301:Client>",
        b'<wmo301:Client><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
        b'href="file:///etc/passwd" parse="text"/>',
        1,
    )
    tree = parse_bytes(data)
    assert b"root:" not in etree.tostring(tree)
    assert [fout.code for fout in validate(data)] == ["XSD"]


def test_validate_geeft_parsefout_als_lijst():
    [fout] = validate(b"")
    assert (fout.code, fout.retourcode, fout.xpath, fout.line) == ("PARSE", None, None, None)
