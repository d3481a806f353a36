"""parse/serialize: the safe parser, the right binding, round trips of the official examples."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from istandaarden import codec, safe_xml, samples
from istandaarden.berichten import bericht
from istandaarden.bindings.v3_2.ijw import jw315
from istandaarden.bindings.v3_2.iwmo import wmo301, wmo323
from istandaarden.fout import ParseFout
from istandaarden.iwmo import parse as iwmo_parse

PARSEABLE = [p for p in samples.paden() if p.stem != "JW318"]


def canoniek(data: bytes) -> bytes:
    """C14N 2.0 without indentation-only text and with neutral prefixes."""
    root = etree.fromstring(data, etree.XMLParser(remove_blank_text=True))
    return etree.canonicalize(root, rewrite_prefixes=True).encode()


@pytest.mark.parametrize("path", PARSEABLE, ids=lambda p: p.stem)
def test_every_example_round_trips_to_the_same_canonical_xml(path: Path) -> None:
    original = path.read_bytes()
    assert canoniek(codec.serialize(codec.parse(original))) == canoniek(original)


@pytest.mark.parametrize("path", PARSEABLE, ids=lambda p: p.stem)
def test_parse_picks_the_binding_from_namespace_and_root(path: Path) -> None:
    standaard = path.parent.name
    soort = bericht(standaard, int(path.stem.removeprefix("WMO").removeprefix("JW")))
    message = codec.parse(path.read_bytes())
    assert type(message) is soort.binding
    assert codec.soort_van(message) is soort


def test_parse_keeps_the_impossible_date_of_jw315() -> None:
    # Parsing is not validating: the binding keeps dates as text, validate() rejects it.
    message = codec.parse(samples.lees("JW315"))
    assert isinstance(message, jw315.Bericht)
    product = message.client.aangevraagde_producten.aangevraagd_product[1]
    assert product.toewijzing_einddatum == "2027-06-31"


def test_jw318_does_not_fit_its_binding() -> None:
    with pytest.raises(ParseFout) as raised:
        codec.parse(samples.lees("JW318"))
    assert raised.value.fout.code == "PARSE"
    assert raised.value.fout.retourcode is None
    assert str(raised.value).startswith("Het bericht past niet in JW318: Unknown property")


def test_parse_goes_through_the_safe_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = safe_xml.parse_bytes

    def spy(data: bytes, *, max_bytes: int | None = None) -> etree._ElementTree:
        calls.append((len(data), max_bytes))
        return real(data, max_bytes=max_bytes)

    monkeypatch.setattr(safe_xml, "parse_bytes", spy)
    data = samples.lees("WMO301")
    codec.parse(data, max_bytes=10**6)
    assert calls == [(len(data), 10**6)]


def test_parse_refuses_a_doctype() -> None:
    data = samples.lees("WMO301").replace(
        b"?>", b'?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>', 1
    )
    with pytest.raises(ParseFout) as raised:
        codec.parse(data)
    assert raised.value.fout.code == "PARSE"
    assert "DOCTYPE" in str(raised.value)


def test_parse_refuses_too_large_input() -> None:
    with pytest.raises(ParseFout, match="te groot"):
        codec.parse(samples.lees("WMO301"), max_bytes=100)


def test_parse_refuses_an_unknown_namespace() -> None:
    data = samples.lees("WMO301").replace(b"iwmo/3_2/wmo301", b"iwmo/3_3/wmo301")
    with pytest.raises(ParseFout):
        codec.parse(data)


def test_parse_rejects_a_value_that_does_not_fit_the_binding() -> None:
    data = samples.lees("WMO301").replace(
        b"<wmo301:ToewijzingNummer>101<", b"<wmo301:ToewijzingNummer>honderd<"
    )
    with pytest.raises(ParseFout, match=r"^Het bericht past niet in WMO301: Failed to convert"):
        codec.parse(data)


def test_comments_and_processing_instructions_are_ignored() -> None:
    data = samples.lees("WMO305").replace(
        b"<wmo305:Client>", b"<!-- opmerking --><?verwerk dit?><wmo305:Client>"
    )
    assert codec.parse(data) == codec.parse(samples.lees("WMO305"))


def test_serialize_writes_utf8_declaration_official_namespace_and_prefixes() -> None:
    data = codec.serialize(codec.parse(samples.lees("JW301")))
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<jw301:Bericht ')
    root = etree.fromstring(data)
    assert root.tag == "{http://www.istandaarden.nl/ijw/3_2/jw301/schema}Bericht"
    assert root.nsmap == {
        "jw301": "http://www.istandaarden.nl/ijw/3_2/jw301/schema",
        "ijw": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
    }


def test_serialize_keeps_non_ascii_text_as_utf8() -> None:
    message = codec.parse(samples.lees("WMO301"))
    message.client.naam.geslachtsnaam.achternaam = "Çelik-Öztürk"
    data = codec.serialize(message)
    assert "Çelik-Öztürk".encode() in data
    assert codec.parse(data).client.naam.geslachtsnaam.achternaam == "Çelik-Öztürk"


def test_serialize_refuses_what_is_not_a_message() -> None:
    with pytest.raises(TypeError, match="Geen iWmo- of iJw-bericht: Client"):
        codec.serialize(wmo301.Client.__new__(wmo301.Client))
    with pytest.raises(TypeError):
        codec.serialize("<Bericht/>")


def test_a_built_message_parses_back_equal() -> None:
    from istandaarden.samples.genereer import wmo323_bericht

    message = wmo323_bericht(3)
    assert isinstance(message, wmo323.Bericht)
    assert codec.parse(codec.serialize(message)) == message


def test_standard_subpackage_exposes_the_codec() -> None:
    message = iwmo_parse(samples.lees("WMO301"))
    assert isinstance(message, wmo301.Bericht)
    with pytest.raises(ParseFout, match="geen iWmo-bericht"):
        iwmo_parse(samples.lees("JW301"))
