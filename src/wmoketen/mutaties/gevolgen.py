"""What a mutation does, in Dutch sentences: the messages that go out and what else happens.

The confirmation page shows this before anything is stored: the view runs the service in a
transaction that is rolled back (``proef``), so the sentences describe exactly what the service
would do, and a refusal is known before the user confirms. Messages are only delivered after a
commit (on-commit), so a rolled-back trial sends nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from wmoketen.producten.codelijsten import codes
from wmoketen.toewijzingen import queries as toewijzingen_queries
from wmoketen.toewijzingen.constants import Status as ToewijzingStatus

from .constants import Soort
from .forms import omvang

REDEN_WIJZIGING_LIJST = {"wmo": "WMO002", "jeugdwet": "JZ002"}
REDEN_BEEINDIGING_LIJST = {"wmo": "WMO588", "jeugdwet": "JZ588"}


@dataclass
class Gevolg:
    tekst: str
    bericht: object = None


class _Terugdraaien(Exception):
    def __init__(self, gevolgen: list[Gevolg]):
        self.gevolgen = gevolgen


def proef(uitvoeren, *, organisatie, deelnemers: set[int] = frozenset()) -> list[Gevolg]:
    """The consequences of ``uitvoeren()`` (a service call returning a Mutatie), nothing kept.

    A ``ValidationError`` or ``PermissionDenied`` of the service propagates."""
    try:
        with transaction.atomic():
            mutatie = uitvoeren()
            raise _Terugdraaien(beschrijf(mutatie, organisatie=organisatie, deelnemers=deelnemers))
    except _Terugdraaien as proef:
        return proef.gevolgen


def beschrijf(mutatie, *, organisatie, deelnemers: set[int] = frozenset()) -> list[Gevolg]:
    """One sentence per message of ``mutatie``, then what else it did. ``deelnemers``: the
    organisations on the traject before the mutation."""
    beeindigd = list(mutatie.beeindigd.select_related("product"))
    al_beeindigd = {t.pk for t in beeindigd}
    gewijzigd = [t for t in mutatie.gewijzigd.select_related("product") if t.pk not in al_beeindigd]
    nieuw = list(mutatie.nieuw.select_related("product"))
    uit = []
    for bericht in mutatie.berichten.select_related("afzender", "ontvanger").order_by("pk"):
        if bericht.nummer == 307:
            delen = _stop(bericht)
        else:
            delen = [_beeindigd(t) for t in beeindigd if t.aanbieder_id == bericht.ontvanger_id]
            delen += [_gewijzigd(t) for t in gewijzigd if t.aanbieder_id == bericht.ontvanger_id]
            delen += [_nieuw(t) for t in nieuw if t.aanbieder_id == bericht.ontvanger_id]
        van = "" if bericht.afzender_id == organisatie.pk else f" van {bericht.afzender}"
        zin = f"een {bericht.naam}{van} naar {bericht.ontvanger}"
        uit.append(Gevolg(_hoofdletter(f"{'; '.join(delen)}: {zin}" if delen else zin), bericht))
    return uit + _overig(mutatie, deelnemers, heeft_berichten=bool(uit))


def _reden(t) -> str:
    omschrijving = codes(REDEN_WIJZIGING_LIJST[t.wet]).get(t.reden_wijziging, "")
    return f"reden {t.reden_wijziging} {omschrijving.lower().rstrip('.')}".strip()


def _beeindigd(t) -> str:
    if t.status == ToewijzingStatus.VERWIJDERD:
        return f"toewijzing {t.toewijzingnummer} ({t.product.naam}) vervalt ({_reden(t)})"
    return (
        f"toewijzing {t.toewijzingnummer} ({t.product.naam}) eindigt op "
        f"{t.einddatum:%d-%m-%Y} ({_reden(t)})"
    )


def _gewijzigd(t) -> str:
    return f"toewijzing {t.toewijzingnummer} ({t.product.naam}) wordt {omvang(t)} ({_reden(t)})"


def _nieuw(t) -> str:
    einde = f" t/m {t.einddatum:%d-%m-%Y}" if t.einddatum else ""
    maat = f", {omvang(t)}" if omvang(t) else ""
    return (
        f"nieuwe toewijzing {t.toewijzingnummer} ({t.product.naam}) vanaf "
        f"{t.ingangsdatum:%d-%m-%Y}{einde}{maat}"
    )


def _stop(bericht) -> list[str]:
    levering = toewijzingen_queries.levering_van_stopbericht(bericht)
    if levering is None or levering.aanbieder_toewijzing is None:
        return ["stopbericht"]
    at = levering.aanbieder_toewijzing
    omschrijving = codes(REDEN_BEEINDIGING_LIJST[at.wet]).get(levering.reden_beeindiging, "")
    return [
        f"de levering van toewijzing {at.toewijzingnummer} stopt op "
        f"{levering.einddatum:%d-%m-%Y} (reden {levering.reden_beeindiging} "
        f"{omschrijving.lower().rstrip('.')})"
    ]


def _overig(mutatie, deelnemers: set[int], *, heeft_berichten: bool) -> list[Gevolg]:
    uit = []
    if mutatie.soort == Soort.PROFIEL:
        uit.append(
            "Er start een herindicatie: een nieuwe melding op het traject, met een nieuw plan "
            "en een nieuwe beschikking. De huidige toewijzingen eindigen als de nieuwe "
            "beschikking ingaat; nu gaat er nog geen bericht uit."
        )
    if mutatie.pgb_budget is not None:
        uit.append(
            f"Het pgb-budget van € {mutatie.pgb_budget} wordt vastgelegd (een pgb gaat niet met "
            "een toewijzingsbericht)."
        )
    nieuwe = mutatie.nieuwe_aanbieder or (
        mutatie.aanbieder if mutatie.soort == Soort.NAAR_ZIN else None
    )
    if mutatie.traject_id and nieuwe is not None and nieuwe.pk not in deelnemers:
        uit.append(f"{nieuwe} neemt voortaan deel aan traject {mutatie.traject.nummer}.")
    if mutatie.gemeld_door_id != mutatie.gemeente_id:
        uit.append(
            f"{mutatie.gemeente} krijgt een taak (of signaal) om het vervolg met de cliënt af "
            "te spreken."
        )
    if not heeft_berichten and mutatie.soort != Soort.PROFIEL:
        uit.append("Er gaat geen bericht uit.")
    return [Gevolg(tekst) for tekst in uit]


def _hoofdletter(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]
