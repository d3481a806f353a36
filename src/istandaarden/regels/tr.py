"""Technische regels (TR) of iWmo 3.2 and iJw 3.2 that the standard checks inside one message.

Each function gets one element that its scope (regel-scope.md, plus TR101 in
``scope.AANVULLENDE_SCOPE``) selects and yields a ``Bevinding`` per violation. The validator
hands elements over in document order, so uniqueness rules remember what they saw in
``ctx.cache`` and report the second and later occurrence.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from lxml import etree

from istandaarden.regels.registry import Bevinding, Context, GrensDatum, datum_van, regel

Bevindingen = Iterator[Bevinding]

# XPath pre-filters (see registry): dates as numbers yyyymmdd; each selects a superset.
# Only a plain YYYY-MM-DD compares correctly that way, so every filter also selects a date
# written otherwise (a year before 1 or after 9999: longer than 10 characters); the function
# decides those (``datum_van`` maps them to date.min / date.max).
DATUM = "translate(., '-', '')"
BIJZONDER = "string-length({}) > 10"
DECLARATIEPERIODE_EIND = "$declaratieperiode_eind"
DECLARATIE_DAGTEKENING = "$declaratie_dagtekening"

# iWmo only (TR302/TR386/TR410 toelichting): products of these categories may overlap.
CATEGORIEEN_MET_STAPELING = frozenset({"11", "12", "13", "14"})
# TR302: removed assignments (Einddatum = Ingangsdatum with these RedenWijziging) don't count.
REDEN_VERWIJDERD = frozenset({"13", "01"})
ONBEKENDE_GEBOORTEDATUM = date(1900, 1, 1)  # with DatumGebruik 3 (TR002 toelichting)
WOONPLAATSBEGINSEL = "8"  # RedenAfwijzingVerzoek 8 (TR377/TR409)
GOEDGEKEURD = "0200"  # WJ001 retourcode: berichtklasse goedgekeurd (TR342)
VOLLEDIG_TOEGEKEND = "8001"  # WJ001: declaratie volledig toegekend (IV087): no rejection either

# TR416: what makes two debet prestaties of one client "the same" (one XPath call: hot path).
# A ToewijzingNummer is the client's own, so the client's Bsn is part of it.
TR416_SLEUTEL = (
    "concat(../../m:Bsn, '|', m:ToewijzingNummer, '|', m:ProductCategorie, '|', m:ProductCode,"
    " '|', m:ProductPeriode/b:Begindatum, '|', m:ProductPeriode/b:Einddatum)"
)
# TR101: logical key (paths of local names) per repeating berichtklasse: the elements the
# CD/CS tables (condities-constraints, iWmo and iJw 3.2) mark "Sleutelelement: ja". A
# composite such as Product counts with all its parts. The first path is the most selective
# one: the precheck and the fast path only look at it (all distinct there: all keys distinct).
LOGISCHE_SLEUTELS: dict[str, tuple[str, ...]] = {
    "ToegewezenProduct": ("ToewijzingNummer",),  # 301
    "Relatie": ("Nummer",),  # 301
    "Contact": ("Soort",),  # 301, Client/Contactgegevens
    "StartProduct": ("ToewijzingNummer", "Product/Categorie", "Product/Code", "Begindatum"),
    "StopProduct": (
        "ToewijzingNummer",
        "Product/Categorie",
        "Product/Code",
        "Begindatum",
        "Einddatum",
        "RedenBeeindiging",
    ),
    "OngewijzigdProduct": ("ToewijzingNummer",),  # 317
    "TeWijzigenProduct": ("ToewijzingNummer",),  # 317
    "NieuwProduct": ("Product/Categorie", "Product/Code", "GewensteIngangsdatum"),  # 317
    "Client": ("Bsn",),  # 323, 325
    "Prestatie": (  # 323, 325: ProductReferentie
        "ProductReferentie/ReferentieNummer",
        "ProductReferentie/VorigReferentieNummer",
    ),
}


def jaren_voor(dag: date, jaren: int) -> date:
    """``dag`` minus whole years (29 February becomes 28 February); ``date.min`` when that
    is before year 1 (a Dagtekening 0100-08-13 minus 120 years): nothing is earlier."""
    jaar = dag.year - jaren
    if jaar < 1:
        return date.min
    try:
        return date(jaar, dag.month, dag.day)
    except ValueError:
        return date(jaar, dag.month, 28)


def _nl(dag: date) -> str:
    if isinstance(dag, GrensDatum) and dag.tekst:
        return dag.tekst  # out of range: as written
    return f"{dag.day:02d}-{dag.month:02d}-{dag.year:04d}"


def _lokaal(element: etree._Element) -> str:
    return etree.QName(element).localname


# ``vooraf`` checks (see registry): whole-message columns, False = certainly no violation.
# XSD-valid dates here are xs:date without timezone (LDT_Datum). Stripped texts of plain
# YYYY-MM-DD dates compare as dates; a longer text (a year before 1 or after 9999) does not,
# so a check that finds one answers True and lets the function decide.


def _bijzonder(teksten: list[str]) -> bool:
    """Whether some (stripped) date text is not a plain YYYY-MM-DD (C-level length scan)."""
    return (
        bool(teksten)
        and max(map(len, teksten)) > 10
        and any(len(tekst.strip()) > 10 for tekst in teksten)
    )


def _datums(ctx: Context, naam: str) -> list[str]:
    """Stripped texts of every element with the local name ``naam`` (m: and b:); cached
    per message (TR137 and TR319 read the same columns)."""
    sleutel = ("datums", naam)
    gevonden = ctx.cache.get(sleutel)
    if gevonden is None:
        gevonden = ctx.cache[sleutel] = [
            tekst.strip() for ns in ("m", "b") for tekst in ctx.teksten(f"{ns}:{naam}")
        ]
    return gevonden


def _bijzondere_datums(ctx: Context, naam: str) -> bool:
    """``_bijzonder`` of ``_datums(ctx, naam)`` (already stripped), cached per message."""
    sleutel = ("datums bijzonder", naam)
    gevonden = ctx.cache.get(sleutel)
    if gevonden is None:
        datums = _datums(ctx, naam)
        gevonden = ctx.cache[sleutel] = bool(datums) and max(map(len, datums)) > 10
    return gevonden


def _een_datum_na(ctx: Context, tags: frozenset[str], grens: date | None) -> bool:
    """Whether any element with one of ``tags`` holds a date after ``grens``."""
    if grens is None:
        return False
    iso = grens.isoformat()
    for tag in tags:
        teksten = ctx.teksten(tag)
        if any(tekst.strip() > iso for tekst in teksten) or _bijzonder(teksten):
            return True
    return False


# ---------------------------------------------------------------- dates


@regel(
    "TR002",
    titel="Geboortedatum niet meer dan 120 jaar voor de Dagtekening",
    filter=f"{DATUM} <= $dagtekening - 1200000 or {BIJZONDER.format('.')}",
)
def tr002_geboortedatum_max_120_jaar(element: etree._Element, ctx: Context) -> Bevindingen:
    datum = datum_van(element)
    if datum is None or ctx.dagtekening is None:
        return
    if datum == ONBEKENDE_GEBOORTEDATUM and ctx.tekst(element.getparent(), "DatumGebruik") == "3":
        return
    if datum < jaren_voor(ctx.dagtekening, 120):
        yield Bevinding(
            element,
            f"Geboortedatum {_nl(datum)} ligt meer dan 120 jaar voor de dagtekening "
            f"{_nl(ctx.dagtekening)}.",
        )


def _tr134_mogelijk(ctx: Context, tags: frozenset[str]) -> bool:
    return _een_datum_na(ctx, tags, ctx.dagtekening)


@regel(
    "TR134",
    titel="Bestaande datum die niet groter is dan de Dagtekening van het bericht",
    filter=f"{DATUM} > $dagtekening or {BIJZONDER.format('.')}",
    vooraf=_tr134_mogelijk,
)
def tr134_niet_na_dagtekening(element: etree._Element, ctx: Context) -> Bevindingen:
    datum = datum_van(element)
    if datum and ctx.dagtekening and datum > ctx.dagtekening:
        yield Bevinding(
            element,
            f"{_lokaal(element)} {_nl(datum)} ligt na de dagtekening van het bericht "
            f"({_nl(ctx.dagtekening)}).",
        )


def _tr137_mogelijk(ctx: Context, tags: frozenset[str]) -> bool:
    """Per period: an Einddatum before its own Begindatum or after the dagtekening. The
    whole-message test first (enough for uniform periods), then period by period; a date
    that is not a plain YYYY-MM-DD anywhere (the grof test) already answers True."""
    if not _tr137_mogelijk_grof(ctx):
        return False
    if _bijzondere_datums(ctx, "Einddatum") or _bijzondere_datums(ctx, "Begindatum"):
        return True
    dag = ctx.dagtekening.isoformat() if ctx.dagtekening is not None else None
    for tag in tags:
        perioden = ctx.perioden(tag)
        if perioden is None:
            return True  # the grof test said True
        for begin, eind in perioden:
            if eind is None:
                continue  # no Einddatum: no violation
            eind = eind.strip()
            if (dag is not None and eind > dag) or (begin is not None and eind < begin.strip()):
                return True
    return False


def _tr137_mogelijk_grof(ctx: Context) -> bool:
    """An Einddatum after the dagtekening, or one before some Begindatum in the message
    (a period with Einddatum < Begindatum makes min(Einddatum) < max(Begindatum))."""
    einden, beginnen = _datums(ctx, "Einddatum"), _datums(ctx, "Begindatum")
    if not einden:
        return False
    if _bijzondere_datums(ctx, "Einddatum") or _bijzondere_datums(ctx, "Begindatum"):
        return True
    if ctx.dagtekening is not None and max(einden) > ctx.dagtekening.isoformat():
        return True
    return bool(beginnen) and min(einden) < max(beginnen)


@regel(
    "TR137",
    titel="Einddatum niet voor de Begindatum van de periode en niet na de Dagtekening",
    filter="translate(b:Einddatum, '-', '') < translate(b:Begindatum, '-', '')"
    " or translate(b:Einddatum, '-', '') > $dagtekening"
    f" or {BIJZONDER.format('b:Einddatum')} or {BIJZONDER.format('b:Begindatum')}",
    vooraf=_tr137_mogelijk,
)
def tr137_einddatum_periode(element: etree._Element, ctx: Context) -> Bevindingen:
    """Reported once per period (its scope element), naming every way the Einddatum is wrong."""
    eind = ctx.datum(element, "Einddatum")
    if eind is None:
        return
    begin = ctx.datum(element, "Begindatum")
    fout = []
    if begin and eind < begin:
        fout.append(f"ligt voor de begindatum {_nl(begin)}")
    if ctx.dagtekening and eind > ctx.dagtekening:
        fout.append(f"ligt na de dagtekening van het bericht ({_nl(ctx.dagtekening)})")
    if fout:
        yield Bevinding(
            element, f"Einddatum {_nl(eind)} van {_lokaal(element)} {' en '.join(fout)}."
        )


@regel(
    "TR018",
    titel="Einddatum moet groter dan of gelijk zijn aan Begindatum",
    filter=f"{DATUM} < translate(../m:Begindatum, '-', '') or {BIJZONDER.format('.')}"
    f" or {BIJZONDER.format('../m:Begindatum')}",
)
def tr018_einddatum_na_begindatum(element: etree._Element, ctx: Context) -> Bevindingen:
    eind, begin = datum_van(element), ctx.datum(element.getparent(), "Begindatum")
    if eind and begin and eind < begin:
        yield Bevinding(element, f"Einddatum {_nl(eind)} ligt voor de begindatum {_nl(begin)}.")


def _tr335_mogelijk(ctx: Context, tags: frozenset[str]) -> bool:
    declaratiedag = _declaratie_dagtekening(ctx)
    if declaratiedag is None:
        return False
    grens = jaren_voor(declaratiedag, 5).isoformat()
    for tag in tags:  # a year before 1 starts with '-' and sorts first: no _bijzonder needed
        teksten = ctx.teksten(tag)
        if any(tekst.strip() < grens for tekst in teksten) or _bijzonder(teksten):
            return True
    return False


@regel(
    "TR335",
    titel="Einddatum niet meer dan 5 jaar voor DeclaratieDagtekening",
    filter=f"{DATUM} <= {DECLARATIE_DAGTEKENING} - 50000 or {BIJZONDER.format('.')}",
    vooraf=_tr335_mogelijk,
)
def tr335_einddatum_max_5_jaar(element: etree._Element, ctx: Context) -> Bevindingen:
    eind, declaratiedag = datum_van(element), _declaratie_dagtekening(ctx)
    if eind and declaratiedag and eind < jaren_voor(declaratiedag, 5):
        yield Bevinding(
            element,
            f"Einddatum {_nl(eind)} ligt meer dan 5 jaar voor de declaratiedagtekening "
            f"{_nl(declaratiedag)}.",
        )


def _declaratie_dagtekening(ctx: Context) -> date | None:
    if "TR335" not in ctx.cache:
        ctx.cache["TR335"] = ctx.datum(ctx.root, "Declaratie/DeclaratieDagtekening")
    return ctx.cache["TR335"]


@regel(
    "TR380",
    titel="Datum die groter is dan de Dagtekening van het bericht",
    filter=f"{DATUM} <= $dagtekening or {BIJZONDER.format('.')}",
)
def tr380_na_dagtekening(element: etree._Element, ctx: Context) -> Bevindingen:
    datum = datum_van(element)
    if datum and ctx.dagtekening and datum <= ctx.dagtekening:
        yield Bevinding(
            element,
            f"{_lokaal(element)} {_nl(datum)} moet na de dagtekening van het bericht "
            f"({_nl(ctx.dagtekening)}) liggen.",
        )


def _tr319_mogelijk(ctx: Context, tags: frozenset[str]) -> bool:
    """Some Einddatum or Begindatum in the message after the end of the declaratieperiode."""
    grens = _declaratieperiode_eind(ctx)
    if grens is None:
        return False
    iso = grens.isoformat()
    return (
        any(tekst > iso for tekst in _datums(ctx, "Einddatum"))
        or any(tekst > iso for tekst in _datums(ctx, "Begindatum"))
        or _bijzondere_datums(ctx, "Einddatum")
        or _bijzondere_datums(ctx, "Begindatum")
    )


@regel(
    "TR319",
    vooraf=_tr319_mogelijk,
    titel="Prestaties alleen met een ProductPeriode binnen de huidige of een voorgaande "
    "declaratieperiode",
    filter=f"translate(m:ProductPeriode/b:Einddatum, '-', '') > {DECLARATIEPERIODE_EIND}"
    f" or translate(m:ProductPeriode/b:Begindatum, '-', '') > {DECLARATIEPERIODE_EIND}"
    f" or {BIJZONDER.format('m:ProductPeriode/b:Einddatum')}"
    f" or {BIJZONDER.format('m:ProductPeriode/b:Begindatum')}",
    # The rule text calls it berichtoverstijgend (9319); regel-scope.md checks it in the
    # message, and single-message findings report 0001 (the JSON contract).
    officiele_retourcode="9319",
)
def tr319_productperiode_in_declaratieperiode(element: etree._Element, ctx: Context) -> Bevindingen:
    """TR319: the ProductPeriode falls within the current or an earlier declaratieperiode,
    so neither of its dates lies after the declaratieperiode's Einddatum. Both are read: a
    Begindatum after it is a violation even when the Einddatum is not (an inverted period)."""
    periode_eind = _declaratieperiode_eind(ctx)
    periode = ctx.kind(element, "ProductPeriode")
    if periode is None or periode_eind is None:
        return
    for naam in ("Begindatum", "Einddatum"):
        datum = ctx.datum(periode, naam)
        if datum and datum > periode_eind:
            yield Bevinding(
                element,
                f"{naam} {_nl(datum)} van de ProductPeriode ligt na het einde van de "
                f"declaratieperiode ({_nl(periode_eind)}): de ProductPeriode valt niet binnen "
                "de huidige of een voorgaande declaratieperiode.",
            )
            return


def _declaratieperiode_eind(ctx: Context) -> date | None:
    if "TR319" not in ctx.cache:
        ctx.cache["TR319"] = ctx.datum(ctx.root, "Declaratie/DeclaratiePeriode/Einddatum")
    return ctx.cache["TR319"]


# ---------------------------------------------------------------- contact


@regel("TR006", titel="Contact bevat Telefoon en/of de combinatie Huis en Postcode")
def tr006_contact_bereikbaar(element: etree._Element, ctx: Context) -> Bevindingen:
    if ctx.kind(element, "Telefoon") is not None:
        return
    if (
        ctx.kind(element, "Adres/Huis") is not None
        and ctx.kind(element, "Adres/Postcode") is not None
    ):
        return
    yield Bevinding(element, "Contact moet een Telefoon of een Huis met Postcode bevatten.")


@regel("TR061", titel="Client heeft minimaal één BRP-, correspondentie- of verblijfadres")
def tr061_client_adres(element: etree._Element, ctx: Context) -> Bevindingen:
    for contact in ctx.kinderen_van(element, "Contact"):
        if ctx.tekst(contact, "Soort") in {"01", "02", "03"}:
            return
    yield Bevinding(
        element,
        "Bij de cliënt moet minimaal één adres met soort 01 (BRP-adres), 02 "
        "(correspondentieadres) of 03 (verblijfadres) voorkomen.",
    )


# ---------------------------------------------------------------- overlapping products


@dataclass(frozen=True, slots=True)
class Zorgperiode:
    """A product with its period, as TR302/TR386/TR410 compare them."""

    categorie: str | None
    code: str | None
    begin: date | None
    eind: date | None  # None: open-ended

    def overlapt(self, ander: Zorgperiode) -> bool:
        if self.begin is None or ander.begin is None:
            return False
        return (ander.eind is None or self.begin <= ander.eind) and (
            self.eind is None or ander.begin <= self.eind
        )

    def zelfde_product(self, ander: Zorgperiode, standaard: str) -> bool:
        categorieen = {self.categorie, ander.categorie}
        if standaard == "iwmo" and categorieen & CATEGORIEEN_MET_STAPELING:
            return False  # iWmo: categories 11-14 may overlap, also at category level
        if self.categorie is None or ander.categorie is None:
            return True  # no category: may overlap with no other product
        if self.categorie != ander.categorie:
            return False
        if self.code and ander.code:
            return self.code == ander.code
        return True  # no product code: the rule holds at category level


def _zorgperiode(element: etree._Element, ctx: Context, begin: str, eind: str) -> Zorgperiode:
    """Cached per element: a product is compared with each later sibling."""
    sleutel = ("zorgperiode", element, begin)
    periode = ctx.cache.get(sleutel)
    if periode is None:
        periode = ctx.cache[sleutel] = Zorgperiode(
            ctx.tekst(element, "Product/Categorie"),
            ctx.tekst(element, "Product/Code"),
            ctx.datum(element, begin),
            ctx.datum(element, eind),
        )
    return periode


def _heeft_eerdere(element: etree._Element) -> bool:
    """Whether an earlier sibling has the same tag (without one nothing can overlap)."""
    tag = element.tag
    vorige = element.getprevious()
    while vorige is not None:
        if vorige.tag == tag:
            return True
        vorige = vorige.getprevious()
    return False


def _producten_verschillend(container: etree._Element, tag: str, ctx: Context) -> bool:
    """Whether every ``tag`` child of ``container`` has a Product Categorie and Code and no two
    share both: then no two are the same product (``Zorgperiode.zelfde_product``), so none
    can overlap. Cached per container; a cheap superset test for TR302, TR386 and TR410."""
    sleutel = ("producten verschillend", container, tag)
    uitkomst = ctx.cache.get(sleutel)
    if uitkomst is None:
        gezien: set[tuple[str, str]] = set()
        uitkomst = True
        for product in container:
            if product.tag != tag:
                continue
            categorie = ctx.tekst(product, "Product/Categorie")
            code = ctx.tekst(product, "Product/Code")
            if not categorie or not code or (categorie, code) in gezien:
                uitkomst = False
                break
            gezien.add((categorie, code))
        ctx.cache[sleutel] = uitkomst
    return uitkomst


def _overlap_mogelijk(ctx: Context, tags: frozenset[str]) -> bool:
    """``vooraf`` of TR302/TR386/TR410: some container holds the same product twice (or one
    without Categorie or Code, which may be the same as any other)."""
    for tag in tags:
        containers = {id(p.getparent()): p.getparent() for p in ctx.root.iter(tag)}
        for container in containers.values():
            if container is not None and not _producten_verschillend(container, tag, ctx):
                return True
    return False


def _overlappingen(
    element: etree._Element, ctx: Context, begin: str, eind: str, telt=None
) -> Bevindingen:
    """Compare with every earlier sibling of the same class; report on the later one."""
    if not _heeft_eerdere(element):
        return
    ouder = element.getparent()
    if ouder is not None and _producten_verschillend(ouder, element.tag, ctx):
        return
    eigen = _zorgperiode(element, ctx, begin, eind)
    for eerder in element.itersiblings(element.tag, preceding=True):
        if telt is not None and not telt(eerder):
            continue
        ander = _zorgperiode(eerder, ctx, begin, eind)
        if eigen.zelfde_product(ander, ctx.standaard) and eigen.overlapt(ander):
            yield Bevinding(
                element,
                f"{_lokaal(element)} overlapt in zorgperiode met een eerder "
                f"{_lokaal(element)} voor hetzelfde product (regel {eerder.sourceline}).",
            )
            return


def _actuele_toewijzing(ctx: Context):
    def telt(element: etree._Element) -> bool:
        sleutel = ("TR302-telt", element)
        uitkomst = ctx.cache.get(sleutel)
        if uitkomst is None:
            periode = _zorgperiode(element, ctx, "Ingangsdatum", "Einddatum")
            ingang, eind = periode.begin, periode.eind
            verwijderd = ctx.tekst(element, "RedenWijziging") in REDEN_VERWIJDERD
            uitkomst = ctx.cache[sleutel] = not (
                verwijderd and ingang is not None and ingang == eind
            )
        return uitkomst

    return telt


@regel(
    "TR302",
    titel="Een Product alleen vaker in een toewijzingsbericht zonder overlap",
    vooraf=_overlap_mogelijk,
)
def tr302_toewijzingen_overlappen_niet(element: etree._Element, ctx: Context) -> Bevindingen:
    # Both tests only return early; the cached per-container one first (usually decisive).
    ouder = element.getparent()
    if ouder is not None and _producten_verschillend(ouder, element.tag, ctx):
        return
    if not _heeft_eerdere(element):
        return
    telt = _actuele_toewijzing(ctx)
    if telt(element):
        yield from _overlappingen(element, ctx, "Ingangsdatum", "Einddatum", telt)


@regel(
    "TR386",
    titel="Een Product alleen vaker in een verzoek om toewijzing zonder overlap",
    vooraf=_overlap_mogelijk,
)
def tr386_aanvragen_overlappen_niet(element: etree._Element, ctx: Context) -> Bevindingen:
    yield from _overlappingen(element, ctx, "ToewijzingIngangsdatum", "ToewijzingEinddatum")


@regel(
    "TR410",
    titel="Een Product alleen vaker in NieuwProduct zonder overlap",
    vooraf=_overlap_mogelijk,
)
def tr410_nieuwe_producten_overlappen_niet(element: etree._Element, ctx: Context) -> Bevindingen:
    yield from _overlappingen(element, ctx, "GewensteIngangsdatum", "Einddatum")


# ---------------------------------------------------------------- uniqueness


def _al_gezien(ctx: Context, code: str, sleutel: object) -> bool:
    """Remember ``sleutel`` for rule ``code``; True when it was seen before in this message."""
    gezien = ctx.cache.setdefault(code, set())
    if sleutel in gezien:
        return True
    gezien.add(sleutel)
    return False


def _tr101_mogelijk(ctx: Context, tags: frozenset[str]) -> bool:
    """Per container tag: every child of every such container is the keyed class (the XSD
    allows that class only there), each with exactly one element at the key's first path
    (allowed only on that path), and all those texts differ in the whole message, so also
    within each container; then the whole keys differ too. Anything else (mixed children, a
    repeated first key field) runs the rule."""
    for tag in tags:
        containers = list(ctx.root.iter(tag))
        if not containers:
            continue
        klasse = next(containers[0].iterchildren(etree.Element), None)
        paden = _sleutelpaden(klasse.tag) if klasse is not None else None
        if not paden:
            return True
        stappen = ctx._stappen(klasse.tag, paden[0])
        if any(len(stap) != 1 for stap in stappen):
            return True
        ouder = tag
        for kind in (klasse.tag, *(stap for (stap,) in stappen)):
            if ctx.ouders(kind) != {ctx.prefix(ouder)}:
                return True
            ouder = kind
        kinderen = sum(len(container) for container in containers)  # comments count too
        waarden = ctx.teksten(stappen[-1][0])
        if ctx.aantal(klasse.tag) != kinderen or len(waarden) != kinderen:
            return True
        if len(set(waarden)) != kinderen:
            return True
    return False


@regel(
    "TR101",
    titel="Binnen een bericht zijn dubbele regels niet toegestaan",
    vooraf=_tr101_mogelijk,
)
def tr101_geen_dubbele_regels(element: etree._Element, ctx: Context) -> Bevindingen:
    if len(element) < 2:  # one class (the usual Contactgegevens): nothing to repeat
        return
    if len(element) > 16 and _zeker_uniek(element, ctx):  # the XPath pays off on many
        return
    gezien: set[tuple[str | None, ...]] = set()
    for klasse in element:
        paden = _sleutelpaden(klasse.tag) if isinstance(klasse.tag, str) else None
        if not paden:
            continue
        if len(paden) == 1:
            sleutel: tuple[str | None, ...] = (ctx.tekst(klasse, paden[0]),)
        else:
            sleutel = tuple(ctx.tekst(klasse, pad) for pad in paden)
        if sleutel in gezien:
            yield Bevinding(
                klasse,
                f"{_lokaal(klasse)} komt dubbel voor: de logische sleutel "
                f"({', '.join(f'{p}={w}' for p, w in zip(paden, sleutel, strict=True))}) "
                "is al gebruikt.",
            )
        gezien.add(sleutel)


_SLEUTELPADEN: dict[str, tuple[str, ...] | None] = {}


def _sleutelpaden(tag: str) -> tuple[str, ...] | None:
    """LOGISCHE_SLEUTELS by qualified tag (cached)."""
    try:
        return _SLEUTELPADEN[tag]
    except KeyError:
        paden = _SLEUTELPADEN[tag] = LOGISCHE_SLEUTELS.get(etree.QName(tag).localname)
        return paden


def _zeker_uniek(container: etree._Element, ctx: Context) -> bool:
    """Fast path: the values of the key's first field at once in one XPath call; one per
    child and all distinct means all keys are distinct."""
    eerste = next(iter(container), None)
    paden = LOGISCHE_SLEUTELS.get(_lokaal(eerste)) if eerste is not None else None
    if not paden:
        return False
    stappen = ctx._stappen(eerste.tag, paden[0])
    if any(len(tags) != 1 for tags in stappen):
        return False
    pad = "/".join(ctx.prefix(tag) for (tag,) in ((eerste.tag,), *stappen))
    waarden = ctx.xpath(f"{pad}/text()")(container)
    return len(waarden) == len(container) and len(set(waarden)) == len(waarden)


def _met_vorig_referentienummer(ctx: Context, tags: frozenset[str]) -> bool:
    return bool(ctx.teksten("b:VorigReferentieNummer") or ctx.teksten("m:VorigReferentieNummer"))


@regel(
    "TR315",
    titel="VorigReferentieNummer van de Prestatie is uniek in het bericht",
    filter="b:VorigReferentieNummer",
    vooraf=_met_vorig_referentienummer,
)
def tr315_vorig_referentienummer_uniek(element: etree._Element, ctx: Context) -> Bevindingen:
    vorig = ctx.kind(element, "VorigReferentieNummer")
    if vorig is not None and _al_gezien(ctx, "TR315", vorig.text):
        yield Bevinding(
            element, f"VorigReferentieNummer '{vorig.text}' komt vaker voor in het bericht."
        )


@regel(
    "TR316",
    titel="Debetregels mogen niet in hetzelfde bericht gecrediteerd worden",
    filter="b:VorigReferentieNummer",
    vooraf=_met_vorig_referentienummer,
)
def tr316_niet_crediteren_in_zelfde_bericht(element: etree._Element, ctx: Context) -> Bevindingen:
    vorig = ctx.kind(element, "VorigReferentieNummer")
    if vorig is not None and vorig.text in _referentienummers(ctx, element.tag):
        yield Bevinding(
            element,
            f"VorigReferentieNummer '{vorig.text}' verwijst naar een prestatie in hetzelfde "
            "bericht.",
        )


def _referentienummers(ctx: Context, productreferentie_tag: str) -> set[str | None]:
    if "TR316" not in ctx.cache:
        nummers = set()
        for referentie in ctx.root.iter(productreferentie_tag):
            nummers.add(ctx.tekst(referentie, "ReferentieNummer"))
        ctx.cache["TR316"] = nummers
    return ctx.cache["TR316"]


@regel("TR383", titel="ReferentieAanbieder is uniek voor elk AangevraagdProduct")
def tr383_referentie_aanbieder_uniek(element: etree._Element, ctx: Context) -> Bevindingen:
    referentie = ctx.kind(element, "ReferentieAanbieder")
    if referentie is not None and _al_gezien(ctx, "TR383", referentie.text):
        yield Bevinding(
            element,
            f"ReferentieAanbieder '{referentie.text}' komt al voor bij een ander "
            "AangevraagdProduct.",
        )


# TR416's key without the client's Bsn: children of the Prestatie (see _tr416_mogelijk).
TR416_KOLOMMEN = ("ToewijzingNummer", "ProductCategorie", "ProductCode")  # + ProductPeriode


def _tr416_mogelijk(ctx: Context, tags: frozenset[str]) -> bool:
    """Two prestaties can only share TR416's key when they share it without the Bsn and
    without looking at debet/credit. With aligned columns (each key field a child that the
    XSD allows only below the Prestatie, exactly one per prestatie) all distinct tuples mean
    no violation. Realistic declaraties repeat a ToewijzingNummer (weekly prestaties), so the
    ToewijzingNummer test alone (tried first, enough when they are all distinct) runs it."""
    if not _tr416_mogelijk_grof(ctx, tags):
        return False
    m = ctx.ns["m"]
    for tag in tags:
        n, ouder = len(ctx.teksten(tag)), {ctx.prefix(tag)}
        kolommen: list[list] = []
        for naam in TR416_KOLOMMEN:
            kind = f"{{{m}}}{naam}"
            kolom = ctx.teksten(kind)
            if ctx.ouders(kind) != ouder or len(kolom) != n:
                return _tr416_mogelijk_grof(ctx, tags)
            kolommen.append(kolom)
        periode = f"{{{m}}}ProductPeriode"
        perioden = ctx.perioden(periode)
        if ctx.ouders(periode) != ouder or perioden is None or len(perioden) != n:
            return _tr416_mogelijk_grof(ctx, tags)
        if len(set(zip(*kolommen, perioden, strict=True))) != n:
            return True
    return False


def _tr416_mogelijk_grof(ctx: Context, tags: frozenset[str]) -> bool:
    """Two prestaties can only share a key when they share a ToewijzingNummer (or lack one)."""
    nummers = ctx.teksten("m:ToewijzingNummer")
    aantal = sum(len(ctx.teksten(tag)) for tag in tags)
    return len(nummers) != aantal or len(set(nummers)) != len(nummers)


@regel(
    "TR416",
    titel="Geen tweede debet-Prestatie voor dezelfde ProductPeriode, ProductCategorie, "
    "ProductCode en ToewijzingNummer",
    vooraf=_tr416_mogelijk,
)
def tr416_een_debet_per_product(element: etree._Element, ctx: Context) -> Bevindingen:
    sleutel = ctx.xpath(TR416_SLEUTEL)(element)
    if _al_gezien(ctx, "TR416", sleutel):
        yield Bevinding(
            element,
            "Er is al een debet-prestatie voor dezelfde productperiode, productcategorie, "
            "productcode en toewijzing.",
        )


# ---------------------------------------------------------------- amounts


def _met_teken(element: etree._Element | None, ctx: Context, veld: str) -> Decimal:
    """An amount with its DebetCredit applied: debet adds, credit subtracts."""
    if element is None:
        return Decimal(0)
    bedrag = ctx.bedrag(element, veld) or Decimal(0)
    return -bedrag if ctx.tekst(element, "DebetCredit") == "C" else bedrag


@regel("TR358", titel="TotaalIngediendBedrag is de som van IngediendBedrag van de Prestaties")
def tr358_totaal_ingediend(element: etree._Element, ctx: Context) -> Bevindingen:
    totaal = _met_teken(element, ctx, "TotaalBedrag")
    som = _som_ingediend(ctx)
    if som is not None and totaal != som:
        yield Bevinding(
            element,
            f"TotaalIngediendBedrag ({totaal}) is niet gelijk aan de som van de ingediende "
            f"bedragen van de prestaties ({som}).",
        )


def _som_ingediend(ctx: Context) -> Decimal | None:
    """The prestaties' IngediendBedrag summed, debet minus credit (whole cents), parsed as the
    XSD reads xs:integer (sign, leading zeros, surrounding whitespace: ``+5000`` is 5000);
    None when some amount is not an integer (cannot pass the XSD). One walk over the
    IngediendBedrag elements, cached per message: on a 323 with 10,000 prestaties several
    times faster than libxml2's step evaluation of the sum."""
    if "TR358-som" in ctx.cache:
        return ctx.cache["TR358-som"]
    m, b = ctx.ns["m"], ctx.ns["b"]
    ingediend, debet_credit, bedrag = (
        f"{{{m}}}IngediendBedrag",
        f"{{{b}}}DebetCredit",
        f"{{{b}}}Bedrag",
    )
    prestatie = f"{{{m}}}Prestatie"
    overal = ctx.ouders(ingediend) == {"m:Prestatie"}  # else: check each parent
    ctx.cache["TR358-som"] = None  # until every amount has been read
    som = 0
    for element in ctx.root.iter(ingediend):
        if not overal and element.getparent().tag != prestatie:
            continue
        saldo = _saldo(element, bedrag, debet_credit)
        if saldo is None:
            return None
        som += saldo
    uit = ctx.cache["TR358-som"] = Decimal(som)
    return uit


