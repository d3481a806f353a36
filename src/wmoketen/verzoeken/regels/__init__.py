"""Cross-message rules on the requests: 315/317 at the gemeente, 319 and 301 at the aanbieder.

Each rule is the standard's own (regels/technische-regels/berichtoverstijgend/) with its own
retourcode (WJ001); niveau CLIENT: the retour copies the message classes with the code on the
class concerned. ``store`` is the stored Bericht row: the rules read only the RECEIVER's own
records (``store.ontvanger``), never another organisation's. This module is the catalogue
(``REGELS``); the rules are in ``gemeente`` (315/317 received) and ``aanbieder`` (319/301
received), reading the message through ``lezen``.

| received by | message | rule | retourcode | what |
|---|---|---|---|---|
| gemeente | 315, 317 | TR347 | 9347 | ReferentieAanbieder used before by this aanbieder |
| gemeente | 315, 317 | TR374 | 9374 | an earlier request for this client is still onderhanden |
| gemeente | 317 | TR304 | 8187 | the ToewijzingNummer belongs to another client |
| gemeente | 317 | TR349 | 9349 | a current allocation of the client is missing |
| gemeente | 317 | TR350 | 9350 | OngewijzigdProduct without a current allocation |
| gemeente | 317 | TR351 | 9351 | TeWijzigenProduct without a current allocation |
| gemeente | 317 | TR357 | 9357 | change not in the future, not from the allocation's ingangsdatum |
| gemeente | 317 | TR361 | 9361 | the same product twice with overlapping periods |
| gemeente | 317 | TR373 | 9373 | budget/total changed, not from the allocation's ingangsdatum |
| gemeente | 317 | TR375 | 9375 | Omvang while the allocation has no Product (ending after 2020) |
| gemeente | 317 | TR411 | 9411 | no Omvang while the allocation has a product Code |
| gemeente | 317 | TR412 | 9412 | Omvang while the allocation has no Code (ending after 2020) |
| aanbieder | 319 | TR355 | 9355 | ReferentieAanbieder of no request of this aanbieder |
| aanbieder | 319 | TR359 | 9359 | a 301 with this ReferentieAanbieder was received already |
| aanbieder | 319 | TR360 | 9360 | "in onderzoek" while an answer was received already |
| aanbieder | 319 | TR365 | 9365 | an earlier answer was not "in onderzoek" (so it was final) |
| aanbieder | 301 | TR379 | 9379 | ReferentieAanbieder of no request of this aanbieder |

TR355 and TR379 need the aanbieder's own requests: an aanbieder that never sent a request to
this gemeente in this wet through this installation has no such records (it may use other
software for requests), so they do not reject then. TR359, TR360 and TR365 only reject on a
record found. The gemeente's allocations are always its own, so its rules always apply.

"Actueel" (TR349–TR351) is judged on the message's dagtekening: an allocation not ended before
it and not removed (einddatum = ingangsdatum with RedenWijziging 01/13).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from istandaarden.regels.crossmessage import Niveau, Overtreding, registreer

from . import aanbieder, gemeente

Bevinding = tuple[object, str]  # (element, Dutch message)


@dataclass(frozen=True)
class Regel:
    code: str
    retourcode: str
    berichten: frozenset[str]
    controle: Callable[..., Iterator[Bevinding]]
    niveau: Niveau = Niveau.CLIENT

    def check(self, bericht, store):
        for element, tekst in self.controle(bericht, store):
            yield Overtreding(self.code, self.retourcode, element, tekst)


REGELS = (
    Regel("TR304", "8187", frozenset({"317"}), gemeente.tr304),
    Regel("TR347", "9347", frozenset({"315", "317"}), gemeente.tr347),
    Regel("TR349", "9349", frozenset({"317"}), gemeente.tr349),
    Regel("TR350", "9350", frozenset({"317"}), gemeente.tr350),
    Regel("TR351", "9351", frozenset({"317"}), gemeente.tr351),
    Regel("TR355", "9355", frozenset({"319"}), aanbieder.tr355),
    Regel("TR357", "9357", frozenset({"317"}), gemeente.tr357),
    Regel("TR359", "9359", frozenset({"319"}), aanbieder.tr359),
    Regel("TR360", "9360", frozenset({"319"}), aanbieder.tr360),
    Regel("TR361", "9361", frozenset({"317"}), gemeente.tr361),
    Regel("TR365", "9365", frozenset({"319"}), aanbieder.tr365),
    Regel("TR373", "9373", frozenset({"317"}), gemeente.tr373),
    Regel("TR374", "9374", frozenset({"315", "317"}), gemeente.tr374),
    Regel("TR375", "9375", frozenset({"317"}), gemeente.tr375),
    Regel("TR379", "9379", frozenset({"301"}), aanbieder.tr379),
    Regel("TR411", "9411", frozenset({"317"}), gemeente.tr411),
    Regel("TR412", "9412", frozenset({"317"}), gemeente.tr412),
)


def registreer_regels() -> None:
    for regel in REGELS:
        registreer(regel)
