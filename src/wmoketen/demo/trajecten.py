"""The demo's samenwerkingstraject."""

from django.utils import timezone

from wmoketen.clienten.models import Client
from wmoketen.termijnen.kalender import plus_werkdagen
from wmoketen.trajecten import services as trajecten


def laad_traject(gemeente, aanbieder) -> None:
    """One samenwerkingstraject with a task for the aanbieder: plan part 2 (seed 004)."""
    consulent = gemeente.gebruikers.get(username=f"{gemeente.naam.lower()}.consulent")
    client = Client.objects.voor_organisatie(gemeente).order_by("pk").first()
    if client.trajecten.exists():
        return
    traject = trajecten.start_traject(
        client=client,
        onderwerp="Ondersteuning bij zelfstandig wonen",
        wet="wmo",
        startdatum=timezone.localdate(),
        doelen="Zelfstandig blijven wonen; dagstructuur.",
        acting_user=consulent,
    )
    trajecten.voeg_aanbieder_toe(traject, aanbieder=aanbieder, acting_user=consulent)
    trajecten.maak_taak(
        traject,
        naam="Ondersteuningsplan deel 2 opstellen",
        soort="plan_deel_2",
        toegewezen_aan_organisatie=aanbieder,
        prioriteit="hoog",
        acting_user=consulent,
        vervaldatum=plus_werkdagen(timezone.localdate(), 10, gemeente=gemeente),
    )
