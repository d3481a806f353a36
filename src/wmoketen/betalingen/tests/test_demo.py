"""The demo's payments (``demo/betalingen.py``): accounts for everyone, this month's batches
from the approved declarations and the budget's advances, Almere's fixed: Jeugd en Gezin
Flevoland's ready to export, Zorggroep Maasland's (the budget) paid; a second run changes
nothing."""

import xmlschema
from django.utils import timezone

from wmoketen.audit.models import AuditRegel
from wmoketen.betalingen import services
from wmoketen.betalingen.models import Betaalbatch, Betaalregel
from wmoketen.declaraties.perioden import maand_van
from wmoketen.demo.betalingen import laad_betalingen
from wmoketen.demo.laden import laad_demo
from wmoketen.organisaties.models import Aanbieder, Gemeente

from .test_exports import SCHEMA

JGF, MAASLAND = "73730303", "73730101"


def test_demo_betalingen(db):
    laad_demo()
    laad_betalingen()
    tellingen = (
        Betaalbatch.objects.count(),
        Betaalregel.objects.count(),
        AuditRegel.objects.count(),
    )
    laad_betalingen()

    assert (
        Betaalbatch.objects.count(),
        Betaalregel.objects.count(),
        AuditRegel.objects.count(),
    ) == tellingen
    assert not Gemeente.objects.filter(iban="").exists()
    assert not Aanbieder.objects.filter(iban="").exists()
    assert set(Aanbieder.objects.values_list("bic", flat=True)) == {
        "RABONL2U",
        "INGBNL2A",
        "ABNANL2A",
    }
    # A small set: this month's batches only, none overdue; two of Almere's fixed.
    deze_maand = maand_van(timezone.localdate())[0]
    batches = {
        (b.gemeente.gemeentecode, b.aanbieder.agb_code): b
        for b in Betaalbatch.objects.select_related("gemeente", "aanbieder", "termijn")
    }
    assert {("0034", JGF), ("0034", MAASLAND)} <= set(batches)
    assert len(batches) == Betaalbatch.objects.count() <= 5
    assert {b.maand for b in batches.values()} == {deze_maand}
    assert not [b for b in batches.values() if b.termijn.status == "verlopen"]
    anderen = [b.status for k, b in batches.items() if k not in {("0034", JGF), ("0034", MAASLAND)}]
    assert set(anderen) <= {"concept"}

    declaraties = batches[("0034", JGF)]
    assert declaraties.status == "vastgesteld"
    assert declaraties.crediteur_iban == "NL41ABNA0737303030"
    assert declaraties.debiteur_iban == "NL58BNGH0285000345"
    prestaties = declaraties.regels.filter(prestatie__isnull=False)
    assert prestaties.count() == declaraties.regels.count() >= 2  # + a correction's pair
    budget = batches[("0034", MAASLAND)]
    assert budget.status == "betaald" and budget.termijn.status == "gehaald"
    assert budget.regels.filter(voorschot__isnull=True).count() == 0
    assert not budget.regels.filter(bedrag=0).exists()

    sepa = services.exporteer(declaraties, soort="sepa", acting_user=None)
    xmlschema.XMLSchema(SCHEMA).validate(sepa.inhoud.decode())
