"""Cross-message rules on a received 323 (the gemeente's side), as the standard gives them
(regels/technische-regels/berichtoverstijgend/), each with its own retourcode (WJ001).

``store`` is the ``context.Context`` of the declaration (everything loaded in one batch): the
rules make no query. Each ``Overtreding`` names the class it concerns, which is where the 325
puts the code (IV087): the Declaratie (the whole declaration refused), the Client (its
prestaties not assessed: 0233) or the Prestatie (rejected with its codes).

| class | rule | retourcode | what |
|---|---|---|---|
| Declaratie | TR333 | 9333 | DeclaratieNummer used before by this aanbieder (wet) |
| Declaratie | TR318 | 8214 | DeclaratiePeriode not after the previous declaration's |
| Client | TR304 | 8187 | BSN not of a client of the gemeente |
| Prestatie | TR314 | 8021 | ReferentieNummer used before (or twice in this message) |
| Prestatie | TR338 | 9338 | no toewijzing of this client, aanbieder and wet by that number |
| Prestatie | TR384 | 9384 | the toewijzing was removed (RedenWijziging 13) |
| Prestatie | TR307 / TR308 | 9307 / 9308 | ProductPeriode outside the toewijzing |
| Prestatie | TR339 / TR340 | 9339 / 9340 | another productcategorie / productcode |
| Prestatie | TR341 | 9341 | another eenheid (minutes for an allocation in hours are fine) |
| Prestatie | TR387 / TR388 | 9387 / 9388 | ProductPeriode not the month cut at the toewijzing |
| Prestatie | TR321 | 9321 | GeleverdVolume over the maximum of the period (IV076/IV077) |
| Prestatie | TR322 | 9322 | the total over the toewijzing over its allocated total |
| Prestatie | TR369 | 9369 | the total amount over the allocated budget |
| Prestatie | TR323 | 8017 | a credit not repeating a debit approved in a 325 already sent |
| Prestatie | TR389 | 9389 | a debit for a period already declared (and not credited) |
| Prestatie | TR390 | 9390 | a second credit of the same debit |
| Prestatie | TR418 | 0611 | ProductTarief not the contract's tariff |

Credits are judged before debits (OP366): a credit of an earlier debit and its new debit in
one message are allowed (TR389), and the credit's volume is off the total first (TR322). The
rules that weigh one prestatie against the others (TR389, TR322, TR369: ``NA``) run last and
count only the prestaties the other rules left standing: a rejected credit cancels nothing and
a rejected debit adds nothing to a total.
TR418 needs the contract line: without one for the product, the tariff is not checked.
TR304 has the same code as the rule on the 317 (``verzoeken.regels``), which holds the code in
the register; this one is applied by ``controleer`` from ``REGELS`` directly.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from istandaarden.regels.crossmessage import Niveau, Overtreding, registreer
from wmoketen.organisaties.constants import Uitvoeringsvariant
from wmoketen.toewijzingen.models import Toewijzing

from . import perioden, volume
from .constants import MINUUT, UUR, in_cent
from .context import Context, GelezenPrestatie

Bevinding = tuple[object, str]  # (element, Dutch message)

VERWIJDERD = "13"


@dataclass(frozen=True)
class Regel:
    code: str
    retourcode: str
    controle: Callable[[Context], Iterator[Bevinding]]
    niveau: Niveau = Niveau.CLIENT
    berichten: frozenset[str] = frozenset({"323"})

    def check(self, bericht, store: Context):
        for element, tekst in self.controle(store):
            yield Overtreding(self.code, self.retourcode, element, tekst)


# Declaratie and Client ---------------------------------------------------------------------


def tr333(ctx: Context) -> Iterator[Bevinding]:
    if ctx.declaratienummer_gebruikt:
        d = ctx.declaratie
        yield (
            d.element,
            f"Declaratienummer {d.declaratienummer} is al eerder door u gebruikt (TR333).",
        )


def tr318(ctx: Context) -> Iterator[Bevinding]:
    d, vorige = ctx.declaratie, ctx.vorige_periode_begin
    if vorige is not None and d.periode_begin < perioden.volgende_maand(vorige):
        yield (
            d.element,
            f"De declaratieperiode {d.periode_begin:%m-%Y} volgt niet op de vorige "
            f"declaratieperiode {vorige:%m-%Y}; declareer correcties in de volgende periode "
            "(TR318).",
        )


def tr304(ctx: Context) -> Iterator[Bevinding]:
    for c in ctx.declaratie.clienten:
        if c.bsn not in ctx.clienten:
            yield c.element, f"BSN {c.bsn[-4:]:*>9} is geen cliënt van deze gemeente (TR304)."


# Prestatie ---------------------------------------------------------------------------------

Controle = Callable[[Context, GelezenPrestatie, Toewijzing], str | None]


def met_toewijzing(controle: Controle) -> Callable[[Context], Iterator[Bevinding]]:
    """A check per prestatie whose toewijzing was found (TR338 reports the others)."""

    def alle(ctx: Context) -> Iterator[Bevinding]:
        for p in ctx.declaratie.op_volgorde():
            t = ctx.toewijzing_van(p)
            if t is not None and (tekst := controle(ctx, p, t)):
                yield p.element, tekst

    alle.__doc__ = controle.__doc__
    return alle


def tr338(ctx: Context) -> Iterator[Bevinding]:
    for p in ctx.declaratie.prestaties:
        if ctx.toewijzing_van(p) is None:
            yield (
                p.element,
                f"Er is geen toewijzing {p.toewijzingnummer} van deze gemeente aan u voor deze "
                "cliënt (TR338).",
            )


def tr314(ctx: Context) -> Iterator[Bevinding]:
    gezien = Counter()
    for p in ctx.declaratie.prestaties:
        gezien[p.referentienummer] += 1
        if p.referentienummer in ctx.eerdere_per_referentie or gezien[p.referentienummer] > 1:
            yield (
                p.element,
                f"Referentienummer {p.referentienummer} is al eerder gebruikt (TR314).",
            )


@met_toewijzing
def tr384(ctx, p, t) -> str | None:
    if t.reden_wijziging == VERWIJDERD:
        return f"Toewijzing {t.toewijzingnummer} is verwijderd (reden 13) (TR384)."
    return None


@met_toewijzing
def tr307(ctx, p, t) -> str | None:
    if p.begin < t.ingangsdatum:
        return (
            f"De productperiode begint vóór de ingangsdatum {t.ingangsdatum:%d-%m-%Y} van de "
            "toewijzing (TR307)."
        )
    return None


@met_toewijzing
def tr308(ctx, p, t) -> str | None:
    if t.einddatum is not None and p.eind > t.einddatum:
        return (
            f"De productperiode eindigt na de einddatum {t.einddatum:%d-%m-%Y} van de "
            "toewijzing (TR308)."
        )
    return None


@met_toewijzing
def tr339(ctx, p, t) -> str | None:
    if p.productcategorie != t.product.productcategorie:
        return (
            f"Productcategorie {p.productcategorie} is niet de toegewezen categorie "
            f"{t.product.productcategorie} (TR339)."
        )
    return None


def _toegewezen_code(t: Toewijzing) -> str:
    """The ProductCode the 301 carried: none next to a budget (``bericht301``)."""
    return t.product.productcode if t.budget is None else ""


@met_toewijzing
def tr340(ctx, p, t) -> str | None:
    code = _toegewezen_code(t)
    if code and p.productcode != code:
        return f"Productcode {p.productcode or '(leeg)'} is niet de toegewezen code {code} (TR340)."
    return None


def _eenheid(ctx, p, t) -> str:
    """The eenheid the prestatie is to be in: the toewijzing's, else the contract's (IV081)."""
    if t.eenheid:
        return t.eenheid
    regel = ctx.contractregel(p, p.begin)
    return regel.eenheid if regel is not None else ""


@met_toewijzing
def tr341(ctx, p, t) -> str | None:
    eenheid = _eenheid(ctx, p, t)
    if eenheid and p.eenheid != eenheid and not (eenheid == UUR and p.eenheid == MINUUT):
        return f"Eenheid {p.eenheid} past niet bij de toegewezen eenheid {eenheid} (TR341)."
    return None


def _productperiode(p, t):
    return perioden.productperiode(p.begin, t.ingangsdatum, t.einddatum)


@met_toewijzing
def tr387(ctx, p, t) -> str | None:
    periode = _productperiode(p, t)
    if periode is not None and p.begin != periode[0]:
        return (
            f"De productperiode hoort te beginnen op {periode[0]:%d-%m-%Y}: de eerste dag van "
            "de maand, of de latere ingangsdatum van de toewijzing (TR387)."
        )
    return None


@met_toewijzing
def tr388(ctx, p, t) -> str | None:
    periode = _productperiode(p, t)
    if periode is not None and p.eind != periode[1]:
        return (
            f"De productperiode hoort te eindigen op {periode[1]:%d-%m-%Y}: de laatste dag van "
            "de maand, of de eerdere einddatum van de toewijzing (TR388)."
        )
    return None


# Volume and amounts ------------------------------------------------------------------------


def _in_eenheid_van(t: Toewijzing, p_eenheid: str, volume: int) -> Decimal:
    """A declared volume in the toewijzing's eenheid (minutes on an allocation in hours)."""
    if t.eenheid == UUR and p_eenheid == MINUUT:
        return Decimal(volume) / 60
    return Decimal(volume)


