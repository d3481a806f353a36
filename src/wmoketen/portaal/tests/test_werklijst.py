from datetime import date

from wmoketen.accounts.constants import Rol
from wmoketen.factories import ClientFactory, GebruikerFactory
from wmoketen.portaal.werklijst import BRONNEN, werklijst
from wmoketen.termijnen import services as termijnen


def test_bronnen_zijn_geregistreerd_via_werklijst_modules():
    assert {"Taken", "Termijnen"} <= set(BRONNEN)


def test_termijn_van_een_regel_staat_in_de_werklijst_te_laat_eerst(consulent):
    termijnen.laad_standaardregels()
    client = ClientFactory(organisatie=consulent.organisatie)
    vandaag = date.today()
    termijnen.open_termijn(
        "retour",
        onderwerp=client,
        gemeente=consulent.organisatie.gemeente,
        startdatum=vandaag,
        acting_user=consulent,
    )
    termijnen.open_termijn(
        "retour",
        onderwerp=client,
        gemeente=consulent.organisatie.gemeente,
        startdatum=date(2020, 1, 6),
        acting_user=consulent,
    )

    items = werklijst(consulent, "Termijnen")

    assert [i.vervaldatum for i in items][0] == date(2020, 1, 9)
    assert items[0].te_laat and not items[1].te_laat
    assert items[0].termijn_css == "termijn--verlopen"


def test_rol_zonder_bron_heeft_geen_werklijst(client, gemeente):
    client.force_login(GebruikerFactory(organisatie=gemeente, rol=Rol.FUNCTIONEEL_BEHEERDER))

    antwoord = client.get("/")

    assert antwoord.context["soorten"] == []
    assert "Uw rol heeft geen werklijst" in antwoord.content.decode()
