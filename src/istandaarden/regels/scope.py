"""Where each rule is checked: regel-scope.md translated to precompiled, namespace-qualified XPaths.

``regel-scope.md`` (copied unchanged from the reference set) writes scopes as XSLT match
patterns without prefixes, some with ``local-name()`` predicates. Matching those at run time is
slow, so at load time every pattern is matched against the element paths the message XSD allows
and turned into a union of absolute, namespace-qualified paths (``/m:Bericht/m:Client/...``),
compiled once per message type with ``etree.XPath``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lxml import etree

from istandaarden.berichten import BERICHTEN, SCHEMAS
from istandaarden.berichten import STANDAARDEN as BERICHT_STANDAARDEN
from istandaarden.berichten import bericht as bericht_registry

__all__ = [
    "AANVULLENDE_SCOPE",
    "SCHEMA_DIR",
    "BerichtModel",
    "ScopeRegel",
    "berichtmodel",
    "scope_knopen",
    "scope_regels",
    "scope_tabel",
    "scope_tags",
    "bericht_info",
]

SCOPE_MD = Path(__file__).with_name("regel-scope.md")
SCHEMA_DIR = SCHEMAS
XS = "{http://www.w3.org/2001/XMLSchema}"
# The message table lives in istandaarden.berichten; these views serve the scope code.
STANDAARDEN = {standaard: waarden[0] for standaard, waarden in BERICHT_STANDAARDEN.items()}


def _soort(standaard: str, bericht: str):
    return bericht_registry(standaard, int(bericht[-3:]))


def namespace(standaard: str, bericht: str) -> str:
    """The message namespace, e.g. http://www.istandaarden.nl/iwmo/3_2/wmo301/schema."""
    return _soort(standaard, bericht).namespace


def basis_namespace(standaard: str) -> str:
    return _soort(standaard, "301").basis_namespace


@cache
def bericht_info() -> dict[str, tuple[str, str]]:
    """Message namespace -> (standaard, bericht) for all 28 known messages."""
    return {b.namespace: (b.standaard, b.naam) for b in BERICHTEN.values()}


def xsd_pad(standaard: str, bericht: str) -> Path:
    return _soort(standaard, bericht).xsd


# ---------------------------------------------------------------- XSD model


@dataclass(frozen=True, slots=True)
class Knoop:
    """One element path the XSD allows: qualified tags from the root, and its type."""

    tags: tuple[str, ...]
    type: str | None  # qualified complexType name, None for simple content

    @property
    def namen(self) -> tuple[str, ...]:
        return tuple(etree.QName(tag).localname for tag in self.tags)


@dataclass(frozen=True, slots=True)
class BerichtModel:
    standaard: str
    bericht: str
    ns: dict[str, str]
    knopen: tuple[Knoop, ...]
    # complexType -> {child local name: child qualified tag}
    kinderen: dict[str, dict[str, str]]
    # element qualified tag -> {child local name: qualified tags (over all its types)}
    kind_tags: dict[tuple[str, str], tuple[str, ...]]

    def prefix(self, tag: str) -> str:
        qn = etree.QName(tag)
        return f"{'m' if qn.namespace == self.ns['m'] else 'b'}:{qn.localname}"


def _lees_types(path: Path, types: dict[str, list[tuple[str, str | None]]]) -> None:
    """Collect every named complexType of ``path``: [(child tag, child type)] in order."""
    doc = etree.parse(str(path))
    tns = doc.getroot().get("targetNamespace")
    for ct in doc.getroot().iterchildren(f"{XS}complexType"):
        velden = []
        for el in ct.iter(f"{XS}element"):
            velden.append((f"{{{tns}}}{el.get('name')}", _qname(el, el.get("type"))))
        types[f"{{{tns}}}{ct.get('name')}"] = velden


def _qname(el: etree._Element, waarde: str | None) -> str | None:
    if not waarde:
        return None
    prefix, _, naam = waarde.rpartition(":")
    return f"{{{el.nsmap.get(prefix or None)}}}{naam}"


