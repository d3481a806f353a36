"""The contract manager's screens; everyone else reads (issue #17, item 6)."""

from datetime import date, time
from decimal import Decimal

import pytest

from wmoketen.accounts.constants import Rol
from wmoketen.audit.models import AuditRegel
from wmoketen.factories import (
    AanbiederFactory,
    ClientFactory,
    ContractregelFactory,
    GebruikerFactory,
    GemeenteFactory,
    ProductFactory,
)
from wmoketen.organisaties.models import Contract, Contractregel, Tarief
from wmoketen.toewijzingen.models import Toewijzing

pytestmark = pytest.mark.usefixtures("vandaag_vast")  # today is 2026-12-04


@pytest.fixture
def regel(db):
    return ContractregelFactory(
        contract__kenmerk="WRT-1",
        contract__gemeente=GemeenteFactory(naam="Weert", gemeentecode="0988"),
        contract__aanbieder=AanbiederFactory(naam="Maasland"),
        contract__begindatum=date(2026, 1, 1),
        product=ProductFactory(productcode="02A01", naam="Begeleiding"),
    )


@pytest.fixture
def manager(client, regel):
    gebruiker = GebruikerFactory(organisatie=regel.contract.gemeente, rol=Rol.CONTRACTMANAGER)
    client.force_login(gebruiker)
    return gebruiker


def test_contractmanager_sluit_een_contract_vanaf_de_contractenlijst(client, manager):
    lijst = client.get("/organisaties/contracten/").content.decode()
    assert 'href="/organisaties/contracten/nieuw/"' in lijst
    aanbieder = AanbiederFactory(naam="Horst")

    antwoord = client.post(
        "/organisaties/contracten/nieuw/",
        {"kenmerk": "WRT-2", "aanbieder": aanbieder.pk, "begindatum": "2027-01-01"},
    )

    contract = Contract.objects.get(kenmerk="WRT-2")
    assert (
        antwoord.status_code == 302 and antwoord.url == f"/organisaties/contracten/{contract.pk}/"
    )
    assert (contract.gemeente_id, contract.aanbieder, contract.einddatum) == (
        manager.organisatie_id,
        aanbieder,
        None,
    )


def test_leeg_formulier_geeft_nederlandse_meldingen(client, manager):
    antwoord = client.post("/organisaties/contracten/nieuw/", {})

    html = antwoord.content.decode()
    assert antwoord.status_code == 400
    assert "novalidate" in html and html.count("Dit veld is vereist.") == 3
    assert Contract.objects.count() == 1


def test_einde_voor_begin_op_het_formulier(client, manager, regel):
    url = f"/organisaties/contracten/{regel.contract.pk}/wijzigen/"
    assert 'value="WRT-1"' in client.get(url).content.decode()

    antwoord = client.post(
        url, {"kenmerk": "WRT-1", "begindatum": "2026-01-01", "einddatum": "2025-01-01"}
    )

    assert antwoord.status_code == 400
    assert "De einddatum ligt vóór de begindatum." in antwoord.content.decode()
    regel.contract.refresh_from_db()
    assert regel.contract.einddatum is None and not AuditRegel.objects.exists()


def test_beeindigen_met_lopende_toewijzing_noemt_de_toewijzing(client, manager, regel):
    Toewijzing.objects.create(
        gemeente=regel.contract.gemeente,
        aanbieder=regel.contract.aanbieder,
        client=ClientFactory(organisatie=regel.contract.gemeente),
        wet="wmo",
        toewijzingnummer=1001,
        product=regel.product,
        ingangsdatum=date(2026, 11, 2),
        toewijzingsdatum=date(2026, 11, 2),
        toewijzingstijd=time(9, 0),
    )

    antwoord = client.post(
        f"/organisaties/contractregels/{regel.pk}/beeindigen/", {"einddatum": "2026-12-31"}
    )

    assert antwoord.status_code == 400
    assert "laat lopende toewijzingen zonder contract: 1001 (Weert" in antwoord.content.decode()
    regel.refresh_from_db()
    assert regel.einddatum is None


