"""The pages that complete and correct a client record: each refusal shows its Dutch error on
the form and changes nothing; another organisation's records answer 404."""

from datetime import timedelta

import pytest
from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.audit.models import AuditRegel
from wmoketen.clienten.models import Client, Contact, Relatie
from wmoketen.factories import ClientFactory, ContactFactory, GebruikerFactory

CLIENT = {
    "bsn": "111222333",
    "voorletters": "P",
    "voornamen": "Piet",
    "geslachtsnaam": "Jansen",
    "naamgebruik": "1",
    "geboortedatum": "1970-01-02",
    "geslacht": "1",
}
ADRES = {
    "soort": "01",
    "straatnaam": "Markt",
    "huisnummer": "12",
    "postcode": "6001 ab",
    "plaatsnaam": "Weert",
    "landcode": "NL",
    "telefoonnummer": "06 12 34 56 78",
    "telefoon_landnummer": "0031",
}
RELATIE = {
    "soort": "10",
    "geslachtsnaam": "Jansen",
    "voornamen": "Els",
    "naamgebruik": "1",
    "geslacht": "2",
    "contact-soort": "02",
    "contact-telefoonnummer": "0612345678",
    "contact-landcode": "NL",
}


def _tekst(antwoord) -> str:
    return antwoord.content.decode()


def _fouten(antwoord) -> list[str]:
    form = antwoord.context["form"]
    return [e for fouten in form.errors.values() for e in fouten]


@pytest.fixture
def klant(consulent):
    return ClientFactory(
        organisatie=consulent.organisatie, bsn="111222333", geslachtsnaam="Jansne", voornamen="Piet"
    )


def test_wijzigpagina_toont_de_huidige_gegevens(ingelogd, klant):
    antwoord = ingelogd.get(f"/clienten/{klant.pk}/wijzigen/")

    assert antwoord.status_code == 200
    assert 'value="Jansne"' in _tekst(antwoord)
    assert AuditRegel.objects.filter(actie="client.gelezen", client_id=klant.pk).exists()


def test_naam_en_bsn_verbeteren(ingelogd, klant):
    antwoord = ingelogd.post(f"/clienten/{klant.pk}/wijzigen/", CLIENT | {"bsn": "999993653"})

    assert antwoord.status_code == 302 and antwoord.url == f"/clienten/{klant.pk}/"
    klant.refresh_from_db()
    assert (klant.geslachtsnaam, klant.bsn) == ("Jansen", "999993653")
    regel = AuditRegel.objects.get(actie="client.gewijzigd")
    assert regel.wijzigingen["bsn"] == ["*****2333", "*****3653"]
    assert regel.wijzigingen["geslachtsnaam"] == ["Jansne", "Jansen"]


def test_ongeldig_bsn_bij_wijzigen_staat_op_het_formulier(ingelogd, klant):
    antwoord = ingelogd.post(f"/clienten/{klant.pk}/wijzigen/", CLIENT | {"bsn": "111222334"})

    assert antwoord.status_code == 200
    assert antwoord.context["form"].errors["bsn"] == [
        "Dit BSN is ongeldig: het voldoet niet aan de elfproef. Controleer het nummer."
    ]
    assert "voldoet niet aan de elfproef" in _tekst(antwoord)
    assert "<h1>Gegevens van Piet Jansne wijzigen</h1>" in _tekst(antwoord)  # as stored
    klant.refresh_from_db()
    assert (klant.bsn, klant.geslachtsnaam) == ("111222333", "Jansne")
    assert not AuditRegel.objects.filter(actie="client.gewijzigd").exists()


def test_dubbel_bsn_bij_wijzigen_staat_op_het_formulier(ingelogd, klant, consulent):
    ClientFactory(organisatie=consulent.organisatie, bsn="999993653")

    antwoord = ingelogd.post(f"/clienten/{klant.pk}/wijzigen/", CLIENT | {"bsn": "999993653"})

    assert "Er is bij uw organisatie al een cliënt met dit BSN." in _fouten(antwoord)
    klant.refresh_from_db()
    assert klant.bsn == "111222333"


def test_detailpagina_toont_adressen_relaties_en_links(ingelogd, klant):
    ContactFactory(client=klant, straatnaam="Markt", telefoonnummer="0495123456")
    relatie = Relatie.objects.create(client=klant, soort="11", geslachtsnaam="Voogdt")
    ContactFactory(client=klant, relatie=relatie, soort="02", telefoonnummer="0612345678")

    html = _tekst(ingelogd.get(f"/clienten/{klant.pk}/"))

    assert "Markt 1, 6001AA Weert" in html and "Telefoon 0495123456" in html
    assert "Voogdt" in html and "Voogd" in html and "Telefoon 0612345678" in html
    for url in ("wijzigen/", "adressen/nieuw/", "relaties/nieuw/"):
        assert f'href="/clienten/{klant.pk}/{url}"' in html
    assert f'href="/clienten/relaties/{relatie.pk}/"' in html


