from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from wmoketen.accounts.constants import Rol
from wmoketen.audit.models import AuditRegel
from wmoketen.factories import (
    AanbiederFactory,
    ContractFactory,
    ContractregelFactory,
    GebruikerFactory,
    GemeenteFactory,
    ProductFactory,
)
from wmoketen.organisaties import services
from wmoketen.organisaties.models import Aanbieder, Contract, Contractregel, Gemeente


def test_gemeente_registreren_met_voorloopnul(db):
    almere = services.registreer_gemeente(naam="Almere", gemeentecode="0034", acting_user=None)

    assert Gemeente.objects.get().gemeentecode == "0034"
    assert almere.code == "0034" and almere.is_gemeente
    assert AuditRegel.objects.get().actie == "gemeente.geregistreerd"


@pytest.mark.parametrize("code", ["34", "00345", "12a4", "１２３４"])
def test_ongeldige_gemeentecode_wordt_geweigerd(db, code):
    with pytest.raises(ValidationError) as fout:
        services.registreer_gemeente(naam="Fout", gemeentecode=code, acting_user=None)

    assert "De CBS-gemeentecode moet uit precies 4 cijfers bestaan." in str(fout.value)
    assert not Gemeente.objects.exists()


@pytest.mark.parametrize("agb", ["1234567", "123456789", "1234567a"])
def test_ongeldige_agb_code_wordt_geweigerd(db, agb):
    with pytest.raises(ValidationError) as fout:
        services.registreer_aanbieder(naam="Fout", agb_code=agb, acting_user=None)

    assert "De AGB-code moet uit precies 8 cijfers bestaan." in fout.value.message_dict["agb_code"]
    assert not Aanbieder.objects.exists()
    assert not AuditRegel.objects.exists()


def test_ongeldig_kvk_nummer_wordt_geweigerd(db):
    with pytest.raises(ValidationError) as fout:
        services.registreer_aanbieder(
            naam="X", agb_code="12345678", kvk_nummer="123", acting_user=None
        )

    assert fout.value.message_dict["kvk_nummer"] == [
        "Het KvK-nummer moet uit precies 8 cijfers bestaan."
    ]


def test_dubbele_agb_code_wordt_geweigerd(db):
    services.registreer_aanbieder(naam="A", agb_code="12345678", acting_user=None)

    with pytest.raises(ValidationError):
        services.registreer_aanbieder(naam="B", agb_code="12345678", acting_user=None)

    assert Aanbieder.objects.count() == 1


def test_contract_hoort_bij_gemeente_of_regio_niet_beide(db):
    gemeente, aanbieder = GemeenteFactory(), AanbiederFactory()
    regio = services.registreer_regio(naam="R", gemeenten=[gemeente], acting_user=None)

    with pytest.raises(ValidationError) as fout:
        services.sluit_contract(
            kenmerk="K1",
            aanbieder=aanbieder,
            gemeente=gemeente,
            regio=regio,
            begindatum=date(2026, 1, 1),
            acting_user=None,
        )

    assert "Een contract hoort bij één gemeente óf één regio." in str(fout.value)
    assert not Contract.objects.exists()


def test_contractregel_neemt_eenheid_en_frequentie_van_het_product(db):
    contract = ContractFactory()
    product = ProductFactory(eenheid="14", frequentie="4")

    regel = services.voeg_contractregel_toe(
        contract,
        product=product,
        uitvoeringsvariant="outputgericht",
        tarief=Decimal("99.95"),
        declaratieregel="almere",
        acting_user=None,
    )

    assert (regel.eenheid, regel.frequentie) == ("14", "4")
    assert [(t.bedrag, t.ingangsdatum) for t in regel.tarieven.all()] == [
        (Decimal("99.95"), contract.begindatum)
    ]


def test_contractregel_met_negatief_tarief_wordt_geweigerd(db):
    with pytest.raises(ValidationError):
        services.voeg_contractregel_toe(
            ContractFactory(),
            product=ProductFactory(),
            uitvoeringsvariant="inspanningsgericht",
            tarief=Decimal("-1"),
            declaratieregel="landelijk",
            acting_user=None,
        )
    assert not Contractregel.objects.exists()


