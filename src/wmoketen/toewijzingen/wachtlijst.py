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
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError

from wmoketen.termijnen import kalender
from wmoketen.termijnen.constants import Eenheid, Regelcode
from wmoketen.termijnen.queries import regel_voor

from .models import Toewijzing

GROEPERINGEN = {
    "aanbieder": "Aanbieder",
    "product": "Product",
    "gemeente": "Gemeente",
}


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
        return (sum(r.dagen for r in self.rijen) * 2 + self.aantal) // (2 * self.aantal)

    @property
    def langst(self) -> int:
        return max(r.dagen for r in self.rijen)


def wachtlijst(
    organisatie,
    *,
    vandaag: date,
    aanbieder=None,
    product=None,
    gemeente=None,
) -> list[Wachtende]:
    """The organisation's waiting allocations on ``vandaag``, longest waiting first.

    Only allocations current on ``vandaag`` (not ended, not removed), scoped to what the
    organisation may see, optionally narrowed to one aanbieder, product or gemeente (pks).
    """
    qs = Toewijzing.objects.voor_organisatie(organisatie).actueel(vandaag)
    if aanbieder:
        qs = qs.filter(aanbieder_id=aanbieder)
    if product:
        qs = qs.filter(product_id=product)
    if gemeente:
        qs = qs.filter(gemeente_id=gemeente)
    qs = qs.zonder_start().select_related("gemeente", "aanbieder", "product", "client")
    regels: dict[int, object] = {}
    rijen = []
    for t in qs.order_by("toewijzingsdatum", "toewijzingnummer", "pk"):
        if t.gemeente_id not in regels:
            try:
                regels[t.gemeente_id] = regel_voor(Regelcode.START_ONDERSTEUNING, t.gemeente)
            except ValidationError:
                regels[t.gemeente_id] = None
        rijen.append(_wachtende(t, regels[t.gemeente_id], vandaag))
    return rijen


def _wachtende(t: Toewijzing, regel, vandaag: date) -> Wachtende:
    sinds = t.toewijzingsdatum
    # The norm runs from the 301, or from the ingangsdatum when care may only start later.
    normdatum = regel.vervaldatum(max(sinds, t.ingangsdatum), t.gemeente) if regel else None
    over = 0
    if normdatum and vandaag > normdatum:
        over = kalender.werkdagen_tussen(normdatum, vandaag, t.gemeente)
    if regel:
        eenheid = Eenheid(regel.eenheid).label if regel.eenheid in Eenheid.values else ""
        norm = f"{regel.aantal} {eenheid}".strip()
    else:
        norm = ""
    return Wachtende(
        toewijzing=t,
        sinds=sinds,
        dagen=max((vandaag - sinds).days, 0),
        werkdagen=max(kalender.werkdagen_tussen(sinds, vandaag, t.gemeente), 0),
        normdatum=normdatum,
        norm=norm,
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
            str(t.gemeente),
            str(t.aanbieder),
            getattr(t.aanbieder, "agb_code", ""),
            t.client.volledige_naam,
            t.client.bsn,
            t.get_wet_display(),
            t.toewijzingnummer,
            t.product.productcode,
            t.product.naam,
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
