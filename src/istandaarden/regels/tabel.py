"""The rule table of docs/regels.md, generated from REGELS, the scope and the cross-message list.

Regenerate with ``python -m istandaarden.regels.tabel docs/regels.md``; a test fails when the
document and the registry disagree.
"""

from __future__ import annotations

import sys
from pathlib import Path

from istandaarden.regels import REGELS
from istandaarden.regels.crossmessage import BERICHTOVERSTIJGENDE_REGELS
from istandaarden.regels.scope import ScopeRegel, scope_tabel

BEGIN = "<!-- regeltabel: begin (gegenereerd, niet met de hand wijzigen) -->"
EINDE = "<!-- regeltabel: einde -->"


def _scope(rijen: list[ScopeRegel]) -> str:
    if not rijen:
        return "—"
    return "<br>".join(f"{rij.bericht or '(alle)'}: `{rij.patroon}`" for rij in rijen)


def enkelvoudig() -> list[str]:
    regels = [
        "| code | titel | scope iWmo | scope iJw | retourcode | module |",
        "|---|---|---|---|---|---|",
    ]
    for code in sorted(REGELS):
        regel = REGELS[code]
        per = {
            s: [r for r in scope_tabel() if r.code == code and r.standaard == s]
            for s in ("iwmo", "ijw")
        }
        module = regel.module.removeprefix("istandaarden.")
        retourcode = regel.retourcode
        if regel.officiele_retourcode:
            retourcode += f" (regeltekst: {regel.officiele_retourcode})"
        regels.append(
            f"| {code} | {regel.titel} | {_scope(per['iwmo'])} | {_scope(per['ijw'])} "
            f"| {retourcode} | `{module}` |"
        )
    return regels


def berichtoverstijgend() -> list[str]:
    regels = [
        "| code | titel | retourcode | niveau | berichten | te implementeren in |",
        "|---|---|---|---|---|---|",
    ]
    for b in BERICHTOVERSTIJGENDE_REGELS:
        waar = (
            f"app `{b.app}` (issue {b.issue})"
            if b.issue
            else f"app `{b.app}` (issue nog niet aangemaakt)"
        )
        if b.code in REGELS:
            module = REGELS[b.code].module.removeprefix("istandaarden.")
            waar += f"; de controle binnen één bericht zit in `{module}`"
        regels.append(
            f"| {b.code} | {b.titel} | {b.retourcode or 'n.v.t.'} | {b.niveau.value} "
            f"| {', '.join(b.berichten)} | {waar} |"
        )
    return regels


def markdown() -> str:
    delen = [
        BEGIN,
        "",
        f"### Regels binnen één bericht ({len(REGELS)})",
        "",
        *enkelvoudig(),
        "",
        f"### Berichtoverstijgende technische regels ({len(BERICHTOVERSTIJGENDE_REGELS)})",
        "",
        *berichtoverstijgend(),
        "",
        EINDE,
    ]
    return "\n".join(delen) + "\n"


def vervang(tekst: str) -> str:
    """``tekst`` with the generated block replaced by the current table."""
    voor, _, rest = tekst.partition(BEGIN)
    _, _, na = rest.partition(EINDE)
    return voor + markdown().rstrip("\n") + na


def main(argv: list[str]) -> int:
    pad = Path(argv[0]) if argv else Path("docs/regels.md")
    pad.write_text(vervang(pad.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