@cache
def berichtmodel(standaard: str, bericht: str) -> BerichtModel:
    """The element tree a message's XSD allows (types are not recursive in iWmo/iJw)."""
    m, b = namespace(standaard, bericht), basis_namespace(standaard)
    types: dict[str, list[tuple[str, str | None]]] = {}
    _lees_types(SCHEMA_DIR / standaard / "basisschema.xsd", types)
    _lees_types(xsd_pad(standaard, bericht), types)
    knopen: list[Knoop] = []
    kind_tags: dict[tuple[str, str], set[str]] = {}

    def loop(tags: tuple[str, ...], type_: str | None) -> None:
        complex_ = type_ if type_ in types else None
        knopen.append(Knoop(tags, complex_))
        for tag, kind_type in types.get(complex_, []) if complex_ else []:
            kind_tags.setdefault((tags[-1], etree.QName(tag).localname), set()).add(tag)
            loop((*tags, tag), kind_type)

    loop((f"{{{m}}}Bericht",), f"{{{m}}}Root")
    kinderen = {
        t: {etree.QName(tag).localname: tag for tag, _ in velden} for t, velden in types.items()
    }
    return BerichtModel(
        standaard,
        bericht,
        {"m": m, "b": b},
        tuple(knopen),
        kinderen,
        {k: tuple(sorted(v)) for k, v in kind_tags.items()},
    )


# ---------------------------------------------------------------- scope patterns


@dataclass(frozen=True, slots=True)
class Stap:
    afstand: str  # "/" = parent, "//" = any ancestor (relative to the next step)
    naam: str  # local name, or "*"
    predicaat: str | None  # raw predicate text without brackets


_LOCAL_NAME = re.compile(r"^\*\[local-name\(\) = '(\w+)'\]$")
_STAP = re.compile(r"^(\*|\w+)(?:\[(.+)\])?$")


def _stappen(patroon: str) -> list[Stap]:
    delen = re.split(r"(//|/)(?![^\[]*\])", patroon)
    stappen, afstand = [], "/"
    for deel in delen:
        if deel in ("/", "//"):
            afstand = deel
            continue
        if match := _LOCAL_NAME.match(deel):
            stappen.append(Stap(afstand, match.group(1), None))
        elif match := _STAP.match(deel):
            stappen.append(Stap(afstand, match.group(1), match.group(2)))
        else:
            raise ValueError(f"onbekend scopepatroon: {patroon!r}")
    return stappen


def _past(stappen: list[Stap], namen: tuple[str, ...]) -> bool:
    """Does an element path (local names from the root) match the pattern, XSLT-style?"""

    def van(i: int, j: int) -> bool:  # step i matches namen[j]
        stap = stappen[i]
        if stap.naam not in ("*", namen[j]):
            return False
        if i == 0:
            return True
        if stappen[i].afstand == "/":
            return j > 0 and van(i - 1, j - 1)
        return any(van(i - 1, k) for k in range(j))

    return bool(namen) and van(len(stappen) - 1, len(namen) - 1)


_PRED_VERGELIJKING = re.compile(r"^([\w/]+?)(/text\(\))? = '([^']*)'$")


def _predicaat(model: BerichtModel, type_: str | None, tekst: str) -> str | None:
    """Qualify a predicate's child names; None when the type cannot satisfy it."""
    if match := _PRED_VERGELIJKING.match(tekst):
        pad = _kindpad(model, type_, match.group(1).split("/"))
        return None if pad is None else f"{pad} = '{match.group(3)}'"
    delen = [deel.strip() for deel in tekst.split(" and ")]
    paden = [_kindpad(model, type_, deel.split("/")) for deel in delen]
    return None if None in paden else " and ".join(paden)  # type: ignore[arg-type]


def _kindpad(model: BerichtModel, type_: str | None, namen: list[str]) -> str | None:
    stukken = []
    for naam in namen:
        tag = model.kinderen.get(type_ or "", {}).get(naam)
        if tag is None:
            return None
        stukken.append(model.prefix(tag))
        type_ = _type_van(model, tag)
    return "/".join(stukken)


def _type_van(model: BerichtModel, tag: str) -> str | None:
    for knoop in model.knopen:
        if knoop.tags[-1] == tag and len(knoop.tags) > 1 and knoop.type:
            return knoop.type
    return None


