"""validate(bytes) -> list[Fout], in the standard's order: safe parse, XSD, single-message rules.

Checking stops at the first level that fails: a message that is refused by the parser gets no
XSD check, a message that fails its XSD gets no rule checks. Everything expensive (the compiled
XMLSchema, the scope XPaths) is built once per message type and cached.

How the rules are dispatched (the one place that decides which rule sees which element). Both
routes are built from the same ``scope.scope_knopen`` list (every XSD element path a rule's
scope pattern matches, with its scope predicate), so they select the same elements:

* Small messages (at most ``KLEIN_MAX_ELEMENTEN`` scope elements: every 301, the usual
  305-320): one ``root.iter(*tags)`` walk over the scope elements in document order; each
  element goes to the rules that see its tag (``per_tag``, built from the "slots" of
  ``_verdeling``); a rule that sees only some paths of a tag, or has a scope predicate, first
  tests the element in Python (path, predicate; XPath 1.0 semantics). No XPath call, no
  filter, no ``vooraf`` (each lxml XPath call costs 2-5 us, more than the Python it would
  save here). The rules of one element read its children from one shared child map per
  element (``Context.kaart``), built once per message.
* Large messages (a 323 with thousands of prestaties):
  1. ``berichttype`` translates every rule's scope into one absolute, namespace-qualified
     XPath for this message type (``scope.xpath_voor``), with the rule's ``filter`` predicate
     appended; rules with the same XPath share one evaluation (``controles``).
  2. Each rule with a ``vooraf`` check is first asked, once, whether the message can violate
     it at all (cheap whole-message columns, see ``regels.registry``). If no rule of a group
     can, the group's XPath is not evaluated.
  3. Otherwise the XPath selects the scope elements (only the suspicious ones when there is a
     filter) and each rule function runs on each of them, in document order.

The rule functions are the authority; route, filter and ``vooraf`` only decide how much work
is done. ``tests/test_vooraf.py`` checks that all three ways (small, large, large without
``vooraf``) give identical findings.

The message is parsed compactly (indentation dropped, ``safe_xml.parse_bytes(compact=True)``):
XSD and XPath then walk half the nodes; lines, values and positional paths are unchanged.

At most ``MAX_FOUTEN`` findings are built (the first in report order); ``Fouten.totaal``
counts them all. lxml cannot stop an XSD validation early, so that level still pays for its
own error log (about 0.9 KB and 2 us per error, more for errors on long runs of same-named
siblings: lxml computes each entry's path), but only the first entries become ``Fout``
objects, and the log is released at once instead of staying on the cached schema until the
next message of that type.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from itertools import islice

from lxml import etree

from istandaarden.fout import MAX_FOUTEN, Fout, Fouten, ParseFout, element_pad
from istandaarden.regels import REGELS, Context, Regel
from istandaarden.regels.registry import datum_van
from istandaarden.regels.scope import (
    BerichtModel,
    berichtmodel,
    scope_knopen,
    scope_regels,
    scope_tags,
    xpath_voor,
    xsd_pad,
)
from istandaarden.safe_xml import bericht_van, parse_bytes

__all__ = ["MAX_FOUTEN", "Berichttype", "berichttype", "element_pad", "validate", "validate_tree"]

# A message with more scope elements than this is checked with the compiled XPaths (filters
# and ``vooraf``); a smaller one with one tag-dispatching walk (see the module docstring).
KLEIN_MAX_ELEMENTEN = 1_000
# Whether the compiled-XPath dispatch asks each rule's ``vooraf`` first. Only tests turn it
# off, to prove that no ``vooraf`` hides a violation (tests/test_vooraf.py).
VOORAF = True

# Scope of one rule on one tag: alternatives (element paths or None = every path of the tag,
# scope predicate or None); None instead of the tuple = every element with the tag.
Predicaat = Callable[[etree._Element, Context], bool]
Keuze = tuple[tuple[frozenset[tuple[str, ...]] | None, Predicaat | None], ...]
# Per tag: the slot every element with it goes to (or None), and the conditional slots.
Verdeling = tuple[int | None, tuple[tuple[int, Keuze | None], ...]]
# Per tag: the rules that see elements with it, each with its Keuze (None: every element).
RegelsPerTag = dict[str, tuple[tuple[Regel, Keuze | None], ...]]


@dataclass(frozen=True, slots=True)
class Berichttype:
    """Everything compiled for one message type (e.g. iwmo WMO301)."""

    standaard: str
    bericht: str
    model: BerichtModel
    schema: etree.XMLSchema
    # Each scope XPath once, with the rules checked on the elements it selects and, per rule,
    # the tags of its scope elements (for its ``vooraf`` check).
    controles: tuple[tuple[etree.XPath, tuple[tuple[Regel, frozenset[str]], ...]], ...]
    dagtekening_tags: tuple[str, str, str]
    variabelen: tuple[tuple[str, etree.XPath], ...]
    kind_tags: dict[tuple[str, str], tuple[str, ...]]
    # Tag dispatch for small messages: per tag the rules (and scope test) its elements get,
    # and the tags to walk.
    per_tag: RegelsPerTag
    wandel_tags: tuple[str, ...]
    # Filled by the rules' Context as they go; shared by all messages of this type.
    paden: dict = field(default_factory=dict)
    xpaths: dict = field(default_factory=dict)

    def absoluut(self, tag: str) -> str:
        """Every element ``tag`` by its absolute path(s) in the XSD model (``Context.alle``)."""
        gevonden = self.paden.get(("absoluut", tag))
        if gevonden is None:
            paden = [
                "/" + "/".join(self.model.prefix(t) for t in knoop.tags)
                for knoop in self.model.knopen
                if knoop.tags[-1] == tag
            ]
            if not paden:
                gevonden = f"//{self.model.prefix(tag)}"
            elif len(paden) == 1:
                gevonden = paden[0]
            else:
                gevonden = "(" + " | ".join(paden) + ")"
            self.paden[("absoluut", tag)] = gevonden
        return gevonden

    def kinderen(self, ouder_tag: str, naam: str) -> tuple[str, ...]:
        """Qualified tags a child called ``naam`` can have under ``ouder_tag``."""
        tags = self.kind_tags.get((ouder_tag, naam))
        if tags is None:  # not in the XSD: try both namespaces (the rule asked for it)
            ns = self.model.ns
            tags = (f"{{{ns['m']}}}{naam}", f"{{{ns['b']}}}{naam}")
        return tags


# Variables for the rules' XPath filters (registry docstring): dates as numbers yyyymmdd,
# read with ``datum_van`` (the rules' own reading: a year before 1 or after 9999 becomes
# date.min / date.max, 10101 / 99991231), NaN when absent.
FILTERVARIABELEN = {
    "dagtekening": "/m:Bericht/m:Header/m:BerichtIdentificatie/b:Dagtekening",
    "declaratieperiode_eind": "/m:Bericht/m:Declaratie/m:DeclaratiePeriode/b:Einddatum",
    "declaratie_dagtekening": "/m:Bericht/m:Declaratie/m:DeclaratieDagtekening",
}


@cache
def berichttype(standaard: str, bericht: str) -> Berichttype:
    model = berichtmodel(standaard, bericht)
    schema = etree.XMLSchema(etree.parse(str(xsd_pad(standaard, bericht))))
    per_xpath: dict[str, list[tuple[Regel, frozenset[str]]]] = {}
    for code, patronen in sorted(scope_regels(standaard, bericht).items()):
        regel = REGELS.get(code)
        xpath = xpath_voor(model, patronen, regel.filter if regel else None)
        if regel is not None and xpath is not None:
            per_xpath.setdefault(xpath, []).append((regel, scope_tags(model, patronen)))
    controles = tuple(
        (etree.XPath(xpath, namespaces=model.ns), tuple(regels))
        for xpath, regels in per_xpath.items()
    )
    m, b = model.ns["m"], model.ns["b"]
    dagtekening = (f"{{{m}}}Header", f"{{{m}}}BerichtIdentificatie", f"{{{b}}}Dagtekening")
    gebruikt = " ".join(xpath.path for xpath, _ in controles)
    variabelen = tuple(
        (naam, etree.XPath(pad, namespaces=model.ns))
        for naam, pad in FILTERVARIABELEN.items()
        if f"${naam}" in gebruikt
    )
    per_tag = _per_tag(*_verdeling(model, scope_regels(standaard, bericht), per_xpath))
    return Berichttype(
        standaard,
        bericht,
        model,
        schema,
        controles,
        dagtekening,
        variabelen,
        model.kind_tags,
        per_tag,
        tuple(per_tag),
    )


def _verdeling(
    model: BerichtModel,
    scopes: dict[str, list[str]],
    per_xpath: dict[str, list[tuple[Regel, frozenset[str]]]],
) -> tuple[tuple[tuple[Regel, int], ...], int, dict[str, Verdeling]]:
    """The tag dispatch for small messages: which list ("slot") each element goes to.

    Built from the same ``scope_knopen`` as the XPaths, so both select the same elements. A
    rule whose scope is every element of one tag reads that tag's slot; any other rule (more
    tags, only some paths of a tag, a scope predicate) gets its own slot, filled in document
    order. Returns (rule, slot) pairs, the number of slots and the dispatch per tag.
    """
    regels = [regel for groep in per_xpath.values() for regel, _ in groep]
    alle_paden: dict[str, set[tuple[str, ...]]] = {}
    for knoop in model.knopen:
        alle_paden.setdefault(knoop.tags[-1], set()).add(knoop.tags)
    tag_slot: dict[str, int] = {}
    voorwaardelijk: dict[str, list[tuple[int, Keuze | None]]] = {}
    regel_slots: list[tuple[Regel, int]] = []
    slots = 0
    for regel in regels:
        per_tag: dict[str, dict[str | None, set[tuple[str, ...]]]] = {}
        for knoop, predicaat in scope_knopen(model, scopes[regel.code]):
            per_tag.setdefault(knoop.tags[-1], {}).setdefault(predicaat, set()).add(knoop.tags)
        keuzes: dict[str, Keuze | None] = {}
        for tag, per_predicaat in per_tag.items():
            alternatieven = tuple(
                (
                    None if paden == alle_paden[tag] else frozenset(paden),
                    None if predicaat is None else _predicaat_functie(model, predicaat),
                )
                for predicaat, paden in per_predicaat.items()
            )
            keuzes[tag] = None if alternatieven == ((None, None),) else alternatieven
        [(tag, keuze)] = keuzes.items() if len(keuzes) == 1 else [(None, ())]
        if tag is not None and keuze is None:
            if tag not in tag_slot:
                tag_slot[tag], slots = slots, slots + 1
            regel_slots.append((regel, tag_slot[tag]))
            continue
        slot, slots = slots, slots + 1
        regel_slots.append((regel, slot))
        for tag, keuze in keuzes.items():
            voorwaardelijk.setdefault(tag, []).append((slot, keuze))
    verdeling = {
        tag: (tag_slot.get(tag), tuple(voorwaardelijk.get(tag, ())))
        for tag in (*tag_slot, *(t for t in voorwaardelijk if t not in tag_slot))
    }
    return tuple(regel_slots), slots, verdeling


def _per_tag(
    regels: tuple[tuple[Regel, int], ...], slots: int, verdeling: dict[str, Verdeling]
) -> RegelsPerTag:
    """The slots turned around: per tag, every rule that sees (some of) its elements, with
    the test that decides which (None: all), in the order of ``regels``."""
    per_slot: list[list[Regel]] = [[] for _ in range(slots)]
    for regel, slot in regels:
        per_slot[slot].append(regel)
    volgorde = {regel.code: i for i, (regel, _) in enumerate(regels)}
    uit: RegelsPerTag = {}
    for tag, (slot, voorwaardelijk) in verdeling.items():
        paren = [(regel, None) for regel in per_slot[slot]] if slot is not None else []
        for slot_, keuze in voorwaardelijk:
            paren += [(regel, keuze) for regel in per_slot[slot_]]
        uit[tag] = tuple(sorted(paren, key=lambda paar: volgorde[paar[0].code]))
    return uit


_VERGELIJKING = re.compile(r"^([\w:/]+) = '([^']*)'$")


def _tags(model: BerichtModel, pad: str) -> tuple[str, ...]:
    uit = []
    for stap in pad.split("/"):
        prefix, _, naam = stap.partition(":")
        uit.append(f"{{{model.ns[prefix]}}}{naam}")
    return tuple(uit)


def _knopen(element: etree._Element, stappen: tuple[str, ...]) -> list[etree._Element]:
    huidig = [element]
    for tag in stappen:
        huidig = [kind for ouder in huidig for kind in ouder if kind.tag == tag]
    return huidig


def _kind_met_waarde(tag: str, waarde: str) -> Predicaat:
    """``kind = 'w'`` for a direct child: the common case, so the fast one."""

    def test(element: etree._Element, ctx: Context) -> bool:
        kind = ctx.kaart(element).get(tag)  # the first child with the tag, then the rest
        while kind is not None:
            if kind.tag == tag:
                tekst = (kind.text or "") if len(kind) == 0 else "".join(kind.itertext())
                if tekst == waarde:
                    return True
            kind = kind.getnext()
        return False

    return test


def _predicaat_functie(model: BerichtModel, predicaat: str) -> Predicaat:
    """A qualified scope predicate (``scope._predicaat``) as a Python test with XPath 1.0
    semantics: ``pad = 'w'`` (some node at pad has string-value w) or ``pad and pad``."""
    if match := _VERGELIJKING.match(predicaat):
        stappen, waarde = _tags(model, match.group(1)), match.group(2)
        if len(stappen) == 1:
            return _kind_met_waarde(stappen[0], waarde)
        return lambda el, ctx: any("".join(k.itertext()) == waarde for k in _knopen(el, stappen))
    delen = [_tags(model, deel.strip()) for deel in predicaat.split(" and ")]
    if all(len(stappen) == 1 for stappen in delen):
        enkel = [tag for (tag,) in delen]
        return lambda el, ctx: all(tag in ctx.kaart(el) for tag in enkel)
    return lambda el, ctx: all(_knopen(el, stappen) for stappen in delen)


def validate(
    data: bytes, *, max_bytes: int | None = None, max_fouten: int | None = MAX_FOUTEN
) -> Fouten:
    """The errors of one message (the first ``max_fouten``; None: all); ``[]`` when valid."""
    try:
        tree = parse_bytes(data, max_bytes=max_bytes, compact=True)
    except ParseFout as exc:
        return Fouten([exc.fout])
    return validate_tree(tree, max_fouten=max_fouten)


def validate_tree(tree: etree._ElementTree, *, max_fouten: int | None = MAX_FOUTEN) -> Fouten:
    """XSD and rule checks of a tree that ``parse_bytes`` accepted: the first ``max_fouten``
    findings (None: all), with ``totaal`` counting every one."""
    if max_fouten is not None:
        max_fouten = max(max_fouten, 1)  # an empty list must mean "valid"
    root = tree.getroot()
    soort = berichttype(*bericht_van(root))
    if not soort.schema.validate(tree):
        return _xsd_fouten(soort.schema, tree, max_fouten)
    return _regel_fouten(soort, root, max_fouten)


def _xsd_fouten(
    schema: etree.XMLSchema, tree: etree._ElementTree, max_fouten: int | None
) -> Fouten:
    log = schema.error_log  # a copy of the entry list
    # The cached schema keeps its log until its next validation: let it go now.
    schema._clear_error_log()
    fouten = [
        Fout("XSD", None, _xsd_pad(tree, entry), entry.line or None, _xsd_melding(entry))
        for entry in islice(log, max_fouten)
    ]
    return Fouten(fouten, len(log))


def _xsd_pad(tree: etree._ElementTree, entry: etree._LogEntry) -> str | None:
    """libxml2 reports a prefixed path (/wmo301:Bericht/...); resolve it to our notation."""
    if not entry.path:
        return None
    try:
        gevonden = tree.xpath(entry.path, namespaces=tree.getroot().nsmap | {})
    except (etree.XPathError, TypeError):
        return None
    if isinstance(gevonden, list) and gevonden and isinstance(gevonden[0], etree._Element):
        return element_pad(gevonden[0])
    return None


def _xsd_melding(entry: etree._LogEntry) -> str:
    return f"Het bericht voldoet niet aan het XSD: {entry.message}"


def _regel_fouten(soort: Berichttype, root: etree._Element, max_fouten: int | None) -> Fouten:
    ctx = Context(
        standaard=soort.standaard,
        bericht=soort.bericht,
        ns=soort.model.ns,
        root=root,
        dagtekening=_dagtekening(soort, root),
        kinderen=soort.kinderen,
        paden=soort.paden,
        xpaths=soort.xpaths,
        absoluut=soort.absoluut,
    )
    fouten = _Eerste(max_fouten)
    ctx.kaarten = {}  # child maps per element, shared by the rules (``Context.kaart``)
    if not _controleer_klein(soort, root, ctx, fouten, KLEIN_MAX_ELEMENTEN):
        ctx.kaarten = None  # thousands of elements: rules see few of them, keep no maps
        _controleer_groot(soort, root, ctx, fouten, vooraf=VOORAF)
    return fouten.uitslag()


def _volgorde(fout: Fout) -> tuple[int, str, str]:
    """The order findings are reported in: line, rule code, path."""
    return (fout.line or 0, fout.code, fout.xpath or "")


class _Eerste:
    """Collects rule findings, holding only the first ``maximum`` in report order (plus a
    batch) and counting all: ``sorted(all)[:maximum]`` without keeping them all."""

    __slots__ = ("maximum", "fouten", "totaal", "_grens")

    def __init__(self, maximum: int | None) -> None:
        self.maximum = maximum
        self.fouten: list[Fout] = []
        self.totaal = 0
        self._grens = None if maximum is None else max(2 * maximum, 1_000)

    def append(self, fout: Fout) -> None:
        self.totaal += 1
        self.fouten.append(fout)
        if self._grens is not None and len(self.fouten) >= self._grens:
            self._inkorten()

    def _inkorten(self) -> None:
        # A stable sort: equal keys keep their arrival order, as one sort of all would.
        self.fouten.sort(key=_volgorde)
        del self.fouten[self.maximum :]

    def uitslag(self) -> Fouten:
        self.fouten.sort(key=_volgorde)
        return Fouten(self.fouten[: self.maximum], self.totaal)


def _controleer_klein(
    soort: Berichttype, root: etree._Element, ctx: Context, fouten: _Eerste, limiet: int
) -> bool:
    """Every rule function on every element of its scope, from one walk over the scope
    elements in document order; False (nothing done) when more than ``limiet`` elements are
    in some scope.

    No filters, no ``vooraf``: a small message costs less in Python than in extra XPath calls;
    the functions are the authority. Each rule still sees its elements in document order
    (uniqueness rules rely on that); the findings are sorted afterwards, and no rule's result
    depends on another rule having run, so taking the rules per element instead of per rule
    changes nothing.
    """
    if not soort.wandel_tags:
        return True  # iter() without tags would walk everything
    limiet = max(limiet, 0)  # (a negative limit, in tests: any scope element is too many)
    elementen = list(islice(root.iter(*soort.wandel_tags), limiet + 1))
    if len(elementen) > limiet:
        return False
    per_tag = soort.per_tag
    for element in elementen:
        for regel, keuze in per_tag[element.tag]:
            if keuze is not None and not _in_keuze(element, keuze, ctx):
                continue
            for bevinding in regel.functie(element, ctx):
                fouten.append(_fout(regel, bevinding.element, bevinding.message))
    return True


def _in_keuze(element: etree._Element, keuze: Keuze, ctx: Context) -> bool:
    pad = None
    for paden, predicaat in keuze:
        if paden is not None:
            if pad is None:
                pad = _tagpad(element)
            if pad not in paden:
                continue
        if predicaat is None or predicaat(element, ctx):
            return True
    return False


def _tagpad(element: etree._Element) -> tuple[str, ...]:
    tags = []
    huidig: etree._Element | None = element
    while huidig is not None:
        tags.append(huidig.tag)
        huidig = huidig.getparent()
    return tuple(reversed(tags))


def _controleer_groot(
    soort: Berichttype, root: etree._Element, ctx: Context, fouten: _Eerste, vooraf: bool
) -> None:
    """The compiled scope XPaths with the rules' filters, after their ``vooraf`` checks."""
    variabelen = _variabelen(soort, root)
    for xpath, groep in soort.controles:
        regels = [
            regel
            for regel, tags in groep
            if not vooraf or regel.vooraf is None or regel.vooraf(ctx, tags)
        ]
        if not regels:
            continue  # no rule of this group can be violated in this message
        elementen = xpath(root, **variabelen)
        for regel in regels:
            functie = regel.functie
            for element in elementen:
                for bevinding in functie(element, ctx):
                    fouten.append(_fout(regel, bevinding.element, bevinding.message))


def _variabelen(soort: Berichttype, root: etree._Element) -> dict[str, float]:
    """The XPath variables the rule filters use, each evaluated once per message."""
    uit = {}
    for naam, xpath in soort.variabelen:
        elementen = xpath(root)
        dag = datum_van(elementen[0]) if elementen else None
        uit[naam] = float("nan") if dag is None else dag.year * 10000.0 + dag.month * 100 + dag.day
    return uit


def _dagtekening(soort: Berichttype, root: etree._Element) -> date | None:
    """/Bericht/Header/BerichtIdentificatie/Dagtekening (XSD-valid: exactly one)."""
    element = root
    for tag in soort.dagtekening_tags:
        element = element[0] if len(element) else None
        while element is not None and element.tag != tag:
            element = element.getnext()
        if element is None:
            return None
    return datum_van(element)


def _fout(regel: Regel, element: etree._Element, message: str) -> Fout:
    return Fout(regel.code, regel.retourcode, element_pad(element), element.sourceline, message)
