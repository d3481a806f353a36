from wmoketen.accounts.constants import Rol
from wmoketen.audit.models import AuditRegel
from wmoketen.factories import ClientFactory, GebruikerFactory, ProductFactory


def test_beheer_alleen_voor_functioneel_beheerder(client, consulent, beheerder):
    client.force_login(consulent)
    assert client.get("/beheer/").status_code == 302  # to the login page

    client.force_login(beheerder)
    assert client.get("/beheer/").status_code == 200


def test_beheerder_ziet_alleen_gebruikers_van_eigen_organisatie(client, beheerder, andere_gemeente):
    GebruikerFactory(username="collega", organisatie=beheerder.organisatie)
    GebruikerFactory(username="vreemde", organisatie=andere_gemeente)
    client.force_login(beheerder)

    html = client.get("/beheer/accounts/gebruiker/").content.decode()

    assert "collega" in html and "vreemde" not in html


def test_nieuwe_gebruiker_krijgt_organisatie_van_de_beheerder(client, beheerder):
    client.force_login(beheerder)

    client.post(
        "/beheer/accounts/gebruiker/add/",
        {
            "username": "nieuw",
            "password1": "Een-lang-wachtwoord-7",
            "password2": "Een-lang-wachtwoord-7",
            "usable_password": "true",
        },
    )

    nieuw = beheerder.__class__.objects.get(username="nieuw")
    assert nieuw.organisatie_id == beheerder.organisatie_id
    assert AuditRegel.objects.filter(actie="gebruiker.toegevoegd").count() == 1


def test_clientdossier_in_beheer_is_alleen_lezen_en_wordt_gelogd(client, beheerder):
    dossier = ClientFactory(organisatie=beheerder.organisatie)
    client.force_login(beheerder)

    antwoord = client.get(f"/beheer/clienten/client/{dossier.pk}/change/")

    assert antwoord.status_code == 200
    assert antwoord.context["has_change_permission"] is False
    assert AuditRegel.objects.filter(actie="client.gelezen", client_id=dossier.pk).count() == 1


def test_productcatalogus_wordt_door_gemeente_beheerd_niet_door_aanbieder(
    client, beheerder, aanbieder
):
    product = ProductFactory()
    beheerder_aanbieder = GebruikerFactory(organisatie=aanbieder, rol=Rol.FUNCTIONEEL_BEHEERDER)

    client.force_login(beheerder_aanbieder)
    client.post(f"/beheer/producten/product/{product.pk}/delete/", {"post": "yes"})
    assert product.__class__.objects.filter(pk=product.pk).exists()

    client.force_login(beheerder)
    client.post(f"/beheer/producten/product/{product.pk}/delete/", {"post": "yes"})
    assert not product.__class__.objects.filter(pk=product.pk).exists()
    assert AuditRegel.objects.filter(actie="product.verwijderd").count() == 1
