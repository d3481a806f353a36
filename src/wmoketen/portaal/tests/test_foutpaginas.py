"""Dutch error pages in the site's look, as users see them (DEBUG is off in tests)."""

import pytest
from django.contrib.auth.decorators import login_not_required
from django.template import loader
from django.urls import include, path
from lxml import html

from wmoketen.accounts.beheer import GEEN_BEHEERDER
from wmoketen.accounts.constants import Rol
from wmoketen.factories import GebruikerFactory


@login_not_required
def _storing(request):
    raise RuntimeError("kapot")


urlpatterns = [path("storing/", _storing), path("", include("wmoketen.urls"))]


def _tekst(antwoord) -> str:
    [main] = html.fromstring(antwoord.content).xpath("//main")
    return " ".join(" ".join(main.itertext()).split())


def test_beheer_zonder_rol_geeft_geen_toegang_in_plaats_van_een_lus(client, consulent):
    client.force_login(consulent)

    for pad in ("/beheer/", "/beheer/accounts/gebruiker/"):
        antwoord = client.get(pad)

        assert antwoord.status_code == 403, pad
        assert _tekst(antwoord).startswith(f"Geen toegang {GEEN_BEHEERDER}")
        assert 'class="menu"' in antwoord.content.decode()  # the site's look, logged in


def test_beheer_voor_de_beheerder_en_inloggen_voor_anoniemen_blijven(client, beheerder):
    assert client.get("/beheer/")["Location"].startswith("/beheer/login/")
    client.force_login(beheerder)
    assert client.get("/beheer/").status_code == 200


def test_403_van_een_rol_noemt_de_reden(client, gemeente):
    client.force_login(GebruikerFactory(organisatie=gemeente, rol=Rol.TOEGANGSMEDEWERKER))

    antwoord = client.get("/toegang/aanvragen/")

    assert antwoord.status_code == 403
    assert "Geen toegang U hebt geen rol die deze pagina mag openen." in _tekst(antwoord)


def test_404_is_nederlands_in_de_huisstijl(client, consulent):
    client.force_login(consulent)

    antwoord = client.get("/bestaat-niet/")

    assert antwoord.status_code == 404
    assert _tekst(antwoord).startswith(
        "Niet gevonden Deze pagina bestaat niet, of u hebt er geen toegang toe."
    )
    assert 'href="/static/portaal/wmoketen.css"' in antwoord.content.decode()


def test_500_template_heeft_geen_request_nodig():
    pagina = html.fromstring(loader.get_template("500.html").render())

    assert pagina.get("lang") == "nl"
    assert pagina.xpath("//link[@rel='stylesheet']/@href") == ["/static/portaal/wmoketen.css"]


@pytest.mark.urls(__name__)
def test_500_is_nederlands_in_de_huisstijl_zonder_database(db, client, django_assert_num_queries):
    client.raise_request_exception = False

    with django_assert_num_queries(0):
        antwoord = client.get("/storing/")

    assert antwoord.status_code == 500
    assert _tekst(antwoord) == (
        "Er ging iets mis Er is een storing opgetreden. Probeer het later opnieuw; de storing "
        "is vastgelegd. Naar de startpagina"
    )
    assert 'href="/static/portaal/wmoketen.css"' in antwoord.content.decode()
