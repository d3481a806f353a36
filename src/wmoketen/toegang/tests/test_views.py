"""The toegang pages: each role's page, the step forms, the privacy of onderzoek and
beschikking towards the aanbieder, role refusals and the htmx partials."""

from datetime import timedelta

import pytest

from wmoketen.accounts.constants import Rol
from wmoketen.factories import (
    AanbiederFactory,
    ClientFactory,
    GebruikerFactory,
)
from wmoketen.scenario import ALLE_B
from wmoketen.toegang import services
from wmoketen.toegang.constants import Levensdomein, MeldingStatus, PlanStatus
from wmoketen.toegang.models import Beschikking, Melding, Ondersteuningsplan, Onderzoek

from .hulp import GEHEIM_VERSLAG, als, html, vandaag


def formulier_onderzoek(**extra):
    data = {"stap": "onderzoek", "onderzoek-netwerk": "Dochter in de buurt"}
    for domein in Levensdomein.values:
        data[f"onderzoek-score_{domein}"] = "3"
        data[f"onderzoek-problemen_{domein}"] = "schulden" if domein == "financien" else ""
    return data | extra


# Caseload and new melding ------------------------------------------------------------------


def test_caseload_toont_stap_en_termijn(client, consulent, melding):
    antwoord = als(client, consulent).get("/toegang/")

    tekst = html(antwoord)
    assert antwoord.status_code == 200
    assert "Mijn caseload" in tekst
    assert "Anna Berg" in tekst
    assert "Melding ontvangen" in tekst
    assert "Afspraak huisbezoek na melding" in tekst
    assert "1 melding." in tekst


def test_caseload_htmx_geeft_alleen_de_tabel(client, consulent, melding):
    antwoord = als(client, consulent).get("/toegang/?wie=alle", HTTP_HX_REQUEST="true")

    tekst = html(antwoord)
    assert "<html" not in tekst and "Anna Berg" in tekst
    assert 'aria-current="page">Alle lopende meldingen' in tekst


def test_nieuwe_melding_registreren(client, consulent, inwoner, product):
    antwoord = als(client, consulent).post(
        "/toegang/nieuw/",
        {
            "client": inwoner.pk,
            "wet": "wmo",
            "ontvangen_op": vandaag().isoformat(),
            "kanaal": "telefonisch",
            "toelichting": "Hulp bij het huishouden",
        },
        follow=True,
    )

    melding = Melding.objects.get()
    assert antwoord.redirect_chain == [(f"/toegang/{melding.pk}/", 302)]
    tekst = html(antwoord)
    assert (
        f"De melding voor Anna Berg is geregistreerd (traject {melding.traject.nummer})." in tekst
    )
    assert "Stap 2: huisbezoek plannen" in tekst
    assert melding.consulent == consulent


def test_melding_met_datum_in_de_toekomst_geeft_nederlandse_fout(client, consulent, inwoner):
    morgen = vandaag() + timedelta(days=1)
    antwoord = als(client, consulent).post(
        "/toegang/nieuw/",
        {"client": inwoner.pk, "wet": "wmo", "ontvangen_op": morgen, "kanaal": "loket"},
    )

    assert "De datum van ontvangst ligt in de toekomst." in html(antwoord)
    assert not Melding.objects.exists()


# The case page, step by step ------------------------------------------------------------------


def test_huisbezoek_plannen_via_de_pagina(client, consulent, melding):
    antwoord = als(client, consulent).post(
        f"/toegang/{melding.pk}/",
        {"stap": "huisbezoek", "huisbezoek-datum": vandaag(), "huisbezoek-op": vandaag()},
        follow=True,
    )

    tekst = html(antwoord)
    assert f"Het huisbezoek is gepland op {vandaag():%d-%m-%Y}." in tekst
    assert "Stap 3: onderzoek (integrale vraaganalyse)" in tekst
    melding.refresh_from_db()
    assert melding.status == MeldingStatus.HUISBEZOEK_GEPLAND


def test_onderzoek_afronden_zonder_alle_scores_verandert_niets(client, consulent, melding):
    services.plan_huisbezoek(melding, datum=vandaag(), acting_user=consulent)
    data = formulier_onderzoek(**{"onderzoek-score_justitie": "", "afronden": ""})
    data |= {"onderzoek-verslag": "Verslag", "onderzoek-ondertekend_door_client_op": vandaag()}

    antwoord = als(client, consulent).post(f"/toegang/{melding.pk}/", data)

    assert "Geef elk levensdomein een score; nog niet gescoord: Justitie." in html(antwoord)
    assert "Dochter in de buurt" in html(antwoord)  # what was typed is on the page again
    melding.refresh_from_db()
    assert melding.status == MeldingStatus.HUISBEZOEK_GEPLAND
    # One transaction: the save that came with the refused afronden is undone as well.
    assert not Onderzoek.objects.filter(melding=melding).exists()


