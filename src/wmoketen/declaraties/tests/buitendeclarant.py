"""An aanbieder's own billing software OUTSIDE our installation: it declares with its own 323s
(built from the bindings, as a real package would) and reads the 325s that come back.

Extends the two-party chain tests' ``BuitenAanbieder`` (toewijzingen/tests/buitenpartij.py):
what it may declare it learnt from the 301s it received; every message in or out is validated.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from lxml import etree

from istandaarden.codec import serialize
from istandaarden.validation import validate
from wmoketen.toewijzingen.tests.buitenpartij import BuitenAanbieder


@dataclass(frozen=True)
class Antwoord325:
    """What the aanbieder reads in a 325."""

    declaratie_identificatie: str
    header: list[str]
    declaratie: list[str]  # DeclaratieAntwoord's codes (empty: Header only)
    toegekend: int | None
    afgewezen: dict[str, list[str]]  # ReferentieNummer → codes


def lees_325(data: bytes) -> Antwoord325:
    root = etree.fromstring(data)

    def codes(element) -> list[str]:
        if element is None:
            return []
        return [c.text for c in element.findall("{*}RetourCodes/{*}RetourCode")]

    header = root.find("{*}Header")
    antwoord = root.find("{*}DeclaratieAntwoord")
    toegekend = None
    if antwoord is not None:
        bedrag = int(antwoord.findtext("{*}TotaalToegekendBedrag/{*}TotaalBedrag"))
        teken = antwoord.findtext("{*}TotaalToegekendBedrag/{*}DebetCredit")
        toegekend = -bedrag if teken == "C" else bedrag
    afgewezen = {
        p.findtext("{*}ProductReferentie/{*}ReferentieNummer"): codes(p)
        for p in root.iter("{*}Prestatie")
    }
    return Antwoord325(
        header.findtext("{*}DeclaratieIdentificatie/{*}Identificatie"),
        codes(header),
        codes(antwoord),
        toegekend,
        afgewezen,
    )


@dataclass
class BuitenDeclarant(BuitenAanbieder):
    antwoorden: dict[str, Antwoord325] = field(default_factory=dict)  # 323 Identificatie → 325
    declaraties: int = 0

    def verwerk_postbus(self) -> list[str]:
        """As the chain tests' aanbieder, and a 325 is kept by the 323 it answers."""
        eerder = len(self.ontvangen)
        namen = super().verwerk_postbus()
        for naam, data in self.ontvangen[eerder:]:
            if naam.endswith("325"):
                antwoord = lees_325(data)
                self.antwoorden[antwoord.declaratie_identificatie] = antwoord
        return namen

    def declareer(self, maand_begin: date, maand_eind: date, regels) -> str:
        """A 323 for one month: ``regels`` are (toewijzingnummer, volume, tarief in cent,
        referentienummer); returns the 323's Identificatie."""
        eerste = self.toewijzingen[regels[0][0]]
        b, m, header, _, identificatie = self._kop_en_client(eerste, 323)
        standaard = "iwmo" if eerste.wet == "wmo" else "ijw"
        self.declaraties += 1
        periode = b.CdtGeslotenPeriode(
            begindatum=maand_begin.isoformat(), einddatum=maand_eind.isoformat()
        )
        per_client: dict[str, list] = {}
        for nummer, volume, tarief, referentie in regels:
            t = self.toewijzingen[nummer]
            per_client.setdefault(t.client.bsn, []).append(
                m.Prestatie(
                    product_referentie=b.CdtReferentie(referentie_nummer=referentie),
                    toewijzing_nummer=nummer,
                    product_categorie=b.LdtProductCategorie(t.categorie),
                    product_code=t.code,
                    product_periode=periode,
                    geleverd_volume=volume,
                    eenheid=b.LdtEenheid("04"),
                    product_tarief=tarief,
                    ingediend_bedrag=b.CdtBedragMetDc(
                        bedrag=volume * tarief, debet_credit=b.LdtDebetCredit("D")
                    ),
                )
            )
        totaal = sum(volume * tarief for _, volume, tarief, _ in regels)
        binding = m.Bericht(
            header=header,
            declaratie=m.Declaratie(
                declaratie_nummer=f"D{self.agb[-3:]}{self.declaraties:04d}",
                declaratie_periode=periode,
                declaratie_dagtekening=date.today().isoformat(),
                totaal_ingediend_bedrag=b.CdtTotaalBedragMetDc(
                    totaal_bedrag=totaal, debet_credit=b.LdtDebetCredit("D")
                ),
                clienten=m.Clienten(
                    client=[
                        m.Client(bsn=bsn, prestaties=m.Prestaties(prestatie=prestaties))
                        for bsn, prestaties in per_client.items()
                    ]
                ),
            ),
        )
        data = serialize(binding)
        assert validate(data) == [], validate(data)
        self.transport.lever(f"{standaard.upper()}323-{identificatie}.xml", data)
        return identificatie