def _zonder_fout(functie, **kwargs):
    """The maximum, or None where the Omvang gives none we can compute (a variant or frequentie
    the volume rules do not know): the allocation is then not capped here."""
    try:
        return functie(**kwargs)
    except ValueError:
        return None


def _variant(ctx, p) -> str:
    regel = ctx.contractregel(p, p.begin)
    return regel.uitvoeringsvariant if regel is not None else Uitvoeringsvariant.INSPANNINGSGERICHT


@met_toewijzing
def tr321(ctx, p, t) -> str | None:
    if p.is_credit or t.volume is None or not t.frequentie:
        return None
    maximum = _zonder_fout(
        volume.max_in_periode,
        volume=t.volume,
        frequentie=t.frequentie,
        productcategorie=t.product.productcategorie,
        variant=_variant(ctx, p),
        begin=p.begin,
        eind=p.eind,
        toewijzing_ingang=t.ingangsdatum,
        toewijzing_eind=t.einddatum,
    )
    if maximum is not None and _in_eenheid_van(t, p.eenheid, p.volume) > maximum:
        return (
            f"Het geleverde volume {p.volume} is meer dan de {maximum} die de toewijzing in "
            "deze productperiode toestaat (TR321)."
        )
    return None


def _netto_eerder(ctx, t, waarde: Callable) -> Decimal:
    """The sum of ``waarde`` over earlier prestaties of ``t`` (credits negative)."""
    return sum(
        (
            -waarde(e) if e.debet_credit == "C" else waarde(e)
            for e in ctx.eerdere_per_toewijzing.get(t.pk, ())
        ),
        Decimal(0),
    )