def _saldo(ingediend: etree._Element, bedrag: str, debet_credit: str) -> int | None:
    """One IngediendBedrag as XPath sums it: debet adds and credit subtracts every Bedrag
    (both when both are given); None when an amount is not an integer."""
    soorten, bedragen = set(), []
    for kind in ingediend:
        if kind.tag == bedrag:
            bedragen.append(_xpath_string(kind))
        elif kind.tag == debet_credit:
            soorten.add(_xpath_string(kind))
    saldo = 0
    for tekst in bedragen:
        waarde = _geheel(tekst)
        if waarde is None:
            return None
        saldo += waarde * (("D" in soorten) - ("C" in soorten))
    return saldo


def _xpath_string(element: etree._Element) -> str:
    return (element.text or "") if len(element) == 0 else "".join(element.itertext())


def _geheel(tekst: str) -> int | None:
    """An xs:integer text as int (optional sign, leading zeros, whitespace); None otherwise."""
    if tekst.isdigit() and tekst.isascii():  # the usual amount: plain digits (cents)
        return int(tekst)
    kaal = tekst.strip(" \t\r\n")
    cijfers = kaal[1:] if kaal[:1] in ("+", "-") else kaal
    if not cijfers or not cijfers.isdigit() or not cijfers.isascii():
        return None
    return int(kaal)


