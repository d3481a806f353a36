"""Every field of every form of the Toegang route is stored or refused with a message (issue
#15): each test posts every field, reloads the page and compares what the reloaded form shows
(or, for a step that moves on, what the next page shows) and what the database holds with what
was posted.

Dates: the melding lies in the past (``MELDING_OP``) and every later date differs from the
others, so a test sees which posted date ended up where.
"""

from datetime import date, timedelta

import lxml.html
import pytest
from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.audit.models import AuditRegel
from wmoketen.audit.services import VERBORGEN
from wmoketen.factories import (
    AanbiederFactory,
    ContractregelFactory,
    GebruikerFactory,
    ProductFactory,
)
from wmoketen.organisaties.constants import OnderaannemingStatus
from wmoketen.organisaties.models import Onderaanneming
from wmoketen.termijnen.constants import Regelcode
from wmoketen.termijnen.models import Termijn
from wmoketen.toegang import services
from wmoketen.toegang.constants import Criterium, Levensdomein, MeldingStatus, PlanStatus
from wmoketen.toegang.models import Beschikking, Melding, Onderzoek
from wmoketen.toegang.services import Deel2Invoer, ResultaatgebiedInvoer

from .hulp import als, html, vandaag

VANDAAG = timezone.localdate()
MELDING_OP = VANDAAG - timedelta(days=30)
AFSPRAAK_OP = MELDING_OP + timedelta(days=2)
HUISBEZOEK_OP = MELDING_OP + timedelta(days=6)
VERSLAG_GETEKEND_OP = VANDAAG - timedelta(days=12)
DEEL_1_GETEKEND_OP = VANDAAG - timedelta(days=11)
OPDRACHT_OP = VANDAAG - timedelta(days=10)
VERSLAG = "Mevrouw redt zich niet meer met de administratie; dochter helpt één keer per week."


def d(datum: date) -> str:
    return f"{datum:%d-%m-%Y}"


def formulier(antwoord, **kenmerk) -> dict[str, list[str]]:
    """What a browser sends with the page's form that has the hidden field ``kenmerk`` (e.g.
    ``stap="onderzoek"``): every name with its values, as the form shows them."""
    ((naam, waarde),) = kenmerk.items()
    pagina = lxml.html.fromstring(antwoord.content)
    gevonden = [f for f in pagina.forms if f.xpath(f'.//input[@name="{naam}"][@value="{waarde}"]')]
    assert len(gevonden) == 1, f"geen formulier met {naam}={waarde} op de pagina"
    form = gevonden[0]
    tekstvakken = {t.name for t in form.xpath(".//textarea")}
    waarden: dict[str, list[str]] = {}
    for veld, tekst in form.form_values():
        # A browser drops the newline right after <textarea> (Django writes one).
        tekst = tekst.removeprefix("\n") if veld in tekstvakken else tekst
        waarden.setdefault(veld, []).append(tekst)
    return waarden


def verstuurd(data: dict, *zonder: str) -> dict[str, list[str]]:
    """The posted data as the form shows it: every value a string, in a list."""
    return {
        k: [str(w) for w in v] if isinstance(v, list | tuple) else [str(v)]
        for k, v in data.items()
        if k not in zonder
    }


def getoond(antwoord, data: dict, *zonder: str, **kenmerk) -> dict[str, list[str]]:
    """What the form shows for each posted field (``zonder``: fields not compared)."""
    waarden = formulier(antwoord, **kenmerk)
    return {k: waarden.get(k, []) for k in data if k not in zonder}


@pytest.fixture
def scenario(scenario):
    """The conftest's route with a melding a month ago and the order for part 2 ten days ago;
    the huisbezoek of the onderzocht melding is today."""
    scenario.ontvangen_op = MELDING_OP
    scenario.huisbezoek_op = vandaag()
    scenario.toestemming_op = DEEL_1_GETEKEND_OP
    scenario.opdracht_op = OPDRACHT_OP
    return scenario


@pytest.fixture
def bezocht(melding, consulent):
    services.plan_huisbezoek(melding, datum=HUISBEZOEK_OP, op=AFSPRAAK_OP, acting_user=consulent)
    return melding


