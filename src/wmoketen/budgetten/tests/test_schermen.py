"""The budget pages: the contract manager's list, new budget, advances and settlement; the
aanbieder's list and reporting; nothing of another organisation."""

from datetime import date

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import Client as Web
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wmoketen.budgetten import services
from wmoketen.budgetten.models import Budgetafspraak, BudgetStatus
from wmoketen.budgetten.templatetags.budgetten import budgetten_menu
from wmoketen.factories import ContractregelFactory

from .opzet import Opzet

pytestmark = pytest.mark.django_db


def web(gebruiker) -> Web:
    client = Web()
    client.force_login(gebruiker)
    return client


@pytest.fixture
def o():
    return Opzet()


def test_menu_per_rol(o):
    assert budgetten_menu(o.contractmanager) == [("Budgetten", "/budgetten/")]
    assert budgetten_menu(o.medewerker) == []  # from its Declaraties page
    assert budgetten_menu(o.backoffice) == []
    assert Template("{% load budgetten %}{{ 1234567|eurobedrag }}").render(Context()) == (
        "€ 12.345,67"
    )


def test_lijst_van_de_contractmanager_met_totalen(o):
    budget = o.budget(begin=date(2025, 1, 1), eind=date(2025, 3, 31), bedrag=100_000)
    services.maak_voorschotten(budget, acting_user=o.contractmanager)
    antwoord = web(o.contractmanager).get(reverse("budgetten:lijst"))
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Nieuw budget" in html
    assert o.aanbieder.naam in html
    assert "€ 1.000,00" in html  # budget and advances
    assert reverse("budgetten:detail", args=[budget.pk]) in html


def test_lijst_filtert_op_status(o):
    o.budget()
    antwoord = web(o.contractmanager).get(reverse("budgetten:lijst"), {"status": "afgerekend"})
    assert "0 budgetten" in antwoord.content.decode()


def test_backoffice_mag_niet(o):
    assert web(o.backoffice).get(reverse("budgetten:lijst")).status_code == 403
    assert web(o.medewerker).get(reverse("budgetten:nieuw")).status_code == 403


def test_nieuw_budget_biedt_alleen_taakgerichte_regels_en_legt_vast(o):
    ContractregelFactory(
        contract=o.regel.contract, uitvoeringsvariant="inspanningsgericht"
    )  # not offered
    client = web(o.contractmanager)
    formulier = client.get(reverse("budgetten:nieuw")).context["form"]
    assert list(formulier.fields["contractregel"].queryset) == [o.regel]
    antwoord = client.post(
        reverse("budgetten:nieuw"),
        {
            "contractregel": o.regel.pk,
            "eerste_maand": "2025-01",
            "laatste_maand": "2025-03",
            "bedrag": "1000.01",
            "omschrijving": "Dagbesteding",
        },
    )
    budget = Budgetafspraak.objects.get()
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("budgetten:detail", args=[budget.pk])
    assert (budget.begindatum, budget.einddatum, budget.bedrag) == (
        date(2025, 1, 1),
        date(2025, 3, 31),
        100_001,
    )


def test_nieuw_budget_toont_de_weigering_op_het_formulier(o):
    o.budget(begin=date(2025, 1, 1), eind=date(2025, 6, 30))
    antwoord = web(o.contractmanager).post(
        reverse("budgetten:nieuw"),
        {
            "contractregel": o.regel.pk,
            "eerste_maand": "2025-03",
            "laatste_maand": "2025-04",
            "bedrag": "10",
        },
    )
    assert antwoord.status_code == 200
    assert "loopt al een budget" in antwoord.content.decode()
    assert Budgetafspraak.objects.count() == 1


@pytest.mark.parametrize(
    ("bedrag", "fout"),
    [("abc", "Geef een bedrag in euro"), ("1.001", "hele centen"), ("-1", "€ 0,00 of meer")],
)
def test_nieuw_budget_ongeldig_bedrag(o, bedrag, fout):
    antwoord = web(o.contractmanager).post(
        reverse("budgetten:nieuw"),
        {
            "contractregel": o.regel.pk,
            "eerste_maand": "2025-01",
            "laatste_maand": "2025-01",
            "bedrag": bedrag,
        },
    )
    assert fout in antwoord.content.decode()
    assert not Budgetafspraak.objects.exists()


