"""``wmoketen-bericht``: validate, show and answer iWmo/iJw messages from the command line.

    wmoketen-bericht valideer [--json] FILE...
    wmoketen-bericht toon FILE
    wmoketen-bericht retour FILE [-o OUT] [--identificatie ID] [--dagtekening JJJJ-MM-DD]

``valideer`` exits 0 when every file is valid and 1 otherwise; a missing or unreadable file is
a PARSE error for that file, not a crash. With ``--json`` stdout holds exactly one JSON object:
``{path as given: [{code, retourcode, xpath, line, message}, ...]}``. Each list holds at most
``MAX_FOUTEN`` errors; when a file has more, the key ``fouten_totaal`` (only then present)
maps that path to its total: ``{"fouten_totaal": {path: 200000}}``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TextIO

from istandaarden.fout import MAX_FOUTEN, Fout, ParseFout, getal, nog_meer, totaal
from istandaarden.samenvatting import samenvatting

__all__ = ["main"]

Validator = Callable[[bytes], list[Fout]]


def main(argv: Sequence[str] | None = None) -> int:
    args = _argumenten().parse_args(argv)
    return args.actie(args)


def _argumenten() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wmoketen-bericht", description="Controleer en toon iWmo- en iJw-3.2-berichten."
    )
    sub = parser.add_subparsers(dest="opdracht", required=True, metavar="OPDRACHT")
    valideer = sub.add_parser("valideer", help="controleer berichten (XSD en regels)")
    valideer.add_argument("bestanden", nargs="+", metavar="BESTAND")
    valideer.add_argument("--json", action="store_true", help="uitvoer als één JSON-object")
    valideer.set_defaults(actie=_valideer)
    toon = sub.add_parser("toon", help="toon een leesbare samenvatting van een bericht")
    toon.add_argument("bestand", metavar="BESTAND")
    toon.set_defaults(actie=_toon)
    retour = sub.add_parser("retour", help="maak het retourbericht bij een heenbericht")
    retour.add_argument("bestand", metavar="BESTAND")
    retour.add_argument("-o", "--uitvoer", type=Path, help="schrijf hierheen (standaard stdout)")
    retour.add_argument("--identificatie", help="IdentificatieRetour (standaard: JJMMDDUUMMSS)")
    retour.add_argument("--dagtekening", type=date.fromisoformat, help="standaard: vandaag")
    retour.set_defaults(actie=_retour)
    return parser


# ------------------------------------------------------------------------------ valideer


def _validator() -> Validator:
    from istandaarden.validation import validate  # imported late: it compiles rule tables

    return validate


def lees(pad: str) -> bytes:
    """The file's bytes; ParseFout (Dutch) when it cannot be read."""
    try:
        return Path(pad).read_bytes()
    except FileNotFoundError:
        raise ParseFout(f"Het bestand '{pad}' bestaat niet.") from None
    except IsADirectoryError:
        raise ParseFout(f"'{pad}' is een map, geen bestand.") from None
    except OSError as exc:
        raise ParseFout(f"Het bestand '{pad}' kan niet gelezen worden: {exc.strerror}.") from None


def controleer(pad: str, validate: Validator) -> list[Fout]:
    try:
        return validate(lees(pad))
    except ParseFout as exc:
        return [exc.fout]


def _valideer(args: argparse.Namespace) -> int:
    validate = _validator()
    resultaten = {pad: controleer(pad, validate) for pad in args.bestanden}
    if args.json:
        json.dump(_als_json(resultaten), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for pad, fouten in resultaten.items():
            _schrijf_fouten(pad, fouten, sys.stdout)
    return 1 if any(resultaten.values()) else 0


def _als_json(resultaten: dict[str, list[Fout]]) -> dict:
    """Per path its first errors; ``fouten_totaal`` only for paths that have more."""
    uitvoer: dict = {
        pad: [f.as_dict() for f in fouten[:MAX_FOUTEN]] for pad, fouten in resultaten.items()
    }
    meer = {pad: totaal(f) for pad, f in resultaten.items() if totaal(f) > MAX_FOUTEN}
    if meer:
        uitvoer["fouten_totaal"] = meer
    return uitvoer


def _schrijf_fouten(pad: str, fouten: list[Fout], out: TextIO) -> None:
    if not fouten:
        out.write(f"{pad}: geldig\n")
        return
    aantal = totaal(fouten)
    out.write(f"{pad}: {getal(aantal)} {'fout' if aantal == 1 else 'fouten'}\n")
    _schrijf_regels(fouten, out)


def _schrijf_regels(fouten: list[Fout], out: TextIO) -> None:
    """One line per error, at most MAX_FOUTEN, then how many more there are."""
    for fout in fouten[:MAX_FOUTEN]:
        out.write(f"  {_regel(fout)}\n")
    if (aantal := totaal(fouten)) > MAX_FOUTEN:
        out.write(f"  {nog_meer(MAX_FOUTEN, aantal)}\n")


def _regel(fout: Fout) -> str:
    retourcode = fout.retourcode or "-"
    waar = fout.xpath or "-"
    regel = fout.line if fout.line is not None else "-"
    return f"{fout.code} retourcode {retourcode} {waar} regel {regel}: {fout.message}"


# ------------------------------------------------------------------------------ retour


def _retour(args: argparse.Namespace) -> int:
    from istandaarden.retour import GeenRetour, maak_retour

    try:
        data = lees(args.bestand)
    except ParseFout as exc:
        sys.stderr.write(f"{args.bestand}: geen retourbericht. {exc}\n")
        return 1
    fouten = _validator()(data)
    try:
        retour = maak_retour(
            data,
            fouten,
            identificatie_retour=args.identificatie or datetime.now().strftime("%y%m%d%H%M%S"),
            dagtekening_retour=args.dagtekening or date.today(),
        )
    except (ParseFout, GeenRetour) as exc:
        sys.stderr.write(f"{args.bestand}: geen retourbericht. {exc}\n")
        _schrijf_regels(fouten, sys.stderr)
        return 1
    if args.uitvoer:
        args.uitvoer.write_bytes(retour)
    else:
        sys.stdout.buffer.write(retour)
    return 0


# ------------------------------------------------------------------------------ toon


def _toon(args: argparse.Namespace) -> int:
    from istandaarden.codec import parse

    try:
        bericht = parse(lees(args.bestand))
    except ParseFout as exc:
        sys.stderr.write(f"{args.bestand}: {exc}\n")
        return 1
    sys.stdout.write("\n".join(samenvatting(bericht)) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
