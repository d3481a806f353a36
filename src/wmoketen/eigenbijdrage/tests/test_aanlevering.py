"""Every CSV given to the CAK is kept (``Aanlevering``): a lost download can be fetched again,
by the gemeente's backoffice only, audited per client like the first. The file guards against
spreadsheet formulas in the names."""

import pytest

from wmoketen.accounts.constants import Rol
from wmoketen.audit.models import AuditRegel
from wmoketen.eigenbijdrage import services
from wmoketen.eigenbijdrage.models import Aanlevering, Melding
from wmoketen.factories import AanbiederFactory, GebruikerFactory, GemeenteFactory
from wmoketen.gedeeld.spreadsheet import veilige_cel

from .hulp import BEGIN, EINDE, client, levering, toewijzing

pytestmark = pytest.mark.django_db


@pytest.fixture
def aalbers(gemeente, medewerker, aalbers):
    """Aalbers (``conftest.py``) in the register: his stop is to be reported."""
    services.werk_bij(gemeente, acting_user=medewerker)
    return aalbers


def test_de_export_wordt_bewaard_met_wie_wanneer_en_hoeveel(gemeente, medewerker, aalbers):
    aanlevering = services.meld_aan_cak(gemeente, acting_user=medewerker)

    bewaard = Aanlevering.objects.get()
    assert bewaard == aanlevering
    assert bytes(bewaard.inhoud).decode("utf-8-sig") == aanlevering.tekst
    assert f"0988;999993653;Jan Aalbers;17-05-1950;Stop;Stopdatum;{EINDE:%d-%m-%Y}" in (
        aanlevering.tekst
    )
    assert (bewaard.aantal, bewaard.gemaakt_door, bewaard.gemeente_id) == (
        2,
        medewerker,
        gemeente.pk,
    )
    assert bewaard.bestandsnaam.startswith("cak-meldingen-0988-")
    assert set(Melding.objects.values_list("aanlevering_id", "gemeld_op")) == {
        (bewaard.pk, bewaard.gemaakt_op)
    }
    gelogd = AuditRegel.objects.get(actie="eigenbijdrage.gemeld")
    assert (gelogd.client_id, gelogd.object_id) == (aalbers.pk, str(bewaard.pk))


def test_opnieuw_downloaden_geeft_hetzelfde_bestand_en_logt_per_client(
    client, gemeente, medewerker, aalbers
):
    client.force_login(medewerker)
    eerste = client.post("/eigenbijdrage/meldingen/exporteren/")
    aanlevering = Aanlevering.objects.get()
    url = f"/eigenbijdrage/aanleveringen/{aanlevering.pk}/"
    for pagina in ("/eigenbijdrage/meldingen/", "/eigenbijdrage/aanleveringen/"):
        html = client.get(pagina).content.decode()
        assert f'href="{url}"' in html and "Opnieuw downloaden" in html
    assert AuditRegel.objects.filter(actie="eigenbijdrage.opnieuw_gedownload").count() == 0

    antwoord = client.get(url)

    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "text/csv; charset=utf-8"
    assert f'filename="{aanlevering.bestandsnaam}"' in antwoord["Content-Disposition"]
    assert antwoord.content == eerste.content
    gelogd = AuditRegel.objects.get(actie="eigenbijdrage.opnieuw_gedownload")
    assert (gelogd.client_id, gelogd.object_id, gelogd.gebruiker_id) == (
        aalbers.pk,
        str(aanlevering.pk),
        medewerker.pk,
    )
    assert not Melding.objects.filter(status="te_melden").exists()  # nothing reported again


def test_alleen_de_backoffice_van_de_gemeente_downloadt_opnieuw(
    client, gemeente, medewerker, aalbers
):
    aanlevering = services.meld_aan_cak(gemeente, acting_user=medewerker)
    url = f"/eigenbijdrage/aanleveringen/{aanlevering.pk}/"
    andere = GemeenteFactory(naam="Anderstad", gemeentecode="0363")
    client.force_login(GebruikerFactory(organisatie=andere, rol=Rol.BACKOFFICE))
    assert client.get(url).status_code == 404
    assert (
        aanlevering.bestandsnaam not in client.get("/eigenbijdrage/aanleveringen/").content.decode()
    )
    for gebruiker in (
        GebruikerFactory(organisatie=gemeente, rol=Rol.TOEGANGSMEDEWERKER),
        GebruikerFactory(organisatie=AanbiederFactory(), rol=Rol.AANBIEDER),
    ):
        client.force_login(gebruiker)
        assert client.get(url).status_code == 403
        assert client.get("/eigenbijdrage/aanleveringen/").status_code == 403
    assert not AuditRegel.objects.filter(actie="eigenbijdrage.opnieuw_gedownload").exists()


@pytest.mark.parametrize("voornamen", ["=HYPERLINK(1)", "+31", "-1+2", "@SOM(A1)"])
def test_de_csv_schakelt_formules_in_namen_uit(gemeente, medewerker, voornamen):
    c = client(gemeente, bsn="999993653", geslachtsnaam="Aalbers", voornamen=voornamen)
    levering(toewijzing(gemeente, c, ingang=BEGIN), BEGIN)
    services.werk_bij(gemeente, acting_user=medewerker)

    tekst = services.meld_aan_cak(gemeente, acting_user=medewerker).tekst

    assert f";'{voornamen} Aalbers;" in tekst


def test_tab_en_regelterugloop_vooraan_ook_uitgeschakeld():
    assert [veilige_cel(t) for t in ("\tX", "\rX")] == ["'\tX", "'\rX"]


def test_gewone_waarden_blijven_ongewijzigd():
    assert [veilige_cel(t) for t in ("Jan Aalbers", "0988", "", "'t Hart")] == [
        "Jan Aalbers",
        "0988",
        "",
        "'t Hart",
    ]
