from datetime import date

import pytest
from django.urls import reverse
from lxml import html

from wmoketen.accounts.constants import Rol
from wmoketen.factories import GebruikerFactory
from wmoketen.gedeeld.werklijst import werklijst
from wmoketen.organisaties.werklijst import te_beoordelen
from wmoketen.scenario import Stap, voorjaar
from wmoketen.toegang import services as toegang


def test_rol_zonder_bron_heeft_geen_werklijst(client, gemeente):
    client.force_login(GebruikerFactory(organisatie=gemeente, rol=Rol.FUNCTIONEEL_BEHEERDER))

    antwoord = client.get("/")

    assert antwoord.context["soorten"] == []
    assert "Uw rol heeft geen werklijst" in antwoord.content.decode()


# One row per piece of work, each naming its client and linking to where the work is done ---


@pytest.fixture
def route(vandaag_vast, consulent, wmo_client, aanbieder, wmo_product):
    """A melding of 16-11-2026, deel 2 ordered on 18-11-2026 and ready on 30-11-2026 (today is
    04-12-2026)."""
    return voorjaar(
        wmo_client,
        "wmo",
        consulent,
        melding_op=date(2026, 11, 16),
        aanbieder=aanbieder,
        product=wmo_product,
        opdracht_op=date(2026, 11, 18),
        deel_2=("ondersteuning", "Thuis", "1x per week", date(2026, 12, 14)),
        deel_2_ondertekend_op=date(2026, 11, 30),
        deel_2_gereed_op=date(2026, 11, 30),
    )


@pytest.fixture
def opdracht(route):
    return route.tot(Stap.OPDRACHT).plan


@pytest.fixture
def gereed(route, opdracht, medewerker):
    route.medewerker = medewerker
    return route.tot(Stap.DEEL_2).plan


def _rijen(client, gebruiker) -> list[tuple[str, str]]:
    """The start page's worklist rows as (href, client cell) for ``gebruiker``."""
    client.force_login(gebruiker)
    pagina = html.fromstring(client.get("/").content)
    return [
        (tr.xpath("td[1]/a/@href")[0], tr.xpath("string(td[2])").strip())
        for tr in pagina.xpath("//table[@class='tabel']/tbody/tr")
    ]


def _controleer(client, gebruiker) -> list[tuple[str, str]]:
    rijen = _rijen(client, gebruiker)
    assert rijen, f"{gebruiker} heeft een lege werklijst"
    for href, naam in rijen:
        assert href and naam, (gebruiker, href, naam)
        assert client.get(href).status_code == 200, (gebruiker, href)
    return rijen


def test_opdracht_deel_2_is_een_rij_met_termijn_en_taakstatus(client, opdracht, medewerker):
    taak = opdracht.taak
    naam = opdracht.melding.client.volledige_naam

    [rij] = werklijst(medewerker)

    assert (rij.titel, rij.url, rij.client) == (
        f"Ondersteuningsplan deel 2: {naam}",
        reverse("toegang:plan", args=[opdracht.pk]),
        naam,
    )
    assert (rij.vervaldatum, rij.taakstatus) == (taak.termijn.vervaldatum, "Open")
    assert rij.soorten == {"Opdrachten deel 2", "Taken", "Termijnen"}
    assert [r.titel for r in werklijst(medewerker, "Taken")] == [rij.titel]
    assert _controleer(client, medewerker) == [(rij.url, naam)]
    assert "Taak: open" in client.get("/").content.decode()


def test_consulent_ziet_de_casus_eenmaal_met_de_termijn_van_deel_2(client, opdracht, consulent):
    naam = opdracht.melding.client.volledige_naam

    [rij] = werklijst(consulent)

    assert (rij.soort, rij.url) == (
        "Caseload",
        reverse("toegang:melding", args=[opdracht.melding_id]),
    )
    assert (rij.vervaldatum, rij.termijn_titel) == (
        opdracht.taak.termijn.vervaldatum,
        "Taak: Ondersteuningsplan deel 2 opstellen",
    )
    assert _controleer(client, consulent) == [(rij.url, naam)]


def test_elke_rol_elke_rij_een_client_en_een_werkende_link(
    client, gereed, consulent, backoffice, medewerker
):
    assert len(_controleer(client, consulent)) == 1  # akkoord op het plan
    toegang.keur_goed(gereed, op=date(2026, 12, 1), acting_user=consulent)

    [(href, naam)] = _controleer(client, backoffice)

    assert (href, naam) == (
        reverse("toegang:aanvraag", args=[gereed.pk]),
        gereed.melding.client.volledige_naam,
    )


def test_onderaanneming_zegt_waarom_er_geen_client_is(gemeente, monkeypatch):
    class Onderaanneming:
        aangevraagd_op = None
        contract_id = 7
        begindatum = date(2026, 1, 1)
        onderaannemer = "Thuiszorg West"
        contract = type("Contract", (), {"aanbieder": "Zorg BV", "kenmerk": "C-1"})

    monkeypatch.setattr(
        "wmoketen.organisaties.werklijst.onderaannemingen_te_beoordelen",
        lambda organisatie: [Onderaanneming()],
    )
    gebruiker = GebruikerFactory(organisatie=gemeente, rol=Rol.CONTRACTMANAGER)

    [rij] = te_beoordelen(gebruiker)

    assert (rij.client, rij.geen_client) == ("", "Contractzaak, geen cliënt")
