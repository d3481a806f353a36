"""The table of single-message rules (TR, CD, CS) and what a rule function gets.

How to write a rule (for every module in this package, e.g. ``cd.py``, ``cs.py``, ``tr.py``)::

    from istandaarden.regels.registry import Bevinding, Context, datum_van, regel

    @regel("CS003", titel="Einddatum moet groter dan of gelijk zijn aan Begindatum")
    def cs003(element, ctx: Context):
        begin = ctx.datum(element.getparent(), "GewensteIngangsdatum")
        eind = datum_van(element)
        if begin and eind and eind < begin:
            yield Bevinding(element, "Einddatum ligt voor de ingangsdatum.")

* The function receives ONE element that matched the rule's scope for the message at hand,
  exactly as ``regel-scope.md`` (copied into this package as ``regel-scope.md``) lists it per
  standard and message. The validator finds those elements with precompiled namespace-qualified
  XPaths; a rule never searches the whole message for its own scope.
* It yields a ``Bevinding(element, message)`` per violation: ``element`` is where it is wrong
  (the validator turns it into a positional XPath and a line), ``message`` is Dutch.
* The same function serves iWmo and iJw: the scope differs per standard, not the function.
  Where a rule's text differs between the standards, branch on ``ctx.standaard``.
* Children are in the message namespace (``ctx.ns["m"]``) or, inside basisschema composite
  types (Omvang, Product, Geboortedatum, ...), in the basisschema namespace (``ctx.ns["b"]``).
  Use ``ctx.kind(el, "Omvang/Eenheid")`` / ``ctx.tekst(...)`` / ``ctx.datum(...)``: they take
  slash-separated local names and pick the right namespace per step (cached from the XSD).
* The XSD has already passed when a rule runs: types and enumerations are valid, required
  elements are present. Rules only check what the XSD cannot.
* Performance: a rule runs in Python once per scope element, which is too slow on a 323 with
  10,000 prestaties. Give ``@regel(..., filter="...")`` an XPath 1.0 predicate (prefixes ``m:``
  and ``b:``; variables ``$dagtekening``, ``$declaratieperiode_eind``,
  ``$declaratie_dagtekening``: those dates as numbers yyyymmdd, NaN when absent) that
  selects a SUPERSET of the violating scope elements; it is appended to the compiled scope
  XPath, so in a valid message the function is usually never called. Dates compare as
  numbers with ``translate(., '-', '')``; that is only right for a plain YYYY-MM-DD, so a
  filter also selects longer date texts (``string-length(.) > 10``: a year before 1 or after
  9999, which ``datum_van`` reads as date.min / date.max). The variables are read with
  ``datum_van`` too. The function stays the authority.
* The filter still costs libxml2 about a microsecond per scope element per child path it
  reads, which on a 10,000-prestatie 323 adds up. A rule with such a scope can also get
  ``@regel(..., vooraf=fn)``: ``fn(ctx, tags) -> bool`` is asked once per message, with the
  qualified tags of the rule's scope elements in this message type, whether the message can
  contain a violation at all. It answers from whole-message columns (``ctx.teksten(tag)``: the
  text of every element with that tag, wherever it is, one cheap C-level walk, cached per
  message), so it looks at a SUPERSET of the scope elements; ``False`` must mean "certainly
  no violation" and skips the rule's XPath and function for this message, ``True`` runs them
  as usual. Valid messages thus cost a few list scans instead of per-element work.
* ``ctx.cache`` is a per-message dict for rules that need a message-wide index (keep keys
  prefixed with the rule code).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple

from lxml import etree

from istandaarden.regels.cd_cs_hulp import Namen, namen

__all__ = [
    "REGELS",
    "Bevinding",
    "Context",
    "GrensDatum",
    "Regel",
    "RegelFunctie",
    "Vooraf",
    "datum_van",
    "decimaal_van",
    "regel",
]


class Bevinding(NamedTuple):
    """One violation found by a rule: where (element) and what (Dutch message)."""

    element: etree._Element
    message: str


RegelFunctie = Callable[[etree._Element, "Context"], Iterable[Bevinding]]
# (ctx, qualified tags of the scope elements) -> can this message violate the rule at all?
Vooraf = Callable[["Context", frozenset[str]], bool]


@dataclass(frozen=True, slots=True)
class Regel:
    code: str
    retourcode: str
    titel: str
    functie: RegelFunctie
    module: str
    filter: str | None = None  # XPath predicate selecting a superset of the violations
    vooraf: Vooraf | None = None  # whole-message precheck: False = certainly no violation
    # The retourcode the official rule text gives, when a finding of this single-message
    # check is reported with another one (``retourcode``, "0001"): metadata only (TR319: 9319).
    officiele_retourcode: str | None = None


REGELS: dict[str, Regel] = {}


def regel(
    code: str,
    *,
    retourcode: str = "0001",
    titel: str,
    filter: str | None = None,
    vooraf: Vooraf | None = None,
    officiele_retourcode: str | None = None,
) -> Callable[[RegelFunctie], RegelFunctie]:
    """Register ``fn(element, ctx) -> Iterable[Bevinding]`` as the rule ``code``.

    ``retourcode`` is what a finding reports (single-message rules: "0001");
    ``officiele_retourcode`` records a different code of the official rule text (metadata).
    """

    def decorate(fn: RegelFunctie) -> RegelFunctie:
        if code in REGELS:
            raise ValueError(f"regel {code} is al geregistreerd ({REGELS[code].module})")
        REGELS[code] = Regel(
            code, retourcode, titel, fn, fn.__module__, filter, vooraf, officiele_retourcode
        )
        return fn

    return decorate


# Resolves (parent tag, child local name) -> qualified child tags; filled from the XSD model.
KindResolver = Callable[[str, str], tuple[str, ...]]
Stappen = tuple[tuple[str, ...], ...]  # per step of a path: the qualified tags to try


@dataclass(slots=True)  # not frozen: a frozen dataclass is slow to build, one per message
class Context:
    """What a rule knows about the message it is checking (one Context per message)."""

    standaard: str  # "iwmo" | "ijw"
    bericht: str  # "WMO301", "JW323", ...
    ns: dict[str, str]  # "m" -> message namespace, "b" -> basisschema namespace
    root: etree._Element
    dagtekening: date | None
    kinderen: KindResolver | None = field(repr=False, default=None)
    cache: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)
    # Shared by all messages of one type: resolved paths and compiled XPaths.
    paden: dict[tuple[str, str], Stappen] = field(default_factory=dict, repr=False, compare=False)
    xpaths: dict[Any, etree.XPath] = field(default_factory=dict, repr=False, compare=False)
    # Qualified tag -> an XPath for every element with that tag by its absolute path(s) from
    # the XSD (far cheaper in libxml2 than ``//m:Naam`` on a big tree); None: use ``//``.
    absoluut: Callable[[str], str] | None = field(default=None, repr=False, compare=False)
    # Per element its child map (``kaart``), kept for the whole message; None: maps are built
    # but not kept (the XPath route for big messages, where rules see few elements).
    kaarten: dict[etree._Element, dict[Any, etree._Element]] | None = field(
        default=None, repr=False, compare=False
    )
    # Clark names in the message (``m.Einddatum``) and basisschema namespace (``b.Code``).
    m: Namen = field(init=False, repr=False, compare=False)
    b: Namen = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.m, self.b = namen(self.ns["m"]), namen(self.ns["b"])

    @property
    def nummer(self) -> str:
        """The message number without prefix: "301", "323"."""
        return self.bericht[-3:]

    def kaart(self, element: etree._Element) -> dict[Any, etree._Element]:
        """``element``'s direct children by qualified tag (the first child per tag), built
        once per element and message when ``kaarten`` is set.

        The rules of one element (CD041, CD079, CD080, TR302, ... on one ToegewezenProduct)
        read its children from this one map instead of each walking the siblings: lxml builds
        a proxy and a tag string for every sibling it passes. Outside the container classes
        (ToegewezenProducten, Clienten, ...) every child of an iWmo/iJw 3.2 element occurs at
        most once, in the XSD's sequence order (tests/test_validation.py checks both), so
        after the XSD the first child per tag is the only one.
        """
        kaarten = self.kaarten
        if kaarten is None:
            return {kind.tag: kind for kind in reversed(element)}
        kaart = kaarten.get(element)
        if kaart is None:
            kaart = kaarten[element] = {kind.tag: kind for kind in reversed(element)}
        return kaart

    def kind(self, element: etree._Element, pad: str) -> etree._Element | None:
        """The first element at ``pad`` (local names separated by '/') below ``element``."""
        stappen = self.paden.get((element.tag, pad))
        if stappen is None:
            stappen = self.paden[(element.tag, pad)] = self._stappen(element.tag, pad)
        huidig = element
        if self.kaarten is not None:  # small messages: the cached child maps
            for tags in stappen:
                kaart = self.kaart(huidig)
                for tag in tags:
                    gevonden = kaart.get(tag)
                    if gevonden is not None:
                        break
                else:
                    return None
                huidig = gevonden
            return huidig
        for tags in stappen:
            # The first child with tags[0], else with tags[1], ...: a walk over the siblings
            # is cheaper in lxml than an iterchildren(tag) matcher per call.
            for tag in tags:
                gevonden = huidig[0] if len(huidig) else None
                while gevonden is not None and gevonden.tag != tag:
                    gevonden = gevonden.getnext()
                if gevonden is not None:
                    break
            else:
                return None
            huidig = gevonden
        return huidig

    def kinderen_van(self, element: etree._Element, naam: str) -> Iterator[etree._Element]:
        """All direct children called ``naam`` (local name): those with the first tag it can
        have, then those with the second."""
        tags = self._tags(element.tag, naam)
        if len(tags) == 1:
            return element.iterchildren(tags[0])
        return (kind for tag in tags for kind in element.iterchildren(tag))

    def tekst(self, element: etree._Element, pad: str) -> str | None:
        gevonden = self.kind(element, pad)
        return None if gevonden is None else (gevonden.text or "")

    def datum(self, element: etree._Element, pad: str) -> date | None:
        gevonden = self.kind(element, pad)
        return None if gevonden is None else datum_van(gevonden)

    def bedrag(self, element: etree._Element, pad: str) -> Decimal | None:
        gevonden = self.kind(element, pad)
        return None if gevonden is None else decimaal_van(gevonden)

    def teksten(self, tag: str) -> list[str]:
        """The texts ("" when empty, unstripped) of every element ``tag`` in the message.

        ``tag`` is qualified (``{ns}Naam``) or prefixed (``m:Naam`` / ``b:Naam``). For
        ``vooraf`` checks: a superset of any scope with that tag; cached per message.
        """
        if tag[0] != "{":
            prefix, _, naam = tag.partition(":")
            tag = f"{{{self.ns[prefix]}}}{naam}"
        sleutel = ("teksten", tag)
        gevonden = self.cache.get(sleutel)
        if gevonden is None:
            gevonden = self.cache[sleutel] = [e.text or "" for e in self.root.iter(tag)]
        return gevonden

    def kolom(self, expressie: str) -> list[str]:
        """The strings an XPath such as ``//m:Prestatie/m:ToewijzingNummer/text()`` selects,
        as plain ``str`` (no smart strings: cheap on 10,000 nodes); cached per message.

        For ``vooraf`` checks that compare values per scope element: several columns are
        aligned (entry i of each belongs to scope element i) when each has exactly as many
        entries as there are scope elements and the XSD allows at most one per element.
        """
        sleutel = ("kolom", expressie)
        gevonden = self.cache.get(sleutel)
        if gevonden is None:
            gecompileerd = self.xpaths.get(sleutel)
            if gecompileerd is None:
                gecompileerd = self.xpaths[sleutel] = etree.XPath(
                    expressie, namespaces=self.ns, smart_strings=False
                )
            gevonden = self.cache[sleutel] = gecompileerd(self.root)
        return gevonden

    def aantal(self, tag: str) -> int:
        """How many elements ``tag`` (qualified) the message holds; cached per message."""
        sleutel = ("aantal", tag)
        gevonden = self.cache.get(sleutel)
        if gevonden is None:
            expressie = f"count({self.alle(tag)})"
            gecompileerd = self.xpaths.get(expressie)
            if gecompileerd is None:
                gecompileerd = self.xpaths[expressie] = etree.XPath(expressie, namespaces=self.ns)
            gevonden = self.cache[sleutel] = int(gecompileerd(self.root))
        return gevonden

    def ouders(self, tag: str) -> frozenset[str] | None:
        """Prefixed tags (``m:Prestatie``) of every parent the XSD allows for ``tag``; None
        when unknown. For ``vooraf`` checks that align ``teksten`` columns per element."""
        pad = self.alle(tag)
        if pad.startswith("//"):
            return None
        return frozenset(deel.split("/")[-2] for deel in pad.strip("()").split(" | "))

    def perioden(self, tag: str) -> list[tuple[str | None, str | None]] | None:
        """(Begindatum, Einddatum) texts of every element ``tag`` (a period), in document
        order, or None when its children are not one Begindatum and one Einddatum tag."""
        sleutel = ("perioden", tag)
        if sleutel in self.cache:
            return self.cache[sleutel]
        uit = None
        begin_tags, eind_tags = self._tags(tag, "Begindatum"), self._tags(tag, "Einddatum")
        if len(begin_tags) == 1 and len(eind_tags) == 1:
            begin_tag, eind_tag = begin_tags[0], eind_tags[0]
            uit = []
            for periode in self.root.iter(tag):
                begin = eind = None
                for kind in periode:  # XSD: at most one of each
                    kind_tag = kind.tag
                    if kind_tag == begin_tag:
                        begin = kind.text or ""
                    elif kind_tag == eind_tag:
                        eind = kind.text or ""
                uit.append((begin, eind))
        self.cache[sleutel] = uit
        return uit

    def alle(self, tag: str) -> str:
        """An XPath selecting every element ``tag`` (qualified) in the message, such as
        ``/m:Bericht/m:Declaratie/m:Clienten/m:Client/m:Prestaties/m:Prestatie``; append
        ``/m:Kind`` steps to it. The same elements as ``//m:Prestatie``, found faster."""
        if self.absoluut is not None:
            return self.absoluut(tag)
        return f"//{self.prefix(tag)}"

    def xpath(self, expressie: str) -> etree.XPath:
        """``expressie`` (prefixes m: and b:) compiled once per message type.

        For hot paths: one XPath call such as ``concat(m:A, '|', m:B/b:C)`` is cheaper than
        several ``tekst`` calls.
        """
        gecompileerd = self.xpaths.get(expressie)
        if gecompileerd is None:
            gecompileerd = self.xpaths[expressie] = etree.XPath(expressie, namespaces=self.ns)
        return gecompileerd

    def prefix(self, tag: str) -> str:
        """``{ns}Naam`` as ``m:Naam`` or ``b:Naam`` for use in ``xpath``."""
        ns, _, naam = tag[1:].partition("}")
        return f"{'m' if ns == self.ns['m'] else 'b'}:{naam}"

    def _stappen(self, ouder: str, pad: str) -> Stappen:
        stappen, ouders = [], (ouder,)
        for naam in pad.split("/"):
            tags = tuple(dict.fromkeys(t for o in ouders for t in self._tags(o, naam)))
            stappen.append(tags)
            ouders = tags
        return tuple(stappen)

    def _tags(self, ouder: str, naam: str) -> tuple[str, ...]:
        if self.kinderen is not None:
            return self.kinderen(ouder, naam)
        return (f"{{{self.ns['m']}}}{naam}", f"{{{self.ns['b']}}}{naam}")


