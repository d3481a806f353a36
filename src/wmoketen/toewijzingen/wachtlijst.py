"""The waiting list: allocations of the gemeente whose care has not started yet.

Pure reads (no writes; the CSV view audit-logs the export): the gemeente's current allocations
without a recorded start (no 305 received), each with the days it has waited since the
allocation (the 301) and the regional norm (termijnregel ``start_ondersteuning``: start of care
within 10 werkdagen after the 301 in the seeds, or the gemeente's/regio's own setting), counted
from the 301 or, when the allocation begins later, from its ingangsdatum. Views and the CSV
export only call :func:`wachtlijst`, :func:`groepeer` and :func:`als_csv`.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property, reduce
from operator import or_

from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import Count, DurationField, Exists, F, Min, OuterRef, Q, Sum, Value
from django.db.models.functions import Concat, Greatest, Lower

from wmoketen.gedeeld.spreadsheet import veilige_cel
from wmoketen.organisaties.models import Aanbieder, Gemeente
from wmoketen.producten.models import Product
from wmoketen.termijnen import kalender
from wmoketen.termijnen.constants import Eenheid, Regelcode
from wmoketen.termijnen.queries import regel_voor

from .models import Toewijzing

GROEPERINGEN = {
    "aanbieder": "Aanbieder",
    "product": "Product",
    "gemeente": "Gemeente",
}
PER_PAGINA = 50

# The groups in the order of their names (str(): a product is "productcode naam").
_GROEPSNAAM = {
    "aanbieder": Lower("aanbieder__naam"),
    "product": Lower(Concat("product__productcode", Value(" "), "product__naam")),
    "gemeente": Lower("gemeente__naam"),
}
_VOLGORDE = ("toewijzingsdatum", "toewijzingnummer", "pk")


@dataclass(frozen=True)
class Norm:
    """The regional norm (termijnregel ``start_ondersteuning``) of one gemeente on one day;
    the dates it computes are kept per start day (many rows share one)."""

    regel: object | None
    gemeente: object = None
    vandaag: date | None = None
    # Allocations whose norm runs from before this day are over the norm today (None: never).
    grens: date | None = None
    _datums: dict = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def tekst(self) -> str:
        if self.regel is None:
            return ""
        regel = self.regel
        eenheid = Eenheid(regel.eenheid).label if regel.eenheid in Eenheid.values else ""
        return f"{regel.aantal} {eenheid}".strip()

    def _onthoud(self, sleutel, bereken):
        if sleutel not in self._datums:
            self._datums[sleutel] = bereken()
        return self._datums[sleutel]

    def normdatum(self, begin: date) -> date | None:
        """Start expected at the latest on (None without a rule)."""
        if self.regel is None:
            return None
        return self._onthoud(("norm", begin), lambda: self.regel.vervaldatum(begin, self.gemeente))

    def werkdagen_sinds(self, datum: date) -> int:
        """Werkdagen after ``datum`` up to and including today (with the closing days)."""
        return self._onthoud(
            ("sinds", datum), lambda: kalender.werkdagen_tussen(datum, self.vandaag, self.gemeente)
        )


@dataclass(frozen=True)
class Wachtende:
    """One allocation waiting for its start."""

    toewijzing: Toewijzing
    sinds: date  # the toewijzingsdatum: the day the 301 went out
    dagen: int  # calendar days waiting, up to and including today
    werkdagen: int  # werkdagen waiting (with the gemeente's closing days)
    normdatum: date | None  # start expected at the latest on
    norm: str  # e.g. "10 werkdagen"
    dagen_over_norm: int  # werkdagen past the normdatum (0: within the norm)

    @property
    def te_laat(self) -> bool:
        return self.dagen_over_norm > 0

    @property
    def aanbieder(self):
        return self.toewijzing.aanbieder

    @property
    def product(self):
        return self.toewijzing.product

    @property
    def gemeente(self):
        return self.toewijzing.gemeente


@dataclass(frozen=True)
class Groep:
    sleutel: str
    naam: str
    rijen: list[Wachtende]

    @property
    def aantal(self) -> int:
        return len(self.rijen)

    @property
    def te_laat(self) -> int:
        return sum(r.te_laat for r in self.rijen)

    @property
    def gemiddeld(self) -> int:
        """Average calendar days waiting, rounded half up."""
        return _gemiddeld(sum(r.dagen for r in self.rijen), self.aantal)

    @property
    def langst(self) -> int:
        return max(r.dagen for r in self.rijen)


def _gemiddeld(som: int, aantal: int) -> int:
    return (som * 2 + aantal) // (2 * aantal) if aantal else 0


@dataclass(frozen=True)
class Totaal:
    """The figures of a whole group (or the whole list), counted in SQL."""

    aantal: int
    te_laat: int
    gemiddeld: int
    langst: int


@dataclass(frozen=True)
class Paginagroep:
    """A group's rows on one page with the figures of the whole group."""

    sleutel: str
    naam: str
    rijen: list[Wachtende]
    totaal: Totaal
    vervolg: bool  # the group began on an earlier page

    @property
    def aantal(self) -> int:
        return self.totaal.aantal

    @property
    def te_laat(self) -> int:
        return self.totaal.te_laat

    @property
    def gemiddeld(self) -> int:
        return self.totaal.gemiddeld

    @property
    def langst(self) -> int:
        return self.totaal.langst


