"""The file mailbox: messages exchanged as files, as the GGk and VECOZO exchanges deliver them.

    <BERICHTEN_BRIEVENBUS>/<own code>/in/<counterparty code>/*.xml | *.zip   what arrived
    <BERICHTEN_BRIEVENBUS>/<own code>/in/verwerkt/<counterparty code>/       read into the store
    <BERICHTEN_BRIEVENBUS>/<own code>/in/fout/<counterparty code>/           refused, + .fout.txt
    <BERICHTEN_BRIEVENBUS>/<own code>/out/<counterparty code>/               what we deliver

"Own" is an organisation that lives in this installation; the counterparty is one that
exchanges messages through the mailbox (its Berichtkanaal is "bestand"). The counterparty
folder is the transport's word for who sent a file, as the API token is for the API.

Every file goes through the same pipeline (``services.ontvang``). A file is refused as a whole,
with nothing stored, only when it cannot be taken in at all: an unknown counterparty, too
large, a ZIP of more than 30 messages or one that is damaged or hostile. A ZIP is never
extracted to disk: its members are checked (names, sizes, count) before any is read, and read
into memory one at a time with a size cap. Writers must use a temporary name (starting with a
dot, or ending in .tmp or .part) until a file is complete; such files are left alone.
"""

import contextlib
import fcntl
import logging
import os
import tempfile
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from wmoketen.organisaties.models import Organisatie
from wmoketen.organisaties.queries import met_code

from . import services
from .constants import Status, Transport
from .models import Bericht

logger = logging.getLogger(__name__)

ZIP_MAX_BERICHTEN = 30  # VECOZO's limit per ZIP
IN, OUT, VERWERKT, FOUT = "in", "out", "verwerkt", "fout"
ONVOLTOOID = (".tmp", ".part")


class Geweigerd(Exception):
    """A file that cannot be taken in at all: nothing of it is stored."""


class Bezet(Exception):
    """Another run works on this mailbox now."""


def bestandsnaam(bericht: Bericht) -> str:
    """WMO301-17.xml, JW302-18.xml; ONBEKEND-19.bin for input that was no message."""
    if not bericht.nummer:
        return f"ONBEKEND-{bericht.pk}.bin"
    return f"{bericht.naam}-{bericht.pk}.xml"


def root() -> Path:
    return Path(settings.BERICHTEN_BRIEVENBUS)


def map_van(organisatie: Organisatie) -> Path:
    return root() / organisatie.code


def eigen_organisatie(code: str) -> Organisatie:
    """An organisation of this installation by its code; ValueError with a Dutch message."""
    organisatie = met_code(code)
    if organisatie is None:
        raise ValueError(f"Er is geen organisatie met code {code}.")
    if services.kanaal_van(organisatie) != Transport.INTERN:
        raise ValueError(
            f"{organisatie} ({code}) heeft geen brievenbus hier: die organisatie wisselt "
            f"berichten uit via {_kanaalnaam(organisatie)}."
        )
    return organisatie


def _kanaalnaam(organisatie: Organisatie) -> str:
    return Transport(services.kanaal_van(organisatie)).label.lower()


@contextlib.contextmanager
def _slot(map_: Path):
    """One run per mailbox at a time (two cron jobs overlapping): an exclusive file lock."""
    map_.mkdir(parents=True, exist_ok=True)
    with open(map_ / ".brievenbus.lock", "w") as slot:
        try:
            fcntl.flock(slot, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise Bezet(f"De brievenbus {map_} wordt al verwerkt door een andere run.") from None
        try:
            yield
        finally:
            fcntl.flock(slot, fcntl.LOCK_UN)


# --- import ---------------------------------------------------------------------------------


@dataclass
class Importverslag:
    organisatie: Organisatie
    bestanden: int = 0
    berichten: list[Bericht] = field(default_factory=list)
    geweigerd: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)

    @property
    def per_status(self) -> Counter:
        return Counter(b.status for b in self.berichten)