def scope_knopen(model: BerichtModel, patronen: list[str]) -> list[tuple[Knoop, str | None]]:
    """The element paths the patterns select, each with its qualified scope predicate.

    One entry per (pattern, element path) in pattern order; an element path whose type cannot
    satisfy a pattern's predicate is left out. ``xpath_voor`` (the compiled XPaths) and the
    validator's tag dispatch for small messages are both built from this one list.
    """
    uit: list[tuple[Knoop, str | None]] = []
    for patroon in patronen:
        stappen = _stappen(patroon)
        for knoop in model.knopen:
            if not _past(stappen, knoop.namen):
                continue
            predicaat = None
            if stappen[-1].predicaat:
                predicaat = _predicaat(model, knoop.type, stappen[-1].predicaat)
                if predicaat is None:
                    continue
            uit.append((knoop, predicaat))
    return uit


def xpath_voor(model: BerichtModel, patronen: list[str], filter: str | None = None) -> str | None:
    """One XPath (a union of absolute qualified paths) for all patterns; None if none apply.

    ``filter``, a rule's own XPath predicate, is appended to every path.
    """
    paden: list[str] = []
    for knoop, predicaat in scope_knopen(model, patronen):
        pad = "/" + "/".join(model.prefix(tag) for tag in knoop.tags)
        if predicaat is not None:
            pad += f"[{predicaat}]"
        if filter:
            pad += f"[{filter}]"
        if pad not in paden:
            paden.append(pad)
    return " | ".join(paden) if paden else None


def scope_tags(model: BerichtModel, patronen: list[str]) -> frozenset[str]:
    """The qualified tags of the elements the patterns can select (predicates ignored)."""
    stappen = [_stappen(patroon) for patroon in patronen]
    return frozenset(
        knoop.tags[-1] for knoop in model.knopen if any(_past(s, knoop.namen) for s in stappen)
    )


# ---------------------------------------------------------------- regel-scope.md


@dataclass(frozen=True, slots=True)
class ScopeRegel:
    standaard: str
    code: str
    bericht: str | None  # None = "(any)"
    patroon: str


# TR101 ("geen dubbele regels binnen een bericht") is XSLT-checked per its own text
# ("Gebruik in berichten": 301, 305, 307, 315, 317, 323, 325) but has no rows in
# regel-scope.md. It is checked on every container of a repeating berichtklasse whose key
# elements the CD/CS tables mark (Sleutelelement); the keys themselves are in regels/tr.py.
# AangevraagdProduct (315, key ReferentieAanbieder) is TR383's.
_TR101_CONTAINERS = (
    ("301", "ToegewezenProducten"),
    ("301", "Relaties"),
    ("301", "Contactgegevens"),
    ("305", "StartProducten"),
    ("307", "StopProducten"),
    ("317", "OngewijzigdeProducten"),
    ("317", "TeWijzigenProducten"),
    ("317", "NieuweProducten"),
    ("323", "Clienten"),
    ("323", "Prestaties"),
    ("325", "Clienten"),
    ("325", "Prestaties"),
)
AANVULLENDE_SCOPE = tuple(
    ScopeRegel(standaard, "TR101", f"{prefix}{nummer}", container)
    for standaard, prefix in STANDAARDEN.items()
    for nummer, container in _TR101_CONTAINERS
)


@cache
def scope_tabel() -> tuple[ScopeRegel, ...]:
    """All rows of regel-scope.md, plus AANVULLENDE_SCOPE."""
    regels, standaard = [], None
    for regel in SCOPE_MD.read_text(encoding="utf-8").splitlines():
        if regel.startswith("## iWmo"):
            standaard = "iwmo"
        elif regel.startswith("## iJw"):
            standaard = "ijw"
        elif standaard and (match := re.match(r"^\| (\w+) \| (\S+) \| `(.+)` \|$", regel)):
            bericht = None if match.group(2) == "(any)" else match.group(2)
            regels.append(ScopeRegel(standaard, match.group(1), bericht, match.group(3)))
    return (*regels, *AANVULLENDE_SCOPE)


def scope_regels(standaard: str, bericht: str) -> dict[str, list[str]]:
    """Rule code -> its scope patterns for one message."""
    uit: dict[str, list[str]] = {}
    for rij in scope_tabel():
        if rij.standaard == standaard and rij.bericht in (None, bericht):
            uit.setdefault(rij.code, []).append(rij.patroon)
    return uit
