"""The register's pages: lists with filters and paging, the button, the export, the worklist row,
the menu, and the periodic task; each read audited, another organisation kept out."""

import io

import pytest
from django.core.management import call_command

from wmoketen.accounts.constants import Rol
from wmoketen.audit.models import AuditRegel
from wmoketen.eigenbijdrage import services, tasks
from wmoketen.eigenbijdrage.models import Melding, Registratie
from wmoketen.eigenbijdrage.templatetags.eigenbijdrage import eigenbijdrage_menu
from wmoketen.eigenbijdrage.views import PER_PAGINA
from wmoketen.eigenbijdrage.werklijst import te_melden_aan_cak
from wmoketen.factories import AanbiederFactory, GebruikerFactory, GemeenteFactory

from .hulp import BEGIN, EINDE, VANDAAG, client, levering, toewijzing

pytestmark = pytest.mark.django_db


@pytest.fixture
def ingelogd(client, medewerker):
    client.force_login(medewerker)
    return client


def _html(antwoord) -> str:
    assert antwoord.status_code == 200
    return antwoord.content.decode()


def test_knop_werkt_het_register_bij_en_de_lijst_toont_het(ingelogd, aalbers):
    antwoord = ingelogd.post("/eigenbijdrage/bijwerken/", follow=True)
    html = _html(antwoord)
    assert "Het register is bijgewerkt: 2 nieuwe melding(en)" in html
    assert "Jan Aalbers" in html and "*****3653" in html
    assert "<strong>2</strong> meldingen te melden" in html
    assert AuditRegel.objects.filter(
        actie="eigenbijdrage.registraties_gelezen", client_id=aalbers.pk
    ).exists()
    # A second click changes nothing and says so.
    assert "Het register was al bij" in _html(
        ingelogd.post("/eigenbijdrage/bijwerken/", follow=True)
    )
    assert Melding.objects.count() == 2


def test_filters_van_de_registraties(ingelogd, gemeente, medewerker, aalbers):
    lopend = client(gemeente, geslachtsnaam="Bakker")
    levering(toewijzing(gemeente, lopend, ingang=BEGIN), BEGIN)
    services.werk_bij(gemeente, acting_user=medewerker)
    assert "Bakker" not in _html(ingelogd.get("/eigenbijdrage/?status=beeindigd"))
    assert "Aalbers" in _html(ingelogd.get("/eigenbijdrage/?status=beeindigd"))
    html = _html(ingelogd.get("/eigenbijdrage/?status=lopend"))
    assert "Bakker" in html and "Aalbers" not in html
    html = _html(ingelogd.get("/eigenbijdrage/?q=9999936"))
    assert "Aalbers" in html and "Bakker" not in html
    assert "Bakker" in _html(ingelogd.get("/eigenbijdrage/?q=bakk"))


def test_registraties_worden_gepagineerd(ingelogd, gemeente, medewerker):
    for _ in range(PER_PAGINA + 1):
        levering(toewijzing(gemeente, client(gemeente), ingang=BEGIN), BEGIN)
    services.werk_bij(gemeente, acting_user=medewerker)
    assert "Pagina 1 van 2" in _html(ingelogd.get("/eigenbijdrage/"))
    assert "Pagina 2 van 2" in _html(ingelogd.get("/eigenbijdrage/?p=2"))


def test_meldingen_met_filters_en_de_export(ingelogd, gemeente, medewerker, aalbers):
    services.werk_bij(gemeente, acting_user=medewerker)
    html = _html(ingelogd.get("/eigenbijdrage/meldingen/?status=te_melden"))
    assert f"stopdatum {EINDE:%d-%m-%Y}" in html and "Exporteren en als gemeld markeren" in html
    assert f"stopdatum {EINDE:%d-%m-%Y}" not in _html(
        ingelogd.get("/eigenbijdrage/meldingen/?soort=start")
    )

    assert ingelogd.get("/eigenbijdrage/meldingen/exporteren/").status_code == 405
    antwoord = ingelogd.post("/eigenbijdrage/meldingen/exporteren/")

    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in antwoord["Content-Disposition"]
    tekst = antwoord.content.decode("utf-8-sig")
    assert f"0988;999993653;Jan Aalbers;17-05-1950;Stop;Stopdatum;{EINDE:%d-%m-%Y}" in tekst
    assert not Melding.objects.filter(status="te_melden").exists()
    assert AuditRegel.objects.filter(actie="eigenbijdrage.gemeld", client_id=aalbers.pk).exists()
    html = _html(ingelogd.get("/eigenbijdrage/meldingen/?status=gemeld"))
    assert "Aalbers" in html and "Gemeld" in html
    # Nothing left: refused with a message, nothing exported.
    antwoord = ingelogd.post("/eigenbijdrage/meldingen/exporteren/", follow=True)
    assert "Er zijn geen meldingen te melden aan het CAK." in _html(antwoord)


