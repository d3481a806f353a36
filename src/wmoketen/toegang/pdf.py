"""The beschikking as a PDF letter (WeasyPrint), rendered from ``toegang/beschikking_brief.html``.

Offline by construction: no base URL, and a URL fetcher that refuses every URL, so a letter
never reaches the network (no external fonts, images or style sheets); the fonts are the
system's. The letter holds personal data: store it with the case, show it to gemeente staff
only, never to the aanbieder (seed 002).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.template.loader import render_to_string

__all__ = ["BeschikkingBrief", "BriefProduct", "beschikking_pdf", "datum_nl", "BEZWAARCLAUSULE"]

MAANDEN = (
    "januari februari maart april mei juni juli augustus september oktober november december"
).split()

BEZWAARCLAUSULE = (
    "Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken na de datum van "
    "verzending van deze brief bezwaar maken (artikel 6:7 Algemene wet bestuursrecht). Stuur "
    "een ondertekend bezwaarschrift aan het college van burgemeester en wethouders met uw naam "
    "en adres, de datum, het kenmerk van deze brief en de reden waarom u het er niet mee eens "
    "bent. Bezwaar maken schort de werking van dit besluit niet op. Is het spoedeisend, dan kunt "
    "u de voorzieningenrechter van de rechtbank vragen om een voorlopige voorziening."
)


def datum_nl(datum: date) -> str:
    """2 maart 2026: a date as a Dutch letter writes it, independent of the locale."""
    return f"{datum.day} {MAANDEN[datum.month - 1]} {datum.year}"


@dataclass(frozen=True)
class BriefProduct:
    """One granted product as the letter states it (texts, not codes)."""

    naam: str
    volume: int | None = None
    eenheid: str = ""  # e.g. "uur" (WJ756 text)
    frequentie: str = ""  # e.g. "per week" (WMO757 text)

    @property
    def omvang(self) -> str:
        if self.volume is None:
            return ""
        return " ".join(str(p) for p in (self.volume, self.eenheid, self.frequentie) if p != "")


@dataclass(frozen=True)
class BeschikkingBrief:
    gemeente_naam: str
    gemeentecode: str
    client_naam: str
    client_adres: list[str]  # address lines, e.g. ["Markt 1", "6001 AA  Weert"]
    kenmerk: str
    datum: date
    producten: list[BriefProduct]
    ingangsdatum: date | None  # None for an afwijzing
    einddatum: date | None
    motivatie: str
    bezwaarclausule: str = BEZWAARCLAUSULE
    aanhef: str = ""  # "Geachte heer Jansen,"; default: "Geachte <naam>,"
    aanbieder_naam: str = ""
    open_beschikking: bool = False  # the client chooses the aanbieder, which requests the 301
    afwijzing: bool = False  # the aanvraag is refused: no products, no period
    ondertekening: list[str] = field(
        default_factory=lambda: ["Het college van burgemeester en wethouders,", "namens dezen,"]
    )

    @property
    def periode(self) -> str:
        if self.einddatum is None:
            return f"vanaf {datum_nl(self.ingangsdatum)}"
        return f"van {datum_nl(self.ingangsdatum)} tot en met {datum_nl(self.einddatum)}"


def _geen_netwerk(url: str, *args, **kwargs):
    raise ValueError(f"De beschikking haalt geen externe bronnen op ({url}).")


def beschikking_html(brief: BeschikkingBrief) -> str:
    return render_to_string(
        "toegang/beschikking_brief.html",
        {
            "brief": brief,
            "datum": datum_nl(brief.datum),
            "aanhef": brief.aanhef or f"Geachte {brief.client_naam},",
            "motivatie_alineas": [a.strip() for a in brief.motivatie.split("\n\n") if a.strip()],
        },
    )


def beschikking_pdf(brief: BeschikkingBrief) -> bytes:
    """The letter as PDF bytes."""
    from weasyprint import HTML  # imported late: loading Pango costs time at start-up

    return HTML(
        string=beschikking_html(brief), base_url=None, url_fetcher=_geen_netwerk
    ).write_pdf()
