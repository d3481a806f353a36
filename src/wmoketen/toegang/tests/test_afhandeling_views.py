"""The pages of the negative and administrative outcomes, for each role, with bad input."""

import pytest
from django.urls import reverse

from wmoketen.termijnen.constants import LOPEND
from wmoketen.termijnen.models import Termijn
from wmoketen.toegang.constants import MeldingStatus, PlanStatus
from wmoketen.toegang.models import Beschikking, Melding

from .hulp import als, html, vandaag


def test_backoffice_wijst_aanvraag_af_via_de_pagina(client, backoffice, akkoord):
    pagina = als(client, backoffice).get(reverse("toegang:aanvraag", args=[akkoord.pk]))
    assert reverse("toegang:afwijzen", args=[akkoord.pk]) in html(pagina)
    formulier = client.get(reverse("toegang:afwijzen", args=[akkoord.pk]))
    assert "Bent u het niet eens met dit besluit?" in html(formulier)  # default clause
    antwoord = client.post(
        reverse("toegang:afwijzen", args=[akkoord.pk]),
        {
            "motivering": "Een voorliggende voorziening past.",
            "bezwaarclausule": "Bezwaar binnen zes weken.",
            "dagtekening": vandaag().isoformat(),
        },
        follow=True,
    )
    beschikking = Beschikking.objects.get(plan=akkoord)
    assert antwoord.redirect_chain[-1][0] == reverse("toegang:beschikking", args=[beschikking.pk])
    tekst = html(antwoord)
    assert "(afwijzing)" in tekst and "Afwijzing van de aanvraag" in tekst
    assert "Een voorliggende voorziening past." in tekst
    assert beschikking.bezwaarclausule == "Bezwaar binnen zes weken."
    brief = client.get(reverse("toegang:brief", args=[beschikking.pk]))
    assert brief["Content-Type"] == "application/pdf" and brief.content.startswith(b"%PDF")
    melding = client.get(reverse("toegang:melding", args=[akkoord.melding_id]))
    assert "Geen toewijzing: de aanvraag is afgewezen" in html(melding)
    assert "Beschikking van afwijzing" in html(melding)


def test_afwijzing_zonder_motivering_toont_fout_en_verandert_niets(client, backoffice, akkoord):
    antwoord = als(client, backoffice).post(
        reverse("toegang:afwijzen", args=[akkoord.pk]),
        {"motivering": "", "bezwaarclausule": "x", "dagtekening": vandaag().isoformat()},
    )
    assert antwoord.status_code == 200
    assert "Dit veld is vereist." in html(antwoord)
    assert not Beschikking.objects.exists()
    akkoord.refresh_from_db()
    assert akkoord.status == PlanStatus.AKKOORD


def test_consulent_en_aanbieder_mogen_niet_afwijzen(client, consulent, medewerker, akkoord):
    url = reverse("toegang:afwijzen", args=[akkoord.pk])
    data = {"motivering": "Nee", "bezwaarclausule": "x", "dagtekening": vandaag().isoformat()}
    assert als(client, consulent).post(url, data).status_code == 403
    assert als(client, medewerker).post(url, data).status_code == 403
    assert not Beschikking.objects.exists()


def test_aanvraag_terug_naar_consulent_via_de_pagina(client, backoffice, consulent, akkoord):
    antwoord = als(client, backoffice).post(
        reverse("toegang:aanvraag_terugsturen", args=[akkoord.pk]),
        {"reden": "Motiveer de intensiteit."},
        follow=True,
    )
    assert antwoord.redirect_chain[-1][0] == reverse("toegang:aanvragen")
    akkoord.refresh_from_db()
    assert akkoord.status == PlanStatus.DEEL_2_GEREED
    pagina = als(client, consulent).get(reverse("toegang:melding", args=[akkoord.melding_id]))
    assert "De backoffice stuurde de aanvraag terug" in html(pagina)
    assert "Motiveer de intensiteit." in html(pagina)
    assert "Stap 7: akkoord op het plan" in html(pagina)


def test_consulent_trekt_melding_in_via_de_pagina(client, consulent, opdracht, medewerker):
    url = reverse("toegang:afsluiten", args=[opdracht.melding_id])
    pagina = als(client, consulent).get(reverse("toegang:melding", args=[opdracht.melding_id]))
    assert url in html(pagina)
    antwoord = client.post(
        url,
        {"soort": "ingetrokken", "reden": "Verhuist naar familie.", "op": vandaag().isoformat()},
        follow=True,
    )
    melding = Melding.objects.get(pk=opdracht.melding_id)
    assert melding.status == MeldingStatus.INGETROKKEN
    tekst = html(antwoord)
    assert "Melding afgesloten" in tekst and "Verhuist naar familie." in tekst
    assert url not in tekst  # closed: no second time
    assert not Termijn.objects.filter(object_id=melding.pk, status__in=LOPEND).exists()
    caseload = client.get(reverse("toegang:caseload"))
    assert reverse("toegang:melding", args=[melding.pk]) not in html(caseload)
    # The aanbieder sees the order as lapsed, without the reason.
    opdrachten = als(client, medewerker).get(reverse("toegang:opdrachten"))
    assert "Vervallen" in html(opdrachten) and "familie" not in html(opdrachten)


def test_afsluiten_zonder_reden_of_soort_toont_fouten(client, consulent, melding):
    antwoord = als(client, consulent).post(
        reverse("toegang:afsluiten", args=[melding.pk]), {"reden": "", "op": "gisteren"}
    )
    assert antwoord.status_code == 200
    tekst = html(antwoord)
    assert tekst.count("Dit veld is vereist.") == 2 and "Voer een geldige datum in." in tekst
    melding.refresh_from_db()
    assert melding.status == MeldingStatus.ONTVANGEN


def test_aanbieder_kan_een_melding_niet_afsluiten(client, medewerker, melding):
    url = reverse("toegang:afsluiten", args=[melding.pk])
    assert als(client, medewerker).post(url, {"soort": "ingetrokken"}).status_code == 403


def test_tweede_melding_geeft_link_naar_de_open(client, consulent, melding, inwoner):
    antwoord = als(client, consulent).post(
        reverse("toegang:nieuw"),
        {
            "client": inwoner.pk,
            "wet": "wmo",
            "ontvangen_op": vandaag().isoformat(),
            "kanaal": "telefonisch",
        },
    )
    assert antwoord.status_code == 200
    tekst = html(antwoord)
    assert "Er loopt al een melding Wmo 2015 voor deze cliënt" in tekst
    assert reverse("toegang:melding", args=[melding.pk]) in tekst
    assert Melding.objects.count() == 1


@pytest.mark.parametrize("naam", ["toegang:afwijzen", "toegang:aanvraag_terugsturen"])
def test_geen_aanvraag_meer_verwijst_terug(client, backoffice, gereed, naam):
    antwoord = als(client, backoffice).get(reverse(naam, args=[gereed.pk]))
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("toegang:melding", args=[gereed.melding_id])
