"""``wmoketen-bericht``: validate, show and answer iWmo/iJw messages from the command line.

    wmoketen-bericht valideer [--json] FILE...
    wmoketen-bericht toon FILE
    wmoketen-bericht retour FILE [-o OUT] [--identificatie ID] [--dagtekening JJJJ-MM-DD]

``valideer`` exits 0 when every file is valid and 1 otherwise; a missing or unreadable file is
a PARSE error for that file, not a crash. With ``--json`` stdout holds exactly one JSON object:
``{path as given: [{code, retourcode, xpath, line, message}, ...]}``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TextIO

from istandaarden.fout import Fout, ParseFout
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
        uitvoer = {pad: [f.as_dict() for f in fouten] for pad, fouten in resultaten.items()}
        json.dump(uitvoer, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for pad, fouten in resultaten.items():
            _schrijf_fouten(pad, fouten, sys.stdout)
    return 1 if any(resultaten.values()) else 0


def _schrijf_fouten(pad: str, fouten: list[Fout], out: TextIO) -> None:
    if not fouten:
        out.write(f"{pad}: geldig\n")
        return
    out.write(f"{pad}: {len(fouten)} {'fout' if len(fouten) == 1 else 'fouten'}\n")
    for fout in fouten:
        out.write(f"  {_regel(fout)}\n")


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
        for fout in fouten:
            sys.stderr.write(f"  {_regel(fout)}\n")
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
