"""What the rules on one received 323 need, read from the message and loaded in one batch.

``lees_323`` reads the message (lxml, no binding: the rules point at its elements);
``laad`` loads everything the cross-message rules (``regels``) look at for the gemeente that
received it (the message's ontvanger) and the aanbieder that sent it (its afzender), in a fixed
number of queries, however many prestaties the declaration holds.

The gemeente only reads its own records: its toewijzingen, its clients, the declarations it
received before. "Earlier" prestaties are those of declarations not refused as a whole (IV087:
such a declaration counts as not sent, and its prestaties are not stored).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from lxml import etree

from wmoketen.clienten.models import Client
from wmoketen.organisaties.models import Contractregel
from wmoketen.organisaties.queries import regels_bij_gemeenten
from wmoketen.toewijzingen.constants import LeveringStatus
from wmoketen.toewijzingen.models import Levering, Toewijzing

from .constants import Oordeel
from .contractregels import geldende_regel
from .models import DebetCredit, OntvangenDeclaratie, OntvangenPrestatie

DEBET = DebetCredit.DEBET.value
CREDIT = DebetCredit.CREDIT.value


def _tekst(element, pad: str) -> str:
    return (element.findtext(pad) or "").strip()


def _datum(element, pad: str) -> date:
    return date.fromisoformat(_tekst(element, pad))


@dataclass(frozen=True)
class GelezenPrestatie:
    """One Prestatie of the 323 as the rules read it."""

    element: etree._Element
    bsn: str
    referentienummer: str
    vorig_referentienummer: str
    toewijzingnummer: int
    productcategorie: str
    productcode: str
    begin: date
    eind: date
    volume: int
    eenheid: str
    tarief: int  # cent
    bedrag: int  # cent, unsigned as in the message
    debet_credit: str  # "D" | "C"

    @property
    def is_credit(self) -> bool:
        return self.debet_credit == CREDIT

    @property
    def netto(self) -> int:
        """The amount with its sign: a credit counts negative."""
        return -self.bedrag if self.is_credit else self.bedrag


@dataclass(frozen=True)
class GelezenClient:
    element: etree._Element
    bsn: str
    prestaties: tuple[GelezenPrestatie, ...]


@dataclass(frozen=True)
class Gelezen323:
    element: etree._Element  # the Declaratie class
    declaratienummer: str
    periode_begin: date
    periode_eind: date
    totaal: int  # TotaalIngediendBedrag in cent, signed (credit negative)
    clienten: tuple[GelezenClient, ...]

    @property
    def prestaties(self) -> list[GelezenPrestatie]:
        return [p for c in self.clienten for p in c.prestaties]

    def op_volgorde(self) -> list[GelezenPrestatie]:
        """Credits before debits (OP366): a correction of an earlier period (credit and new
        debit) in one message is judged with the credit already applied."""
        return sorted(self.prestaties, key=lambda p: not p.is_credit)


def _prestatie(element, bsn: str) -> GelezenPrestatie:
    return GelezenPrestatie(
        element=element,
        bsn=bsn,
        referentienummer=_tekst(element, "{*}ProductReferentie/{*}ReferentieNummer"),
        vorig_referentienummer=_tekst(element, "{*}ProductReferentie/{*}VorigReferentieNummer"),
        toewijzingnummer=int(_tekst(element, "{*}ToewijzingNummer")),
        productcategorie=_tekst(element, "{*}ProductCategorie"),
        productcode=_tekst(element, "{*}ProductCode"),
        begin=_datum(element, "{*}ProductPeriode/{*}Begindatum"),
        eind=_datum(element, "{*}ProductPeriode/{*}Einddatum"),
        volume=int(_tekst(element, "{*}GeleverdVolume")),
        eenheid=_tekst(element, "{*}Eenheid"),
        tarief=int(_tekst(element, "{*}ProductTarief")),
        bedrag=int(_tekst(element, "{*}IngediendBedrag/{*}Bedrag")),
        debet_credit=_tekst(element, "{*}IngediendBedrag/{*}DebetCredit"),
    )


def lees_323(root) -> Gelezen323:
    """The Declaratie of a 323 (one that passed the XSD and the single-message rules)."""
    d = root.find("{*}Declaratie")
    clienten = []
    for c in d.iterfind("{*}Clienten/{*}Client"):
        bsn = _tekst(c, "{*}Bsn")
        prestaties = tuple(_prestatie(p, bsn) for p in c.iterfind("{*}Prestaties/{*}Prestatie"))
        clienten.append(GelezenClient(c, bsn, prestaties))
    totaal = int(_tekst(d, "{*}TotaalIngediendBedrag/{*}TotaalBedrag"))
    if _tekst(d, "{*}TotaalIngediendBedrag/{*}DebetCredit") == CREDIT:
        totaal = -totaal
    return Gelezen323(
        element=d,
        declaratienummer=_tekst(d, "{*}DeclaratieNummer"),
        periode_begin=_datum(d, "{*}DeclaratiePeriode/{*}Begindatum"),
        periode_eind=_datum(d, "{*}DeclaratiePeriode/{*}Einddatum"),
        totaal=totaal,
        clienten=tuple(clienten),
    )


@dataclass
class Context:
    """The ``store`` the declaration rules get: the message read and the gemeente's records."""

    gemeente_id: int
    aanbieder_id: int
    wet: str
    declaratie: Gelezen323
    # The gemeente's toewijzingen to this aanbieder in this wet, by ToewijzingNummer.
    toewijzingen: dict[int, Toewijzing] = field(default_factory=dict)
    # The gemeente's clients by BSN.
    clienten: dict[str, Client] = field(default_factory=dict)
    # Earlier prestaties of this aanbieder (wet) by ReferentieNummer (TR314, TR323).
    eerdere_per_referentie: dict[str, OntvangenPrestatie] = field(default_factory=dict)
    # Earlier prestaties not rejected, per toewijzing pk (TR322, TR369, TR389, TR390).
    eerdere_per_toewijzing: dict[int, list[OntvangenPrestatie]] = field(default_factory=dict)
    declaratienummer_gebruikt: bool = False  # TR333
    vorige_periode_begin: date | None = None  # TR318
    # Contract lines of this aanbieder for this gemeente and wet, by (categorie, code).
    contractregels: dict[tuple[str, str], list[Contractregel]] = field(default_factory=dict)
    # Toewijzingen with a start (305) not removed (OP364).
    gestart: set[int] = field(default_factory=set)
    # Prestatie elements rejected by the rules so far (``regels.controleer``): the totals and
    # TR389 count only what the other rules leave standing.
    afgewezen: set = field(default_factory=set)

    def toewijzing_van(self, p: GelezenPrestatie) -> Toewijzing | None:
        """The toewijzing the prestatie names, when it is this client's (TR338)."""
        t = self.toewijzingen.get(p.toewijzingnummer)
        return t if t is not None and t.client.bsn == p.bsn else None

    def contractregel(self, p: GelezenPrestatie, op: date) -> Contractregel | None:
        """The declarable contract line for the prestatie's product on ``op`` (the rule the
        aanbieder's proposal follows too: ``contractregels.geldende_regel``)."""
        return geldende_regel(self.contractregels.get((p.productcategorie, p.productcode), ()), op)


