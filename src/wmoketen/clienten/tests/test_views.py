from wmoketen.accounts.constants import Rol
from wmoketen.audit.models import AuditRegel
from wmoketen.clienten.models import Client
from wmoketen.factories import ClientFactory, GebruikerFactory

FORMULIER = {
    "bsn": "111222333",
    "geslachtsnaam": "Jansen",
    "voornamen": "Piet",
    "voorletters": "P",
    "geslacht": "1",
    "naamgebruik": "1",
    "geboortedatum": "1970-01-02",
}


def test_zoekpagina_toont_eigen_client(ingelogd, consulent):
    ClientFactory(organisatie=consulent.organisatie, geslachtsnaam="Bakker", voornamen="Piet")

    antwoord = ingelogd.get("/clienten/", {"q": "bakker"})

    assert antwoord.status_code == 200
    assert "Piet Bakker" in antwoord.content.decode()
    assert "1 cliënt gevonden" in antwoord.content.decode()


def test_htmx_zoekopdracht_geeft_alleen_de_resultaten(ingelogd, consulent):
    ClientFactory(organisatie=consulent.organisatie, geslachtsnaam="Bakker")

    antwoord = ingelogd.get("/clienten/", {"q": "bakker"}, HTTP_HX_REQUEST="true")

    html = antwoord.content.decode()
    assert "Bakker" in html and "<html" not in html


def test_detailpagina_toont_gegevens_en_logt_lezen(ingelogd, consulent):
    client = ClientFactory(organisatie=consulent.organisatie, bsn="111222333")

    antwoord = ingelogd.get(f"/clienten/{client.pk}/")

    assert "111222333" in antwoord.content.decode()
    assert AuditRegel.objects.filter(actie="client.gelezen", client_id=client.pk).count() == 1


def test_nieuwe_client_registreren(ingelogd):
    antwoord = ingelogd.post("/clienten/nieuw/", FORMULIER)

    client = Client.objects.get()
    assert antwoord.status_code == 302 and antwoord.url == f"/clienten/{client.pk}/"


def test_ongeldig_bsn_in_formulier_geeft_nederlandse_melding(ingelogd):
    antwoord = ingelogd.post("/clienten/nieuw/", FORMULIER | {"bsn": "123456789"})

    assert antwoord.status_code == 200
    assert "voldoet niet aan de elfproef" in antwoord.content.decode()
    assert not Client.objects.exists()


def test_dubbel_bsn_in_formulier_geeft_nederlandse_melding(ingelogd, consulent):
    ClientFactory(organisatie=consulent.organisatie, bsn="111222333")

    antwoord = ingelogd.post("/clienten/nieuw/", FORMULIER)

    assert "Er is bij uw organisatie al een cliënt met dit BSN." in antwoord.content.decode()
    assert Client.objects.count() == 1


def test_contractmanager_mag_geen_client_registreren(client, gemeente):
    client.force_login(GebruikerFactory(organisatie=gemeente, rol=Rol.CONTRACTMANAGER))

    antwoord = client.post("/clienten/nieuw/", FORMULIER)

    assert antwoord.status_code == 403
    assert not Client.objects.exists()
