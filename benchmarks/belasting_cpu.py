"""CPU time per process tree between two moments, read from /proc (Linux).

A tree's time is every live member's user + system time plus the time of its members'
children that ended (cutime/cstime, added to the parent when it reaps them): PostgreSQL's
backend of a closed connection is counted in the postmaster.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

TIK = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> tuple[int, float, float] | None:
    """(ppid, own seconds, reaped children's seconds)."""
    try:
        tekst = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    velden = tekst.rsplit(")", 1)[1].split()
    eigen = (int(velden[11]) + int(velden[12])) / TIK
    kinderen = (int(velden[13]) + int(velden[14])) / TIK
    return int(velden[1]), eigen, kinderen


def wacht_op_einde(pid: int, seconden: float) -> None:
    """Until the child has exited, without reaping it: a zombie still shows its CPU time."""
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        try:
            if Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
                return
        except OSError:
            return
        time.sleep(0.2)
    raise TimeoutError(f"proces {pid} na {seconden} s niet gestopt")


def _alle() -> dict[int, tuple[int, float, float]]:
    uitkomst = {}
    for naam in os.listdir("/proc"):
        if naam.isdigit() and (stat := _stat(int(naam))) is not None:
            uitkomst[int(naam)] = stat
    return uitkomst


def _boom(alle: dict, wortel: int) -> float:
    kinderen: dict[int, list[int]] = {}
    for pid, (ppid, _, _) in alle.items():
        kinderen.setdefault(ppid, []).append(pid)
    totaal, rij = 0.0, [wortel]
    while rij:
        pid = rij.pop()
        if pid in alle:
            totaal += alle[pid][1] + alle[pid][2]
            rij.extend(kinderen.get(pid, []))
    return totaal


def machine() -> tuple[float, float]:
    """(busy seconds, total seconds) over all cores since boot."""
    velden = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = velden[3] + velden[4]
    totaal = sum(velden[:8])
    return (totaal - idle) / TIK, totaal / TIK


def oudste(naam: str) -> int | None:
    """The oldest process of this name (the postmaster, RabbitMQ's Erlang VM)."""
    uit = subprocess.run(["pgrep", "-o", "-x", naam], capture_output=True, text=True).stdout
    return int(uit.split()[0]) if uit.split() else None


class Meting:
    """CPU seconds per named tree (``eigen``: the process alone, not its children)."""

    def __init__(self, bomen: dict[str, int | None], eigen: dict[str, int]):
        self.bomen = {k: v for k, v in bomen.items() if v}
        self.eigen = eigen
        self.begin = self._nu()

    def _nu(self) -> dict[str, float]:
        alle = _alle()
        stand = {naam: _boom(alle, pid) for naam, pid in self.bomen.items()}
        stand.update({naam: alle.get(pid, (0, 0.0, 0.0))[1] for naam, pid in self.eigen.items()})
        stand["machine"], stand["capaciteit"] = machine()
        return stand

    def stop(self) -> dict[str, float]:
        eind = self._nu()
        return {naam: eind[naam] - self.begin[naam] for naam in eind}