@regel("TR342", titel="Alleen afgewezen Prestaties in het declaratie-antwoordbericht")
def tr342_alleen_afgewezen_prestaties(element: etree._Element, ctx: Context) -> Bevindingen:
    toegekend = _met_teken(ctx.kind(element, "TotaalToegekendBedrag"), ctx, "TotaalBedrag")
    if _afgekeurd(element, ctx):
        if toegekend != 0:
            yield Bevinding(
                element,
                "De declaratie is afgekeurd: TotaalToegekendBedrag moet 0 zijn.",
            )
        return
    ingediend = _met_teken(ctx.kind(element, "TotaalIngediendBedrag"), ctx, "TotaalBedrag")
    som = _som_ingediend(ctx)
    if som is not None and som != ingediend - toegekend:
        yield Bevinding(
            element,
            f"De som van de ingediende bedragen van de meegestuurde prestaties ({som}) is niet "
            f"gelijk aan TotaalIngediendBedrag min TotaalToegekendBedrag "
            f"({ingediend - toegekend}).",
        )


def _afgekeurd(element: etree._Element, ctx: Context) -> bool:
    codes = ctx.kind(element, "RetourCodes")
    if codes is None:
        return False
    geen_afkeur = (GOEDGEKEURD, VOLLEDIG_TOEGEKEND)
    return any(
        (code.text or "") not in geen_afkeur for code in ctx.kinderen_van(codes, "RetourCode")
    )