def importeer(organisatie: Organisatie) -> Importverslag:
    """Read every complete file in the organisation's in/ folder into the store."""
    verslag = Importverslag(organisatie)
    map_ = map_van(organisatie)
    in_map = map_ / IN
    if not in_map.is_dir():
        return verslag
    with _slot(map_):
        for pad in sorted(in_map.iterdir()):
            if pad.name in (VERWERKT, FOUT) or _onvoltooid(pad):
                continue
            if pad.is_symlink() or not pad.is_dir():
                _weiger(
                    verslag,
                    pad,
                    in_map,
                    "",
                    "Een bestand hoort in de map van de afzender "
                    "(in/<gemeentecode of AGB-code>/), niet in in/ zelf.",
                )
                continue
            afzender, reden = _tegenpartij(pad.name, organisatie)
            for bestand in sorted(pad.iterdir()):
                if _onvoltooid(bestand):
                    continue
                verslag.bestanden += 1
                if reden:
                    _weiger(verslag, bestand, in_map, pad.name, reden)
                    continue
                try:
                    _importeer_bestand(verslag, bestand, afzender, organisatie)
                except Geweigerd as fout:
                    _weiger(verslag, bestand, in_map, pad.name, str(fout))
                    continue
                _verplaats(bestand, in_map / VERWERKT / pad.name)
    return verslag


def _onvoltooid(pad: Path) -> bool:
    return pad.name.startswith(".") or pad.name.lower().endswith(ONVOLTOOID)


def _tegenpartij(code: str, organisatie: Organisatie) -> tuple[Organisatie | None, str]:
    """The sender a counterparty folder names, or the reason its files are refused."""
    afzender = met_code(code)
    if afzender is None:
        return (
            None,
            f"De map in/{code} hoort bij geen bekende organisatie: de afzender is onbekend.",
        )
    if afzender.pk == organisatie.pk:
        return None, f"De map in/{code} is de eigen organisatie, niet een afzender."
    if services.kanaal_van(afzender) != Transport.BESTAND:
        return None, (
            f"{afzender} ({code}) wisselt geen berichten uit via de brievenbus "
            f"(berichtkanaal: {_kanaalnaam(afzender)})."
        )
    return afzender, ""


def _importeer_bestand(verslag, pad: Path, afzender, ontvanger) -> None:
    if pad.is_symlink() or not pad.is_file():
        raise Geweigerd("Geen gewoon bestand (een koppeling of map): niet gelezen.")
    grens = settings.BERICHT_MAX_BYTES
    grootte = pad.stat().st_size
    if grootte > grens:
        raise Geweigerd(f"Het bestand is te groot: {grootte} bytes, de grens is {grens} bytes.")
    soort = pad.suffix.lower()
    if soort == ".xml":
        berichten: Iterator[bytes] = iter([_lees(pad, grens)])
    elif soort == ".zip":
        berichten = _zip_berichten(pad, grens)
    else:
        raise Geweigerd(f"Onbekend bestandstype '{pad.suffix}': alleen .xml en .zip.")
    for data in berichten:
        bericht = services.ontvang(
            data, afzender=afzender, ontvanger=ontvanger, transport=Transport.BESTAND
        )
        verslag.berichten.append(bericht)


def _lees(pad: Path, grens: int) -> bytes:
    with open(pad, "rb") as f:
        data = f.read(grens + 1)
    if len(data) > grens:  # grew since stat()
        raise Geweigerd(f"Het bestand is groter dan de grens van {grens} bytes.")
    return data


def _zip_berichten(pad: Path, grens: int) -> Iterator[bytes]:
    """The messages in a ZIP, checked whole before the first is handed out."""
    try:
        with zipfile.ZipFile(pad) as zf:
            leden = _controleer_zip(zf, grens)
            for info in leden:  # first pass: every member readable, within its size, CRC ok
                _lees_lid(zf, info, grens)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        EOFError,
        ValueError,
        NotImplementedError,
        OSError,
    ) as fout:
        raise Geweigerd(f"Het ZIP-bestand is beschadigd of onleesbaar: {fout}.") from None

    def berichten():
        with zipfile.ZipFile(pad) as zf:
            for info in leden:
                yield _lees_lid(zf, info, grens)

    return berichten()


def _controleer_zip(zf: zipfile.ZipFile, grens: int) -> list[zipfile.ZipInfo]:
    """Names, count and declared sizes of the members, before any is decompressed."""
    leden = [info for info in zf.infolist() if not info.is_dir()]
    if not leden:
        raise Geweigerd("Het ZIP-bestand bevat geen berichten.")
    if len(leden) > ZIP_MAX_BERICHTEN:
        raise Geweigerd(
            f"Het ZIP-bestand bevat {len(leden)} bestanden; het maximum is "
            f"{ZIP_MAX_BERICHTEN} berichten per ZIP. Het hele ZIP-bestand is geweigerd."
        )
    for info in leden:
        naam = info.filename
        if "/" in naam or "\\" in naam or naam.startswith(".") or ":" in naam:
            raise Geweigerd(
                f"Het ZIP-bestand bevat '{naam[:100]}': alleen berichten zonder mappen of pad "
                "zijn toegestaan."
            )
        if not naam.lower().endswith(".xml"):
            raise Geweigerd(f"Het ZIP-bestand bevat '{naam[:100]}', dat geen .xml-bericht is.")
        if info.flag_bits & 0x1:
            raise Geweigerd(f"'{naam[:100]}' in het ZIP-bestand is versleuteld.")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise Geweigerd(
                f"'{naam[:100]}' in het ZIP-bestand gebruikt een niet-ondersteunde "
                "compressie (alleen stored en deflate)."
            )
        if info.file_size > grens:
            raise Geweigerd(
                f"'{naam[:100]}' in het ZIP-bestand is uitgepakt {info.file_size} bytes; de "
                f"grens is {grens} bytes per bericht."
            )
    return leden