def test_een_registratie_met_haar_meldingen(ingelogd, gemeente, medewerker, aalbers):
    services.werk_bij(gemeente, acting_user=medewerker)
    registratie = Registratie.objects.get()
    html = _html(ingelogd.get(f"/eigenbijdrage/{registratie.pk}/"))
    assert "999993653" in html and f"startdatum {BEGIN:%d-%m-%Y}" in html
    assert AuditRegel.objects.filter(
        actie="eigenbijdrage.registratie_gelezen", client_id=aalbers.pk
    ).exists()


def test_een_andere_organisatie_ziet_niets(client, gemeente, medewerker, aalbers):
    services.werk_bij(gemeente, acting_user=medewerker)
    registratie = Registratie.objects.get()
    andere = GemeenteFactory(naam="Anderstad", gemeentecode="0363")
    client.force_login(GebruikerFactory(organisatie=andere, rol=Rol.BACKOFFICE))
    assert client.get(f"/eigenbijdrage/{registratie.pk}/").status_code == 404
    for url in ("/eigenbijdrage/", "/eigenbijdrage/meldingen/?status=te_melden"):
        assert "Aalbers" not in _html(client.get(url))
    client.post("/eigenbijdrage/meldingen/exporteren/")
    assert Melding.objects.filter(status="te_melden").count() == 2
    assert list(te_melden_aan_cak(GebruikerFactory(organisatie=andere, rol=Rol.BACKOFFICE))) == []
    client.force_login(GebruikerFactory(organisatie=AanbiederFactory(), rol=Rol.AANBIEDER))
    assert client.get("/eigenbijdrage/").status_code == 403
    assert client.post("/eigenbijdrage/bijwerken/").status_code == 403


def test_werklijst_en_menu(ingelogd, gemeente, medewerker, aalbers):
    assert list(te_melden_aan_cak(medewerker)) == []
    services.werk_bij(gemeente, acting_user=medewerker)
    [item] = te_melden_aan_cak(medewerker)
    assert item.titel == "2 wijzigingen melden aan het CAK"
    assert item.toelichting == f"1 start, 1 stop, 0 correcties; de oudste sinds {VANDAAG:%d-%m-%Y}"
    assert item.url == "/eigenbijdrage/meldingen/?status=te_melden"
    assert item.geen_client
    assert "2 wijzigingen melden aan het CAK" in _html(ingelogd.get("/"))
    assert eigenbijdrage_menu(medewerker) == [("Eigen bijdrage", "/eigenbijdrage/")]
    consulent = GebruikerFactory(organisatie=gemeente, rol=Rol.TOEGANGSMEDEWERKER)
    assert eigenbijdrage_menu(consulent) == []


def test_de_periodieke_taak_werkt_elke_gemeente_bij(gemeente, aalbers):
    andere = GemeenteFactory(naam="Anderstad", gemeentecode="0363")
    c = client(andere)
    levering(toewijzing(andere, c, ingang=BEGIN), BEGIN)
    assert tasks.werk_registers_bij() == 3
    assert tasks.werk_registers_bij() == 0
    assert set(Registratie.objects.values_list("gemeente_id", flat=True)) == {
        gemeente.pk,
        andere.pk,
    }
    assert AuditRegel.objects.filter(
        actie="eigenbijdrage.registratie_aangemaakt",
        gebruikersnaam="systeem",
        organisatie_id=andere.pk,
    ).exists()


def test_het_commando_werkt_het_register_bij_zonder_broker(gemeente, aalbers):
    uit = io.StringIO()
    call_command("eigenbijdrage_bijwerken", stdout=uit)
    call_command("eigenbijdrage_bijwerken", stdout=uit)
    assert uit.getvalue().splitlines() == [
        "2 nieuwe melding(en) te melden aan het CAK.",
        "0 nieuwe melding(en) te melden aan het CAK.",
    ]
    assert Melding.objects.filter(gemeente=gemeente).count() == 2