# ---------------------------------------------------------------- requests and answers


@regel(
    "TR352", titel="Verzoek om wijziging heeft minstens 1 OngewijzigdProduct of TeWijzigenProduct"
)
def tr352_bestaand_product(element: etree._Element, ctx: Context) -> Bevindingen:
    if ctx.kind(element, "OngewijzigdeProducten/OngewijzigdProduct") is None and (
        ctx.kind(element, "TeWijzigenProducten/TeWijzigenProduct") is None
    ):
        yield Bevinding(
            element,
            "Het verzoek om wijziging moet een ongewijzigd of te wijzigen product bevatten.",
        )


@regel("TR353", titel="Verzoek om wijziging heeft minstens 1 TeWijzigenProduct of NieuwProduct")
def tr353_wijziging_aanwezig(element: etree._Element, ctx: Context) -> Bevindingen:
    if ctx.kind(element, "TeWijzigenProducten/TeWijzigenProduct") is None and (
        ctx.kind(element, "NieuweProducten/NieuwProduct") is None
    ):
        yield Bevinding(
            element, "Het verzoek om wijziging moet een te wijzigen of een nieuw product bevatten."
        )


@regel("TR377", titel="Bij RedenAfwijzingVerzoek 8 (Woonplaatsbeginsel) Woonplaatsbeginsel opnemen")
def tr377_woonplaatsbeginsel_opnemen(element: etree._Element, ctx: Context) -> Bevindingen:
    if (
        element.text == WOONPLAATSBEGINSEL
        and ctx.kind(element.getparent(), "Woonplaatsbeginsel") is None
    ):
        yield Bevinding(
            element,
            "Bij reden afwijzing 8 (woonplaatsbeginsel) moet Woonplaatsbeginsel gevuld zijn.",
        )


@regel("TR409", titel="Bij RedenAfwijzingVerzoek ongelijk aan 8 Woonplaatsbeginsel weglaten")
def tr409_woonplaatsbeginsel_weglaten(element: etree._Element, ctx: Context) -> Bevindingen:
    woonplaatsbeginsel = ctx.kind(element.getparent(), "Woonplaatsbeginsel")
    if element.text != WOONPLAATSBEGINSEL and woonplaatsbeginsel is not None:
        yield Bevinding(
            element,
            "Woonplaatsbeginsel mag alleen gevuld zijn bij reden afwijzing 8 (woonplaatsbeginsel).",
        )