def _lees_lid(zf: zipfile.ZipFile, info: zipfile.ZipInfo, grens: int) -> bytes:
    # zipfile stops at the declared size and checks the CRC, so a member that lies about its
    # size fails; the cap is a second line.
    with zf.open(info) as lid:
        data = lid.read(grens + 1)
    if len(data) > grens:
        raise Geweigerd(f"'{info.filename[:100]}' in het ZIP-bestand is groter dan de grens.")
    return data


def _weiger(verslag: Importverslag, pad: Path, in_map: Path, tegenpartij: str, reden: str):
    verslag.geweigerd.append((str(pad.relative_to(in_map.parent)), reden))
    logger.warning("brievenbus: %s geweigerd: %s", pad, reden)
    doel = _verplaats(pad, in_map / FOUT / tegenpartij)
    doel.with_name(doel.name + ".fout.txt").write_text(
        f"Het bestand {pad.name} is geweigerd en niet ingelezen; er is niets van opgeslagen.\n"
        f"Reden: {reden}\nTijdstip: {timezone.localtime():%Y-%m-%d %H:%M:%S}\n",
        encoding="utf-8",
    )


def _verplaats(pad: Path, doelmap: Path) -> Path:
    """Move without overwriting an earlier file of the same name (WMO301.xml sent twice)."""
    doelmap.mkdir(parents=True, exist_ok=True)
    doel = doelmap / pad.name
    teller = 1
    while doel.exists() or doel.is_symlink():
        teller += 1
        doel = doelmap / f"{pad.stem}-{teller}{pad.suffix}"
    os.replace(pad, doel)
    return doel


# --- export ---------------------------------------------------------------------------------


@dataclass
class Exportverslag:
    berichten: list[Path] = field(default_factory=list)
    foutrapporten: list[Path] = field(default_factory=list)


def te_exporteren(organisatie: Organisatie | None = None):
    """Messages our organisations sent to a mailbox counterparty, not yet written out."""
    qs = Bericht.objects.filter(
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
    with _slot(settings.BERICHTEN_BRIEVENBUS / ".export"):  # one export run at a time
        return _exporteer(organisatie)


def _exporteer(organisatie: Organisatie | None) -> Exportverslag:
    verslag = Exportverslag()
    for bericht in te_exporteren(organisatie):
        doel = map_van(bericht.afzender) / OUT / bericht.ontvanger.code / bestandsnaam(bericht)
        _schrijf(doel, bericht.bytes)
        _markeer(bericht)
        verslag.berichten.append(doel)
    for bericht in zonder_retour_afgekeurd(organisatie):
        doel = (
            map_van(bericht.ontvanger)
            / OUT
            / bericht.afzender.code
            / f"FOUTRAPPORT-{bericht.pk}.txt"
        )
        _schrijf(doel, foutrapport(bericht).encode())
        _markeer(bericht)
        verslag.foutrapporten.append(doel)
    return verslag


def _schrijf(doel: Path, data: bytes) -> None:
    """Under a temporary name first, so the exchange never picks up half a file."""
    doel.parent.mkdir(parents=True, exist_ok=True)
    fd, tijdelijk = tempfile.mkstemp(prefix=f".{doel.name}.", suffix=".tmp", dir=doel.parent)
    with os.fdopen(fd, "wb") as bestand:
        bestand.write(data)
    os.replace(tijdelijk, doel)


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
    for nummer, fout in enumerate(bericht.fouten, 1):
        plaats = ", ".join(
            p
            for p in (f"regel {fout['line']}" if fout.get("line") else "", fout.get("xpath") or "")
            if p
        )
        regels.append(
            f"{nummer}. [{fout['code']}]{f' ({plaats})' if plaats else ''} {fout['message']}"
        )
    return "\n".join(regels) + "\n"