def test_onderzoek_afronden_via_de_pagina(client, consulent, melding):
    services.plan_huisbezoek(melding, datum=vandaag(), acting_user=consulent)
    data = formulier_onderzoek(afronden="")
    data |= {"onderzoek-verslag": "Verslag", "onderzoek-ondertekend_door_client_op": vandaag()}

    antwoord = als(client, consulent).post(f"/toegang/{melding.pk}/", data, follow=True)

    tekst = html(antwoord)
    assert "Het onderzoek is afgerond." in tekst
    assert "Stap 4: ondersteuningsplan deel 1 en profiel" in tekst
    assert melding.onderzoek.domeinscores.get(domein="financien").problemen == "schulden"


def test_plan_deel_1_profiel_en_toestemming_via_de_pagina(client, consulent, onderzocht):
    als(client, consulent)
    url = f"/toegang/{onderzocht.pk}/"
    antwoord = client.post(
        url,
        {
            "stap": "resultaten",
            "rg-TOTAL_FORMS": "2",
            "rg-INITIAL_FORMS": "0",
            "rg-0-domein": "tijdsbesteding",
            "rg-0-beoogd_resultaat": "Dagbesteding",
            "rg-1-domein": "",
            "rg-1-beoogd_resultaat": "",
        },
        follow=True,
    )
    assert "De resultaatgebieden van deel 1 zijn opgeslagen." in html(antwoord)
    assert "Scoor de vijf criteria" in html(antwoord)

    profiel = {f"profiel-score_{c}": s for c, s in ALLE_B.items()} | {
        "stap": "profiel",
        "profiel-vervoer": "geen",
        "profiel-kortdurend_verblijf_etmalen": "0",
    }
    afwijkend = client.post(url, profiel | {"profiel-categorie": "3"})
    assert "schrijf een motivering voor de afwijking" in html(afwijkend)
    assert Ondersteuningsplan.objects.get().categorie is None

    antwoord = client.post(url, profiel, follow=True)
    assert "Het profiel is vastgelegd: Categorie 1, basis." in html(antwoord)

    antwoord = client.post(
        url,
        {"stap": "toestemming", "toestemming-ondertekend_op": vandaag()},
        follow=True,
    )
    tekst = html(antwoord)
    assert "De ondertekening is vastgelegd, zonder toestemming om te delen." in tekst
    assert "geen toestemming om te delen" in tekst


def test_opdracht_zonder_toestemming_geeft_nederlandse_fout(
    client, consulent, plan_deel_1, aanbieder, product
):
    services.leg_toestemming_vast(
        plan_deel_1, toestemming=False, ondertekend_op=vandaag(), acting_user=consulent
    )

    antwoord = als(client, consulent).post(
        f"/toegang/{plan_deel_1.melding_id}/",
        {
            "stap": "opdracht",
            "opdracht-producten": [product.pk],
            "opdracht-aanbieder": aanbieder.pk,
        },
    )

    assert (
        "De cliënt heeft geen toestemming gegeven om het plan met een aanbieder te delen"
        in html(antwoord)
    )
    plan_deel_1.refresh_from_db()
    assert plan_deel_1.aanbieder is None and plan_deel_1.status == PlanStatus.DEEL_1


def test_opdracht_aan_aanbieder_zonder_contract_wordt_geweigerd(
    client, consulent, plan_deel_1, product
):
    services.leg_toestemming_vast(
        plan_deel_1, toestemming=True, ondertekend_op=vandaag(), acting_user=consulent
    )
    zonder = AanbiederFactory(naam="Zonder Contract")

    antwoord = als(client, consulent).post(
        f"/toegang/{plan_deel_1.melding_id}/",
        {"stap": "opdracht", "opdracht-producten": [product.pk], "opdracht-aanbieder": zonder.pk},
    )

    assert "Deze aanbieder heeft geen contract voor de gekozen producten." in html(antwoord)
    assert Ondersteuningsplan.objects.get().aanbieder is None


