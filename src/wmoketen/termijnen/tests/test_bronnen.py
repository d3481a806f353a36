"""Each rule cites its source by a name a user knows, never by an internal seed number."""

import re
from datetime import date

from wmoketen.termijnen import services, standaardregels
from wmoketen.termijnen.constants import Soort
from wmoketen.termijnen.models import Termijn, Termijnregel

INTERN = re.compile(r"^\d{3}\b|\b00\d\b")  # "002 §4", "…; 001 stap 5–6"


def test_geen_documentnummer_als_bron_in_de_zaaddata():
    bronnen = {r["bron"] for r in standaardregels.regels()}
    assert [b for b in bronnen if INTERN.search(b)] == []
    assert "Werkafspraken Midden-Limburg West §4" in bronnen


def test_geen_documentnummer_als_bron_van_een_regel_of_termijn(regio_gemeenten, onderwerp):
    assert [r.bron for r in Termijnregel.objects.all() if INTERN.search(r.bron)] == []
    codes = set(Termijnregel.objects.values_list("code", flat=True))
    for code in sorted(codes):
        for gemeentecode in ("0988", "0034", "0797"):  # regio MLW, Almere, standaard
            termijn = services.open_termijn(
                code,
                onderwerp=onderwerp,
                gemeente=regio_gemeenten[gemeentecode],
                startdatum=date(2026, 12, 4),
                acting_user=None,
            )
            getoond = termijn.berekening.rsplit("; ", 1)[1]
            assert not INTERN.search(getoond), termijn.berekening


def test_bestaande_regels_en_termijnen_krijgen_de_naam(regio_gemeenten, onderwerp, consulent):
    """What migration 0003 does to rows seeded before: old numbers replaced, own text kept."""
    regel = Termijnregel.objects.get(code="huisbezoek", soort=Soort.REGIONAAL)
    Termijnregel.objects.filter(pk=regel.pk).update(bron="002 §4")
    eigen = Termijnregel.objects.get(code="onderzoek", soort=Soort.STANDAARD)
    Termijnregel.objects.filter(pk=eigen.pk).update(bron="Verordening Weert art. 3")
    termijn = services.open_termijn(
        "huisbezoek",
        onderwerp=onderwerp,
        gemeente=regio_gemeenten["0988"],
        startdatum=date(2026, 12, 4),
        acting_user=consulent,
    )
    assert termijn.berekening.endswith("; 002 §4)")

    assert standaardregels.noem_bronnen_voluit(Termijnregel, Termijn) == 1

    regel.refresh_from_db()
    eigen.refresh_from_db()
    termijn.refresh_from_db()
    assert regel.bron == "Werkafspraken Midden-Limburg West §4"
    assert eigen.bron == "Verordening Weert art. 3"
    assert termijn.berekening == (
        "5 werkdagen na ontvangst van de melding "
        "(regio Midden-Limburg West; Werkafspraken Midden-Limburg West §4)"
    )
