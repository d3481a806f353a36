"""Random valid WMO301 and WMO323 messages, built through the bindings: XSD-valid, no rule
findings, and a lossless round trip."""

from __future__ import annotations

from datetime import date
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from istandaarden import codec
from istandaarden.berichten import bericht
from istandaarden.samples.genereer import bsn, wmo301_bericht, wmo323_bericht
from istandaarden.validation import validate

NAAM = st.from_regex(r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ' -]{0,30}[a-zà-ÿ]", fullmatch=True)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@cache
def schema(nummer: int) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(bericht("iwmo", nummer).xsd)))


def controleer(message: object, nummer: int) -> None:
    data = codec.serialize(message)
    tree = etree.ElementTree(etree.fromstring(data))
    assert schema(nummer).validate(tree), schema(nummer).error_log
    assert validate(data) == []
    again = codec.parse(data)
    assert again == message
    assert codec.serialize(again) == data


@SETTINGS
@given(
    nummer=st.integers(1, 10**6),
    producten=st.integers(1, 6),
    dagtekening=st.dates(date(2020, 1, 1), date(2025, 12, 31)),
    geboortedatum=st.dates(date(1920, 1, 1), date(2019, 12, 31)),
    achternaam=NAAM,
    volume=st.integers(1, 99999),
)
def test_random_wmo301_is_valid_and_round_trips(**kwargs: object) -> None:
    controleer(wmo301_bericht(**kwargs), 301)


@SETTINGS
@given(
    prestaties=st.integers(1, 40),
    per_client=st.integers(1, 12),
    # CS100: a declared period may not start before 2021-01-01.
    maand=st.dates(date(2021, 1, 1), date(2025, 12, 1)).map(lambda d: d.replace(day=1)),
    tarief=st.integers(1, 250000),
)
def test_random_wmo323_is_valid_and_round_trips(**kwargs: object) -> None:
    controleer(wmo323_bericht(**kwargs), 323)


@given(st.integers(0, 10**6))
def test_generated_bsn_passes_the_elfproef(volgnummer: int) -> None:
    value = bsn(volgnummer)
    digits = [int(c) for c in value]
    assert len(value) == 9
    assert sum(d * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True)) % 11 == 0
