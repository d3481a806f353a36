"""Automatic refusals (319) that a dying process left unsent, sent after all.

A 315 refused on receipt (``ontvangst.automatische_afwijzing``) gets its note ("Wordt
automatisch afgewezen …") in the 315's own transaction and its 319 after the commit. A process
killed in between leaves that note as the request's last finding and no answer; the periodic
job (``verzoeken-herstellen``, or ``manage.py afwijzingen_herstellen``) sends those 319s. A 319
that failed has a later note ("… is mislukt; beantwoord het verzoek zelf") and is left to the
backoffice, as that note says.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .constants import ONDERHANDEN, Kant, Soort
from .models import Verzoek
from .ontvangst import VOORNEMEN, automatische_afwijzing, wijs_automatisch_af


def herstel_afwijzingen(ouder_dan: timedelta | None = None) -> int:
    """Send the 319 of every request whose automatic refusal stopped half-way; how many."""
    if ouder_dan is None:
        ouder_dan = timedelta(minutes=settings.BERICHTEN_HERSTEL_NA_MINUTEN)
    open_ = Verzoek.objects.filter(
        kant=Kant.GEMEENTE,
        soort=Soort.TOEWIJZING,
        status__in=ONDERHANDEN,
        aangemaakt__lt=timezone.now() - ouder_dan,
    ).select_related("gemeente", "aanbieder")
    aantal = 0
    for verzoek in open_.iterator(chunk_size=200):
        if not verzoek.bevindingen[-1:] or not verzoek.bevindingen[-1].startswith(VOORNEMEN):
            continue  # most open requests: no refusal pending, no contract queries
        afwijzing = automatische_afwijzing(verzoek, verzoek.gemeente, verzoek.wet)
        if afwijzing is not None and verzoek.bevindingen[-1:] == [afwijzing.voornemen]:
            wijs_automatisch_af(verzoek.pk, afwijzing)
            aantal += 1
    return aantal
