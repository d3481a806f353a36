"""The client's evaluations on his page (``clienten.dossier``).

An evaluation names the gemeente's client record (through its traject); the aanbieder's own
record of the client has the same BSN, so evaluations are matched by BSN, within what the
viewer's organisation sees anyway (``Evaluatie.zichtbaar_voor``).
"""

from wmoketen.accounts.constants import Rol
from wmoketen.clienten.dossier import Dossierregel, onderdeel

from . import queries


@onderdeel("Evaluaties", Rol.TOEGANGSMEDEWERKER, Rol.AANBIEDER, volgorde=70)
def evaluaties(gebruiker, client):
    rijen = (
        queries.evaluaties_voor(gebruiker.organisatie)
        .filter(traject__client__bsn=client.bsn)
        .order_by("-gepland_op", "-pk")
    )
    for evaluatie in rijen:
        gehouden = evaluatie.gehouden_op
        yield Dossierregel(
            gehouden or evaluatie.gepland_op,
            evaluatie.get_soort_display(),
            evaluatie.get_status_display(),
            evaluatie.get_absolute_url(),
            f"Gepland op {evaluatie.gepland_op:%d-%m-%Y} · {evaluatie.aanbieder}",
        )
