"""The regime matrix: which combinations of uitvoeringsvariant, declaratieregel and frequentie
a contract line may have, and the Dutch reason a refused one is refused.

A regime decides the volume (or amount) of a month's prestatie, never its ProductPeriode
(IV089). The regional rules pay a *whole month*: the TR321 maximum of the product period
(``declaraties.volume.max_in_periode``). Only with frequentie per maand (4) is that the whole
monthly volume even in a month cut short by the toewijzing's dates (IV078); per dag or per
week a cut month allows less (TR321, IV077), and frequentie 6 or a budget has no month at all.
So a regional rule is allowed only with frequentie per maand, and taakgericht lines are never
declared (their money is a budget, ``budgetten``): they take the national rule.

The strategies themselves live in ``declaraties.regimes`` (a higher layer); this module only
says what may be saved. ``MATRIX`` is the table in docs/regimes.md (a test keeps them equal).
"""

from __future__ import annotations

from dataclasses import dataclass

from .constants import Declaratieregel, Uitvoeringsvariant

__all__ = ["FREQUENTIES", "MATRIX", "Cel", "regime_naam", "tabel", "weigerreden"]

PER_DAG, PER_WEEK, PER_MAAND, TOTAAL, GEEN = "1", "2", "4", "6", ""
# The frequentie axis (WMO757), "" meaning no Omvang: a budget.
FREQUENTIES = {
    PER_DAG: "per dag (1)",
    PER_WEEK: "per week (2)",
    PER_MAAND: "per maand (4)",
    TOTAAL: "totaal (6)",
    GEEN: "budget (geen)",
}
REGIONAAL = (Declaratieregel.MIDDEN_LIMBURG_WEST, Declaratieregel.ALMERE)

# The names of the strategies in declaraties.regimes.
STANDAARD, MIDDEN_LIMBURG_WEST, ALMERE, BUDGET = (
    "standaard",
    "midden_limburg_west",
    "almere",
    "budget",
)

_REGIONAAL_NAAR_REGIME = {
    Declaratieregel.MIDDEN_LIMBURG_WEST: MIDDEN_LIMBURG_WEST,
    Declaratieregel.ALMERE: ALMERE,
}

_WAAROM_NIET = {
    PER_DAG: (
        "bij frequentie per dag is het maximum van een maand die door de toewijzing wordt "
        "afgebroken kleiner dan een hele maand (TR321)"
    ),
    PER_WEEK: (
        "bij frequentie per week is het maximum van een maand die door de toewijzing wordt "
        "afgebroken kleiner dan een hele maand (TR321, IV077)"
    ),
    TOTAAL: (
        "bij frequentie totaal binnen geldigheidsduur is er geen maandvolume, alleen een "
        "totaal (TR322)"
    ),
    GEEN: "een budget zonder omvang heeft geen maandvolume",
}


@dataclass(frozen=True)
class Cel:
    """One combination: allowed with the strategy ``regime``, or refused with ``reden``."""

    uitvoeringsvariant: str
    declaratieregel: str
    frequentie: str
    regime: str | None
    reden: str | None


def weigerreden(*, uitvoeringsvariant: str, declaratieregel: str, frequentie: str) -> str | None:
    """None when the combination is allowed, else the Dutch reason (shown on the form)."""
    frequentie = frequentie or GEEN
    if declaratieregel not in REGIONAAL:
        return None
    label = Declaratieregel(declaratieregel).label.split(":")[0]
    if uitvoeringsvariant == Uitvoeringsvariant.TAAKGERICHT:
        return (
            f"De declaratieregel {label} kan niet bij een taakgericht product: dat wordt niet "
            "per maand gedeclareerd (geen 323) maar met een budget betaald. Kies Landelijk."
        )
    if frequentie == PER_MAAND:
        return None
    reden = _WAAROM_NIET.get(frequentie, f"frequentie {frequentie!r} is onbekend (WMO757)")
    return (
        f"De declaratieregel {label} betaalt een hele kalendermaand, maar {reden}. Deze regel "
        "kan alleen bij frequentie per maand; kies anders Landelijk."
    )


def regime_naam(*, uitvoeringsvariant: str, declaratieregel: str, frequentie: str) -> str:
    """The strategy an allowed combination uses; a refused one (a line saved before the
    matrix) falls back to the national rule, as does any inspannings- or outputgericht line
    with declaratieregel landelijk."""
    if uitvoeringsvariant == Uitvoeringsvariant.TAAKGERICHT:
        return BUDGET
    if weigerreden(
        uitvoeringsvariant=uitvoeringsvariant,
        declaratieregel=declaratieregel,
        frequentie=frequentie,
    ):
        return STANDAARD
    return _REGIONAAL_NAAR_REGIME.get(declaratieregel, STANDAARD)


def _cel(variant: str, regel: str, frequentie: str) -> Cel:
    reden = weigerreden(uitvoeringsvariant=variant, declaratieregel=regel, frequentie=frequentie)
    regime = None
    if reden is None:
        regime = regime_naam(
            uitvoeringsvariant=variant, declaratieregel=regel, frequentie=frequentie
        )
    return Cel(variant, regel, frequentie, regime, reden)


MATRIX: list[Cel] = [
    _cel(variant, regel, frequentie)
    for variant in Uitvoeringsvariant.values
    for regel in Declaratieregel.values
    for frequentie in FREQUENTIES
]


def tabel() -> list[str]:
    """MATRIX as the Markdown table of docs/regimes.md: a row per variant and rule, a column
    per frequentie; each cell the strategy or "geweigerd"."""
    kop = ["uitvoeringsvariant", "declaratieregel", *FREQUENTIES.values()]
    regels = ["| " + " | ".join(kop) + " |", "|" + "---|" * len(kop)]
    for variant in Uitvoeringsvariant.values:
        for regel in Declaratieregel.values:
            cellen = [
                c.regime or "**geweigerd**"
                for c in MATRIX
                if (c.uitvoeringsvariant, c.declaratieregel) == (variant, regel)
            ]
            regels.append("| " + " | ".join([variant, regel, *cellen]) + " |")
    return regels
