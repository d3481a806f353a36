"""The worklist registry: the apps' sources are found at start-up, overdue items first."""

from datetime import date

from wmoketen.factories import ClientFactory
from wmoketen.gedeeld.werklijst import BRONNEN, werklijst
from wmoketen.termijnen import services as termijnen


def test_bronnen_zijn_geregistreerd_via_werklijst_modules():
    assert {"Taken", "Termijnen"} <= set(BRONNEN)


def test_termijn_van_een_regel_staat_in_de_werklijst_te_laat_eerst(consulent):
    termijnen.laad_standaardregels()
    client = ClientFactory(organisatie=consulent.organisatie)
    ander = ClientFactory(organisatie=consulent.organisatie)  # two deadlines on one would merge
    vandaag = date.today()
    termijnen.open_termijn(
        "retour",
        onderwerp=ander,
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