def test_opdracht_geven_via_de_pagina(client, consulent, plan_deel_1, aanbieder, product):
    services.leg_toestemming_vast(
        plan_deel_1, toestemming=True, ondertekend_op=vandaag(), acting_user=consulent
    )

    antwoord = als(client, consulent).post(
        f"/toegang/{plan_deel_1.melding_id}/",
        {
            "stap": "opdracht",
            "opdracht-producten": [product.pk],
            "opdracht-aanbieder": aanbieder.pk,
        },
        follow=True,
    )

    tekst = html(antwoord)
    assert "Zorggroep Test heeft de opdracht voor deel 2 gekregen." in tekst
    assert "Stap 6: deel 2 door de aanbieder" in tekst
    assert "Ondersteuningsplan deel 2" in tekst  # the task's deadline in the table


def test_stap_die_niet_aan_de_beurt_is_verandert_niets(client, consulent, melding):
    antwoord = als(client, consulent).post(
        f"/toegang/{melding.pk}/", {"stap": "terug", "terug-reden": "x"}, follow=True
    )

    assert "Deze stap is niet (meer) aan de beurt." in html(antwoord)
    melding.refresh_from_db()
    assert melding.status == MeldingStatus.ONTVANGEN


# The aanbieder ----------------------------------------------------------------------------------


def test_aanbieder_ziet_opdracht_maar_nooit_onderzoek_of_motivering(client, medewerker, opdracht):
    als(client, medewerker)
    lijst = html(client.get("/toegang/opdrachten/"))
    assert "Anna Berg" in lijst and "Opdracht deel 2 gegeven" in lijst

    tekst = html(client.get(f"/toegang/plannen/{opdracht.pk}/"))
    assert "Zinvolle dagbesteding" in tekst
    assert "Categorie 2, basis" in tekst
    for geheim in (GEHEIM_VERSLAG, "Geheim probleem", "Geheime motivering", "Zelfredzaamheid"):
        assert geheim not in tekst
    assert client.get(f"/toegang/{opdracht.melding_id}/").status_code == 403


def test_aanbieder_ziet_beschikking_en_brief_nooit(client, medewerker, beschikt):
    als(client, medewerker)

    assert client.get(f"/toegang/beschikkingen/{beschikt.pk}/").status_code == 403
    assert client.get(f"/toegang/beschikkingen/{beschikt.pk}/brief/").status_code == 403
    assert client.get(f"/toegang/aanvragen/{beschikt.plan_id}/").status_code == 403
    tekst = html(client.get(f"/toegang/plannen/{beschikt.plan_id}/"))
    assert beschikt.nummer not in tekst and "Begeleiding is nodig." not in tekst


def test_aanbieder_met_beheerrol_krijgt_ook_geen_beschikking(client, aanbieder, beschikt):
    beheerder = GebruikerFactory(
        organisatie=aanbieder, rol=[Rol.AANBIEDER, Rol.FUNCTIONEEL_BEHEERDER]
    )
    als(client, beheerder)

    assert client.get(f"/toegang/beschikkingen/{beschikt.pk}/brief/").status_code == 403


def test_andere_aanbieder_krijgt_404_op_het_plan(client, opdracht):
    ander = GebruikerFactory(organisatie=AanbiederFactory(), rol=Rol.AANBIEDER)

    assert als(client, ander).get(f"/toegang/plannen/{opdracht.pk}/").status_code == 404


def test_aanbieder_vult_deel_2_in_en_meldt_gereed(client, medewerker, opdracht):
    gebied = opdracht.resultaatgebieden.get()
    p = f"rg{gebied.pk}-"
    als(client, medewerker)
    url = f"/toegang/plannen/{opdracht.pk}/"

    onvolledig = client.post(url, {"actie": "deel2", f"{p}aard": "activering"})
    assert "Dit veld is vereist." in html(onvolledig)

    antwoord = client.post(
        url,
        {
            "actie": "deel2",
            f"{p}aard": "activering",
            f"{p}activiteiten": "Dagbesteding in de wijk",
            f"{p}frequentie": "2 keer per week",
            f"{p}startdatum": vandaag(),
        },
        follow=True,
    )
    assert "Deel 2 is opgeslagen." in html(antwoord)
    antwoord = client.post(
        url,
        {
            "actie": "gereed",
            "gereed-client_ondertekend_op": vandaag(),
            "gereed-aanbieder_ondertekend_op": vandaag(),
        },
        follow=True,
    )
    assert "Deel 2 is gereed gemeld. De consulent beoordeelt het plan." in html(antwoord)
    opdracht.refresh_from_db()
    assert opdracht.status == PlanStatus.DEEL_2_GEREED


