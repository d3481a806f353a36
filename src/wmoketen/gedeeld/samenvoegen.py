"""One row per piece of work: worklist items that share a ``sleutel`` (a plan deel 2 order is
an opdracht, a task and a deadline) merge into the leading item (lowest ``rang``) with the
nearest deadline of the group and the task's state."""

from dataclasses import replace
from datetime import date


def voeg_samen(items: list) -> list:
    return [_een_rij(groep) for groep in _groepen(items)]


def _groepen(items: list) -> list[list]:
    """Items connected by shared keys (union-find over the item indexes)."""
    ouder = list(range(len(items)))

    def wortel(i: int) -> int:
        while ouder[i] != i:
            ouder[i] = ouder[ouder[i]]
            i = ouder[i]
        return i

    eerste: dict[str, int] = {}
    for i, item in enumerate(items):
        for s in item.sleutels:
            if s in eerste:
                ouder[wortel(i)] = wortel(eerste[s])
            else:
                eerste[s] = i
    groepen: dict[int, list] = {}
    for i, item in enumerate(items):
        groepen.setdefault(wortel(i), []).append(item)
    return list(groepen.values())


def _een_rij(groep: list):
    groep = sorted(groep, key=lambda i: (i.rang, i.vervaldatum or date.max, i.titel))
    hoofd = groep[0]
    met_datum = [i for i in groep if i.vervaldatum]
    # The nearest deadline binds; on a tie the deadline row says which deadline it is.
    termijn = min(met_datum, key=lambda i: (i.vervaldatum, not i.termijn_titel), default=hoofd)

    def eerste(veld: str) -> str:
        return next((getattr(i, veld) for i in groep if getattr(i, veld)), "")

    client = eerste("client")
    return replace(
        hoofd,
        vervaldatum=termijn.vervaldatum,
        termijn_label=termijn.termijn_label,
        termijn_css=termijn.termijn_css,
        termijn_titel="" if termijn is hoofd else termijn.termijn_titel,
        prioriteit=eerste("prioriteit"),
        client=client,
        geen_client="" if client else eerste("geen_client"),
        taakstatus=eerste("taakstatus"),
        sleutels=frozenset().union(*(i.sleutels for i in groep)),
        soorten=frozenset(i.soort for i in groep),
    )