def _totaalcontrole(
    ctx: Context, waarde: Callable, grens: Callable, tekst: str
) -> Iterator[Bevinding]:
    """Running totals per toewijzing over earlier prestaties and this message's (credits
    first): a debit that would take the total over ``grens(ctx, p, t)`` is reported and not
    counted."""
    stand: dict[int, Decimal] = {}
    for p in ctx.declaratie.op_volgorde():
        if p.element in ctx.afgewezen:
            continue
        t = ctx.toewijzing_van(p)
        maximum = grens(ctx, p, t) if t is not None else None
        if maximum is None:
            continue
        if t.pk not in stand:
            stand[t.pk] = _netto_eerder(ctx, t, lambda e, t=t: waarde(t, e.eenheid, e))
        bijdrage = waarde(t, p.eenheid, p)
        if p.is_credit:
            stand[t.pk] -= bijdrage
        elif stand[t.pk] + bijdrage > maximum:
            yield p.element, tekst.format(maximum=maximum)
        else:
            stand[t.pk] += bijdrage


def _max_totaal(ctx, p, t):
    if t.volume is None or not t.frequentie:
        return None
    return _zonder_fout(
        volume.max_totaal,
        volume=t.volume,
        frequentie=t.frequentie,
        productcategorie=t.product.productcategorie,
        variant=_variant(ctx, p),
        ingang=t.ingangsdatum,
        eind=t.einddatum,
    )


