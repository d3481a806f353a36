"""Export: what our organisations send to mailbox counterparties, into the out/ folders."""

import logging
from dataclasses import dataclass, field
from pathlib import Path

from django.utils import timezone

from istandaarden.fout import MAX_FOUTEN, nog_meer
from wmoketen.organisaties.models import Organisatie

from ..constants import Status, Transport
from ..models import Bericht
from ..queries import aantal_fouten
from .fouten import Onveilig
from .mappen import OUT, open_map, root, slot

logger = logging.getLogger(__name__)


def bestandsnaam(bericht: Bericht) -> str:
    """WMO301-17.xml, JW302-18.xml; ONBEKEND-19.bin for input that was no message."""
    if not bericht.nummer:
        return f"ONBEKEND-{bericht.pk}.bin"
    return f"{bericht.naam}-{bericht.pk}.xml"


@dataclass
class Exportverslag:
    berichten: list[Path] = field(default_factory=list)
    foutrapporten: list[Path] = field(default_factory=list)
    niet_geschreven: list[tuple[Path, str]] = field(default_factory=list)  # (path, reason)


def te_exporteren(organisatie: Organisatie | None = None):
    """Messages our organisations sent to a mailbox counterparty, not yet written out, with
    their bodies (the export writes them)."""
    qs = Bericht.objects.met_inhoud().filter(
        transport=Transport.BESTAND,
        status=Status.VERZONDEN,
        opgehaald_op__isnull=True,
        ontvanger__berichtkanaal__transport=Transport.BESTAND,
    )
    if organisatie is not None:
        qs = qs.filter(afzender_id=organisatie.pk)
    return qs.select_related(
        "afzender__gemeente", "afzender__aanbieder", "ontvanger__gemeente", "ontvanger__aanbieder"
    ).order_by("pk")


def zonder_retour_afgekeurd(organisatie: Organisatie | None = None):
    """Messages from a mailbox counterparty refused without a retour (unreadable, XSD,
    wrong receiver): the sender gets an error report. ``opgehaald_op`` marks it written."""
    qs = Bericht.objects.filter(
        transport=Transport.BESTAND,
        status=Status.AFGEKEURD,
        opgehaald_op__isnull=True,
        afzender__berichtkanaal__transport=Transport.BESTAND,
        retour__isnull=True,
    )
    if organisatie is not None:
        qs = qs.filter(ontvanger_id=organisatie.pk)
    return qs.select_related(
        "afzender__gemeente", "afzender__aanbieder", "ontvanger__gemeente", "ontvanger__aanbieder"
    ).order_by("pk")


def exporteer(organisatie: Organisatie | None = None) -> Exportverslag:
    """Write every pending message and error report to the out/ folder it belongs in."""
    with open_map(".export", maak=True) as map_, slot(map_):  # one export run at a time
        return _exporteer(organisatie)


def _exporteer(organisatie: Organisatie | None) -> Exportverslag:
    verslag = Exportverslag()
    for bericht in te_exporteren(organisatie):
        doel = (bericht.afzender.code, OUT, bericht.ontvanger.code, bestandsnaam(bericht))
        if _schrijf(verslag, doel, bericht.bytes):
            _markeer(bericht)
            verslag.berichten.append(root().joinpath(*doel))
    for bericht in zonder_retour_afgekeurd(organisatie):
        doel = (bericht.ontvanger.code, OUT, bericht.afzender.code, f"FOUTRAPPORT-{bericht.pk}.txt")
        if _schrijf(verslag, doel, foutrapport(bericht).encode()):
            _markeer(bericht)
            verslag.foutrapporten.append(root().joinpath(*doel))
    return verslag


def _schrijf(verslag: Exportverslag, doel: tuple[str, ...], data: bytes) -> bool:
    """False, reported, when a folder or the file's name in out/ is a link or not what it
    should be: the message stays unmarked and is tried again on the next run."""
    *mappen, naam = doel
    try:
        with open_map(*mappen, maak=True) as map_:
            map_.schrijf(naam, data, vervang=True)
    except Onveilig as fout:
        verslag.niet_geschreven.append((root().joinpath(*doel), str(fout)))
        logger.warning("brievenbus: %s niet geschreven: %s", root().joinpath(*doel), fout)
        return False
    return True


def _markeer(bericht: Bericht) -> None:
    Bericht.objects.filter(pk=bericht.pk).update(opgehaald_op=timezone.now())


def foutrapport(bericht: Bericht) -> str:
    """The Dutch error report for a message refused without a retour."""
    if bericht.nummer:
        wat = f"{bericht.naam} met identificatie {bericht.identificatie or '(geen)'}"
    else:
        wat = "een bestand dat niet als iWmo/iJw-bericht te lezen is"
    regels = [
        f"FOUTRAPPORT bij bericht {bericht.pk}",
        "",
        f"Ontvangen op: {timezone.localtime(bericht.ontvangen_op):%Y-%m-%d %H:%M:%S}",
        f"Van:          {bericht.afzender} ({bericht.afzender.code})",
        f"Aan:          {bericht.ontvanger} ({bericht.ontvanger.code})",
        f"Bericht:      {wat}",
        f"Grootte:      {bericht.grootte} bytes",
        f"SHA-256:      {bericht.sha256}",
        "",
        "Het bericht is afgekeurd en niet verwerkt; er komt geen retourbericht. Een afgekeurd",
        "bericht geldt als niet verzonden (OP286): verbeter het en verstuur het opnieuw, met",
        "een nieuwe identificatie.",
        "",
        "Fouten:",
    ]
    getoond = bericht.fouten[:MAX_FOUTEN]
    for nummer, fout in enumerate(getoond, 1):
        plaats = ", ".join(
            p
            for p in (f"regel {fout['line']}" if fout.get("line") else "", fout.get("xpath") or "")
            if p
        )
        regels.append(
            f"{nummer}. [{fout['code']}]{f' ({plaats})' if plaats else ''} {fout['message']}"
        )
    if (aantal := aantal_fouten(bericht)) > len(getoond):
        regels.append(nog_meer(len(getoond), aantal))
    return "\n".join(regels) + "\n"
