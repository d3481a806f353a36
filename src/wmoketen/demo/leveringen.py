"""The aanbieders start, pause, restart and stop some of the allocations of the toegang route,
so the demo holds 305/306/307/308 for both the Wmo and the Jeugdwet, all exchanged through the
real pipeline (internal transport), and the waiting list has started, paused, stopped and
waiting allocations."""

from datetime import timedelta

from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.clienten.models import Client
from wmoketen.toewijzingen import levering as leveringen
from wmoketen.toewijzingen.models import AanbiederToewijzing

from .berichten import bezorg_intern
from .gebruikers import gebruiker

# What the aanbieder did with the allocation of a beschikte client: (gemeentecode, index of
# the client in ROUTE) → steps (start / pauze / stop, days after the ingangsdatum, reden).
# The other beschikte clients wait for a start (the waiting list).
LEVERINGEN = {
    ("0988", 0): [("start", 1), ("pauze", 6), ("start", 12), ("stop", 20, "19")],  # gestopt
    ("0946", 1): [("start", 2), ("pauze", 6)],  # gepauzeerd
    ("1640", 5): [("start", 1)],  # gestart
    ("0034", 3): [("start", 3)],  # huishoudelijke ondersteuning, gestart
    ("0034", 0): [("start", 1), ("pauze", 4), ("start", 9), ("stop", 15, "31")],  # Jeugd, gestopt
    ("0034", 1): [("start", 1)],  # Jeugd, gestart
}


def laad_leveringen(gemeenten) -> None:
    """The aanbieders' starts, pauses and stops (305/307 → 306/308), once per allocation."""
    for gemeente in gemeenten:
        clienten_ = list(Client.objects.voor_organisatie(gemeente).order_by("pk"))
        for (code, index), stappen in LEVERINGEN.items():
            if code != gemeente.gemeentecode or index >= len(clienten_):
                continue
            toewijzing = (
                AanbiederToewijzing.objects.filter(
                    gemeente_id=gemeente.pk, client__bsn=clienten_[index].bsn
                )
                .select_related("aanbieder")
                .first()
            )
            if toewijzing is None or toewijzing.leveringen.exists():
                continue
            _meld(toewijzing, stappen)


def _meld(toewijzing, stappen) -> None:
    medewerker = gebruiker(toewijzing.aanbieder, Rol.AANBIEDER)
    for soort, dagen, *reden in stappen:
        op = min(toewijzing.ingangsdatum + timedelta(days=dagen), timezone.localdate())
        if soort == "start":
            leveringen.registreer_start(toewijzing, startdatum=op, acting_user=medewerker)
        elif soort == "pauze":
            leveringen.registreer_pauze(toewijzing, einddatum=op, acting_user=medewerker)
        else:
            leveringen.registreer_stop(
                toewijzing, einddatum=op, reden=reden[0], acting_user=medewerker
            )
        bezorg_intern()
