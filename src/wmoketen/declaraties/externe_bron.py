"""The 323's rules against an external source (controleniveau 4): TR135, TR346, TR378, TR381.

The standard checks these against a source outside the message: the receiver's system date,
the contract, CBS's list of gemeenten, the product code list in use. We hold our own copy of
each (docs/declaraties.md, "Rules against an external source"):

| rule | code | element (IV087) | source we use |
|---|---|---|---|
| TR135 an existing date, not in future | 8848 | None (Header): Dagtekening; Declaratie | today |
| TR346 IngediendBedrag = volume x tarief | 9346 | Prestatie | contract hourly tariff (IV081) |
| TR378 a gemeentecode of the CBS list | S300 | None (Header): Ontvanger | ``Gemeente`` |
| TR381 ProductCode fits ProductCategorie | S329 | Prestatie | ``producten.Product`` |

``check`` ignores ``store`` (the gemeente side's context): each rule does its own queries, a
fixed number per message however many prestaties it holds (none for TR135, one for TR378, at
most two each for TR346 and TR381).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.utils import timezone

from istandaarden.regels.crossmessage import (
    Niveau,
    OntvangenBericht,
    Overtreding,
)
from wmoketen.berichten.standaarden import WET
from wmoketen.organisaties.models import Contractregel, Gemeente
from wmoketen.producten.models import Product

from .constants import EENHEID_EUROS, MINUUT, UUR


def _datum(tekst: str | None) -> date | None:
    """The date an element holds; None where it is no existing date."""
    try:
        return date.fromisoformat((tekst or "").strip())
    except ValueError:
        return None


def _cent(tekst: str | None) -> int | None:
    tekst = (tekst or "").strip()
    return int(tekst) if tekst.lstrip("-").isdigit() else None


def _euro(cent: int) -> str:
    return f"€ {cent / 100:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")


@dataclass(frozen=True)
class Prestatieregel:
    """One Prestatie of a 323 as these rules read it (amounts in cent)."""

    element: object
    productcategorie: str
    productcode: str
    begin: date
    eind: date
    volume: int
    eenheid: str
    tarief: int | None  # ProductTarief, absent with Eenheid 83 (CD087)
    bedrag: int  # IngediendBedrag, unsigned as in the message

    @property
    def product(self) -> tuple[str, str]:
        return (self.productcategorie, self.productcode)

    @property
    def periode(self) -> str:
        return f"{self.begin:%d-%m-%Y} t/m {self.eind:%d-%m-%Y}"


def prestaties(root) -> list[Prestatieregel]:
    """Every Prestatie of the 323 (the message passed the XSD: its values parse)."""
    return [
        Prestatieregel(
            element=e,
            productcategorie=(e.findtext("{*}ProductCategorie") or "").strip(),
            productcode=(e.findtext("{*}ProductCode") or "").strip(),
            begin=date.fromisoformat(e.findtext("{*}ProductPeriode/{*}Begindatum").strip()),
            eind=date.fromisoformat(e.findtext("{*}ProductPeriode/{*}Einddatum").strip()),
            volume=int(e.findtext("{*}GeleverdVolume")),
            eenheid=(e.findtext("{*}Eenheid") or "").strip(),
            tarief=_cent(e.findtext("{*}ProductTarief")),
            bedrag=int(e.findtext("{*}IngediendBedrag/{*}Bedrag")),
        )
        for e in root.iter("{*}Prestatie")
    ]


# --- TR135 ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DatumNietInToekomst:
    """TR135 (8848): the Header's Dagtekening and the DeclaratieDagtekening exist and lie on or
    before the receiver's system date. Not the periods: a ProductPeriode of the current month
    ends after today by design (TR319 allows the current period)."""

    code: str = "TR135"
    retourcode: str = "8848"
    niveau: Niveau = Niveau.HEADER
    berichten: frozenset[str] = frozenset({"323"})
    vandaag: Callable[[], date] = timezone.localdate

    def check(self, bericht: OntvangenBericht, store) -> Iterator[Overtreding]:
        vandaag = self.vandaag()
        root = bericht.root
        declaratie = root.find("{*}Declaratie")
        te_controleren = [
            (
                None,
                "De Dagtekening van het bericht",
                root.find("{*}Header/{*}BerichtIdentificatie/{*}Dagtekening"),
            ),
            (
                declaratie,
                "De DeclaratieDagtekening",
                root.find("{*}Declaratie/{*}DeclaratieDagtekening"),
            ),
        ]
        for element, naam, veld in te_controleren:
            if veld is None:
                continue  # the XSD requires both; nothing to check on a partial tree
            if melding := _tr135(naam, veld.text, vandaag):
                yield Overtreding(self.code, self.retourcode, element, melding)


def _tr135(naam: str, tekst: str | None, vandaag: date) -> str | None:
    datum = _datum(tekst)
    if datum is None:
        return f"{naam} ({(tekst or '').strip()}) is geen bestaande datum (TR135)."
    if datum > vandaag:
        return (
            f"{naam} ({datum:%d-%m-%Y}) ligt na de systeemdatum van de gemeente "
            f"({vandaag:%d-%m-%Y}) (TR135)."
        )
    return None


# --- TR346 ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class BedragIsVolumeMaalTarief:
    """TR346 (9346): with an Eenheid other than 83 (euro's), IngediendBedrag equals
    GeleverdVolume x ProductTarief, in cent.

    Minutes against an hourly contract tariff (TR346's Toelichting, IV081): the amount is
    (contractual hourly tariff x minutes) / 60 rounded to the cent (half up); the rounded
    per-minute ProductTarief is not used for it. The contract's lines of this aanbieder with
    the gemeente (or its regio) give the tariff; where we hold no line for the product, an
    amount that some hourly tariff rounding to the ProductTarief explains is accepted.
    """

    code: str = "TR346"
    retourcode: str = "9346"
    niveau: Niveau = Niveau.CLIENT
    berichten: frozenset[str] = frozenset({"323"})

    def check(self, bericht: OntvangenBericht, store) -> Iterator[Overtreding]:
        te_toetsen = [
            p
            for p in prestaties(bericht.root)
            if p.eenheid != EENHEID_EUROS and p.tarief is not None
        ]
        minuten = [p for p in te_toetsen if p.eenheid == MINUUT]
        tarieven = _contracttarieven(bericht, minuten) if minuten else {}
        for p in te_toetsen:
            per_uur = _uurtarieven(p, tarieven.get(p.product, []))
            if not _bedrag_klopt(p, per_uur):
                yield Overtreding(self.code, self.retourcode, p.element, _tr346_melding(p, per_uur))


@dataclass(frozen=True)
class Contracttarief:
    """A tariff (cent per eenheid of the contract line) and the days it holds."""

    eenheid: str
    cent: int
    van: date
    tot: date | None

    def geldt_in(self, begin: date, eind: date) -> bool:
        return self.van <= eind and (self.tot is None or begin <= self.tot)


def _contracttarieven(
    bericht: OntvangenBericht, minuten: list[Prestatieregel]
) -> dict[tuple[str, str], list[Contracttarief]]:
    """The tariffs of the aanbieder's contract lines with the gemeente (or a regio of it) for
    the products declared in minutes: two queries (the lines, their tariffs)."""
    regels = (
        Contractregel.objects.filter(
            Q(contract__gemeente__gemeentecode=bericht.ontvanger)
            | Q(contract__regio__gemeenten__gemeentecode=bericht.ontvanger),
            contract__aanbieder__agb_code=bericht.afzender,
            product__wet=WET[bericht.standaard],
            product__productcode__in={p.productcode for p in minuten},
        )
        .select_related("contract", "product")
        .prefetch_related("tarieven")
        .distinct()
    )
    uit: dict[tuple[str, str], list[Contracttarief]] = defaultdict(list)
    for regel in regels:
        sleutel = (regel.product.productcategorie, regel.product.productcode)
        for tarief, van, tot in regel.tariefperioden():
            van = max(van, regel.geldig_van)
            uit[sleutel].append(Contracttarief(regel.eenheid, int(tarief.bedrag * 100), van, tot))
    return uit


def per_minuut(uurtarief: int, minuten: int) -> int:
    """IV081: (hourly tariff x minutes) / 60, rounded half up to the cent."""
    return (uurtarief * minuten + 30) // 60


def _uurtarief_mogelijk(p: Prestatieregel) -> bool:
    """Is there an hourly tariff H (cent) with round(H / 60) = ProductTarief (IV081) and
    round(H x volume / 60) = IngediendBedrag? Used where we hold no contract tariff."""
    if p.volume == 0:
        return p.bedrag == 0
    laag, hoog = max(60 * p.tarief - 30, 0), 60 * p.tarief + 29  # round(H / 60) == tarief
    # round(H * v / 60) == bedrag  <=>  60 * bedrag - 30 <= H * v <= 60 * bedrag + 29
    vanaf = max(laag, -(-(60 * p.bedrag - 30) // p.volume))
    tot = min(hoog, (60 * p.bedrag + 29) // p.volume)
    return vanaf <= tot


def _uurtarieven(p: Prestatieregel, tarieven: list[Contracttarief]) -> list[int] | None:
    """For a prestatie in minutes: the contract's hourly tariffs (cent) in its ProductPeriode;
    [] where the contract has a tariff in another unit (per minute); None where we hold no
    contract tariff for it. None for any other unit."""
    if p.eenheid != MINUUT:
        return None
    geldend = [t for t in tarieven if t.geldt_in(p.begin, p.eind)]
    if not geldend:
        return None
    return [t.cent for t in geldend if t.eenheid == UUR]


def _bedrag_klopt(p: Prestatieregel, per_uur: list[int] | None) -> bool:
    if per_uur:  # IV081: the unrounded hourly tariff, not the per-minute ProductTarief
        return any(p.bedrag == per_minuut(uurtarief, p.volume) for uurtarief in per_uur)
    if p.bedrag == p.volume * p.tarief:
        return True
    return p.eenheid == MINUUT and per_uur is None and _uurtarief_mogelijk(p)


def _tr346_melding(p: Prestatieregel, per_uur: list[int] | None) -> str:
    if per_uur:
        verwacht = " of ".join(_euro(per_minuut(u, p.volume)) for u in per_uur)
        return (
            f"Het ingediende bedrag {_euro(p.bedrag)} voor {p.productcode} ({p.periode}) is niet "
            f"(contractueel uurtarief x {p.volume} minuten) / 60, afgerond op hele centen: "
            f"{verwacht} (TR346, IV081)."
        )
    melding = (
        f"Het ingediende bedrag {_euro(p.bedrag)} voor {p.productcode} ({p.periode}) is niet "
        f"gelijk aan het geleverde volume {p.volume} maal het producttarief {_euro(p.tarief)}"
    )
    if p.eenheid == MINUUT and per_uur is None:
        melding += ", en ook niet te verklaren uit een uurtarief dat per minuut dat tarief geeft"
    return melding + " (TR346)."


# --- TR378 ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class BestaandeGemeentecode:
    """TR378 (S300): the Header's Ontvanger is a gemeentecode of the CBS list. Our registry of
    gemeenten stands in for that list (without dates: a gemeente that merged stays in it)."""

    code: str = "TR378"
    retourcode: str = "S300"
    niveau: Niveau = Niveau.HEADER
    berichten: frozenset[str] = frozenset({"323"})

    def check(self, bericht: OntvangenBericht, store) -> Iterator[Overtreding]:
        code = bericht.ontvanger
        if not Gemeente.objects.filter(gemeentecode=code).exists():
            yield Overtreding(
                self.code,
                self.retourcode,
                None,
                f"De ontvanger {code} is geen bekende CBS-gemeentecode (TR378).",
            )


# --- TR381 ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProductcodeBijCategorie:
    """TR381 (S329): the ProductCode belongs to the ProductCategorie in the product code list
    in use: our catalogue (``producten.Product``) of the message's wet.

    A code counts when some version of it had started by the end of the ProductPeriode; its
    end date does not count, as the gemeente keeps accepting old codes of running
    toewijzingen in billing (protocol omgaan met productcodelijstwijzigingen, 2.3). Without
    any product of the wet in the catalogue we hold no list and check nothing.
    """

    code: str = "TR381"
    retourcode: str = "S329"
    niveau: Niveau = Niveau.CLIENT
    berichten: frozenset[str] = frozenset({"323"})

    def check(self, bericht: OntvangenBericht, store) -> Iterator[Overtreding]:
        wet = WET[bericht.standaard]
        gelezen = prestaties(bericht.root)
        lijst = _productlijst(wet, {p.productcode for p in gelezen})
        if not lijst and not Product.objects.filter(wet=wet).exists():
            return
        for p in gelezen:
            if melding := _tr381(p, lijst):
                yield Overtreding(self.code, self.retourcode, p.element, melding)


def _productlijst(wet: str, codes: set[str]) -> dict[tuple[str, str], date]:
    """(productcategorie, productcode) -> the first day any version of it holds."""
    uit: dict[tuple[str, str], date] = {}
    rijen = Product.objects.filter(wet=wet, productcode__in=codes).values_list(
        "productcategorie", "productcode", "geldig_van"
    )
    for categorie, code, van in rijen:
        sleutel = (categorie, code)
        uit[sleutel] = min(van, uit.get(sleutel, van))
    return uit


def _tr381(p: Prestatieregel, lijst: dict[tuple[str, str], date]) -> str | None:
    vanaf = lijst.get(p.product)
    if vanaf is None:
        return (
            f"Productcode {p.productcode} hoort volgens de productcodelijst niet bij "
            f"productcategorie {p.productcategorie} (TR381)."
        )
    if vanaf > p.eind:
        return (
            f"Productcode {p.productcode} staat pas vanaf {vanaf:%d-%m-%Y} in de "
            f"productcodelijst, na de productperiode {p.periode} (TR381)."
        )
    return None


REGELS = (
    DatumNietInToekomst(),
    BedragIsVolumeMaalTarief(),
    BestaandeGemeentecode(),
    ProductcodeBijCategorie(),
)


def controleer(bericht: OntvangenBericht) -> list[Overtreding]:
    """Every rule against an external source on the 323 in ``bericht`` (the gemeente's
    handler runs them with the cross-message rules: ``ontvangst.ontvang_declaratie``)."""
    return [o for regel in REGELS for o in regel.check(bericht, None)]