def laad(
    declaratie: Gelezen323, *, gemeente_id: int, aanbieder_id: int, wet: str, bericht_id=None
) -> Context:
    """Everything the rules need for ``declaratie`` in a fixed number of queries."""
    prestaties = declaratie.prestaties
    ctx = Context(gemeente_id, aanbieder_id, wet, declaratie)
    nummers = {p.toewijzingnummer for p in prestaties}
    ctx.toewijzingen = {
        t.toewijzingnummer: t
        for t in Toewijzing.objects.filter(
            gemeente_id=gemeente_id,
            aanbieder_id=aanbieder_id,
            wet=wet,
            toewijzingnummer__in=sorted(nummers),
        ).select_related("client", "product")
    }
    ctx.clienten = {
        c.bsn: c
        for c in Client.objects.filter(
            organisatie_id=gemeente_id, bsn__in=sorted({c.bsn for c in declaratie.clienten})
        )
    }
    _laad_eerdere(ctx, prestaties, bericht_id)
    _laad_declaraties(ctx, bericht_id)
    _laad_contract(ctx)
    toewijzing_ids = [t.pk for t in ctx.toewijzingen.values()]
    ctx.gestart = set(
        Levering.objects.filter(toewijzing_id__in=toewijzing_ids)
        .exclude(status=LeveringStatus.VERWIJDERD)
        .values_list("toewijzing_id", flat=True)
    )
    return ctx


def _eigen_prestaties(ctx: Context, bericht_id):
    rijen = OntvangenPrestatie.objects.filter(
        declaratie__gemeente_id=ctx.gemeente_id,
        declaratie__aanbieder_id=ctx.aanbieder_id,
        declaratie__wet=ctx.wet,
    )
    return rijen.exclude(declaratie__bericht_id=bericht_id) if bericht_id else rijen


def _laad_eerdere(ctx: Context, prestaties, bericht_id) -> None:
    referenties = {p.referentienummer for p in prestaties} | {
        p.vorig_referentienummer for p in prestaties if p.vorig_referentienummer
    }
    ctx.eerdere_per_referentie = {
        p.referentienummer: p
        for p in _eigen_prestaties(ctx, bericht_id)
        .filter(referentienummer__in=sorted(referenties))
        .select_related("declaratie")  # TR323 reads whether the debit's 323 was answered
    }
    per_toewijzing = defaultdict(list)
    for p in (
        _eigen_prestaties(ctx, bericht_id)
        .filter(toewijzing_id__in=[t.pk for t in ctx.toewijzingen.values()])
        .exclude(oordeel=Oordeel.AFGEWEZEN)
        .order_by("pk")
    ):
        per_toewijzing[p.toewijzing_id].append(p)
    ctx.eerdere_per_toewijzing = dict(per_toewijzing)


def _laad_declaraties(ctx: Context, bericht_id) -> None:
    eerder = OntvangenDeclaratie.objects.filter(
        gemeente_id=ctx.gemeente_id, aanbieder_id=ctx.aanbieder_id, wet=ctx.wet
    )
    if bericht_id:
        eerder = eerder.exclude(bericht_id=bericht_id)
    # A declaration refused as a whole counts as not sent (IV087): its number and period are
    # free again. Few rows: one per month per aanbieder.
    verwerkt = [
        (nummer, begin)
        for nummer, begin, codes, header in eerder.values_list(
            "declaratienummer", "periode_begin", "retourcodes", "header_retourcodes"
        )
        if not codes and not header
    ]
    ctx.declaratienummer_gebruikt = any(n == ctx.declaratie.declaratienummer for n, _ in verwerkt)
    ctx.vorige_periode_begin = max((b for _, b in verwerkt), default=None)


def _laad_contract(ctx: Context) -> None:
    regels = (
        Contractregel.objects.filter(regels_bij_gemeenten([ctx.gemeente_id]))
        .filter(contract__aanbieder_id=ctx.aanbieder_id, product__wet=ctx.wet)
        .select_related("contract", "product")
        .prefetch_related("tarieven")
        .distinct()
    )
    per_product = defaultdict(list)
    for r in regels:
        per_product[(r.product.productcategorie, r.product.productcode)].append(r)
    ctx.contractregels = dict(per_product)