@dataclass(frozen=True)
class Wachtlijstpagina:
    pagina: Page
    groepen: list[Paginagroep]
    totaal: Totaal


def wachtend(organisatie, *, vandaag: date, aanbieder=None, product=None, gemeente=None):
    """The organisation's allocations waiting on ``vandaag`` (a queryset, not ordered).

    Only allocations current on ``vandaag`` (not ended, not removed) without a start, scoped to
    what the organisation may see, optionally narrowed to one aanbieder, product or gemeente
    (pks)."""
    qs = Toewijzing.objects.voor_organisatie(organisatie).actueel(vandaag)
    if aanbieder:
        qs = qs.filter(aanbieder_id=aanbieder)
    if product:
        qs = qs.filter(product_id=product)
    if gemeente:
        qs = qs.filter(gemeente_id=gemeente)
    return qs.zonder_start()


def normen(wachtenden, vandaag: date) -> dict[int, Norm]:
    """The norm per gemeente of the waiting allocations (a query per gemeente, not per row);
    loads the gemeenten' closing days in one query into the open calendar cache."""
    gemeenten = list(Gemeente.objects.filter(Exists(wachtenden.filter(gemeente_id=OuterRef("pk")))))
    kalender.laad_sluitingsdagen(gemeenten)
    uit = {}
    for gemeente in gemeenten:
        try:
            regel = regel_voor(Regelcode.START_ONDERSTEUNING, gemeente)
        except ValidationError:
            uit[gemeente.pk] = Norm(None, gemeente, vandaag)
            continue
        uit[gemeente.pk] = Norm(regel, gemeente, vandaag, _grens(regel, gemeente, vandaag))
    return uit