# Step 1 and 2 -------------------------------------------------------------------------------


def test_melding_bewaart_elk_veld(client, consulent, gemeente, inwoner, regels):
    collega = GebruikerFactory(
        username="collega",
        first_name="Sanne",
        last_name="de Vries",
        organisatie=gemeente,
        rol=Rol.TOEGANGSMEDEWERKER,
    )
    data = {
        "client": inwoner.pk,
        "wet": "jeugdwet",
        "ontvangen_op": MELDING_OP,
        "kanaal": "via_verwijzer",
        "consulent": collega.pk,
        "toelichting": "Zorgen over de thuissituatie van Anna.",
    }

    antwoord = als(client, consulent).post("/toegang/nieuw/", data, follow=True)

    melding = Melding.objects.get()
    assert (
        melding.client,
        melding.wet,
        melding.ontvangen_op,
        melding.kanaal,
        melding.consulent,
        melding.toelichting,
    ) == (inwoner, "jeugdwet", MELDING_OP, "via_verwijzer", collega, data["toelichting"])
    tekst = html(antwoord)
    assert antwoord.redirect_chain == [(f"/toegang/{melding.pk}/", 302)]
    assert "<dt>Cliënt</dt><dd><a" in tekst and "Anna Berg</a>" in tekst
    assert "<dt>Wet</dt><dd>Jeugdwet</dd>" in tekst
    assert f"<dt>Ontvangen op</dt><dd>{d(MELDING_OP)} (via een verwijzer)</dd>" in tekst
    assert "<dt>Consulent</dt><dd>Sanne de Vries</dd>" in tekst
    assert f"<dt>Toelichting</dt><dd>{data['toelichting']}</dd>" in tekst


def test_huisbezoek_bewaart_elk_veld(client, consulent, melding):
    data = {"stap": "huisbezoek", "huisbezoek-datum": HUISBEZOEK_OP, "huisbezoek-op": AFSPRAAK_OP}

    antwoord = als(client, consulent).post(f"/toegang/{melding.pk}/", data, follow=True)

    melding.refresh_from_db()
    assert (melding.huisbezoek_op, melding.huisbezoek_gepland_op) == (HUISBEZOEK_OP, AFSPRAAK_OP)
    termijn = Termijn.objects.get(regel__code=Regelcode.HUISBEZOEK)
    assert termijn.gesloten_op == AFSPRAAK_OP
    # The form is gone (step 3); the page shows the visit and the deadline met on the day
    # the appointment was made.
    tekst = html(antwoord)
    assert "Stap 3: onderzoek (integrale vraaganalyse)" in tekst
    assert f"<p>Huisbezoek op {d(HUISBEZOEK_OP)}.</p>" in tekst
    assert f"{termijn.status_label} op {d(AFSPRAAK_OP)}</span>" in tekst


# Step 3: the onderzoek ----------------------------------------------------------------------


def onderzoek_velden() -> dict:
    """Every field of the onderzoek form, each with its own value."""
    data = {
        "stap": "onderzoek",
        "onderzoek-netwerk": "Dochter in de buurt, buurvrouw doet boodschappen.",
        "onderzoek-eigen_oplossingen": "Maaltijdservice van de supermarkt.",
        "onderzoek-verslag": VERSLAG,
        "onderzoek-ondertekend_door_client_op": VERSLAG_GETEKEND_OP,
    }
    for i, domein in enumerate(Levensdomein.values):
        data[f"onderzoek-score_{domein}"] = str(i % 5 + 1)
        data[f"onderzoek-problemen_{domein}"] = f"Probleem {domein}"
        data[f"onderzoek-krachten_{domein}"] = f"Kracht {domein}"
    return data


def domeinen_in_db(onderzoek) -> dict:
    return {s.domein: (str(s.score), s.problemen, s.krachten) for s in onderzoek.domeinscores.all()}


def domeinen_verstuurd(data) -> dict:
    return {
        domein: (
            data[f"onderzoek-score_{domein}"],
            data[f"onderzoek-problemen_{domein}"],
            data[f"onderzoek-krachten_{domein}"],
        )
        for domein in Levensdomein.values
    }