def test_client_zonder_adres_krijgt_een_waarschuwing(ingelogd, klant):
    html = _tekst(ingelogd.get(f"/clienten/{klant.pk}/"))

    assert "Geen adres bekend." in html


def test_brp_adres_toevoegen(ingelogd, klant):
    antwoord = ingelogd.post(f"/clienten/{klant.pk}/adressen/nieuw/", ADRES)

    assert antwoord.status_code == 302
    contact = klant.contacten.get()
    assert (contact.postcode, contact.telefoonnummer) == ("6001AB", "0612345678")
    assert AuditRegel.objects.filter(actie="contact.toegevoegd", client_id=klant.pk).exists()


@pytest.mark.parametrize(
    ("wijziging", "veld", "melding"),
    [
        (
            {"postcode": "600 AB"},
            "postcode",
            "Een Nederlandse postcode bestaat uit 4 cijfers en 2 letters, zoals 1234 AB.",
        ),
        ({"huisnummer": ""}, "huisnummer", "Dit veld is vereist."),
        ({"huisletter": "1"}, "huisletter", "De huisletter is één letter, zoals A."),
        (
            {"huisnummertoevoeging": "a b"},
            "huisnummertoevoeging",
            "De toevoeging bestaat uit ten hoogste 4 letters of cijfers.",
        ),
        ({"emailadres": "geen-adres"}, "emailadres", "Voer een geldig e-mailadres in."),
        (
            {"begindatum": "2026-01-01"},
            "begindatum",
            "Alleen een tijdelijk verblijfadres (04) heeft een begindatum: in de toewijzing "
            "(301) heeft alleen dat adres een periode.",
        ),
    ],
)
def test_ongeldig_adres_staat_op_het_formulier_en_niets_opgeslagen(
    ingelogd, klant, wijziging, veld, melding
):
    antwoord = ingelogd.post(f"/clienten/{klant.pk}/adressen/nieuw/", ADRES | wijziging)

    assert antwoord.status_code == 200
    assert melding in antwoord.context["form"].errors[veld]
    assert melding in _tekst(antwoord)
    assert not Contact.objects.exists()


def test_elk_veld_krijgt_een_fout_niet_twee(ingelogd, klant):
    """The form's error on a field is not repeated by the model's rule on the same input."""
    adres = ADRES | {"postcode": "600 AB", "huisnummer": "", "plaatsnaam": ""}

    antwoord = ingelogd.post(f"/clienten/{klant.pk}/adressen/nieuw/", adres)

    fouten = antwoord.context["form"].errors
    assert fouten["postcode"] == [
        "Een Nederlandse postcode bestaat uit 4 cijfers en 2 letters, zoals 1234 AB."
    ]
    assert fouten["huisnummer"] == fouten["plaatsnaam"] == ["Dit veld is vereist."]
    assert not Contact.objects.exists()


def test_buitenlands_adres_zonder_nederlandse_postcode(ingelogd, klant):
    adres = ADRES | {"landcode": "DE", "postcode": "52062", "plaatsnaam": "Aachen"}

    antwoord = ingelogd.post(f"/clienten/{klant.pk}/adressen/nieuw/", adres)

    assert antwoord.status_code == 302
    assert klant.contacten.get().postcode == "52062"


def test_adres_wijzigen(ingelogd, klant):
    contact = ContactFactory(client=klant)

    antwoord = ingelogd.post(
        f"/clienten/adressen/{contact.pk}/", ADRES | {"actie": "opslaan", "huisnummer": "14"}
    )

    assert antwoord.status_code == 302
    contact.refresh_from_db()
    assert (contact.huisnummer, contact.postcode) == (14, "6001AB")


def test_adres_beeindigen_vandaag_wordt_geweigerd_gisteren_mag(ingelogd, klant):
    contact = ContactFactory(client=klant)
    url = f"/clienten/adressen/{contact.pk}/"
    vandaag = timezone.localdate()

    geweigerd = ingelogd.post(url, {"actie": "beeindigen", "einde-einddatum": vandaag})

    assert geweigerd.status_code == 200
    assert "beëindigt u met een datum vóór vandaag" in _tekst(geweigerd)
    contact.refresh_from_db()
    assert contact.einddatum is None

    antwoord = ingelogd.post(
        url, {"actie": "beeindigen", "einde-einddatum": vandaag - timedelta(days=1)}
    )

    assert antwoord.status_code == 302
    contact.refresh_from_db()
    assert contact.is_beeindigd
    assert "beëindigd" in _tekst(ingelogd.get(f"/clienten/{klant.pk}/"))


