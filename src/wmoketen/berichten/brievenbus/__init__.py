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
parent's descriptor with O_NOFOLLOW (``Map``), files are opened with O_NOFOLLOW and must be
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

Modules: ``mappen`` (``Map``: folders and files that never follow a link; the lock),
``zipbestand`` (ZIP checks, reading members), ``invoer`` (import), ``uitvoer`` (export),
``partijen`` (which organisation a folder names), ``fouten`` (the exceptions).
"""

from .fouten import Bezet, Geweigerd, Onveilig
from .invoer import Importverslag, importeer
from .mappen import root
from .partijen import eigen_organisatie
from .uitvoer import (
    Exportverslag,
    bestandsnaam,
    exporteer,
    foutrapport,
    te_exporteren,
    zonder_retour_afgekeurd,
)

__all__ = [
    "Bezet",
    "Exportverslag",
    "Geweigerd",
    "Importverslag",
    "Onveilig",
    "bestandsnaam",
    "eigen_organisatie",
    "exporteer",
    "foutrapport",
    "importeer",
    "root",
    "te_exporteren",
    "zonder_retour_afgekeurd",
]
