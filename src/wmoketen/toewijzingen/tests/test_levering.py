"""Start, pause, restart and stop through the real pipeline (intern), both sides."""

import pytest
from django.core.exceptions import ValidationError

from istandaarden.validation import validate
from wmoketen.berichten.models import Bericht
from wmoketen.factories import GebruikerFactory
from wmoketen.termijnen.models import Termijn
from wmoketen.testdatum import dag
from wmoketen.toewijzingen.constants import LeveringStatus
from wmoketen.toewijzingen.models import AanbiederToewijzing, Levering
from wmoketen.toewijzingen.services import (
    corrigeer_stop,
    registreer_pauze,
    registreer_start,
    registreer_stop,
)


def test_301_start_pauze_herstart_stop(partijen, toegewezen, django_capture_on_commit_callbacks):
    gemeente, aanbieder = partijen
    eigen = AanbiederToewijzing.objects.get(aanbieder=aanbieder)
    assert eigen.toewijzingnummer == toegewezen.toewijzingnummer
    assert eigen.wet == toegewezen.wet
    assert eigen.client.organisatie_id == aanbieder.pk
    assert eigen.client.bsn == toegewezen.client.bsn
    assert Termijn.objects.get(regel__code="start_ondersteuning").status == "open"
    medewerker = GebruikerFactory(organisatie=aanbieder)
    with pytest.raises(ValidationError, match="buiten de toewijzingsperiode"):
        registreer_start(eigen, startdatum=dag(2026, 1, 1), acting_user=medewerker)
    with django_capture_on_commit_callbacks(execute=True):
        registreer_start(eigen, startdatum=dag(2026, 3, 9), acting_user=medewerker)
    gemeentekant = Levering.objects.get(toewijzing=toegewezen)
    assert (gemeentekant.status, gemeentekant.begindatum) == (
        LeveringStatus.GESTART,
        dag(2026, 3, 9),
    )
    assert Termijn.objects.get(regel__code="start_ondersteuning").status == "gehaald"
    with django_capture_on_commit_callbacks(execute=True):
        registreer_pauze(eigen, einddatum=dag(2026, 4, 1), acting_user=medewerker)
    gemeentekant.refresh_from_db()
    assert (gemeentekant.status, gemeentekant.einddatum, gemeentekant.reden_beeindiging) == (
        LeveringStatus.GEPAUZEERD,
        dag(2026, 4, 1),
        "20",
    )
    with django_capture_on_commit_callbacks(execute=True):
        registreer_start(eigen, startdatum=dag(2026, 5, 4), acting_user=medewerker)
        registreer_stop(eigen, einddatum=dag(2026, 6, 1), reden="02", acting_user=medewerker)
    for kant in ({"toewijzing": toegewezen}, {"aanbieder_toewijzing": eigen}):
        assert list(
            Levering.objects.filter(**kant).values_list("status", "begindatum", "einddatum")
        ) == [
            (LeveringStatus.GEPAUZEERD, dag(2026, 3, 9), dag(2026, 4, 1)),
            (LeveringStatus.GESTOPT, dag(2026, 5, 4), dag(2026, 6, 1)),
        ]
    heen = Bericht.objects.filter(soort="heen").order_by("pk")
    assert [b.nummer for b in heen] == [301, 305, 307, 305, 307]
    for b in Bericht.objects.all():
        assert validate(b.bytes) == [], b.naam
    for b in heen:
        assert (b.status, b.retourcodes) == ("retour_verzonden", []), (b.naam, b.fouten)
    assert Bericht.objects.filter(soort="retour").count() == 5


def test_pauze_corrigeren_verwijdert_en_verstuurt_opnieuw(
    partijen, toegewezen, django_capture_on_commit_callbacks
):
    """TR413 + CS058: no second reden-20 stop and no status 2: remove (3), then send (1)."""
    _, aanbieder = partijen
    eigen = AanbiederToewijzing.objects.get(aanbieder=aanbieder)
    medewerker = GebruikerFactory(organisatie=aanbieder)
    with django_capture_on_commit_callbacks(execute=True):
        registreer_start(eigen, startdatum=dag(2026, 3, 9), acting_user=medewerker)
        levering = registreer_pauze(eigen, einddatum=dag(2026, 4, 1), acting_user=medewerker)
    with django_capture_on_commit_callbacks(execute=True):
        corrigeer_stop(levering, einddatum=dag(2026, 4, 8), reden="20", acting_user=medewerker)
    stops = Bericht.objects.filter(nummer=307, soort="heen").order_by("pk")
    assert [
        (b.status, b.retourcodes, b.bytes.count(b"<StatusAanlevering>") or None) for b in stops
    ] == [("retour_verzonden", [], None)] * 3
    statussen = [b.bytes.decode().split("StatusAanlevering>")[1].split("<")[0] for b in stops]
    assert statussen == ["1", "3", "1"]
    gemeentekant = Levering.objects.get(toewijzing=toegewezen)
    assert (gemeentekant.status, gemeentekant.einddatum) == (
        LeveringStatus.GEPAUZEERD,
        dag(2026, 4, 8),
    )


def test_pauze_wordt_definitieve_stop(partijen, toegewezen, django_capture_on_commit_callbacks):
    """TR413/TR414: after a pause the end is a stop with another reden on the same start."""
    _, aanbieder = partijen
    eigen = AanbiederToewijzing.objects.get(aanbieder=aanbieder)
    medewerker = GebruikerFactory(organisatie=aanbieder)
    with django_capture_on_commit_callbacks(execute=True):
        registreer_start(eigen, startdatum=dag(2026, 3, 9), acting_user=medewerker)
        registreer_pauze(eigen, einddatum=dag(2026, 4, 1), acting_user=medewerker)
    with pytest.raises(
        ValidationError, match=rf"vóór het begin van de pauze \({dag(2026, 4, 1):%d-%m-%Y}\)"
    ):
        registreer_stop(eigen, einddatum=dag(2026, 3, 20), reden="02", acting_user=medewerker)
    with django_capture_on_commit_callbacks(execute=True):
        registreer_stop(eigen, einddatum=dag(2026, 4, 15), reden="02", acting_user=medewerker)
    gemeentekant = Levering.objects.get(toewijzing=toegewezen)
    assert (gemeentekant.status, gemeentekant.einddatum, gemeentekant.reden_beeindiging) == (
        LeveringStatus.GESTOPT,
        dag(2026, 4, 15),
        "02",
    )
    assert list(Bericht.objects.filter(nummer=307).values_list("retourcodes", flat=True)) == [
        [],
        [],
    ]