def _volume(t, eenheid, p) -> Decimal:
    """The volume of a prestatie of this message or an earlier one (``OntvangenPrestatie``)."""
    volume = p.geleverd_volume if hasattr(p, "geleverd_volume") else p.volume
    return _in_eenheid_van(t, eenheid, volume)


def tr322(ctx: Context) -> Iterator[Bevinding]:
    yield from _totaalcontrole(
        ctx,
        _volume,
        _max_totaal,
        "Met deze prestatie komt het totaal gedeclareerde volume boven de {maximum} die over "
        "de hele toewijzing is toegewezen (TR322).",
    )


def _budget(ctx, p, t):
    return None if t.budget is None else t.budget * 100


def tr369(ctx: Context) -> Iterator[Bevinding]:
    yield from _totaalcontrole(
        ctx,
        lambda t, eenheid, p: Decimal(p.bedrag),
        _budget,
        "Met deze prestatie komt het totaal gedeclareerde bedrag boven het toegewezen budget "
        "van {maximum} cent (TR369).",
    )


# Debit and credit --------------------------------------------------------------------------


def _sleutel(p) -> tuple:
    """The key fields of a prestatie (TR323, TR389)."""
    if isinstance(p, GelezenPrestatie):
        return (p.toewijzingnummer, p.begin, p.eind, p.productcategorie, p.productcode)
    return (p.toewijzingnummer, p.periode_begin, p.periode_eind, p.productcategorie, p.productcode)


def _waarden(p) -> tuple:
    """What a credit repeats of its debit besides the key (IV091: identical but for
    ReferentieNummer, VorigReferentieNummer and DebetCredit; OP366: credited in full)."""
    if isinstance(p, GelezenPrestatie):
        return (p.volume, p.eenheid, p.tarief, p.bedrag)
    return (p.geleverd_volume, p.eenheid, p.tarief, p.bedrag)


def _goedgekeurd(debet) -> bool:
    """Approved in a 325 already sent (IV085, IV091: crediting only after the answer in which
    the debit was granted; until then the gemeente may still reject it by hand)."""
    return debet.oordeel == "goedgekeurd" and debet.declaratie.status == "beantwoord"


def tr323(ctx: Context) -> Iterator[Bevinding]:
    for p in ctx.declaratie.prestaties:
        if not p.is_credit:
            continue
        debet = ctx.eerdere_per_referentie.get(p.vorig_referentienummer)
        if debet is None or debet.debet_credit != "D" or _sleutel(debet) != _sleutel(p):
            yield (
                p.element,
                "Deze creditprestatie hoort bij geen eerder goedgekeurde debetprestatie met "
                f"referentienummer {p.vorig_referentienummer or '(leeg)'} en dezelfde "
                "toewijzing, periode en product (TR323).",
            )
        elif not _goedgekeurd(debet):
            yield (
                p.element,
                f"De debetprestatie {p.vorig_referentienummer} is (nog) niet goedgekeurd in een "
                "declaratie-antwoord (325); crediteren kan pas daarna (TR323, IV085).",
            )
        elif _waarden(debet) != _waarden(p):
            yield (
                p.element,
                f"Deze creditprestatie is niet gelijk aan debetprestatie "
                f"{p.vorig_referentienummer} (volume, eenheid, tarief en bedrag): een prestatie "
                "wordt volledig gecrediteerd (TR323, IV091, OP366).",
            )


def _gecrediteerd(ctx: Context) -> set[str]:
    """ReferentieNummers of debits credited before or in this message."""
    eerder = {
        e.vorig_referentienummer
        for rijen in ctx.eerdere_per_toewijzing.values()
        for e in rijen
        if e.debet_credit == "C"
    }
    return eerder | {
        p.vorig_referentienummer
        for p in ctx.declaratie.prestaties
        if p.is_credit and p.element not in ctx.afgewezen
    }


