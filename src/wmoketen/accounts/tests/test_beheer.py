import pytest
from django.contrib.contenttypes.models import ContentType

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


def _evaluatie(gemeente, aanbieder, beslisser):
    """An evaluation of the gemeente (a model in the beheer with a page of its own)."""
    from datetime import date

    from wmoketen.evaluaties.models import Evaluatie
    from wmoketen.toegang.models import Beschikking, Melding, Ondersteuningsplan
    from wmoketen.trajecten.models import Traject

    klant = ClientFactory(organisatie=gemeente)
    traject = Traject.objects.create(
        gemeente=gemeente,
        client=klant,
        nummer=f"T-{klant.pk}",
        onderwerp="Wonen",
        startdatum=date(2026, 1, 5),
    )
    melding = Melding.objects.create(
        gemeente=gemeente, client=klant, wet="wmo", kanaal="loket", ontvangen_op=date(2026, 1, 5)
    )
    beschikking = Beschikking.objects.create(
        plan=Ondersteuningsplan.objects.create(melding=melding),
        gemeente=gemeente,
        client=klant,
        aanbieder=aanbieder,
        wet="wmo",
        nummer=f"{klant.pk:09d}",
        dagtekening=date(2026, 2, 1),
        ingangsdatum=date(2026, 2, 1),
        einddatum=date(2027, 1, 31),
        motivering="m",
        bezwaarclausule="b",
        genomen_door=beslisser,
    )
    return Evaluatie.objects.create(
        traject=traject,
        beschikking=beschikking,
        gemeente=gemeente,
        aanbieder=aanbieder,
        soort="driemaandscheck",
        gepland_op=date(2026, 5, 1),
    )


def _bekijk_op_site(client, obj, pk=None):
    from django.contrib.contenttypes.models import ContentType

    ct = ContentType.objects.get_for_model(obj)
    return client.get(f"/beheer/r/{ct.pk}/{obj.pk if pk is None else pk}/")


def test_bekijk_op_site_verraadt_niet_welke_ids_bestaan(
    client, beheerder, andere_gemeente, aanbieder
):
    """Another organisation's object answers exactly like one that does not exist."""
    andermans = _evaluatie(andere_gemeente, aanbieder, beheerder)
    eigen = _evaluatie(beheerder.organisatie.gemeente, aanbieder, beheerder)
    client.force_login(beheerder)

    vreemd = _bekijk_op_site(client, andermans)
    onbekend = _bekijk_op_site(client, andermans, pk=andermans.pk + 1000)

    assert (vreemd.status_code, onbekend.status_code) == (404, 404)
    assert vreemd.templates[0].name == onbekend.templates[0].name == "404.html"
    assert _bekijk_op_site(client, andermans.traject).status_code == 404  # not in the beheer
    assert _bekijk_op_site(client, andermans, pk="x").status_code == 404
    antwoord = _bekijk_op_site(client, eigen)  # the admin's link still works for one's own
    assert antwoord.status_code == 302
    assert antwoord.url.endswith(f"/evaluaties/{eigen.pk}/")


def test_bekijk_op_site_alleen_voor_functioneel_beheerder(client, consulent, aanbieder):
    eigen = _evaluatie(consulent.organisatie.gemeente, aanbieder, consulent)
    client.force_login(consulent)

    assert _bekijk_op_site(client, eigen).status_code == 403


@pytest.mark.parametrize("query", ["geslachtsnaam=%00", "q=a%00b", "status%00=x"])
def test_nul_teken_in_filters_geeft_400_en_geen_500(client, beheerder, query):
    ClientFactory(organisatie=beheerder.organisatie)
    client.force_login(beheerder)

    antwoord = client.get(f"/beheer/clienten/client/?{query}")

    assert antwoord.status_code == 400
    assert "Ongeldige aanvraag" in antwoord.content.decode()


@pytest.mark.parametrize("gekozen", ["", "abc", "9" * 30])
def test_actie_met_ongeldige_selectie_geeft_melding_en_geen_500(client, beheerder, gekozen):
    collega = GebruikerFactory(organisatie=beheerder.organisatie)
    client.force_login(beheerder)

    antwoord = client.post(
        "/beheer/accounts/gebruiker/",
        {"action": "delete_selected", "_selected_action": [str(collega.pk), gekozen]},
        follow=True,
    )

    assert antwoord.status_code == 200
    assert "De selectie bevat een ongeldig nummer" in antwoord.content.decode()
    assert beheerder.__class__.objects.filter(pk=collega.pk).exists()


def test_onmogelijk_id_in_het_adres_is_geen_500(client, beheerder):
    """Gemeente's primary key is the parent link, whose lookups skip Django's range check."""
    gemeente = beheerder.organisatie.gemeente
    client.force_login(beheerder)
    ct = ContentType.objects.get_for_model(gemeente).pk

    assert client.get(f"/beheer/r/{ct}/{'9' * 30}/").status_code == 404
    wijzig = client.get(f"/beheer/organisaties/gemeente/{'9' * 30}/change/")
    assert wijzig.status_code == 302  # the admin's own answer to a missing object
