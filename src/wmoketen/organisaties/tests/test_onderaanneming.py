"""Onderaanneming: the hoofdaannemer requests, the gemeente's contract manager decides (004)."""

import importlib
from datetime import date
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError

from wmoketen.accounts.constants import Rol
from wmoketen.audit.models import AuditRegel
from wmoketen.factories import (
    AanbiederFactory,
    ContractFactory,
    GebruikerFactory,
    GemeenteFactory,
)
from wmoketen.gedeeld.werklijst import werklijst
from wmoketen.meldingen.models import Notificatie
from wmoketen.organisaties import services
from wmoketen.organisaties.constants import OnderaannemingStatus
from wmoketen.organisaties.models import Aanbieder, Contract, Onderaanneming
from wmoketen.toegang.forms import Deel2Form
from wmoketen.toewijzingen.levering import mag_registreren
from wmoketen.toewijzingen.models import AanbiederToewijzing, _hoofdaannemers_van

BEGIN = date(2026, 2, 1)


@pytest.fixture
def contract(db):
    return ContractFactory(
        kenmerk="ALM-1",
        gemeente=GemeenteFactory(naam="Almere", gemeentecode="0034"),
        aanbieder=AanbiederFactory(naam="Hoofdzorg"),
        begindatum=date(2026, 1, 1),
        einddatum=date(2026, 12, 31),
    )


@pytest.fixture
def onder(db):
    return AanbiederFactory(naam="Onderzorg")


@pytest.fixture
def aanvrager(contract):
    return GebruikerFactory(organisatie=contract.aanbieder, rol=Rol.AANBIEDER)


@pytest.fixture
def manager(contract):
    return GebruikerFactory(organisatie=contract.gemeente, rol=Rol.CONTRACTMANAGER)


def vraag(contract, onder, acting_user, **kwargs):
    kwargs.setdefault("begindatum", BEGIN)
    return services.vraag_onderaanneming_aan(
        contract, onderaannemer=onder, acting_user=acting_user, **kwargs
    )


def telt_mee(contract, onder) -> dict:
    """Every place an onderaanneming is used, seen from the onderaannemer."""
    resultaatgebied = SimpleNamespace(
        pk=1,
        aard="",
        activiteiten="",
        frequentie="",
        startdatum=None,
        onderaannemers=SimpleNamespace(all=list),
    )
    form = Deel2Form(resultaatgebied=resultaatgebied, aanbieder=contract.aanbieder)
    keuzes = list(form.fields["onderaannemers"].queryset) if "onderaannemers" in form.fields else []
    medewerker = GebruikerFactory(organisatie=onder, rol=Rol.AANBIEDER)
    return {
        "contract zichtbaar": Contract.objects.voor_organisatie(onder).exists(),
        "toewijzingen": Aanbieder.objects.filter(pk__in=_hoofdaannemers_van(onder)).exists(),
        "registreren": mag_registreren(
            medewerker, AanbiederToewijzing(aanbieder=contract.aanbieder)
        ),
        "plan deel 2": onder in keuzes,
    }


def test_aanvraag_telt_pas_mee_na_goedkeuring(contract, onder, aanvrager, manager):
    onderaanneming = vraag(contract, onder, aanvrager, omschrijving="Dagbesteding in Buiten")

    assert onderaanneming.status == OnderaannemingStatus.AANGEVRAAGD
    assert onderaanneming.aangevraagd_door == aanvrager and onderaanneming.aangevraagd_op
    assert not any(telt_mee(contract, onder).values())
    assert AuditRegel.objects.filter(actie="onderaanneming.aangevraagd").count() == 1

    services.beoordeel_onderaanneming(onderaanneming, goedgekeurd=True, acting_user=manager)

    onderaanneming.refresh_from_db()
    assert onderaanneming.status == OnderaannemingStatus.GOEDGEKEURD
    assert onderaanneming.beoordeeld_door == manager and onderaanneming.beoordeeld_op
    assert all(telt_mee(contract, onder).values())
    regel = AuditRegel.objects.get(actie="onderaanneming.goedgekeurd")
    assert regel.wijzigingen == {"status": ["aangevraagd", "goedgekeurd"]}
    assert Notificatie.objects.get(ontvanger=aanvrager).titel.startswith(
        "Onderaanneming goedgekeurd"
    )


