"""ZIPs as VECOZO sends them: checked whole before any member is stored, never extracted
to disk, members read into memory one at a time."""

import zipfile
from collections import Counter

from django.conf import settings

from .fouten import Geweigerd

ZIP_MAX_BERICHTEN = 30  # VECOZO's limit per ZIP
BLOK = 64 * 1024
ZIP_FOUTEN = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    EOFError,
    ValueError,
    NotImplementedError,
    OSError,
)


def beschadigd(fout: Exception) -> Geweigerd:
    return Geweigerd(f"Het ZIP-bestand is beschadigd of onleesbaar: {fout}.")


def controleer_zip(zf: zipfile.ZipFile, grens: int, zipgrootte: int) -> list[zipfile.ZipInfo]:
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


def controleer_inhoud(zf: zipfile.ZipFile, leden: list[zipfile.ZipInfo]) -> None:
    """Every member decompressed once in blocks and dropped: zipfile stops at the declared size
    and checks the CRC, so a damaged member or one that lies about its size refuses the whole
    ZIP before anything of it is stored, in bounded memory."""
    for info in leden:
        with zf.open(info) as lid:
            while lid.read(BLOK):
                pass


def lees_lid(zf: zipfile.ZipFile, info: zipfile.ZipInfo, grens: int) -> bytes:
    # The same checks once more (the file may have changed since); the cap is a second line.
    with zf.open(info) as lid:
        data = lid.read(grens + 1)
    if len(data) > grens:
        raise Geweigerd(f"'{info.filename[:100]}' in het ZIP-bestand is groter dan de grens.")
    return data
