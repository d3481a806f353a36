"""Messages about the same clients of one receiver are checked and applied one at a time.

The cross-message rules read what earlier messages stored (TR374: a request for this client
still onderhanden; TR347: this ReferentieAanbieder used before), and the handler then stores
this message's own records. Two messages about one client checked side by side would both pass
and both be applied; so a received heenbericht first locks its subjects: every Client/Bsn, and
every ReferentieAanbieder (TR347 across clients, the 319 that carries no BSN).

PostgreSQL: transaction-level advisory locks, released at commit or rollback. A lock per BSN
would not scale: the server's lock table holds about ``max_locks_per_transaction`` (64) ×
``max_connections`` locks in all, and one large declaratie names thousands of clients. So each
subject is hashed into one of ``SLOTEN_PER_ONTVANGER`` slots of its receiver: a message takes at
most that many locks, all in one statement, sorted (two messages never wait on each other in
opposite order). Two subjects sharing a slot only wait for each other needlessly.

SQLite: a no-op. Its transactions are IMMEDIATE (``conf.base``): each takes the database's write
lock at BEGIN, so the whole pipeline transaction already runs alone.
"""

import zlib
from collections.abc import Iterable

from django.db import connection
from django.db.transaction import TransactionManagementError
from lxml import etree

SLOTEN_PER_ONTVANGER = 1024  # at most 1 << 10: the key has ten bits for the slot

# The 64-bit key: bits 48-62 say which kind of lock (room for other kinds), bits 10-47 the
# receiver, bits 0-9 the slot.
_SOORT_ONDERWERPEN = 1
_ONTVANGER_BITS = 38


def sleutel(ontvanger_id: int, onderwerp: str) -> int:
    """The lock key of ``onderwerp`` at this receiver: stable across processes (crc32, not
    Python's per-process ``hash``), one of ``SLOTEN_PER_ONTVANGER`` per receiver."""
    slot = zlib.crc32(onderwerp.encode()) % SLOTEN_PER_ONTVANGER
    ontvanger = ontvanger_id % (1 << _ONTVANGER_BITS)
    return (_SOORT_ONDERWERPEN << 48) | (ontvanger << 10) | slot


def sleutels(ontvanger_id: int, onderwerpen: Iterable[str]) -> list[int]:
    """The keys of ``onderwerpen``, de-duplicated and sorted (the order every lock is taken in)."""
    return sorted({sleutel(ontvanger_id, o) for o in onderwerpen})


def vergrendel(sleutels_: list[int]) -> None:
    """Take every advisory lock in ``sleutels_`` until the transaction ends: one statement."""
    if connection.vendor != "postgresql" or not sleutels_:
        return
    if not connection.in_atomic_block:  # outside a transaction the lock would end at once
        raise TransactionManagementError("vergrendel() hoort binnen een transactie.")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_advisory_xact_lock(k) FROM unnest(%s::bigint[]) AS k ORDER BY k",
            [sorted(set(sleutels_))],
        )


def bsns(root) -> set[str]:
    """Every client's BSN in a message (Client/Bsn: one in most messages, many in a 323/325)."""
    return {
        e.text.strip()
        for e in root.iter("{*}Bsn")
        if e.text and etree.QName(e.getparent()).localname == "Client"
    }


def referenties(root) -> set[str]:
    """Every ReferentieAanbieder in a message (315, 317, 319, 301)."""
    return {e.text.strip() for e in root.iter("{*}ReferentieAanbieder") if e.text}


def onderwerpen(root, *, afzender_id: int) -> set[str]:
    """What a message is about, as lock subjects: its clients, and its references, which are
    unique per aanbieder and gemeente (the other party: ``afzender_id``)."""
    return {f"bsn:{b}" for b in bsns(root)} | {
        f"referentie:{afzender_id}:{r}" for r in referenties(root)
    }


def vergrendel_clienten(ontvanger_id: int, bsns_: Iterable[str]) -> None:
    """Lock these clients of the receiver until the transaction ends (e.g. an own action)."""
    vergrendel(sleutels(ontvanger_id, (f"bsn:{b}" for b in bsns_)))


def vergrendel_bericht(bericht, root) -> None:
    """Lock what a received heenbericht is about, before its cross-message rules run."""
    vergrendel(sleutels(bericht.ontvanger_id, onderwerpen(root, afzender_id=bericht.afzender_id)))
