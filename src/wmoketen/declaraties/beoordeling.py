"""From the rules' findings to the verdicts of the 325 (IV087, IV088).

* an error in the Header (controleniveau 3/4: TR135 on its Dagtekening, TR378): the 325 holds
  the Header only, with that rule's code; nothing of the declaration is processed;
* an error on the Declaratie class (TR333, TR318): the declaration is refused as a whole, its
  DeclaratieAntwoord gets that code with TotaalToegekendBedrag 0, nothing of it is processed;
* an error on a Client (TR304): the code on the Client, each of its prestaties 0233 (not
  assessed, so rejected);
* errors on a Prestatie: rejected with all its codes; a prestatie is approved or rejected whole;
* the granted total is the sum of the approved prestaties (credits negative); fully approved:
  8001, else 0200 on the DeclaratieAntwoord. Approved prestaties are not listed.

``beoordeel`` judges a message just read; ``uitslag_van`` reads the verdicts back from the
stored rows (after a clerk rejected prestaties by hand) for the 325 (``antwoord_velden``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from istandaarden.regels.crossmessage import Overtreding

from .constants import GOEDGEKEURD, NIET_BEOORDEELD, VOLLEDIG_TOEGEKEND, Oordeel
from .context import Gelezen323


@dataclass(frozen=True)
class Uitslag:
    """The verdicts on one declaration, as the 325 carries them."""

    header_codes: tuple[str, ...] = ()  # refused in the Header: the 325 is the Header only
    declaratie_codes: tuple[str, ...] = ()  # the declaration refused as a whole
    client_codes: dict[str, list[str]] = field(default_factory=dict)  # BSN -> codes
    afgewezen: dict[str, list[str]] = field(default_factory=dict)  # ReferentieNummer -> codes
    toegekend: int = 0  # cent, signed
    meldingen: tuple[str, ...] = ()  # the findings in Dutch

    @property
    def geweigerd(self) -> bool:
        return bool(self.header_codes or self.declaratie_codes)


def _sorteer(codes: Iterable[str]) -> list[str]:
    return sorted(set(codes))


def beoordeel(gelezen: Gelezen323, overtredingen: Iterable[Overtreding]) -> Uitslag:
    """The verdicts on ``gelezen`` given the rules' findings."""
    overtredingen = list(overtredingen)
    meldingen = tuple(f"{o.code}: {o.message}" for o in overtredingen)
    bsn_van = {c.element: c.bsn for c in gelezen.clienten}
    referentie_van = {p.element: p.referentienummer for p in gelezen.prestaties}
    header, declaratie, clienten, prestaties = [], [], defaultdict(list), defaultdict(list)
    for o in overtredingen:
        if o.element is None:  # the message as a whole: its Header
            header.append(o.retourcode)
        elif o.element is gelezen.element:
            declaratie.append(o.retourcode)
        elif o.element in bsn_van:
            clienten[bsn_van[o.element]].append(o.retourcode)
        else:
            prestaties[referentie_van[o.element]].append(o.retourcode)
    if header:
        return Uitslag(header_codes=tuple(_sorteer(header)), meldingen=meldingen)
    if declaratie:
        return Uitslag(declaratie_codes=tuple(_sorteer(declaratie)), meldingen=meldingen)
    afgewezen = {}
    for p in gelezen.prestaties:
        if p.bsn in clienten:
            afgewezen[p.referentienummer] = [NIET_BEOORDEELD]
        elif p.referentienummer in prestaties:
            afgewezen[p.referentienummer] = _sorteer(prestaties[p.referentienummer])
    toegekend = sum(p.netto for p in gelezen.prestaties if p.referentienummer not in afgewezen)
    return Uitslag(
        client_codes={bsn: _sorteer(codes) for bsn, codes in clienten.items()},
        afgewezen=afgewezen,
        toegekend=toegekend,
        meldingen=meldingen,
    )


def uitslag_van(declaratie) -> Uitslag:
    """The verdicts as stored on an ``OntvangenDeclaratie`` and its prestaties (one query)."""
    if declaratie.header_retourcodes:
        return Uitslag(header_codes=tuple(declaratie.header_retourcodes))
    if declaratie.retourcodes:
        return Uitslag(declaratie_codes=tuple(declaratie.retourcodes))
    client_codes, afgewezen, toegekend = {}, {}, 0
    for p in declaratie.prestaties.all():
        if p.client_retourcodes:
            client_codes[p.bsn] = list(p.client_retourcodes)
        if p.oordeel == Oordeel.AFGEWEZEN:
            afgewezen[p.referentienummer] = list(p.retourcodes)
        else:
            toegekend += p.netto
    return Uitslag(client_codes=client_codes, afgewezen=afgewezen, toegekend=toegekend)


def antwoord_velden(uitslag: Uitslag) -> dict:
    """The keyword arguments of ``bericht325.bouw_325`` for this verdict."""
    if uitslag.header_codes:
        return {"header_codes": list(uitslag.header_codes)}
    if uitslag.geweigerd:
        return {"declaratie_codes": list(uitslag.declaratie_codes), "toegekend": 0}
    volledig = not uitslag.afgewezen and not uitslag.client_codes
    return {
        "declaratie_codes": [VOLLEDIG_TOEGEKEND if volledig else GOEDGEKEURD],
        "toegekend": uitslag.toegekend,
        "afgewezen": uitslag.afgewezen,
        "client_codes": uitslag.client_codes,
    }
