"""When the evaluations of a beschikking fall (002 §8, 004 Evaluaties and "drie maanden").

* the driemaandscheck 3 months after the ingangsdatum (004: did the support start, is it
  delivered as decided);
* a tussentijdse evaluatie every term of the rule ``evaluatie`` (6 months; regional) from the
  ingangsdatum, as long as it falls before the eindevaluatie;
* the eindevaluatie at the latest the term of ``herindicatie_signaal`` (8 weeks) before the
  einddatum, so its advice can serve as the melding for a herindicatie (004).

A beschikking shorter than 6 months gets only the eindevaluatie (002: "Bij trajecten met een
kortere looptijd dan 6 maanden wordt alleen een eindevaluatie uitgevoerd"); its eindevaluatie
falls at most 4 months after the start, so a separate check would ask the same questions.

Every date that is not a werkdag (weekend, holiday, the gemeente's closing day) moves to the
werkdag before: these are "uiterlijk" dates, so the evaluation still happens in time.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from wmoketen.termijnen import kalender
from wmoketen.termijnen.constants import Eenheid, Regelcode
from wmoketen.termijnen.queries import regel_voor

from .constants import Soort

DRIEMAANDSCHECK_MAANDEN = 3
KORT_MAANDEN = 6


@dataclass(frozen=True)
class Moment:
    soort: str
    datum: date


def is_kort(ingangsdatum: date, einddatum: date) -> bool:
    """Shorter than 6 months: the einddatum (inclusive) before ingang + 6 months − 1 day."""
    return einddatum < kalender.plus_maanden(ingangsdatum, KORT_MAANDEN) - timedelta(days=1)


def _plus(datum: date, aantal: int, eenheid: str, gemeente) -> date:
    if eenheid == Eenheid.MAANDEN:
        return kalender.plus_maanden(datum, aantal)
    if eenheid == Eenheid.WERKDAGEN:
        return kalender.plus_werkdagen(datum, aantal, gemeente)
    return datum + timedelta(days=aantal * (7 if eenheid == Eenheid.WEKEN else 1))


def momenten(ingangsdatum: date, einddatum: date, gemeente=None) -> list[Moment]:
    """The planned moments of a beschikking running from ``ingangsdatum`` to ``einddatum``."""
    werkdag = lambda d: kalender.vorige_werkdag(d, gemeente)  # noqa: E731
    eind = regel_voor(Regelcode.HERINDICATIE_SIGNAAL, gemeente).vervaldatum(einddatum, gemeente)
    eind = werkdag(max(eind, ingangsdatum))
    if is_kort(ingangsdatum, einddatum):
        return [Moment(Soort.EIND, eind)]
    check = werkdag(kalender.plus_maanden(ingangsdatum, DRIEMAANDSCHECK_MAANDEN))
    lijst = [Moment(Soort.DRIEMAANDSCHECK, check)] if check < eind else []
    regel = regel_voor(Regelcode.EVALUATIE, gemeente)
    n = 1
    while (datum := werkdag(_plus(ingangsdatum, n * regel.aantal, regel.eenheid, gemeente))) < eind:
        lijst.append(Moment(Soort.TUSSENTIJDS, datum))
        n += 1
    lijst.append(Moment(Soort.EIND, eind))
    return lijst
