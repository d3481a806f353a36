"""Profile assessment (002, bijlage 2 and 4): five criteria A–E → categorie and intensiteit.

:func:`bepaal_profiel` is a pure function of the scores and a scoring table. The table is data:
``toegang/data/profieltabel.json``, or the JSON file named by the setting
``TOEGANG_PROFIELTABEL`` (a path), so a region changes the mapping without code.

The seed's own table is missing from its bijlagen, so wmoketen ships this **default**:

* each score gives points: A = 0, B = 1, C = 2, D = 3, E = 4 (A is best: safe, balanced,
  close to the result, self-reliant, cooperative);
* **categorie** from the sum over all five criteria (0–20): 0–6 → 1, 7–13 → 2, 14–20 → 3;
  with a minimum for safety: veiligheid D → at least 2, veiligheid E → 3;
* **intensiteit** from distance to the result plus self-reliance (0–8): 0–2 → basis,
  3–5 → aanvullend, 6–8 → intensief; with a minimum: coöperatie E → at least aanvullend.

A table has ``punten`` (score → points) and, for ``categorie`` and ``intensiteit``, the
``criteria`` summed, ordered ``grenzen`` (``tot_en_met`` → ``uitkomst``) and optional
``minimum`` rows (criterium with one of ``scores`` → at least ``uitkomst``).
The consulent may deviate from the outcome only with a written motivation
(``services.beoordeel_profiel``).
"""

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError

from .constants import Categorie, Criterium, Intensiteit, Score

STANDAARDTABEL = Path(__file__).parent / "data" / "profieltabel.json"

INTENSITEIT_VOLGORDE = [Intensiteit.BASIS, Intensiteit.AANVULLEND, Intensiteit.INTENSIEF]


@dataclass(frozen=True)
class Profiel:
    categorie: int
    intensiteit: str

    @property
    def omschrijving(self) -> str:
        return f"{Categorie(self.categorie).label}, {Intensiteit(self.intensiteit).label.lower()}"


def _controleer_tabel(tabel: dict) -> dict:
    try:
        if set(tabel["punten"]) != set(Score.values):
            raise KeyError("punten")
        for deel, geldig in (
            ("categorie", set(Categorie.values)),
            ("intensiteit", set(Intensiteit.values)),
        ):
            onderdeel = tabel[deel]
            if not set(onderdeel["criteria"]) <= set(Criterium.values):
                raise KeyError(f"{deel}.criteria")
            grenzen = onderdeel["grenzen"]
            maximum = max(tabel["punten"].values()) * len(onderdeel["criteria"])
            if not grenzen or grenzen[-1]["tot_en_met"] < maximum:
                raise KeyError(f"{deel}.grenzen dekt niet alle punten")
            for rij in grenzen + onderdeel.get("minimum", []):
                if rij["uitkomst"] not in geldig:
                    raise KeyError(f"{deel}.uitkomst {rij['uitkomst']}")
    except (KeyError, TypeError) as fout:
        raise ImproperlyConfigured(f"Ongeldige profieltabel: {fout}") from fout
    return tabel


@lru_cache(maxsize=4)
def _lees(pad: str) -> dict:
    with open(pad, encoding="utf-8") as bestand:
        return _controleer_tabel(json.load(bestand))


def profieltabel() -> dict:
    """The table in force: the setting ``TOEGANG_PROFIELTABEL`` or the default."""
    return _lees(str(getattr(settings, "TOEGANG_PROFIELTABEL", "") or STANDAARDTABEL))


def _uitkomst(onderdeel: dict, scores: dict, punten: dict, volgorde):
    totaal = sum(punten[scores[c]] for c in onderdeel["criteria"])
    uitkomst = next(r["uitkomst"] for r in onderdeel["grenzen"] if totaal <= r["tot_en_met"])
    for rij in onderdeel.get("minimum", []):
        if scores[rij["criterium"]] in rij["scores"]:
            uitkomst = max(uitkomst, rij["uitkomst"], key=volgorde.index)
    return uitkomst


def bepaal_profiel(scores: dict[str, str], tabel: dict | None = None) -> Profiel:
    """The categorie (1/2/3) and intensiteit for five scores ``{criterium: "A".."E"}``.

    Raises a Dutch ``ValidationError`` when a criterion is missing or a score is not A–E.
    """
    tabel = _controleer_tabel(tabel) if tabel is not None else profieltabel()
    ontbrekend = [Criterium(c).label for c in Criterium.values if not scores.get(c)]
    if ontbrekend:
        raise ValidationError(f"Geef een score (A–E) voor: {', '.join(ontbrekend)}.")
    ongeldig = [c for c in Criterium.values if scores[c] not in Score.values]
    if ongeldig:
        raise ValidationError("Een score is A, B, C, D of E.")
    punten = tabel["punten"]
    categorie = _uitkomst(tabel["categorie"], scores, punten, list(Categorie.values))
    intensiteit = _uitkomst(tabel["intensiteit"], scores, punten, list(INTENSITEIT_VOLGORDE))
    return Profiel(int(categorie), str(Intensiteit(intensiteit)))
