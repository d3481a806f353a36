"""What is to pay is read through the reads of the apps that own it (``declaraties.queries``,
``budgetten.queries``), never their models; and the budget's page names its total for what
it is (due, not paid: betalingen pays it)."""

import ast
from datetime import date
from pathlib import Path

from django.urls import reverse

from wmoketen.betalingen import queries
from wmoketen.budgetten import queries as budgetten
from wmoketen.budgetten import services as budgetservices
from wmoketen.budgetten.tests.opzet import Opzet
from wmoketen.declaraties import queries as declaraties

from .hulp import aanbieder, declaratie, gemeente, in_maart_beantwoord

D = date.fromisoformat


def test_geen_modellen_van_declaraties_of_budgetten():
    boom = ast.parse(Path(queries.__file__).read_text())
    modules = {n.module for n in ast.walk(boom) if isinstance(n, ast.ImportFrom)}
    assert "wmoketen.declaraties.queries" in modules and "wmoketen.budgetten.queries" in modules
    assert not {
        m for m in modules if m.startswith(("wmoketen.declaraties.", "wmoketen.budgetten."))
    } - {
        "wmoketen.declaraties.queries",
        "wmoketen.budgetten.queries",
    }


def test_goedgekeurde_prestaties_en_voorschotten_van_de_gemeente(db):
    weert, maasland = gemeente(), aanbieder()
    d = in_maart_beantwoord(
        weert,
        maasland,
        prestaties=[(50000, "D", "goedgekeurd"), (100, "D", "afgewezen"), (0, "D", "goedgekeurd")],
    )
    declaratie(weert, maasland, ontvangen=D("2026-04-02"), beantwoord=None)

    assert [p.bedrag for p in declaraties.goedgekeurde_prestaties(weert.pk)] == [50000]
    assert [p.declaratie for p in declaraties.goedgekeurde_prestaties(weert.pk)] == [d]
    assert list(budgetten.voorschotten_voor(weert)) == []  # every aanbieder: none yet


def test_budget_toont_totaal_van_voorschotten_en_afrekening(db, client):
    o = Opzet()
    budget = o.budget(begin=D("2025-01-01"), eind=D("2025-02-28"), bedrag=200_000)
    budgetservices.maak_voorschotten(budget, acting_user=o.contractmanager)
    budgetservices.verantwoord(budget, gerealiseerd=150_000, acting_user=o.medewerker)
    budgetservices.reken_af(budget, acting_user=o.contractmanager)
    client.force_login(o.contractmanager)

    pagina = client.get(reverse("budgetten:detail", args=[budget.pk])).content.decode()

    assert "<dt>Totaal (voorschotten + afrekening)</dt>" in pagina
    assert "Totaal betaald" not in pagina
