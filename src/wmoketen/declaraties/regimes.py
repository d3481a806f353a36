"""The billing regimes: how much of one allocation's month is declared (the aanbieder's
proposal) and expected (the gemeente's backoffice), per contract line.

A regime decides the volume only, never the ProductPeriode: that is the calendar month cut at
the toewijzing's dates (``perioden.productperiode``, IV089). Which regime a contract line has
follows from its uitvoeringsvariant, declaratieregel and frequentie (``organisaties.regimes``,
the matrix in docs/regimes.md):

* **standaard** (declaratieregel landelijk): the delivered volume within the product period,
  the TR321 maximum in proportion to the delivered days (see ``Standaard``);
* **midden_limburg_west** (per maand): the start month of support is not paid, every other
  month with a delivered day is paid whole; the end month, a drop-out and a pause are whole;
  a month in which support both starts and ends is paid whole. Support is that of the client,
  product and aanbieder, across allocations: a new allocation that continues the previous one
  (an Omvang changed) does not start it again (``Situatie.andere_leveringen``);
* **almere** (per maand): any delivered day in the month pays the whole month; none, nothing;
* **budget** (taakgericht): never declared with a 323 (the budget is paid, ``budgetten``).

"Whole month" is the TR321 maximum of the product period for the toewijzing's own Omvang
(``volume.max_in_periode``), never more: for frequentie per maand that is the monthly volume even
in a cut month (IV078). Only an allocation whose own frequentie is per maand gets it: for any
other Omvang (per dag, per week, totaal, a budget) a regional regime proposes what the standard
one does in the months it pays (a per-week maximum of a month is up to 6 weeks, TR321).

``volume`` returns None for "no prestatie this month"; 0 is a prestatie for the aanbieder to
fill in (the standard regime's budget or total without an einddatum).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from functools import cached_property
from typing import Protocol

from wmoketen.organisaties import regimes as matrix
from wmoketen.toewijzingen.constants import REDEN_PAUZE

from .constants import EENHEID_EUROS, in_cent
from .perioden import maand_van
from .volume import TOTAAL_BINNEN_GELDIGHEIDSDUUR, max_in_periode

__all__ = [
    "DAG",
    "Almere",
    "Budget",
    "Geleverd",
    "MiddenLimburgWest",
    "Regime",
    "Situatie",
    "Standaard",
    "andere_van",
    "eenheid_en_tarief",
    "geleverde_dagen",
    "naar_rato",
    "per_client_en_product",
    "regime_voor",
]

DAG = timedelta(days=1)


@dataclass(frozen=True)
class Geleverd:
    """One delivery (start through stop) as the regimes read it."""

    begindatum: date
    einddatum: date | None
    reden_beeindiging: str = ""


def per_client_en_product(rijen: Iterable) -> dict[tuple, list[tuple[int, Geleverd]]]:
    """``{(client, product): [(toewijzing, Geleverd), ...]}`` from rows ``(toewijzing,
    client, product, begindatum, einddatum, reden_beeindiging, toewijzing_einddatum)`` of one
    aanbieder's deliveries; a delivery without a stop ends with its allocation."""
    groepen: dict[tuple, list[tuple[int, Geleverd]]] = {}
    for toewijzing, client, product, begin, einde, reden, toewijzing_einde in rijen:
        if toewijzing_einde is not None and (einde is None or einde > toewijzing_einde):
            einde = toewijzing_einde
        groepen.setdefault((client, product), []).append(
            (toewijzing, Geleverd(begin, einde, reden))
        )
    return groepen


def andere_van(groepen: dict, toewijzing) -> tuple[Geleverd, ...]:
    """The deliveries of ``toewijzing``'s client and product under its other allocations."""
    groep = groepen.get((toewijzing.client_id, toewijzing.product_id), ())
    return tuple(geleverd for pk, geleverd in groep if pk != toewijzing.pk)