def test_product_toevoegen_en_tarief_wijzigen(client, manager, regel):
    pagina = client.get(f"/organisaties/contracten/{regel.contract.pk}/").content.decode()
    assert f'href="/organisaties/contracten/{regel.contract.pk}/producten/nieuw/"' in pagina
    assert f'href="/organisaties/contractregels/{regel.pk}/tarief/"' in pagina
    product = ProductFactory(productcode="01A01", naam="Huishouden", eenheid="14")

    client.post(
        f"/organisaties/contracten/{regel.contract.pk}/producten/nieuw/",
        {
            "product": product.pk,
            "uitvoeringsvariant": "outputgericht",
            "tarief": "142.00",
            "declaratieregel": "landelijk",
            "begindatum": "2026-07-01",
        },
    )
    antwoord = client.post(
        f"/organisaties/contractregels/{regel.pk}/tarief/",
        {"bedrag": "67.50", "ingangsdatum": "2027-01-01"},
        follow=True,
    )

    html = antwoord.content.decode()
    assert "Het tarief voor 02A01 Begeleiding is € 67,50 vanaf 01-01-2027." in html
    assert '€ 65,00 <span class="hulp">(01-01-2026 – 31-12-2026)</span>' in html
    assert '€ 67,50 <span class="hulp">(01-01-2027 – …)</span>' in html
    nieuw = Contractregel.objects.get(product=product)
    assert (nieuw.eenheid, nieuw.begindatum) == ("14", date(2026, 7, 1))
    assert [t.bedrag for t in nieuw.tarieven.all()] == [Decimal("142.00")]


def test_contract_van_een_andere_gemeente_is_niet_te_vinden(client, regel):
    andere = GebruikerFactory(organisatie=GemeenteFactory(), rol=Rol.CONTRACTMANAGER)
    client.force_login(andere)
    voor = list(Tarief.objects.values()), list(Contract.objects.values())

    for url in (
        f"/organisaties/contracten/{regel.contract.pk}/wijzigen/",
        f"/organisaties/contracten/{regel.contract.pk}/beeindigen/",
        f"/organisaties/contracten/{regel.contract.pk}/producten/nieuw/",
        f"/organisaties/contractregels/{regel.pk}/wijzigen/",
        f"/organisaties/contractregels/{regel.pk}/beeindigen/",
    ):
        assert client.get(url).status_code == 404, url
    antwoord = client.post(
        f"/organisaties/contractregels/{regel.pk}/tarief/",
        {"bedrag": "1.00", "ingangsdatum": "2027-01-01"},
    )

    assert antwoord.status_code == 404
    assert (list(Tarief.objects.values()), list(Contract.objects.values())) == voor


@pytest.mark.parametrize("partij", ["aanbieder", "consulent"])
def test_andere_rollen_lezen_alleen(client, regel, partij):
    gebruiker = (
        GebruikerFactory(organisatie=regel.contract.aanbieder, rol=Rol.AANBIEDER)
        if partij == "aanbieder"
        else GebruikerFactory(organisatie=regel.contract.gemeente, rol=Rol.TOEGANGSMEDEWERKER)
    )
    client.force_login(gebruiker)

    pagina = client.get(f"/organisaties/contracten/{regel.contract.pk}/").content.decode()
    antwoord = client.post(
        f"/organisaties/contractregels/{regel.pk}/tarief/",
        {"bedrag": "1.00", "ingangsdatum": "2027-01-01"},
    )

    assert "€ 65,00" in pagina and "Tarief wijzigen" not in pagina
    assert "Contract wijzigen" not in pagina and "Product toevoegen" not in pagina
    assert antwoord.status_code == 403
    assert regel.tarieven.count() == 1
