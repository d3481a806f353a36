"""Import: every complete file in an organisation's in/ folder into the message store."""

import contextlib
import hashlib
import logging
import os
import stat
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import BinaryIO

from django.conf import settings
from django.utils import timezone

from wmoketen.organisaties.models import Organisatie

from .. import services
from ..constants import Status, Transport
from ..models import Bericht
from . import partijen
from .fouten import Geweigerd, Onveilig
from .mappen import FOUT, IN, VERWERKT, Map, open_map, slot
from .zipbestand import BLOK, ZIP_FOUTEN, beschadigd, controleer_inhoud, controleer_zip, lees_lid

logger = logging.getLogger(__name__)

ONVOLTOOID = (".tmp", ".part")
TOELICHTING = ".fout.txt"


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
    eigen = _of_niets(open_map, organisatie.code)
    if eigen is None:
        yield None
        return
    with eigen:
        in_map = _of_niets(eigen.map, IN)
        if in_map is None:
            yield None
            return
        with in_map, slot(eigen):
            yield in_map


def _of_niets(open_, *delen: str) -> Map | None:
    try:
        return open_(*delen)
    except FileNotFoundError:
        return None


def _niet_gelezen(verslag: Importverslag, reden: str) -> None:
    verslag.niet_gelezen.append(reden)
    logger.warning("brievenbus: niet gelezen: %s", reden)


def _importeer_in(verslag: Importverslag, in_map: Map) -> None:
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


def _importeer_afzender(verslag: Importverslag, in_map: Map, code: str) -> None:
    afzender, reden = partijen.tegenpartij(code, verslag.organisatie)
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


def _importeer_bestand(verslag: Importverslag, map_: Map, naam: str, afzender) -> None:
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
        raise beschadigd(fout) from None
    with zf:
        try:
            leden = controleer_zip(zf, grens, os.fstat(bestand.fileno()).st_size)
            controleer_inhoud(zf, leden)
        except ZIP_FOUTEN as fout:
            raise beschadigd(fout) from None
        _importeer_leden(verslag, zf, leden, exemplaar, afzender)


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
                data = lees_lid(zf, info, grens)
            except (*ZIP_FOUTEN, Geweigerd) as fout:  # the file changed since the check
                raise _afgebroken(fout, leden, ingelezen) from None
            _ontvang(verslag, data, bron, afzender)
            del data  # released before the next member is read: one in memory at a time
        ingelezen.append(info.filename)


def _afgebroken(fout: Exception, leden: list[zipfile.ZipInfo], ingelezen: list[str]):
    """What is stored stays stored and processed (its retour is out); the rest is reported."""
    rest = ", ".join(info.filename[:100] for info in leden[len(ingelezen) :])
    return Geweigerd(
        f"{beschadigd(fout)} Niet ingelezen: {rest}.",
        tuple(naam[:100] for naam in ingelezen),
    )


def _weiger(
    verslag: Importverslag,
    map_: Map,
    naam: str,
    in_map: Map,
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