def test_onderzoek_opslaan_bewaart_elk_veld_ook_verslag_en_ondertekening(
    client, consulent, bezocht
):
    data = onderzoek_velden() | {"opslaan": ""}
    url = f"/toegang/{bezocht.pk}/"

    antwoord = als(client, consulent).post(url, data, follow=True)

    assert "Het onderzoek is opgeslagen." in html(antwoord)
    assert antwoord.redirect_chain == [(url, 302)]
    # The reloaded form shows every posted value, the verslag and its date included.
    assert getoond(antwoord, data, "opslaan", stap="onderzoek") == verstuurd(data, "opslaan")
    onderzoek = Onderzoek.objects.get(melding=bezocht)
    assert (
        onderzoek.netwerk,
        onderzoek.eigen_oplossingen,
        onderzoek.verslag,
        onderzoek.ondertekend_door_client_op,
        onderzoek.afgerond_op,
    ) == (
        data["onderzoek-netwerk"],
        data["onderzoek-eigen_oplossingen"],
        VERSLAG,
        VERSLAG_GETEKEND_OP,
        None,
    )
    assert domeinen_in_db(onderzoek) == domeinen_verstuurd(data)
    bezocht.refresh_from_db()
    assert bezocht.status == MeldingStatus.HUISBEZOEK_GEPLAND
    # The verslag is sensitive: its change is logged, its text never.
    regel = AuditRegel.objects.get(actie="onderzoek.vastgelegd")
    assert regel.wijzigingen == {
        "verslag": ["", VERBORGEN],
        "ondertekend_door_client_op": [None, VERSLAG_GETEKEND_OP.isoformat()],
    }
    for regel in AuditRegel.objects.all():
        assert VERSLAG not in regel.omschrijving and VERSLAG not in str(regel.wijzigingen)


def test_onderzoek_opslaan_na_opslaan_houdt_het_verslag(client, consulent, bezocht):
    """A second save of the reloaded form (as the browser sends it) keeps the verslag."""
    als(client, consulent)
    url = f"/toegang/{bezocht.pk}/"
    client.post(url, onderzoek_velden() | {"opslaan": ""})

    opnieuw = formulier(client.get(url), stap="onderzoek")
    client.post(url, {k: v if len(v) > 1 else v[0] for k, v in opnieuw.items()} | {"opslaan": ""})

    onderzoek = Onderzoek.objects.get(melding=bezocht)
    assert (onderzoek.verslag, onderzoek.ondertekend_door_client_op) == (
        VERSLAG,
        VERSLAG_GETEKEND_OP,
    )


@pytest.mark.parametrize(
    ("datum", "fout"),
    [
        (VANDAAG + timedelta(days=1), "De datum van ondertekening ligt in de toekomst."),
        (MELDING_OP - timedelta(days=1), "De ondertekening ligt vóór de datum van de melding."),
    ],
)
def test_onderzoek_opslaan_met_verkeerde_ondertekening_verandert_niets(
    client, consulent, bezocht, datum, fout
):
    data = onderzoek_velden() | {"onderzoek-ondertekend_door_client_op": datum, "opslaan": ""}

    antwoord = als(client, consulent).post(f"/toegang/{bezocht.pk}/", data)

    assert fout in html(antwoord)
    assert not Onderzoek.objects.filter(melding=bezocht).exists()
    assert not AuditRegel.objects.filter(actie="onderzoek.vastgelegd").exists()


