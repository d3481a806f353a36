"""The bank account of an aanbieder and of the gemeente: kept by the contract manager,
validated with schwifty, audited with the IBAN masked."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from wmoketen.accounts.constants import Rol
from wmoketen.audit.models import AuditRegel
from wmoketen.factories import AanbiederFactory, ContractFactory, GebruikerFactory, GemeenteFactory
from wmoketen.organisaties.betaalgegevens import wijzig_betaalgegevens
from wmoketen.organisaties.models import Regio
from wmoketen.organisaties.rekening import maskeer

IBAN = "NL44RABO0123456789"


@pytest.fixture
def partijen(db):
    weert = GemeenteFactory(naam="Weert", gemeentecode="0988")
    maasland = AanbiederFactory(naam="Zorggroep Maasland", agb_code="73730101")
    ContractFactory(gemeente=weert, aanbieder=maasland)
    manager = GebruikerFactory(organisatie=weert, rol=Rol.CONTRACTMANAGER)
    return weert, maasland, manager


def test_contractmanager_legt_iban_vast_bic_afgeleid_en_gelogd_gemaskeerd(partijen):
    weert, maasland, manager = partijen

    rij = wijzig_betaalgegevens(
        maasland,
        iban="nl44 rabo 0123 4567 89",
        rekeninghouder=" Stichting Zorggroep Maasland ",
        acting_user=manager,
    )

    rij.refresh_from_db()
    assert (rij.iban, rij.bic, rij.rekeninghouder) == (
        IBAN,
        "RABONL2U",
        "Stichting Zorggroep Maasland",
    )
    regel = AuditRegel.objects.get(actie="organisatie.betaalgegevens_gewijzigd")
    assert regel.wijzigingen["iban"] == ["", "NL44…6789"]
    assert regel.wijzigingen["bic"] == ["", "RABONL2U"]
    assert IBAN not in regel.omschrijving and "NL44…6789" in regel.omschrijving
    # The same values again: nothing to change, nothing logged.
    wijzig_betaalgegevens(
        maasland, iban=IBAN, bic="RABONL2U", rekeninghouder=rij.rekeninghouder, acting_user=manager
    )
    assert AuditRegel.objects.filter(actie="organisatie.betaalgegevens_gewijzigd").count() == 1


@pytest.mark.parametrize(
    "velden, veld, fout",
    [
        ({"iban": "NL44RABO0123456780"}, "iban", "NL44RABO0123456780 is geen geldig IBAN"),
        ({"iban": "NL44RABO01234"}, "iban", "is geen geldig IBAN"),
        ({"iban": IBAN, "bic": "RABO2U"}, "bic", "RABO2U is geen geldige BIC"),
        ({"iban": IBAN, "rekeninghouder": ""}, "rekeninghouder", "Vul in op wiens naam"),
        ({"iban": "", "bic": "RABONL2U"}, "iban", "Vul het IBAN in bij de BIC."),
    ],
)
def test_fout_geweigerd_en_niets_veranderd(partijen, velden, veld, fout):
    weert, maasland, manager = partijen
    velden = {"rekeninghouder": "Zorggroep", "bic": "", **velden}

    with pytest.raises(ValidationError) as e:
        wijzig_betaalgegevens(maasland, acting_user=manager, **velden)

    assert fout in " ".join(e.value.message_dict[veld])
    maasland.refresh_from_db()
    assert (maasland.iban, maasland.bic) == ("", "")
    assert not AuditRegel.objects.filter(actie="organisatie.betaalgegevens_gewijzigd").exists()


def test_maskeer():
    assert maskeer(IBAN) == "NL44…6789" and maskeer("") == ""


@pytest.mark.parametrize("wie", ["zonder_contract", "backoffice", "aanbieder"])
def test_alleen_de_contractmanager_van_een_contractpartij(partijen, wie):
    weert, maasland, manager = partijen
    organisatie, rol = {
        "zonder_contract": (
            GemeenteFactory(naam="Leudal", gemeentecode="1640"),
            Rol.CONTRACTMANAGER,
        ),
        "backoffice": (weert, Rol.BACKOFFICE),
        "aanbieder": (maasland, Rol.FUNCTIONEEL_BEHEERDER),
    }[wie]
    with pytest.raises(PermissionDenied):
        wijzig_betaalgegevens(
            maasland,
            iban=IBAN,
            rekeninghouder="X",
            acting_user=GebruikerFactory(organisatie=organisatie, rol=rol),
        )
    maasland.refresh_from_db()
    assert maasland.iban == ""


def test_regio_contract_telt_en_gemeente_beheert_eigen_rekening(partijen):
    weert, maasland, manager = partijen
    leudal = GemeenteFactory(naam="Leudal", gemeentecode="1640")
    mlw = Regio.objects.create(naam="Midden-Limburg West")
    mlw.gemeenten.set([weert, leudal])
    ander = AanbiederFactory(naam="Begeleiding Op Maat", agb_code="73730202")
    ContractFactory(gemeente=None, regio=mlw, aanbieder=ander)
    leudal_manager = GebruikerFactory(organisatie=leudal, rol=Rol.CONTRACTMANAGER)
    wijzig_betaalgegevens(ander, iban=IBAN, rekeninghouder="BOM", acting_user=leudal_manager)
    beheerder = GebruikerFactory(organisatie=weert, rol=Rol.FUNCTIONEEL_BEHEERDER)
    wijzig_betaalgegevens(
        weert, iban="NL14BNGH0285001234", rekeninghouder="Gemeente Weert", acting_user=beheerder
    )
    weert.refresh_from_db()
    assert (weert.iban, weert.bic) == ("NL14BNGH0285001234", "BNGHNL2G")
    with pytest.raises(PermissionDenied):  # Weert's account is Weert's business
        wijzig_betaalgegevens(weert, iban=IBAN, rekeninghouder="X", acting_user=leudal_manager)


def test_pagina_formulier_en_detail(client, partijen):
    weert, maasland, manager = partijen
    client.force_login(manager)
    detail = client.get(reverse("organisaties:detail", args=[maasland.pk])).content.decode()
    assert "Betaalgegevens wijzigen" in detail and "Nog geen rekening vastgelegd" in detail
    url = reverse("organisaties:betaalgegevens_wijzigen", args=[maasland.pk])
    fout = client.post(url, {"iban": "NL44RABO0123456780", "rekeninghouder": "Maasland"})
    assert fout.status_code == 400 and "is geen geldig IBAN" in fout.content.decode()
    antwoord = client.post(
        url, {"iban": IBAN, "bic": "", "rekeninghouder": "Maasland"}, follow=True
    )
    pagina = antwoord.content.decode()
    assert "De betaalgegevens van Zorggroep Maasland zijn opgeslagen." in pagina
    assert IBAN in pagina and "RABONL2U" in pagina


def test_andere_gemeente_ziet_de_rekening_niet_en_krijgt_404(client, partijen):
    weert, maasland, manager = partijen
    wijzig_betaalgegevens(maasland, iban=IBAN, rekeninghouder="Maasland", acting_user=manager)
    leudal = GemeenteFactory(naam="Leudal", gemeentecode="1640")
    client.force_login(GebruikerFactory(organisatie=leudal, rol=Rol.CONTRACTMANAGER))
    assert (
        IBAN not in client.get(reverse("organisaties:detail", args=[maasland.pk])).content.decode()
    )
    url = reverse("organisaties:betaalgegevens_wijzigen", args=[maasland.pk])
    assert client.get(url).status_code == 404
    assert (
        client.post(url, {"iban": "NL14BNGH0285001234", "rekeninghouder": "X"}).status_code == 404
    )
    maasland.refresh_from_db()
    assert maasland.iban == IBAN
    # The aanbieder itself reads its own account.
    client.force_login(GebruikerFactory(organisatie=maasland, rol=Rol.AANBIEDER))
    assert IBAN in client.get(reverse("organisaties:detail", args=[maasland.pk])).content.decode()