def test_contracten_zijn_zichtbaar_voor_alle_partijen_en_verder_niemand(db):
    gemeente, andere, aanbieder, onder, vreemd = (
        GemeenteFactory(),
        GemeenteFactory(),
        AanbiederFactory(),
        AanbiederFactory(),
        AanbiederFactory(),
    )
    regio = services.registreer_regio(naam="MLW", gemeenten=[gemeente, andere], acting_user=None)
    contract = ContractFactory(gemeente=None, regio=regio, aanbieder=aanbieder)
    onderaanneming = services.vraag_onderaanneming_aan(
        contract, onderaannemer=onder, begindatum=date(2026, 1, 1), acting_user=None
    )
    assert not Contract.objects.voor_organisatie(onder).exists()  # not before consent
    services.beoordeel_onderaanneming(onderaanneming, goedgekeurd=True, acting_user=None)

    for partij in (gemeente, andere, aanbieder, onder):
        assert list(Contract.objects.voor_organisatie(partij)) == [contract]
    assert not Contract.objects.voor_organisatie(vreemd).exists()
    assert not Contract.objects.voor_organisatie(GemeenteFactory()).exists()


def test_contractpagina_van_partij(client, db):
    contract = ContractFactory(kenmerk="MLW-1")
    ContractregelFactory(contract=contract, tarief=Decimal("61.25"))
    client.force_login(GebruikerFactory(organisatie=contract.aanbieder))

    html = client.get(f"/organisaties/contracten/{contract.pk}/").content.decode()

    assert "MLW-1" in html and "€ 61,25" in html and "04 – Uur" in html


def test_open_beschikkingen_instellen_wordt_gelogd(db):
    almere = GemeenteFactory(naam="Almere", gemeentecode="0034")
    assert not almere.open_beschikkingen  # the default: the gemeente allocates itself

    services.stel_open_beschikkingen_in(almere, open_beschikkingen=True, acting_user=None)

    almere.refresh_from_db()
    assert almere.open_beschikkingen
    regel = AuditRegel.objects.get(actie="gemeente.open_beschikkingen")
    assert regel.wijzigingen == {"open_beschikkingen": [False, True]}


def test_open_beschikkingen_op_de_gemeentepagina(client, db):
    weert = GemeenteFactory(naam="Weert", gemeentecode="0988", open_beschikkingen=True)
    almere = GemeenteFactory(naam="Almere", gemeentecode="0034")
    client.force_login(GebruikerFactory(organisatie=almere))

    assert (
        "Open beschikkingen</dt><dd>Ja" in client.get(f"/organisaties/{weert.pk}/").content.decode()
    )
    assert (
        "Open beschikkingen</dt><dd>Nee"
        in client.get(f"/organisaties/{almere.pk}/").content.decode()
    )


def test_beheerder_zet_open_beschikkingen_aan_in_beheer(client, db):
    weert = GemeenteFactory(naam="Weert", gemeentecode="0988")
    client.force_login(GebruikerFactory(organisatie=weert, rol=Rol.FUNCTIONEEL_BEHEERDER))
    url = f"/beheer/organisaties/gemeente/{weert.pk}/change/"
    assert 'name="open_beschikkingen"' in client.get(url).content.decode()

    client.post(url, {"naam": "Weert", "gemeentecode": "0988", "open_beschikkingen": "on"})

    weert.refresh_from_db()
    assert weert.open_beschikkingen
    assert AuditRegel.objects.filter(wijzigingen__has_key="open_beschikkingen").exists()


def test_open_beschikkingen_ongewijzigd_geeft_geen_auditregel(db):
    weert = GemeenteFactory(naam="Weert", gemeentecode="0988", open_beschikkingen=True)

    services.stel_open_beschikkingen_in(weert, open_beschikkingen=True, acting_user=None)

    assert not AuditRegel.objects.filter(actie="gemeente.open_beschikkingen").exists()
