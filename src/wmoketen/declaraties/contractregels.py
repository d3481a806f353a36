"""Which contract line a prestatie is declared and checked by: one rule for both sides, so the
aanbieder's proposal and the gemeente's check (TR418, TR321) never pick different lines."""

from collections.abc import Iterable
from datetime import date

from wmoketen.organisaties.constants import Uitvoeringsvariant
from wmoketen.organisaties.models import Contractregel

# Declared with a 323 (OP261: per product); taakgericht is paid by budget.
DECLARABEL = frozenset({Uitvoeringsvariant.INSPANNINGSGERICHT, Uitvoeringsvariant.OUTPUTGERICHT})


def geldende_regel(regels: Iterable[Contractregel], op: date) -> Contractregel | None:
    """The declarable line valid on ``op`` that began last (a gemeente's and a regio's
    contract may both cover the product)."""
    geldig = [r for r in regels if r.uitvoeringsvariant in DECLARABEL and r.geldig_op(op)]
    return max(geldig, key=lambda r: (r.begindatum, r.contract.begindatum, r.pk), default=None)
