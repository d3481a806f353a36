"""The mailbox's folders and files, opened so that no link is ever followed.

Every folder below the root is entered by name relative to its parent's descriptor with
O_NOFOLLOW (``Map``); see the package docstring.
"""

import contextlib
import errno
import fcntl
import itertools
import os
import secrets
import stat
from pathlib import Path, PurePath
from typing import BinaryIO

from django.conf import settings

from .fouten import Bezet, Geweigerd, Onveilig

IN, OUT, VERWERKT, FOUT = "in", "out", "verwerkt", "fout"


def root() -> Path:
    return Path(settings.BERICHTEN_BRIEVENBUS)


_MAP = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_LEES = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC  # a FIFO must not block
_NIEUW = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
_SLOT = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC  # no O_TRUNC


class Map:
    """An open folder of the mailbox. Everything goes through its descriptor, so a link planted
    or swapped in by name is never followed; ``pad`` only names it in messages."""

    def __init__(self, fd: int, pad: Path):
        self.fd, self.pad = fd, pad

    def __enter__(self) -> "Map":
        return self

    def __exit__(self, *exc) -> None:
        os.close(self.fd)

    def map(self, *delen: str, maak: bool = False) -> "Map":
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

    def _submap(self, naam: str, maak: bool) -> "Map":
        _controleer_naam(naam)
        if maak:
            with contextlib.suppress(FileExistsError):
                os.mkdir(naam, dir_fd=self.fd)
        try:
            return Map(os.open(naam, _MAP, dir_fd=self.fd), self.pad / naam)
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

    def verplaats(self, naam: str, doel: "Map", vrij: tuple[str, ...] = ("",)) -> str:
        """Move into ``doel`` without overwriting an earlier file of the same name (WMO301.xml
        sent twice): the first name free with each of the suffixes ``vrij``. A rename moves a
        link as the link, never what it points to."""
        kandidaat = next(
            k for k in _kandidaten(naam) if all(doel.lstat(k + achter) is None for achter in vrij)
        )
        os.rename(naam, kandidaat, src_dir_fd=self.fd, dst_dir_fd=doel.fd)
        return kandidaat


def _root(maak: bool = False) -> Map:
    """The root itself may be a link (the administrator's choice); nothing below it."""
    pad = root()
    if maak:
        pad.mkdir(parents=True, exist_ok=True)
    return Map(os.open(pad, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC), pad)


def open_map(*delen: str, maak: bool = False) -> Map:
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
def slot(map_: Map):
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