def tr389(ctx: Context) -> Iterator[Bevinding]:
    gecrediteerd = _gecrediteerd(ctx)
    for p in ctx.declaratie.op_volgorde():
        t = ctx.toewijzing_van(p)
        if p.is_credit or t is None or p.element in ctx.afgewezen:
            continue
        eerder = [
            e
            for e in ctx.eerdere_per_toewijzing.get(t.pk, ())
            if e.debet_credit == "D"
            and _sleutel(e) == _sleutel(p)
            and e.referentienummer not in gecrediteerd
        ]
        if eerder:
            yield (
                p.element,
                f"Deze productperiode is al gedeclareerd (referentienummer "
                f"{eerder[0].referentienummer}); crediteer die eerst (TR389).",
            )


def tr390(ctx: Context) -> Iterator[Bevinding]:
    eerder = {
        e.vorig_referentienummer
        for rijen in ctx.eerdere_per_toewijzing.values()
        for e in rijen
        if e.debet_credit == "C"
    }
    gezien = Counter()
    for p in ctx.declaratie.prestaties:
        if not p.is_credit:
            continue
        gezien[p.vorig_referentienummer] += 1
        if p.vorig_referentienummer in eerder or gezien[p.vorig_referentienummer] > 1:
            yield (
                p.element,
                f"De prestatie {p.vorig_referentienummer} is al gecrediteerd (TR390).",
            )


@met_toewijzing
def tr418(ctx, p, t) -> str | None:
    regel = ctx.contractregel(p, p.begin)
    tarief = regel.tarief_op(p.begin) if regel is not None else None
    if tarief is not None and in_cent(tarief) != p.tarief:
        return (
            f"Het producttarief {p.tarief} cent is niet het contracttarief {in_cent(tarief)} cent "
            "(TR418)."
        )
    return None


REGELS = (
    Regel("TR304", "8187", tr304),
    Regel("TR307", "9307", tr307),
    Regel("TR308", "9308", tr308),
    Regel("TR314", "8021", tr314),
    Regel("TR318", "8214", tr318),
    Regel("TR321", "9321", tr321),
    Regel("TR322", "9322", tr322),
    Regel("TR323", "8017", tr323),
    Regel("TR333", "9333", tr333),
    Regel("TR338", "9338", tr338),
    Regel("TR339", "9339", tr339),
    Regel("TR340", "9340", tr340),
    Regel("TR341", "9341", tr341),
    Regel("TR369", "9369", tr369),
    Regel("TR384", "9384", tr384),
    Regel("TR387", "9387", tr387),
    Regel("TR388", "9388", tr388),
    Regel("TR389", "9389", tr389),
    Regel("TR390", "9390", tr390),
    Regel("TR418", "0611", tr418),
)

# Codes another app registers (the 317's TR304): applied from REGELS, not registered.
GEDEELD = frozenset({"TR304"})


# Judged last, in this order, on what the other rules leave standing (see the docstring).
NA = ("TR389", "TR322", "TR369")


def controleer(ctx: Context) -> list[Overtreding]:
    """Every rule of the 323 on the declaration in ``ctx``."""
    volgorde = [r for r in REGELS if r.code not in NA]
    volgorde += sorted((r for r in REGELS if r.code in NA), key=lambda r: NA.index(r.code))
    overtredingen = []
    for regel in volgorde:
        gevonden = list(regel.check(None, ctx))
        overtredingen += gevonden
        ctx.afgewezen |= _afgewezen_door(ctx, gevonden)
    return overtredingen


def _afgewezen_door(ctx: Context, gevonden: list[Overtreding]) -> set:
    """The prestatie elements these findings reject (a client's: all of its prestaties)."""
    elementen = {o.element for o in gevonden}
    return {
        p.element
        for c in ctx.declaratie.clienten
        for p in c.prestaties
        if p.element in elementen or c.element in elementen
    }


def registreer_regels() -> None:
    for regel in REGELS:
        if regel.code not in GEDEELD:
            registreer(regel)