def _grens(regel, gemeente, vandaag: date) -> date:
    """The first start day whose norm date is not before today's last werkdag.

    A row is over the norm when a werkdag lies after its norm date up to today, so when its
    norm date is before the last werkdag up to today; the norm date grows with the start day,
    so that holds exactly for the starts before this day (found by bisection)."""
    laatste = kalender.vorige_werkdag(vandaag, gemeente)

    def op_tijd(begin: date) -> bool:
        return regel.vervaldatum(begin, gemeente) >= laatste

    laag = hoog = laatste
    stap = 1
    while not op_tijd(hoog):
        laag, hoog = hoog, hoog + timedelta(days=stap)
        stap *= 2
    stap = 1
    while op_tijd(laag):
        hoog, laag = laag, laag - timedelta(days=stap)
        stap *= 2
    while (hoog - laag).days > 1:
        midden = laag + timedelta(days=(hoog - laag).days // 2)
        if op_tijd(midden):
            hoog = midden
        else:
            laag = midden
    return hoog


def _te_laat(normen_: dict[int, Norm]) -> Q | None:
    """Over the norm, in SQL: the norm runs from max(toewijzingsdatum, ingangsdatum)."""
    delen = [
        Q(gemeente_id=pk, toewijzingsdatum__lt=norm.grens, ingangsdatum__lt=norm.grens)
        for pk, norm in normen_.items()
        if norm.grens is not None
    ]
    return reduce(or_, delen) if delen else None


def _cijfers(normen_: dict[int, Norm], vandaag: date) -> dict:
    dagen = Value(vandaag) - F("toewijzingsdatum")
    cijfers = {
        "aantal": Count("pk"),
        "dagen": Sum(Greatest(dagen, Value(timedelta(0)), output_field=DurationField())),
        "eerste": Min("toewijzingsdatum"),
    }
    te_laat = _te_laat(normen_)
    if te_laat is not None:
        cijfers["te_laat"] = Count("pk", filter=te_laat)
    return cijfers


def _totaal(rij: dict, vandaag: date) -> Totaal:
    aantal = rij["aantal"]
    dagen = rij["dagen"].days if rij["dagen"] is not None else 0
    langst = max((vandaag - rij["eerste"]).days, 0) if rij["eerste"] else 0
    return Totaal(aantal, rij.get("te_laat", 0), _gemiddeld(dagen, aantal), langst)


def wachtlijst(
    organisatie,
    *,
    vandaag: date,
    aanbieder=None,
    product=None,
    gemeente=None,
) -> list[Wachtende]:
    """The organisation's waiting allocations on ``vandaag``, longest waiting first (all of
    them, for the export: a fixed number of queries, the rows read in chunks)."""
    with kalender.per_verzoek():
        qs = wachtend(
            organisatie, vandaag=vandaag, aanbieder=aanbieder, product=product, gemeente=gemeente
        )
        normen_ = normen(qs, vandaag)
        rijen = _met_partijen(qs, qs.select_related("client").order_by(*_VOLGORDE).iterator(2000))
        return [_wachtende(t, normen_[t.gemeente_id], vandaag) for t in rijen]


def _met_partijen(qs, toewijzingen):
    """The allocations with their gemeente, aanbieder and product read once each (a query
    per kind, not a join per row: there are few of them and many rows)."""
    partijen = {
        veld: {obj.pk: obj for obj in model.objects.filter(pk__in=qs.values(f"{veld}_id"))}
        for veld, model in (("gemeente", Gemeente), ("aanbieder", Aanbieder), ("product", Product))
    }
    for t in toewijzingen:
        for veld, per_pk in partijen.items():
            Toewijzing._meta.get_field(veld).set_cached_value(t, per_pk[getattr(t, f"{veld}_id")])
        yield t


def pagina(
    organisatie,
    *,
    vandaag: date,
    per: str,
    nummer=None,
    aanbieder=None,
    product=None,
    gemeente=None,
) -> Wachtlijstpagina:
    """One page of the waiting list grouped ``per`` aanbieder, product or gemeente: the
    page's rows, each group's and the whole list's figures counted in SQL."""
    if per not in GROEPERINGEN:
        raise ValueError(per)
    with kalender.per_verzoek():
        qs = wachtend(
            organisatie, vandaag=vandaag, aanbieder=aanbieder, product=product, gemeente=gemeente
        )
        normen_ = normen(qs, vandaag)
        totaal = _totaal(qs.aggregate(**_cijfers(normen_, vandaag)), vandaag)
        veld = f"{per}_id"
        geordend = qs.order_by(_GROEPSNAAM[per], veld, *_VOLGORDE).values_list("pk", veld)
        paginator = Paginator(geordend, PER_PAGINA)
        paginator.count = totaal.aantal  # counted above: no second COUNT
        deze = paginator.get_page(nummer)
        # The page's ids, with the previous page's last row: the page's first group may
        # continue its group; then only those rows are read with what the page shows.
        begin = (deze.number - 1) * PER_PAGINA
        sleutels = list(geordend[max(begin - 1, 0) : begin + PER_PAGINA])
        vorige = sleutels.pop(0)[1] if begin else None
        gelezen = qs.select_related("gemeente", "aanbieder", "product", "client").in_bulk(
            [pk for pk, _ in sleutels]
        )
        rijen = [
            _wachtende(gelezen[pk], normen_[gelezen[pk].gemeente_id], vandaag) for pk, _ in sleutels
        ]
        groepen = _paginagroepen(qs, rijen, veld, normen_, vandaag, vorige)
    return Wachtlijstpagina(deze, groepen, totaal)


def _paginagroepen(qs, rijen, veld, normen_, vandaag, vorige) -> list[Paginagroep]:
    per = veld.removesuffix("_id")
    per_groep: dict[int, list[Wachtende]] = defaultdict(list)
    for rij in rijen:
        per_groep[getattr(rij.toewijzing, veld)].append(rij)
    totalen = {
        rij[veld]: _totaal(rij, vandaag)
        for rij in qs.filter(**{f"{veld}__in": list(per_groep)})
        .order_by()
        .values(veld)
        .annotate(**_cijfers(normen_, vandaag))
    }
    return [
        Paginagroep(str(pk), str(getattr(r[0], per)), r, totalen[pk], vervolg=pk == vorige)
        for pk, r in per_groep.items()
    ]


def _wachtende(t: Toewijzing, norm: Norm, vandaag: date) -> Wachtende:
    sinds = t.toewijzingsdatum
    # The norm runs from the 301, or from the ingangsdatum when care may only start later.
    normdatum = norm.normdatum(max(sinds, t.ingangsdatum))
    over = 0
    if normdatum and vandaag > normdatum:
        over = norm.werkdagen_sinds(normdatum)
    return Wachtende(
        toewijzing=t,
        sinds=sinds,
        dagen=max((vandaag - sinds).days, 0),
        werkdagen=max(norm.werkdagen_sinds(sinds), 0),
        normdatum=normdatum,
        norm=norm.tekst,
        dagen_over_norm=over,
    )


def groepeer(rijen: Iterable[Wachtende], per: str) -> list[Groep]:
    """The rows grouped per aanbieder, product or gemeente, groups by name."""
    if per not in GROEPERINGEN:
        raise ValueError(per)
    groepen: dict[int, list[Wachtende]] = defaultdict(list)
    namen: dict[int, str] = {}
    for rij in rijen:
        obj = getattr(rij, per)
        groepen[obj.pk].append(rij)
        namen[obj.pk] = str(obj)
    return sorted(
        (Groep(str(pk), namen[pk], groepen[pk]) for pk in groepen),
        key=lambda g: (g.naam.lower(), g.sleutel),
    )


KOLOMMEN = [
    "Gemeente",
    "Aanbieder",
    "AGB-code",
    "Cliënt",
    "BSN",
    "Wet",
    "Toewijzingnummer",
    "Productcode",
    "Product",
    "Ingangsdatum",
    "Toegewezen op",
    "Dagen wachtend",
    "Werkdagen wachtend",
    "Norm",
    "Start uiterlijk",
    "Werkdagen over de norm",
]
CLIENTKOLOMMEN = {"Cliënt", "BSN"}


def als_csv(rijen: Iterable[Wachtende], *, met_client: bool = True) -> str:
    """The rows as CSV for Excel: Dutch headers, ``;`` separated, UTF-8 with a BOM.

    Without ``met_client`` (the contract manager) the client's name and BSN are left out.
    """
    uit = io.StringIO()
    uit.write("\ufeff")
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    schrijver.writerow([k for k in KOLOMMEN if met_client or k not in CLIENTKOLOMMEN])
    for r in rijen:
        t = r.toewijzing
        rij = [
            veilige_cel(t.gemeente),
            veilige_cel(t.aanbieder),
            getattr(t.aanbieder, "agb_code", ""),
            veilige_cel(t.client.volledige_naam),
            t.client.bsn,
            t.get_wet_display(),
            t.toewijzingnummer,
            t.product.productcode,
            veilige_cel(t.product.naam),
            f"{t.ingangsdatum:%d-%m-%Y}",
            f"{r.sinds:%d-%m-%Y}",
            r.dagen,
            r.werkdagen,
            r.norm,
            f"{r.normdatum:%d-%m-%Y}" if r.normdatum else "",
            r.dagen_over_norm,
        ]
        if not met_client:
            rij = [w for k, w in zip(KOLOMMEN, rij, strict=True) if k not in CLIENTKOLOMMEN]
        schrijver.writerow(rij)
    return uit.getvalue()