# The xs:date lexical form: an optional '-', a year of four or more digits (no leading zero
# beyond four), month, day and an optional timezone (LDT_Datum forbids one; ignored here).
_XS_DATE = re.compile(r"^(-?)(\d{4,})-(\d\d)-(\d\d)(?:Z|[+-]\d\d:\d\d)?$")


class GrensDatum(date):
    """An xs:date outside Python's range, as ``date.min`` (year before 1: "-0500-08-13",
    "0000-...") or ``date.max`` (year after 9999: "12023-08-13"), so it compares as earlier or
    later than every real date and the date rules still fire; ``tekst`` is the original."""

    tekst = ""  # set per instance; "" on a copy made by ``replace``

    def __str__(self) -> str:
        return self.tekst or self.isoformat()


def datum_van(element: etree._Element) -> date | None:
    """The xs:date value of ``element`` (a timezone suffix is ignored), None if not a date.

    Years before 1 and after 9999 (valid xs:date, outside ``datetime.date``) become the
    ``GrensDatum`` sentinels ``date.min`` and ``date.max``.
    """
    tekst = (element.text or "").strip()
    try:
        return date.fromisoformat(tekst[:10])  # the usual YYYY-MM-DD: fast
    except ValueError:
        return _buiten_bereik(tekst)


def _buiten_bereik(tekst: str) -> date | None:
    match = _XS_DATE.match(tekst)
    if match is None:
        return None
    teken, jaar, maand, dag = match.groups()
    if not (1 <= int(maand) <= 12 and 1 <= int(dag) <= 31):
        return None
    if teken or int(jaar) < 1:
        grens = GrensDatum(1, 1, 1)  # date.min
    elif int(jaar) > 9999:
        grens = GrensDatum(9999, 12, 31)  # date.max
    else:
        return None  # in range but not a real date (2023-02-30)
    grens.tekst = tekst
    return grens


def decimaal_van(element: etree._Element) -> Decimal | None:
    try:
        return Decimal((element.text or "").strip())
    except InvalidOperation:
        return None
