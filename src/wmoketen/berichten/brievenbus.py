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
large, a link or other non-regular file, a ZIP of more than 30 messages or one that is damaged
or hostile. Writers must use a temporary name (starting with a dot, or ending in .tmp or
.part) until a file is complete; such files are left alone.

Links. A counterparty that can write in in/ (SFTP, rsync) can plant symbolic links, so no
operation here follows one: every folder below the root is entered by name relative to its
parent's descriptor with O_NOFOLLOW (``_Map``), files are opened with O_NOFOLLOW and must be
regular, new files are created with O_EXCL|O_NOFOLLOW and renamed into place only over a
regular file, and a move renames the entry itself (a link moves as a link). Names are single
path components, so nothing leaves the root. Only the root itself may be a link: the
administrator's choice. A link or other non-regular file in in/ is refused and reported; a
folder that is a link is not used, and what would have gone there is reported instead.

ZIPs are never extracted to disk. Before any member is stored, the central directory is checked
(names, count, declared sizes each and together, compression ratios) and every member is
decompressed once in chunks to check its CRC and true size, so a damaged ZIP is refused whole.
Then the members are read into memory one at a time, stored, and released before the next.
Each stored message carries its ``bron``: the file's SHA-256, its inode and ctime (this copy of
the file, not a later resend of the same bytes) and the member's name; a run killed halfway
resumes without storing a member twice.
"""

import contextlib
import errno
import fcntl
import hashlib
import itertools
import logging
import os
import secrets
import stat
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import BinaryIO

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
TOELICHTING = ".fout.txt"
BLOK = 64 * 1024
ZIP_FOUTEN = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    EOFError,
    ValueError,
    NotImplementedError,
    OSError,
)


class Geweigerd(Exception):
    """A file that cannot be taken in; ``ingelezen``: members stored before it went wrong."""

    def __init__(self, reden: str, ingelezen: tuple[str, ...] = ()):
        super().__init__(reden)
        self.ingelezen = ingelezen


class Bezet(Exception):
    """Another run works on this mailbox now."""


class Onveilig(Exception):
    """A folder or file of the mailbox that is a link or not what it should be: not used."""


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


# --- folders and files that never follow a link ---------------------------------------------

_MAP = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_LEES = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC  # a FIFO must not block
_NIEUW = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
_SLOT = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC  # no O_TRUNC


class _Map:
    """An open folder of the mailbox. Everything goes through its descriptor, so a link planted
    or swapped in by name is never followed; ``pad`` only names it in messages."""

    def __init__(self, fd: int, pad: Path):
        self.fd, self.pad = fd, pad

    def __enter__(self) -> "_Map":
        return self

    def __exit__(self, *exc) -> None:
        os.close(self.fd)

    def map(self, *delen: str, maak: bool = False) -> "_Map":
        """The folder self/delen…, each part a real folder (created if ``maak``)."""
        huidig = self
        try:
            for deel in delen:
                volgende = huidig._submap(deel, maak)
                if huidig is not self:
                    os.close(huidig.fd)
                huidig = volgende
        except BaseException:
            if huidig is not self:
                os.close(huidig.fd)
            raise
        return huidig

    def _submap(self, naam: str, maak: bool) -> "_Map":
        _controleer_naam(naam)
        if maak:
            with contextlib.suppress(FileExistsError):
                os.mkdir(naam, dir_fd=self.fd)
        try:
            return _Map(os.open(naam, _MAP, dir_fd=self.fd), self.pad / naam)
        except OSError as fout:
            if fout.errno not in (errno.ELOOP, errno.ENOTDIR):
                raise
        raise Onveilig(
            f"{self.pad / naam} is {_soort(self.lstat(naam))}, geen map: die wordt niet gebruikt."
        )

    def namen(self) -> list[str]:
        return sorted(os.listdir(self.fd))

    def lstat(self, naam: str) -> os.stat_result | None:
        try:
            return os.stat(naam, dir_fd=self.fd, follow_symlinks=False)
        except FileNotFoundError:
            return None

    def open(self, naam: str) -> BinaryIO:
        """A regular file for reading; Geweigerd for a link, folder, FIFO or device."""
        if reden := _geen_bestand(self.lstat(naam)):  # not even opened: a device could react
            raise Geweigerd(reden)
        try:
            fd = os.open(naam, _LEES, dir_fd=self.fd)
        except OSError as fout:
            if fout.errno != errno.ELOOP:
                raise
            # swapped for a link since the lstat
            raise Geweigerd(_geen_bestand(self.lstat(naam)) or "Het bestand veranderde.") from None
        bestand = os.fdopen(fd, "rb")
        if reden := _geen_bestand(os.fstat(fd)):
            bestand.close()
            raise Geweigerd(reden)
        return bestand

    def schrijf(self, naam: str, data: bytes, *, vervang: bool, modus: int = 0o600) -> None:
        """Never through a link. ``vervang``: under a temporary name first (so the exchange
        never picks up half a file), then renamed over a regular file or nothing; else
        created under ``naam`` itself, which must not exist."""
        _controleer_naam(naam)
        if not vervang:
            return self._maak(naam, data, modus)
        tijdelijk = f".{naam[:200]}.{secrets.token_hex(6)}.tmp"
        self._maak(tijdelijk, data, modus)
        try:
            if (st := self.lstat(naam)) is not None and not stat.S_ISREG(st.st_mode):
                raise Onveilig(
                    f"{self.pad / naam} is {_soort(st)}, geen gewoon bestand: er is niets "
                    "naartoe geschreven."
                )
            # rename replaces a link swapped in since the check; it never writes through one
            os.rename(tijdelijk, naam, src_dir_fd=self.fd, dst_dir_fd=self.fd)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tijdelijk, dir_fd=self.fd)
            raise

    def _maak(self, naam: str, data: bytes, modus: int) -> None:
        try:
            fd = os.open(naam, _NIEUW, modus, dir_fd=self.fd)
        except FileExistsError:  # also a link of that name: O_EXCL never follows one
            raise Onveilig(f"{self.pad / naam} bestaat al.") from None
        with os.fdopen(fd, "wb") as bestand:
            bestand.write(data)

    def verplaats(self, naam: str, doel: "_Map", vrij: tuple[str, ...] = ("",)) -> str:
        """Move into ``doel`` without overwriting an earlier file of the same name (WMO301.xml
        sent twice): the first name free with each of the suffixes ``vrij``. A rename moves a
        link as the link, never what it points to."""
        kandidaat = next(
            k for k in _kandidaten(naam) if all(doel.lstat(k + achter) is None for achter in vrij)
        )
        os.rename(naam, kandidaat, src_dir_fd=self.fd, dst_dir_fd=doel.fd)
        return kandidaat


def _root(maak: bool = False) -> _Map:
    """The root itself may be a link (the administrator's choice); nothing below it."""
    pad = root()
    if maak:
        pad.mkdir(parents=True, exist_ok=True)
    return _Map(os.open(pad, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC), pad)


def _open(*delen: str, maak: bool = False) -> _Map:
    with _root(maak) as basis:
        return basis.map(*delen, maak=maak)


def _controleer_naam(naam: str) -> None:
    """One path component: with descriptors per folder, nothing can climb out of the root."""
    if naam in ("", ".", "..") or "/" in naam or "\0" in naam:
        raise Onveilig(f"Ongeldige naam in de brievenbus: {naam[:100]!r}.")


def _kandidaten(naam: str):
    yield naam
    pad = PurePath(naam)
    for teller in itertools.count(2):
        yield f"{pad.stem}-{teller}{pad.suffix}"


def _soort(st: os.stat_result | None) -> str:
    if st is None:
        return "er niet (meer)"
    for test, soort in (
        (stat.S_ISLNK, "een symbolische koppeling"),
        (stat.S_ISDIR, "een map"),
        (stat.S_ISREG, "een gewoon bestand"),
        (stat.S_ISFIFO, "een named pipe (FIFO)"),
        (stat.S_ISSOCK, "een socket"),
    ):
        if test(st.st_mode):
            return soort
    return "een apparaatbestand"


def _geen_bestand(st: os.stat_result | None) -> str:
    """Why this is no regular file to read; "" when it is one."""
    if st is None:
        return "Het bestand is verdwenen voordat het gelezen werd."
    if stat.S_ISREG(st.st_mode):
        return ""
    gevolgd = " en niet gevolgd" if stat.S_ISLNK(st.st_mode) else ""
    return f"Geen gewoon bestand maar {_soort(st)}: niet gelezen{gevolgd}."


@contextlib.contextmanager
def _slot(map_: _Map):
    """One run per mailbox at a time (two cron jobs overlapping): an exclusive file lock."""
    naam = ".brievenbus.lock"
    try:
        fd = os.open(naam, _SLOT, 0o600, dir_fd=map_.fd)
    except OSError as fout:
        if fout.errno != errno.ELOOP:
            raise
        fd = None
    try:
        if fd is None or not stat.S_ISREG(os.fstat(fd).st_mode):
            soort = _soort(map_.lstat(naam))
            raise Onveilig(f"Het slot {map_.pad / naam} is {soort}, geen gewoon bestand.")
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise Bezet(
                f"De brievenbus {map_.pad} wordt al verwerkt door een andere run."
            ) from None
        yield
    finally:
        if fd is not None:
            os.close(fd)  # releases the lock


# --- import ---------------------------------------------------------------------------------


@dataclass
class Importverslag:
    organisatie: Organisatie
    bestanden: int = 0
    # (pk, status), not the Bericht: that holds the message's bytes for as long as the report
    berichten: list[tuple[int, str]] = field(default_factory=list)
    al_ingelezen: int = 0  # stored by an earlier, killed run: not stored again
    geweigerd: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    niet_gelezen: list[str] = field(default_factory=list)  # a folder that is a link: why

    @property
    def per_status(self) -> Counter:
        return Counter(status for _, status in self.berichten)


def importeer(organisatie: Organisatie) -> Importverslag:
    """Read every complete file in the organisation's in/ folder into the store."""
    verslag = Importverslag(organisatie)
    try:
        with _in_map(organisatie) as in_map:
            if in_map is not None:
                _importeer_in(verslag, in_map)
    except Onveilig as fout:
        _niet_gelezen(verslag, str(fout))
    return verslag


@contextlib.contextmanager
def _in_map(organisatie: Organisatie):
    """The organisation's in/ folder, locked; None when nothing ever arrived."""
    eigen = _of_niets(_open, organisatie.code)
    if eigen is None:
        yield None
        return
    with eigen:
        in_map = _of_niets(eigen.map, IN)
        if in_map is None:
            yield None
            return
        with in_map, _slot(eigen):
            yield in_map


def _of_niets(open_, *delen: str) -> _Map | None:
    try:
        return open_(*delen)
    except FileNotFoundError:
        return None


def _niet_gelezen(verslag: Importverslag, reden: str) -> None:
    verslag.niet_gelezen.append(reden)
    logger.warning("brievenbus: niet gelezen: %s", reden)


def _importeer_in(verslag: Importverslag, in_map: _Map) -> None:
    for naam in in_map.namen():
        if naam in (VERWERKT, FOUT) or _onvoltooid(naam):
            continue
        st = in_map.lstat(naam)
        if st is not None and stat.S_ISDIR(st.st_mode):
            _importeer_afzender(verslag, in_map, naam)
        elif st is not None:
            _weiger(verslag, in_map, naam, in_map, "", _los_in_in(st))


def _los_in_in(st: os.stat_result) -> str:
    if stat.S_ISLNK(st.st_mode):
        return "In in/ staat een symbolische koppeling; die wordt niet gevolgd."
    return (
        "Een bestand hoort in de map van de afzender (in/<gemeentecode of AGB-code>/), niet in "
        "in/ zelf."
    )


def _onvoltooid(naam: str) -> bool:
    return naam.startswith(".") or naam.lower().endswith(ONVOLTOOID)


def _importeer_afzender(verslag: Importverslag, in_map: _Map, code: str) -> None:
    afzender, reden = _tegenpartij(code, verslag.organisatie)
    with in_map.map(code) as map_:
        namen = [naam for naam in map_.namen() if not _onvoltooid(naam)]
        if reden:
            for naam in namen:
                verslag.bestanden += 1
                _weiger(verslag, map_, naam, in_map, code, reden)
            return
        if not namen:
            return
        try:  # before anything is read: a file stored must be able to leave in/
            verwerkt = in_map.map(VERWERKT, code, maak=True)
        except Onveilig as fout:
            return _niet_gelezen(verslag, f"{fout} De bestanden in in/{code} zijn niet gelezen.")
        with verwerkt:
            for naam in namen:
                verslag.bestanden += 1
                try:
                    _importeer_bestand(verslag, map_, naam, afzender)
                except Geweigerd as fout:
                    _weiger(verslag, map_, naam, in_map, code, str(fout), fout.ingelezen)
                    continue
                map_.verplaats(naam, verwerkt)


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


def _importeer_bestand(verslag: Importverslag, map_: _Map, naam: str, afzender) -> None:
    with map_.open(naam) as bestand:
        st = os.fstat(bestand.fileno())
        grens = settings.BERICHT_MAX_BYTES
        if st.st_size > grens:
            raise Geweigerd(
                f"Het bestand is te groot: {st.st_size} bytes, de grens is {grens} bytes."
            )
        soort = PurePath(naam).suffix.lower()
        if soort == ".xml":
            data = _lees(bestand, grens)
            bron = _bron(_exemplaar(hashlib.sha256(data).hexdigest(), st), naam)
            if not _al_ingelezen(verslag, bron):
                _ontvang(verslag, data, bron, afzender)
        elif soort == ".zip":
            _importeer_zip(verslag, bestand, _exemplaar(_sha256(bestand), st), afzender)
        else:
            raise Geweigerd(
                f"Onbekend bestandstype '{PurePath(naam).suffix}': alleen .xml en .zip."
            )


def _lees(bestand: BinaryIO, grens: int) -> bytes:
    data = bestand.read(grens + 1)
    if len(data) > grens:  # grew since the fstat()
        raise Geweigerd(f"Het bestand is groter dan de grens van {grens} bytes.")
    return data


def _sha256(bestand: BinaryIO) -> str:
    som = hashlib.sha256()
    while blok := bestand.read(BLOK):
        som.update(blok)
    bestand.seek(0)
    return som.hexdigest()


def _exemplaar(sha256: str, st: os.stat_result) -> str:
    """This copy of the file: its bytes, and inode and ctime, which a killed run leaves as they
    were but a resend of the same bytes does not (that one is a TR056 duplicate and gets the
    earlier retour again)."""
    return f"{sha256}:{st.st_ino}.{st.st_ctime_ns}"


def _bron(exemplaar: str, naam: str) -> str:
    bron = f"{exemplaar}:{naam}"
    if len(bron) > Bericht._meta.get_field("bron").max_length:  # a long name: its hash
        bron = f"{exemplaar}:#{hashlib.sha256(naam.encode()).hexdigest()}"
    return bron


def _al_ingelezen(verslag: Importverslag, bron: str) -> bool:
    """Stored by a run killed before it moved the file: not again. Killed before the pipeline
    ran, it runs now (``verwerk`` does nothing for a message already processed)."""
    rij = (
        Bericht.objects.filter(ontvanger_id=verslag.organisatie.pk, bron=bron)
        .values_list("pk", "status")
        .first()
    )
    if rij is None:
        return False
    if rij[1] == Status.ONTVANGEN:
        services.verwerk(Bericht.objects.get(pk=rij[0]))
    verslag.al_ingelezen += 1
    return True


def _ontvang(verslag: Importverslag, data: bytes, bron: str, afzender) -> None:
    bericht = services.ontvang(
        data,
        afzender=afzender,
        ontvanger=verslag.organisatie,
        transport=Transport.BESTAND,
        bron=bron,
    )
    verslag.berichten.append((bericht.pk, bericht.status))


def _importeer_zip(verslag: Importverslag, bestand: BinaryIO, exemplaar: str, afzender) -> None:
    """Checked whole first; then one member in memory at a time, stored and released."""
    grens = settings.BERICHT_MAX_BYTES
    try:
        zf = zipfile.ZipFile(bestand)
    except ZIP_FOUTEN as fout:
        raise _beschadigd(fout) from None
    with zf:
        try:
            leden = _controleer_zip(zf, grens, os.fstat(bestand.fileno()).st_size)
            _controleer_inhoud(zf, leden)
        except ZIP_FOUTEN as fout:
            raise _beschadigd(fout) from None
        _importeer_leden(verslag, zf, leden, exemplaar, afzender)


def _beschadigd(fout: Exception) -> Geweigerd:
    return Geweigerd(f"Het ZIP-bestand is beschadigd of onleesbaar: {fout}.")


def _importeer_leden(
    verslag: Importverslag,
    zf: zipfile.ZipFile,
    leden: list[zipfile.ZipInfo],
    exemplaar: str,
    afzender,
) -> None:
    grens = settings.BERICHT_MAX_BYTES
    ingelezen: list[str] = []
    for info in leden:
        bron = _bron(exemplaar, info.filename)
        if not _al_ingelezen(verslag, bron):
            try:
                data = _lees_lid(zf, info, grens)
            except (*ZIP_FOUTEN, Geweigerd) as fout:  # the file changed since the check
                raise _afgebroken(fout, leden, ingelezen) from None
            _ontvang(verslag, data, bron, afzender)
            del data  # released before the next member is read: one in memory at a time
        ingelezen.append(info.filename)


def _afgebroken(fout: Exception, leden: list[zipfile.ZipInfo], ingelezen: list[str]):
    """What is stored stays stored and processed (its retour is out); the rest is reported."""
    rest = ", ".join(info.filename[:100] for info in leden[len(ingelezen) :])
    return Geweigerd(
        f"{_beschadigd(fout)} Niet ingelezen: {rest}.",
        tuple(naam[:100] for naam in ingelezen),
    )


def _controleer_zip(zf: zipfile.ZipFile, grens: int, zipgrootte: int) -> list[zipfile.ZipInfo]:
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
        _controleer_lid(info, grens)
    _controleer_dubbel(leden)
    _controleer_totaal(leden, grens, zipgrootte)
    return leden


def _controleer_lid(info: zipfile.ZipInfo, grens: int) -> None:
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
    _controleer_verhouding(f"'{naam[:100]}' in het ZIP-bestand", info.file_size, info.compress_size)


def _controleer_verhouding(wat: str, uitgepakt: int, ingepakt: int) -> None:
    verhouding = settings.BERICHT_ZIP_MAX_RATIO
    if uitgepakt > verhouding * max(ingepakt, 1):
        raise Geweigerd(
            f"{wat} is uitgepakt {uitgepakt} bytes uit {ingepakt} bytes: meer dan {verhouding} "
            "keer zo groot, zoals een zipbom. Het hele ZIP-bestand is geweigerd."
        )


def _controleer_dubbel(leden: list[zipfile.ZipInfo]) -> None:
    """Two members of one name: which is meant is unclear, and ``bron`` names a member."""
    naam, aantal = Counter(info.filename for info in leden).most_common(1)[0]
    if aantal > 1:
        raise Geweigerd(f"Het ZIP-bestand bevat '{naam[:100]}' {aantal} keer.")


def _controleer_totaal(leden: list[zipfile.ZipInfo], grens: int, zipgrootte: int) -> None:
    totaal = sum(info.file_size for info in leden)
    factor = settings.BERICHT_ZIP_MAX_FACTOR
    if totaal > factor * grens:
        raise Geweigerd(
            f"De berichten in het ZIP-bestand zijn uitgepakt samen {totaal} bytes; de grens is "
            f"{factor * grens} bytes ({factor} keer {grens}). Het hele ZIP-bestand is geweigerd."
        )
    # Against the file's true size: members that share their compressed data (overlapping
    # entries) each look modest, together they are a bomb.
    _controleer_verhouding("Het ZIP-bestand", totaal, zipgrootte)


def _controleer_inhoud(zf: zipfile.ZipFile, leden: list[zipfile.ZipInfo]) -> None:
    """Every member decompressed once in blocks and dropped: zipfile stops at the declared size
    and checks the CRC, so a damaged member or one that lies about its size refuses the whole
    ZIP before anything of it is stored, in bounded memory."""
    for info in leden:
        with zf.open(info) as lid:
            while lid.read(BLOK):
                pass


def _lees_lid(zf: zipfile.ZipFile, info: zipfile.ZipInfo, grens: int) -> bytes:
    # The same checks once more (the file may have changed since); the cap is a second line.
    with zf.open(info) as lid:
        data = lid.read(grens + 1)
    if len(data) > grens:
        raise Geweigerd(f"'{info.filename[:100]}' in het ZIP-bestand is groter dan de grens.")
    return data


def _weiger(
    verslag: Importverslag,
    map_: _Map,
    naam: str,
    in_map: _Map,
    tegenpartij: str,
    reden: str,
    ingelezen: tuple[str, ...] = (),
) -> None:
    """Into in/fout/ with the reason beside it; reported even when that cannot be done safely."""
    pad = "/".join(deel for deel in (IN, tegenpartij, naam) if deel)
    tekst = _toelichting(naam, reden, ingelezen).encode()
    try:
        with in_map.map(*(deel for deel in (FOUT, tegenpartij) if deel), maak=True) as fout:
            doel = map_.verplaats(naam, fout, vrij=("", TOELICHTING))
            try:
                fout.schrijf(doel + TOELICHTING, tekst, vervang=False, modus=0o666)
            except (Onveilig, OSError) as probleem:
                reden += f" (De toelichting in in/fout/ is niet geschreven: {probleem})"
    except (Onveilig, OSError) as probleem:
        reden += f" (Het bestand blijft liggen, niet naar in/fout/ verplaatst: {probleem})"
    verslag.geweigerd.append((pad, reden))
    logger.warning("brievenbus: %s geweigerd: %s", map_.pad / naam, reden)


def _toelichting(naam: str, reden: str, ingelezen: tuple[str, ...]) -> str:
    if ingelezen:
        kop = (
            f"Het bestand {naam} is maar voor een deel ingelezen: alleen {', '.join(ingelezen)} "
            "is opgeslagen en verwerkt."
        )
    else:
        kop = f"Het bestand {naam} is geweigerd en niet ingelezen; er is niets van opgeslagen."
    return f"{kop}\nReden: {reden}\nTijdstip: {timezone.localtime():%Y-%m-%d %H:%M:%S}\n"


# --- export ---------------------------------------------------------------------------------


@dataclass
class Exportverslag:
    berichten: list[Path] = field(default_factory=list)
    foutrapporten: list[Path] = field(default_factory=list)
    niet_geschreven: list[tuple[Path, str]] = field(default_factory=list)  # (path, reason)


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
    with _open(".export", maak=True) as map_, _slot(map_):  # one export run at a time
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
        with _open(*mappen, maak=True) as map_:
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
