"""Building, fixing and paying batches: what goes in, exact amounts, idempotence, refusals."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.audit.models import AuditRegel
from wmoketen.betalingen import services
from wmoketen.betalingen.constants import BatchStatus
from wmoketen.betalingen.models import Betaalbatch, Betaalregel
from wmoketen.budgetten.models import Budgetafspraak, Voorschot
from wmoketen.factories import GebruikerFactory

from . import hulp
from .hulp import aanbieder, declaratie, gemeente, in_maart_beantwoord

D = date.fromisoformat


@pytest.fixture
def opzet(db):
    return hulp.opzet()


def _regels(batch) -> list[tuple[int, str]]:
    return sorted(batch.regels.values_list("bedrag", "productcode"))


def test_een_batch_per_aanbieder_en_maand_van_het_antwoord(opzet):
    weert, maasland, backoffice = opzet
    ander = aanbieder(naam="Begeleiding Op Maat", agb_code="73730202", iban="", bic="")
    # March: one approved debit, one rejected, and an approved credit of an earlier month.
    in_maart_beantwoord(
        weert,
        maasland,
        prestaties=[
            (50000, "D", "goedgekeurd"),
            (12500, "D", "afgewezen"),
            (6250, "C", "goedgekeurd"),
        ],
    )
    # Received in March, answered in April: April's batch.
    declaratie(weert, maasland, ontvangen=D("2026-03-30"), beantwoord=D("2026-04-02"))
    declaratie(weert, maasland, ontvangen=D("2026-04-20"), beantwoord=None)  # not answered
    declaratie(weert, ander, ontvangen=D("2026-03-03"), beantwoord=D("2026-03-12"))
    in_maart_beantwoord(gemeente(naam="Leudal", gemeentecode="1640"), maasland)

    batches = services.maak_batches(weert, acting_user=backoffice)

    assert sorted((b.aanbieder.naam, b.maand) for b in batches) == [
        ("Begeleiding Op Maat", D("2026-03-01")),
        ("Zorggroep Maasland", D("2026-03-01")),
        ("Zorggroep Maasland", D("2026-04-01")),
    ]
    maart = Betaalbatch.objects.get(gemeente=weert, aanbieder=maasland, maand=D("2026-03-01"))
    assert _regels(maart) == [(-6250, "02A01"), (50000, "02A01")]
    assert maart.status == BatchStatus.CONCEPT and maart.aangemaakt_door == backoffice
    april = Betaalbatch.objects.get(gemeente=weert, aanbieder=maasland, maand=D("2026-04-01"))
    assert _regels(april) == [(50000, "02A01")]
    assert Betaalbatch.objects.filter(gemeente=weert).count() == 3  # Leudal's is Leudal's
    regel = maart.regels.get(bedrag=-6250)
    assert "(credit)" in regel.omschrijving and regel.prestatie.debet_credit == "C"


def test_nog_eens_maken_verandert_niets_en_nieuwe_goedkeuringen_komen_erbij(opzet):
    weert, maasland, backoffice = opzet
    in_maart_beantwoord(weert, maasland)
    [batch] = services.maak_batches(weert, acting_user=backoffice)
    audit = AuditRegel.objects.count()

    assert services.maak_batches(weert, acting_user=backoffice) == []
    assert Betaalregel.objects.count() == 1 and AuditRegel.objects.count() == audit

    declaratie(
        weert,
        maasland,
        ontvangen=D("2026-03-16"),
        beantwoord=D("2026-03-20"),
        prestaties=[(31250, "D", "goedgekeurd")],
    )
    assert services.maak_batches(weert, acting_user=backoffice) == [batch]
    assert _regels(batch) == [(31250, "02A01"), (50000, "02A01")]


def test_een_vastgestelde_batch_is_bevroren(opzet):
    weert, maasland, backoffice = opzet
    in_maart_beantwoord(weert, maasland)
    [maart] = services.maak_batches(weert, acting_user=backoffice)
    services.stel_vast(maart, acting_user=backoffice)
    declaratie(
        weert,
        maasland,
        ontvangen=D("2026-03-20"),
        beantwoord=D("2026-03-25"),
        prestaties=[(18750, "D", "goedgekeurd")],
    )

    [volgende] = services.maak_batches(weert, acting_user=backoffice)

    assert volgende.maand == D("2026-04-01") and _regels(volgende) == [(18750, "02A01")]
    assert _regels(maart) == [(50000, "02A01")]


def test_voorschotten_van_begonnen_maanden(opzet):
    weert, maasland, backoffice = opzet
    budget = Budgetafspraak.objects.create(
        gemeente=weert,
        aanbieder=maasland,
        begindatum=D("2026-11-01"),
        einddatum=D("2027-01-31"),
        bedrag=300001,
        omschrijving="Wijkteam Noord",
    )
    for maand, bedrag in (("2026-11-01", 100000), ("2026-12-01", 100000), ("2027-01-01", 100001)):
        Voorschot.objects.create(budget=budget, maand=D(maand), soort="voorschot", bedrag=bedrag)

    batches = services.maak_batches(weert, acting_user=backoffice, vandaag=D("2026-12-07"))

    # November's advance, not paid yet, is paid now: in December's batch, not in a batch of
    # November that would be overdue the day it is made.
    [december] = batches
    assert december.maand == D("2026-12-01")
    assert _regels(december) == [(100000, ""), (100000, "")]
    assert december.termijn.startdatum == D("2026-12-01")
    assert december.vervaldatum == D("2026-12-31")
    regel = Betaalregel.objects.get(voorschot__maand=D("2026-11-01"))
    assert regel.omschrijving == "Voorschot Wijkteam Noord (taakgericht), 11-2026"
    # January's advance waits for January.
    assert [
        b.maand for b in services.maak_batches(weert, acting_user=None, vandaag=D("2027-01-02"))
    ] == [D("2027-01-01")]


def test_de_termijn_telt_30_kalenderdagen_vanaf_de_eerste_323(opzet):
    weert, maasland, backoffice = opzet
    vandaag = timezone.localdate()
    ontvangen = vandaag - timedelta(days=6)
    declaratie(weert, maasland, ontvangen=ontvangen, beantwoord=vandaag - timedelta(days=1))
    [batch] = services.maak_batches(weert, acting_user=backoffice)

    termijn = batch.termijn
    assert termijn.regel.code == "betaling" and termijn.startdatum == ontvangen
    assert termijn.regel.aantal == 30 and termijn.regel.eenheid == "kalenderdagen"
    assert batch.vervaldatum == termijn.vervaldatum >= ontvangen + timedelta(days=30)
    assert termijn.status == "open"

    # A line of a 323 received earlier joins the open batch: the deadline counts from it.
    eerder = vandaag - timedelta(days=9)
    declaratie(weert, maasland, ontvangen=eerder, beantwoord=vandaag)
    services.maak_batches(weert, acting_user=backoffice)
    batch.refresh_from_db()
    termijn.refresh_from_db()
    assert termijn.status == "ingetrokken"
    assert batch.termijn.startdatum == eerder and batch.termijn.status == "open"


def test_late_batch_is_verlopen_en_betalen_sluit_de_termijn_te_laat(opzet):
    weert, maasland, backoffice = opzet
    in_maart_beantwoord(weert, maasland)
    [batch] = services.maak_batches(weert, acting_user=backoffice)
    assert batch.vervaldatum == D("2026-04-01") and batch.termijn.status == "verlopen"
    services.stel_vast(batch, acting_user=backoffice)

    services.markeer_betaald(batch, betaald_op=timezone.localdate(), acting_user=backoffice)

    batch.refresh_from_db()
    assert batch.status == BatchStatus.BETAALD and batch.betaald_door == backoffice
    assert batch.termijn.status == "te_laat_gehaald"
    assert (
        AuditRegel.objects.filter(actie="betaalbatch.betaald", object_id=str(batch.pk)).count() == 1
    )


@pytest.mark.parametrize(
    "stap, fout",
    [
        ("betaald_concept", "Stel de betaalbatch eerst vast."),
        ("toekomst", "De betaaldatum ligt in de toekomst."),
        ("twee_keer_vast", "Deze betaalbatch is al vastgesteld."),
        ("twee_keer_betaald", "Deze betaalbatch is al als betaald gemarkeerd."),
    ],
)
def test_verkeerde_stap_geweigerd_en_niets_veranderd(opzet, stap, fout):
    weert, maasland, backoffice = opzet
    in_maart_beantwoord(weert, maasland)
    [batch] = services.maak_batches(weert, acting_user=backoffice)
    vandaag = timezone.localdate()
    if stap != "betaald_concept":
        services.stel_vast(batch, acting_user=backoffice)
    if stap == "twee_keer_betaald":
        services.markeer_betaald(batch, betaald_op=vandaag, acting_user=backoffice)
    batch.refresh_from_db()
    voor = (batch.status, batch.betaald_op, AuditRegel.objects.count())

    with pytest.raises(ValidationError) as e:
        if stap == "twee_keer_vast":
            services.stel_vast(batch, acting_user=backoffice)
        else:
            dag = vandaag + timedelta(days=1) if stap == "toekomst" else vandaag
            services.markeer_betaald(batch, betaald_op=dag, acting_user=backoffice)

    assert e.value.messages == [fout]
    batch.refresh_from_db()
    assert (batch.status, batch.betaald_op, AuditRegel.objects.count()) == voor


def test_batch_zonder_regels_niet_vast_te_stellen(opzet):
    weert, maasland, backoffice = opzet
    batch = Betaalbatch.objects.create(gemeente=weert, aanbieder=maasland, maand=D("2026-03-01"))
    with pytest.raises(ValidationError, match="zonder regels"):
        services.stel_vast(batch, acting_user=backoffice)
    batch.refresh_from_db()
    assert batch.status == BatchStatus.CONCEPT


@pytest.mark.parametrize("wie", ["contractmanager", "aanbieder", "andere_gemeente"])
def test_alleen_de_eigen_backoffice(opzet, wie):
    weert, maasland, backoffice = opzet
    in_maart_beantwoord(weert, maasland)
    organisatie = {
        "contractmanager": weert,
        "aanbieder": maasland,
        "andere_gemeente": gemeente(naam="Leudal", gemeentecode="1640"),
    }[wie]
    rol = {"contractmanager": Rol.CONTRACTMANAGER, "aanbieder": Rol.AANBIEDER}.get(
        wie, Rol.BACKOFFICE
    )
    gebruiker = GebruikerFactory(organisatie=organisatie, rol=rol)

    with pytest.raises(PermissionDenied):
        services.maak_batches(weert, acting_user=gebruiker)
    assert not Betaalbatch.objects.exists()

    [batch] = services.maak_batches(weert, acting_user=backoffice)
    with pytest.raises(PermissionDenied):
        services.stel_vast(batch, acting_user=gebruiker)
    batch.refresh_from_db()
    assert batch.status == BatchStatus.CONCEPT


def test_nul_euro_is_geen_betaalregel(opzet):
    """A settlement of € 0,00 (delivery exactly the advances) and an approved prestatie of
    € 0,00 are nothing to pay: no line, no batch."""
    weert, maasland, backoffice = opzet
    budget = Budgetafspraak.objects.create(
        gemeente=weert,
        aanbieder=maasland,
        begindatum=D("2026-01-01"),
        einddatum=D("2026-01-31"),
        bedrag=100000,
    )
    Voorschot.objects.create(budget=budget, maand=D("2026-02-01"), soort="afrekening", bedrag=0)
    in_maart_beantwoord(
        weert,
        maasland,
        prestaties=[(0, "D", "goedgekeurd")],
    )

    assert services.maak_batches(weert, acting_user=backoffice) == []
    assert not Betaalregel.objects.exists() and not Betaalbatch.objects.exists()
