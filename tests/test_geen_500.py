"""No input gives a 500: every form of every role, filled in by hypothesis.

Each role logs in at the organisation of the data of ``test_tenant_isolatie`` (its
``andermans``: a gemeente and an aanbieder with a client walked from melding to WMO301), opens
every URL of the resolver (filled in by ``voorbeeld_kwargs``) and the links on those pages that
only add a query (``?soort=…``), and finds their <form>s. Each distinct form gets a few
generated submissions: text with NUL bytes, very long and unicode text, impossible dates,
huge and negative numbers, empty values, choices that are not offered, and valid choices. Every
answer must be below 500; a page that answers a submission with a form (a confirmation step)
gets that form submitted too, as a user clicking on would.

Each role's distinct forms are tried in turn; ``test_geen_invoer_geeft_een_500`` reports
every failing form at once. Each submission runs in a savepoint that is rolled back, so the
examples do not depend on each other and the run is deterministic (``derandomize``). SQLite
stores NUL bytes without complaint: those examples bite in the PostgreSQL run of ``.ci/run``.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from datetime import date
from http.cookies import SimpleCookie
from urllib.parse import parse_qsl, urljoin, urlsplit

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import Resolver404, resolve, reverse
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from wmoketen.accounts.constants import ROLLEN_AANBIEDER, ROLLEN_GEMEENTE
from wmoketen.factories import GebruikerFactory

from .andermans import alle_urls, voorbeeld_kwargs

ROLLEN = [("gemeente", rol) for rol in ROLLEN_GEMEENTE] + [
    ("aanbieder", rol) for rol in ROLLEN_AANBIEDER
]
VOORBEELDEN = 5  # per form (and two extremes): ~200 forms in all stay within a minute
SETTINGS = settings(
    max_examples=VOORBEELDEN,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: the failing example as found
    suppress_health_check=list(HealthCheck),
)

# Values no user should be able to turn into a 500.
KWAAD = [
    "",
    " ",
    "\x00",
    "12\x00",
    "x" * 100_000,
    "ẞ̶͓💥\u202e\ufeff",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "-1",
    "0",
    "99999999999999999999999999999999",
    "-99999999999999999999999999999999",
    "1e400",
    "NaN",
    "1,5",
    "0001-01-01",
    "9999-12-31",
    "31-02-2026",
    "2026-02-31",
    "10000-01-01",
    "0000-00-00",
]
DATUMS = [
    "0001-01-01",
    "0001-01-02",
    "1899-12-31",
    "1900-01-01",
    "9999-12-30",
    "9999-12-31",
    "31-02-2026",
    "2026-02-31",
    "29-02-2028",
    "01-01-0001",
    "31-12-9999",
]
TEKST = st.one_of(
    st.sampled_from(KWAAD),
    st.text(max_size=40),
    st.builds(lambda t, n: t * n, st.text(min_size=1, max_size=3), st.integers(100, 5000)),
)
GETAL = st.one_of(
    st.integers(-(10**40), 10**40).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(KWAAD),
)
DATUM = st.one_of(
    st.sampled_from(DATUMS),
    st.dates().map(lambda d: d.isoformat()),
    st.dates().map(lambda d: f"{d:%d-%m-%Y}"),
    TEKST,
)
GEEN_VELD = {"submit", "button", "reset", "image"}


@dataclass(frozen=True)
class Formulier:
    pagina: str
    actie: str
    methode: str
    multipart: bool
    velden: tuple  # ((name, type, current value, options), ...)
    knoppen: tuple  # ((name, value), ...) of the submit buttons


def _bestand(inhoud: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("bestand.xml", inhoud)


BESTAND = st.one_of(
    st.sampled_from([b"", b"\x00", b"<?xml version='1.0'?><a/>"]), st.binary(max_size=200)
).map(_bestand)


def _kwaad(soort: str):
    """Values a field of this type should refuse (or take) without a 500."""
    if soort == "file":
        return BESTAND
    if soort == "date":
        return DATUM
    if soort in ("number", "range"):
        return GETAL
    return st.one_of(st.sampled_from(KWAAD), TEKST)


def _geldig(soort: str, waarde: str, opties: tuple) -> str | None:
    """What a user would fill in: the offered value, today, a small number, some text."""
    if soort == "file":
        return None
    if opties:
        return next((o for o in opties if o), opties[0])
    if soort == "date":
        return date.today().isoformat()
    if soort in ("number", "range"):
        return waarde or "1"
    if soort == "email":
        return "test@example.org"
    return waarde or ("Test" if soort != "hidden" else "")


def _invulling(formulier: Formulier):
    """A filled-in form with one field bad (the others as a user fills them in, so the bad
    value reaches the service), or with every field generated."""
    soorten = {naam: soort for naam, soort, _, _ in formulier.velden}
    basis = {
        naam: _geldig(soort, waarde, opties) for naam, soort, waarde, opties in formulier.velden
    }
    een_fout = st.sampled_from(sorted(soorten)).flatmap(
        lambda naam: st.one_of(_kwaad(soorten[naam]), st.none()).map(
            lambda waarde: {**basis, naam: waarde}
        )
    )
    alles = st.fixed_dictionaries(
        {
            naam: st.one_of(st.none(), st.sampled_from(opties or [""]), _kwaad(soort))
            for naam, soort, _, opties in formulier.velden
        }
    )
    velden = st.one_of(een_fout, alles) if soorten else st.just({})
    knop = st.sampled_from(formulier.knoppen) if formulier.knoppen else st.just(None)
    return velden, knop


def _lees_formulieren(pagina: str, inhoud: bytes) -> list[Formulier]:
    boom = lxml_html.fromstring(inhoud)
    gevonden = []
    for form in boom.forms:
        velden, knoppen = {}, []
        for element in form.inputs:
            naam = element.get("name")
            if not naam:
                continue
            soort = (element.get("type") or element.tag).lower()
            if element.tag == "button" or soort in GEEN_VELD:
                knoppen.append((naam, element.get("value") or ""))
                continue
            if element.tag == "select":
                opties = tuple(o.get("value", o.text or "") for o in element.iter("option"))
                velden[naam] = (naam, "select", "", opties)
            elif soort in ("radio", "checkbox"):
                _, _, _, opties = velden.get(naam, (naam, soort, "", ()))
                velden[naam] = (naam, soort, "", (*opties, element.get("value") or "on"))
            else:
                velden[naam] = (naam, soort, element.get("value") or element.text or "", ())
        knoppen += [(k.get("name"), k.get("value") or "") for k in form.xpath(".//button[@name]")]
        methode = (form.get("method") or "get").lower()
        if not velden and not knoppen:
            continue
        gevonden.append(
            Formulier(
                pagina=pagina,
                actie=urljoin(pagina, form.get("action") or pagina),
                methode=methode,
                multipart="multipart" in (form.get("enctype") or ""),
                velden=tuple(velden.values()),
                knoppen=tuple(dict.fromkeys(knoppen)),
            )
        )
    return gevonden


def _huidige_waarden(formulier: Formulier) -> dict:
    """The form as the page fills it in: what a user sends who only clicks on."""
    data = {naam: waarde for naam, soort, waarde, opties in formulier.velden if soort != "file"}
    for naam, soort, _, opties in formulier.velden:
        if opties and soort in ("select", "radio"):
            data[naam] = opties[-1]
    if formulier.knoppen:
        naam, waarde = formulier.knoppen[-1]
        data[naam] = waarde
    return data


def _stuur(browser: Client, formulier: Formulier, data: dict):
    actie = formulier.actie
    if formulier.methode == "post":
        return browser.post(actie, data)
    return browser.get(actie, {k: v for k, v in data.items() if not hasattr(v, "read")})


def _fout(antwoord, formulier: Formulier, data: dict) -> str:
    kort = {k: (v[:40] + "…" if isinstance(v, str) and len(v) > 40 else v) for k, v in data.items()}
    uitleg = ""
    if getattr(antwoord, "exc_info", None):
        uitleg = "".join(traceback.format_exception(*antwoord.exc_info)[-3:])
    return (
        f"{formulier.methode.upper()} {formulier.actie} (form on {formulier.pagina}) "
        f"gives {antwoord.status_code} for {kort!r}\n{uitleg}"
    )


def _extremen(formulier: Formulier) -> list[dict]:
    """The form as a user fills it in, with every date at the end of the calendar and every
    number out of range: the values that overflow date and integer arithmetic."""
    basis = {
        naam: _geldig(soort, waarde, opties) for naam, soort, waarde, opties in formulier.velden
    }
    soorten = {naam: soort for naam, soort, _, _ in formulier.velden}
    extremen = []
    for datum, getal in (("0001-01-01", "-1"), ("9999-12-31", "9" * 30)):
        data = {
            naam: datum if soort == "date" else getal if soort == "number" else basis[naam]
            for naam, soort in soorten.items()
        }
        if data != basis:
            extremen.append(data)
    return extremen


def _probeer(browser: Client, formulier: Formulier) -> None:
    """The extremes, then generated submissions; each followed, when the answer holds a form
    to the same address (a confirmation), by that form as it is; all rolled back."""
    koekjes = SimpleCookie(browser.cookies.output(header="", sep=";"))

    def verstuur(data: dict) -> None:
        data = {k: v for k, v in data.items() if v is not None}
        with transaction.atomic():
            antwoord = _stuur(browser, formulier, data)
            assert antwoord.status_code < 500, _fout(antwoord, formulier, data)
            if antwoord.status_code == 200 and formulier.methode == "post":
                for vervolg in _lees_formulieren(formulier.actie, antwoord.content):
                    if vervolg.actie == formulier.actie and vervolg.methode == "post":
                        data = _huidige_waarden(vervolg)
                        antwoord = _stuur(browser, vervolg, data)
                        assert antwoord.status_code < 500, _fout(antwoord, vervolg, data)
                        break
            transaction.set_rollback(True)
        browser.cookies = SimpleCookie(koekjes.output(header="", sep=";"))

    for data in _extremen(formulier):
        verstuur(data)
    velden, knop = _invulling(formulier)

    @SETTINGS
    @given(velden, knop)
    def stuur(invulling, geklikt):
        verstuur({**invulling, **dict([geklikt] if geklikt else [])})

    stuur()


def _paginas(data: dict) -> list[str]:
    urls = []
    for naam, params in alle_urls():
        if naam.startswith("api:"):  # the API answers to a token with JSON and XML, not forms
            continue
        urls += [reverse(naam, kwargs=kwargs) for kwargs in voorbeeld_kwargs(naam, params, data)]
    return urls


def _met_query(pagina: str, inhoud: bytes, bekend: set[str]) -> list[str]:
    """Links on the page to a known page with a query (``?soort=…``): other forms there."""
    links = []
    for href in lxml_html.fromstring(inhoud).xpath("//a/@href"):
        delen = urlsplit(urljoin(pagina, href))
        if delen.query and delen.path in bekend and parse_qsl(delen.query):
            links.append(f"{delen.path}?{delen.query}")
    return links


def _alle_formulieren(browser: Client, data: dict) -> list[Formulier]:
    paginas = _paginas(data)
    bekend, formulieren = set(paginas), {}
    for pagina in paginas:  # grows with the links found (one level: not from those pages)
        antwoord = browser.get(pagina)
        assert antwoord.status_code < 500, f"GET {pagina}: {antwoord.status_code}"
        if antwoord.status_code != 200 or "html" not in antwoord.get("Content-Type", ""):
            continue
        if not antwoord.content.strip():
            continue
        for formulier in _lees_formulieren(pagina, antwoord.content):
            velden = tuple((naam, soort) for naam, soort, _, _ in formulier.velden)
            sleutel = (formulier.actie.split("?")[0], formulier.methode, velden)
            formulieren.setdefault(sleutel, formulier)
        if pagina in bekend and not pagina.startswith("/beheer/"):  # the admin's: filters
            paginas += [u for u in _met_query(pagina, antwoord.content, bekend) if u not in paginas]
    return list(formulieren.values())


def _is_pagina(url: str) -> bool:
    try:
        resolve(urlsplit(url).path)
    except Resolver404:
        return False
    return True


def test_geen_invoer_geeft_een_500(andermans):
    """One test for every role: the data (the slow part) is made once."""
    fouten, geprobeerd = [], 0
    for soort, rol in ROLLEN:
        browser = Client(raise_request_exception=False)
        browser.force_login(GebruikerFactory(organisatie=andermans[soort], rol=rol))
        formulieren = [f for f in _alle_formulieren(browser, andermans) if _is_pagina(f.actie)]
        assert len(formulieren) >= 5, (rol, formulieren)
        for formulier in formulieren:
            geprobeerd += 1
            try:
                _probeer(browser, formulier)
            except Exception as fout:  # every form's failure, not only the first
                fouten.append(f"{soort} {rol}: {fout}")
    assert geprobeerd > 100
    assert fouten == [], "\n\n".join(fouten)