def test_afgewezen_telt_niet_mee_en_mag_opnieuw(contract, onder, aanvrager, manager):
    eerste = vraag(contract, onder, aanvrager)

    with pytest.raises(ValidationError, match="toelichting"):
        services.beoordeel_onderaanneming(eerste, goedgekeurd=False, acting_user=manager)
    eerste.refresh_from_db()
    assert eerste.status == OnderaannemingStatus.AANGEVRAAGD

    services.beoordeel_onderaanneming(
        eerste, goedgekeurd=False, toelichting="Biedt geen begeleiding", acting_user=manager
    )
    eerste.refresh_from_db()
    assert eerste.status == OnderaannemingStatus.AFGEWEZEN
    assert eerste.toelichting == "Biedt geen begeleiding"
    assert not any(telt_mee(contract, onder).values())

    tweede = vraag(contract, onder, aanvrager)  # a refusal does not block a new request
    assert tweede.pk != eerste.pk and tweede.status == OnderaannemingStatus.AANGEVRAAGD


def test_niet_twee_keer_beoordelen(contract, onder, aanvrager, manager):
    onderaanneming = vraag(contract, onder, aanvrager)
    services.beoordeel_onderaanneming(onderaanneming, goedgekeurd=True, acting_user=manager)

    with pytest.raises(ValidationError, match="al beslist"):
        services.beoordeel_onderaanneming(
            onderaanneming, goedgekeurd=False, toelichting="Toch niet", acting_user=manager
        )
    onderaanneming.refresh_from_db()
    assert onderaanneming.status == OnderaannemingStatus.GOEDGEKEURD


@pytest.mark.parametrize("wie", ["andere gemeente", "backoffice", "aanbieder", "onderaannemer"])
def test_alleen_de_contractmanager_van_de_gemeente_beoordeelt(contract, onder, aanvrager, wie):
    onderaanneming = vraag(contract, onder, aanvrager)
    organisatie, rol = {
        "andere gemeente": (GemeenteFactory(), Rol.CONTRACTMANAGER),
        "backoffice": (contract.gemeente, Rol.BACKOFFICE),
        "aanbieder": (contract.aanbieder, [Rol.AANBIEDER, Rol.CONTRACTMANAGER]),
        "onderaannemer": (onder, Rol.FUNCTIONEEL_BEHEERDER),
    }[wie]
    gebruiker = GebruikerFactory(organisatie=organisatie, rol=rol)

    with pytest.raises(PermissionDenied):
        services.beoordeel_onderaanneming(onderaanneming, goedgekeurd=True, acting_user=gebruiker)
    onderaanneming.refresh_from_db()
    assert onderaanneming.status == OnderaannemingStatus.AANGEVRAAGD
    assert not AuditRegel.objects.filter(actie="onderaanneming.goedgekeurd").exists()


def test_contractmanager_van_een_regiogemeente_beoordeelt(onder):
    almere, lelystad = GemeenteFactory(), GemeenteFactory()
    regio = services.registreer_regio(
        naam="Flevoland", gemeenten=[almere, lelystad], acting_user=None
    )
    contract = ContractFactory(gemeente=None, regio=regio)
    onderaanneming = vraag(contract, onder, None)
    manager = GebruikerFactory(organisatie=lelystad, rol=Rol.CONTRACTMANAGER)

    services.beoordeel_onderaanneming(onderaanneming, goedgekeurd=True, acting_user=manager)

    onderaanneming.refresh_from_db()
    assert onderaanneming.is_goedgekeurd


@pytest.mark.parametrize(
    "organisatie, rol",
    [("gemeente", Rol.CONTRACTMANAGER), ("onder", Rol.AANBIEDER), ("hoofd", Rol.BACKOFFICE)],
)
def test_alleen_de_hoofdaannemer_vraagt_aan(contract, onder, organisatie, rol):
    eigen = {"gemeente": contract.gemeente, "onder": onder, "hoofd": contract.aanbieder}
    gebruiker = GebruikerFactory(organisatie=eigen[organisatie], rol=rol)

    with pytest.raises(PermissionDenied):
        vraag(contract, onder, gebruiker)
    assert not Onderaanneming.objects.exists()


def test_functioneel_beheerder_van_de_hoofdaannemer_vraagt_aan(contract, onder):
    beheerder = GebruikerFactory(organisatie=contract.aanbieder, rol=Rol.FUNCTIONEEL_BEHEERDER)
    assert vraag(contract, onder, beheerder).status == OnderaannemingStatus.AANGEVRAAGD


@pytest.mark.parametrize(
    "kwargs, fout",
    [
        ({"begindatum": date(2025, 12, 1)}, "buiten de looptijd"),
        ({"begindatum": date(2027, 1, 1)}, "buiten de looptijd"),
        ({"einddatum": date(2027, 3, 1)}, "na het einde van het contract"),
        ({"einddatum": date(2026, 1, 15)}, "vóór de begindatum"),
        ({"begindatum": None}, "Vul de begindatum"),
    ],
)
def test_periode_binnen_het_contract(contract, onder, aanvrager, kwargs, fout):
    with pytest.raises(ValidationError, match=fout):
        vraag(contract, onder, aanvrager, **kwargs)
    assert not Onderaanneming.objects.exists()


