"""Signals (``Signaal``) in an organisation's worklist: something for the backoffice or the
aanbieder to look at that no rule refuses (``werklijst.py`` lists the open ones)."""

from .models import Signaal


def signaleer(
    organisatie_id: int,
    *,
    soort: str,
    tekst: str,
    toewijzing=None,
    aanbieder_toewijzing=None,
    bericht=None,
) -> Signaal:
    """One open signal for ``organisatie_id``. No audit row of its own: it decides nothing,
    it points at a change logged where it was made (a mutation, a received message)."""
    return Signaal.objects.create(
        organisatie_id=organisatie_id,
        soort=soort,
        tekst=tekst,
        toewijzing=toewijzing,
        aanbieder_toewijzing=aanbieder_toewijzing,
        bericht=bericht,
    )