@dataclass(frozen=True)
class Situatie:
    """One allocation in one ProductPeriode (``begin`` … ``eind``): its Omvang, the contract
    line's variant, every delivery of the allocation (objects with ``begindatum``,
    ``einddatum`` and ``reden_beeindiging``: a ``toewijzingen.Levering`` of either side) and
    the tariff in cent (1 for eenheid 83).

    ``andere_leveringen``: the deliveries of the same client, product and aanbieder under its
    other allocations (the one an Omvang change ended, the one that replaced it), each stop
    cut at its allocation's einddatum; at least those touching the month or the day before or
    after it. The caller reads them (one query for all allocations); the regime only looks."""

    volume: int | None
    frequentie: str
    productcategorie: str
    budget: Decimal | None
    ingangsdatum: date
    einddatum: date | None
    variant: str
    begin: date
    eind: date
    leveringen: tuple
    tarief: int
    andere_leveringen: tuple = ()

    @classmethod
    def van(
        cls,
        toewijzing,
        *,
        productcategorie: str,
        variant: str,
        periode,
        leveringen,
        tarief,
        andere_leveringen=(),
    ):
        """From an allocation of either side (``Toewijzing`` or ``AanbiederToewijzing``)."""
        return cls(
            volume=toewijzing.volume,
            frequentie=toewijzing.frequentie,
            productcategorie=productcategorie,
            budget=toewijzing.budget,
            ingangsdatum=toewijzing.ingangsdatum,
            einddatum=toewijzing.einddatum,
            variant=variant,
            begin=periode[0],
            eind=periode[1],
            leveringen=tuple(leveringen),
            tarief=tarief,
            andere_leveringen=tuple(andere_leveringen),
        )

    @property
    def periode_dagen(self) -> int:
        return (self.eind - self.begin).days + 1

    @cached_property
    def dagen(self) -> int:
        """The days of the product period on which care was delivered."""
        return geleverde_dagen(self.leveringen, self.begin, self.eind)

    @property
    def maand(self) -> tuple[date, date]:
        return maand_van(self.begin)

    def in_maand(self, datum: date | None) -> bool:
        eerste, laatste = self.maand
        return datum is not None and eerste <= datum <= laatste


class Regime(Protocol):
    naam: str
    label: str

    def volume(self, s: Situatie) -> int | None:
        """The month's volume; None: no prestatie."""


def regime_voor(regel) -> Regime:
    """The strategy of a contract line (``organisaties.Contractregel``)."""
    naam = matrix.regime_naam(
        uitvoeringsvariant=regel.uitvoeringsvariant,
        declaratieregel=regel.declaratieregel,
        frequentie=regel.frequentie,
    )
    return REGIMES[naam]


def geleverde_dagen(leveringen: Iterable, begin: date, eind: date) -> int:
    """The days in ``begin`` … ``eind`` on which a delivery ran (start through stop, a running
    one to the end), each day counted once however the deliveries overlap."""
    dagen: set[int] = set()
    for levering in leveringen:
        van = max(levering.begindatum, begin)
        tot = min(levering.einddatum or eind, eind)
        dagen.update(range(van.toordinal(), tot.toordinal() + 1))
    return len(dagen)


def eenheid_en_tarief(toewijzing, regel, tarief: Decimal) -> tuple[str, int]:
    """A prestatie's eenheid (the allocation's, else the contract line's) and its tarief in
    cent for the line's ``tarief``; for Eenheid 83 (euro's) the volume is the amount in cent
    and the tarief 1 (CS339)."""
    eenheid = toewijzing.eenheid or regel.eenheid
    return eenheid, 1 if eenheid == EENHEID_EUROS else in_cent(tarief)


def naar_rato(maximum: int, dagen: int, periode_dagen: int) -> int:
    """``maximum`` for ``dagen`` of ``periode_dagen`` delivered days: half up, at least 1
    (when the maximum is), never above the maximum."""
    if dagen >= periode_dagen or maximum <= 0:
        return max(maximum, 0)
    deel = Fraction(maximum * dagen, periode_dagen)
    afgerond = int(deel + Fraction(1, 2))
    return min(maximum, max(1, afgerond))


def _maximum(s: Situatie) -> int | None:
    """TR321's maximum for the product period; None where the Omvang sets none (a budget,
    frequentie 6) or is unknown to the rules."""
    try:
        return max_in_periode(
            volume=s.volume,
            frequentie=s.frequentie,
            productcategorie=s.productcategorie,
            variant=s.variant,
            begin=s.begin,
            eind=s.eind,
            toewijzing_ingang=s.ingangsdatum,
            toewijzing_eind=s.einddatum,
        )
    except ValueError:
        return None


def _aandeel(s: Situatie, totaal: Fraction) -> Fraction:
    """``totaal`` spread evenly over the allocation's days, the share of the delivered days,
    rounded down; 0 when the allocation has no einddatum."""
    if s.einddatum is None:
        return Fraction(0)
    looptijd = (s.einddatum - s.ingangsdatum).days + 1
    return Fraction(int(totaal * s.dagen / looptijd))