def test_geen_dubbele_aanvraag_en_niet_zichzelf(contract, onder, aanvrager, manager):
    services.beoordeel_onderaanneming(
        vraag(contract, onder, aanvrager), goedgekeurd=True, acting_user=manager
    )
    with pytest.raises(ValidationError, match="al aangevraagd of goedgekeurd"):
        vraag(contract, onder, aanvrager)
    with pytest.raises(ValidationError, match="eigen onderaannemer"):
        vraag(contract, contract.aanbieder, aanvrager)
    assert Onderaanneming.objects.count() == 1


def test_bestaande_onderaannemingen_worden_goedgekeurd(contract, onder):
    """The data migration: what was registered before consent existed keeps working."""
    Onderaanneming.objects.create(contract=contract, onderaannemer=onder, begindatum=BEGIN)
    migratie = importlib.import_module(
        "wmoketen.organisaties.migrations.0004_bestaande_onderaannemingen_goedgekeurd"
    )

    migratie.keur_bestaande_goed(apps, None)

    assert Onderaanneming.objects.get().is_goedgekeurd
    assert all(telt_mee(contract, onder).values())


# Screens and worklist --------------------------------------------------------------------


def test_aanvragen_en_beoordelen_op_de_contractpagina(client, contract, onder, aanvrager, manager):
    url = f"/organisaties/contracten/{contract.pk}/"
    client.force_login(aanvrager)
    assert "Onderaannemer aanvragen" in client.get(url).content.decode()

    antwoord = client.post(
        f"{url}onderaanneming/",
        {"onderaannemer": onder.pk, "begindatum": "2026-02-01", "omschrijving": "Dagbesteding"},
    )
    assert antwoord.status_code == 302
    onderaanneming = Onderaanneming.objects.get()
    assert onderaanneming.status == OnderaannemingStatus.AANGEVRAAGD

    client.force_login(manager)
    [item] = [i for i in werklijst(manager) if i.soort == "Onderaannemingen te beoordelen"]
    assert item.url.startswith(url) and "Onderzorg" in item.titel
    html = client.get(url).content.decode()
    assert "Besluit vastleggen" in html and "Onderaannemer aanvragen" not in html

    beoordelen = f"/organisaties/onderaannemingen/{onderaanneming.pk}/beoordelen/"
    assert client.post(beoordelen, {"besluit": "goedkeuren"}).status_code == 302
    onderaanneming.refresh_from_db()
    assert onderaanneming.status == OnderaannemingStatus.GOEDGEKEURD
    assert not [i for i in werklijst(manager) if i.soort == "Onderaannemingen te beoordelen"]

    antwoord = client.post(beoordelen, {"besluit": "afwijzen", "toelichting": "x"}, follow=True)
    assert "Op deze aanvraag is al beslist." in antwoord.content.decode()


def test_aanvraag_met_fout_toont_de_melding(client, contract, aanvrager):
    client.force_login(aanvrager)
    antwoord = client.post(
        f"/organisaties/contracten/{contract.pk}/onderaanneming/",
        {"onderaannemer": AanbiederFactory().pk, "begindatum": "2025-06-01"},
    )
    assert antwoord.status_code == 400
    assert "buiten de looptijd van het contract" in antwoord.content.decode()
    assert not Onderaanneming.objects.exists()


def test_onderaannemer_ziet_alleen_goedgekeurde(client, contract, onder, aanvrager, manager):
    ander = AanbiederFactory(naam="Afgewezen Zorg")
    services.beoordeel_onderaanneming(
        vraag(contract, onder, aanvrager), goedgekeurd=True, acting_user=manager
    )
    services.beoordeel_onderaanneming(
        vraag(contract, ander, aanvrager), goedgekeurd=False, toelichting="Nee", acting_user=manager
    )
    client.force_login(GebruikerFactory(organisatie=onder, rol=Rol.AANBIEDER))

    html = client.get(f"/organisaties/contracten/{contract.pk}/").content.decode()

    assert "Onderzorg" in html and "Afgewezen Zorg" not in html


def test_vreemde_contractmanager_krijgt_404(client, contract, onder, aanvrager):
    onderaanneming = vraag(contract, onder, aanvrager)
    client.force_login(GebruikerFactory(organisatie=GemeenteFactory(), rol=Rol.CONTRACTMANAGER))

    antwoord = client.post(
        f"/organisaties/onderaannemingen/{onderaanneming.pk}/beoordelen/", {"besluit": "goedkeuren"}
    )

    assert antwoord.status_code == 404
    onderaanneming.refresh_from_db()
    assert onderaanneming.status == OnderaannemingStatus.AANGEVRAAGD