def test_gemeente_gaat_via_plan_link_naar_de_melding(client, consulent, opdracht):
    antwoord = als(client, consulent).get(f"/toegang/plannen/{opdracht.pk}/")

    assert antwoord.status_code == 302 and antwoord.url == f"/toegang/{opdracht.melding_id}/"


# Akkoord and beschikking ------------------------------------------------------------------------


def test_terugsturen_zonder_reden_en_akkoord(client, consulent, gereed):
    als(client, consulent)
    url = f"/toegang/{gereed.melding_id}/"

    leeg = client.post(url, {"stap": "terug", "terug-reden": ""})
    assert "Dit veld is vereist." in html(leeg)

    antwoord = client.post(url, {"stap": "akkoord"}, follow=True)
    assert "Akkoord gegeven. Het plan is de aanvraag; de backoffice beslist." in html(antwoord)
    gereed.refresh_from_db()
    assert gereed.status == PlanStatus.AKKOORD and gereed.aanvraag_op == vandaag()


def test_terugsturen_naar_de_aanbieder(client, consulent, gereed):
    antwoord = als(client, consulent).post(
        f"/toegang/{gereed.melding_id}/",
        {"stap": "terug", "terug-reden": "Resultaat 2 ontbreekt"},
        follow=True,
    )

    assert "Het plan is teruggestuurd naar Zorggroep Test." in html(antwoord)
    gereed.refresh_from_db()
    assert gereed.status == PlanStatus.TERUGGESTUURD


def test_backoffice_ziet_aanvraag_en_neemt_beschikking(client, backoffice, akkoord, product):
    als(client, backoffice)
    lijst = html(client.get("/toegang/aanvragen/"))
    assert "Te beslissen" in lijst and "Anna Berg" in lijst

    pagina = html(client.get(f"/toegang/aanvragen/{akkoord.pk}/"))
    assert "Geheime motivering" in pagina  # the backoffice sees the deviation's motivation
    assert "WMO301" in pagina

    antwoord = client.post(
        f"/toegang/aanvragen/{akkoord.pk}/",
        {
            f"volume_{product.pk}": "4",
            "ingangsdatum": vandaag(),
            "duur": "18m",
            "motivering": "Begeleiding is nodig voor het resultaat.",
        },
        follow=True,
    )

    beschikking = Beschikking.objects.get()
    tekst = html(antwoord)
    assert f"Beschikking {beschikking.nummer} is genomen en de toewijzing is verstuurd." in tekst
    assert beschikking.get_duur_display() == "1½ jaar"
    assert f"/toegang/beschikkingen/{beschikking.pk}/brief/" in tekst
    bericht = beschikking.client.toewijzingen.get().bericht
    assert bericht.naam == "WMO301"
    assert f'href="/berichten/{bericht.pk}/"' in tekst
    assert "4 uur per week" in tekst


def test_beschikking_met_einddatum_voor_ingangsdatum(client, backoffice, akkoord, product):
    antwoord = als(client, backoffice).post(
        f"/toegang/aanvragen/{akkoord.pk}/",
        {
            f"volume_{product.pk}": "4",
            "ingangsdatum": vandaag(),
            "duur": "anders",
            "einddatum": vandaag() - timedelta(days=1),
            "motivering": "Nodig.",
        },
    )

    assert "De einddatum ligt vóór de ingangsdatum." in html(antwoord)
    assert not Beschikking.objects.exists()


def test_brief_is_een_pdf_voor_gemeentemedewerkers(client, consulent, beschikt):
    antwoord = als(client, consulent).get(f"/toegang/beschikkingen/{beschikt.pk}/brief/")

    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "application/pdf"
    assert antwoord.content.startswith(b"%PDF")


def test_casepagina_na_beschikking_toont_alle_stappen_afgerond(client, consulent, beschikt):
    tekst = html(als(client, consulent).get(f"/toegang/{beschikt.plan.melding_id}/"))

    assert "Route doorlopen" in tekst
    assert tekst.count("route__stap--afgerond") == 10
    assert "WMO301" in tekst
    assert 'href="/berichten/' not in tekst  # the consulent does not read messages


# Roles, scoping and partials ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("rol", "url"),
    [
        (Rol.AANBIEDER, "/toegang/"),
        (Rol.AANBIEDER, "/toegang/nieuw/"),
        (Rol.AANBIEDER, "/toegang/aanvragen/"),
        (Rol.TOEGANGSMEDEWERKER, "/toegang/aanvragen/"),
        (Rol.TOEGANGSMEDEWERKER, "/toegang/opdrachten/"),
        (Rol.BACKOFFICE, "/toegang/nieuw/"),
        (Rol.CONTRACTMANAGER, "/toegang/"),
        (Rol.FUNCTIONEEL_BEHEERDER, "/toegang/aanvragen/"),
    ],
)
def test_rollen_zonder_recht_krijgen_403(client, gemeente, aanbieder, rol, url):
    organisatie = aanbieder if rol == Rol.AANBIEDER else gemeente
    antwoord = als(client, GebruikerFactory(organisatie=organisatie, rol=rol)).get(url)

    assert antwoord.status_code == 403