def test_de_hele_route_over_de_schermen(o):
    budget = o.budget(begin=date(2025, 1, 1), eind=date(2025, 3, 31), bedrag=100_000)
    cm, aanbieder = web(o.contractmanager), web(o.medewerker)
    detail = reverse("budgetten:detail", args=[budget.pk])

    assert "Voorschotten maken" in cm.get(detail).content.decode()
    cm.post(reverse("budgetten:voorschotten", args=[budget.pk]))
    html = cm.get(detail).content.decode()
    assert html.count("€ 333,33") == 2 and "€ 333,34" in html
    assert "Afrekenen" not in html

    # The aanbieder sees its budget (not the gemeente's buttons) and reports.
    html = aanbieder.get(reverse("budgetten:lijst")).content.decode()
    assert o.gemeente.naam in html
    html = aanbieder.get(detail).content.decode()
    assert "Voorschotten maken" not in html and "Levering verantwoorden" in html
    antwoord = aanbieder.post(
        reverse("budgetten:verantwoorden", args=[budget.pk]), {"gerealiseerd": "800.00"}
    )
    assert antwoord.status_code == 302
    budget.refresh_from_db()
    assert budget.gerealiseerd == 80_000

    cm.post(reverse("budgetten:afrekenen", args=[budget.pk]))
    budget.refresh_from_db()
    assert budget.status == BudgetStatus.AFGEREKEND
    html = cm.get(detail).content.decode()
    assert "€ -200,00" in html and "terug te betalen" in html
    assert "Levering verantwoorden" not in aanbieder.get(detail).content.decode()


def test_verantwoorden_ongeldig_blijft_op_de_pagina(o):
    budget = o.budget()
    antwoord = web(o.medewerker).post(
        reverse("budgetten:verantwoorden", args=[budget.pk]), {"gerealiseerd": "x"}
    )
    assert antwoord.status_code == 200
    assert "Geef een bedrag in euro" in antwoord.content.decode()
    budget.refresh_from_db()
    assert budget.gerealiseerd is None


def test_weigering_van_afrekenen_als_melding(o):
    budget = o.budget()
    antwoord = web(o.contractmanager).post(
        reverse("budgetten:afrekenen", args=[budget.pk]), follow=True
    )
    assert "Maak eerst de voorschotten" in antwoord.content.decode()
    budget.refresh_from_db()
    assert budget.status == BudgetStatus.LOPEND


@pytest.mark.parametrize(
    ("methode", "naam"),
    [
        ("get", "budgetten:detail"),
        ("post", "budgetten:voorschotten"),
        ("post", "budgetten:afrekenen"),
        ("post", "budgetten:verantwoorden"),
    ],
)
def test_andermans_budget_is_niet_te_vinden(o, methode, naam):
    ander = Opzet(gemeentecode="0363", agb="87654321")
    budget = ander.budget()
    gebruiker = o.medewerker if naam == "budgetten:verantwoorden" else o.contractmanager
    antwoord = getattr(web(gebruiker), methode)(reverse(naam, args=[budget.pk]))
    assert antwoord.status_code == 404
    budget.refresh_from_db()
    assert (budget.status, budget.gerealiseerd) == (BudgetStatus.LOPEND, None)
    assert not budget.voorschotten.exists()
    lijst = web(gebruiker).get(reverse("budgetten:lijst")).content.decode()
    assert ander.aanbieder.naam not in lijst and ander.gemeente.naam not in lijst


def test_lijst_en_detail_met_een_vast_aantal_queries(o):
    client = web(o.contractmanager)

    def tel(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    eerste = o.budget(begin=date(2025, 1, 1), eind=date(2025, 3, 31))
    services.maak_voorschotten(eerste, acting_user=o.contractmanager)
    lijst, detail = (
        tel(reverse("budgetten:lijst")),
        tel(reverse("budgetten:detail", args=[eerste.pk])),
    )
    for begin, eind in (
        (date(2025, 4, 1), date(2025, 6, 30)),
        (date(2025, 7, 1), date(2025, 9, 30)),
    ):
        budget = o.budget(begin=begin, eind=eind)
        services.maak_voorschotten(budget, acting_user=o.contractmanager)
    assert tel(reverse("budgetten:lijst")) == lijst
    assert tel(reverse("budgetten:detail", args=[budget.pk])) == detail
