"""Bad input and disorder (issue 8): each deliberately wrong 305/307 is refused by the rule the
standard names, with that rule's retourcode in the 306/308, and nothing is recorded on the
gemeente's side. The wrong messages bypass the aanbieder services' own refusals: they are built
with ``levering.bouw_305``/``bouw_307`` and received with ``berichten.services.ontvang``."""

import pytest

from wmoketen.audit.models import AuditRegel
from wmoketen.berichten.constants import Status, Transport
from wmoketen.berichten.models import Bericht
from wmoketen.berichten.services import ontvang, retour_codes
from wmoketen.factories import GebruikerFactory
from wmoketen.testdatum import dag
from wmoketen.toewijzingen.levering import bouw_305, bouw_307
from wmoketen.toewijzingen.models import AanbiederToewijzing, Levering
from wmoketen.toewijzingen.services import registreer_pauze, registreer_start, registreer_stop

START = dag(2026, 3, 9)


@pytest.fixture
def keten(partijen, toegewezen, django_capture_on_commit_callbacks):
    """The aanbieder's own allocation, a user of it, and a way to run a service or receive a
    message with its on-commit delivery (the retour) executed."""
    _, aanbieder = partijen
    eigen = AanbiederToewijzing.objects.get(aanbieder=aanbieder)
    medewerker = GebruikerFactory(organisatie=aanbieder)

    class Keten:
        def doe(self, functie, *args, **kwargs):
            with django_capture_on_commit_callbacks(execute=True):
                return functie(*args, acting_user=medewerker, **kwargs)

        def ontvang(self, data: bytes) -> Bericht:
            with django_capture_on_commit_callbacks(execute=True):
                return ontvang(
                    data,
                    afzender=eigen.aanbieder,
                    ontvanger=eigen.gemeente,
                    transport=Transport.INTERN,
                )

    k = Keten()
    k.eigen, k.gemeentetoewijzing = eigen, toegewezen
    return k


def _gemeentekant(toewijzing) -> list:
    return list(
        Levering.objects.filter(toewijzing=toewijzing)
        .order_by("pk")
        .values_list("status", "begindatum", "einddatum", "reden_beeindiging", "stopbericht_id")
    )


def _afgekeurd(keten, data: bytes, codes: list[str]) -> Bericht:
    """Receive ``data``: rejected with exactly ``codes`` in its retour, nothing recorded."""
    voor = _gemeentekant(keten.gemeentetoewijzing)
    acties = AuditRegel.objects.filter(actie__startswith="levering.").count()
    heen = keten.ontvang(data)
    heen.refresh_from_db()
    assert heen.status == Status.AFGEKEURD, (heen.status, heen.fouten)
    retour = Bericht.objects.get(heenbericht=heen)
    assert retour.nummer == heen.nummer + 1
    # 0200 ("goedgekeurd") marks the levels without an error (IV028); the rest are the rule's.
    assert [c for c in retour_codes(retour.bytes) if c != "0200"] == codes, heen.fouten
    assert [c for c in heen.retourcodes if c != "0200"] == codes
    assert all(f["message"] for f in heen.fouten)  # a Dutch explanation for the backoffice
    assert _gemeentekant(keten.gemeentetoewijzing) == voor
    assert AuditRegel.objects.filter(actie__startswith="levering.").count() == acties
    return heen


def test_305_voor_onbekende_toewijzing(keten):
    """TR019: a start must relate to an allocation by its ToewijzingNummer."""
    data = bouw_305(keten.eigen, [(START, "1")], toewijzingnummer=keten.eigen.toewijzingnummer + 99)
    heen = _afgekeurd(keten, data, ["9019"])
    assert "TR019" in heen.fouten[0]["message"]


def test_dubbele_eerste_start(keten):
    """TR074: a first aanlevering whose key was already received."""
    keten.doe(registreer_start, keten.eigen, startdatum=START)
    _afgekeurd(keten, bouw_305(keten.eigen, [(START, "1")]), ["9074"])


def test_nieuwe_start_terwijl_een_start_loopt(keten):
    """TR326: no new start while the earlier one is actual (not stopped, not removed)."""
    keten.doe(registreer_start, keten.eigen, startdatum=START)
    _afgekeurd(keten, bouw_305(keten.eigen, [(dag(2026, 3, 16), "1")]), ["9326"])