def test_adres_verwijderen(ingelogd, klant):
    contact = ContactFactory(client=klant)

    antwoord = ingelogd.post(f"/clienten/adressen/{contact.pk}/", {"actie": "verwijderen"})

    assert antwoord.status_code == 302
    assert not Contact.objects.exists()
    assert AuditRegel.objects.filter(actie="contact.verwijderd", client_id=klant.pk).exists()


def test_relatie_toevoegen_wijzigen_en_verwijderen(ingelogd, klant):
    antwoord = ingelogd.post(f"/clienten/{klant.pk}/relaties/nieuw/", RELATIE)

    assert antwoord.status_code == 302
    relatie = klant.relaties.get()
    assert relatie.contacten.get().telefoonnummer == "0612345678"

    url = f"/clienten/relaties/{relatie.pk}/"
    assert 'value="0612345678"' in _tekst(ingelogd.get(url))
    ingelogd.post(url, RELATIE | {"voornamen": "Elsa", "contact-telefoonnummer": "0687654321"})
    relatie.refresh_from_db()
    assert relatie.voornamen == "Elsa"
    assert relatie.contacten.get().telefoonnummer == "0687654321"

    antwoord = ingelogd.post(url, {"actie": "verwijderen"})
    assert antwoord.status_code == 302
    assert not Relatie.objects.exists() and not Contact.objects.exists()


def test_relatie_zonder_bereikbaar_contact_staat_op_het_formulier(ingelogd, klant):
    antwoord = ingelogd.post(
        f"/clienten/{klant.pk}/relaties/nieuw/", RELATIE | {"contact-telefoonnummer": ""}
    )

    assert antwoord.status_code == 200
    assert antwoord.context["adres"].non_field_errors() == [
        "Vul een telefoonnummer in, of een adres met huisnummer en postcode: een contact in de "
        "toewijzing (301) heeft ten minste een van beide."
    ]
    assert "ten minste een van beide" in _tekst(antwoord)
    assert not Relatie.objects.exists()


def test_contact_van_een_relatie_opent_de_relatiepagina(ingelogd, klant):
    relatie = Relatie.objects.create(client=klant, soort="10", geslachtsnaam="Jansen")
    contact = ContactFactory(client=klant, relatie=relatie, telefoonnummer="0612345678")

    antwoord = ingelogd.get(f"/clienten/adressen/{contact.pk}/")

    assert antwoord.status_code == 302 and antwoord.url == f"/clienten/relaties/{relatie.pk}/"


@pytest.mark.parametrize(
    ("pad", "data"),
    [
        ("{client}/", None),
        ("{client}/wijzigen/", CLIENT),
        ("{client}/adressen/nieuw/", ADRES),
        ("{client}/relaties/nieuw/", RELATIE),
        ("adressen/{contact}/", ADRES | {"actie": "opslaan"}),
        ("adressen/{contact}/", {"actie": "verwijderen"}),
        ("adressen/{contact}/", {"actie": "beeindigen", "einde-einddatum": "2020-01-01"}),
        ("relaties/{relatie}/", RELATIE),
        ("relaties/{relatie}/", {"actie": "verwijderen"}),
    ],
)
def test_aanbieder_ziet_en_wijzigt_geen_client_van_de_gemeente(client, aanbieder, klant, pad, data):
    contact = ContactFactory(client=klant, straatnaam="Markt")
    relatie = Relatie.objects.create(client=klant, soort="10", geslachtsnaam="Ouder")
    client.force_login(GebruikerFactory(organisatie=aanbieder, rol=Rol.AANBIEDER))
    url = "/clienten/" + pad.format(client=klant.pk, contact=contact.pk, relatie=relatie.pk)

    assert client.get(url).status_code == 404
    if data is not None:
        assert client.post(url, data).status_code == 404

    klant.refresh_from_db()
    contact.refresh_from_db()
    relatie.refresh_from_db()
    assert (klant.geslachtsnaam, contact.straatnaam, contact.einddatum) == ("Jansne", "Markt", None)
    assert relatie.geslachtsnaam == "Ouder"
    assert Contact.objects.count() == 1 and Relatie.objects.count() == 1
    assert not AuditRegel.objects.exists()


def test_contractmanager_mag_geen_client_wijzigen(client, gemeente, klant):
    client.force_login(GebruikerFactory(organisatie=gemeente, rol=Rol.CONTRACTMANAGER))

    antwoord = client.post(f"/clienten/{klant.pk}/wijzigen/", CLIENT)

    assert antwoord.status_code == 403
    assert Client.objects.get(pk=klant.pk).geslachtsnaam == "Jansne"
    assert "Gegevens wijzigen" not in _tekst(client.get(f"/clienten/{klant.pk}/"))