def test_onderzoek_afronden_bewaart_elk_veld(client, consulent, bezocht):
    data = onderzoek_velden() | {"afronden": ""}

    antwoord = als(client, consulent).post(f"/toegang/{bezocht.pk}/", data, follow=True)

    tekst = html(antwoord)
    assert "Het onderzoek is afgerond." in tekst
    assert "Stap 4: ondersteuningsplan deel 1 en profiel" in tekst
    onderzoek = Onderzoek.objects.get(melding=bezocht)
    assert (
        onderzoek.netwerk,
        onderzoek.eigen_oplossingen,
        onderzoek.verslag,
        onderzoek.ondertekend_door_client_op,
        onderzoek.afgerond_op,
    ) == (
        data["onderzoek-netwerk"],
        data["onderzoek-eigen_oplossingen"],
        VERSLAG,
        VERSLAG_GETEKEND_OP,
        VANDAAG,
    )
    assert domeinen_in_db(onderzoek) == domeinen_verstuurd(data)
    # The form is gone; the case page's onderzoek shows every value.
    for domein, label in Levensdomein.choices:
        score = onderzoek.domeinscores.get(domein=domein)
        assert (
            f'<th scope="row">{label}</th><td>{score.get_score_display()}</td>'
            f"<td>Probleem {domein}</td><td>Kracht {domein}</td>"
        ) in tekst
    assert f"<dt>Netwerk</dt><dd>{data['onderzoek-netwerk']}</dd>" in tekst
    assert f"<dt>Eigen oplossingen</dt><dd>{data['onderzoek-eigen_oplossingen']}</dd>" in tekst
    assert f"<dt>Verslag</dt><dd>{VERSLAG}</dd>" in tekst
    assert f"<dt>Ondertekend door cliënt</dt><dd>{d(VERSLAG_GETEKEND_OP)}</dd>" in tekst
    assert f"<dt>Afgerond op</dt><dd>{d(VANDAAG)}</dd>" in tekst
    for regel in AuditRegel.objects.all():
        assert VERSLAG not in regel.omschrijving and VERSLAG not in str(regel.wijzigingen)


# Step 4: plan deel 1, profile, consent --------------------------------------------------------


def test_resultaatgebieden_bewaren_elk_veld(client, consulent, onderzocht):
    data = {
        "stap": "resultaten",
        "rg-TOTAL_FORMS": "2",
        "rg-INITIAL_FORMS": "0",
        "rg-0-domein": "tijdsbesteding",
        "rg-0-beoogd_resultaat": "Twee dagdelen per week zinvolle dagbesteding.",
        "rg-1-domein": "financien",
        "rg-1-beoogd_resultaat": "De administratie is op orde.",
    }
    als(client, consulent)
    url = f"/toegang/{onderzocht.pk}/"

    antwoord = client.post(url, data, follow=True)

    tekst = html(antwoord)
    assert "De resultaatgebieden van deel 1 zijn opgeslagen." in tekst
    plan = onderzocht.plan
    assert list(plan.resultaatgebieden.values_list("domein", "beoogd_resultaat")) == [
        ("tijdsbesteding", data["rg-0-beoogd_resultaat"]),
        ("financien", data["rg-1-beoogd_resultaat"]),
    ]
    # The form moved on to the profile; the plan shows both result areas ...
    assert "Scoor de vijf criteria" in tekst
    assert f'<th scope="row">Tijdsbesteding</th><td>{data["rg-0-beoogd_resultaat"]}</td>' in tekst
    assert f'<th scope="row">Financiën</th><td>{data["rg-1-beoogd_resultaat"]}</td>' in tekst
    # ... and the form, opened again, shows what was posted.
    bewerk = client.get(url + "?bewerk=resultaten")
    zonder = ("rg-TOTAL_FORMS", "rg-INITIAL_FORMS")
    assert getoond(bewerk, data, *zonder, stap="resultaten") == verstuurd(data, *zonder)


@pytest.fixture
def met_resultaten(onderzocht, consulent):
    return services.stel_plan_deel_1_op(
        onderzocht,
        resultaatgebieden=[ResultaatgebiedInvoer("tijdsbesteding", "Zinvolle dagbesteding")],
        acting_user=consulent,
    )