def test_307_voor_enige_305(keten):
    """TR382 (retourcode 9069): the stop copies the key of a start; there is none."""
    _afgekeurd(keten, bouw_307(keten.eigen, START, dag(2026, 4, 1), "02", "1"), ["9069"])


def test_307_eindigt_voor_de_start(keten):
    """TR018 (bericht inhoud, xslt): Einddatum >= Begindatum → 0001 from the pipeline."""
    keten.doe(registreer_start, keten.eigen, startdatum=START)
    heen = _afgekeurd(keten, bouw_307(keten.eigen, START, dag(2026, 3, 1), "02", "1"), ["0001"])
    assert {f["code"] for f in heen.fouten} == {"TR018"}


def test_verwijderen_van_wat_nooit_geleverd_is(keten):
    """TR063: a removal (3) needs an earlier aanlevering with the same key, for 305 and 307."""
    _afgekeurd(keten, bouw_305(keten.eigen, [(START, "3")]), ["9063"])
    keten.doe(registreer_start, keten.eigen, startdatum=START)
    _afgekeurd(keten, bouw_307(keten.eigen, START, dag(2026, 4, 1), "02", "3"), ["9063"])


def test_start_met_stop_verwijderen(keten):
    """TR071: no removal of a start for which a stop was sent."""
    keten.doe(registreer_start, keten.eigen, startdatum=START)
    keten.doe(registreer_stop, keten.eigen, einddatum=dag(2026, 4, 1), reden="02")
    _afgekeurd(keten, bouw_305(keten.eigen, [(START, "3")]), ["9071"])


def test_tweede_pauze_op_dezelfde_start(keten):
    """TR413: after a stop with reden 20 the next stop on that start has another reden."""
    keten.doe(registreer_start, keten.eigen, startdatum=START)
    keten.doe(registreer_pauze, keten.eigen, einddatum=dag(2026, 4, 1))
    _afgekeurd(keten, bouw_307(keten.eigen, START, dag(2026, 4, 8), "20", "1"), ["9413"])


def test_stop_voor_einde_van_de_pauze(keten):
    """TR414: Einddatum >= the Einddatum of the actual StopProduct (the pause)."""
    keten.doe(registreer_start, keten.eigen, startdatum=START)
    keten.doe(registreer_pauze, keten.eigen, einddatum=dag(2026, 4, 1))
    _afgekeurd(keten, bouw_307(keten.eigen, START, dag(2026, 3, 20), "02", "1"), ["9414"])


@pytest.mark.parametrize("reden", ["02", "20"])
def test_stop_na_definitieve_stop(keten, reden):
    """TR415: no StopProduct (status 1) when one with RedenBeeindiging <> 20 exists."""
    keten.doe(registreer_start, keten.eigen, startdatum=START)
    keten.doe(registreer_stop, keten.eigen, einddatum=dag(2026, 4, 1), reden="02")
    _afgekeurd(keten, bouw_307(keten.eigen, START, dag(2026, 4, 15), reden, "1"), ["9415"])


def test_hetzelfde_bericht_tweemaal(keten):
    """TR056 in the pipeline: identical bytes again are a resend: status dubbel, the earlier
    retour stands, the handler does not run a second time."""
    data = bouw_305(keten.eigen, [(START, "1")])
    eerste = keten.ontvang(data)
    assert (eerste.status, eerste.retourcodes) == (Status.RETOUR_VERZONDEN, [])
    voor = _gemeentekant(keten.gemeentetoewijzing)
    assert [r[:2] for r in voor] == [("gestart", START)]
    acties = AuditRegel.objects.filter(actie="levering.gestart").count()
    retouren = Bericht.objects.filter(nummer=306).count()
    tweede = keten.ontvang(data)
    tweede.refresh_from_db()
    assert tweede.status == Status.DUBBEL
    assert tweede.origineel_id == eerste.pk
    assert _gemeentekant(keten.gemeentetoewijzing) == voor
    assert AuditRegel.objects.filter(actie="levering.gestart").count() == acties
    assert Bericht.objects.filter(nummer=306).count() == retouren
