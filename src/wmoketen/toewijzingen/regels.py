"""Cross-message rules for the 305 and 307 (registered in ``AppConfig.ready``).

Each rule is the standard's own (regels/technische-regels/berichtoverstijgend/) with its own
retourcode (WJ001); niveau CLIENT: the retour copies the StartProduct/StopProduct concerned.
``store`` is the stored Bericht row: its afzender is the aanbieder, its ontvanger the gemeente.

| case | rule | retourcode |
|---|---|---|
| 305/307 for an unknown ToewijzingNummer | TR019 | 9019 |
| removal (StatusAanlevering 3) of something never delivered | TR063 | 9063 |
| removal of a start for which a stop was already sent | TR071 | 9071 |
| a first aanlevering (1) whose key was already received (a duplicate 305) | TR074 | 9074 |
| a new start while a start is still actual (not stopped) | TR326 | 9326 |
| a 307 whose key (ToewijzingNummer, Begindatum) matches no start (before any 305) | TR382 | 9069 |
| a second pause (reden 20, status 1) on a start already paused | TR413 | 9413 |
| a stop ending before the actual stop (pause) of the same start | TR414 | 9414 |
| any stop (status 1) on a start already definitively stopped (reden ≠ 20) | TR415 | 9415 |

A 307 whose Einddatum lies before its Begindatum breaks the single-message rule TR018 (retour
0001, checked by the pipeline's XSLT rules). StatusAanlevering is 1 or 3 only (CS058): a
correction is a removal (3) and a new aanlevering (1).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from istandaarden.regels.crossmessage import Niveau, Overtreding, registreer

from .constants import REDEN_PAUZE, LeveringStatus, StatusAanlevering


@dataclass(frozen=True)
class Regel:
    code: str
    retourcode: str
    berichten: frozenset[str]
    niveau: Niveau = Niveau.CLIENT

    def check(self, bericht, store):
        for product in producten(bericht.root):
            melding = CONTROLES[self.code](bericht, store, product)
            if melding:
                yield Overtreding(self.code, self.retourcode, product.element, melding)


@dataclass(frozen=True)
class Regelproduct:
    """One StartProduct/StopProduct as the rules read it."""

    element: object
    soort: str  # "start" | "stop"
    bsn: str
    toewijzingnummer: int | None
    begindatum: date
    einddatum: date | None
    status: str
    broers: tuple  # (begindatum, status) of the other products of this toewijzing in the message


def producten(root) -> list[Regelproduct]:
    bsn = root.findtext("{*}Client/{*}Bsn") or ""
    elementen = [("start", e) for e in root.iter("{*}StartProduct")] + [
        ("stop", e) for e in root.iter("{*}StopProduct")
    ]
    uit = []
    for soort, e in elementen:
        nummer = e.findtext("{*}ToewijzingNummer")
        eind = e.findtext("{*}Einddatum")
        uit.append(
            (
                soort,
                e,
                int(nummer) if nummer else None,
                date.fromisoformat(e.findtext("{*}Begindatum")),
                date.fromisoformat(eind) if eind else None,
                e.findtext("{*}StatusAanlevering"),
            )
        )
    return [
        Regelproduct(
            e,
            soort,
            bsn,
            nummer,
            begin,
            eind,
            status,
            tuple((b, s) for (_, e2, n2, b, _, s) in uit if n2 == nummer and e2 is not e),
        )
        for (soort, e, nummer, begin, eind, status) in uit
    ]


def toewijzing_van(store, product: Regelproduct):
    from .models import Toewijzing

    if product.toewijzingnummer is None:
        return None
    return Toewijzing.objects.filter(
        gemeente_id=store.ontvanger_id,
        aanbieder_id=store.afzender_id,
        toewijzingnummer=product.toewijzingnummer,
        client__bsn=product.bsn,
    ).first()


def _leveringen(store, product):
    toewijzing = toewijzing_van(store, product)
    if toewijzing is None:
        return None
    return toewijzing.leveringen.exclude(status=LeveringStatus.VERWIJDERD)


def _tr019(bericht, store, p):
    if toewijzing_van(store, p) is None:
        return (
            f"Er is geen toewijzing {p.toewijzingnummer or '(zonder nummer)'} van deze gemeente "
            "aan u voor deze cliënt; een start of stop hoort bij een toewijzing (TR019)."
        )
    return None


def _tr063(bericht, store, p):
    if p.status != StatusAanlevering.VERWIJDEREN:
        return None
    leveringen = _leveringen(store, p)
    if leveringen is None:
        return None  # TR019
    gevonden = leveringen.filter(begindatum=p.begindatum)
    if p.soort == "stop":
        gevonden = gevonden.exclude(einddatum__isnull=True)
    if not gevonden.exists():
        return (
            f"Er is geen eerdere {p.soort} met begindatum {p.begindatum:%d-%m-%Y} ontvangen om te "
            "verwijderen (TR063)."
        )
    return None


def _tr071(bericht, store, p):
    if p.soort != "start" or p.status != StatusAanlevering.VERWIJDEREN:
        return None
    leveringen = _leveringen(store, p)
    if (
        leveringen is not None
        and leveringen.filter(begindatum=p.begindatum, einddatum__isnull=False).exists()
    ):
        return "Voor deze start is al een stop ontvangen; verwijder eerst de stop (TR071)."
    return None


def _tr074(bericht, store, p):
    if p.soort != "start" or p.status != StatusAanlevering.EERSTE:
        return None
    leveringen = _leveringen(store, p)
    if leveringen is not None and leveringen.filter(begindatum=p.begindatum).exists():
        return f"De start met begindatum {p.begindatum:%d-%m-%Y} is al eerder ontvangen (TR074)."
    return None


def _tr326(bericht, store, p):
    if p.soort != "start" or p.status != StatusAanlevering.EERSTE:
        return None
    leveringen = _leveringen(store, p)
    if leveringen is None:
        return None
    verwijderd = [b for b, s in p.broers if s == StatusAanlevering.VERWIJDEREN]
    lopend = (
        leveringen.filter(einddatum__isnull=True)
        .exclude(begindatum=p.begindatum)
        .exclude(begindatum__in=verwijderd)
    )
    if lopend.exists():
        return (
            f"Er is al een actuele start ({lopend.first().begindatum:%d-%m-%Y}) zonder stop; "
            "een nieuwe start mag pas na een stop (TR326)."
        )
    return None


def _tr382(bericht, store, p):
    if p.soort != "stop" or p.status == StatusAanlevering.VERWIJDEREN:
        return None
    leveringen = _leveringen(store, p)
    if leveringen is not None and not leveringen.filter(begindatum=p.begindatum).exists():
        return (
            f"Er is geen start met begindatum {p.begindatum:%d-%m-%Y} ontvangen voor deze "
            "toewijzing; een stop neemt de sleutel van de start ongewijzigd over (TR382)."
        )
    return None


def _stops(store, p):
    """The actual stops (not removed) on the start this StopProduct names."""
    if p.soort != "stop" or p.status == StatusAanlevering.VERWIJDEREN:
        return None
    leveringen = _leveringen(store, p)
    if leveringen is None:
        return None
    if any(s == StatusAanlevering.VERWIJDEREN for b, s in p.broers if b == p.begindatum):
        return None  # removed in this same message first
    return leveringen.filter(begindatum=p.begindatum, einddatum__isnull=False)


def _reden(p) -> str:
    return p.element.findtext("{*}RedenBeeindiging") or ""


def _tr413(bericht, store, p):
    stops = _stops(store, p)
    if (
        stops is not None
        and _reden(p) == REDEN_PAUZE
        and stops.filter(reden_beeindiging=REDEN_PAUZE).exists()
    ):
        return (
            f"De levering vanaf {p.begindatum:%d-%m-%Y} is al tijdelijk beëindigd (reden 20); "
            "een volgende stop heeft een andere reden, of verwijder eerst de pauze (TR413)."
        )
    return None


def _tr414(bericht, store, p):
    stops = _stops(store, p)
    eerder = stops.filter(einddatum__gt=p.einddatum).first() if stops is not None else None
    if eerder is not None and p.einddatum is not None:
        return (
            f"De einddatum {p.einddatum:%d-%m-%Y} ligt vóór de einddatum van de eerdere stop "
            f"({eerder.einddatum:%d-%m-%Y}) van deze levering (TR414)."
        )
    return None


def _tr415(bericht, store, p):
    stops = _stops(store, p)
    if stops is not None and stops.exclude(reden_beeindiging=REDEN_PAUZE).exists():
        return (
            f"De levering vanaf {p.begindatum:%d-%m-%Y} is al beëindigd; verwijder eerst die "
            "stop (TR415)."
        )
    return None


CONTROLES = {
    "TR019": _tr019,
    "TR063": _tr063,
    "TR071": _tr071,
    "TR074": _tr074,
    "TR326": _tr326,
    "TR382": _tr382,
    "TR413": _tr413,
    "TR414": _tr414,
    "TR415": _tr415,
}

REGELS = (
    Regel("TR019", "9019", frozenset({"305", "307"})),
    Regel("TR063", "9063", frozenset({"305", "307"})),
    Regel("TR071", "9071", frozenset({"305"})),
    Regel("TR074", "9074", frozenset({"305"})),
    Regel("TR326", "9326", frozenset({"305"})),
    Regel("TR382", "9069", frozenset({"307"})),
    Regel("TR413", "9413", frozenset({"307"})),
    Regel("TR414", "9414", frozenset({"307"})),
    Regel("TR415", "9415", frozenset({"307"})),
)


def registreer_regels() -> None:
    for regel in REGELS:
        registreer(regel)