def test_profiel_bewaart_elk_veld(client, consulent, met_resultaten):
    scores = {
        "veiligheid": "C",
        "balans": "D",
        "afstand": "C",
        "zelfredzaamheid": "B",
        "cooperatie": "C",
    }
    data = {f"profiel-score_{c}": s for c, s in scores.items()} | {
        "stap": "profiel",
        "profiel-categorie": "3",
        "profiel-intensiteit": "intensief",
        "profiel-motivering": "Thuissituatie vraagt meer dan de tabel geeft.",
        "profiel-vervoer": "rolstoel",
        "profiel-kortdurend_verblijf_etmalen": "6",
    }
    als(client, consulent)
    url = f"/toegang/{met_resultaten.melding_id}/"

    antwoord = client.post(url, data, follow=True)

    tekst = html(antwoord)
    assert "Het profiel is vastgelegd: Categorie 3, intensief." in tekst
    plan = met_resultaten
    plan.refresh_from_db()
    assert plan.scores == scores
    assert (
        plan.categorie,
        plan.intensiteit,
        plan.afwijking_motivering,
        plan.vervoer,
        plan.kortdurend_verblijf_etmalen,
    ) == (3, "intensief", data["profiel-motivering"], "rolstoel", 6)
    # The form moved on to the consent; the plan shows the profile ...
    assert "<h3>Ondertekening en toestemming</h3>" in tekst
    assert "<dt>Profiel</dt><dd>Categorie 3, intensief (berekend: categorie 2" in tekst
    assert (
        "Veiligheid van cliënt en omgeving: C · Balans beschermende en risicofactoren: D · "
        "Afstand tot het beoogde resultaat: C · Zelfredzaamheid van cliënt en netwerk: B · "
        "Coöperatie van cliënt en netwerk: C"
    ) in tekst
    assert f"<dt>Motivering afwijking</dt><dd>{data['profiel-motivering']}</dd>" in tekst
    assert "<dt>Vervoer</dt><dd>Rolstoelvervoer</dd>" in tekst
    assert "<dt>Kortdurend verblijf</dt><dd>6 etmalen per 4 weken</dd>" in tekst
    # ... and the form, opened again, shows what was posted.
    assert getoond(client.get(url + "?bewerk=profiel"), data, stap="profiel") == verstuurd(data)


def test_profiel_motivering_zonder_afwijking_wordt_geweigerd(client, consulent, met_resultaten):
    """A motivation belongs to a deviation: following the table, it is refused, not dropped."""
    data = {f"profiel-score_{c}": "B" for c in Criterium.values} | {
        "stap": "profiel",
        "profiel-categorie": "",
        "profiel-intensiteit": "",
        "profiel-motivering": "Een motivering die nergens bij hoort.",
        "profiel-vervoer": "geen",
        "profiel-kortdurend_verblijf_etmalen": "0",
    }

    antwoord = als(client, consulent).post(f"/toegang/{met_resultaten.melding_id}/", data)

    assert "Een motivering hoort bij een afwijking" in html(antwoord)
    met_resultaten.refresh_from_db()
    assert met_resultaten.categorie is None and met_resultaten.afwijking_motivering == ""


def test_toestemming_bewaart_elk_veld(client, consulent, plan_deel_1):
    data = {
        "stap": "toestemming",
        "toestemming-toestemming": "on",
        "toestemming-ondertekend_op": DEEL_1_GETEKEND_OP,
    }
    als(client, consulent)
    url = f"/toegang/{plan_deel_1.melding_id}/"

    antwoord = client.post(url, data, follow=True)

    tekst = html(antwoord)
    assert "De ondertekening en de toestemming om te delen zijn vastgelegd." in tekst
    plan_deel_1.refresh_from_db()
    assert (plan_deel_1.toestemming_delen, plan_deel_1.deel_1_ondertekend_op) == (
        True,
        DEEL_1_GETEKEND_OP,
    )
    # The form moved on to the order; the progress line shows the signature and consent ...
    assert "Stap 5: aanbieder kiezen en opdracht voor deel 2" in tekst
    assert f"ondertekend op {d(DEEL_1_GETEKEND_OP)}, toestemming om te delen" in tekst
    # ... and the form, opened again, shows what was posted.
    bewerk = client.get(url + "?bewerk=toestemming")
    assert getoond(bewerk, data, stap="toestemming") == verstuurd(data)