def test_backoffice_mag_geen_stap_van_de_consulent_zetten(client, backoffice, melding):
    antwoord = als(client, backoffice).post(
        f"/toegang/{melding.pk}/",
        {"stap": "huisbezoek", "huisbezoek-datum": vandaag(), "huisbezoek-op": vandaag()},
    )

    assert antwoord.status_code == 403
    melding.refresh_from_db()
    assert melding.huisbezoek_op is None


def test_consulent_van_andere_gemeente_krijgt_404(client, andere_gemeente, melding):
    ander = GebruikerFactory(organisatie=andere_gemeente, rol=Rol.TOEGANGSMEDEWERKER)

    assert als(client, ander).get(f"/toegang/{melding.pk}/").status_code == 404
    assert "Anna Berg" not in html(client.get("/toegang/?wie=alle&afgerond=1"))


def test_profiel_berekenen_htmx(client, consulent):
    scores = {f"profiel-score_{c}": s for c, s in ALLE_B.items()}

    antwoord = als(client, consulent).get("/toegang/profiel/", scores)
    assert html(antwoord).strip() == "<p><strong>Berekend profiel: Categorie 1, basis</strong></p>"
    onvolledig = client.get("/toegang/profiel/", {"profiel-score_veiligheid": "A"})
    assert "Geef een score (A–E) voor: Balans beschermende en risicofactoren" in html(onvolledig)


def test_einddatum_berekenen_htmx(client, backoffice):
    als(client, backoffice)

    antwoord = client.get("/toegang/einddatum/", {"ingangsdatum": "2026-05-11", "duur": "1j"})
    assert "Einddatum: 10-05-2027" in html(antwoord)
    te_lang = client.get(
        "/toegang/einddatum/",
        {"ingangsdatum": "2026-05-11", "duur": "anders", "einddatum": "2031-05-11"},
    )
    assert "Een indicatie duurt nooit langer dan 5 jaar." in html(te_lang)


def test_aanbieders_kiezen_htmx_alleen_gecontracteerd(client, consulent, aanbieder, product):
    AanbiederFactory(naam="Zonder Contract")

    antwoord = als(client, consulent).get(
        "/toegang/aanbieders/", {"opdracht-producten": product.pk}
    )

    tekst = html(antwoord)
    assert "Zorggroep Test" in tekst and "Zonder Contract" not in tekst


def test_menu_toont_de_toegangpagina_per_rol(client, consulent, backoffice, medewerker):
    assert '<a href="/toegang/">Meldingen</a>' in html(als(client, consulent).get("/"))
    assert '<a href="/toegang/aanvragen/">Aanvragen</a>' in html(als(client, backoffice).get("/"))
    assert '<a href="/toegang/opdrachten/">Opdrachten</a>' in html(als(client, medewerker).get("/"))


def test_nieuwe_melding_vanaf_de_clientpagina_kiest_de_client(client, consulent, inwoner):
    als(client, consulent)
    antwoord = client.get(f"/toegang/nieuw/?client={inwoner.pk}")
    assert f'<option value="{inwoner.pk}" selected>' in html(antwoord)
    vreemd = ClientFactory(organisatie=AanbiederFactory())
    antwoord = client.get(f"/toegang/nieuw/?client={vreemd.pk}")
    assert f'value="{vreemd.pk}"' not in html(antwoord)


def test_plan_deel_1_zonder_resultaatgebied_geeft_nederlandse_fout(client, consulent, onderzocht):
    """The refusal of the whole set shows above the rows (it was a 500)."""
    als(client, consulent)
    leeg = {"rg-0-domein": "", "rg-0-beoogd_resultaat": "", "rg-1-domein": ""}
    antwoord = client.post(
        f"/toegang/{onderzocht.pk}/",
        {"stap": "resultaten", "rg-TOTAL_FORMS": "2", "rg-INITIAL_FORMS": "0", **leeg},
    )
    assert antwoord.status_code == 200
    assert "Geef ten minste één resultaatgebied met het beoogde resultaat." in html(antwoord)
    assert not Ondersteuningsplan.objects.filter(melding=onderzocht).exists()
