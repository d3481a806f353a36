from wmoketen.accounts.constants import Rol
from wmoketen.audit.models import AuditRegel
from wmoketen.factories import ClientFactory, GebruikerFactory, ProductFactory


def test_beheer_alleen_voor_functioneel_beheerder(client, consulent, beheerder):
    client.force_login(consulent)
    assert client.get("/beheer/").status_code == 403  # "Geen toegang", not the login page

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


def test_wachtwoord_komt_nooit_in_de_audittrail(client, beheerder):
    client.force_login(beheerder)
    wachtwoord = "Een-lang-wachtwoord-7"

    client.post(
        "/beheer/accounts/gebruiker/add/",
        {
            "username": "nieuw2",
            "password1": wachtwoord,
            "password2": wachtwoord,
            "usable_password": "true",
        },
    )
    nieuw = beheerder.__class__.objects.get(username="nieuw2")
    client.post(
        f"/beheer/accounts/gebruiker/{nieuw.pk}/password/",
        {
            "password1": "Nog-een-ander-wachtwoord-8",
            "password2": "Nog-een-ander-wachtwoord-8",
            "usable_password": "true",
        },
    )

    regels = AuditRegel.objects.all()
    assert {"gebruiker.toegevoegd", "gebruiker.wachtwoord_gewijzigd"} <= {r.actie for r in regels}
    assert not any(
        wachtwoord in str(r.wijzigingen) or "Nog-een" in str(r.wijzigingen) for r in regels
    )


def test_regio_is_in_beheer_alleen_te_lezen(client, beheerder, andere_gemeente):
    from wmoketen.organisaties.models import Regio

    regio = Regio.objects.create(naam="MLW")
    regio.gemeenten.add(andere_gemeente)
    client.force_login(beheerder)

    antwoord = client.post(
        f"/beheer/organisaties/regio/{regio.pk}/change/",
        {"naam": "MLW", "gemeenten": [beheerder.organisatie_id]},
    )

    assert antwoord.status_code == 403
    assert list(regio.gemeenten.values_list("pk", flat=True)) == [andere_gemeente.pk]


def test_bulkverwijderen_wordt_gelogd(client, beheerder):
    from datetime import date

    from wmoketen.termijnen.models import Sluitingsdag

    dag = Sluitingsdag.objects.create(
        gemeente=beheerder.organisatie.gemeente, datum=date(2026, 12, 28), omschrijving="Brugdag"
    )
    client.force_login(beheerder)

    client.post(
        "/beheer/termijnen/sluitingsdag/",
        {"action": "delete_selected", "_selected_action": [dag.pk], "post": "yes"},
    )

    assert not Sluitingsdag.objects.exists()
    assert AuditRegel.objects.filter(actie="sluitingsdag.verwijderd").count() == 1