def test_opdracht_bewaart_elk_veld(client, consulent, plan_deel_1, aanbieder, product):
    tweede = ProductFactory(productcode="02A02", naam="Begeleiding groep")
    ContractregelFactory(
        contract=product.contractregels.get().contract, product=tweede, eenheid="04"
    )
    services.leg_toestemming_vast(
        plan_deel_1, toestemming=True, ondertekend_op=DEEL_1_GETEKEND_OP, acting_user=consulent
    )
    data = {
        "stap": "opdracht",
        "opdracht-producten": [product.pk, tweede.pk],
        "opdracht-aanbieder": aanbieder.pk,
    }

    antwoord = als(client, consulent).post(f"/toegang/{plan_deel_1.melding_id}/", data, follow=True)

    tekst = html(antwoord)
    assert "Zorggroep Test heeft de opdracht voor deel 2 gekregen." in tekst
    plan_deel_1.refresh_from_db()
    assert plan_deel_1.aanbieder == aanbieder
    assert set(plan_deel_1.producten.all()) == {product, tweede}
    # The form is gone (step 6); the plan shows the aanbieder and both products.
    assert "Stap 6: deel 2 door de aanbieder" in tekst
    assert "<dt>Aanbieder</dt><dd>Zorggroep Test</dd>" in tekst
    producten = "; ".join(str(p) for p in plan_deel_1.producten.all())
    assert f"<dt>Producten</dt><dd>{producten}</dd>" in tekst


# Step 6: part 2 by the aanbieder ----------------------------------------------------------------


def test_deel_2_bewaart_elk_veld(client, medewerker, opdracht, product):
    onder = AanbiederFactory(naam="Buurtteam Onder")
    Onderaanneming.objects.create(
        contract=product.contractregels.get().contract,
        onderaannemer=onder,
        begindatum=date(2026, 1, 1),
        status=OnderaannemingStatus.GOEDGEKEURD,
    )
    gebied = opdracht.resultaatgebieden.get()
    p = f"rg{gebied.pk}-"
    startdatum = VANDAAG + timedelta(days=7)
    data = {
        "actie": "deel2",
        f"{p}aard": "monitoring",
        f"{p}activiteiten": "Wekelijks gesprek over de dagbesteding.",
        f"{p}frequentie": "1 keer per week 45 minuten",
        f"{p}startdatum": startdatum,
        f"{p}onderaannemers": [onder.pk],
    }
    als(client, medewerker)
    url = f"/toegang/plannen/{opdracht.pk}/"

    antwoord = client.post(url, data, follow=True)

    assert "Deel 2 is opgeslagen." in html(antwoord)
    assert antwoord.redirect_chain == [(url, 302)]
    gebied.refresh_from_db()
    assert (gebied.aard, gebied.activiteiten, gebied.frequentie, gebied.startdatum) == (
        "monitoring",
        data[f"{p}activiteiten"],
        data[f"{p}frequentie"],
        startdatum,
    )
    assert list(gebied.onderaannemers.all()) == [onder]
    # The reloaded form and the plan table show what was posted.
    assert getoond(antwoord, data, actie="deel2") == verstuurd(data)
    assert (
        f"<strong>Monitoring</strong>: {data[f'{p}activiteiten']}<br>"
        f"{data[f'{p}frequentie']}, vanaf {d(startdatum)}<br>Onderaannemers: Buurtteam Onder"
    ) in html(antwoord)


def test_gereed_melden_bewaart_elk_veld(client, medewerker, consulent, opdracht):
    services.vul_deel_2_in(
        opdracht,
        resultaatgebieden=[
            Deel2Invoer(
                opdracht.resultaatgebieden.get(), "activering", "Dagbesteding", "2x", VANDAAG
            )
        ],
        acting_user=medewerker,
    )
    client_op, aanbieder_op = VANDAAG - timedelta(days=3), VANDAAG - timedelta(days=2)
    data = {
        "actie": "gereed",
        "gereed-client_ondertekend_op": client_op,
        "gereed-aanbieder_ondertekend_op": aanbieder_op,
    }

    antwoord = als(client, medewerker).post(f"/toegang/plannen/{opdracht.pk}/", data, follow=True)

    opdracht.refresh_from_db()
    assert (
        opdracht.client_ondertekend_op,
        opdracht.aanbieder_ondertekend_op,
        opdracht.deel_2_gereed_op,
    ) == (client_op, aanbieder_op, VANDAAG)
    # The form is gone: the aanbieder's page says when part 2 was ready ...
    assert f"Deel 2 is gereed gemeld op {d(VANDAAG)}." in html(antwoord)
    # ... and the consulent's step 7 shows both signatures.
    zaak = html(als(client, consulent).get(f"/toegang/{opdracht.melding_id}/"))
    assert (
        f"(ondertekend door de cliënt op {d(client_op)}, door de aanbieder op {d(aanbieder_op)})"
    ) in zaak


