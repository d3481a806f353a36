"""Per technische regel: an official example, mutated to break exactly that rule."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from istandaarden.regels import REGELS
from istandaarden.validation import validate

PRESTATIE = "//m:Client[1]/m:Prestaties/m:Prestatie"


def _herstel(b) -> None:
    """Make the examples that break something valid first (see test_validation)."""
    if b.naam.endswith("317"):  # TR380 (iWmo), CS003 (iJw)
        b.zet("//m:NieuwProduct/m:GewensteIngangsdatum", "2030-01-01")
        b.zet("//m:NieuwProduct/m:Einddatum", "2030-12-31")
    elif b.naam == "JW315":  # 2027-06-31 does not exist
        b.zet("//m:ToewijzingEinddatum", "2027-06-30")
    elif b.naam == "JW323":  # a repeated ReferentieNummer (TR101)
        b.zet(
            "//m:Client[2]/m:Prestaties/m:Prestatie[3]/m:ProductReferentie/b:ReferentieNummer",
            "RN005",
        )


def _crediteer(b, positie: int, vorig: str) -> None:
    """Make prestatie ``positie`` of the first client a credit of ``vorig`` (CD060, TR358)."""
    prestatie = f"{PRESTATIE}[{positie}]"
    b.voeg_toe(f"{prestatie}/m:ProductReferentie", "b:VorigReferentieNummer", vorig)
    b.zet(f"{prestatie}/m:IngediendBedrag/b:DebetCredit", "C")
    bedrag = int(b.een(f"{prestatie}/m:IngediendBedrag/b:Bedrag").text)
    totaal = b.een("//m:TotaalIngediendBedrag/b:TotaalBedrag")
    totaal.text = str(int(totaal.text) - 2 * bedrag)


def tr002(b):
    b.zet("//m:Client/m:Geboortedatum/b:Datum", "1899-12-31")


def tr006(b):
    # A correspondentieadres needs no postcode (CD034); without one, no LandCode (CD005).
    contact = "//m:Relatie[1]/m:Contact"
    b.zet(f"{contact}/m:Soort", "02")
    b.verwijder(f"{contact}/m:Telefoon")
    b.verwijder(f"{contact}/m:Adres/b:Postcode")
    b.verwijder(f"{contact}/m:Adres/b:LandCode")


def tr018(b):
    b.zet("//m:StopProduct[1]/m:Einddatum", "2000-01-01")


def tr061(b):
    b.zet("//m:Contactgegevens/m:Contact/m:Soort", "04")


def tr101(b):
    # Second prestatie of the first client gets the first one's ReferentieNummer.
    eerste = b.een(f"{PRESTATIE}[1]/m:ProductReferentie/b:ReferentieNummer").text
    b.zet(f"{PRESTATIE}[2]/m:ProductReferentie/b:ReferentieNummer", eerste)


def tr134(b):
    b.zet("//m:StartProduct[1]/m:Begindatum", "2099-01-01")


def tr137(b):
    # Within one month, so CS337 (one calendar month) still holds.
    b.zet(f"{PRESTATIE}[1]/m:ProductPeriode/b:Begindatum", _dag(b, 1, "04-15"))
    b.zet(f"{PRESTATIE}[1]/m:ProductPeriode/b:Einddatum", _dag(b, 1, "04-10"))


def tr302(b):
    b.kopieer("//m:ToegewezenProduct[1]").find("{*}ToewijzingNummer").text = "99999"


def tr315(b):
    for positie in (1, 2):
        _crediteer(b, positie, "X1")


def tr316(b):
    eerste = b.een(f"{PRESTATIE}[1]/m:ProductReferentie/b:ReferentieNummer").text
    _crediteer(b, 2, eerste)


def tr319(b):
    b.zet(f"{PRESTATIE}[1]/m:ProductPeriode/b:Begindatum", _dag(b, 1, "05-01"))
    b.zet(f"{PRESTATIE}[1]/m:ProductPeriode/b:Einddatum", _dag(b, 1, "05-02"))


def _dag(b, positie: int, maand_dag: str) -> str:
    jaar = b.een(f"{PRESTATIE}[{positie}]/m:ProductPeriode/b:Begindatum").text[:4]
    return f"{jaar}-{maand_dag}"


def tr335(b):
    # CS100 forbids periods before 2021, so move the declaratiedagtekening forward instead.
    b.zet("//m:Declaratie/m:DeclaratieDagtekening", "2027-01-01")
    b.zet(f"{PRESTATIE}[1]/m:ProductPeriode/b:Begindatum", "2021-01-01")
    b.zet(f"{PRESTATIE}[1]/m:ProductPeriode/b:Einddatum", "2021-01-31")


def tr342(b):
    b.zet("//m:TotaalToegekendBedrag/b:TotaalBedrag", "1")


def tr352(b):
    b.verwijder("//m:OngewijzigdeProducten | //m:TeWijzigenProducten")


def tr353(b):
    b.verwijder("//m:TeWijzigenProducten | //m:NieuweProducten")


def tr358(b):
    b.zet("//m:TotaalIngediendBedrag/b:TotaalBedrag", "1")


def tr377(b):
    b.verwijder("//m:Woonplaatsbeginsel")


def tr380(b):
    dagtekening = b.een("//m:BerichtIdentificatie/b:Dagtekening").text
    b.zet("//m:NieuwProduct/m:GewensteIngangsdatum", dagtekening)


def tr383(b):
    eerste = b.een("//m:AangevraagdProduct[1]/m:ReferentieAanbieder").text
    b.zet("//m:AangevraagdProduct[2]/m:ReferentieAanbieder", eerste)


def tr386(b):
    def zelfde_product(kopie):
        kopie.find("{*}ReferentieAanbieder").text = "77777777"

    b.kopieer("//m:AangevraagdProduct[1]", zelfde_product)


def tr409(b):
    b.zet("//m:RedenAfwijzingVerzoek", "1")


def tr410(b):
    b.kopieer("//m:NieuwProduct[1]")


def tr416(b):
    def ander_referentienummer(kopie):
        kopie.find("{*}ProductReferentie/{*}ReferentieNummer").text = "RN999"

    bedrag = b.een(f"{PRESTATIE}[1]/m:IngediendBedrag/b:Bedrag").text
    b.kopieer(f"{PRESTATIE}[1]", ander_referentienummer)
    totaal = b.een("//m:TotaalIngediendBedrag/b:TotaalBedrag")
    totaal.text = str(int(totaal.text) + int(bedrag))  # keep TR358 satisfied


BEIDE = ("iwmo", "ijw")
GEVALLEN: list[tuple[str, str, Callable]] = [
    ("TR002", "301", tr002),
    ("TR006", "301", tr006),
    ("TR018", "307", tr018),
    ("TR061", "301", tr061),
    ("TR101", "323", tr101),
    ("TR134", "305", tr134),
    ("TR137", "323", tr137),
    ("TR302", "301", tr302),
    ("TR315", "323", tr315),
    ("TR316", "323", tr316),
    ("TR319", "323", tr319),
    ("TR335", "323", tr335),
    ("TR342", "325", tr342),
    ("TR352", "317", tr352),
    ("TR353", "317", tr353),
    ("TR358", "323", tr358),
    ("TR380", "317", tr380),
    ("TR383", "315", tr383),
    ("TR386", "315", tr386),
    ("TR410", "317", tr410),
    ("TR416", "323", tr416),
]
ALLEEN_IJW = [("TR377", "319", tr377), ("TR409", "319", tr409)]


def _naam(standaard: str, nummer: str) -> str:
    return f"{'WMO' if standaard == 'iwmo' else 'JW'}{nummer}"


PARAMS = [
    pytest.param(code, _naam(standaard, nummer), mutatie, id=f"{code}-{_naam(standaard, nummer)}")
    for code, nummer, mutatie in GEVALLEN
    for standaard in BEIDE
] + [
    pytest.param(code, _naam("ijw", nummer), mutatie, id=f"{code}-{_naam('ijw', nummer)}")
    for code, nummer, mutatie in ALLEEN_IJW
]


@pytest.mark.parametrize(("code", "naam", "mutatie"), PARAMS)
def test_mutatie_breekt_precies_deze_regel(bericht, code, naam, mutatie):
    b = bericht(naam)
    _herstel(b)
    assert validate(b.bytes()) == []
    mutatie(b)
    fouten = validate(b.bytes())
    assert [fout.code for fout in fouten] == [code], fouten
    assert fouten[0].retourcode == "0001"
    assert fouten[0].xpath.startswith("/Bericht[1]/")
    assert fouten[0].line is not None


def test_elke_tr_regel_heeft_een_mutatietest():
    getest = {code for code, _, _ in GEVALLEN + ALLEEN_IJW}
    tr_regels = {code for code, regel in REGELS.items() if regel.module.endswith(".tr")}
    assert tr_regels == getest


def test_tr386_categorie_11_tot_14_mag_stapelen_in_iwmo(bericht):
    b = bericht("WMO315")
    b.zet("//m:AangevraagdProduct/m:Product/b:Categorie", "11")
    tr386(b)
    assert validate(b.bytes()) == []


def test_tr302_verwijderde_toewijzing_telt_niet_mee(bericht):
    b = bericht("WMO301")
    kopie = b.kopieer("//m:ToegewezenProduct[1]")
    kopie.find("{*}ToewijzingNummer").text = "99999"
    ingang = kopie.find("{*}Ingangsdatum").text
    kopie.find("{*}Einddatum").text = ingang
    b.voeg_toe("//m:ToegewezenProduct[2]", "m:RedenWijziging", "13", na="m:Einddatum")
    assert [fout.code for fout in validate(b.bytes())] == []


def test_tr002_onbekende_geboortedatum_is_toegestaan(bericht):
    b = bericht("WMO301")
    b.zet("//m:Client/m:Geboortedatum/b:Datum", "1900-01-01")
    b.voeg_toe("//m:Client/m:Geboortedatum", "b:DatumGebruik", "3")
    assert [fout.code for fout in validate(b.bytes())] == []


def test_tr380_xpath_en_regel(sample_bytes):
    [fout] = validate(sample_bytes("WMO317"))
    assert fout.xpath == (
        "/Bericht[1]/Client[1]/Verzoek[1]/NieuweProducten[1]/NieuwProduct[1]"
        "/GewensteIngangsdatum[1]"
    )
    assert fout.message == (
        "GewensteIngangsdatum 02-04-2023 moet na de dagtekening van het bericht "
        "(02-04-2023) liggen."
    )