class Standaard:
    """Landelijk: the delivered volume within the product period.

    - no delivered day in the period: no prestatie;
    - care delivered on every day of the period: the TR321 maximum;
    - otherwise the maximum in proportion to the delivered days, half up, at least 1;
    - frequentie 6 (no per-period cap): the total spread evenly over the allocation's days,
      rounded down (TR322); 0 without an einddatum, as for an Omvang the rules do not know;
    - a budget (no volume): its share of the delivered days in cent divided by the tariff,
      rounded down (TR369); 0 without an einddatum.
    """

    naam = matrix.STANDAARD
    label = "Landelijk"

    def volume(self, s: Situatie) -> int | None:
        if not s.dagen:
            return None
        if s.volume is None:
            bedrag = _aandeel(s, Fraction(in_cent(s.budget or Decimal(0))))
            return int(bedrag // s.tarief) if s.tarief else 0
        if s.frequentie == TOTAAL_BINNEN_GELDIGHEIDSDUUR:
            return int(_aandeel(s, Fraction(s.volume)))
        maximum = _maximum(s)
        if maximum is None:
            return 0
        return naar_rato(maximum, s.dagen, s.periode_dagen)


def _hele_maand(s: Situatie) -> int | None:
    """The whole month: TR321's maximum for an Omvang per maand (IV078: the monthly volume
    even in a cut month); the standard volume for any other Omvang (per week the maximum of
    a month is up to 6 weeks, per dag 31 days; a total or a budget has none)."""
    if s.volume is None or s.frequentie != matrix.PER_MAAND:
        return STANDAARD.volume(s)
    maximum = _maximum(s)
    return STANDAARD.volume(s) if maximum is None else maximum


class Almere:
    """Any delivered day in the month pays the whole month; none, no prestatie."""

    naam = matrix.ALMERE
    label = "Almere"

    def volume(self, s: Situatie) -> int | None:
        return _hele_maand(s) if s.dagen else None


class MiddenLimburgWest:
    """The start month of support is not paid, unless support also ends in it; every other
    month with a delivered day is paid whole: the end month, a drop-out, a pause.

    Support is the client's with this product and aanbieder, across allocations: the month of
    an allocation's first delivery is the start month only when the day before it was not a
    delivered day under another allocation (``andere_leveringen``). A new allocation that
    continues another (a changed Omvang) from the 1st is paid whole; one that continues it
    mid-month gets nothing for that month, which the other allocation pays whole (its end
    month). An aanbieder switch is the old allocation's end month (whole) and the new
    aanbieder's start month (not paid: a different aanbieder)."""

    naam = matrix.MIDDEN_LIMBURG_WEST
    label = "Midden-Limburg West"

    def volume(self, s: Situatie) -> int | None:
        if not s.dagen:
            return None
        eerste_start = min(levering.begindatum for levering in s.leveringen)
        if s.in_maand(eerste_start):
            dag_ervoor = eerste_start - DAG
            if _geleverd_op(s.andere_leveringen, dag_ervoor):
                # Continued: paid here from the 1st, else by the other allocation.
                return None if s.in_maand(dag_ervoor) else _hele_maand(s)
            if not _eindigt_in_maand(s):
                return None  # the start month
        return _hele_maand(s)


def _geleverd_op(leveringen: Iterable, datum: date) -> bool:
    return any(
        levering.begindatum <= datum and (levering.einddatum is None or datum <= levering.einddatum)
        for levering in leveringen
    )


def _eindigt_in_maand(s: Situatie) -> bool:
    """Support ends in the month: the allocation's einddatum, or its last delivery stopped
    for good (a stop that is not a pause, reden 20), and no other allocation of the client,
    product and aanbieder delivers the next day."""
    if s.in_maand(s.einddatum):
        einde = s.einddatum
    else:
        laatste = max(s.leveringen, key=lambda levering: levering.begindatum)
        if not s.in_maand(laatste.einddatum) or laatste.reden_beeindiging == REDEN_PAUZE:
            return False
        einde = laatste.einddatum
    return not _geleverd_op(s.andere_leveringen, einde + DAG)


class Budget:
    """Taakgericht: never declared with a 323; the budget is paid in advances (budgetten)."""

    naam = matrix.BUDGET
    label = "Taakgericht (budget)"

    def volume(self, s: Situatie) -> int | None:
        return None


STANDAARD = Standaard()
REGIMES: dict[str, Regime] = {
    r.naam: r for r in (STANDAARD, MiddenLimburgWest(), Almere(), Budget())
}
