"""The demo's budgets: one running with advances, one settled; a second run changes nothing."""

from datetime import date

import pytest
from django.core.management import call_command
from django.utils import timezone

from wmoketen.accounts.constants import ROLLEN_AANBIEDER, ROLLEN_GEMEENTE
from wmoketen.audit.models import AuditRegel
from wmoketen.budgetten.models import Budgetafspraak, BudgetStatus, Voorschot
from wmoketen.demo.budgetten import laad_budgetten
from wmoketen.demo.gebruikers import laad_gebruikers
from wmoketen.demo.organisaties import laad_organisaties

pytestmark = pytest.mark.django_db


def test_laad_budgetten_eenmaal():
    call_command("loaddata", "producten", verbosity=0)
    gemeenten, aanbieders, _ = laad_organisaties()
    laad_gebruikers(gemeenten[3], ROLLEN_GEMEENTE, "almere")
    laad_gebruikers(aanbieders[0], ROLLEN_AANBIEDER, f"agb{aanbieders[0].agb_code}")

    laad_budgetten()
    tellingen = (
        Budgetafspraak.objects.count(),
        Voorschot.objects.count(),
        AuditRegel.objects.count(),
    )
    laad_budgetten()
    assert (
        Budgetafspraak.objects.count(),
        Voorschot.objects.count(),
        AuditRegel.objects.count(),
    ) == tellingen

    jaar = timezone.localdate().year
    vorig, dit = Budgetafspraak.objects.order_by("begindatum")
    assert vorig.contractregel.uitvoeringsvariant == "taakgericht"
    assert (vorig.begindatum, vorig.status, vorig.gerealiseerd) == (
        date(jaar - 1, 1, 1),
        BudgetStatus.AFGEREKEND,
        5_725_000,
    )
    assert vorig.voorschotten.get(soort="afrekening").bedrag == -275_000
    assert (dit.begindatum, dit.status) == (date(jaar, 1, 1), BudgetStatus.LOPEND)
    bedragen = list(dit.voorschotten.order_by("maand").values_list("bedrag", flat=True))
    assert bedragen == [833_333] * 11 + [833_337]