# Step 7: back to the aanbieder ----------------------------------------------------------------


def test_terugsturen_bewaart_de_reden(client, consulent, medewerker, gereed):
    data = {"stap": "terug", "terug-reden": "Het resultaat voor tijdsbesteding ontbreekt."}

    antwoord = als(client, consulent).post(f"/toegang/{gereed.melding_id}/", data, follow=True)

    gereed.refresh_from_db()
    assert (gereed.status, gereed.teruggestuurd_reden) == (
        PlanStatus.TERUGGESTUURD,
        data["terug-reden"],
    )
    # The form is gone (step 6 again): the case and the aanbieder's page show the reason.
    assert f"Teruggestuurd met als reden: {data['terug-reden']}" in html(antwoord)
    opdracht = html(als(client, medewerker).get(f"/toegang/plannen/{gereed.pk}/"))
    assert f"De consulent stuurde het plan terug: {data['terug-reden']}" in opdracht


# Step 9: the beschikking -----------------------------------------------------------------------


def test_beschikking_bewaart_elk_veld(client, backoffice, gemeente, akkoord, product):
    gemeente.open_beschikkingen = True
    gemeente.save(update_fields=["open_beschikkingen"])
    ingang = VANDAAG + timedelta(days=14)
    einde = ingang + timedelta(days=200)
    data = {
        f"volume_{product.pk}": "7",
        "ingangsdatum": ingang,
        "duur": "anders",
        "einddatum": einde,
        "motivering": "Begeleiding is nodig om de dagbesteding vol te houden.",
        "open_beschikking": "on",
    }
    als(client, backoffice)
    formulier = html(client.get(f"/toegang/aanvragen/{akkoord.pk}/"))
    assert all(f'name="{naam}"' in formulier for naam in data)  # every field is offered

    antwoord = client.post(f"/toegang/aanvragen/{akkoord.pk}/", data, follow=True)

    beschikking = Beschikking.objects.get()
    assert (
        beschikking.ingangsdatum,
        beschikking.duur,
        beschikking.einddatum,
        beschikking.motivering,
        beschikking.open,
    ) == (ingang, "anders", einde, data["motivering"], True)
    assert list(beschikking.producten.values_list("product", "volume")) == [(product.pk, 7)]
    # The form is gone: the beschikking page shows every value.
    tekst = html(antwoord)
    assert antwoord.redirect_chain == [(f"/toegang/beschikkingen/{beschikking.pk}/", 302)]
    assert "<dt>Soort</dt><dd>Open beschikking" in tekst
    assert f"<dt>Periode</dt><dd>{d(ingang)} tot en met {d(einde)} (Andere einddatum)</dd>" in tekst
    assert f"<dt>Motivering</dt><dd>{data['motivering']}</dd>" in tekst
    assert f'<td>{product}</td><td class="getal">7</td>' in tekst


def test_beschikking_einddatum_bij_vaste_duur_wordt_geweigerd(client, backoffice, akkoord, product):
    """An einddatum counts only with 'Andere einddatum': with a fixed duration it is refused,
    not silently replaced by the computed one."""
    data = {
        f"volume_{product.pk}": "4",
        "ingangsdatum": VANDAAG,
        "duur": "1j",
        "einddatum": VANDAAG + timedelta(days=100),
        "motivering": "Nodig.",
    }

    antwoord = als(client, backoffice).post(f"/toegang/aanvragen/{akkoord.pk}/", data)

    assert "Een eigen einddatum geldt alleen bij" in html(antwoord)
    assert not Beschikking.objects.exists()
